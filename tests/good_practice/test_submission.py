"""A member sends in a case study through the site: it waits, unpublished, in the LGA's
moderation workflow; LGA staff send it back with a question or publish it; the member hears
by email at each step, once, in plain words and without links into the admin."""

import pytest
from django.core import mail
from django.http import QueryDict
from django.test import Client
from wagtail.models import WorkflowState

from academy import roles
from cms_pages.models import CaseStudyPage, Theme
from good_practice import selectors, services
from good_practice.models import CouncilType, Sector, ServiceArea, Submission
from tests.factories import UserFactory, committed, practice_database

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return practice_database()


@pytest.fixture
def member():
    return UserFactory(role=roles.SENIOR_OFFICER, full_name="Rachel Osei")


@pytest.fixture
def publisher():
    return UserFactory(role=roles.LGA_PUBLISHER)


def form_data(**overrides):
    data = {
        "title": "Tracking meals-on-wheels vans",
        "kind": "case-study",
        "summary": "Families see when the meal will arrive.",
        "organisation": "Medway Council",
        "sector": str(Sector.objects.get(slug="local-government").pk),
        "council_type": str(CouncilType.objects.get(slug="unitary").pk),
        "region": "south-east",
        "service_areas": [str(ServiceArea.objects.get(slug="meals-on-wheels").pk)],
        "themes": [str(Theme.objects.get(slug="services").pk)],
        "problem": "Drivers could not say when they would arrive.\n\nFamilies rang to ask.",
        "approach": "We put trackers in the vans and sent a text when they set off.",
        "outcome_measure": "time",
        "outcome_figure": "40%",
        "outcome_description": "fewer calls to the contact centre",
        "outcome_how_measured": "Call logs for six months before and after.",
        "applies_to_service_areas": [str(ServiceArea.objects.get(slug="waste-and-refuse").pk)],
        "applies_to_council_types": [str(CouncilType.objects.get(slug="district").pk)],
        "permission": "on",
    }
    data.update(overrides)
    return data


def submit(client, index, member, **overrides):
    client.force_login(member)
    with committed():
        return client.post(f"{index.url}submit/", form_data(**overrides))


def subjects():
    return [(message.to[0], message.subject) for message in mail.outbox]


def test_a_member_sends_in_a_case_study_that_waits_unpublished_for_moderation(
    client, index, member
):
    response = submit(client, index, member)

    assert response.status_code == 302
    assert response["Location"] == f"{index.url}submissions/"
    page = CaseStudyPage.objects.get()
    assert not page.live and page.owner == member
    assert page.get_parent().pk == index.pk
    assert [o.name for o in page.organisations.all()] == ["Medway Council"]
    assert [o.figure for o in page.outcomes.all()] == ["40%"]
    assert page.problem == (
        "<p>Drivers could not say when they would arrive.</p>\n\n<p>Families rang to ask.</p>"
    )
    assert WorkflowState.objects.get(base_content_type__isnull=False).status == "in_progress"
    submission = Submission.objects.get()
    assert submission.submitted_by == member
    assert submission.status == Submission.Status.AWAITING_MODERATION
    assert (member.email, "We have your case study: Tracking meals-on-wheels vans") in subjects()
    assert selectors.search_practice(viewer=member, params=QueryDict()).total == 0
    public = Client()
    for path in ("", "?q=vans", "feed/", "download/csv/", "download/json/?q=vans"):
        assert "Tracking meals" not in public.get(f"{index.url}{path}").content.decode(), path
    assert public.get(page.url).status_code == 404
    listing = client.get(f"{index.url}submissions/").content.decode()
    assert "Tracking meals-on-wheels vans" in listing and "Waiting for the LGA team" in listing


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Enter a title."),
        ({"kind": "gossip"}, "Select a valid choice."),
        ({"service_areas": []}, "Choose at least one service it was done in."),
        ({"service_areas": ["99999"]}, "Choose services from the list."),
        ({"sector": "nonsense"}, "Choose a sector from the list."),
        ({"council_type": ""}, "Choose the type of council."),
        ({"approach": "x" * 4001}, "The approach must be 4,000 characters or fewer."),
        ({"permission": ""}, "Confirm you have permission to share this."),
        ({"outcome_figure": ""}, "Enter the outcome&#x27;s figure."),
        (
            {"applies_to_service_areas": [str(0)]},
            "Choose services from the list.",
        ),
    ],
)
def test_the_form_refuses_bad_input_with_a_message_and_keeps_what_was_typed(
    client, index, member, overrides, message
):
    response = submit(client, index, member, **overrides)

    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "There is a problem" in body
    assert "Families rang to ask." in body  # what they typed is still there
    assert not CaseStudyPage.objects.exists() and not mail.outbox


