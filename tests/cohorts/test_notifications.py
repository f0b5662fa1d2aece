"""Reminders a week and a day before each session, a feedback request after it, and a weekly
digest for facilitators: each once per person, session (or week) and kind, whatever the sweep
is asked to do twice; with a calendar file that names nobody else."""

import threading
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from academy.models import Organisation
from cohorts import notifications, services
from cohorts.models import Attendance, Notification, Weekday
from tests.factories import OrganisationFactory, cohort, committed, enrol, officer_of

UK = ZoneInfo("Europe/London")
Kind = Notification.Kind
# The first session: Tuesday 5 January 2027, 10am to 1pm UK time.
FIRST = datetime(2027, 1, 5, 10, 0, tzinfo=UK)


def at(moment):
    return time_machine.travel(moment, tick=False)


def make_cohort(people=3):
    the_cohort = cohort(
        start_date=date(2027, 1, 4),
        weekday=Weekday.TUESDAY,
        local_start_time=time(10, 0),
        venue="Sessions House, Maidstone",
        online_link="https://meet.example/academy-kent",
        confirm=True,
    )
    council = OrganisationFactory(place=the_cohort.place, kind=Organisation.Kind.COUNTY_COUNCIL)
    police = OrganisationFactory(place=the_cohort.place, kind=Organisation.Kind.POLICE)
    participants = [officer_of(council if i % 2 else police) for i in range(people)]
    for person in participants:
        enrol(the_cohort, person)
    mail.outbox.clear()
    return the_cohort, participants


def sent(kind):
    return [mail for mail in mail.outbox if mail.subject.startswith(kind)]


@pytest.mark.django_db
def test_reminders_go_a_week_and_a_day_before_and_feedback_is_asked_after_each_once():
    the_cohort, people = make_cohort()
    with at(FIRST - timedelta(days=8)):
        notifications.sweep()
    assert sent("Next week:") == []

    with at(FIRST - timedelta(days=6, hours=23)):
        notifications.sweep()
        notifications.sweep()  # a second run, or a second delivery of the task
    week = sent("Next week:")
    assert sorted(m.to[0] for m in week) == sorted(p.email for p in people)
    assert week[0].subject == f"Next week: {the_cohort.name}, session 1 on Tuesday 5 January"
    assert "When: Tuesday 5 January 2027, 10am to 1pm (UK time)" in week[0].body

    with at(FIRST - timedelta(hours=20)):
        notifications.sweep()
    assert len(sent("Tomorrow:")) == 3
    assert sent("Tomorrow:")[0].subject == f"Tomorrow: {the_cohort.name}, session 1 at 10am"

    with at(FIRST + timedelta(hours=4)):
        notifications.sweep()
        notifications.sweep()
    feedback = sent("How was session 1")
    assert len(feedback) == 3
    assert f"/cohorts/{the_cohort.pk}/sessions/1/feedback/" in feedback[0].body
    assert len(sent("Next week:")) == 3 and len(sent("Tomorrow:")) == 3


