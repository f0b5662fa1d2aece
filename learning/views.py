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
from .exceptions import QuestionGone
from .forms import ReflectionForm


@never_cache
def module_section(request, *, module, number):
    """One section of a module: read it, answer its reflect questions, mark it done.

    Reached through the module page's route, so it lives at the module's address."""
    view = selectors.module_progress_for(viewer=request.user, module=module)
    if not 1 <= number <= view.total:
        raise Http404
    if not view.can_read or (request.method == "POST" and not view.signed_in):
        return redirect_to_login(request.get_full_path())
    current = view.sections[number - 1]
    forms = _reflection_forms(request, current.section) if view.signed_in else {}

    if request.method == "POST":
        action = request.POST.get("action")
        if action == "complete":
            return _complete(request, view, current)
        if action == "reflect":
            response = _reflect(request, current, forms)
            if response is not None:
                return response
        else:
            return redirect(current.url)

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
            "sign_in_url": None if view.signed_in else view.sign_in_url,
        },
    )


def _reflection_forms(request, section):
    saved = selectors.reflections_on_section(viewer=request.user, section=section)
    posted = request.POST.get("prompt") if request.method == "POST" else None
    forms = {}
    for block in section.body:
        if block.block_type != "reflect":
            continue
        reflection = saved.get(block.id)
        forms[block.id] = ReflectionForm(
            data=request.POST if block.id == posted else None,
            initial={"text": reflection.text if reflection else ""},
            question=block.value["question"],
            hint=block.value["hint"],
            saved_at=reflection.updated_at if reflection else None,
            prefix=f"reflect-{block.id[:8]}",
        )
    return forms


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


def _reflect(request, current, forms):
    prompt = request.POST.get("prompt")
    form = forms.get(prompt)
    if form is None:
        messages.error(request, QuestionGone.message)
        return redirect(current.url)
    if not form.is_valid():
        return None  # shown again with its errors
    try:
        services.save_reflection(
            person=request.user,
            section=current.section,
            prompt_id=prompt,
            text=form.cleaned_data["text"],
        )
    except AcademyError as error:
        form.add_error("text", error.message)
        return None
    messages.success(request, _("Your reflection has been saved. Only you can read it."))
    return redirect(f"{current.url}#reflect-{prompt}")


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
