"""The cohort pages cost the same number of database queries with a handful of participants as
with a full cohort: nothing is fetched once per person, session or feedback."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from academy.models import Organisation
from cohorts import services
from tests.factories import OrganisationFactory, cohort, enrol, officer_of

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")
DURING = datetime(2027, 4, 1, 12, 0, tzinfo=UK)

# Pinned: a change that adds a query to one of these pages must say why here. About half of
# each is what every signed-in page costs (the session, the user, the inactivity save).
PINNED = {
    "your cohorts": 10,
    "cohort page": 15,
    "calendar feed": 2,
    "run the cohort": 13,
    "attendance register": 11,
    "feedback": 10,
    "attendance download": 14,
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_participants(the_cohort, count, *, with_feedback_and_attendance=True):
    kinds = [Organisation.Kind.COUNTY_COUNCIL, Organisation.Kind.POLICE, Organisation.Kind.NHS]
    facilitator = the_cohort.facilitators.get()
    for index in range(count):
        organisation = OrganisationFactory(place=the_cohort.place, kind=kinds[index % 3])
        person = officer_of(organisation)
        enrol(the_cohort, person)
        if with_feedback_and_attendance:
            for session in the_cohort.sessions.filter(number__lte=2):
                services.record_attendance(
                    session=session, marks={person.pk: "attended"}, by=facilitator
                )
                services.submit_feedback(
                    session=session, person=person, rating=4, most_useful="Good."
                )


def pages(the_cohort, participant):
    return {
        "your cohorts": (participant, "/cohorts/"),
        "cohort page": (participant, f"/cohorts/{the_cohort.pk}/"),
        "calendar feed": (None, f"/cohorts/calendar/{participant.calendar_feed.token}.ics"),
        "run the cohort": ("facilitator", f"/cohorts/{the_cohort.pk}/manage/"),
        "attendance register": (
            "facilitator",
            f"/cohorts/{the_cohort.pk}/manage/sessions/1/attendance/",
        ),
        "feedback": ("facilitator", f"/cohorts/{the_cohort.pk}/manage/feedback/"),
        "attendance download": ("facilitator", f"/cohorts/{the_cohort.pk}/manage/attendance.csv"),
    }


def measure(client, the_cohort, participant):
    counts = {}
    for name, (who, url) in pages(the_cohort, participant).items():
        if who is None:
            client.logout()
        else:
            client.force_login(the_cohort.facilitators.get() if who == "facilitator" else who)
        client.get(url)  # warm what every request would find warm
        counts[name] = count_queries(client, url)
    return counts


def test_cohort_pages_cost_the_same_with_3_and_with_30_participants(client):
    the_cohort = cohort(start_date=date(2027, 1, 4), session_count=8, capacity=40, confirm=True)
    with time_machine.travel(DURING, tick=False):
        add_participants(the_cohort, 3)
        participant = the_cohort.enrolments.first().person
        services.turn_on_calendar_feed(person=participant)

        few = measure(client, the_cohort, participant)
        add_participants(the_cohort, 27)
        many = measure(client, the_cohort, participant)

    assert few == many
    assert many == PINNED
