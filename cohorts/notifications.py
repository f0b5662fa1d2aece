"""The emails a cohort sends, each exactly once per person, session (or week) and kind.

Two steps, so that a retried, duplicated or killed task never sends twice nor loses one:

1. *Decide*: write a `Notification` row for each email that is due. The unique constraints
   turn a second decision about the same email into nothing. Services decide inside their
   own transaction; the periodic sweep decides reminders, feedback requests and digests.
2. *Deliver*: for each unsent row, lock it, send, and mark it sent in the same transaction.
   If the worker dies before the commit, the row is still unsent and the next run sends it.

The sweep's cost grows with what is due, not with how many people are enrolled: it starts
from the sessions whose reminder windows are open now, found by index."""

import logging
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from academy.emails import send_email
from academy.outbox import UNSENT, Delivery, deliver_one, deliver_unsent

from .ical import calendar_of
from .models import Attendance, Cohort, CohortSession, Enrolment, Notification, SessionFeedback
from .scheduling import UK

logger = logging.getLogger(__name__)

Kind = Notification.Kind
REMINDER_WINDOWS = {
    # kind: (opens this long before the session starts, closes this long before)
    Kind.REMINDER_WEEK: (timedelta(days=7), timedelta(days=1)),
    Kind.REMINDER_DAY: (timedelta(days=1), timedelta(0)),
}
# Ask for feedback from when a session ends until this long after.
FEEDBACK_WINDOW = timedelta(days=3)
# A digest goes to the facilitators of cohorts with a session this near, either side.
DIGEST_RANGE = timedelta(days=14)
DIGEST_HOUR = 8  # UK time on Monday, or the first sweep after it that week
DELIVERY_BATCH = 500


def notify(*, person_id: int, cohort: Cohort, kind: str, session=None, occasion: str = ""):
    """Decide that one email is owed; deciding the same email again changes nothing. Call
    inside the transaction that makes the change the email is about."""
    Notification.objects.bulk_create(
        [
            Notification(
                person_id=person_id,
                cohort=cohort,
                session=session,
                kind=kind,
                occasion=occasion,
            )
        ],
        ignore_conflicts=True,
    )


def reminder_occasion(starts_at: datetime) -> str:
    """Tells apart the reminders of one session at different times: after a session moves,
    its reminders are due again for the new time (unless the email about the move is
    already as near to it, see `services.reschedule_session`)."""
    return f"at-{starts_at.astimezone(UTC):%Y%m%dT%H%MZ}"


def window_has_opened(kind: str, *, starts_at: datetime, now: datetime) -> bool:
    """Whether the reminder of `kind` for a session starting at `starts_at` is due by `now`."""
    opens, _closes = REMINDER_WINDOWS[kind]
    return starts_at - opens <= now


def deliver_after_commit() -> None:
    """Send what has been decided, once the deciding transaction has committed."""
    from .tasks import deliver_cohort_emails

    deliver_cohort_emails.delay_on_commit()


# --- Deciding what is due ---------------------------------------------------------------------


def decide_due(*, now: datetime | None = None) -> int:
    """Record every reminder, feedback request and digest that is due now and not yet
    decided. Returns how many were recorded."""
    now = now or timezone.now()
    rows: list[Notification] = []
    for kind, (opens, closes) in REMINDER_WINDOWS.items():
        sessions = CohortSession.objects.filter(
            starts_at__gt=now + closes,
            starts_at__lte=now + opens,
            cohort__status=Cohort.Status.CONFIRMED,
        )
        rows += _for_participants(kind, sessions)
    ended = CohortSession.objects.filter(
        ends_at__lte=now, ends_at__gt=now - FEEDBACK_WINDOW, cohort__status=Cohort.Status.CONFIRMED
    )
    rows += _for_participants(Kind.FEEDBACK_REQUEST, ended, skip_absent=True)
    rows += _digests(now)
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _for_participants(kind, sessions, *, skip_absent=False) -> list[Notification]:
    """A notification of `kind` for each enrolled participant of each session, less those
    already decided. A few queries, whatever the number of sessions."""
    reminder = kind in REMINDER_WINDOWS
    sessions = [
        (pk, cohort_id, reminder_occasion(starts_at) if reminder else "")
        for pk, cohort_id, starts_at in sessions.values_list("pk", "cohort_id", "starts_at")
    ]
    if not sessions:
        return []
    cohort_ids = {cohort_id for _pk, cohort_id, _occasion in sessions}
    members = defaultdict(list)
    for cohort_id, person_id in Enrolment.objects.filter(
        cohort_id__in=cohort_ids, status=Enrolment.Status.ENROLLED
    ).values_list("cohort_id", "person_id"):
        members[cohort_id].append(person_id)
    session_ids = [pk for pk, _cohort_id, _occasion in sessions]
    done = set(
        Notification.objects.filter(kind=kind, session_id__in=session_ids).values_list(
            "person_id", "session_id", "occasion"
        )
    )
    if skip_absent:
        done |= {
            (person_id, session_id, "")
            for person_id, session_id in Attendance.objects.filter(session_id__in=session_ids)
            .exclude(status=Attendance.Status.ATTENDED)
            .values_list("person_id", "session_id")
        }
    return [
        Notification(
            person_id=person_id,
            cohort_id=cohort_id,
            session_id=session_id,
            kind=kind,
            occasion=occasion,
        )
        for session_id, cohort_id, occasion in sessions
        for person_id in members[cohort_id]
        if (person_id, session_id, occasion) not in done
    ]


