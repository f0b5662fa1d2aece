"""Every change to a cohort: setting it up and scheduling its sessions, invitations and places,
the waiting list, attendance, feedback, completion, action plans and calendar feeds. Views,
the admin, Celery tasks and the demo loader all call these, so they behave the same.

Emails are decided here, as `Notification` rows written in the same transaction as the change
that causes them; `notifications.deliver_pending` sends them after the commit."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from academy.exceptions import PermissionDenied
from academy.models import Organisation, User
from learning.models import Certificate

from . import exceptions, scheduling, selectors
from .models import (
    PLAN_TEXT_MAX_LENGTH,
    ActionPlan,
    ActionPlanCheckIn,
    Attendance,
    CalendarFeed,
    Cohort,
    CohortSession,
    Enrolment,
    Notification,
    SessionFeedback,
    _new_feed_token,
)
from .notifications import (
    REMINDER_WINDOWS,
    deliver_after_commit,
    notify,
    reminder_occasion,
    window_has_opened,
)

Status = Enrolment.Status
STILL_TAKING_PART = (Status.INVITED, Status.ENROLLED, Status.WAITLISTED)
# Changing any of these after the sessions are scheduled would leave the timetable wrong.
TIMETABLE_FIELDS = (
    "start_date",
    "span_months",
    "session_count",
    "weekday",
    "local_start_time",
    "duration_minutes",
)
COHORT_FIELDS = (
    "curriculum",
    "place",
    "name",
    "summary",
    *TIMETABLE_FIELDS,
    "venue",
    "online_link",
    "capacity",
    "completion_percent",
)


def _require_manager(by: User, cohort: Cohort) -> None:
    if not selectors.can_manage_cohort(viewer=by, cohort=cohort):
        raise exceptions.NotAFacilitator()


def _validated(cohort: Cohort) -> None:
    """Check a cohort's set-up, with a sentence for each problem, including whether its
    sessions fit the span at all (a span full of bank holidays and added days off)."""
    try:
        cohort.full_clean(exclude=["facilitators"])
    except ValidationError as error:
        raise exceptions.InvalidCohortSetup(
            " ".join(dict.fromkeys(message for message in error.messages))
        ) from error
    planned_session_dates(cohort)


def planned_session_dates(cohort: Cohort) -> list[date]:
    """The days a cohort's sessions would fall on, as scheduling will choose them."""
    return scheduling.spread_session_dates(
        start=cohort.start_date,
        end=cohort.end_date,
        count=cohort.session_count,
        weekday=cohort.weekday,
        avoid=scheduling.days_to_avoid(cohort.start_date, cohort.end_date),
    )


def create_cohort(*, by: User, facilitators: Iterable[User] = (), **fields) -> Cohort:
    """Set up a cohort in draft: nobody is told anything until people are invited, and its
    sessions are scheduled when it is confirmed."""
    if not by.has_perm("cohorts.add_cohort"):
        raise PermissionDenied(_("Only the LGA team can set up cohorts."))
    unknown = set(fields) - set(COHORT_FIELDS)
    if unknown:
        raise TypeError(f"Not cohort fields: {', '.join(sorted(unknown))}")
    fields.setdefault("session_count", fields["curriculum"].default_session_count)
    cohort = Cohort(created_by=by, **fields)
    _validated(cohort)
    with transaction.atomic():
        cohort.save()
        cohort.facilitators.set(facilitators)
        log(cohort, "cohorts.cohort.create", user=by)
    return cohort


