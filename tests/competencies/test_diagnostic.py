"""The individual diagnostic: a person rates where they are and need to be on each
competency, skipping any, and sees their strengths and gaps as a chart and a table; taken
again later, the result compares the two. Nobody else can see it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from academy import roles
from competencies import exceptions, selectors, services
from competencies.models import SelfAssessment
from tests.factories import UserFactory, lga_administrator

pytestmark = pytest.mark.django_db

URL = "/competencies/diagnostic/"


def answers(competencies, pairs) -> dict:
    """Form data rating each competency (now, needed); None leaves a question unanswered."""
    data = {}
    for competency, (now, need) in zip(competencies, pairs, strict=True):
        if now is not None:
            data[f"now-{competency.pk}"] = str(now)
        if need is not None:
            data[f"need-{competency.pk}"] = str(need)
    return data


def finished(person, competencies, pairs, *, ago=None) -> SelfAssessment:
    assessment = services.start_assessment(person=person)
    ratings = {c.pk: pair for c, pair in zip(competencies, pairs, strict=True)}
    services.save_assessment(assessment=assessment, by=person, ratings=ratings, finish=True)
    if ago is not None:
        when = timezone.now() - ago
        SelfAssessment.objects.filter(pk=assessment.pk).update(started_at=when, submitted_at=when)
    assessment.refresh_from_db()
    return assessment


def test_scoring_counts_gaps_and_strengths_and_leaves_skipped_competencies_out(competencies):
    person = UserFactory(role=roles.SENIOR_OFFICER)
    # vision: a gap of 2; data: a strength (Expert, needs Practitioner); governing: skipped
    # "now" but answered "needed"; partnering: at Working, needs Working (neither).
    assessment = finished(person, competencies, [(1, 3), (4, 3), (None, 4), (2, 2)])

    result = selectors.assessment_result_for(viewer=person, pk=assessment.pk)
    rows = {row.competency.name: row for row in result.scored.rows}

    assert rows["Setting a digital vision"].gap == 2
    assert [r.competency.name for r in result.scored.gaps] == ["Setting a digital vision"]
    assert [r.competency.name for r in result.scored.strengths] == ["Making decisions with data"]
    skipped = rows["Governing digital investment"]
    assert skipped.skipped and skipped.gap is None and not skipped.is_gap
    assert [r.competency.name for r in result.scored.skipped] == ["Governing digital investment"]
    assert not rows["Partnering across the place"].is_gap
    assert not rows["Partnering across the place"].is_strength


def test_gaps_are_ordered_biggest_first_then_by_the_higher_level(competencies):
    person = UserFactory()
    # vision (level 5) and governing (level 5) both a gap of 1; data (level 4) a gap of 3.
    assessment = finished(person, competencies, [(2, 3), (1, 4), (3, 4), (None, None)])
    gaps = selectors.assessment_result_for(viewer=person, pk=assessment.pk).scored.gaps
    assert [g.competency.name for g in gaps] == [
        "Making decisions with data",
        "Setting a digital vision",
        "Governing digital investment",
    ]


def test_a_person_takes_the_diagnostic_saves_it_and_finishes_it_later(client, competencies):
    person = UserFactory(role=roles.SENIOR_OFFICER)
    client.force_login(person)

    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    # Each point of the scale is anchored: by a behaviour where the framework has one.
    assert "Explains setting a digital vision to the cabinet without jargon." in html
    assert "You know what it is and why it matters." in html

    saved = client.post(URL, {"save": "1", **answers(competencies, [(2, 3)] + [(None, None)] * 3)})
    assert saved.status_code == 302 and saved["Location"] == URL
    again = client.get(URL).content.decode()
    assert re.search(rf'name="now-{competencies[0].pk}" type="radio" value="2"[^>]*checked', again)

    done = client.post(
        URL, {"finish": "1", **answers(competencies, [(2, 3), (4, 4), (None, None), (1, 2)])}
    )
    assessment = SelfAssessment.objects.get(person=person)
    assert done["Location"] == f"/competencies/results/{assessment.pk}/"
    result = client.get(done["Location"])
    html = result.content.decode()
    assert result.status_code == 200
    # The chart has a text alternative, and a table gives the same figures.
    assert 'role="img"' in html and "4 competencies" in html
    assert "<caption" in html and "Your ratings" in html
    assert "You skipped 1 of 4 competencies" in html
    assert result["X-Robots-Tag"] == "noindex, nofollow"


def test_finishing_with_nothing_rated_is_refused_with_a_message(client, competencies):
    person = UserFactory()
    client.force_login(person)
    response = client.post(URL, {"finish": "1"})
    assert response.status_code == 200
    assert str(exceptions.NothingRated.message) in response.content.decode()
    assert not SelfAssessment.objects.filter(submitted_at__isnull=False).exists()


def test_a_made_up_rating_is_refused_and_keeps_the_other_answers(client, competencies):
    person = UserFactory()
    client.force_login(person)
    data = {
        "finish": "1",
        f"now-{competencies[0].pk}": "9",
        f"now-{competencies[1].pk}": "3",
    }
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Choose a point on the scale" in html
    assert re.search(rf'name="now-{competencies[1].pk}" type="radio" value="3"[^>]*checked', html)
    assert not SelfAssessment.objects.filter(submitted_at__isnull=False).exists()


def test_a_second_diagnostic_is_compared_with_the_first(client, competencies):
    person = UserFactory()
    finished(person, competencies, [(1, 3), (2, 3), (3, 3), (None, None)], ago=timedelta(days=180))
    later = finished(person, competencies, [(2, 3), (2, 3), (2, 3), (3, 3)])
    client.force_login(person)

    result = selectors.assessment_result_for(viewer=person, pk=later.pk)
    changes = {row.competency.name: row.change for row in result.scored.rows}
    assert changes == {
        "Setting a digital vision": 1,
        "Making decisions with data": 0,
        "Governing digital investment": -1,
        "Partnering across the place": None,  # not rated the first time
    }
    html = client.get(f"/competencies/results/{later.pk}/").content.decode()
    assert "Up 1" in html and "Down 1" in html and "Not rated" in html
    listing = client.get("/competencies/results/").content.decode()
    assert listing.count("See the result") == 2


def test_results_compare_across_framework_versions_by_competency_code(competencies):
    from tests.competencies.conftest import published_framework

    person = UserFactory()
    first = finished(person, competencies, [(1, 3), (2, 3), (3, 3), (2, 2)], ago=timedelta(days=90))
    first.framework.status = "retired"
    first.framework.save()
    newer = published_framework(version=2)
    second = finished(person, list(newer.competencies.order_by("sort_order")), [(3, 3)] * 4)
    assert second.framework == newer
    rows = selectors.assessment_result_for(viewer=person, pk=second.pk).scored.rows
    assert [row.change for row in rows] == [2, 1, 0, 1]


def test_nobody_else_sees_a_persons_results_not_even_the_lga_team(client, competencies):
    person = UserFactory()
    assessment = finished(person, competencies, [(1, 3)] * 4)
    for viewer in (UserFactory(), lga_administrator()):
        client.force_login(viewer)
        assert client.get(f"/competencies/results/{assessment.pk}/").status_code == 404
    client.logout()
    response = client.get(f"/competencies/results/{assessment.pk}/")
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]


def test_an_organisations_pick_and_mix_is_what_its_people_are_asked(
    client, framework, competencies
):
    from competencies.models import OrganisationFramework

    person = UserFactory()
    choice = OrganisationFramework.objects.create(
        organisation=person.organisation, framework=framework
    )
    choice.competencies.set(competencies[:2])
    client.force_login(person)
    html = client.get(URL).content.decode()
    assert "Setting a digital vision" in html and "Making decisions with data" in html
    assert "Partnering across the place" not in html
    # Rating one they were not asked is refused.
    assessment = SelfAssessment.objects.get(person=person)
    with pytest.raises(exceptions.NotAsked):
        services.save_assessment(
            assessment=assessment, by=person, ratings={competencies[3].pk: (2, 3)}
        )


def test_the_framework_is_public_with_its_levels_behaviours_and_mappings(client, framework):
    html = client.get("/competencies/").content.decode()
    assert "Level 5: Achieving strategic objectives through ICT" in html
    assert "Level 1: Using IT" in html
    assert "Explains making decisions with data to the cabinet" in html
    assert "SFIA: ITSP Strategy, level 6" in html
    assert "Sign in to take the diagnostic" in html


def test_without_a_published_framework_the_diagnostic_says_so(client):
    client.force_login(UserFactory())
    response = client.get(URL)
    assert response.status_code == 200
    assert "The diagnostic is not open yet" in response.content.decode()
