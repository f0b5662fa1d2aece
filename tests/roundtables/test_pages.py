"""Round-table pages as organisers and LGA staff use them: setting one up in the admin,
inviting by role and region, attendance, cancelling, the report by region; bad input gets
a message, never an error; and what each page costs."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from academy import roles
from academy.models import LeadershipRole, Organisation, Region
from roundtables import services
from roundtables.models import Invitation, RoundTable, RoundTableTheme
from tests.factories import (
    OrganisationFactory,
    PlaceFactory,
    UserFactory,
    attending,
    chief_executive,
    committed,
    held,
    invited,
    round_table,
)

pytestmark = pytest.mark.django_db
Status = Invitation.Status


def round_table_form(**overrides):
    starts = (timezone.localtime() + timedelta(days=40)).replace(hour=14, minute=0)
    data = {
        "title": "Digital and devolution in the North West",
        "region": Region.NORTH_WEST,
        "co_hosts": "The LGA with Solace",
        "themes": [RoundTableTheme.objects.get(slug="devolution").pk],
        "summary": "What devolution deals mean for shared digital services.",
        "starts_at": f"{starts:%Y-%m-%d %H:%M}",
        "duration_minutes": "150",
        "venue": "Manchester Central Library",
        "capacity": "14",
        "invitation_deadline": f"{starts - timedelta(days=10):%Y-%m-%d %H:%M}",
        "speaker_name": "Dana Whitfield",
        "speaker_role": "Chief executive, Anyshire County Council",
        "speaker_story": "Moved every resident-facing service onto one platform.",
    }
    data.update(overrides)
    return data


def test_an_administrator_sets_up_a_round_table_in_the_admin(client, admin_user):
    client.force_login(admin_user)

    response = client.post("/admin/round_table/new/", round_table_form())

    assert response.status_code == 302, response.content.decode()[:3000]
    made = RoundTable.objects.get()
    assert made.created_by == admin_user
    assert [theme.slug for theme in made.themes.all()] == ["devolution"]
    assert ModelLogEntry.objects.filter(action="roundtables.round_table.create").exists()
    inspect = client.get(f"/admin/round_table/inspect/{made.pk}/").content.decode()
    assert reverse("roundtables:manage", args=[made.pk]) in inspect


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"capacity": "1"}, "A round table needs at least two places."),
        ({"capacity": "lots"}, "Enter a whole number."),
        (
            {"starts_at": "2020-01-01 10:00", "invitation_deadline": "2019-12-01 10:00"},
            "A round table must start in the future.",
        ),
        ({"invitation_deadline": "2099-01-01 10:00"}, "must be before the round table starts"),
        ({"speaker_name": ""}, "This field is required."),
        ({"starts_at": "31/02/2027 25:00"}, "Enter a valid date/time."),
    ],
)
def test_a_bad_round_table_is_refused_with_a_message(client, admin_user, changes, message):
    client.force_login(admin_user)

    response = client.post("/admin/round_table/new/", round_table_form(**changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RoundTable.objects.exists()


def test_organisers_find_chief_executives_and_directors_by_role_and_region(client):
    table = round_table(region=Region.NORTH_WEST)
    north_west = PlaceFactory(region=Region.NORTH_WEST)
    council = OrganisationFactory(name="Anytown Council", region="", place=north_west)
    police = OrganisationFactory(
        name="Anyshire Police", kind=Organisation.Kind.POLICE, region=Region.NORTH_WEST
    )
    chief = chief_executive(council, full_name="Chidi Chief")
    director = chief_executive(
        police, full_name="Dee Director", leadership_role=LeadershipRole.CORPORATE_DIRECTOR
    )
    chief_executive(OrganisationFactory(region=Region.LONDON), full_name="Lon Don")
    UserFactory(organisation=council, full_name="Hal Headofservice", leadership_role="director")
    client.force_login(table.created_by)
    url = reverse("roundtables:invite", args=[table.pk])

    everyone = client.get(url).content.decode()
    assert "Chidi Chief" in everyone and "Dee Director" in everyone
    assert "Lon Don" not in everyone and "Hal Headofservice" not in everyone
    chiefs_only = client.get(url, {"roles": "chief-executive", "region": "north-west"})
    assert "Dee Director" not in chiefs_only.content.decode()

    with committed():
        response = client.post(url, {"people": [chief.pk, director.pk]})

    assert response.status_code == 302
    assert set(table.invitations.values_list("person__full_name", flat=True)) == {
        "Chidi Chief",
        "Dee Director",
    }
    # Those invited are not offered again.
    offered = client.get(url).context["form"].fields["people"].queryset
    assert not offered.filter(pk=chief.pk).exists()


@pytest.mark.parametrize(
    ("query", "data"),
    [
        ({"region": "atlantis"}, {"people": ["1"]}),
        ({}, {"people": ["not-a-number"]}),
        ({}, {}),
        ({"roles": "emperor"}, {"people": ["999999"]}),
    ],
)
def test_bad_input_on_the_invite_page_gets_a_message(client, query, data):
    table = round_table()
    chief_executive()  # someone to invite, so that the form is shown
    client.force_login(table.created_by)
    url = reverse("roundtables:invite", args=[table.pk])

    assert client.get(url, query).status_code == 200
    response = client.post(url, data)

    assert response.status_code == 200
    body = response.content.decode()
    assert "Choose" in body and "govuk-error-summary" in body
    assert not table.invitations.exists()


def test_a_nonsense_answer_gets_a_message(client):
    table = round_table()
    person = chief_executive()
    invited(table, person)
    client.force_login(person)

    response = client.post(reverse("roundtables:round-table", args=[table.pk]), {"answer": "maybe"})

    assert response.status_code == 200
    assert "Choose whether you will come." in response.content.decode()


def test_a_named_organiser_runs_their_round_table_and_nobody_elses(client):
    editor = UserFactory(role=roles.LGA_EDITOR)
    mine = round_table(organisers=[editor])
    theirs = round_table()
    client.force_login(editor)

    assert client.get(reverse("roundtables:manage", args=[mine.pk])).status_code == 200
    assert client.get(reverse("roundtables:manage", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("roundtables:by-region")).status_code == 404


def test_attendance_is_registered_after_it_starts_and_withdrawing_frees_a_place(client):
    table = round_table(capacity=2)
    first, second, third = (chief_executive() for _ in range(3))
    for person in (first, second, third):
        attending(table, person)
    client.force_login(table.created_by)
    invitation = Invitation.objects.get(person=first)

    with committed():
        client.post(reverse("roundtables:withdraw", args=[table.pk, invitation.pk]))
    assert Invitation.objects.get(person=third).status == Status.ACCEPTED
    url = reverse("roundtables:attendance", args=[table.pk])
    assert "once the round table has started" in client.get(url).content.decode()

    held(table)
    response = client.post(url, {"attended": [str(second.pk)]})

    assert response.status_code == 302
    assert dict(
        table.invitations.filter(status=Status.ACCEPTED).values_list("person", "attended")
    ) == {
        second.pk: True,
        third.pk: False,
    }


def test_staff_see_response_and_attendance_by_region(client, admin_user):
    table = round_table(region=Region.NORTH_EAST)
    came, absent, declined, silent = (chief_executive() for _ in range(4))
    attending(table, came)
    attending(table, absent)
    services.decline(invitation=invited(table, declined), by=declined)
    invited(table, silent)
    held(table)
    services.record_attendance(round_table=table, attended_ids=[came.pk], by=admin_user)
    client.force_login(admin_user)

    response = client.get(reverse("roundtables:by-region"))

    rows = {row.region: row for row in response.context["regions"]}
    north_east = rows[Region.NORTH_EAST]
    assert (north_east.invited, north_east.answered, north_east.accepted) == (4, 3, 2)
    assert (north_east.response_rate, north_east.attendance_rate) == (75, 50)
    assert rows[Region.LONDON].response_rate is None
    assert "75%" in response.content.decode()


def test_an_organiser_cancels_and_the_round_table_says_so(client):
    table = round_table()
    person = chief_executive()
    attending(table, person)
    client.force_login(table.created_by)

    with committed():
        client.post(reverse("roundtables:cancel", args=[table.pk]))

    table.refresh_from_db()
    assert table.status == RoundTable.Status.CANCELLED
    client.force_login(person)
    assert (
        "has been cancelled"
        in client.get(reverse("roundtables:round-table", args=[table.pk])).content.decode()
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_round_table_pages_cost_the_same_however_many_are_invited(client):
    def costs(invitations):
        table = round_table(capacity=60)
        people = [chief_executive() for _ in range(invitations)]
        for person in people:
            attending(table, person)
        held(table)
        services.add_note(
            round_table=table, theme="Data", insight="Start small.", by=table.created_by
        )
        services.share_notes(round_table=table, by=table.created_by)
        client.force_login(people[0])
        attendee = count_queries(client, reverse("roundtables:round-table", args=[table.pk]))
        listing = count_queries(client, reverse("roundtables:list"))
        client.force_login(table.created_by)
        return {
            "attendee": attendee,
            "list": listing,
            "manage": count_queries(client, reverse("roundtables:manage", args=[table.pk])),
            "attendance": count_queries(client, reverse("roundtables:attendance", args=[table.pk])),
        }

    few, many = costs(3), costs(30)

    assert few == many
    assert many == {"attendee": 13, "list": 9, "manage": 11, "attendance": 9}