@pytest.mark.django_db
def test_the_reminder_carries_the_session_as_a_calendar_file_naming_nobody_else():
    _the_cohort, people = make_cohort()
    with at(FIRST - timedelta(days=6)):
        notifications.sweep()

    reminder = next(m for m in sent("Next week:") if m.to == [people[0].email])
    filename, content, mimetype = reminder.attachments[0]
    assert (filename, mimetype) == ("session.ics", "text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == FIRST
    assert event.decoded("dtstart").tzinfo.key == "Europe/London"
    assert event["location"] == "Sessions House, Maidstone"
    assert "https://meet.example/academy-kent" in event["description"]
    for other in people[1:]:
        assert other.full_name not in content
        assert other.email not in content
        assert other.full_name not in reminder.body
    assert "ATTENDEE" not in content and "ORGANIZER" not in content


@pytest.mark.django_db
def test_no_reminder_for_someone_who_left_after_it_was_decided():
    the_cohort, people = make_cohort()
    with at(FIRST - timedelta(days=6)):
        notifications.decide_due()
        with committed():
            services.withdraw(cohort=the_cohort, person=people[0], by=people[0])
        notifications.deliver_pending()

    assert sorted(m.to[0] for m in sent("Next week:")) == sorted(p.email for p in people[1:])
    skipped = Notification.objects.get(person=people[0], kind=Kind.REMINDER_WEEK)
    assert skipped.sent_at is None and skipped.skipped_at is not None


@pytest.mark.django_db
def test_no_feedback_request_for_someone_registered_as_absent():
    the_cohort, people = make_cohort()
    session = the_cohort.sessions.get(number=1)
    with at(FIRST + timedelta(hours=3, minutes=30)):
        services.record_attendance(
            session=session,
            marks={people[0].pk: Attendance.Status.ABSENT, people[1].pk: "attended"},
            by=the_cohort.facilitators.get(),
        )
        notifications.sweep()

    assert sorted(m.to[0] for m in sent("How was session 1")) == sorted(p.email for p in people[1:])


@pytest.mark.django_db
def test_reminders_that_were_due_while_no_worker_ran_are_not_sent_late():
    _the_cohort, _people = make_cohort()
    with at(FIRST - timedelta(days=3)):
        notifications.decide_due()
    with at(FIRST + timedelta(minutes=5)):  # the worker was down until the session began
        notifications.deliver_pending()

    assert sent("Next week:") == []
    assert Notification.objects.filter(kind=Kind.REMINDER_WEEK, skipped_at__isnull=False).count()


class FailingFor:
    """An email provider that refuses one address, as a provider does when it is down for a
    moment or the mailbox bounces."""

    def __init__(self, address):
        self.address = address

    def __call__(self, messages):
        for message in messages:
            if self.address in message.to:
                raise ConnectionError("The mail server did not answer.")
            mail.outbox.append(message)
        return len(messages)


@pytest.mark.django_db
def test_a_failed_send_is_tried_again_and_does_not_stop_the_others(monkeypatch):
    _the_cohort, people = make_cohort()
    from django.core.mail.backends.locmem import EmailBackend

    monkeypatch.setattr(EmailBackend, "send_messages", lambda self, m: failing(m))
    failing = FailingFor(people[0].email)
    with at(FIRST - timedelta(days=6)):
        outcome = notifications.sweep()
    assert outcome["failed"] == 1
    assert len(sent("Next week:")) == 2
    failed = Notification.objects.get(person=people[0], kind=Kind.REMINDER_WEEK)
    assert failed.sent_at is None and failed.attempts == 1
    assert "did not answer" in failed.last_error

    failing.address = "nobody@example.invalid"
    with at(FIRST - timedelta(days=6) + timedelta(minutes=10)):
        outcome = notifications.sweep()
    assert outcome["sent"] == 1 and outcome["failed"] == 0
    assert sorted(m.to[0] for m in sent("Next week:")) == sorted(p.email for p in people)


@pytest.mark.django_db
def test_facilitators_get_one_digest_a_week_from_monday_morning():
    the_cohort, _people = make_cohort()
    facilitator = the_cohort.facilitators.get()
    monday_early = datetime(2027, 1, 11, 7, 30, tzinfo=UK)
    with at(monday_early):
        notifications.sweep()
        assert sent("Your week:") == []
    with at(monday_early + timedelta(hours=1)):
        notifications.sweep()
    with at(monday_early + timedelta(days=3)):
        notifications.sweep()
    with at(monday_early + timedelta(days=7, hours=1)):
        notifications.sweep()

    digests = sent("Your week:")
    assert [m.to for m in digests] == [[facilitator.email], [facilitator.email]]
    assert "Places: 3 enrolled of 20, 17 left." in digests[0].body
    assert "Attendance still to register:" in digests[0].body  # session 1 went unregistered
    assert f"/cohorts/{the_cohort.pk}/manage/" in digests[0].body


@pytest.mark.django_db
def test_a_facilitator_taken_off_the_cohort_gets_no_digest_decided_before():
    the_cohort, _people = make_cohort()
    monday = datetime(2027, 1, 11, 9, 0, tzinfo=UK)
    with at(monday):
        notifications.decide_due()
        the_cohort.facilitators.clear()
        notifications.deliver_pending()

    assert sent("Your week:") == []


@pytest.mark.django_db
def test_everyone_enrolled_is_told_when_a_session_moves_with_a_calendar_update():
    the_cohort, people = make_cohort()
    session = the_cohort.sessions.get(number=2)
    with at(FIRST - timedelta(days=30)), committed():
        services.reschedule_session(
            session=session, day=date(2027, 2, 17), at=time(14, 0), by=the_cohort.facilitators.get()
        )

    moved = sent(f"{the_cohort.name}: session 2 has moved")
    assert sorted(m.to[0] for m in moved) == sorted(p.email for p in people)
    assert "Wednesday 17 February 2027, 2pm to 5pm" in moved[0].body
    (event,) = icalendar.Calendar.from_ical(moved[0].attachments[0][1]).walk("VEVENT")
    assert event["sequence"] == 1
    assert event["uid"] == session.ical_uid


SECOND = datetime(2027, 2, 9, 10, 0, tzinfo=UK)  # session 2: Tuesday 9 February 2027


def move_second_session(the_cohort, day, *, when):
    with at(when), committed():
        services.reschedule_session(
            session=the_cohort.sessions.get(number=2),
            day=day,
            at=time(10, 0),
            by=the_cohort.facilitators.get(),
        )


@pytest.mark.django_db
def test_a_session_moved_after_its_reminder_is_reminded_of_again_at_its_new_time():
    the_cohort, people = make_cohort()
    with at(SECOND - timedelta(days=6)):
        notifications.sweep()
    assert len(sent("Next week:")) == 3
    later = datetime(2027, 3, 2, 10, 0, tzinfo=UK)  # three weeks later, before session 3
    move_second_session(the_cohort, later.date(), when=SECOND - timedelta(days=5))
    assert len(sent(f"{the_cohort.name}: session 2 has moved")) == 3

    with at(SECOND - timedelta(hours=20)):  # when it was to have been
        notifications.sweep()
    assert sent("Tomorrow:") == []
    with at(later - timedelta(days=6)):
        notifications.sweep()
        notifications.sweep()
    week = sent("Next week:")[3:]
    assert sorted(m.to[0] for m in week) == sorted(p.email for p in people)
    assert week[0].subject == f"Next week: {the_cohort.name}, session 2 on Tuesday 2 March"
    with at(later - timedelta(hours=20)):
        notifications.sweep()
    assert len(sent("Tomorrow:")) == 3


@pytest.mark.django_db
def test_a_session_moved_nearer_is_not_reminded_of_twice_in_the_same_week():
    the_cohort, _people = make_cohort()
    with at(SECOND - timedelta(days=6)):
        notifications.decide_due()  # decided for the old time, not sent yet
    sooner = datetime(2027, 2, 5, 10, 0, tzinfo=UK)  # Friday of the week before
    move_second_session(the_cohort, sooner.date(), when=SECOND - timedelta(days=6))

    with at(SECOND - timedelta(days=6, minutes=-10)):
        notifications.sweep()
    # The email about the move stands in for the week's reminder, old or new.
    assert sent("Next week:") == []
    assert len(sent(f"{the_cohort.name}: session 2 has moved")) == 3
    with at(sooner - timedelta(hours=20)):
        notifications.sweep()
    assert len(sent("Tomorrow:")) == 3


@pytest.mark.django_db
def test_no_feedback_request_for_someone_registered_as_absent_after_it_was_decided():
    the_cohort, people = make_cohort()
    with at(FIRST + timedelta(hours=3, minutes=10)):
        notifications.decide_due()
        services.record_attendance(
            session=the_cohort.sessions.get(number=1),
            marks={people[0].pk: Attendance.Status.ABSENT},
            by=the_cohort.facilitators.get(),
        )
        notifications.deliver_pending()

    assert sorted(m.to[0] for m in sent("How was session 1")) == sorted(p.email for p in people[1:])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sweeps_running_at_the_same_moment_send_each_reminder_once():
    _the_cohort, people = make_cohort(people=8)
    start = threading.Barrier(3)

    def sweep():
        try:
            start.wait()
            notifications.sweep(now=FIRST - timedelta(days=6))
        finally:
            connection.close()

    with at(FIRST - timedelta(days=6)):
        threads = [threading.Thread(target=sweep) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert sorted(m.to[0] for m in sent("Next week:")) == sorted(p.email for p in people)
    assert Notification.objects.filter(kind=Kind.REMINDER_WEEK).count() == 8


@pytest.mark.django_db
def test_deciding_what_is_due_costs_the_same_queries_however_many_are_enrolled_elsewhere():
    _due, _people = make_cohort()
    with at(FIRST - timedelta(days=6)), CaptureQueriesContext(connection) as few:
        notifications.decide_due()
    Notification.objects.all().delete()
    busy = cohort(start_date=date(2027, 6, 1), confirm=True, capacity=40)  # nothing due
    council = OrganisationFactory(place=busy.place, kind=Organisation.Kind.COUNTY_COUNCIL)
    for _ in range(30):
        enrol(busy, officer_of(council))

    with at(FIRST - timedelta(days=6)), CaptureQueriesContext(connection) as many:
        decided = notifications.decide_due()

    assert decided == 4  # three reminders, and the facilitator's digest for the week
    assert len(many) == len(few)
