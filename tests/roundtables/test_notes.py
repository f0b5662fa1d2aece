"""Notes under the Chatham House rule: themes and insights with no attribution, checked for
the names of those coming and their organisations before they are saved."""

import pytest
from django.urls import reverse

from academy.models import Organisation
from roundtables import exceptions, services
from roundtables.models import Note
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    attending,
    chief_executive,
    held,
    round_table,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def table():
    the_table = round_table()
    kent = OrganisationFactory(name="Kent County Council", kind=Organisation.Kind.COUNTY_COUNCIL)
    attending(the_table, chief_executive(kent, full_name="Amara Okafor"))
    return held(the_table)


@pytest.mark.parametrize(
    "insight",
    [
        "Amara Okafor said the hardest part was the data.",
        "As Ms Okafor put it, start with one service.",
        "Kent County Council found the hardest part was the data.",
        "In Kent the hardest part was the data.",
        "amara   okafor thought so too.",
    ],
)
def test_a_note_that_names_an_attendee_or_their_organisation_is_flagged(table, insight):
    with pytest.raises(exceptions.NotesNameSomeone) as flagged:
        services.add_note(round_table=table, theme="Data", insight=insight, by=table.created_by)

    assert flagged.value.names
    assert "Chatham House rule" in str(flagged.value.message)
    assert not Note.objects.exists()


def test_a_note_without_names_is_saved(table):
    note = services.add_note(
        round_table=table,
        theme="Data",
        insight="The hardest part was agreeing who owns the data, not the technology.",
        by=table.created_by,
    )

    assert note.names_kept == ""
    # Words inside other words are not names: "Kentish" is not Kent.
    services.add_note(
        round_table=table, theme="Places", insight="A Kentish approach works.", by=table.created_by
    )


def test_an_organiser_can_keep_names_that_are_not_attributions_and_that_is_recorded(client, table):
    client.force_login(table.created_by)
    url = reverse("roundtables:notes", args=[table.pk])
    text = "Kent has published a strategy that others could follow."

    flagged = client.post(url, {"theme": "Strategy", "insight": text})

    body = flagged.content.decode()
    assert flagged.status_code == 200
    assert "This note names" in body and "‘Kent’" in body
    assert text in body  # what was typed is kept
    assert 'name="keep_names"' in body
    assert not Note.objects.exists()

    kept = client.post(url, {"theme": "Strategy", "insight": text, "keep_names": "on"})

    assert kept.status_code == 302
    note = Note.objects.get()
    assert note.names_kept == "Kent"


def test_notes_have_no_field_for_who_said_it():
    fields = {field.name for field in Note._meta.get_fields()}

    assert fields == {
        "id",
        "round_table",
        "theme",
        "insight",
        "names_kept",
        "recorded_by",
        "recorded_at",
    }


def test_only_organisers_record_notes(client, table):
    attendee = table.invitations.get().person
    client.force_login(attendee)

    assert client.get(reverse("roundtables:notes", args=[table.pk])).status_code == 404
    with pytest.raises(exceptions.NotAnOrganiser):
        services.add_note(round_table=table, theme="Data", insight="x", by=UserFactory())


def test_notes_cannot_be_sent_before_it_is_held_or_twice(table):
    upcoming = round_table()
    services.add_note(round_table=upcoming, theme="T", insight="I", by=upcoming.created_by)
    with pytest.raises(exceptions.NotYetHeld):
        services.share_notes(round_table=upcoming, by=upcoming.created_by)
    with pytest.raises(exceptions.NoNotes):
        services.share_notes(round_table=table, by=table.created_by)

    services.add_note(round_table=table, theme="T", insight="I", by=table.created_by)
    services.share_notes(round_table=table, by=table.created_by)
    with pytest.raises(exceptions.NotesAlreadyShared):
        services.share_notes(round_table=table, by=table.created_by)


def test_an_overlong_note_is_refused_with_a_message_and_kept(client, table):
    client.force_login(table.created_by)

    response = client.post(
        reverse("roundtables:notes", args=[table.pk]), {"theme": "Data", "insight": "x" * 3001}
    )

    assert response.status_code == 200
    assert "3,000 characters or fewer" in response.content.decode()
    assert not Note.objects.exists()
