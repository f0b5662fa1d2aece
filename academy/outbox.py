"""Sending the emails a part of the programme has decided it owes, each recorded as a row
(with `sent_at`, `attempts` and `last_error`) before it is sent. One that fails is counted
and tried again on a later run, up to `MAX_ATTEMPTS`; it never stops the others."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import models, transaction
from django.db.models import F, Model, Q
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
NOT_SENT = Q(sent_at__isnull=True)
UNSENT = Q(sent_at__isnull=True, skipped_at__isnull=True)


class OutboxEmail(models.Model):
    """One email owed to one person, recorded before it is sent. Subclasses say whom and
    what about, and a unique constraint that makes deciding it twice change nothing."""

    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Not sent, and never will be: no longer true (the person left, the event went by).
    skipped_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True


def decide(rows: list[OutboxEmail], *, deliver) -> None:
    """Record that each email in `rows` is owed (one decided already changes nothing) and
    have the `deliver` task send them once the deciding transaction commits."""
    if rows:
        type(rows[0]).objects.bulk_create(rows, ignore_conflicts=True)
    deliver.delay_on_commit()


def deliver_one(
    model: type[OutboxEmail],
    pk: int,
    *,
    related: tuple[str, ...],
    no_longer_due: Callable[[OutboxEmail, datetime], str],
    send: Callable[[OutboxEmail, datetime], None],
) -> str:
    """Send one row if it is still unsent: "sent", "skipped" (`no_longer_due` gave a
    reason), or "" (sent already, or another worker is sending it now). The row is locked
    and marked sent in the transaction of the send: a worker killed before the commit leaves
    it unsent, and the next run sends it."""
    now = timezone.now()
    with transaction.atomic():
        row = (
            model.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related(*related)
            .filter(UNSENT, pk=pk)
            .first()
        )
        if row is None:
            return ""
        reason = no_longer_due(row, now)
        if reason:
            row.skipped_at = now
            row.last_error = reason
            row.save(update_fields=["skipped_at", "last_error"])
            return "skipped"
        send(row, now)
        row.sent_at = timezone.now()
        row.attempts += 1
        row.save(update_fields=["sent_at", "attempts"])
    return "sent"


@dataclass
class Delivery:
    sent: int = 0
    skipped: int = 0
    failed: list[int] = field(default_factory=list)


def deliver_unsent(
    model: type[Model],
    deliver: Callable[[int], str],
    *,
    unsent: Q = NOT_SENT,
    limit: int = 500,
) -> Delivery:
    """Call `deliver(pk)` for each unsent row of `model`, oldest first. It answers "sent",
    "skipped" (no longer true) or "" (sent already, or another worker has it)."""
    outcome = Delivery()
    pending = list(
        model.objects.filter(unsent, attempts__lt=MAX_ATTEMPTS)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in pending:
        try:
            result = deliver(pk)
        except Exception as error:
            logger.warning("%s %s was not sent: %r", model._meta.verbose_name, pk, error)
            model.objects.filter(pk=pk).update(
                attempts=F("attempts") + 1, last_error=repr(error)[:300]
            )
            outcome.failed.append(pk)
            continue
        if result == "sent":
            outcome.sent += 1
        elif result == "skipped":
            outcome.skipped += 1
    return outcome
