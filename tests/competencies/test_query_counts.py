"""What each competency page costs in queries, pinned, and the same for a small framework,
few diagnostics, a short plan and a small leadership team as for big ones."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms_pages.models import Theme
from competencies import services
from competencies.models import Framework
from tests.factories import (
    OrganisationFactory,
    champion,
    lga_administrator,
    module,
    officer_of,
    programme_of_modules,
)
from tests.queries import count_queries

from .conftest import published_framework
from .test_diagnostic import finished
from .test_organisational import give

pytestmark = pytest.mark.django_db
# Seven of each signed-in page's queries are the site's own: the session and the person, the
# permissions the header's admin link reads, and saving the session (three, with savepoints).
PINNED = {
    "framework": 12,
    "diagnostic": 16,
    "results": 10,
    "result": 15,
    "organisations": 11,
    "organisation": 10,
    "answer": 13,
    "organisation result": 18,
    "organisation plan": 17,
    "staff organisations": 11,
    "staff organisation result": 16,
}
PLAN_WITH_FIVE_GOALS = 33


def test_competency_pages_cost_the_same_however_big_the_framework_plans_and_teams(client):
    themes = list(Theme.objects.order_by("slug"))
    staff = lga_administrator()
    programme = programme_of_modules()

    def costs(size):
        Framework.objects.filter(status=Framework.Status.PUBLISHED).update(
            status=Framework.Status.RETIRED
        )
        names = [f"Competency {size}.{n}" for n in range(size + 2)]
        version = Framework.objects.count() + 1
        competencies = list(
            published_framework(names, version=version).competencies.order_by("sort_order")
        )
        for number, competency in enumerate(competencies):
            # each its own theme, so no goal's champions and practice are another's
            competency.themes.set([themes[number]])
            competency.modules.set([module(programme, title=f"Module {size}.{number}")])
            competency.save()  # a cluster's relations are kept when it is saved
            for _ in range(size):
                champion(themes=[themes[number]])

        council = OrganisationFactory(name=f"Council {size}")
        person = officer_of(council)
        for days in range(size, 0, -1):
            finished(person, competencies, [(1, 4)] * len(competencies), ago=timedelta(days))
        latest = finished(person, competencies, [(2, 4)] * len(competencies))
        plan = services.plan_for_person(person=person)
        for competency in competencies[:size]:  # a plan works on at most six at a time
            goal = services.add_goal(plan=plan, competency=competency, target=4, by=person)
            for n in range(size):
                services.add_action(
                    goal=goal,
                    title=f"Action {n}",
                    due_on=timezone.localdate() + timedelta(days=n),
                    by=person,
                )

        coordinator = officer_of(council)
        team = [officer_of(council) for _ in range(size + 3)]
        closed = services.start_diagnostic(
            coordinator=coordinator, title="Closed", closes_on=timezone.localdate()
        )
        services.invite(diagnostic=closed, people=[*team, person], by=coordinator)
        for member in team:
            give(closed, member, competencies, [(2, 3)] * len(competencies), outlook="delegates")
        services.close(diagnostic=closed, by=coordinator)
        services.plan_for_organisation(diagnostic=closed, by=coordinator)
        still_open = services.start_diagnostic(
            coordinator=coordinator, title="Open", closes_on=timezone.localdate()
        )
        services.invite(diagnostic=still_open, people=[*team, person], by=coordinator)

        def at(path):
            return count_queries(client, f"/competencies/{path}")

        client.force_login(person)
        shown = client.get("/competencies/plan/").content.decode()
        # a module and champions recommended for each goal
        assert shown.count("Written to build") == size
        assert shown.count("Why: Knows about") >= size
        person_pages = {
            "framework": at(""),
            "results": at("results/"),
            "result": at(f"results/{latest.pk}/"),
            "plan": at("plan/"),
            "organisations": at("organisation/"),
            "answer": at(f"organisation/{still_open.pk}/answer/"),
            "organisation result": at(f"organisation/{closed.pk}/results/"),
        }
        at("diagnostic/")  # the first visit starts a diagnostic; the page costs the same after
        person_pages["diagnostic"] = at("diagnostic/")
        client.force_login(coordinator)
        coordinator_pages = {
            "organisation": at(f"organisation/{still_open.pk}/"),
            "organisation plan": at(f"organisation/{closed.pk}/plan/"),
        }
        client.force_login(staff)
        staff_pages = {
            "staff organisations": at("organisation/"),
            "staff organisation result": at(f"organisation/{closed.pk}/results/"),
        }
        return person_pages | coordinator_pages | staff_pages

    costs(1)  # the first pages fill caches that last (content types, the site)
    few, many = costs(2), costs(5)

    # A plan's recommendations search good practice once for each of its goals (at most six);
    # the rest of what they read (modules, cohorts, champions, round tables) is read once.
    plan_few, plan_many = few.pop("plan"), many.pop("plan")
    assert plan_many - plan_few == 5 - 2
    assert plan_many == PLAN_WITH_FIVE_GOALS
    assert few == many
    assert many == PINNED
