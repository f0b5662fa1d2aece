"""Celery beat reminds the right people of each deadline once: the manager of the report
(three months after the visit), the council's contacts of the action plan (five months),
and both of the progress review (about ten months)."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from peer_review import notifications, services
from peer_review.models import Notification
from tests.factories import peer_review_at

pytestmark = pytest.mark.django_db
Kind = Notification.Kind


def sweep_on(day):
    """The beat's sweep, run on `day` at nine in the morning."""
    moment = timezone.make_aware(datetime(day.year, day.month, day.day, 9))
    with time_machine.travel(moment, tick=False):
        return notifications.sweep()


def sent():
    return sorted((email.to[0], email.subject) for email in mail.outbox)


def test_the_manager_is_reminded_of_the_report_once_two_weeks_before_it_is_due():
    made = peer_review_at("report")
    review = made.review
    due = review.report_due
    mail.outbox.clear()

    assert sweep_on(due - timedelta(days=15))["decided"] == 0
    sweep_on(due - timedelta(days=14))
    sweep_on(due - timedelta(days=13))
    sweep_on(due + timedelta(days=3))

    assert sent() == [
        (made.manager.email, f"The report of {review.title} is due by {due:%-d %B %Y}")
    ]
    assert "three months after the visit" in mail.outbox[0].body


def test_no_reminder_of_a_report_already_published():
    made = peer_review_at("action-plan")
    mail.outbox.clear()
    sweep_on(made.review.report_due - timedelta(days=7))
    assert not [e for e in mail.outbox if "report of" in e.subject and "due" in e.subject]


def test_the_contacts_are_reminded_of_the_action_plan_and_everyone_of_the_progress_review():
    made = peer_review_at("action-plan")
    review = made.review
    mail.outbox.clear()

    sweep_on(review.action_plan_due - timedelta(days=10))
    sweep_on(review.action_plan_due - timedelta(days=9))
    assert sent() == [
        (
            made.contact.email,
            f"The action plan for {review.title} is due by {review.action_plan_due:%-d %B %Y}",
        )
    ]

    mail.outbox.clear()
    services.save_action(
        review=review,
        by=made.contact,
        text="A digital board.",
        owner="Chief executive",
        due_on=review.on_site_ends + timedelta(days=200),
    )
    services.submit_action_plan(review=review, by=made.contact)
    sweep_on(review.progress_review_due - timedelta(days=30))
    sweep_on(review.progress_review_due - timedelta(days=1))
    subject = (
        f"The progress review of {review.title} falls about {review.progress_review_due:%-d %B %Y}"
    )
    assert sent() == sorted([(made.contact.email, subject), (made.manager.email, subject)])
    assert (
        Notification.objects.filter(kind=Kind.ACTION_PLAN_DUE, sent_at__isnull=False).count() == 1
    )


def test_a_reminder_decided_before_the_deed_is_done_is_not_sent_after():
    made = peer_review_at("action-plan")
    review = made.review
    moment = review.action_plan_due - timedelta(days=10)
    with time_machine.travel(
        timezone.make_aware(datetime(moment.year, moment.month, moment.day, 9)), tick=False
    ):
        assert notifications.decide_due() == 1
    services.save_action(
        review=review,
        by=made.contact,
        text="A digital board.",
        owner="Chief executive",
        due_on=review.on_site_ends + timedelta(days=200),
    )
    services.submit_action_plan(review=review, by=made.contact)
    mail.outbox.clear()
    notifications.deliver_pending()
    assert mail.outbox == []
    assert Notification.objects.get(kind=Kind.ACTION_PLAN_DUE).last_error == "It has been done."
