"""Development plans: a person picks competencies to work on (from a result's gaps or by
hand), the academy recommends modules, cohorts, champions, good practice and round tables,
ranked and explained; actions have dates, are ticked off, and Celery reminds their owner
once a week before and once the day before."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from academy import roles
from cms_pages.models import Theme
from cohorts.models import CurriculumModule
from competencies import exceptions, notifications, selectors, services
from competencies.models import Notification, PlanAction
from competencies.recommendations import recommendations_for
from good_practice.models import ServiceArea
from tests.factories import (
    OrganisationFactory,
    PlaceFactory,
    UserFactory,
    case_study,
    champion,
    chief_executive,
    cohort,
    committed,
    curriculum,
    invited,
    module,
    programme_of_modules,
    round_table,
)

from .test_diagnostic import finished

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_competency(competencies):
    """ "Making decisions with data": the data theme, and a module written for it."""
    competency = competencies[1]
    competency.themes.set([Theme.objects.get(slug="data")])
    competency.service_areas.set([ServiceArea.objects.get(slug="adult-social-care")])
    programme = programme_of_modules()
    competency.modules.set([module(programme, title="Data for decision makers")])
    competency.save()
    return competency


def officer():
    return UserFactory(role=roles.SENIOR_OFFICER)


def test_a_gap_in_one_competency_brings_a_module_for_it_and_a_champion_who_knows_it(
    competencies, data_competency
):
    person = officer()
    data_champion = champion(themes=[Theme.objects.get(slug="data")])
    champion(themes=[Theme.objects.get(slug="inclusion")])  # knows something else
    assessment = finished(person, competencies, [(3, 3), (1, 4), (3, 3), (3, 3)])
    [gap] = selectors.assessment_result_for(viewer=person, pk=assessment.pk).scored.gaps
    assert gap.competency == data_competency

    found = recommendations_for(viewer=person, competency=gap.competency)

    modules = [r for r in found if r.kind == PlanAction.Kind.MODULE]
    champions = [r for r in found if r.kind == PlanAction.Kind.CHAMPION]
    assert [r.title for r in modules] == ["Data for decision makers"]
    assert "Written to build “Making decisions with data”" in modules[0].reasons
    assert [r.title for r in champions] == [data_champion.person.full_name]
    assert any("Knows about Data" in reason for reason in champions[0].reasons)
    # Ranked: the module written for the competency comes before the people and the reading.
    assert found[0].kind == PlanAction.Kind.MODULE


def test_recommendations_leave_out_finished_modules_and_rank_by_match(
    competencies, data_competency
):
    from learning.models import ModuleProgress

    person = officer()
    written = data_competency.modules.get()
    ModuleProgress.objects.create(person=person, module=written, completed_at=timezone.now())
    found = recommendations_for(viewer=person, competency=data_competency)
    assert not [r for r in found if r.kind == PlanAction.Kind.MODULE]


def test_cohorts_starting_in_their_place_are_recommended_with_why(competencies, data_competency):
    place = PlaceFactory(name="Kent and Medway")
    person = UserFactory(role=roles.SENIOR_OFFICER, organisation=OrganisationFactory(place=place))
    course = curriculum(modules=1)
    CurriculumModule.objects.create(
        curriculum=course, module=data_competency.modules.get(), sort_order=5
    )
    here = cohort(place=place, curriculum=course, name="Kent and Medway 2027", confirm=True)
    cohort(place=PlaceFactory(), name="Elsewhere 2027", confirm=True)
    cohort(place=place, name="Not confirmed yet")

    found = [
        r
        for r in recommendations_for(viewer=person, competency=data_competency)
        if r.kind == PlanAction.Kind.COHORT
    ]
    assert [r.title for r in found] == [here.name]
    assert "Its sessions cover “Data for decision makers”" in found[0].reasons
    assert found[0].url == ""  # not invited: its page is not theirs to see


def test_good_practice_on_its_themes_and_round_tables_they_are_invited_to(competencies):
    person = chief_executive()
    vision = competencies[0]  # level 5
    vision.themes.set([Theme.objects.get(slug="leadership")])
    case_study(title="A vision the whole place signed", themes=("leadership",))
    case_study(title="Something about bins", themes=("value",))
    table = round_table(title="Digital and devolution")
    invited(table, person)
    round_table(title="Not invited to this one")

    found = recommendations_for(viewer=person, competency=vision)
    titles = {r.kind: r.title for r in found}
    assert titles[PlanAction.Kind.PRACTICE] == "A vision the whole place signed"
    assert titles[PlanAction.Kind.ROUND_TABLE] == "Digital and devolution"
    assert "Not invited to this one" not in [r.title for r in found]
    assert "Something about bins" not in [r.title for r in found]


def test_a_plan_is_built_from_a_results_gaps_and_its_recommendations(
    client, competencies, data_competency
):
    person = officer()
    champion(themes=[Theme.objects.get(slug="data")])
    assessment = finished(person, competencies, [(1, 3), (1, 4), (3, 3), (2, 2)])
    client.force_login(person)

    made = client.post(f"/competencies/results/{assessment.pk}/plan/")
    assert made["Location"] == "/competencies/plan/"
    plan = selectors.plan_of(person)
    assert [g.competency.name for g in plan.goals.order_by("pk")] == [
        "Making decisions with data",
        "Setting a digital vision",
    ]
    page = client.get("/competencies/plan/").content.decode()
    assert "Recommended for Making decisions with data" in page
    assert "Data for decision makers" in page

    goal = plan.goals.get(competency=data_competency)
    source = f"module-{data_competency.modules.get().pk}"
    taken = client.post(
        f"/competencies/plan/goals/{goal.pk}/take/",
        {
            "source": source,
            f"take-{goal.pk}-{source}-source": source,
            f"take-{goal.pk}-{source}-by": "1m",
        },
    )
    assert taken.status_code == 302
    action = goal.actions.get()
    assert action.title == "Take the module “Data for decision makers”"
    assert action.due_on == timezone.localdate() + timedelta(days=30)
    assert action.link == data_competency.modules.get().url
    again = client.get("/competencies/plan/").content.decode()
    assert "In the plan" in again and "0 of 1 action done" in again

    # Taking it a second time is refused with a message, not a second action.
    client.post(
        f"/competencies/plan/goals/{goal.pk}/take/",
        {
            "source": source,
            f"take-{goal.pk}-{source}-source": source,
            f"take-{goal.pk}-{source}-by": "2w",
        },
    )
    assert goal.actions.count() == 1

    client.post(f"/competencies/plan/actions/{action.pk}/", {"do": "done"})
    assert "1 of 1 action done (100%)" in client.get("/competencies/plan/").content.decode()


def test_own_actions_refuse_bad_dates_with_a_message_and_keep_what_was_typed(client, competencies):
    person = officer()
    plan = services.plan_for_person(person=person)
    goal = services.add_goal(plan=plan, competency=competencies[0], target=3, by=person)
    client.force_login(person)
    prefix = f"action-{goal.pk}"
    last_year = timezone.localdate() - timedelta(days=365)
    response = client.post(
        f"/competencies/plan/goals/{goal.pk}/actions/",
        {
            f"{prefix}-title": "Shadow our head of digital",
            f"{prefix}-due_on-day": str(last_year.day),
            f"{prefix}-due_on-month": str(last_year.month),
            f"{prefix}-due_on-year": str(last_year.year),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert str(exceptions.DateNotValid.message) in html
    assert 'value="Shadow our head of digital"' in html
    assert not goal.actions.exists()

    response = client.post(
        f"/competencies/plan/goals/{goal.pk}/actions/",
        {f"{prefix}-title": "", f"{prefix}-due_on-day": "31", f"{prefix}-due_on-month": "2"},
    )
    html = response.content.decode()
    assert "Enter what you will do." in html and "must include a year" in html


def test_a_plan_is_only_its_owners(client, competencies):
    person = officer()
    plan = services.plan_for_person(person=person)
    goal = services.add_goal(plan=plan, competency=competencies[0], target=3, by=person)
    action = services.add_action(
        goal=goal, title="Read the strategy", due_on=timezone.localdate(), by=person
    )
    client.force_login(officer())
    assert (
        client.post(f"/competencies/plan/actions/{action.pk}/", {"do": "done"}).status_code == 404
    )
    assert client.post(f"/competencies/plan/goals/{goal.pk}/remove/").status_code == 404
    assert "Read the strategy" not in client.get("/competencies/plan/").content.decode()
    action.refresh_from_db()
    assert not action.is_done


def test_reminders_go_once_a_week_before_and_once_the_day_before(competencies):
    person = officer()
    plan = services.plan_for_person(person=person)
    goal = services.add_goal(plan=plan, competency=competencies[0], target=3, by=person)
    due = timezone.localdate() + timedelta(days=10)
    with committed():
        action = services.add_action(
            goal=goal, title="Write the business case", due_on=due, by=person
        )
        services.add_action(goal=goal, title="Done already", due_on=due, by=person)
    services.mark_done(action=goal.actions.get(title="Done already"), by=person)

    assert notifications.sweep(today=due - timedelta(days=8))["decided"] == 0
    for _ in range(2):  # the sweep runs again (a retry, a second beat): nothing twice
        notifications.sweep(today=due - timedelta(days=7))
    assert [m.subject for m in mail.outbox] == ["Due in a week: Write the business case"]
    assert mail.outbox[0].to == [person.email]
    assert "/competencies/plan/" in mail.outbox[0].body

    # Moved a day later, the day-before reminder follows the new date.
    services.move_action(action=action, due_on=due + timedelta(days=1), by=person)
    notifications.sweep(today=due - timedelta(days=1))
    assert len(mail.outbox) == 1
    notifications.sweep(today=due)
    notifications.sweep(today=due)
    assert [m.subject for m in mail.outbox][1:] == ["Due tomorrow: Write the business case"]
    assert Notification.objects.filter(action=action, sent_at__isnull=False).count() == 2


def test_a_reminder_decided_for_an_action_since_done_is_not_sent(competencies):
    person = officer()
    plan = services.plan_for_person(person=person)
    goal = services.add_goal(plan=plan, competency=competencies[0], target=3, by=person)
    due = timezone.localdate() + timedelta(days=7)
    action = services.add_action(goal=goal, title="Book the away day", due_on=due, by=person)
    notifications.decide_due()
    services.mark_done(action=action, by=person)
    assert notifications.deliver_pending().skipped == 1
    assert mail.outbox == []


def test_a_plan_works_on_at_most_six_competencies(framework):
    from tests.competencies.conftest import published_framework  # noqa: F401

    person = officer()
    plan = services.plan_for_person(person=person)
    from competencies.models import Competency

    for n in range(7):
        Competency.objects.create(
            framework=framework, code=f"extra-{n}", name=f"Extra {n}", description="-", level=4
        )
    extra = list(framework.competencies.filter(code__startswith="extra"))
    for competency in extra[:6]:
        services.add_goal(plan=plan, competency=competency, target=3, by=person)
    with pytest.raises(exceptions.TooManyGoals):
        services.add_goal(plan=plan, competency=extra[6], target=3, by=person)
