"""The module page, a section and the progress pages cost the same number of database queries
with 10 modules as with 200: nothing is fetched once per module."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning import services
from tests.factories import module, programme_of_modules, reflect

pytestmark = pytest.mark.django_db

# Pinned: a change that adds a query to one of these pages must say why here. Of these, about
# half are the same on every signed-in Wagtail page: the site, one query per level of the page
# tree Wagtail routes through, the privacy check, the session and the user, the permissions
# behind the navigation, and the session's inactivity-timeout save (three statements).
PINNED = {
    "module page": 24,
    "section page": 22,
    "module index": 22,  # with the page-privacy restrictions that keep modules out of lists
    "progress page": 15,  # likewise
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_modules(programme, count):
    for _ in range(count):
        module(programme, sections=3, access="members", publish=False)


def pages(programme, first):
    return {
        "module page": first.url,
        "section page": f"{first.url}sections/2/",
        "module index": programme.url,
        "progress page": "/learning/",
    }


def test_learner_pages_cost_the_same_with_10_and_with_200_modules(client, councillor):
    programme = programme_of_modules()
    first = module(
        programme,
        sections=3,
        section_body=[("rich_text", "<p>Text</p>"), reflect("Why?")],
    )
    add_modules(programme, 9)
    for section in first.sections.all()[:2]:
        services.mark_section_done(person=councillor, section=section)
    client.force_login(councillor)
    for url in pages(programme, first).values():
        client.get(url)  # warm the caches every request would find warm

    with_10 = {name: count_queries(client, url) for name, url in pages(programme, first).items()}
    add_modules(programme, 190)
    with_200 = {name: count_queries(client, url) for name, url in pages(programme, first).items()}

    assert with_10 == with_200
    assert with_200 == PINNED


def test_certificate_pages_cost_a_fixed_number_of_queries(client, councillor):
    """The certificate keeps its own copy of the module titles, so its pages read one row."""
    programme = programme_of_modules()
    for _ in range(12):
        page = module(programme, sections=1, publish=False)
        outcome = services.mark_section_done(person=councillor, section=page.sections.get())
    certificate = outcome.certificate
    client.force_login(councillor)
    own = f"/learning/certificates/{certificate.pk}/"
    assert count_queries(client, own) == 8
    assert count_queries(client, f"{own}pdf/") == 6  # no navigation to build
    client.logout()
    assert count_queries(client, f"/certificates/{certificate.code}/") == 1
