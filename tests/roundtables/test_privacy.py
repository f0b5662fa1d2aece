"""The Chatham House rule, enforced: who may see a round table, its attendee list and its
notes, and that neither ever leaves through a public door (search, feeds, sitemap, calendar
files, emails to others)."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from roundtables import selectors, services
from roundtables.models import Invitation
from tests.factories import (
    UserFactory,
    attending,
    case_study,
    chief_executive,
    committed,
    held,
    home_page,
    invited,
    practice_database,
    round_table,
)

pytestmark = pytest.mark.django_db

NOTE = "Quartzwhistle: shared data platforms only worked where the finance lead owned them."
ATTENDEE = "Ximena Thornbury"


@pytest.fixture
def table_with_notes():
    """A round table that has taken place: a listed attendee, another who chose not to be
    listed, someone who declined, and notes sent."""
    table = round_table(title="Digital leadership in the South East")
    listed = chief_executive(full_name=ATTENDEE)
    unlisted = chief_executive(full_name="Quentin Unlisted")
    declined = chief_executive(full_name="Dora Declined")
    attending(table, listed, listed=True)
    attending(table, unlisted, listed=False)
    services.decline(invitation=invited(table, declined), by=declined)
    held(table)
    services.add_note(round_table=table, theme="Data", insight=NOTE, by=table.created_by)
    with committed():
        services.share_notes(round_table=table, by=table.created_by)
    return table, listed, unlisted, declined


def page_of(client, table):
    return client.get(reverse("roundtables:round-table", args=[table.pk]))


def test_an_anonymous_visitor_is_asked_to_sign_in_and_sees_nothing(client, table_with_notes):
    table, *_ = table_with_notes

    response = page_of(client, table)

    assert response.status_code == 302
    assert reverse("account:sign-in") in response["Location"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    body = client.get(response["Location"]).content.decode()
    assert NOTE not in body and ATTENDEE not in body


def test_someone_not_invited_finds_no_round_table(client, table_with_notes):
    table, *_ = table_with_notes
    client.force_login(UserFactory())

    assert page_of(client, table).status_code == 404
    assert client.get(reverse("roundtables:manage", args=[table.pk])).status_code == 404
    listing = client.get(reverse("roundtables:list")).content.decode()
    assert table.title not in listing


def test_a_declined_invitee_sees_neither_the_attendees_nor_the_notes(client, table_with_notes):
    table, _listed, _unlisted, declined = table_with_notes
    client.force_login(declined)

    body = page_of(client, table).content.decode()

    assert table.title in body
    assert ATTENDEE not in body
    assert NOTE not in body


def test_an_attendee_sees_only_those_who_chose_to_be_listed(client, table_with_notes):
    table, listed, unlisted, _declined = table_with_notes
    client.force_login(unlisted)

    body = page_of(client, table).content.decode()

    assert ATTENDEE in body
    assert "Dora Declined" not in body
    assert NOTE in body
    # Someone who chose not to be listed still sees themselves, and nobody else sees them.
    client.force_login(listed)
    assert "Quentin Unlisted" not in page_of(client, table).content.decode()


def test_organisers_see_everyone_coming(client, table_with_notes):
    table, *_ = table_with_notes
    client.force_login(table.created_by)

    body = page_of(client, table).content.decode()

    assert ATTENDEE in body and "Quentin Unlisted" in body and NOTE in body


def test_someone_registered_as_absent_is_not_sent_the_notes():
    later = round_table()
    came, absent = chief_executive(), chief_executive()
    attending(later, came)
    attending(later, absent)
    held(later)
    services.record_attendance(round_table=later, attended_ids=[came.pk], by=later.created_by)
    services.add_note(
        round_table=later, theme="Skills", insight="Start small.", by=later.created_by
    )
    mail.outbox.clear()

    with committed():
        assert services.share_notes(round_table=later, by=later.created_by) == 1

    assert [email.to for email in mail.outbox] == [[came.email]]
    invitation = Invitation.objects.get(round_table=later, person=absent)
    assert not selectors.sees_notes(invitation)


def test_no_email_carries_the_notes_or_another_attendees_name(table_with_notes):
    from academy.models import User

    assert mail.outbox
    for email in mail.outbox:
        recipient = User.objects.get(email=email.to[0]).full_name
        payload = email.body + email.subject + "".join(str(a[1]) for a in email.attachments)
        assert NOTE not in payload
        for name in {"Quentin Unlisted", "Dora Declined", ATTENDEE} - {recipient}:
            assert name not in payload


def test_no_public_page_search_feed_or_sitemap_carries_notes_or_names(table_with_notes):
    table, listed, *_ = table_with_notes
    home_page()
    database = practice_database()
    case_study(index=database, title="Data platforms that worked")
    anonymous, member = Client(), Client()
    member.force_login(listed)
    urls = [
        "/",
        "/sitemap.xml",
        f"{database.url}?q=finance+lead+owned",
        f"{database.url}?q=Thornbury",
        f"{database.url}feed/",
        f"{database.url}download/csv/",
    ]

    for client in (anonymous, member):
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            body = b"".join(response) if response.streaming else response.content
            assert b"finance lead owned them" not in body, url
            assert ATTENDEE.encode() not in body, url
            assert table.title.encode() not in body, url


def test_the_calendar_file_names_nobody(table_with_notes):
    from roundtables.notifications import calendar_of

    table, *_ = table_with_notes

    ics = calendar_of(table).decode()

    assert "Chatham House" in ics
    for name in (ATTENDEE, "Quentin Unlisted", "Dora Declined"):
        assert name not in ics
    assert "ATTENDEE" not in ics and NOTE not in ics
