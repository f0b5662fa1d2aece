"""Searching the good-practice database as people use it: what a query finds across service
silos, filters whose counts are the results they leave, sorting, pages of results, highlighted
matches, and what it never shows (drafts, submissions waiting for moderation, private pages)."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms_pages.models import SearchPage
from good_practice import selectors
from tests.factories import case_study, home_page, practice_database

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return practice_database()


def get(client, index, query: str = ""):
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200, query
    return response.content.decode()


def titles(body: str) -> list[str]:
    return [
        re.sub(r"</?mark>", "", title)
        for title in re.findall(
            r'<h2 class="govuk-heading-m govuk-!-margin-bottom-1"><a class="govuk-link" '
            r'href="[^"]*">(.*?)</a></h2>',
            body,
        )
    ]


def item(body: str, title: str) -> str:
    """The result whose title is `title`, its matches unmarked."""
    plain = re.sub(r"</?mark>", "", body)
    start = plain.index(f">{title}</a>")
    return plain[start : plain.index("</li>", start)]


def total(body: str) -> int:
    return int(re.search(r'role="status">(\d+) entr', body).group(1))


def search(query: str):
    return selectors.search_practice(viewer=AnonymousUser(), params=QueryDict(query))


@pytest.fixture
def silos(index):
    """Practice in several services, some of it tagged as applying to others."""
    return {
        "buses": case_study(
            title="Real-time vehicle tracking on council fleets",
            summary="GPS trackers on every bus and van show where vehicles are, live.",
            areas=("transport",),
            applies_to=("meals-on-wheels", "waste-and-refuse"),
            councils_elsewhere=("district",),
            themes=("services", "data"),
            kind="case-study",
            region="north-west",
        ),
        "meals": case_study(
            title="Hot meals ordered online",
            summary="Residents order meals on wheels online and choose a delivery window.",
            areas=("meals-on-wheels",),
            themes=("inclusion",),
            kind="case-study",
            council="unitary",
        ),
        "bins": case_study(
            title="Missed bin reports straight to crews",
            summary="Crews see missed collections on a tablet in the cab.",
            areas=("waste-and-refuse",),
            themes=("services",),
            kind="lesson",
            sector="private",
            council=None,
            organisation="Refuse Contractor Ltd",
            region="outside-england",
        ),
        "framework": case_study(
            title="A framework for sharing care records",
            summary="How councils and the NHS agree what to share about people in care.",
            areas=("adult-social-care",),
            applies_to=("childrens-services",),
            themes=("data", "partnership"),
            kind="framework",
            sector="nhs",
            council=None,
            organisation="NHS Kent and Medway",
        ),
    }


def test_searching_meals_on_wheels_finds_vehicle_tracking_from_transport_marked_as_such(
    client, index, silos
):
    body = get(client, index, "q=meals+on+wheels")

    assert set(titles(body)) == {
        "Real-time vehicle tracking on council fleets",
        "Hot meals ordered online",
    }
    tracking = item(body, "Real-time vehicle tracking on council fleets")
    assert "From another service" in tracking
    assert "Done in transport; could also apply to meals on wheels." in tracking
    # The practice from meals on wheels itself is not marked as coming from elsewhere.
    assert "From another service" not in item(body, "Hot meals ordered online")


def test_a_service_area_filter_finds_practice_that_could_apply_to_it_too_marked(silos):
    found = search("area=waste-and-refuse")

    by_title = {result.page.title: result for result in found.results}
    assert set(by_title) == {
        "Missed bin reports straight to crews",
        "Real-time vehicle tracking on council fleets",
    }
    tracking = by_title["Real-time vehicle tracking on council fleets"]
    assert [area.slug for area in tracking.from_elsewhere] == ["transport"]
    assert [area.slug for area in tracking.applies_to] == ["waste-and-refuse"]
    assert by_title["Missed bin reports straight to crews"].applies_to == []


def every_option(found):
    for facet in found.facets:
        for option in facet.shown:
            yield facet, option


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=vehicle",
        "area=transport",
        "q=care&theme=data",
        "sector=local-government&kind=case-study",
    ],
)
def test_each_filter_count_is_the_number_of_results_choosing_it_leaves(silos, query):
    case_study(title="Draft tracking", areas=("transport",), publish=False)
    found = search(query)
    assert found.total == len(found.results)  # all on one page here

    for facet, option in every_option(found):
        chosen = QueryDict(query, mutable=True)
        if facet.multiple:
            if not option.selected:
                chosen.appendlist(facet.param, option.value)
        else:
            chosen[facet.param] = option.value
        narrowed = search(chosen.urlencode())
        assert narrowed.total == option.count, (facet.param, option.value, query)
        if facet.multiple and option.selected:
            assert option.count == found.total


def test_the_counts_on_the_page_match_what_ticking_them_shows(client, index, silos):
    body = get(client, index, "kind=case-study")
    options = re.findall(
        r'name="(area|theme|sector|council)" type="checkbox" value="([^"]+)"[^>]*>\s*'
        r'<label[^>]*>[^<]*<span class="academy-facet__count">\((\d+)\)</span>',
        body,
    )
    assert options, "The page shows filters with counts."
    for param, value, count in options:
        assert total(get(client, index, f"kind=case-study&{param}={value}")) == int(count)


def test_filters_on_several_terms_all_apply(silos):
    both = search("area=transport&theme=data")
    assert [r.page.title for r in both.results] == ["Real-time vehicle tracking on council fleets"]
    none = search("area=transport&area=adult-social-care")
    assert none.total == 0


def test_kind_and_region_counts_leave_out_their_own_choice(silos):
    found = search("kind=lesson")
    kinds = {o.value: o.count for o in next(f for f in found.facets if f.param == "kind").options}
    assert found.total == 1
    assert kinds == {"framework": 1, "case-study": 2, "report": 0, "lesson": 1}


def test_drafts_and_private_pages_are_never_found(client, index, silos):
    secret = "zebracrossingsecret"
    case_study(title="A draft", summary=f"{secret} draft", publish=False)
    private = case_study(title="Behind a password", summary=f"{secret} private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    live = case_study(title="Published, with a draft on top", summary="The published words.")
    home_page().add_child(instance=SearchPage(title="Search", slug="search"))
    live.summary = f"{secret} unpublished change"
    live.save_revision()  # a newer draft: its words are not yet public

    for path in (
        f"{index.url}?q=words",
        f"{index.url}",
        f"{index.url}feed/",
        f"{index.url}download/csv/",
        f"{index.url}download/json/",
        "/search/?q=words",
        live.url,
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert "Published, with a draft on top" in body, path
        assert secret not in body, path
        assert "A draft" not in body and "Behind a password" not in body, path
    assert total(get(client, index, f"q={secret}")) == 0
    assert client.get(f"{index.url}download/json/?q={secret}").json() == {"results": []}
    assert search(f"q={secret}").total == 0


def test_matches_are_highlighted_and_text_is_escaped(client, index):
    case_study(
        title="Tracking vans <b>live</b>",
        summary="Trackers on vans <script>alert(1)</script> cut missed visits.",
        areas=("transport",),
    )

    body = get(client, index, "q=tracking")

    assert "<mark>Tracking</mark> vans &lt;b&gt;live&lt;/b&gt;" in body
    assert "<mark>Trackers</mark> on vans &lt;script&gt;" in body
    assert "<script>alert(1)</script>" not in body


def test_an_excerpt_shows_where_words_deep_in_the_text_matched(index):
    case_study(
        title="Digital front door",
        summary="One place to report and pay.",
        approach="<p>We worked with residents and then introduced a chatbot for out of hours.</p>",
    )

    (result,) = search("q=chatbot").results

    assert "<mark>chatbot</mark> for out of hours" in result.excerpt


def test_an_excerpt_of_rich_text_reads_as_typed(index):
    case_study(
        title="Repairs online",
        summary="Tenants report repairs.",
        problem="<p>The council&#x27;s repairs line &amp; its chatbot were slow.</p>",
    )

    (result,) = search("q=chatbot").results

    assert "The council&#x27;s repairs line &amp; its <mark>chatbot</mark>" in result.excerpt
    assert "&amp;#x27;" not in result.excerpt and "&amp;amp;" not in result.excerpt


def test_a_search_without_a_query_offers_no_order_to_choose(client, index, silos):
    assert 'name="sort"' not in get(client, index, "area=transport")
    assert 'value="relevance" selected' in get(client, index, "q=tracking")


def test_newest_first_or_most_relevant(index):
    now = timezone.now()
    older = case_study(title="Chatbot pilot", summary="A chatbot, a chatbot, a chatbot.")
    newer = case_study(title="Website rebuild", summary="A new site with a chatbot.")
    for page, days in ((older, 300), (newer, 10)):
        type(page).objects.filter(pk=page.pk).update(first_published_at=now - timedelta(days))

    newest = search("q=chatbot&sort=newest")
    relevant = search("q=chatbot")

    assert [r.page.title for r in newest.results] == ["Website rebuild", "Chatbot pilot"]
    assert relevant.chosen.sort == "relevance"
    assert relevant.results[0].page.title == "Chatbot pilot"


def test_pages_of_results_keep_the_search_and_its_filters(client, index):
    for number in range(selectors.RESULTS_PER_PAGE + 3):
        case_study(title=f"Transport practice {number}", areas=("transport",))
    case_study(title="Elsewhere", areas=("housing",))

    first = get(client, index, "area=transport")
    second = get(client, index, "area=transport&page=2")

    assert total(first) == selectors.RESULTS_PER_PAGE + 3
    assert "?area=transport&amp;page=2" in first
    assert len(titles(second)) == 3
    assert "Elsewhere" not in second


@pytest.mark.parametrize(
    "query",
    [
        "area=no-such-area&kind=bogus&region=mars",
        "page=abc",
        "page=99999",
        "q=%22unbalanced+%00quote",
        "q=" + "x" * 5000,
        "sort=sideways&theme=",
        "council=county&council=county",
    ],
)
def test_nonsense_in_the_address_gives_a_page_not_an_error(client, index, silos, query):
    get(client, index, query)


def test_an_empty_result_suggests_what_to_try(client, index, silos):
    body = get(client, index, "q=quantum+blockchain&area=transport")

    assert "No good practice matches ‘quantum blockchain’" in body
    assert "removing a filter" in body
    assert 'href="?area=transport"' in body  # browse a service area instead
    assert "Remove<span" in body


def test_every_search_has_an_address_to_share_and_download(client, index, silos):
    body = get(client, index, "q=tracking&area=transport&sort=newest")

    assert 'method="get"' in body
    assert "download/csv/?q=tracking&amp;area=transport&amp;sort=newest" in body
    assert "download/json/?q=tracking&amp;area=transport&amp;sort=newest" in body
