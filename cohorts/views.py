"""Cohort pages. Participants: their cohorts, the timetable, fellow participants, attendance,
feedback, their organisation's action plan and a private calendar feed. Facilitators (and LGA
staff who run cohorts): enrolment, the attendance register, feedback, exports and moving a
session. Every read goes through a selector that takes the viewer; every change through a
service. A page the viewer has no part in is a 404, so that its existence is not revealed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from academy.exceptions import AcademyError
from academy.http import found as _found
from academy.spreadsheets import csv_download

from . import selectors, services
from .forms import (
    ActionPlanForm,
    AttendanceForm,
    CheckInForm,
    FeedbackForm,
    InviteForm,
    MoveSessionForm,
)
from .ical import calendar_of
from .models import Attendance, Cohort, Enrolment
from .scheduling import UK

COHORTS_PER_PAGE = 25


def _participant_view(request, pk):
    return _found(selectors.cohort_for_participant(viewer=request.user, pk=pk))


def _managed(request, pk):
    return _found(selectors.cohort_for_manager(viewer=request.user, pk=pk))


# --- Participants -----------------------------------------------------------------------------


@login_required
@never_cache
@require_safe
def cohort_list(request):
    """The viewer's cohorts, and the ones they run."""
    from django.core.paginator import Paginator

    managed = Paginator(selectors.cohorts_managed_by(request.user), COHORTS_PER_PAGE)
    return render(
        request,
        "cohorts/cohort_list.html",
        {
            "mine": selectors.cohorts_of(request.user),
            "managed": managed.get_page(request.GET.get("page")),
            "runs_every_cohort": selectors.runs_every_cohort(request.user),
        },
    )


@login_required
@never_cache
@require_safe
def cohort_detail(request, pk):
    """A participant's page: timetable, attendance, fellow participants and their plan.
    Someone who runs the cohort but is not in it goes to the facilitator's page."""
    view = selectors.cohort_for_participant(viewer=request.user, pk=pk)
    if view is None:
        if selectors.cohort_for_manager(viewer=request.user, pk=pk) is not None:
            return redirect("cohorts:manage", pk)
        raise Http404
    return render(request, "cohorts/cohort_detail.html", {"view": view})


def _answer(request, pk, action, success):
    cohort = _participant_view(request, pk).cohort
    try:
        enrolment = action(cohort=cohort, person=request.user)
    except AcademyError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success(enrolment))
    return redirect("cohorts:cohort", pk)


def _accepted_message(enrolment):
    if enrolment.status == Enrolment.Status.ENROLLED:
        return _("You have a place in %(cohort)s.") % {"cohort": enrolment.cohort}
    return _(
        "All places are taken, so you are on the waiting list. You will get an email if a "
        "place comes up."
    )


@login_required
@require_POST
def accept(request, pk):
    return _answer(request, pk, services.accept_place, _accepted_message)


@login_required
@require_POST
def decline(request, pk):
    return _answer(
        request,
        pk,
        services.decline_place,
        lambda enrolment: (
            _("You have declined the invitation to %(cohort)s.") % {"cohort": enrolment.cohort}
        ),
    )


@login_required
@never_cache
def withdraw(request, pk):
    """Asks first; leaving gives the place to the first person waiting."""
    view = _participant_view(request, pk)
    if request.method == "POST":
        try:
            services.withdraw(cohort=view.cohort, person=request.user, by=request.user)
        except AcademyError as error:
            messages.error(request, error.message)
            return redirect("cohorts:cohort", pk)
        messages.success(request, _("You have left %(cohort)s.") % {"cohort": view.cohort})
        return redirect("cohorts:list")
    return render(request, "cohorts/withdraw.html", {"view": view})


@login_required
@never_cache
def feedback(request, pk, number):
    session = _found(
        selectors.session_for_participant(viewer=request.user, cohort_pk=pk, number=number)
    )
    existing = selectors.own_feedback(viewer=request.user, session=session)
    initial = (
        {
            "rating": existing.rating,
            "most_useful": existing.most_useful,
            "improve": existing.improve,
        }
        if existing
        else None
    )
    form = FeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_feedback(session=session, person=request.user, **form.cleaned_data)
        except AcademyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. Your feedback has been sent."))
            return redirect("cohorts:cohort", pk)
    return render(
        request,
        "cohorts/feedback_form.html",
        {"session": session, "cohort": session.cohort, "form": form, "existing": existing},
    )