def digest_week(now: datetime) -> str | None:
    """The ISO week whose digest is due at `now` (from 8am UK time on its Monday), or None
    early on a Monday, before it is due."""
    local = now.astimezone(UK)
    if local.weekday() == 0 and local.hour < DIGEST_HOUR:
        return None
    year, week, _day = local.isocalendar()
    return f"{year}-W{week:02d}"


def _digests(now) -> list[Notification]:
    week = digest_week(now)
    if week is None:
        return []
    cohorts = Cohort.objects.filter(
        status=Cohort.Status.CONFIRMED,
        sessions__starts_at__range=(now - DIGEST_RANGE, now + DIGEST_RANGE),
    ).distinct()
    facilitators = Cohort.facilitators.through.objects.filter(
        cohort__in=cohorts, user__is_active=True
    ).values_list("cohort_id", "user_id")
    done = set(
        Notification.objects.filter(
            kind=Kind.DIGEST, occasion=week, cohort__in=cohorts
        ).values_list("cohort_id", "person_id")
    )
    return [
        Notification(person_id=person_id, cohort_id=cohort_id, kind=Kind.DIGEST, occasion=week)
        for cohort_id, person_id in facilitators
        if (cohort_id, person_id) not in done
    ]


# --- Delivering -------------------------------------------------------------------------------


def deliver_pending(*, limit: int = DELIVERY_BATCH) -> Delivery:
    """Send unsent notifications, oldest first (see `academy.outbox`)."""
    return deliver_unsent(
        Notification,
        lambda pk: deliver(notification_id=pk),
        unsent=UNSENT,
        limit=limit,
    )


def deliver(*, notification_id: int) -> str:
    """Send one notification if it is still unsent (see `academy.outbox.deliver_one`)."""
    return deliver_one(
        Notification,
        notification_id,
        related=("person", "cohort", "session__module"),
        no_longer_due=_no_longer_due,
        send=_send,
    )


