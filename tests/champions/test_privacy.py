"""Mentoring is between the pair and the LGA team: nobody else reads a request, a
relationship or its meeting log, on any page, list or email; and an open session tells the
public nothing about who is coming."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from champions import services
from tests.factories import (
    UserFactory,
    champion,
    committed,
    lga_administrator,
    mentoring_under_way,
    open_session,
)

pytestmark = pytest.mark.django_db
CANARY = "canary-7f3a-the-merger-nobody-knows-about"


@pytest.fixture
def logged():
    """A relationship whose meeting log holds something private."""
    mentoring = mentoring_under_way(champion())
    with committed():
        services.log_meeting(
            mentoring=mentoring,
            by=mentoring.mentee,
            met_on=timezone.localdate(),
            summary=f"We talked about {CANARY}.",
        )
    return mentoring


def test_nobody_else_can_open_a_relationship(client, logged):
    path = reverse("champions:mentoring", args=[logged.pk])

    anonymous = client.get(path)
    assert anonymous.status_code == 302
    assert reverse("account:sign-in") in anonymous.url

    for outsider in (UserFactory(), champion().person):
        client.force_login(outsider)
        assert client.get(path).status_code == 404
        assert client.post(path, {"action": "withdraw"}).status_code == 404


def test_the_pair_and_lga_staff_read_the_log(client, logged):
    path = reverse("champions:mentoring", args=[logged.pk])

    for reader in (logged.mentee, logged.champion.person, lga_administrator()):
        client.force_login(reader)
        response = client.get(path)
        assert response.status_code == 200
        assert CANARY in response.content.decode()
        assert "no-cache" in response.headers["Cache-Control"]


def test_lga_staff_read_but_cannot_act_for_the_pair(client, logged):
    client.force_login(lga_administrator())
    path = reverse("champions:mentoring", args=[logged.pk])

    assert "Only the two of them can change it" in client.get(path).content.decode()
    response = client.post(path, {"action": "close", "close-usefulness": "very"})

    assert response.status_code == 404
    logged.refresh_from_db()
    assert logged.is_open


def test_the_log_is_on_no_public_page_and_in_no_email(client, logged):
    pages = [
        reverse("champions:directory"),
        reverse("champions:profile", args=[logged.champion.slug]),
        reverse("champions:sessions"),
        reverse("champions:find-mentor") + "?theme=data",
    ]
    for path in pages:
        assert CANARY not in client.get(path).content.decode()
    client.force_login(logged.mentee)
    # Even the pair's own list shows the relationship, not the log.
    assert CANARY not in client.get(reverse("champions:my-mentoring")).content.decode()
    with committed():
        services.close(mentoring=logged, by=logged.mentee, usefulness="very")
    assert mail.outbox
    for email in mail.outbox:
        assert CANARY not in email.body
        assert CANARY not in email.subject


def test_only_lga_staff_see_every_relationship(client, logged):
    path = reverse("champions:all-mentoring")
    client.force_login(UserFactory())
    assert client.get(path).status_code == 404
    client.force_login(logged.champion.person)
    assert client.get(path).status_code == 404

    client.force_login(lga_administrator())
    response = client.get(path, {"status": "active"})

    shown = response.content.decode()
    assert response.status_code == 200
    assert escape(logged.mentee.full_name) in shown
    assert reverse("champions:mentoring", args=[logged.pk]) in shown
    assert CANARY not in shown
    assert logged.topic not in client.get(path, {"status": "closed"}).content.decode()


def test_a_session_shows_its_link_and_who_is_coming_only_to_those_entitled(client):
    host = champion()
    session = open_session(host, joining_link="https://meet.example/secret-room")
    coming = UserFactory(full_name="Rosa Attendee")
    with committed():
        services.register(session=session, person=coming)
    path = reverse("champions:session", args=[session.pk])

    public = client.get(path).content.decode()
    assert "secret-room" not in public
    assert "Rosa Attendee" not in public
    client.force_login(UserFactory())
    other = client.get(path).content.decode()
    assert "secret-room" not in other
    assert "Rosa Attendee" not in other

    client.force_login(coming)
    assert "secret-room" in client.get(path).content.decode()
    client.force_login(host.person)
    hosting = client.get(path).content.decode()
    assert "secret-room" in hosting
    assert "Rosa Attendee" in hosting


def test_a_session_email_names_nobody_else(client):
    session = open_session(champion())
    first = UserFactory(full_name="First Registrant")
    with committed():
        services.register(session=session, person=first)
    mail.outbox.clear()

    with committed():
        services.register(session=session, person=UserFactory())

    [email] = mail.outbox
    assert "First Registrant" not in email.body
    [(_name, calendar, kind)] = email.attachments
    assert kind == "text/calendar"
    assert "First Registrant" not in str(calendar)
    assert "BEGIN:VEVENT" in str(calendar)
