"""A champion's capacity and a session's places hold when many act at the same moment:
real parallel requests on their own connections (PostgreSQL, with row locks, in CI's second
lane)."""

import pytest
from django.urls import reverse

from champions.models import Mentoring, Registration
from tests.concurrency import post_at_once, posts_at_once
from tests.factories import UserFactory, champion, mentoring_request, open_session

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_champion_accepting_six_requests_at_once_takes_on_only_their_two():
    the_champion = champion(mentee_capacity=2)
    requests = [mentoring_request(the_champion) for _ in range(6)]

    statuses = posts_at_once(
        [
            (
                the_champion.person,
                reverse("champions:mentoring", args=[request.pk]),
                {"action": "answer", "answer-answer": "accept"},
            )
            for request in requests
        ]
    )

    # Two are accepted (302 back to the page); the rest get the page again with the reason.
    assert sorted(statuses) == [200] * 4 + [302] * 2
    statuses_now = list(
        Mentoring.objects.filter(champion=the_champion).values_list("status", flat=True)
    )
    assert sorted(statuses_now) == ["active"] * 2 + ["requested"] * 4


def test_twelve_registering_at_once_for_five_places():
    session = open_session(champion(), capacity=5)
    people = [UserFactory() for _ in range(12)]

    statuses = post_at_once(
        people, reverse("champions:session", args=[session.pk]), {"action": "register"}
    )

    assert statuses == [302] * 12
    assert Registration.objects.filter(session=session, cancelled_at__isnull=True).count() == 5