def update_cohort(
    *, cohort: Cohort, by: User, facilitators: Iterable[User] | None = None, **changes
):
    """Change a cohort's details. Once its sessions are scheduled the timetable stays as it
    is (a facilitator moves single sessions); more places take people off the waiting list."""
    if not by.has_perm("cohorts.change_cohort"):
        raise PermissionDenied(_("Only the LGA team can change a cohort's details."))
    unknown = set(changes) - set(COHORT_FIELDS)
    if unknown:
        raise TypeError(f"Not cohort fields: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        changed = [name for name, value in changes.items() if getattr(cohort, name) != value]
        if cohort.scheduled_at and set(changed) & set(TIMETABLE_FIELDS):
            raise exceptions.InvalidCohortSetup(
                _(
                    "The sessions are already scheduled, so the timetable cannot change. "
                    "Move single sessions from the cohort's page instead."
                )
            )
        if "capacity" in changed:
            enrolled = cohort.enrolments.filter(status=Status.ENROLLED).count()
            if changes["capacity"] < enrolled:
                raise exceptions.InvalidCohortSetup(
                    _(
                        "%(count)s people are already enrolled, so the cohort needs at least "
                        "%(count)s places."
                    )
                    % {"count": enrolled}
                )
        for name in changed:
            setattr(cohort, name, changes[name])
        if changed:
            _validated(cohort)
            cohort.save(update_fields=changed)
        if facilitators is not None:
            before = set(cohort.facilitators.values_list("pk", flat=True))
            cohort.facilitators.set(facilitators)
            if before != {person.pk for person in facilitators}:
                changed.append("facilitators")
        if changed:
            log(cohort, "cohorts.cohort.edit", user=by, data={"fields": changed})
        if "capacity" in changed:
            _fill_places(cohort, by=by)
    return cohort


def confirm_cohort(*, cohort: Cohort, by: User) -> Cohort:
    """Confirm a cohort that is being set up; its sessions are then scheduled in the
    background (see `schedule_sessions`)."""
    _require_manager(by, cohort)
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if cohort.status != Cohort.Status.DRAFT:
            raise exceptions.InvalidCohortSetup(_("This cohort has already been confirmed."))
        _validated(cohort)
        cohort.status = Cohort.Status.CONFIRMED
        cohort.save(update_fields=["status"])
        log(cohort, "cohorts.cohort.confirm", user=by)
        from .tasks import schedule_cohort_sessions

        schedule_cohort_sessions.delay_on_commit(cohort.pk)
    return cohort


def cancel_cohort(*, cohort: Cohort, by: User) -> Cohort:
    """Call a cohort off before it has finished. Everyone invited, enrolled or waiting is told
    by email, with a calendar file that takes its sessions out of their calendars."""
    if not by.has_perm("cohorts.change_cohort"):
        raise PermissionDenied(_("Only the LGA team can cancel a cohort."))
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if cohort.status not in (Cohort.Status.DRAFT, Cohort.Status.CONFIRMED):
            raise exceptions.CohortNotOpen(
                _("Only a cohort that has not finished can be cancelled.")
            )
        cohort.status = Cohort.Status.CANCELLED
        cohort.save(update_fields=["status"])
        log(cohort, "cohorts.cohort.cancel", user=by)
        for person_id in cohort.enrolments.filter(status__in=STILL_TAKING_PART).values_list(
            "person_id", flat=True
        ):
            notify(person_id=person_id, cohort=cohort, kind=Notification.Kind.CANCELLED)
        deliver_after_commit()
    return cohort


def schedule_sessions(*, cohort_id: int) -> list[CohortSession]:
    """Make a confirmed cohort's sessions: spread evenly across its span on its day of the
    week, never on a weekend or a bank holiday, at the same UK time all year. Scheduling
    twice changes nothing."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().select_related("curriculum").get(pk=cohort_id)
        existing = list(cohort.sessions.order_by("number"))
        if existing or cohort.status != Cohort.Status.CONFIRMED:
            return existing
        modules = [
            item.module
            for item in cohort.curriculum.modules.select_related("module").order_by("sort_order")
        ]
        length = timedelta(minutes=cohort.duration_minutes)
        sessions = []
        for number, day in enumerate(planned_session_dates(cohort), start=1):
            module = modules[number - 1] if number <= len(modules) else None
            starts_at = scheduling.uk_datetime(day, cohort.local_start_time)
            sessions.append(
                CohortSession(
                    cohort=cohort,
                    number=number,
                    module=module,
                    title=module.title if module else _("Review and action planning"),
                    starts_at=starts_at,
                    ends_at=starts_at + length,
                )
            )
        CohortSession.objects.bulk_create(sessions)
        cohort.scheduled_at = timezone.now()
        cohort.save(update_fields=["scheduled_at"])
        log(cohort, "cohorts.cohort.schedule", data={"sessions": len(sessions)})
        # Those already enrolled get the timetable now that there is one.
        for enrolment in cohort.enrolments.filter(status=Status.ENROLLED):
            notify(
                person_id=enrolment.person_id,
                cohort=cohort,
                kind=Notification.Kind.TIMETABLE,
            )
        deliver_after_commit()
    return list(cohort.sessions.order_by("number"))


def reschedule_session(*, session: CohortSession, day: date, at: time, by: User) -> CohortSession:
    """Move one session to another day or time, and tell every participant. The new time
    must fall inside the cohort's span, on a working day that is not a bank holiday, in the
    future, and between the sessions either side of it."""
    _require_manager(by, session.cohort)
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=session.cohort_id)
        session = CohortSession.objects.select_for_update().get(pk=session.pk)
        others = list(cohort.sessions.exclude(pk=session.pk).order_by("starts_at"))
        starts_at = scheduling.uk_datetime(day, at)
        _check_new_time(cohort=cohort, session=session, others=others, starts_at=starts_at)
        before = session.starts_at
        if starts_at == before:
            return session
        session.ends_at = starts_at + (session.ends_at - session.starts_at)
        session.starts_at = starts_at
        session.sequence += 1
        session.save(update_fields=["starts_at", "ends_at", "sequence"])
        log(
            session,
            "cohorts.session.move",
            user=by,
            data={"from": before.isoformat(), "to": starts_at.isoformat()},
        )
        members = list(
            cohort.enrolments.filter(status=Status.ENROLLED).values_list("person_id", flat=True)
        )
        for person_id in members:
            notify(
                person_id=person_id,
                cohort=cohort,
                session=session,
                kind=Notification.Kind.SESSION_MOVED,
                occasion=f"move-{session.sequence}",
            )
        _reminders_told_by_the_move(session=session, members=members)
        deliver_after_commit()
    return session


def _reminders_told_by_the_move(*, session: CohortSession, members: list[int]) -> None:
    """A moved session's reminders are due again for its new time, except those already due
    when it moves: the email about the move, with its calendar file, goes as near to the
    session as they would have. Recorded as skipped, so the sweep does not send them too."""
    now = timezone.now()
    Notification.objects.bulk_create(
        [
            Notification(
                person_id=person_id,
                cohort_id=session.cohort_id,
                session=session,
                kind=kind,
                occasion=reminder_occasion(session.starts_at),
                skipped_at=now,
                last_error="The email about the move gave the new time.",
            )
            for kind in REMINDER_WINDOWS
            if window_has_opened(kind, starts_at=session.starts_at, now=now)
            for person_id in members
        ],
        ignore_conflicts=True,
    )


def _check_new_time(*, cohort, session, others, starts_at: datetime) -> None:
    now = timezone.now()
    local = starts_at.astimezone(scheduling.UK)
    day = local.date()

    def refuse(message):
        raise exceptions.CannotMoveSession(message)

    if cohort.status != Cohort.Status.CONFIRMED or not cohort.scheduled_at:
        raise exceptions.NotScheduled()
    if session.starts_at <= now:
        refuse(_("Session %(number)s has already started, so it cannot move.") % _n(session))
    if starts_at <= now:
        refuse(_("Choose a time in the future."))
    if not cohort.start_date <= day <= cohort.end_date:
        refuse(
            _("Choose a day from %(start)s to %(end)s, while the cohort runs.")
            % {
                "start": date_format(cohort.start_date, "j F Y"),
                "end": date_format(cohort.end_date, "j F Y"),
            }
        )
    reason = scheduling.why_not_a_session_day(day, scheduling.days_to_avoid(day, day))
    if reason:
        refuse(reason)
    for other in others:
        if other.starts_at.astimezone(scheduling.UK).date() == day:
            refuse(
                _("Session %(number)s is already on %(day)s. Choose another day.")
                % {**_n(other), "day": date_format(day, "l j F Y")}
            )
    earlier = [other for other in others if other.number < session.number]
    later = [other for other in others if other.number > session.number]
    if earlier and starts_at <= earlier[-1].starts_at:
        refuse(_order_message(session, earlier[-1], "after"))
    if later and starts_at >= later[0].starts_at:
        refuse(_order_message(session, later[0], "before"))


def _order_message(session, neighbour, side: str) -> str:
    values = {
        **_n(session),
        "other": neighbour.number,
        "day": date_format(neighbour.starts_at.astimezone(scheduling.UK), "l j F Y"),
    }
    if side == "after":
        message = _(
            "Sessions cover the modules in turn, so session %(number)s must stay after "
            "session %(other)s on %(day)s."
        )
    else:
        message = _(
            "Sessions cover the modules in turn, so session %(number)s must stay before "
            "session %(other)s on %(day)s."
        )
    return message % values


def _n(session):
    return {"number": session.number}


# --- Places -----------------------------------------------------------------------------------


def invite_to_cohort(*, cohort: Cohort, person: User, by: User) -> Enrolment:
    """Invite someone with an account to join a cohort; they accept or decline on the site.
    People whose organisation serves another place cannot join: the cohort is place-based."""
    _require_manager(by, cohort)
    if cohort.status not in (Cohort.Status.DRAFT, Cohort.Status.CONFIRMED):
        raise exceptions.CohortNotOpen()
    if not person.is_active:
        raise exceptions.CohortNotOpen(_("%(name)s's account is closed.") % {"name": person})
    organisation = person.organisation
    if organisation and organisation.place_id and organisation.place_id != cohort.place_id:
        raise exceptions.OutsideThePlace(
            _(
                "%(name)s works for %(organisation)s, which is not in %(place)s. A cohort "
                "brings together the public bodies of one place."
            )
            % {"name": person, "organisation": organisation, "place": cohort.place}
        )
    now = timezone.now()
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update().filter(cohort=cohort, person=person).first()
        )
        if enrolment is None:
            try:
                with transaction.atomic():
                    enrolment = Enrolment.objects.create(
                        cohort=cohort,
                        person=person,
                        status=Status.INVITED,
                        invited_by=by,
                        invited_at=now,
                    )
            except IntegrityError as error:
                raise exceptions.AlreadyInCohort(
                    _("%(name)s was invited a moment ago.") % {"name": person}
                ) from error
        elif enrolment.status == Status.INVITED:
            raise exceptions.AlreadyInCohort(
                _("%(name)s has already been invited and has not answered yet.") % {"name": person}
            )
        elif enrolment.status in (Status.DECLINED, Status.WITHDRAWN):
            enrolment.status = Status.INVITED
            enrolment.invited_by = by
            enrolment.invited_at = now
            enrolment.invitation_count += 1
            enrolment.responded_at = enrolment.withdrawn_at = enrolment.queue_number = None
            enrolment.save()
        else:
            raise exceptions.AlreadyInCohort(
                _("%(name)s is already in this cohort (%(status)s).")
                % {"name": person, "status": enrolment.get_status_display().lower()}
            )
        log(enrolment, "cohorts.enrolment.invite", user=by)
        notify(
            person_id=person.pk,
            cohort=cohort,
            kind=Notification.Kind.INVITATION,
            occasion=f"invitation-{enrolment.invitation_count}",
        )
        deliver_after_commit()
    return enrolment


def accept_place(*, cohort: Cohort, person: User) -> Enrolment:
    """Accept an invitation. There is a place while the cohort has fewer enrolled than its
    capacity; otherwise the person joins the waiting list. The cohort's row is locked, so
    people accepting at the same moment are served one at a time, in the order they arrive."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        enrolment = _own_enrolment_for_update(cohort, person)
        if enrolment is None or enrolment.status != Status.INVITED:
            raise exceptions.NoInvitation()
        if cohort.status not in (Cohort.Status.DRAFT, Cohort.Status.CONFIRMED):
            raise exceptions.CohortNotOpen()
        enrolled = cohort.enrolments.filter(status=Status.ENROLLED).count()
        now = timezone.now()
        cohort.last_queue_number += 1
        cohort.save(update_fields=["last_queue_number"])
        enrolment.queue_number = cohort.last_queue_number
        enrolment.responded_at = now
        if enrolled < cohort.capacity:
            enrolment.status = Status.ENROLLED
            enrolment.enrolled_at = now
        else:
            enrolment.status = Status.WAITLISTED
        enrolment.save(update_fields=["queue_number", "responded_at", "status", "enrolled_at"])
        if enrolment.status == Status.ENROLLED and cohort.scheduled_at:
            notify(person_id=person.pk, cohort=cohort, kind=Notification.Kind.TIMETABLE)
            deliver_after_commit()
        log(
            enrolment,
            "cohorts.enrolment.accept",
            user=person,
            data={"status": enrolment.status, "queue_number": enrolment.queue_number},
        )
    return enrolment


def decline_place(*, cohort: Cohort, person: User) -> Enrolment:
    """Say no to an invitation. The facilitator can invite the person again later."""
    with transaction.atomic():
        enrolment = _own_enrolment_for_update(cohort, person)
        if enrolment is None or enrolment.status != Status.INVITED:
            raise exceptions.NoInvitation()
        enrolment.status = Status.DECLINED
        enrolment.responded_at = timezone.now()
        enrolment.save(update_fields=["status", "responded_at"])
        log(enrolment, "cohorts.enrolment.decline", user=person)
    return enrolment


def withdraw(*, cohort: Cohort, person: User, by: User) -> Enrolment:
    """Leave a cohort (or, for a facilitator, take someone out of it or cancel their
    invitation). A place that comes free goes to the first person on the waiting list, who
    is told by email."""
    if by.pk != person.pk:
        _require_manager(by, cohort)
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        enrolment = _own_enrolment_for_update(cohort, person)
        if enrolment is None or enrolment.status not in STILL_TAKING_PART:
            raise exceptions.CannotWithdraw()
        was = enrolment.status
        enrolment.status = Status.WITHDRAWN
        enrolment.withdrawn_at = timezone.now()
        enrolment.save(update_fields=["status", "withdrawn_at"])
        log(enrolment, "cohorts.enrolment.withdraw", user=by, data={"was": was})
        if was == Status.ENROLLED:
            _fill_places(cohort, by=by)
    return enrolment


def _own_enrolment_for_update(cohort, person) -> Enrolment | None:
    return Enrolment.objects.select_for_update().filter(cohort=cohort, person=person).first()


def _fill_places(cohort: Cohort, *, by: User | None) -> list[Enrolment]:
    """Give free places to the waiting list in arrival order. Call with the cohort locked."""
    if cohort.status not in (Cohort.Status.DRAFT, Cohort.Status.CONFIRMED):
        return []
    free = cohort.capacity - cohort.enrolments.filter(status=Status.ENROLLED).count()
    if free <= 0:
        return []
    promoted = list(
        Enrolment.objects.select_for_update()
        .filter(cohort=cohort, status=Status.WAITLISTED)
        .order_by("queue_number")[:free]
    )
    now = timezone.now()
    for enrolment in promoted:
        enrolment.status = Status.ENROLLED
        enrolment.enrolled_at = now
        enrolment.save(update_fields=["status", "enrolled_at"])
        log(enrolment, "cohorts.enrolment.promote", user=by)
        notify(
            person_id=enrolment.person_id,
            cohort=cohort,
            kind=Notification.Kind.PLACE_OFFERED,
            occasion=f"queue-{enrolment.queue_number}",
        )
    if promoted:
        deliver_after_commit()
    return promoted


# --- Attendance, feedback, completion ---------------------------------------------------------


def record_attendance(*, session: CohortSession, marks: dict[int, str], by: User) -> int:
    """Register who came to a session: `marks` maps each person's id to an attendance status.
    Only the cohort's participants can be marked, once the session has started. Returns how
    many marks changed; the register is audited as one entry per session."""
    _require_manager(by, session.cohort)
    if session.starts_at > timezone.now():
        raise exceptions.InvalidInput(
            _("You can register attendance once the session has started.")
        )
    valid = set(Attendance.Status.values)
    if any(status not in valid for status in marks.values()):
        raise exceptions.InvalidInput(_("Choose attended, sent apologies or absent."))
    members = set(
        session.cohort.enrolments.filter(status__in=Enrolment.MEMBER_STATUSES).values_list(
            "person_id", flat=True
        )
    )
    if set(marks) - members:
        raise exceptions.NotAParticipant()
    now = timezone.now()
    with transaction.atomic():
        # The session's row, so that two saves of a first register (a double click, two
        # facilitators) take turns instead of both creating the same marks.
        CohortSession.objects.select_for_update().get(pk=session.pk)
        current = {
            row.person_id: row
            for row in Attendance.objects.select_for_update().filter(
                session=session, person_id__in=list(marks)
            )
        }
        created, updated = [], []
        for person_id, status in marks.items():
            row = current.get(person_id)
            if row is None:
                created.append(
                    Attendance(
                        session=session,
                        person_id=person_id,
                        status=status,
                        recorded_by=by,
                        recorded_at=now,
                    )
                )
            elif row.status != status:
                row.status, row.recorded_by, row.recorded_at = status, by, now
                updated.append(row)
        Attendance.objects.bulk_create(created)
        Attendance.objects.bulk_update(updated, ["status", "recorded_by", "recorded_at"])
        changed = len(created) + len(updated)
        if changed:
            log(
                session,
                "cohorts.attendance.record",
                user=by,
                data={
                    "changed": {str(row.person_id): row.status for row in created + updated},
                },
            )
            if _every_session_registered(session.cohort):
                from .tasks import complete_cohort as complete_task

                complete_task.delay_on_commit(session.cohort_id)
    return changed


def _every_session_registered(cohort: Cohort) -> bool:
    """Whether every session is over and has attendance for everyone enrolled."""
    now = timezone.now()
    sessions = list(cohort.sessions.values_list("pk", "ends_at"))
    if not sessions or any(ends_at > now for _pk, ends_at in sessions):
        return False
    members = cohort.enrolments.filter(status=Status.ENROLLED).count()
    registered = (
        Attendance.objects.filter(
            session__cohort=cohort,
            person__cohort_enrolments__cohort=cohort,
            person__cohort_enrolments__status=Status.ENROLLED,
        )
        .values("session")
        .annotate(count=Count("pk"))
    )
    return len(registered) == len(sessions) and all(row["count"] >= members for row in registered)


def submit_feedback(
    *, session: CohortSession, person: User, rating: int, most_useful: str = "", improve: str = ""
) -> SessionFeedback:
    """Keep a participant's feedback on a session that has ended; a second go replaces the
    first. Nobody recorded as absent gives feedback on a session they missed."""
    from .models import FEEDBACK_MAX_LENGTH

    if not selectors.is_member(viewer=person, cohort=session.cohort):
        raise exceptions.NotInCohort()
    if session.ends_at > timezone.now():
        raise exceptions.SessionNotOver()
    if Attendance.objects.filter(
        session=session, person=person, status__in=["absent", "apologies"]
    ).exists():
        raise exceptions.NoFeedbackWhenAbsent()
    if rating not in SessionFeedback.Rating.values:
        raise exceptions.InvalidInput(_("Choose a rating from very poor to excellent."))
    most_useful, improve = most_useful.strip(), improve.strip()
    if max(len(most_useful), len(improve)) > FEEDBACK_MAX_LENGTH:
        raise exceptions.TooLong(_("Each answer must be 2,000 characters or fewer."))
    values = {"rating": rating, "most_useful": most_useful, "improve": improve}
    with transaction.atomic():
        feedback, created = SessionFeedback.objects.select_for_update().get_or_create(
            session=session, person=person, defaults=values
        )
        if not created:
            for name, value in values.items():
                setattr(feedback, name, value)
            feedback.submitted_at = timezone.now()
            feedback.save()
    return feedback


def complete_cohort(*, cohort_id: int, by: User | None = None) -> int:
    """Close a cohort whose sessions are all over: everyone enrolled who attended enough of
    them completes it and gets a certificate. Returns how many completed; closing twice
    changes nothing."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
        if by is not None:
            _require_manager(by, cohort)
        if cohort.status != Cohort.Status.CONFIRMED:
            return 0
        last = cohort.sessions.order_by("-ends_at").values_list("ends_at", flat=True).first()
        if last is None or last > timezone.now():
            if by is None:  # the background check came too early; a later one will close it
                return 0
            raise exceptions.InvalidInput(_("A cohort can close once its last session is over."))
        needed = cohort.sessions_needed_to_complete
        enrolments = (
            cohort.enrolments.filter(status=Status.ENROLLED)
            .select_related("person")
            .annotate(
                attended=Count(
                    "person__cohort_attendance",
                    filter=Q(
                        person__cohort_attendance__session__cohort=cohort,
                        person__cohort_attendance__status=Attendance.Status.ATTENDED,
                    ),
                )
            )
        )
        now = timezone.now()
        completed = 0
        for enrolment in enrolments:
            if enrolment.attended < needed:
                continue
            enrolment.status = Status.COMPLETED
            enrolment.completed_at = now
            enrolment.save(update_fields=["status", "completed_at"])
            _award_certificate(cohort=cohort, person=enrolment.person)
            completed += 1
        # Nobody waits for a place in a cohort that has finished.
        cohort.enrolments.filter(status__in=[Status.WAITLISTED, Status.INVITED]).update(
            status=Status.WITHDRAWN, withdrawn_at=now
        )
        cohort.status = Cohort.Status.COMPLETED
        cohort.save(update_fields=["status"])
        log(cohort, "cohorts.cohort.complete", user=by, data={"completed": completed})
    return completed


def _award_certificate(*, cohort: Cohort, person: User) -> Certificate:
    certificate, created = Certificate.objects.get_or_create(
        person=person,
        cohort=cohort,
        defaults={
            "holder_name": person.full_name,
            "programme_name": _("Digital Academy: %(cohort)s") % {"cohort": cohort.name},
            "modules": list(cohort.sessions.order_by("number").values_list("title", flat=True)),
        },
    )
    if created:
        log(certificate, "learning.certificate.award", user=person)
        from learning.tasks import send_certificate_email

        send_certificate_email.delay_on_commit(certificate.pk)
    return certificate


# --- Action plans -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanDetails:
    title: str
    goals: str
    starts_on: date
    ends_on: date


def save_action_plan(
    *, cohort: Cohort, organisation: Organisation, details: PlanDetails, by: User
) -> ActionPlan:
    """Start or change an organisation's action plan for after the cohort. Its own
    participants and the cohort's facilitators may; nobody else."""
    if not selectors.can_edit_action_plan(viewer=by, cohort=cohort, organisation=organisation):
        raise exceptions.NotInCohort(
            _("Only this organisation's participants and the facilitators can change its plan.")
        )
    if details.ends_on < details.starts_on:
        raise exceptions.InvalidInput(_("The last day must be on or after the first day."))
    if len(details.goals) > PLAN_TEXT_MAX_LENGTH:
        raise exceptions.TooLong(_("What you will achieve must be 4,000 characters or fewer."))
    values = {
        "title": details.title.strip(),
        "goals": details.goals.strip(),
        "starts_on": details.starts_on,
        "ends_on": details.ends_on,
    }
    with transaction.atomic():
        # The cohort's row, so that two colleagues starting their plan at once take turns.
        Cohort.objects.select_for_update().get(pk=cohort.pk)
        plan = (
            ActionPlan.objects.select_for_update()
            .filter(cohort=cohort, organisation=organisation)
            .first()
        )
        if plan is None:
            plan = ActionPlan.objects.create(
                cohort=cohort, organisation=organisation, created_by=by, **values
            )
            log(plan, "cohorts.plan.create", user=by)
            return plan
        changed = [name for name, value in values.items() if getattr(plan, name) != value]
        if changed:
            for name in changed:
                setattr(plan, name, values[name])
            plan.updated_at = timezone.now()
            plan.save(update_fields=[*changed, "updated_at"])
            log(plan, "cohorts.plan.edit", user=by, data={"fields": changed})
    return plan


def check_in(*, plan: ActionPlan, progress: str, note: str, by: User) -> ActionPlanCheckIn:
    """Record how an action plan is going."""
    if not selectors.can_edit_action_plan(
        viewer=by, cohort=plan.cohort, organisation=plan.organisation
    ):
        raise exceptions.NotInCohort(
            _("Only this organisation's participants and the facilitators can check in.")
        )
    if progress not in ActionPlanCheckIn.Progress.values:
        raise exceptions.InvalidInput(_("Choose how the plan is going."))
    note = note.strip()
    if not note:
        raise exceptions.InvalidInput(_("Say what has happened since the last check-in."))
    if len(note) > PLAN_TEXT_MAX_LENGTH:
        raise exceptions.TooLong(_("The check-in must be 4,000 characters or fewer."))
    with transaction.atomic():
        entry = ActionPlanCheckIn.objects.create(plan=plan, progress=progress, note=note, by=by)
        ActionPlan.objects.filter(pk=plan.pk).update(updated_at=entry.created_at)
        log(plan, "cohorts.plan.check_in", user=by, data={"progress": progress})
    return entry


# --- Calendar feeds ---------------------------------------------------------------------------


def turn_on_calendar_feed(*, person: User) -> CalendarFeed:
    """A private address for the person's cohort sessions, made the first time they ask."""
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    return feed


def replace_calendar_feed(*, person: User) -> CalendarFeed:
    """A new address: the old one stops working at once (for a link shared by mistake)."""
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(person=person)
        if not created:
            feed.token = _new_feed_token()
            feed.created_at = timezone.now()
            feed.save(update_fields=["token", "created_at"])
    return feed


def turn_off_calendar_feed(*, person: User) -> None:
    CalendarFeed.objects.filter(person=person).delete()
