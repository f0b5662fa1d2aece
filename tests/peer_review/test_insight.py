"""Sector insight: what published peer challenges found across councils, shown to LGA staff
only, and only where at least five councils contribute, so that no council can be singled
out."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from academy.models import Organisation
from cms_pages.models import Theme
from peer_review import services
from peer_review.insight import MIN_COUNCILS
from peer_review.models import Finding, Review
from tests.factories import (
    case_study,
    committed,
    digital_question,
    lga_administrator,
    module,
    peer_review_at,
    peer_reviewer,
    programme_of_modules,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db
URL = reverse("peer_review:insight")
Kind = Finding.Kind
# Eight of the page's queries are the site's own (the session, the person, the header's
# permissions, saving the session, and Wagtail's site for the links); seven are the insight's.
PINNED_QUERIES = 15


def reviewed(questions, *, findings=(), publish=True):
    """A review of a new council asking `questions`, with the factory's strength (on the
    first question) and recommendation (on the last), and `findings` as (question, kind,
    good practice signposted), taken through the services to publication when `publish`."""
    people = peer_review_at(Review.Stage.FEEDBACK, questions=questions)
    review, manager = people.review, people.manager
    asked = {one.question_id: one for one in people.asked}
    with committed():
        for question, kind, signposts in findings:
            services.record_finding(
                review=review,
                by=people.lead,
                kind=kind,
                text=f"What the team found on {question.code}.",
                asked=asked[question.pk],
                signposts=signposts,
            )
        if publish:
            services.advance(review=review, by=manager)
            services.save_report(review=review, by=manager, summary="A summary.", send=True)
            services.agree_report(review=review, by=people.contact)
            services.publish(review=review, by=manager)
    review.refresh_from_db()
    return people


@pytest.fixture
def sector():
    """Five councils' published reviews, and one not yet published. Every council had a
    strength on d-lead (Leadership), an area to explore there signposting the shared
    practice, and a recommendation on d-arch (Organisational capability); four of them also
    had a recommendation on d-four (Inclusion) signposting practice of its own, and so does
    the unpublished review, which would make it five if it counted."""
    theme = {slug: Theme.objects.get(slug=slug) for slug in ("leadership", "inclusion")}
    theme["capability"] = Theme.objects.get(slug="organisational-capability")
    programme = programme_of_modules()
    architecture = module(programme, title="Owning the technical architecture", publish=False)
    members_data = module(programme, title="Data for scrutiny members", publish=False)
    shared = case_study(title="A shared design system for the county")
    four_only = case_study(title="Open data for member scrutiny")
    admin = lga_administrator()
    lead = digital_question(
        "d-lead",
        text="Who leads digital change?",
        by=admin,
        signposts={"themes": [theme["leadership"]]},
    )
    four = digital_question(
        "d-four",
        text="How do members use data to scrutinise services?",
        by=admin,
        signposts={"themes": [theme["inclusion"]], "modules": [members_data, architecture]},
    )
    arch = digital_question(
        "d-arch",
        element="governance-and-culture",
        text="Who decides the technical architecture?",
        by=admin,
        signposts={"themes": [theme["capability"]], "modules": [architecture]},
    )
    questions = [lead, four, arch]

    def council(*, with_four: bool, publish: bool = True):
        findings = [(lead, Kind.TO_EXPLORE, [shared])]
        if with_four:
            findings.append((four, Kind.RECOMMENDATION, [four_only]))
        return reviewed(questions, findings=findings, publish=publish)

    published = [council(with_four=True) for _ in range(2)]
    # The bank is edited between reviews: later ones ask d-arch as its second version.
    arch.text = "Who decides the technical architecture, and on what evidence?"
    services.save_question(question=arch, by=admin)
    published += [council(with_four=n < 2) for n in range(3)]
    unpublished = council(with_four=True, publish=False)
    return SimpleNamespace(
        admin=admin,
        questions=questions,
        published=published,
        unpublished=unpublished,
        add_council=lambda: council(with_four=True),
    )


def page(client, viewer):
    client.force_login(viewer)
    response = client.get(URL)
    assert response.status_code == 200
    return response, response.context["insight"]


def test_only_lga_staff_who_run_peer_challenges_see_sector_insight(client):
    people = peer_review_at(Review.Stage.SCOPING)

    anonymous = client.get(URL)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account:sign-in"))
    for someone in (people.lead, people.member, people.contact, peer_reviewer()):
        client.force_login(someone)
        assert client.get(URL).status_code == 404
    client.force_login(lga_administrator())
    response = client.get(URL)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert b'<meta name="robots" content="noindex, nofollow">' in response.content


def test_nothing_is_shown_until_five_councils_have_published_reviews(client):
    questions = [digital_question("d-lead"), digital_question("d-arch")]
    for _ in range(MIN_COUNCILS - 1):
        reviewed(questions)
    # A fifth council's review, not yet published, does not count.
    reviewed(questions, publish=False)

    response, insight = page(client, lga_administrator())

    assert (insight.reviews, insight.councils) == (4, 4)
    assert not insight.enough_councils
    assert not insight.questions.rows and not insight.questions.withheld
    html = response.content.decode()
    assert "Sector insight appears once five councils' reviews are published." in html
    assert "govuk-table" not in html
    assert "d-arch" not in html


def test_a_question_that_led_to_recommendations_in_five_councils_is_shown(client, sector):
    response, insight = page(client, sector.admin)

    assert (insight.reviews, insight.councils) == (5, 5)
    [arch] = insight.questions.rows
    # Counted across both versions asked, and shown as the question reads now.
    assert (arch.code, arch.recommendations, arch.councils) == ("d-arch", 5, 5)
    assert arch.text == "Who decides the technical architecture, and on what evidence?"
    html = response.content.decode()
    assert "Who decides the technical architecture, and on what evidence?" in html
    assert "Drawn from 5 published reviews of 5 councils." in html


def test_rows_drawn_from_fewer_than_five_councils_are_not_shown(client, sector):
    response, insight = page(client, sector.admin)
    html = response.content.decode()

    # d-four led to recommendations in four published reviews (the fifth is unpublished).
    assert [row.code for row in insight.questions.rows] == ["d-arch"]
    assert insight.questions.withheld == 1
    assert "d-four" not in html and "How do members use data" not in html
    # Its theme, Inclusion, has findings from only those four councils.
    assert [row.name for row in insight.themes.rows] == ["Leadership", "Organisational capability"]
    assert insight.themes.withheld == 1
    assert "Inclusion" not in html
    # Its practice was signposted in four; each review's own practice in one.
    [practice] = insight.practice.rows
    assert practice.page.title == "A shared design system for the county"
    assert (practice.findings, practice.councils) == (5, 5)
    assert insight.practice.withheld == 1 + 5
    assert "Open data for member scrutiny" not in html
    assert "A digital board that owns the strategy" not in html
    assert f'href="{practice.page.url}"' in html
    assert "6 more drawn from fewer than five councils are not shown." in html
    assert "1 more drawn from fewer than five councils is not shown." in html


def test_themes_are_ranked_from_strongest_to_weakest(client, sector):
    response, insight = page(client, sector.admin)

    leadership, capability = insight.themes.rows
    assert (leadership.strengths, leadership.to_improve, leadership.strength_share) == (5, 5, 50)
    assert (capability.strengths, capability.to_improve, capability.strength_share) == (0, 5, 0)
    assert insight.strongest == leadership and insight.weakest == capability
    assert (
        "Councils are strongest on Leadership and weakest on Organisational capability."
        in response.content.decode()
    )


def test_modules_signposted_by_the_questions_behind_recommendations_are_suggested(client, sector):
    response, insight = page(client, sector.admin)

    # Owning the architecture: signposted by d-arch (5) and d-four (4 in published reviews).
    [suggested] = insight.modules.rows
    assert suggested.page.title == "Owning the technical architecture"
    assert (suggested.questions, suggested.recommendations, suggested.councils) == (2, 9, 5)
    assert insight.modules.withheld == 1  # Data for scrutiny members: d-four's four councils
    html = response.content.decode()
    assert "Signposted by 2 questions that led to 9 recommendations across 5 councils." in html
    assert "Data for scrutiny members" not in html


def test_no_council_is_named_on_the_page(client, sector):
    response, _ = page(client, sector.admin)

    html = response.content.decode()
    names = Organisation.objects.filter(peer_reviews__isnull=False).values_list("name", flat=True)
    assert len(names) == 6
    for name in names:
        assert name not in html


def test_the_page_costs_the_same_queries_with_more_councils(client, sector):
    client.force_login(sector.admin)
    client.get(URL)  # Wagtail caches where the site's pages are on the first
    with_five = count_queries(client, URL)
    sector.add_council()
    sector.add_council()
    assert client.get(URL).context["insight"].councils == 7

    assert with_five == count_queries(client, URL) == PINNED_QUERIES