def _no_longer_due(notification, now) -> str:
    person, session = notification.person, notification.session
    if not person.is_active:
        return "The person's account is closed."
    cancelled = notification.cohort.status == Cohort.Status.CANCELLED
    if cancelled != (notification.kind == Kind.CANCELLED):
        return "The cohort is cancelled." if cancelled else "The cohort is going ahead."
    if notification.kind == Kind.DIGEST:
        if not notification.cohort.facilitators.filter(pk=person.pk).exists():
            return "The person no longer runs the cohort."
        return ""
    status = (
        Enrolment.objects.filter(cohort_id=notification.cohort_id, person=person)
        .values_list("status", flat=True)
        .first()
    )
    wanted = {
        Kind.INVITATION: {Enrolment.Status.INVITED},
        Kind.CANCELLED: {
            Enrolment.Status.INVITED,
            Enrolment.Status.ENROLLED,
            Enrolment.Status.WAITLISTED,
        },
    }.get(notification.kind, {Enrolment.Status.ENROLLED, Enrolment.Status.COMPLETED})
    if status not in wanted:
        return "The person is no longer invited to or enrolled in the cohort."
    if notification.kind in REMINDER_WINDOWS and session.starts_at <= now:
        return "The session has started."
    if notification.kind in REMINDER_WINDOWS and (
        notification.occasion != reminder_occasion(session.starts_at)
    ):
        return "The session has moved since; its reminder is decided again for the new time."
    if notification.kind == Kind.SESSION_MOVED and session.starts_at <= now:
        return "The session has taken place."
    if notification.kind == Kind.FEEDBACK_REQUEST and session.ends_at <= now - FEEDBACK_WINDOW:
        return "Too long after the session to ask for feedback."
    if (
        notification.kind == Kind.FEEDBACK_REQUEST
        and Attendance.objects.filter(session=session, person=person)
        .exclude(status=Attendance.Status.ATTENDED)
        .exists()
    ):
        return "The person was registered as not at the session."
    return ""


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _send(notification: Notification, now) -> None:
    cohort, session = notification.cohort, notification.session
    context = {
        "notification": notification,
        "person": notification.person,
        "cohort": cohort,
        "session": session,
        "cohort_url": _absolute(reverse("cohorts:cohort", args=[cohort.pk])),
    }
    attachments = []
    kind = notification.kind
    if session is not None:
        session.cohort = cohort
        context["module_url"] = (
            _absolute(session.module.url) if session.module_id and session.module.live else ""
        )
        if kind in (Kind.REMINDER_WEEK, Kind.REMINDER_DAY, Kind.SESSION_MOVED):
            attachments.append(
                ("session.ics", calendar_of([session], name=cohort.name), "text/calendar")
            )
        if kind == Kind.FEEDBACK_REQUEST:
            context["feedback_url"] = _absolute(
                reverse("cohorts:feedback", args=[cohort.pk, session.number])
            )
    if kind in (Kind.TIMETABLE, Kind.PLACE_OFFERED, Kind.CANCELLED):
        sessions = list(cohort.sessions.select_related("module").order_by("number"))
        for item in sessions:
            item.cohort = cohort
        context["sessions"] = sessions
        if sessions:
            cancelled = kind == Kind.CANCELLED
            attachments.append(
                (
                    "cancelled.ics" if cancelled else "timetable.ics",
                    calendar_of(sessions, name=cohort.name, cancelled=cancelled),
                    "text/calendar",
                )
            )
    if kind == Kind.DIGEST:
        context.update(digest_for(cohort=cohort, now=now))
        context["manage_url"] = _absolute(reverse("cohorts:manage", args=[cohort.pk]))
    send_email(
        template=f"cohort_{kind.replace('-', '_')}",
        to=notification.person.email,
        context=context,
        attachments=attachments,
    )


def digest_for(*, cohort: Cohort, now: datetime) -> dict:
    """What a facilitator needs to know this week: places, the waiting list, sessions in the
    coming fortnight, attendance still to register, and feedback from the past week."""
    counts = dict(cohort.enrolments.values_list("status").annotate(count=Count("pk")).order_by())
    sessions = list(cohort.sessions.order_by("number"))
    members = counts.get(Enrolment.Status.ENROLLED, 0)
    registered = dict(
        Attendance.objects.filter(session__cohort=cohort)
        .values_list("session")
        .annotate(count=Count("pk"))
        .order_by()
    )
    feedback = SessionFeedback.objects.filter(
        session__cohort=cohort, submitted_at__gt=now - timedelta(days=7)
    ).aggregate(count=Count("pk"), low=Count("pk", filter=Q(rating__lte=2)))
    return {
        "enrolled": members,
        "places_left": max(cohort.capacity - members, 0),
        "waitlisted": counts.get(Enrolment.Status.WAITLISTED, 0),
        "invited": counts.get(Enrolment.Status.INVITED, 0),
        "coming_up": [s for s in sessions if now < s.starts_at <= now + DIGEST_RANGE],
        "to_register": [
            s for s in sessions if s.ends_at <= now and registered.get(s.pk, 0) < members
        ],
        "new_feedback": feedback["count"],
        "low_ratings": feedback["low"],
    }


def sweep(*, now: datetime | None = None) -> dict:
    """The periodic job: decide what is due, then send everything unsent."""
    decided = decide_due(now=now)
    delivery = deliver_pending()
    return {
        "decided": decided,
        "sent": delivery.sent,
        "skipped": delivery.skipped,
        "failed": len(delivery.failed),
    }
