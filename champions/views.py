"""Champions-network pages. Anyone: the directory, a champion's profile, open sessions and
suggested mentors. Signed-in members: registering for sessions, asking for mentoring, their
requests and relationships with the meeting log and feedback. Champions: their profile, the
requests they are asked, the sessions they host. LGA staff: every relationship.

Every read goes through a selector that takes the viewer; a relationship the viewer has no
part in is a 404. Pages about mentoring are private and never cached."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from academy.exceptions import AcademyError
from academy.http import found as _found
from academy.http import posted as _posted

from . import exceptions, selectors, services
from .forms import (
    AnswerForm,
    FeedbackForm,
    FindMentorForm,
    MeetingForm,
    MentoringRequestForm,
    ProfileForm,
    SessionForm,
)
from .models import Mentoring, OpenSession

PER_PAGE = 25
Status = Mentoring.Status


# --- Public -----------------------------------------------------------------------------------


@require_safe
def directory(request):
    return render(
        request,
        "champions/directory.html",
        {"directory": selectors.directory(request.GET)},
    )


@require_safe
def profile(request, slug):
    view = _found(selectors.profile_for(viewer=request.user, slug=slug))
    return render(request, "champions/profile.html", {"view": view, "profile": view.profile})


@require_safe
def sessions(request):
    """Every session to come, or one champion's (`?champion=<their address>`)."""
    host = None
    if request.GET.get("champion"):
        host = selectors.visible_profile(viewer=request.user, slug=request.GET["champion"])
    listing = Paginator(selectors.upcoming_sessions(request.user, champion=host), PER_PAGE)
    return render(
        request,
        "champions/sessions.html",
        {
            "sessions": listing.get_page(request.GET.get("page")),
            "host": host,
            "own": selectors.own_profile(request.user),
        },
    )


def session_detail(request, pk):
    view = _found(selectors.session_for(viewer=request.user, pk=pk))
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        action = request.POST.get("action")
        if action not in ("register", "cancel-registration"):
            return HttpResponseBadRequest(_("Choose to register or to give up your place."))
        try:
            if action == "cancel-registration":
                if services.cancel_registration(session=view.session, person=request.user):
                    messages.success(request, _("You have given up your place."))
                else:
                    messages.info(request, _("You had no place at this session."))
            elif view.registration is not None:
                messages.info(request, _("You are already registered."))
            else:
                services.register(session=view.session, person=request.user)
                messages.success(
                    request,
                    _("You are registered. An email with a calendar entry is on its way."),
                )
        except AcademyError as error:
            messages.error(request, error.message)
        return redirect("champions:session", pk)
    return render(
        request,
        "champions/session.html",
        {"view": view, "session": view.session, "now": timezone.now()},
    )


@require_safe
def find_mentor(request):
    form = FindMentorForm(request.GET or None)
    chosen = form.is_valid() and (form.cleaned_data["theme"] or form.cleaned_data["area"])
    suggestions = []
    if chosen:
        suggestions = selectors.suggest_champions(
            viewer=request.user,
            themes=form.cleaned_data["theme"],
            service_areas=form.cleaned_data["area"],
            limit=10,
        )
    return render(
        request,
        "champions/find_mentor.html",
        {"form": form, "suggestions": suggestions, "chosen": chosen},
    )


# --- Mentoring --------------------------------------------------------------------------------


