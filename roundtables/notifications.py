"""The emails a round table sends, each exactly once per person, round table and occasion.

As for cohorts: a `Notification` row is decided in the transaction that makes the change it
is about (or by the periodic sweep, for reminders) under a unique constraint, and delivered
after the commit by locking the row, sending and marking it sent in one transaction. Every
email is to one person and names nobody else who was invited."""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from icalendar import Event

from academy.emails import send_email
from academy.ical import calendar_file
from academy.outbox import UNSENT, Delivery, decide, deliver_one, deliver_unsent

from .models import Invitation, Notification, RoundTable

Kind = Notification.Kind
Status = Invitation.Status
# Those who have not answered are reminded once, this long before the date to answer.
ANSWER_REMINDER_BEFORE = timedelta(days=3)
# Those coming are reminded once, this long before it starts.
EVENT_REMINDER_BEFORE = timedelta(days=2)
# Who each email is still for when it is sent: someone who has since declined gets no
# reminder to come.
STILL_FOR = {
    Kind.INVITATION: {Status.INVITED},
    Kind.ANSWER_REMINDER: {Status.INVITED},
    Kind.PLACE_CONFIRMED: {Status.ACCEPTED},
    Kind.PLACE_OFFERED: {Status.ACCEPTED},
    Kind.EVENT_REMINDER: {Status.ACCEPTED},
    Kind.WAITLISTED: {Status.WAITLISTED},
    Kind.NOTES: {Status.ACCEPTED},
    Kind.CANCELLED: {Status.INVITED, Status.ACCEPTED, Status.WAITLISTED},
}
CALENDAR_KINDS = (Kind.PLACE_CONFIRMED, Kind.PLACE_OFFERED, Kind.EVENT_REMINDER, Kind.CANCELLED)


def notify(*, person_id: int, round_table: RoundTable, kind: str, occasion: str = "") -> None:
    """Decide that one email is owed (deciding it again changes nothing), and send it once
    the deciding transaction commits."""
    from .tasks import deliver_round_table_emails

    decide(
        [Notification(person_id=person_id, round_table=round_table, kind=kind, occasion=occasion)],
        deliver=deliver_round_table_emails,
    )


def deliver_after_commit() -> None:
    from .tasks import deliver_round_table_emails

    deliver_round_table_emails.delay_on_commit()


def time_occasion(moment: datetime) -> str:
    """Tells apart reminders of one round table at different times, should it move."""
    return f"at-{moment.astimezone(UTC):%Y%m%dT%H%MZ}"


# What the sweep reminds of: (kind, the invitations due, the moment it is before, how long
# before that moment the reminder goes).
def _reminders(now):
    return (
        (
            Kind.ANSWER_REMINDER,
            # Someone invited a day ago needs no reminder yet.
            Q(status=Status.INVITED, invited_at__lte=now - timedelta(days=1)),
            "invitation_deadline",
            ANSWER_REMINDER_BEFORE,
        ),
        (Kind.EVENT_REMINDER, Q(status=Status.ACCEPTED), "starts_at", EVENT_REMINDER_BEFORE),
    )


def decide_due(*, now: datetime | None = None) -> int:
    """Record every reminder that is due now and not yet decided: a query a kind, whatever
    the number of round tables, since only those whose windows are open are read."""
    now = now or timezone.now()
    rows = []
    for kind, due, moment, before in _reminders(now):
        found = Invitation.objects.filter(
            due,
            round_table__status=RoundTable.Status.GOING_AHEAD,
            **{f"round_table__{moment}__gt": now, f"round_table__{moment}__lte": now + before},
        ).values_list("person_id", "round_table_id", f"round_table__{moment}")
        rows += [
            Notification(
                person_id=person_id,
                round_table_id=round_table_id,
                kind=kind,
                occasion=time_occasion(when),
            )
            for person_id, round_table_id, when in found
        ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def deliver_pending(*, limit: int = 500) -> Delivery:
    return deliver_unsent(
        Notification,
        lambda pk: deliver(notification_id=pk),
        unsent=UNSENT,
        limit=limit,
    )


def sweep(*, now: datetime | None = None) -> dict:
    """The periodic job: decide the reminders that are due, then send everything unsent."""
    decided = decide_due(now=now)
    delivery = deliver_pending()
    return {"decided": decided, "sent": delivery.sent, "failed": len(delivery.failed)}


def deliver(*, notification_id: int) -> str:
    """Send one notification if it is still unsent and still true (see
    `academy.outbox.deliver_one`)."""
    return deliver_one(
        Notification,
        notification_id,
        related=("person", "round_table"),
        no_longer_due=_no_longer_due,
        send=_send,
    )


def _no_longer_due(notification: Notification, now) -> str:
    round_table = notification.round_table
    invitation = notification.invitation = (
        Invitation.objects.filter(round_table=round_table, person_id=notification.person_id)
        .select_related("round_table")
        .first()
    )
    if not notification.person.is_active:
        return "The person's account is closed."
    if invitation is None or invitation.status not in STILL_FOR[notification.kind]:
        return "The person's answer has changed since."
    cancelled = round_table.status == RoundTable.Status.CANCELLED
    if cancelled != (notification.kind == Kind.CANCELLED):
        return "The round table is cancelled." if cancelled else "The round table is going ahead."
    if notification.kind == Kind.NOTES:
        return "" if invitation.attended is not False else "The person was not there."
    if round_table.starts_at <= now and notification.kind != Kind.CANCELLED:
        return "The round table has started."
    if notification.kind == Kind.ANSWER_REMINDER and round_table.invitation_deadline <= now:
        return "The date to answer has passed."
    return ""


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def calendar_of(round_table: RoundTable, *, cancelled: bool = False) -> bytes:
    """The round table as an iCalendar file: when, where and what, and never who else."""
    event = Event()
    event.add("uid", round_table.ical_uid)
    event.add("dtstamp", timezone.now())
    event.add("sequence", round_table.sequence + (1 if cancelled else 0))
    event.add("summary", f"Round table: {round_table.title}")
    event.add("dtstart", timezone.localtime(round_table.starts_at))
    event.add("dtend", timezone.localtime(round_table.ends_at))
    event.add("location", round_table.venue)
    event.add(
        "description",
        "Held under the Chatham House rule.\n"
        f"Details: {_absolute(reverse('roundtables:round-table', args=[round_table.pk]))}",
    )
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return calendar_file(
        [(event, round_table.starts_at.date())], name=round_table.title, cancelled=cancelled
    )


def _send(notification: Notification, now) -> None:
    from .selectors import answer_token

    round_table, kind = notification.round_table, notification.kind
    invitation = notification.invitation
    context = {
        "person": notification.person,
        "round_table": round_table,
        "invitation": invitation,
        "page_url": _absolute(reverse("roundtables:round-table", args=[round_table.pk])),
    }
    if kind in (Kind.INVITATION, Kind.ANSWER_REMINDER):
        context["answer_url"] = _absolute(
            reverse("roundtables:answer", args=[answer_token(invitation)])
        )
    attachments = []
    if kind in CALENDAR_KINDS:
        cancelled = kind == Kind.CANCELLED
        attachments.append(
            (
                "cancelled.ics" if cancelled else "round-table.ics",
                calendar_of(round_table, cancelled=cancelled),
                "text/calendar",
            )
        )
    send_email(
        template=f"round_table_{kind.replace('-', '_')}",
        to=notification.person.email,
        context=context,
        attachments=attachments,
    )
