"""The emails the diagnostics and plans send, each exactly once per person, subject and
occasion: a `Notification` row is decided in the transaction that makes the change it is
about (or by the daily sweep for reminders), under a unique constraint, and delivered after
the commit by locking the row, sending and marking it sent in one transaction
(`academy.outbox`). No email carries anyone's answers or ratings."""

from datetime import date, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from academy.emails import send_email
from academy.outbox import UNSENT, Delivery, decide, deliver_one, deliver_unsent

from .models import Notification, PlanAction

Kind = Notification.Kind
# A reminder this many days before an action's date.
REMINDERS = {Kind.DUE_SOON: 7, Kind.DUE_TOMORROW: 1}


def notify(
    *, person_id: int, kind: str, diagnostic=None, action: PlanAction | None = None, occasion=""
) -> None:
    """Decide that one email is owed (deciding it again changes nothing), and send it once
    the deciding transaction commits."""
    from .tasks import deliver_competency_emails

    about = f"action-{action.pk}" if action else f"diagnostic-{diagnostic.pk}"
    fields = {"diagnostic": diagnostic, "action": action, "about": about, "occasion": occasion}
    decide(
        [Notification(person_id=person_id, kind=kind, **fields)],
        deliver=deliver_competency_emails,
    )


def _keeper_of(action: PlanAction) -> int | None:
    """Whom a plan's reminders go to: its person, or for a council's plan whoever began it."""
    plan = action.goal.plan
    return plan.person_id or plan.created_by_id


def decide_due(*, today: date | None = None) -> int:
    """Decide the reminders owed today: for each action not done, one a week before its
    date and one the day before. Deciding one twice changes nothing."""
    today = today or timezone.localdate()
    decided = 0
    for kind, days in REMINDERS.items():
        due = PlanAction.objects.filter(
            done_at__isnull=True, due_on=today + timedelta(days=days)
        ).select_related("goal__plan")
        rows = [
            Notification(
                person_id=_keeper_of(action),
                kind=kind,
                action=action,
                about=f"action-{action.pk}",
                occasion=action.due_on.isoformat(),
            )
            for action in due
            if _keeper_of(action)
        ]
        decided += len(Notification.objects.bulk_create(rows, ignore_conflicts=True))
    return decided


def sweep(*, today: date | None = None) -> dict:
    """The periodic job: decide the reminders that are due, then send everything unsent."""
    decided = decide_due(today=today)
    delivery = deliver_pending()
    return {"decided": decided, "sent": delivery.sent, "failed": len(delivery.failed)}


def deliver_pending(*, limit: int = 500) -> Delivery:
    return deliver_unsent(
        Notification, lambda pk: deliver(notification_id=pk), unsent=UNSENT, limit=limit
    )


def deliver(*, notification_id: int) -> str:
    return deliver_one(
        Notification,
        notification_id,
        related=(
            "person",
            "diagnostic__organisation",
            "diagnostic__coordinator",
            "action__goal__competency",
        ),
        no_longer_due=_no_longer_due,
        send=_send,
    )


def _no_longer_due(notification: Notification, now) -> str:
    if not notification.person.is_active:
        return "The person's account is closed."
    if notification.kind == Kind.INVITED and not notification.diagnostic.is_open:
        return "The diagnostic has closed."
    action = notification.action
    if action is not None:
        if action.is_done:
            return "The action is done."
        if action.due_on.isoformat() != notification.occasion:
            return "The action has a new date."
        if action.due_on < timezone.localdate(now):
            return "The date has passed."
    return ""


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _send(notification: Notification, now) -> None:
    kind = notification.kind
    context = {"person": notification.person, "kind": kind}
    if notification.diagnostic is not None:
        diagnostic = notification.diagnostic
        page = (
            reverse("competencies:answer", args=[diagnostic.pk])
            if kind == Kind.INVITED
            else reverse("competencies:organisation-result", args=[diagnostic.pk])
        )
        context |= {"diagnostic": diagnostic, "page_url": _absolute(page)}
    else:
        from .selectors import plan_url

        action = notification.action
        context |= {
            "action": action,
            "competency": action.goal.competency,
            "page_url": _absolute(plan_url(action.goal.plan)),
        }
    send_email(
        template=f"competencies_{kind.replace('-', '_')}",
        to=notification.person.email,
        context=context,
    )
