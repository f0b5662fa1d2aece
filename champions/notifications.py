"""The emails the champions network sends, each exactly once per person, subject and
occasion: a `Notification` row is decided in the transaction that makes the change it is
about, under a unique constraint, and delivered after the commit by locking the row, sending
and marking it sent in one transaction (`academy.outbox`). A mentoring email goes only to
one of the pair and carries no meeting log; a session email names nobody else registered."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Event

from academy.emails import send_email
from academy.ical import calendar_file
from academy.outbox import UNSENT, Delivery, decide, deliver_one, deliver_unsent

from .models import Mentoring, Notification, OpenSession, Registration

Kind = Notification.Kind
Status = Mentoring.Status
# What each mentoring email is still true for when it is sent.
STILL_FOR = {
    Kind.REQUESTED: {Status.REQUESTED},
    Kind.ACCEPTED: {Status.ACTIVE, Status.CLOSED},
    Kind.DECLINED: {Status.DECLINED},
    Kind.WITHDRAWN: {Status.WITHDRAWN},
    Kind.CLOSED: {Status.CLOSED},
}


def notify(
    *,
    person_id: int,
    kind: str,
    mentoring: Mentoring | None = None,
    session: OpenSession | None = None,
    occasion: str = "",
) -> None:
    """Decide that one email is owed (deciding it again changes nothing), and send it once
    the deciding transaction commits."""
    from .tasks import deliver_champion_emails

    about = f"mentoring-{mentoring.pk}" if mentoring else f"session-{session.pk}"
    fields = {"mentoring": mentoring, "session": session, "about": about, "occasion": occasion}
    decide(
        [Notification(person_id=person_id, kind=kind, **fields)],
        deliver=deliver_champion_emails,
    )


def deliver_pending(*, limit: int = 500) -> Delivery:
    return deliver_unsent(
        Notification, lambda pk: deliver(notification_id=pk), unsent=UNSENT, limit=limit
    )


def deliver(*, notification_id: int) -> str:
    return deliver_one(
        Notification,
        notification_id,
        related=("person", "mentoring__champion__person", "mentoring__mentee", "session"),
        no_longer_due=_no_longer_due,
        send=_send,
    )


def _no_longer_due(notification: Notification, now) -> str:
    if not notification.person.is_active:
        return "The person's account is closed."
    if notification.mentoring is not None:
        if notification.mentoring.status not in STILL_FOR[notification.kind]:
            return "The mentoring has moved on since."
        return ""
    session = notification.session
    if notification.kind == Kind.SESSION_CANCELLED:
        return ""
    if session.status != OpenSession.Status.SCHEDULED or session.starts_at <= now:
        return "The session is cancelled or has started."
    registered = Registration.objects.filter(
        session=session, person=notification.person, cancelled_at__isnull=True
    ).exists()
    if notification.kind == Kind.PLACE_CANCELLED:
        if registered:
            return "The person has registered again."
        had_entry = Notification.objects.filter(
            person=notification.person,
            session=session,
            kind__in=(Kind.REGISTERED, Kind.SESSION_CHANGED),
            sent_at__isnull=False,
        ).exists()
        return "" if had_entry else "The person was never sent a calendar entry."
    return "" if registered else "The person is no longer registered."


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def calendar_of(session: OpenSession, *, cancelled: bool = False) -> bytes:
    """An open session as an iCalendar file: when, where and what, and never who else. Its
    sequence is the session's, so a file sent after a change replaces the one before."""
    event = Event()
    event.add("uid", session.ical_uid)
    event.add("dtstamp", timezone.now())
    event.add("sequence", session.sequence)
    event.add("summary", f"Open session: {session.title}")
    event.add("dtstart", timezone.localtime(session.starts_at))
    event.add("dtend", timezone.localtime(session.ends_at))
    event.add("location", session.joining_link or session.location)
    event.add(
        "description",
        f"Hosted by {session.champion.person.full_name}, digital champion.\n"
        f"Details: {_absolute(reverse('champions:session', args=[session.pk]))}",
    )
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return calendar_file(
        [(event, session.starts_at.date())], name=session.title, cancelled=cancelled
    )


def _send(notification: Notification, now) -> None:
    kind = notification.kind
    context = {"person": notification.person, "kind": kind}
    attachments = []
    if notification.mentoring is not None:
        mentoring = notification.mentoring
        context |= {
            "mentoring": mentoring,
            "page_url": _absolute(reverse("champions:mentoring", args=[mentoring.pk])),
            "find_url": _absolute(reverse("champions:find-mentor")),
        }
    else:
        session = notification.session
        cancelled = kind in (Kind.SESSION_CANCELLED, Kind.PLACE_CANCELLED)
        context |= {
            "session": session,
            "page_url": _absolute(reverse("champions:session", args=[session.pk])),
            "sessions_url": _absolute(reverse("champions:sessions")),
        }
        attachments.append(
            (
                "cancelled.ics" if cancelled else "open-session.ics",
                calendar_of(session, cancelled=cancelled),
                "text/calendar",
            )
        )
    send_email(
        template=f"champions_{kind.replace('-', '_')}",
        to=notification.person.email,
        context=context,
        attachments=attachments,
    )
