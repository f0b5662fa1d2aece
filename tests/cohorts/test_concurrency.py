"""Capacity holds when many people accept at the same moment: real parallel requests, each on
its own database connection, against the real database (PostgreSQL in CI's second lane)."""

import threading

import pytest
from django.db import connection
from django.test import Client

from academy.models import Organisation
from cohorts import services
from cohorts.models import Enrolment
from tests.factories import OrganisationFactory, cohort, committed, officer_of

PLACES = 20
PEOPLE = 50


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_people_accepting_at_once_for_twenty_places():
    the_cohort = cohort(capacity=PLACES, confirm=True)
    council = OrganisationFactory(place=the_cohort.place, kind=Organisation.Kind.COUNTY_COUNCIL)
    people = [officer_of(council) for _ in range(PEOPLE)]
    by = the_cohort.facilitators.get()
    with committed():
        for person in people:
            services.invite_to_cohort(cohort=the_cohort, person=person, by=by)
    clients = []
    for person in people:
        client = Client()
        client.force_login(person)
        clients.append(client)
    start = threading.Barrier(PEOPLE)
    statuses = [None] * PEOPLE

    def accept(index):
        try:
            start.wait()
            response = clients[index].post(f"/cohorts/{the_cohort.pk}/accept/")
            statuses[index] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(i,)) for i in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert statuses == [302] * PEOPLE
    enrolments = list(the_cohort.enrolments.order_by("queue_number"))
    assert [e.queue_number for e in enrolments] == list(range(1, PEOPLE + 1))
    assert [e.status for e in enrolments] == (
        [Enrolment.Status.ENROLLED] * PLACES + [Enrolment.Status.WAITLISTED] * (PEOPLE - PLACES)
    )
    # In arrival order: each was answered, under the cohort's lock, after the one before.
    answered = [e.responded_at for e in enrolments]
    assert answered == sorted(answered)