@login_required
@never_cache
def action_plan(request, pk):
    """An organisation's plan for after the cohort, with its check-ins. Participants see
    their own organisation's; facilitators choose an organisation."""
    view = _found(
        selectors.action_plan_for(
            viewer=request.user, cohort_pk=pk, organisation_id=request.GET.get("organisation")
        )
    )
    cohort_obj, organisation, plan = view.cohort, view.organisation, view.plan
    plan_form = ActionPlanForm(
        request.POST if request.POST.get("action") == "plan" else None,
        initial=_plan_initial(plan, cohort_obj),
        prefix="plan",
    )
    check_in_form = CheckInForm(
        request.POST if request.POST.get("action") == "check-in" else None, prefix="check-in"
    )
    here = request.get_full_path()
    if request.method == "POST":
        if plan_form.is_bound and plan_form.is_valid():
            try:
                services.save_action_plan(
                    cohort=cohort_obj,
                    organisation=organisation,
                    details=services.PlanDetails(**plan_form.cleaned_data),
                    by=request.user,
                )
            except AcademyError as error:
                plan_form.add_error(None, error.message)
            else:
                messages.success(request, _("The plan has been saved."))
                return redirect(here)
        elif check_in_form.is_bound and plan and check_in_form.is_valid():
            try:
                services.check_in(plan=plan, by=request.user, **check_in_form.cleaned_data)
            except AcademyError as error:
                check_in_form.add_error(None, error.message)
            else:
                messages.success(request, _("Your check-in has been saved."))
                return redirect(here)
    return render(
        request,
        "cohorts/action_plan.html",
        {
            "cohort": cohort_obj,
            "organisation": organisation,
            "plan": plan,
            "plan_form": plan_form,
            "check_in_form": check_in_form,
            "forms_with_errors": [f for f in (plan_form, check_in_form) if f.errors],
            "managing": view.managing,
        },
    )


def _plan_initial(plan, cohort):
    if plan:
        return {
            "title": plan.title,
            "goals": plan.goals,
            "starts_on": plan.starts_on,
            "ends_on": plan.ends_on,
        }
    start = cohort.end_date
    return {"title": _("100-day plan"), "starts_on": start}


@login_required
@never_cache
def calendar_settings(request):
    """Turn on, replace or turn off the viewer's private calendar address."""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "on":
            services.turn_on_calendar_feed(person=request.user)
            messages.success(request, _("Your calendar address is ready. Copy it below."))
        elif action == "replace":
            services.replace_calendar_feed(person=request.user)
            messages.success(
                request, _("You have a new calendar address. The old one no longer works.")
            )
        elif action == "off":
            services.turn_off_calendar_feed(person=request.user)
            messages.success(request, _("Your calendar address has been switched off."))
        return redirect("cohorts:calendar")
    feed = selectors.calendar_feed_of(request.user)
    feed_url = (
        request.build_absolute_uri(reverse("cohorts:calendar-feed", args=[feed.token]))
        if feed
        else None
    )
    return render(request, "cohorts/calendar.html", {"feed_url": feed_url})


@require_safe
def calendar_feed(request, token):
    """The sessions of the feed owner's cohorts, for calendar apps. The address is the only
    key, so nothing here names another participant."""
    found = _found(selectors.sessions_in_feed(token))
    _person, sessions = found
    response = HttpResponse(
        calendar_of(sessions, name=_("Digital Academy sessions")),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="digital-academy.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# --- Facilitators -----------------------------------------------------------------------------


@login_required
@never_cache
@require_safe
def manage(request, pk):
    """A facilitator's page: places and the waiting list, sessions, feedback and plans."""
    view = _found(selectors.cohort_overview_for_manager(viewer=request.user, pk=pk))
    return render(
        request,
        "cohorts/manage.html",
        {"view": view, "cohort": view.cohort, "now": timezone.now()},
    )


@login_required
@never_cache
def invite(request, pk):
    cohort = _managed(request, pk)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invited, refused = [], []
        for person in form.cleaned_data["emails"]:
            try:
                services.invite_to_cohort(cohort=cohort, person=person, by=request.user)
            except AcademyError as error:
                refused.append((person, error.message))
            else:
                invited.append(person)
        if invited:
            messages.success(
                request,
                _("Invited %(names)s. Each gets an email asking them to accept.")
                % {"names": ", ".join(person.full_name for person in invited)},
            )
        if not refused:
            return redirect("cohorts:manage", pk)
        # Keep only the addresses that still need attention, each with why.
        form = InviteForm({"emails": "\n".join(person.email for person, _m in refused)})
        form.is_valid()
        for _person, message in refused:
            form.add_error("emails", str(message))
    return render(request, "cohorts/invite.html", {"cohort": cohort, "form": form})


@login_required
@never_cache
def remove_person(request, pk, person_pk):
    """Take someone out of the cohort, or cancel their invitation, after confirming."""
    enrolment = _found(
        selectors.enrolment_for_manager(viewer=request.user, cohort_pk=pk, person_pk=person_pk)
    )
    cohort = enrolment.cohort
    if request.method == "POST":
        try:
            services.withdraw(cohort=cohort, person=enrolment.person, by=request.user)
        except AcademyError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("%(name)s is no longer in the cohort.") % {"name": enrolment.person}
            )
        return redirect("cohorts:manage", pk)
    return render(request, "cohorts/remove_person.html", {"cohort": cohort, "enrolment": enrolment})


