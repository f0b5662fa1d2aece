"""Learners' pages: a module's sections, their progress, their certificates; and the public
page that checks a certificate is genuine."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from academy.exceptions import AcademyError

from . import selectors, services
from .certificates import render_certificate_pdf
from .exceptions import SectionMoved
from .forms import SECTION_FORM_ID, ReflectionForm


@never_cache
def module_section(request, *, module, number):
    """One section of a module: read it, answer its reflect questions, mark it done.

    The section's answers and its buttons belong to one form, so whichever button the learner
    presses, nothing they typed is lost. Reached through the module page's route, so it lives
    at the module's address."""
    view = selectors.module_progress_for(viewer=request.user, module=module)
    if not 1 <= number <= view.total:
        raise Http404
    if not view.can_read or (request.method == "POST" and not view.signed_in):
        return redirect_to_login(request.get_full_path())
    current = view.sections[number - 1]
    forms = _reflection_forms(request, view, current.section) if view.signed_in else {}
    unanswerable = []

    if request.method == "POST":
        if request.POST.get("section") != str(current.section.pk):
            # Sections were added, removed or reordered since the page was opened.
            messages.error(request, SectionMoved.message)
            return redirect(current.url)
        action = request.POST.get("action", "")
        if action != "complete" and not action.startswith("reflect"):
            return redirect(current.url)
        unanswerable = _answers_to_questions_gone(request, forms)
        if _save_reflections(request, current, forms) and not unanswerable:
            if action == "complete":
                return _complete(request, view, current)
            messages.success(request, _("Your reflection has been saved. Only you can read it."))
            prompt = action.partition(":")[2]
            return redirect(f"{current.url}#reflect-{prompt}" if prompt in forms else current.url)

    return render(
        request,
        "cms_pages/module_section.html",
        {
            "page": module,
            "self": module,
            "module": view,
            "current": current,
            "previous": view.sections[number - 2] if number > 1 else None,
            "next": view.sections[number] if number < view.total else None,
            "reflection_forms": forms,
            "forms_with_errors": [form for form in forms.values() if form.errors],
            "unanswerable": unanswerable,
            "section_form_id": SECTION_FORM_ID,
            "sign_in_url": None if view.signed_in else view.sign_in_url,
        },
    )


def _reflection_forms(request, view, section):
    """A form for each of the section's reflect questions, bound to what was posted for it,
    starting from the viewer's own answers (`view` holds them, from the selector)."""
    saved = {r.prompt_id: r for r in view.reflections if r.section_id == section.pk}
    forms = {}
    for block in section.body:
        if block.block_type != "reflect":
            continue
        reflection = saved.get(block.id)
        prefix = ReflectionForm.prefix_for(block.id)
        posted = request.method == "POST" and f"{prefix}-text" in request.POST
        forms[block.id] = ReflectionForm(
            data=request.POST if posted else None,
            initial={"text": reflection.text if reflection else ""},
            question=block.value["question"],
            hint=block.value["hint"],
            saved_at=reflection.updated_at if reflection else None,
            prefix=prefix,
        )
    return forms


def _answers_to_questions_gone(request, forms) -> list[str]:
    """What the learner wrote for questions an editor has since changed or removed, to show
    back to them so that they can keep it."""
    current = {f"{form.prefix}-text" for form in forms.values()}
    return [
        text
        for key, text in request.POST.items()
        if key.startswith(ReflectionForm.PREFIX) and key not in current and text.strip()
    ]


def _save_reflections(request, current, forms) -> bool:
    """Save every answer the learner changed. False, with the forms showing why, if any is
    refused; the others are still saved."""
    saved_all = True
    for prompt, form in forms.items():
        if not form.is_bound:
            continue
        if not form.is_valid():
            saved_all = False
            continue
        if not form.has_changed():
            continue
        try:
            services.save_reflection(
                person=request.user,
                section=current.section,
                prompt_id=prompt,
                text=form.cleaned_data["text"],
            )
        except AcademyError as error:
            form.add_error("text", error.message)
            saved_all = False
    return saved_all


def _complete(request, view, current):
    try:
        outcome = services.mark_section_done(person=request.user, section=current.section)
    except AcademyError as error:
        messages.error(request, error.message)
        return redirect(current.url)
    if outcome.certificate is not None:
        messages.success(
            request,
            _("You have completed every required module and earned your certificate."),
        )
        return redirect("learning:certificate", outcome.certificate.pk)
    if outcome.module_completed:
        messages.success(request, _("You have completed this module."))
        return redirect(view.page.get_url(request))
    following = next(
        (status for status in view.sections[current.number :] if not status.done), None
    ) or next((status for status in view.sections if not status.done and status != current), None)
    return redirect(following.url if following else view.page.get_url(request))


@login_required
@never_cache
@require_safe
def progress(request):
    """The learner's own progress in every programme, with where to pick up."""
    return render(
        request,
        "learning/progress.html",
        {"programmes": selectors.learning_overview_for(viewer=request.user)},
    )


def _own_certificate(request, pk):
    certificate = selectors.certificate_for(viewer=request.user, pk=pk)
    if certificate is None:
        raise Http404
    return certificate


@login_required
@never_cache
@require_safe
def certificate(request, pk):
    """The learner's certificate as a page that prints well, with its verification link."""
    certificate = _own_certificate(request, pk)
    return render(
        request,
        "learning/certificate.html",
        {
            "certificate": certificate,
            "verification_url": services.verification_url(certificate),
        },
    )


@login_required
@never_cache
@require_safe
def certificate_pdf(request, pk):
    certificate = _own_certificate(request, pk)
    pdf = render_certificate_pdf(
        certificate, verification_url=services.verification_url(certificate)
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"certificate-{slugify(certificate.programme_name)}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def verify_certificate(request, code):
    """Anyone with a certificate's link can check it is genuine. Not for search engines."""
    certificate = selectors.certificate_by_code(code)
    response = render(
        request,
        "learning/verify_certificate.html",
        {"certificate": certificate},
        status=200 if certificate else 404,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