def test_a_service_it_was_done_in_is_not_also_one_it_could_apply_to(client, index, member):
    meals = str(ServiceArea.objects.get(slug="meals-on-wheels").pk)
    police = str(Sector.objects.get(slug="police").pk)

    overlap = submit(client, index, member, applies_to_service_areas=[meals])
    not_a_council = submit(client, index, member, sector=police)

    assert "Untick Meals on wheels: it is already a service it was done in." in (
        overlap.content.decode()
    )
    assert "Choose ‘Not a council’ for this sector." in not_a_council.content.decode()
    assert not CaseStudyPage.objects.exists()


def test_signing_in_comes_first(client, index):
    response = client.get(f"{index.url}submit/")

    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/?next=")
    assert client.get(f"{index.url}submissions/").status_code == 302


def publish_through_the_workflow(page, publisher):
    state = WorkflowState.objects.get(status="in_progress")
    with committed():
        state.current_task_state.approve(user=publisher)


def test_publishing_tells_the_submitter_once_and_makes_it_searchable(
    client, index, member, publisher
):
    submit(client, index, member)
    page = CaseStudyPage.objects.get()
    mail.outbox.clear()

    publish_through_the_workflow(page, publisher)
    page.refresh_from_db()
    page.summary = "Families see, to the minute, when the meal will arrive."
    with committed():
        page.save_revision(user=publisher).publish()  # a later edit tells nobody

    assert page.live
    assert subjects() == [
        (member.email, "Your case study is published: Tracking meals-on-wheels vans")
    ]
    assert f"http://testserver{page.url}" in mail.outbox[0].body
    assert "/admin/" not in mail.outbox[0].body
    found = selectors.search_practice(viewer=None, params=QueryDict("q=meals"))
    assert [result.page.pk for result in found.results] == [page.pk]
    assert Submission.objects.get().status == Submission.Status.PUBLISHED


def test_sending_it_back_tells_the_submitter_the_question(client, index, member, publisher):
    submit(client, index, member)
    mail.outbox.clear()
    state = WorkflowState.objects.get(status="in_progress")

    with committed():
        state.current_task_state.reject(user=publisher, comment="How many vans took part?")

    assert subjects() == [
        (member.email, "A question about your case study: Tracking meals-on-wheels vans")
    ]
    assert '"How many vans took part?"' in mail.outbox[0].body
    listing = client.get(f"{index.url}submissions/").content.decode()
    assert "The LGA team has questions" in listing and "How many vans took part?" in listing


def test_taking_it_down_tells_the_submitter(client, index, member, publisher):
    submit(client, index, member)
    page = CaseStudyPage.objects.get()
    publish_through_the_workflow(page, publisher)
    mail.outbox.clear()

    page.refresh_from_db()
    with committed():
        page.unpublish(user=publisher)

    assert subjects() == [
        (member.email, "Your case study has been taken down: Tracking meals-on-wheels vans")
    ]
    assert Submission.objects.get().status == Submission.Status.UNPUBLISHED


def test_a_member_sees_only_their_own_submissions(client, index, member):
    submit(client, index, member)
    other = Client()
    other.force_login(UserFactory(role=roles.COUNCILLOR))

    listing = other.get(f"{index.url}submissions/").content.decode()

    assert "Tracking meals-on-wheels vans" not in listing
    assert "You have not sent in a case study yet." in listing


def test_a_member_sends_in_a_few_a_day_at_most(client, index, member):
    for number in range(services.SUBMISSIONS_PER_DAY):
        assert submit(client, index, member, title=f"Practice {number}").status_code == 302

    refused = submit(client, index, member, title="One too many")

    assert refused.status_code == 200
    assert "You have sent in 5 case studies in the last day." in refused.content.decode()
    assert CaseStudyPage.objects.count() == services.SUBMISSIONS_PER_DAY


def test_what_a_member_types_is_kept_as_text_not_markup(client, index, member, publisher):
    submit(client, index, member, approach='<script>alert("x")</script> <b onclick="x">vans</b>')
    page = CaseStudyPage.objects.get()
    publish_through_the_workflow(page, publisher)

    body = client.get(page.url).content.decode()

    assert "&lt;script&gt;alert(" in body
    assert "<script>alert(" not in body and 'onclick="x"' not in body


def test_an_email_that_fails_is_sent_on_a_later_run(client, index, member, monkeypatch):
    from academy import emails

    real = emails.EmailMessage.send
    monkeypatch.setattr(emails.EmailMessage, "send", lambda self: 1 / 0)
    submit(client, index, member)
    assert not mail.outbox
    monkeypatch.setattr(emails.EmailMessage, "send", real)

    assert services.deliver_pending() == 1
    assert services.deliver_pending() == 0
    assert subjects() == [(member.email, "We have your case study: Tracking meals-on-wheels vans")]


def test_lga_staff_see_what_members_have_sent_in_and_members_do_not(client, index, member):
    submit(client, index, member)
    client.force_login(UserFactory(role=roles.LGA_PUBLISHER))

    listing = client.get("/admin/good_practice_submissions/")

    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Tracking meals-on-wheels vans" in body and "Waiting for the LGA team" in body
    client.force_login(member)
    assert client.get("/admin/good_practice_submissions/").status_code == 302
