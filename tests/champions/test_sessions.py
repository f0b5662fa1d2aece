"""Open sessions: a champion lists one, people register while places last and get a
calendar entry, changes and cancellation reach everyone registered, once; bad input gets a
message."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions import notifications, services
from champions.models import Notification, OpenSession, Registration
from tests.factories import UserFactory, champion, committed, open_session

pytestmark = pytest.mark.django_db
NEW = reverse("champions:new-session")


def session_form(**changes):
    day = timezone.localdate() + timedelta(days=21)
    data = {
        "title": "What we learnt moving to the cloud",
        "description": "An hour on the move, its costs and what we would do again.",
        "day-day": day.day,
        "day-month": day.month,
        "day-year": day.year,
        "at": "14:30",
        "duration_minutes": "60",
        "location": "Online",
        "joining_link": "https://meet.example/cloud",
        "capacity": "25",
    }
    data.update(changes)
    return data


def page(session):
    return reverse("champions:session", args=[session.pk])


def test_a_champion_lists_a_session_in_uk_time(client):
    host = champion()
    client.force_login(host.person)

    assert client.get(NEW).status_code == 200
    response = client.post(NEW, session_form())

    session = OpenSession.objects.get()
    assert response.status_code == 302
    assert response.url == page(session)
    local = timezone.localtime(session.starts_at)
    assert (local.hour, local.minute) == (14, 30)
    assert session.champion == host
    assert ModelLogEntry.objects.filter(action="champions.session.create", user=host.person)
    listing = client.get(reverse("champions:sessions")).content.decode()
    assert "What we learnt moving to the cloud" in listing


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Enter a title."),
        ({"at": "25:00"}, "Enter a time like 14:30, using the 24-hour clock."),
        ({"day-day": "31", "day-month": "2"}, "The date must be a real date."),
        ({"day-year": "2020"}, "A session must start in the future."),
        ({"capacity": "1"}, "A session needs at least two places."),
        ({"capacity": "many"}, "Enter a whole number of places, like 20."),
        ({"duration_minutes": "5"}, "A session lasts at least 15 minutes."),
        ({"joining_link": "not a link"}, "Enter a web address, like https://meet.example/abc."),
    ],
)
def test_a_session_with_bad_input_is_refused_with_a_message(client, changes, message):
    client.force_login(champion().person)

    response = client.post(NEW, session_form(**changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OpenSession.objects.exists()


def test_only_champions_put_on_sessions_and_only_hosts_change_them(client):
    session = open_session(champion())
    client.force_login(UserFactory())
    assert client.get(NEW).status_code == 404
    client.force_login(champion().person)
    edit = reverse("champions:edit-session", args=[session.pk])
    assert client.get(edit).status_code == 404
    assert client.post(reverse("champions:cancel-session", args=[session.pk])).status_code == 404


def test_registering_sends_a_calendar_entry_and_cancelling_frees_the_place(client):
    session = open_session(champion(), capacity=2)
    person = UserFactory()
    client.force_login(person)

    with committed():
        response = client.post(page(session), {"action": "register"})

    assert response.status_code == 302
    [email] = mail.outbox
    assert email.to == [person.email]
    assert session.title in email.subject
    assert "https://meet.example/champions-1" in email.body
    [(name, calendar, _kind)] = email.attachments
    assert name == "open-session.ics"
    assert "SUMMARY:Open session: How we joined up care records" in str(calendar)
    shown = client.get(page(session)).content.decode()
    assert "You are registered" in shown
    assert "1 left of 2" in shown

    client.post(page(session), {"action": "cancel-registration"})
    assert "2 left of 2" in client.get(page(session)).content.decode()


def test_a_full_session_refuses_more_with_a_message(client):
    session = open_session(champion(), capacity=2)
    for _ in range(2):
        with committed():
            services.register(session=session, person=UserFactory())
    client.force_login(UserFactory())

    response = client.post(page(session), {"action": "register"}, follow=True)

    assert "All places at this session are taken." in response.content.decode()
    assert session.registrations.count() == 2


def test_signing_in_is_needed_to_register(client):
    session = open_session(champion())

    response = client.post(page(session), {"action": "register"})

    assert response.status_code == 302
    assert reverse("account:sign-in") in response.url
    assert not Registration.objects.exists()


def test_a_session_that_has_started_takes_no_registrations():
    session = open_session(champion())
    OpenSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(hours=1))

    with pytest.raises(services.exceptions.SessionClosed):
        services.register(session=session, person=UserFactory())


def test_moving_a_session_tells_everyone_registered_with_a_new_calendar_entry(client):
    host = champion()
    session = open_session(host)
    registered = [UserFactory() for _ in range(2)]
    for person in registered:
        with committed():
            services.register(session=session, person=person)
    mail.outbox.clear()
    client.force_login(host.person)
    edit = reverse("champions:edit-session", args=[session.pk])
    assert client.get(edit).status_code == 200

    with committed():
        response = client.post(edit, session_form(at="09:15", title=session.title))

    assert response.status_code == 302
    assert sorted(email.to[0] for email in mail.outbox) == sorted(p.email for p in registered)
    email = mail.outbox[0]
    assert "9:15am" in email.body
    [(_name, calendar, _kind)] = email.attachments
    assert "SEQUENCE:0" not in str(calendar)

    # A change to the description alone sends nothing.
    mail.outbox.clear()
    with committed():
        client.post(edit, session_form(at="09:15", title=session.title, description="New words."))
    assert not mail.outbox


def test_cancelling_a_session_tells_everyone_registered_once(client):
    host = champion()
    session = open_session(host)
    person = UserFactory()
    with committed():
        services.register(session=session, person=person)
    mail.outbox.clear()
    client.force_login(host.person)

    with committed():
        response = client.post(reverse("champions:cancel-session", args=[session.pk]))
    with committed():
        client.post(reverse("champions:cancel-session", args=[session.pk]))
    notifications.deliver_pending()

    assert response.status_code == 302
    [email] = mail.outbox
    assert email.subject.startswith("Cancelled:")
    [(name, calendar, _kind)] = email.attachments
    assert name == "cancelled.ics"
    assert "STATUS:CANCELLED" in str(calendar)
    assert "This session is cancelled." in client.get(page(session)).content.decode()


def test_an_email_decided_twice_or_delivered_twice_goes_once():
    session = open_session(champion())
    person = UserFactory()
    with committed():
        registration = services.register(session=session, person=person)
    occasion = f"{registration.registered_at:%Y%m%dT%H%M%S%f}"
    notifications.notify(
        person_id=person.pk, session=session, kind=Notification.Kind.REGISTERED, occasion=occasion
    )
    pk = Notification.objects.get().pk

    notifications.deliver(notification_id=pk)
    notifications.deliver_pending()

    assert len(mail.outbox) == 1


def test_an_email_for_a_place_given_up_before_it_was_sent_is_not_sent():
    session = open_session(champion())
    person = UserFactory()
    services.register(session=session, person=person)  # not committed: email waits
    services.cancel_registration(session=session, person=person)

    notifications.deliver_pending()

    # Neither the place nor its cancellation: nothing reached their calendar.
    assert not mail.outbox
    assert all(n.skipped_at is not None for n in Notification.objects.all())
    assert Notification.objects.count() == 2


def test_a_session_more_than_two_years_ahead_is_refused_with_a_message(client):
    client.force_login(champion().person)

    response = client.post(NEW, session_form(**{"day-year": "9999", "day-month": "12"}))

    assert response.status_code == 200
    assert "A session must start within the next two years." in response.content.decode()
    assert not OpenSession.objects.exists()


def test_a_host_has_no_need_to_register(client):
    host = champion()
    session = open_session(host)
    client.force_login(host.person)

    response = client.post(page(session), {"action": "register"}, follow=True)

    assert "You are hosting this session" in response.content.decode()
    assert not Registration.objects.exists()


def test_an_unknown_action_is_refused_not_taken_as_registering(client):
    session = open_session(champion())
    client.force_login(UserFactory())

    assert client.post(page(session), {"action": "sing"}).status_code == 400
    assert client.post(page(session)).status_code == 400
    assert not Registration.objects.exists()


def test_giving_up_a_place_takes_it_out_of_the_calendar(client):
    session = open_session(champion())
    person = UserFactory()
    with committed():
        services.register(session=session, person=person)
    mail.outbox.clear()
    client.force_login(person)

    with committed():
        response = client.post(page(session), {"action": "cancel-registration"}, follow=True)
    again = client.post(page(session), {"action": "cancel-registration"}, follow=True)

    assert "You have given up your place." in response.content.decode()
    assert "You had no place at this session." in again.content.decode()
    [email] = mail.outbox
    assert email.subject.startswith("Place given up:")
    [(name, calendar, _kind)] = email.attachments
    assert name == "cancelled.ics"
    assert "METHOD:CANCEL" in str(calendar)


def test_each_change_sends_a_calendar_entry_that_replaces_the_last(client):
    host = champion()
    session = open_session(host)
    person = UserFactory()
    with committed():
        services.register(session=session, person=person)
    for location in ("Room 1, County Hall", "Room 2, County Hall"):
        with committed():
            services.update_session(session=session, by=host.person, location=location)
    # Who registers after the changes gets the latest sequence too.
    with committed():
        services.register(session=session, person=UserFactory())

    sequences = [
        re.search(r"SEQUENCE:(\d+)", str(email.attachments[0][1])).group(1) for email in mail.outbox
    ]
    assert sequences == ["0", "1", "2", "2"]


def test_the_host_confirms_before_a_session_is_cancelled(client):
    host = champion()
    session = open_session(host)
    client.force_login(host.person)
    path = reverse("champions:cancel-session", args=[session.pk])

    confirm = client.get(path)

    assert confirm.status_code == 200
    assert "Nobody has registered yet." in confirm.content.decode()
    session.refresh_from_db()
    assert session.status == OpenSession.Status.SCHEDULED


def test_a_session_that_has_started_cannot_be_cancelled():
    host = champion()
    session = open_session(host)
    OpenSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(hours=1))

    with pytest.raises(services.exceptions.SessionClosed):
        services.cancel_session(session=session, by=host.person)
