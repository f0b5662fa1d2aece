"""The emails a peer challenge sends, each once per person, review and occasion.

As for round tables: a `Notification` row is decided in the transaction that makes the change
it is about (or by the periodic sweep, for deadlines) under a unique constraint, and
delivered after the commit by locking the row, sending and marking it sent in one
transaction. An email says what is next and links to the review; it never carries findings
or answers, which stay behind the sign-in."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from academy.emails import send_email
from academy.outbox import UNSENT, Delivery, decide, deliver_one, deliver_unsent

from .models import (
    ACTION_PLAN_WITHIN,
    PROGRESS_REVIEW_AFTER,
    REPORT_WITHIN,
    Notification,
    Participant,
    Review,
)

Kind = Notification.Kind
Role = Participant.Role
Stage = Review.Stage


def notify(*, review: Review, kind: str, people, occasion: str = "") -> None:
    """Decide that `kind` of email is owed to each of `people` (ids); deciding it again
    changes nothing. They are sent once the deciding transaction commits."""
    from .tasks import deliver_peer_review_emails

    decide(
        [
            Notification(person_id=person, review=review, kind=kind, occasion=occasion)
            for person in people
        ],
        deliver=deliver_peer_review_emails,
    )


def deliver_after_commit() -> None:
    from .tasks import deliver_peer_review_emails

    deliver_peer_review_emails.delay_on_commit()


# --- Deadlines --------------------------------------------------------------------------------

# (kind, the time after the visit it falls, how long before it the reminder goes, who is
# reminded, the stages in which it is still to do)
DEADLINES = (
    (
        Kind.REPORT_DUE,
        REPORT_WITHIN,
        timedelta(days=14),
        (Role.MANAGER,),
        (Stage.ON_SITE, Stage.FEEDBACK, Stage.REPORT),
    ),
    (
        Kind.ACTION_PLAN_DUE,
        ACTION_PLAN_WITHIN,
        timedelta(days=14),
        (Role.COUNCIL_CONTACT,),
        (Stage.ACTION_PLAN,),
    ),
    (
        Kind.PROGRESS_REVIEW_DUE,
        PROGRESS_REVIEW_AFTER,
        timedelta(days=30),
        (Role.MANAGER, Role.COUNCIL_CONTACT),
        (Stage.ACTION_PLAN, Stage.PROGRESS_REVIEW),
    ),
)
DUE_AFTER = {kind: after for kind, after, *_rest in DEADLINES}


def due_date(review: Review, kind: str) -> date:
    return review.on_site_ends + DUE_AFTER[kind]


def _still_to_do(review: Review, kind: str) -> bool:
    if kind == Kind.REPORT_DUE:
        return not review.is_published
    if kind == Kind.ACTION_PLAN_DUE:
        return review.action_plan_submitted_at is None
    return review.progress_review_held_on is None


def decide_due(*, today: date | None = None) -> int:
    """Record every deadline reminder that is due and not yet decided: from `before` ahead
    of the deadline, once per person and deadline (should the visit's dates move, the new
    deadline is reminded of once more). A query a deadline, whatever the number of reviews."""
    today = today or timezone.localdate()
    rows = []
    for kind, after, before, roles, stages in DEADLINES:
        reviews = Review.objects.filter(
            stage__in=stages, on_site_ends__lte=today + before - after
        ).prefetch_related("participants")
        for review in reviews:
            due = due_date(review, kind)
            if due - before > today or not _still_to_do(review, kind):
                continue
            rows += [
                Notification(
                    person_id=part.person_id, review=review, kind=kind, occasion=f"due-{due}"
                )
                for part in review.participants.all()
                if part.role in roles
            ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def deliver_pending(*, limit: int = 500) -> Delivery:
    return deliver_unsent(
        Notification, lambda pk: deliver(notification_id=pk), unsent=UNSENT, limit=limit
    )


def sweep(*, today: date | None = None) -> dict:
    """The periodic job: decide the deadline reminders that are due, then send everything
    unsent."""
    decided = decide_due(today=today)
    delivery = deliver_pending()
    return {"decided": decided, "sent": delivery.sent, "failed": len(delivery.failed)}


def deliver(*, notification_id: int) -> str:
    return deliver_one(
        Notification,
        notification_id,
        related=("person", "review", "review__council"),
        no_longer_due=_no_longer_due,
        send=_send,
    )


def _no_longer_due(notification: Notification, now: datetime) -> str:
    review = notification.review
    if not notification.person.is_active:
        return "The person's account is closed."
    if not review.participants.filter(person=notification.person_id).exists():
        return "The person no longer has a part in the review."
    if notification.kind in DUE_AFTER and not _still_to_do(review, notification.kind):
        return "It has been done."
    if notification.kind == Kind.REPORT_TO_CHECK and review.report_agreed_at is not None:
        return "The council has agreed the report."
    return ""


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _send(notification: Notification, now: datetime) -> None:
    review, kind = notification.review, notification.kind
    context = {
        "person": notification.person,
        "review": review,
        "review_url": _absolute(reverse("peer_review:review", args=[review.pk])),
        "report_url": _absolute(reverse("peer_review:report", args=[review.pk])),
        "statement_url": _absolute(reverse("peer_review:statement", args=[review.pk])),
        "action_plan_url": _absolute(reverse("peer_review:action-plan", args=[review.pk])),
    }
    if kind in DUE_AFTER:
        context["due"] = due_date(review, kind)
    send_email(
        template=f"peer_review_{kind.replace('-', '_')}",
        to=notification.person.email,
        context=context,
    )