@login_required
@never_cache
def attendance(request, pk, number):
    """Register attendance for a session: a row of radios per participant."""
    found = _found(selectors.attendance_register(viewer=request.user, cohort_pk=pk, number=number))
    cohort, session, people, marks = found
    form = AttendanceForm(request.POST or None, people=people, marks=marks)
    if request.method == "POST" and form.is_valid():
        everyone = request.POST.get("action") == "everyone-else"
        try:
            changed = services.record_attendance(
                session=session,
                marks=form.marks(everyone_else_attended=everyone),
                by=request.user,
            )
        except AcademyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Attendance for session %(number)s is saved (%(count)s changed).")
                % {"number": session.number, "count": changed},
            )
            return redirect("cohorts:manage", pk)
    return render(
        request,
        "cohorts/attendance.html",
        {
            "cohort": cohort,
            "session": session,
            "form": form,
            "started": session.starts_at <= timezone.now(),
        },
    )


@login_required
@never_cache
def move_session(request, pk, number):
    session = _found(
        selectors.session_for_manager(viewer=request.user, cohort_pk=pk, number=number)
    )
    cohort = session.cohort
    local = session.starts_at.astimezone(UK)
    form = MoveSessionForm(request.POST or None, initial={"day": local.date(), "at": local.time()})
    if request.method == "POST" and form.is_valid():
        try:
            services.reschedule_session(session=session, by=request.user, **form.cleaned_data)
        except AcademyError as error:
            form.add_error("day", error.message)
        else:
            messages.success(
                request,
                _("Session %(number)s has moved. Everyone enrolled is being told by email.")
                % {"number": session.number},
            )
            return redirect("cohorts:manage", pk)
    return render(
        request, "cohorts/move_session.html", {"cohort": cohort, "session": session, "form": form}
    )


@login_required
@require_POST
def confirm(request, pk):
    cohort = _managed(request, pk)
    try:
        services.confirm_cohort(cohort=cohort, by=request.user)
    except AcademyError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The cohort is confirmed. Its sessions are being scheduled."))
    return redirect("cohorts:manage", pk)


@login_required
@require_POST
def close(request, pk):
    cohort = _managed(request, pk)
    try:
        completed = services.complete_cohort(cohort_id=cohort.pk, by=request.user)
    except AcademyError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The cohort is closed. %(count)s people completed it and get a certificate.")
            % {"count": completed},
        )
    return redirect("cohorts:manage", pk)


@login_required
@never_cache
@require_safe
def feedback_summary(request, pk):
    found = _found(selectors.feedback_for_manager(viewer=request.user, cohort_pk=pk))
    cohort, sessions = found
    return render(
        request, "cohorts/feedback_summary.html", {"cohort": cohort, "sessions": sessions}
    )


def _filename(cohort: Cohort, what: str) -> str:
    return f"{slugify(cohort.name)}-{what}-{timezone.localdate():%Y-%m-%d}.csv"


@login_required
@never_cache
@require_safe
def attendance_csv(request, pk):
    view = _found(
        selectors.cohort_overview_for_manager(viewer=request.user, pk=pk, with_marks=True)
    )
    labels = dict(Attendance.Status.choices)
    marks = {key: labels[status] for key, status in view.marks.items()}
    members = [e for e in view.enrolments if e.status in Enrolment.MEMBER_STATUSES]
    header = [
        _("Name"),
        _("Organisation"),
        _("Job title"),
        _("Status"),
        *[f"{s.number}. {s.title} ({s.starts_at.astimezone(UK):%d %b %Y})" for s in view.sessions],
        _("Sessions attended"),
    ]
    rows = []
    for enrolment in members:
        person = enrolment.person
        row_marks = [marks.get((s.pk, person.pk), "") for s in view.sessions]
        attended = sum(
            1
            for s in view.sessions
            if marks.get((s.pk, person.pk)) == Attendance.Status.ATTENDED.label
        )
        rows.append(
            [
                person.full_name,
                str(person.organisation or ""),
                person.job_title,
                enrolment.get_status_display(),
                *row_marks,
                attended,
            ]
        )
    return csv_download(filename=_filename(view.cohort, "attendance"), header=header, rows=rows)


@login_required
@never_cache
@require_safe
def feedback_csv(request, pk):
    found = _found(selectors.feedback_for_manager(viewer=request.user, cohort_pk=pk))
    cohort, sessions = found
    header = [
        _("Session"),
        _("Title"),
        _("Date"),
        _("Rating (1 to 5)"),
        _("Rating"),
        _("What was most useful"),
        _("What could be better"),
        _("Submitted"),
    ]
    rows = [
        [
            session.number,
            session.title,
            f"{session.starts_at.astimezone(UK):%Y-%m-%d}",
            item.rating,
            item.get_rating_display(),
            item.most_useful,
            item.improve,
            f"{timezone.localtime(item.submitted_at):%Y-%m-%d %H:%M}",
        ]
        for session in sessions
        for item in session.feedback.all()
    ]
    return csv_download(filename=_filename(cohort, "feedback"), header=header, rows=rows)
