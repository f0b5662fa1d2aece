"""What each champions page costs in queries, pinned, and the same with few champions,
sessions, requests and meetings as with many."""

import pytest
from django.urls import reverse
from django.utils import timezone

from champions import services
from cms_pages.models import Theme
from good_practice.models import ServiceArea
from tests.factories import (
    UserFactory,
    case_study,
    champion,
    committed,
    lga_administrator,
    mentoring_request,
    mentoring_under_way,
    open_session,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db
# Seven of each signed-in page's queries are the site's own: the session and the person, the
# permissions the header's admin link reads, and saving the session (three, with savepoints).
PINNED = {
    "directory": 16,
    "profile": 16,
    "sessions": 11,
    "session": 9,
    "mentoring": 12,
    "mine": 9,
    "find": 14,
    "host session": 10,
    "host mine": 10,
    "edit profile": 13,
    "all": 9,
    "anonymous directory": 9,
    "anonymous profile": 8,
}


def test_champions_pages_cost_the_same_however_big_the_network(client):
    themes, areas = list(Theme.objects.all()[:3]), list(ServiceArea.objects.all()[:3])
    staff = lga_administrator()

    def costs(size):
        champions = [
            champion(themes=themes, service_areas=areas, mentee_capacity=10) for _ in range(size)
        ]
        host = champions[0]
        host.case_studies.add(*[case_study(title=f"Study {size}.{n}") for n in range(2)])
        for _ in range(size):
            mentoring_request(host)
        under_way = [mentoring_under_way(host) for _ in range(size)]
        for _ in range(size):
            with committed():
                services.log_meeting(
                    mentoring=under_way[0],
                    by=under_way[0].mentee,
                    met_on=timezone.localdate(),
                    summary="Talked it through.",
                )
        sessions = [open_session(c) for c in champions]
        for _ in range(size):
            with committed():
                services.register(session=sessions[0], person=UserFactory())
        mentee = under_way[0].mentee
        client.force_login(mentee)
        found = f"{reverse('champions:directory')}?theme={themes[0].slug}&region=south-east"
        mentee_pages = {
            "directory": count_queries(client, found),
            "profile": count_queries(client, reverse("champions:profile", args=[host.slug])),
            "sessions": count_queries(client, reverse("champions:sessions")),
            "session": count_queries(client, reverse("champions:session", args=[sessions[0].pk])),
            "mentoring": count_queries(
                client, reverse("champions:mentoring", args=[under_way[0].pk])
            ),
            "mine": count_queries(client, reverse("champions:my-mentoring")),
            "find": count_queries(
                client, f"{reverse('champions:find-mentor')}?theme={themes[0].slug}"
            ),
        }
        client.force_login(host.person)
        host_pages = {
            "host session": count_queries(
                client, reverse("champions:session", args=[sessions[0].pk])
            ),
            "host mine": count_queries(client, reverse("champions:my-mentoring")),
            "edit profile": count_queries(client, reverse("champions:edit-profile")),
        }
        client.force_login(staff)
        staff_pages = {"all": count_queries(client, reverse("champions:all-mentoring"))}
        client.logout()
        anonymous = {
            "anonymous directory": count_queries(client, found),
            "anonymous profile": count_queries(
                client, reverse("champions:profile", args=[host.slug])
            ),
        }
        return mentee_pages | host_pages | staff_pages | anonymous

    costs(1)  # the first pages fill caches that last (content types, the site)
    few, many = costs(2), costs(8)

    assert few == many
    assert many == PINNED