@login_required
@never_cache
def ask(request, slug):
    view = _found(selectors.profile_for(viewer=request.user, slug=slug))
    champion = view.profile
    if view.viewer_mentoring is not None:
        return redirect("champions:mentoring", view.viewer_mentoring.pk)
    form = MentoringRequestForm(
        _posted(request),
        champion=champion,
        initial={"themes": request.GET.getlist("theme"), "areas": request.GET.getlist("area")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            mentoring = services.request_mentoring(
                mentee=request.user,
                champion=champion,
                topic=data["topic"],
                goals=data["goals"],
                themes=data.get("themes", ()),
                areas=data.get("areas", ()),
            )
        except AcademyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Your request is with %(name)s. You will get an email when they answer.")
                % {"name": champion.person.full_name},
            )
            return redirect("champions:mentoring", mentoring.pk)
    return render(
        request,
        "champions/ask.html",
        {"view": view, "profile": champion, "form": form, "full": view.spare_places == 0},
    )


@login_required
@never_cache
@require_safe
def my_mentoring(request):
    return render(
        request, "champions/my_mentoring.html", {"mine": selectors.my_mentoring(request.user)}
    )


# What each form on a relationship's page does, by the `action` it posts.
ACTIONS = ("answer", "withdraw", "meeting", "close", "feedback")


def _relationship_forms(data, action):
    def bound(name):
        return data if action == name else None

    return {
        "answer_form": AnswerForm(bound("answer"), prefix="answer"),
        "meeting_form": MeetingForm(
            bound("meeting"), prefix="meeting", initial={"met_on": timezone.localdate()}
        ),
        "close_form": FeedbackForm(bound("close"), prefix="close"),
        "feedback_form": FeedbackForm(bound("feedback"), prefix="feedback"),
    }


# What people type on a relationship's page, given back when it could not be saved.
TYPED = ("note", "summary", "next_steps", "comment")


def _typed(form) -> list[str]:
    data = getattr(form, "cleaned_data", None) or {}
    return [data[name] for name in TYPED if data.get(name)]


def _act(request, relationship, action, forms) -> str | None:
    """Do what was posted; the message to show, or None when a form has errors."""
    mentoring, user = relationship.mentoring, request.user
    if action == "withdraw":
        services.withdraw(mentoring=mentoring, by=user)
        return _("Your request is withdrawn.")
    form = forms[f"{action}_form"]
    if not form.is_valid():
        return None
    data = form.cleaned_data
    if action == "answer":
        if data["answer"] == AnswerForm.ACCEPT:
            services.accept(mentoring=mentoring, by=user, note=data["note"])
            return _("You are now mentoring %(name)s. They have been told by email.") % {
                "name": mentoring.mentee.full_name
            }
        services.decline(mentoring=mentoring, by=user, note=data["note"])
        return _("You have declined. %(name)s has been told and pointed to other champions.") % {
            "name": mentoring.mentee.full_name
        }
    if action == "meeting":
        services.log_meeting(mentoring=mentoring, by=user, **data)
        return _("The meeting is in your log.")
    if action == "close":
        services.close(mentoring=mentoring, by=user, **data)
        return _("The mentoring has finished. Thank you for your feedback.")
    services.give_feedback(mentoring=mentoring, by=user, **data)
    return _("Thank you for your feedback.")


@login_required
@never_cache
def mentoring(request, pk):
    relationship = _found(selectors.relationship_for(viewer=request.user, pk=pk))
    action = request.POST.get("action") if request.method == "POST" else None
    if action is not None and (action not in ACTIONS or not relationship.takes_part):
        raise Http404
    forms = _relationship_forms(request.POST, action)
    unsaved = []
    if action:
        try:
            done = _act(request, relationship, action, forms)
        except (exceptions.WrongStage, exceptions.AlreadyGaveFeedback) as error:
            # The page was out of date: show it as it is now, with the reason, and give back
            # anything they wrote so that it is not lost.
            messages.error(request, error.message)
            unsaved = _typed(forms.get(f"{action}_form"))
            if not unsaved:
                return redirect("champions:mentoring", pk)
            relationship = _found(selectors.relationship_for(viewer=request.user, pk=pk))
            forms = _relationship_forms(None, None)
        except AcademyError as error:
            form = forms.get(f"{action}_form")
            if form is None:
                messages.error(request, error.message)
                return redirect("champions:mentoring", pk)
            form.add_error(None, error.message)
        else:
            if done is not None:
                messages.success(request, done)
                return redirect("champions:mentoring", pk)
    suggestions = []
    m = relationship.mentoring
    if relationship.is_mentee and m.status in (Status.DECLINED, Status.WITHDRAWN):
        suggestions = selectors.suggestions_for(viewer=request.user, mentoring=m)
    errors = next((f for f in forms.values() if f.is_bound and f.errors), None)
    return render(
        request,
        "champions/mentoring.html",
        {
            "relationship": relationship,
            "mentoring": m,
            "suggestions": suggestions,
            "form": errors,  # the form with errors, for the error summary and the title
            "today": timezone.localdate(),
            "unsaved": unsaved,
            **forms,
        },
    )


@login_required
@never_cache
@require_safe
def all_mentoring(request):
    if not selectors.runs_network(request.user):
        raise Http404
    status = request.GET.get("status", "")
    rows = Paginator(selectors.all_mentoring(request.user, status=status), PER_PAGE)
    return render(
        request,
        "champions/all_mentoring.html",
        {
            "rows": rows.get_page(request.GET.get("page")),
            "status": status if status in Status.values else "",
            "statuses": Status.choices,
        },
    )


# --- A champion's own pages -------------------------------------------------------------------


def _own_profile(request):
    own = selectors.own_profile(request.user)
    if own is None:
        raise Http404
    return own


@login_required
@never_cache
def edit_profile(request):
    own = _own_profile(request)
    form = ProfileForm(
        _posted(request),
        instance=own,
        initial={"themes": own.themes.all(), "service_areas": own.service_areas.all()},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_profile(
                profile=own,
                by=request.user,
                themes=data.pop("themes"),
                service_areas=data.pop("service_areas"),
                **data,
            )
        except AcademyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("champions:profile", own.slug)
    return render(request, "champions/edit_profile.html", {"form": form, "profile": own})


def _session_initial(session: OpenSession) -> dict:
    local = timezone.localtime(session.starts_at)
    return {
        **{name: getattr(session, name) for name in services.SESSION_FIELDS},
        "day": local.date(),
        "at": local.time(),
    }


@login_required
@never_cache
def session_form(request, pk=None):
    """A champion puts on an open session, or changes one they host."""
    own = _own_profile(request)
    session = None
    if pk is not None:
        session = _found(selectors.sessions_hosted_by(request.user).filter(pk=pk).first())
    form = SessionForm(_posted(request), initial=_session_initial(session) if session else None)
    if request.method == "POST" and form.is_valid():
        try:
            if session is None:
                session = services.create_session(by=request.user, **form.session_fields())
                done = _("Your session is listed. People can register now.")
            else:
                services.update_session(session=session, by=request.user, **form.session_fields())
                done = _("Your session is saved.")
        except AcademyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, done)
            return redirect("champions:session", session.pk)
    return render(
        request,
        "champions/session_form.html",
        {
            "form": form,
            "session": session,
            "profile": own,
            "hosted": selectors.sessions_hosted_by(request.user)[:20] if session is None else [],
        },
    )


@login_required
@never_cache
def cancel_session(request, pk):
    """Asks first, since it cannot be undone and everyone registered is emailed."""
    session = _found(selectors.sessions_hosted_by(request.user).filter(pk=pk).first())
    if request.method != "POST":
        return render(request, "champions/cancel_session.html", {"session": session})
    try:
        services.cancel_session(session=session, by=request.user)
    except AcademyError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The session is cancelled. Everyone registered is told."))
    return redirect("champions:session", pk)
