"""The champions area of the admin: LGA administrators keep profiles and read sessions and
every relationship; what happened in the network reads plainly in the audit log."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from academy import roles
from academy.models import Region
from champions.models import ChampionProfile
from tests.factories import (
    UserFactory,
    champion,
    lga_administrator,
    mentoring_under_way,
    open_session,
)

pytestmark = pytest.mark.django_db


def test_an_administrator_adds_a_champion_in_the_admin(client):
    admin = lga_administrator()
    person = UserFactory(full_name="Nia Roberts")
    client.force_login(admin)

    assert client.get("/admin/champion_profile/").status_code == 200
    response = client.post(
        "/admin/champion_profile/new/",
        {
            "person": person.pk,
            "slug": "nia-roberts",
            "kind": "member",
            "region": Region.NORTH_WEST,
            "role": "Cabinet member for digital",
            "organisation": person.organisation.pk,
            "delivered": "Every form the council has, online and accessible.",
            "accepting_mentees": "on",
            "mentee_capacity": "2",
            "is_listed": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    made = ChampionProfile.objects.get(person=person)
    assert made.slug == "nia-roberts"
    # In the role, so that good-practice entries can name her as the contact.
    assert person.groups.filter(name=roles.DIGITAL_CHAMPION).exists()


def test_a_profile_stays_with_its_person_in_the_admin(client):
    profile = champion()
    owner = profile.person
    client.force_login(lga_administrator())
    edit = f"/admin/champion_profile/edit/{profile.pk}/"

    response = client.post(
        edit,
        {
            "person": UserFactory().pk,
            "slug": profile.slug,
            "kind": profile.kind,
            "region": profile.region,
            "role": "Chief digital and data officer",
            "organisation": profile.organisation_id,
            "delivered": profile.delivered,
            "mentee_capacity": "2",
            "is_listed": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    profile.refresh_from_db()
    assert profile.person == owner
    assert profile.role == "Chief digital and data officer"


def test_the_admin_refuses_an_address_the_directory_uses(client):
    client.force_login(lga_administrator())
    person = UserFactory()

    response = client.post(
        "/admin/champion_profile/new/",
        {
            "person": person.pk,
            "slug": "sessions",
            "kind": "officer",
            "region": Region.NORTH_WEST,
            "role": "Chief digital officer",
            "organisation": person.organisation.pk,
            "delivered": "x",
            "mentee_capacity": "2",
        },
    )

    assert response.status_code == 200
    assert "This address is taken by the directory itself." in response.content.decode()
    assert not ChampionProfile.objects.exists()


def test_open_sessions_are_listed_to_read_not_to_change(client):
    session = open_session(champion())
    client.force_login(lga_administrator())

    listing = client.get("/admin/open_session/")

    assert listing.status_code == 200
    assert session.title in listing.content.decode()
    assert client.get(f"/admin/open_session/inspect/{session.pk}/").status_code == 200
    assert client.get(f"/admin/open_session/edit/{session.pk}/").status_code in (302, 403)


def test_editors_have_no_champions_area(client):
    client.force_login(UserFactory(role=roles.LGA_EDITOR))

    assert client.get("/admin/champion_profile/").status_code in (302, 403)
    assert client.get(reverse("champions:all-mentoring")).status_code == 404


def test_the_audit_log_names_what_happened(client):
    mentoring = mentoring_under_way(champion())
    admin = lga_administrator()
    client.force_login(admin)

    history = client.get("/admin/reports/site-history/").content.decode()

    assert "Mentoring accepted" in history
    assert "Champion added to the directory" in history
    assert escape(mentoring.champion.person.full_name) in history
