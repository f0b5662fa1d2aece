"""A case study's page, the Atom feed and downloads of a search, the signposts other parts of
the programme use, the admin's rules for editors, and what these pages cost in queries."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from academy import roles
from cms_pages.models import Theme
from good_practice import selectors
from good_practice.models import CouncilType, Sector, ServiceArea
from tests.factories import UserFactory, case_study, practice_database

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def index():
    return practice_database()


@pytest.fixture
def tracking(index):
    return case_study(
        title="Real-time vehicle tracking",
        summary="GPS on every fleet vehicle.",
        areas=("transport",),
        applies_to=("meals-on-wheels", "waste-and-refuse"),
        councils_elsewhere=("district",),
        themes=("services", "data"),
        cost='=HYPERLINK("http://evil.example")',
    )


def test_a_case_study_shows_where_else_it_could_apply_and_practice_from_other_services(
    client, index, tracking
):
    case_study(title="Data sharing for care", areas=("adult-social-care",), themes=("data",))
    case_study(title="Another transport scheme", areas=("transport",), themes=("data",))

    body = client.get(tracking.url).content.decode()

    assert "Where else this could apply" in body
    assert f'href="{index.url}?area=meals-on-wheels">Meals on wheels</a>' in body
    assert "District council" in body
    related = body[body.index("Related practice from other services") :]
    assert "Data sharing for care" in related
    assert "Another transport scheme" not in related  # the same service is no other silo


def test_the_feed_lists_the_newest_practice_as_atom(client, index, tracking):
    case_study(title="Hidden draft", publish=False)

    response = client.get(f"{index.url}feed/?area=transport")

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["Real-time vehicle tracking"]
    assert entries[0].find(f"{ATOM}link").get("href") == f"http://testserver{tracking.url}"


def test_downloads_hold_every_result_with_formulas_made_harmless(client, index, tracking):
    case_study(title="Elsewhere", areas=("housing",))

    csv_response = client.get(f"{index.url}download/csv/?area=transport")
    json_response = client.get(f"{index.url}download/json/?area=transport")

    assert csv_response["Content-Disposition"].startswith('attachment; filename="good-practice-')
    header, *rows = csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig")))
    assert len(rows) == 1 and rows[0][0] == "Real-time vehicle tracking"
    assert rows[0][header.index("Cost")] == '\'=HYPERLINK("http://evil.example")'
    assert rows[0][header.index("Could also apply to services")] == (
        "Meals on wheels; Waste and refuse"
    )
    (entry,) = json.loads(json_response.content)["results"]
    assert entry["title"] == "Real-time vehicle tracking"
    assert entry["service_areas"] == "Transport"
    assert client.get(f"{index.url}download/xlsx/").status_code == 404


def test_signposts_rank_practice_in_the_service_then_by_shared_themes(index, tracking):
    in_transport = case_study(title="Bus stop screens", areas=("transport",), themes=("inclusion",))
    same_themes = case_study(title="Data for care", areas=("adult-social-care",), themes=("data",))
    case_study(title="Draft", areas=("transport",), publish=False)
    transport = ServiceArea.objects.get(slug="transport")
    meals = ServiceArea.objects.get(slug="meals-on-wheels")
    data, services = Theme.objects.get(slug="data"), Theme.objects.get(slug="services")

    by_area = selectors.practice_for(
        viewer=AnonymousUser(), service_areas=[transport], themes=[data, services]
    )
    for_meals = selectors.practice_for(viewer=AnonymousUser(), service_areas=[meals])

    assert [item.page.pk for item in by_area] == [tracking.pk, in_transport.pk, same_themes.pk]
    assert [item.page.pk for item in for_meals] == [tracking.pk]
    assert for_meals[0].applies_to == [meals]  # marked as coming from elsewhere
    assert selectors.practice_for(viewer=AnonymousUser()) == []


def test_taxonomies_are_kept_by_lga_staff_not_by_members(client):
    editor = UserFactory(role=roles.LGA_EDITOR)
    member = UserFactory(role=roles.SENIOR_OFFICER)

    client.force_login(editor)
    response = client.post(
        "/admin/snippets/good_practice/servicearea/add/",
        {"name": "Cemeteries", "slug": "cemeteries", "description": ""},
    )
    assert response.status_code == 302
    assert ServiceArea.objects.filter(slug="cemeteries").exists()
    client.force_login(member)
    assert client.get("/admin/snippets/good_practice/servicearea/").status_code == 302


def case_study_admin_form(index, **overrides):
    sector = Sector.objects.get(slug="local-government")
    several = {
        "service_areas": [ServiceArea.objects.get(slug="transport").pk],
        "themes": [Theme.objects.get(slug="data").pk],
        "applies_to_service_areas": [ServiceArea.objects.get(slug="transport").pk],
    }
    data = {
        "title": "Tracking vans",
        "slug": "tracking-vans",
        "kind": "case-study",
        "region": "south-east",
        "summary": "Trackers in vans.",
        "problem": rich_text("<p>Late vans.</p>"),
        "approach": rich_text("<p>Trackers.</p>"),
        "what_worked": rich_text(""),
        "what_to_avoid": rich_text(""),
        "organisations": inline_formset(
            [{"name": "Kent Police", "sector": sector.pk, "council_type": ""}]
        ),
        "outcomes": inline_formset([]),
        "documents": streamfield([]),
    }
    data.update(overrides)
    return {**nested_form_data(data), **several}


def test_the_admin_refuses_a_service_both_done_in_and_applying_to_and_a_council_without_type(
    client, index
):
    client.force_login(UserFactory(role=roles.LGA_EDITOR))

    response = client.post(
        f"/admin/pages/add/cms_pages/casestudypage/{index.pk}/", case_study_admin_form(index)
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Transport is already among the services it was done in." in body
    assert "Choose the type of council for a local government body." in body
    assert not Page.objects.filter(slug="tracking-vans").exists()


def test_the_admin_refuses_a_type_of_council_that_did_it_as_one_it_could_apply_to(client, index):
    client.force_login(UserFactory(role=roles.LGA_EDITOR))
    county = CouncilType.objects.get(slug="county")
    form = case_study_admin_form(
        index,
        organisations=inline_formset(
            [
                {
                    "name": "Kent County Council",
                    "sector": Sector.objects.get(slug="local-government").pk,
                    "council_type": county.pk,
                }
            ]
        ),
    )
    form["applies_to_service_areas"] = []
    form["applies_to_council_types"] = [county.pk]

    response = client.post(f"/admin/pages/add/cms_pages/casestudypage/{index.pk}/", form)

    assert "County council already did it." in response.content.decode()
    assert not Page.objects.filter(slug="tracking-vans").exists()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_search_and_case_study_pages_cost_the_same_however_many_entries(client, index, tracking):
    for number in range(3):
        case_study(title=f"Practice {number}", areas=("transport", "housing"), themes=("data",))
    few = {
        "search": count_queries(client, f"{index.url}?q=practice&area=transport&theme=data"),
        "filters": count_queries(client, f"{index.url}?area=transport&sector=local-government"),
        "page": count_queries(client, tracking.url),
    }
    for number in range(3, 30):
        case_study(
            title=f"Practice {number}",
            areas=("transport", "housing"),
            applies_to=("meals-on-wheels",),
            councils_elsewhere=("district", "unitary"),
            themes=("data", "value"),
        )
    many = {
        "search": count_queries(client, f"{index.url}?q=practice&area=transport&theme=data"),
        "filters": count_queries(client, f"{index.url}?area=transport&sector=local-government"),
        "page": count_queries(client, tracking.url),
    }

    assert few == many
    # Wagtail's routing takes 8 of each; the search's filters and counts, 7 (the four lists
    # of terms, the counts of all four in one, kind and region, the total).
    assert many == {"search": 25, "filters": 24, "page": 19}


def test_the_council_types_a_search_counts_are_editable(client, index, tracking):
    CouncilType.objects.filter(slug="district").update(name="Shire district council")

    body = client.get(f"{index.url}?council=district").content.decode()

    assert "Shire district council" in body
    assert "Real-time vehicle tracking" in body
