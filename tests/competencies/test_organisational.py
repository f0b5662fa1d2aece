"""The organisational diagnostic: a coordinator invites the council's leadership team, each
answers once (skipping what they like), and the result shows the median and spread per
competency and counts for the governance questions, never who said what, and only once
answering has closed with at least three answers."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from academy import roles
from competencies import exceptions, selectors, services
from competencies.models import Response, ResponseRating
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    committed,
    lga_administrator,
    officer_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(db):
    return OrganisationFactory(name="Medway Council")


@pytest.fixture
def coordinator(council):
    return officer_of(council, full_name="Cara Coordinator")


def team(council, count):
    return [
        officer_of(council, full_name=f"Leader {n}", job_title="Director") for n in range(count)
    ]


def opened(coordinator, people=(), *, title="Corporate leadership team, spring"):
    diagnostic = services.start_diagnostic(
        coordinator=coordinator,
        title=title,
        closes_on=timezone.localdate() + timedelta(days=14),
    )
    if people:
        services.invite(diagnostic=diagnostic, people=people, by=coordinator)
    return diagnostic


def url(diagnostic, page=""):
    return f"/competencies/organisation/{diagnostic.pk}/{page}"


def form_data(competencies, pairs, **governance) -> dict:
    data = dict(governance)
    for competency, (now, need) in zip(competencies, pairs, strict=False):
        if now is not None:
            data[f"now-{competency.pk}"] = str(now)
        if need is not None:
            data[f"need-{competency.pk}"] = str(need)
    return data


def give(diagnostic, person, competencies, pairs, **governance):
    services.answer(
        diagnostic=diagnostic,
        person=person,
        ratings={c.pk: pair for c, pair in zip(competencies, pairs, strict=False)},
        **governance,
    )


# --- Aggregation ------------------------------------------------------------------------------


def test_the_result_is_the_median_and_range_with_skipped_answers_left_out(
    competencies, council, coordinator
):
    people = team(council, 4)
    diagnostic = opened(coordinator, people)
    vision, data, governing, partnering = competencies
    give(diagnostic, people[0], competencies, [(1, 4), (2, 3), (None, None), (3, 3)])
    give(diagnostic, people[1], competencies, [(3, 4), (2, 2), (2, None), (3, 3)])
    give(diagnostic, people[2], competencies, [(4, 3), (3, None), (None, 4), (4, 3)])
    # The fourth skips every competency, and every question but one.
    give(diagnostic, people[3], competencies, [], strategy_group="no")
    services.close(diagnostic=diagnostic, by=coordinator)

    result = selectors.organisational_result_for(viewer=coordinator, pk=diagnostic.pk)
    spreads = {s.competency: s for s in result.spreads}

    assert (result.invited, result.responded) == (4, 4)
    assert spreads[vision].answered == 3
    assert (spreads[vision].median_now, spreads[vision].lowest_now) == (3, 1)
    assert (spreads[vision].highest_now, spreads[vision].median_needed) == (4, 4)
    assert spreads[data].median_now == 2
    # Only two said where data needs to be: too few to show.
    assert spreads[data].median_needed is None
    # Only one rated governing now: nothing about it is shown.
    assert spreads[governing].answered == 1 and not spreads[governing].shown
    assert [s.competency for s in result.gaps] == [vision]
    assert [s.competency for s in result.strengths] == [partnering]
    strategy = result.governance[0]
    assert dict(strategy.counts)["No group owns them"] == 1
    assert strategy.answered == 1 and not strategy.shown


def test_an_even_number_of_answers_has_a_median_between_two_points(
    competencies, council, coordinator
):
    people = team(council, 4)
    diagnostic = opened(coordinator, people)
    for person, now in zip(people, (1, 2, 3, 4), strict=True):
        give(diagnostic, person, competencies[:1], [(now, 4)])
    services.close(diagnostic=diagnostic, by=coordinator)

    spread = selectors.organisational_result_for(viewer=coordinator, pk=diagnostic.pk).spreads[0]

    assert spread.median_now == 2.5
    assert spread.median_label == "Between Working and Practitioner"


def test_answers_are_kept_with_nothing_that_says_whose(competencies, council, coordinator):
    people = team(council, 3)
    diagnostic = opened(coordinator, people)
    for person in people:
        give(diagnostic, person, competencies, [(2, 3)] * 4, outlook="delegates")

    linked = {
        field.related_model
        for model in (Response, ResponseRating)
        for field in model._meta.get_fields()
        if field.is_relation
    }
    assert linked.isdisjoint({type(people[0])})
    assert diagnostic.respondents.filter(responded_at__isnull=False).count() == 3


def test_the_result_page_shows_only_what_everyone_said_together(
    client, competencies, council, coordinator
):
    people = team(council, 3)
    people[0].full_name = "Priya Outspoken"
    people[0].save()
    diagnostic = opened(coordinator, people)
    give(diagnostic, people[0], competencies, [(1, 4)] * 4, outlook="little-value")
    give(diagnostic, people[1], competencies, [(3, 4)] * 4, outlook="delegates")
    give(diagnostic, people[2], competencies, [(4, 4)] * 4, outlook="delegates")
    services.close(diagnostic=diagnostic, by=coordinator)

    for viewer in (coordinator, people[1]):
        client.force_login(viewer)
        page = client.get(url(diagnostic, "results/")).content.decode()
        assert "Priya Outspoken" not in page
        assert "3 of 3 people invited answered" in page
        assert "1 to 4" in page  # the range of everyone's answers, not who gave which
        assert "Sees little value in it" in page  # as a count over the team
        assert 'role="img"' in page and "<table" in page


def test_results_are_hidden_while_answering_is_open(client, competencies, council, coordinator):
    people = team(council, 3)
    diagnostic = opened(coordinator, people)
    for person in people:
        give(diagnostic, person, competencies, [(2, 3)] * 4)

    result = selectors.organisational_result_for(viewer=coordinator, pk=diagnostic.pk)
    assert not result.ready and result.spreads == [] and result.governance == []

    client.force_login(coordinator)
    page = client.get(url(diagnostic, "results/")).content.decode()
    assert "The results show once answers close" in page
    assert "3 of 3 invited have answered so far" in page
    assert "<table" not in page


def test_answering_cannot_close_with_fewer_than_three_answers(
    client, competencies, council, coordinator
):
    people = team(council, 3)
    diagnostic = opened(coordinator, people)
    give(diagnostic, people[0], competencies, [(2, 3)] * 4)
    give(diagnostic, people[1], competencies, [(2, 3)] * 4)

    client.force_login(coordinator)
    response = client.post(url(diagnostic, "close/"), follow=True)

    assert "At least 3 people must answer before the results can be shown" in (
        response.content.decode()
    )
    diagnostic.refresh_from_db()
    assert diagnostic.is_open


# --- Inviting and answering -------------------------------------------------------------------


def test_the_coordinator_invites_the_team_and_each_is_emailed_once(
    client, competencies, council, coordinator
):
    people = team(council, 2)
    diagnostic = opened(coordinator)
    client.force_login(coordinator)

    page = client.get(url(diagnostic)).content.decode()
    assert "Nobody has been invited yet." in page
    with committed():
        response = client.post(
            url(diagnostic, "invite/"), {"people": [p.pk for p in people]}, follow=True
        )
    assert "2 people invited" in response.content.decode()
    with committed():  # sent again (a double click): nobody is invited or emailed twice
        response = client.post(url(diagnostic, "invite/"), {"people": [people[0].pk]}, follow=True)
    assert "They were invited already." in response.content.decode()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all(url(diagnostic, "answer/") in m.body for m in mail.outbox)
    assert diagnostic.respondents.count() == 2


def test_only_the_councils_own_people_can_be_invited(client, competencies, council, coordinator):
    outsider = officer_of(OrganisationFactory(name="Kent County Council"))
    diagnostic = opened(coordinator)
    client.force_login(coordinator)

    response = client.post(url(diagnostic, "invite/"), {"people": [outsider.pk]})
    assert response.status_code == 200
    assert "only its own people can answer" in response.content.decode()

    response = client.post(url(diagnostic, "invite/"), {})
    assert "Choose at least one person to invite." in response.content.decode()
    assert diagnostic.respondents.count() == 0
    with pytest.raises(exceptions.NotInOrganisation):
        services.invite(diagnostic=diagnostic, people=[outsider], by=coordinator)


def test_an_invited_leader_answers_once_skipping_what_they_like(
    client, competencies, council, coordinator
):
    (leader,) = team(council, 1)
    diagnostic = opened(coordinator, [leader])
    client.force_login(leader)

    page = client.get(url(diagnostic, "answer/")).content.decode()
    assert "Where is the council now?" in page
    assert "Who decides the technical architecture and standards?" in page
    assert "How does the leadership team regard digital?" in page

    data = form_data(competencies, [(2, 4), (None, None)], architecture="services")
    response = client.post(url(diagnostic, "answer/"), data, follow=True)
    assert "Thank you: your answers are in." in response.content.decode()

    response = client.post(url(diagnostic, "answer/"), data)
    assert response.status_code == 200
    assert "already" in response.content.decode()
    assert Response.objects.filter(diagnostic=diagnostic).count() == 1
    ratings = ResponseRating.objects.filter(response__diagnostic=diagnostic)
    assert list(ratings.values_list("current", "target")) == [(2, 4)]


def test_bad_answers_are_refused_with_a_message_and_what_was_chosen_is_kept(
    client, competencies, council, coordinator
):
    (leader,) = team(council, 1)
    diagnostic = opened(coordinator, [leader])
    client.force_login(leader)

    data = form_data(competencies, [(2, 9)], outlook="thinks-it-is-magic")
    response = client.post(url(diagnostic, "answer/"), data)
    page = response.content.decode()

    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Choose a point on the scale from Awareness to Expert." in page
    assert "Choose one of the answers, or leave it blank." in page
    chosen = re.search(rf'<input [^>]*name="now-{competencies[0].pk}"[^>]*value="2"[^>]*>', page)
    assert "checked" in chosen.group(0)
    assert not Response.objects.exists()


def test_after_closing_nobody_can_answer_and_everyone_invited_is_told(
    client, competencies, council, coordinator
):
    people = team(council, 4)
    diagnostic = opened(coordinator, people)
    for person in people[:3]:
        give(diagnostic, person, competencies, [(2, 3)] * 4)
    mail.outbox.clear()
    client.force_login(coordinator)
    with committed():
        response = client.post(url(diagnostic, "close/"), follow=True)
    assert "Answering has closed." in response.content.decode()

    told = sorted(m.to[0] for m in mail.outbox)
    assert told == sorted([coordinator.email] + [p.email for p in people])

    client.force_login(people[3])
    assert "Answering has closed" in client.get(url(diagnostic, "answer/")).content.decode()
    response = client.post(url(diagnostic, "answer/"), form_data(competencies, [(1, 1)]))
    assert "closed" in response.content.decode()
    assert Response.objects.filter(diagnostic=diagnostic).count() == 3


# --- Who may see what -------------------------------------------------------------------------


def test_people_with_no_part_in_it_get_a_404_on_every_page(client, competencies, coordinator):
    people = team(coordinator.organisation, 3)
    diagnostic = opened(coordinator, people)
    for person in people:
        give(diagnostic, person, competencies, [(2, 3)] * 4)
    services.close(diagnostic=diagnostic, by=coordinator)
    colleague = officer_of(coordinator.organisation)  # same council, not invited
    outsider = UserFactory(role=roles.SENIOR_OFFICER)

    for viewer in (colleague, outsider):
        client.force_login(viewer)
        for page in ("", "answer/", "results/", "plan/"):
            path = url(diagnostic, page) if page != "plan/" else url(diagnostic, "plan/")
            assert client.get(path).status_code == 404, (viewer, path)
        assert client.post(url(diagnostic, "invite/"), {"people": [viewer.pk]}).status_code == 404
    assert selectors.organisational_result_for(viewer=outsider, pk=diagnostic.pk) is None

    client.logout()
    assert client.get(url(diagnostic, "results/")).status_code == 302


def test_an_invited_leader_cannot_invite_or_close(client, competencies, council, coordinator):
    people = team(council, 3)
    diagnostic = opened(coordinator, people)
    for person in people:
        give(diagnostic, person, competencies, [(2, 3)] * 4)
    client.force_login(people[0])

    page = client.get(url(diagnostic)).content.decode()
    assert "you are invited" in page
    assert "Leader 1" not in page  # who else was invited is the coordinator's to see
    assert client.post(url(diagnostic, "close/")).status_code == 404
    assert client.post(url(diagnostic, "invite/"), {"people": [people[0].pk]}).status_code == 404
    diagnostic.refresh_from_db()
    assert diagnostic.is_open


def test_lga_staff_see_every_diagnostic(client, competencies, coordinator):
    diagnostic = opened(coordinator)

    client.force_login(lga_administrator())
    page = client.get("/competencies/organisation/").content.decode()

    assert diagnostic.title in page


def test_a_coordinator_opens_a_diagnostic_for_their_own_council_only(
    client, competencies, council, coordinator
):
    client.force_login(coordinator)
    page = client.get("/competencies/organisation/").content.decode()
    assert "You do not coordinate a diagnostic and have not been invited to one yet." in page
    assert "Open a diagnostic for Medway Council" in page

    response = client.post(
        "/competencies/organisation/", {"title": "", "closes_on-day": "31", "closes_on-month": "2"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page

    closes = timezone.localdate() + timedelta(days=21)
    response = client.post(
        "/competencies/organisation/",
        {
            "title": "Leadership team, spring",
            "closes_on-day": closes.day,
            "closes_on-month": closes.month,
            "closes_on-year": closes.year,
        },
        follow=True,
    )
    assert "is open. Invite the leadership team to answer." in response.content.decode()
    assert coordinator.coordinated_diagnostics.get().organisation == council

    stranger = UserFactory(role=roles.SENIOR_OFFICER, organisation=None)
    with pytest.raises(exceptions.NotCoordinator):
        services.start_diagnostic(
            coordinator=stranger, title="Ours", closes_on=closes, organisation=council
        )
