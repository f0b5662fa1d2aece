"""A round table's places hold when many accept at the same moment: real parallel requests
on their own connections (PostgreSQL, with row locks, in CI's second lane)."""

import pytest

from roundtables.models import Invitation
from tests.concurrency import post_at_once
from tests.factories import chief_executive, invited, round_table

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PLACES, PEOPLE = 12, 30


def test_thirty_accepting_at_once_for_twelve_places():
    table = round_table(capacity=PLACES)
    people = [chief_executive() for _ in range(PEOPLE)]
    for person in people:
        invited(table, person)

    statuses = post_at_once(
        people,
        f"/round-tables/{table.pk}/",
        {"answer": "accept", "agrees_to_rule": "on"},
    )

    assert statuses == [302] * PEOPLE
    invitations = list(table.invitations.order_by("queue_number"))
    assert [i.queue_number for i in invitations] == list(range(1, PEOPLE + 1))
    assert [i.status for i in invitations] == (
        [Invitation.Status.ACCEPTED] * PLACES + [Invitation.Status.WAITLISTED] * (PEOPLE - PLACES)
    )
    answered = [i.responded_at for i in invitations]
    assert answered == sorted(answered)
