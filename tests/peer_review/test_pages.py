"""The manager's pages: setting a review up, its people and its questions. Bad input comes
back on the form with a message, and nothing is half saved."""

import pytest
from django.urls import reverse

from academy.models import Organisation
from peer_review.models import Participant, Review
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    digital_question,
    lga_administrator,
    peer_review_at,
    peer_reviewer,
)

pytestmark = pytest.mark.django_db


def test_setting_up_a_review_refuses_bad_input_and_makes_the_manager(client):
    admin = lga_administrator()
    council = OrganisationFactory(name="Wiltshire Council", kind=Organisation.Kind.UNITARY_COUNCIL)
    OrganisationFactory(name="Avon Police", kind=Organisation.Kind.POLICE)
    client.force_login(admin)
    url = reverse("peer_review:new")

    page = client.get(url).content.decode()
    assert "Wiltshire Council" in page and "Avon Police" not in page

    response = client.post(
        url,
        {
            "council": "",
            "title": "Corporate peer challenge 2027",
            "on_site_starts-day": "31",
            "on_site_starts-month": "2",
            "on_site_starts-year": "2027",
            "on_site_ends-day": "3",
            "on_site_ends-month": "3",
            "on_site_ends-year": "2027",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose the council under review." in page
    assert "Corporate peer challenge 2027" in page
    assert not Review.objects.exists()

    response = client.post(
        url,
        {
            "council": council.pk,
            "on_site_starts-day": "9",
            "on_site_starts-month": "3",
            "on_site_starts-year": "2027",
            "on_site_ends-day": "1",
            "on_site_ends-month": "3",
            "on_site_ends-year": "2027",
        },
    )
    assert "The last day on site must be the same as or after the first day." in (
        response.content.decode()
    )
    response = client.post(
        url,
        {
            "council": council.pk,
            "on_site_starts-day": "1",
            "on_site_starts-month": "3",
            "on_site_starts-year": "2027",
            "on_site_ends-day": "4",
            "on_site_ends-month": "3",
            "on_site_ends-year": "2027",
        },
    )
    review = Review.objects.get()
    assert response["Location"] == reverse("peer_review:people", args=[review.pk])
    assert review.participants.get().role == Participant.Role.MANAGER
    assert str(review.report_due) == "2027-06-04"
    assert str(review.action_plan_due) == "2027-08-04"
    assert str(review.progress_review_due) == "2028-01-04"

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_people_are_added_by_role_with_the_rules_as_messages(client):
    made = peer_review_at("scoping")
    review = made.review
    client.force_login(made.manager)
    url = reverse("peer_review:people", args=[review.pk])

    # Contacts are chosen from the council's people; peers from everyone else.
    colleague = UserFactory(organisation=review.council, full_name="Nia Colleague")
    outsider = peer_reviewer(full_name="Olu Outsider")
    contacts = client.get(url, {"role": "council-contact"}).content.decode()
    assert "Nia Colleague" in contacts and "Olu Outsider" not in contacts
    peers = client.get(url).content.decode()
    assert "Olu Outsider" in peers and "Nia Colleague" not in peers

    response = client.post(url, {"role": "member-peer", "person": outsider.pk})
    assert "Choose the member peer&#x27;s political group." in response.content.decode()
    response = client.post(url, {"role": "boss", "person": ""})
    page = response.content.decode()
    assert "Choose the person&#x27;s role in the review." in page
    assert "Choose the person to add." in page
    response = client.post(
        url, {"role": "member-peer", "person": outsider.pk, "political_group": "green"}
    )
    assert response.status_code == 302
    assert review.participants.get(person=outsider).political_group == "green"

    client.force_login(made.lead)
    assert "Add to the review" not in client.get(url).content.decode()
    assert client.post(url, {"role": "officer-peer", "person": colleague.pk}).status_code == 404


def test_the_manager_picks_questions_by_core_element(client):
    made = peer_review_at("scoping")
    review = made.review
    retired = digital_question("d-old-1", is_active=False, text="A retired question?")
    client.force_login(made.manager)
    url = reverse("peer_review:questions", args=[review.pk])

    page = client.get(url).content.decode()
    assert "Governance and culture" in page
    assert "A retired question?" not in page
    response = client.post(url, {"questions": []})
    assert "Choose at least one digital question." in response.content.decode()
    response = client.post(url, {"questions": [retired.pk]})
    assert "Choose questions from the bank." in response.content.decode()
    assert review.asked.count() == 2

    keep = made.asked[0]
    response = client.post(url, {"questions": [keep.question_id]})
    assert response.status_code == 302
    assert list(review.asked.all()) == [keep]  # kept as the version it was picked at
