"""What holds when people press the same button at the same moment: real parallel requests,
each on its own database connection, against the real database (PostgreSQL in CI's second
lane)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from academy.models import Organisation
from cohorts import services
from cohorts.models import ActionPlan, Attendance, Enrolment
from tests.concurrency import post_at_once
from tests.factories import (
    OrganisationFactory,
    cohort,
    committed,
    enrol,
    lga_administrator,
    officer_of,
)

PLACES = 20
PEOPLE = 50

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_fifty_people_accepting_at_once_for_twenty_places():
    the_cohort = cohort(capacity=PLACES, confirm=True)
    council = OrganisationFactory(place=the_cohort.place, kind=Organisation.Kind.COUNTY_COUNCIL)
    people = [officer_of(council) for _ in range(PEOPLE)]
    by = the_cohort.facilitators.get()
    with committed():
        for person in people:
            services.invite_to_cohort(cohort=the_cohort, person=person, by=by)

    statuses = post_at_once(people, f"/cohorts/{the_cohort.pk}/accept/")

    assert statuses == [302] * PEOPLE
    enrolments = list(the_cohort.enrolments.order_by("queue_number"))
    assert [e.queue_number for e in enrolments] == list(range(1, PEOPLE + 1))
    assert [e.status for e in enrolments] == (
        [Enrolment.Status.ENROLLED] * PLACES + [Enrolment.Status.WAITLISTED] * (PEOPLE - PLACES)
    )
    # In arrival order: each was answered, under the cohort's lock, after the one before.
    answered = [e.responded_at for e in enrolments]
    assert answered == sorted(answered)


def started_cohort_with(*kinds):
    """A cohort whose first session is over, with one enrolled officer of each kind."""
    the_cohort = cohort(start_date=timezone.localdate() - timedelta(days=30), confirm=True)
    people = [officer_of(OrganisationFactory(place=the_cohort.place, kind=kind)) for kind in kinds]
    for person in people:
        enrol(the_cohort, person)
    return the_cohort, people


def test_saving_a_first_register_several_times_at_once_keeps_one_mark_each():
    the_cohort, people = started_cohort_with(
        Organisation.Kind.COUNTY_COUNCIL, Organisation.Kind.POLICE
    )
    facilitator = the_cohort.facilitators.get()
    savers = [facilitator, facilitator, lga_administrator(), lga_administrator()]

    statuses = post_at_once(
        savers,
        f"/cohorts/{the_cohort.pk}/manage/sessions/1/attendance/",
        {"action": "everyone-else"},
    )

    assert statuses == [302] * len(savers)
    marks = list(Attendance.objects.filter(session__number=1).values_list("person_id", "status"))
    assert sorted(marks) == sorted((person.pk, Attendance.Status.ATTENDED) for person in people)


def test_colleagues_starting_their_organisations_plan_at_once_make_one_plan():
    the_cohort, (first, _police) = started_cohort_with(
        Organisation.Kind.COUNTY_COUNCIL, Organisation.Kind.POLICE
    )
    colleagues = [first] + [officer_of(first.organisation) for _ in range(3)]
    for person in colleagues[1:]:
        enrol(the_cohort, person)
    year = timezone.localdate().year + 1

    statuses = post_at_once(
        colleagues,
        f"/cohorts/{the_cohort.pk}/plan/",
        {
            "action": "plan",
            "plan-title": "100-day plan",
            "plan-goals": "One shared record for families at risk.",
            "plan-starts_on-day": "1",
            "plan-starts_on-month": "4",
            "plan-starts_on-year": str(year),
            "plan-ends_on-day": "9",
            "plan-ends_on-month": "7",
            "plan-ends_on-year": str(year),
        },
    )

    assert statuses == [302] * len(colleagues)
    (plan,) = ActionPlan.objects.all()
    assert plan.organisation == first.organisation
