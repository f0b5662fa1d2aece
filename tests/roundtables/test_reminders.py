"""Reminders from the periodic sweep: to those who have not answered, before the date to
answer; to those coming, before the round table. Each goes once, however often the sweep
runs or is retried."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from roundtables import notifications, services
from roundtables.models import Notification
from tests.factories import attending, chief_executive, invited, round_table

pytestmark = pytest.mark.django_db


def sweep_at(moment):
    mail.outbox.clear()
    notifications.sweep(now=moment)
    return [(email.to[0], email.subject) for email in mail.outbox]


def test_those_who_have_not_answered_are_reminded_once_before_the_deadline():
    table = round_table(starts_in=timedelta(days=20))
    quiet, answered = chief_executive(), chief_executive()
    invited(table, quiet)
    attending(table, answered)
    Notification.objects.all().update(created_at=timezone.now() - timedelta(days=5))
    from roundtables.models import Invitation

    Invitation.objects.update(invited_at=timezone.now() - timedelta(days=5))
    deadline = table.invitation_deadline

    assert sweep_at(deadline - timedelta(days=4)) == []
    sent = sweep_at(deadline - timedelta(days=2))
    assert sent == [(quiet.email, f"Please answer: {table.title}")]
    assert "answer/" in mail.outbox[0].body
    assert sweep_at(deadline - timedelta(days=1)) == []  # once
    assert sweep_at(deadline - timedelta(hours=1)) == []


def test_those_coming_are_reminded_once_two_days_before_with_a_calendar_entry():
    table = round_table(starts_in=timedelta(days=20))
    coming, declined = chief_executive(), chief_executive()
    attending(table, coming)
    services.decline(invitation=invited(table, declined), by=declined)

    assert sweep_at(table.starts_at - timedelta(days=3)) == []
    sent = sweep_at(table.starts_at - timedelta(days=1))
    assert [to for to, _subject in sent] == [coming.email]
    assert mail.outbox[0].attachments[0][0] == "round-table.ics"
    assert sweep_at(table.starts_at - timedelta(hours=2)) == []


def test_someone_who_declines_after_the_reminder_was_decided_is_not_sent_it():
    table = round_table(starts_in=timedelta(days=20))
    person = chief_executive()
    invitation = attending(table, person)
    notifications.decide_due(now=table.starts_at - timedelta(days=1))
    services.decline(invitation=invitation, by=person)
    mail.outbox.clear()

    notifications.deliver_pending()

    assert mail.outbox == []
    reminder = Notification.objects.get(kind=Notification.Kind.EVENT_REMINDER)
    assert reminder.skipped_at and "answer has changed" in reminder.last_error


def test_a_cancelled_round_table_reminds_nobody_and_tells_everyone_once():
    table = round_table(starts_in=timedelta(days=20))
    coming, waiting = chief_executive(), chief_executive()
    attending(table, coming)
    invited(table, waiting)
    mail.outbox.clear()
    from tests.factories import committed

    with committed():
        services.cancel_round_table(round_table=table, by=table.created_by)
        services.cancel_round_table(round_table=table, by=table.created_by)

    assert sorted(email.to[0] for email in mail.outbox) == sorted([coming.email, waiting.email])
    assert all(email.attachments[0][0] == "cancelled.ics" for email in mail.outbox)
    assert b"METHOD:CANCEL" in mail.outbox[0].attachments[0][1].encode()
    assert sweep_at(table.starts_at - timedelta(days=1)) == []
