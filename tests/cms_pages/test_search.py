"""The site search as visitors and members use it: what it finds and what it never shows, its
empty states, its pages of results, and what it costs."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms_pages.models import SearchPage, StandardPage
from tests.factories import home_page, module, programme_of_modules

pytestmark = pytest.mark.django_db

SIGN_IN_HINT = "to search members-only modules too."


@pytest.fixture
def search_url():
    search = home_page().add_child(instance=SearchPage(title="Search", slug="search"))
    return search.url


@pytest.fixture
def programme():
    return programme_of_modules()


def search(client, url, query, **params):
    response = client.get(url, {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def query_in_the_box(body):
    return re.search(r'id="search-query" name="q" type="search" value="([^"]*)"', body).group(1)


def result_titles(body):
    listing = re.search(r'<ul class="govuk-list academy-search-results">(.*?)</ul>', body, re.S)
    if listing is None:
        return []
    return re.findall(r"<h2[^>]*><a [^>]*>([^<]*)</a></h2>", listing.group(1))


def test_a_module_is_found_by_its_title_and_by_the_words_of_its_sections(
    client, search_url, programme
):
    module(
        programme,
        title="Buying technology well",
        section_body=[("rich_text", "<p>Avoid being locked in to one zanzibarite supplier.</p>")],
    )
    module(programme, title="Data and insight")

    by_title = search(client, search_url, "buying technology")
    by_body = search(client, search_url, "zanzibarite")

    assert result_titles(by_title) == ["Buying technology well"]
    assert "1 result for ‘buying technology’." in by_title
    assert result_titles(by_body) == ["Buying technology well"]
    assert 'href="/member-leadership-academy/modules/module-1/"' in by_body
    assert "What Buying technology well covers, in a sentence." in by_body  # its summary


def test_other_kinds_of_page_are_found_too(client, search_url):
    home_page().add_child(
        instance=StandardPage(
            title="Accessibility statement",
            slug="accessibility",
            summary="How accessible this site is.",
            body=[("rich_text", "<p>We test with quuxtastic screen readers.</p>")],
        )
    ).save_revision().publish()

    body = search(client, search_url, "quuxtastic")

    assert result_titles(body) == ["Accessibility statement"]
    assert "Standard page" in body


def test_signed_out_visitors_do_not_find_members_only_modules_and_are_asked_to_sign_in(
    client, search_url, programme
):
    module(programme, title="Open data basics", section_body=[("rich_text", "<p>Open.</p>")])
    module(
        programme,
        title="Cyber incident response",
        access="members",
        summary="Members-only module on data breaches.",
        section_body=[("rich_text", "<p>The plugh-protocol for ransomware.</p>")],
    )

    by_title = search(client, search_url, "cyber incident")
    by_body = search(client, search_url, "plugh-protocol")
    by_shared_word = search(client, search_url, "data")

    # A word from inside a members-only module reads exactly like a word found nowhere.
    nowhere = search(client, search_url, "xyzzy")
    assert by_body.replace("plugh-protocol", "xyzzy") == nowhere
    for body in (by_title, by_body):
        assert result_titles(body) == []
        assert "No results for" in body
        assert "Cyber incident response" not in body
    assert result_titles(by_shared_word) == ["Open data basics"]
    assert "Cyber incident response" not in by_shared_word
    for body in (by_title, by_shared_word):
        assert SIGN_IN_HINT in body
        assert 'href="/account/sign-in/?next=/search/%3Fq%3D' in body


def test_a_signed_in_councillor_finds_members_only_modules(
    client, search_url, programme, councillor
):
    module(
        programme,
        title="Cyber incident response",
        access="members",
        section_body=[("rich_text", "<p>The plugh-protocol for ransomware.</p>")],
    )
    client.force_login(councillor)

    body = search(client, search_url, "plugh-protocol")

    assert result_titles(body) == ["Cyber incident response"]
    assert "Module · Members only" in body
    assert SIGN_IN_HINT not in body


def test_without_a_query_there_is_no_results_block(client, search_url, programme):
    module(programme, title="Data and insight")

    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get(search_url, params)
        body = response.content.decode()
        assert response.status_code == 200
        assert "Search the academy" in body
        assert 'role="status"' not in body
        assert "No results" not in body
        assert "Data and insight" not in body
        assert SIGN_IN_HINT not in body


def test_a_query_that_matches_nothing_shows_no_results_and_suggestions(
    client, search_url, programme
):
    module(programme, title="Data and insight")

    body = search(client, search_url, "zebra crossings")

    assert "No results for ‘zebra crossings’" in body
    assert "checking the spelling" in body
    assert "fewer or more general words" in body
    assert result_titles(body) == []
    assert 'value="zebra crossings"' in body  # kept in the box to try again


def test_results_come_twenty_to_a_page(client, search_url, programme):
    for number in range(25):
        module(programme, title=f"Data skills {number}", publish=False)

    first = search(client, search_url, "data")
    second = search(client, search_url, "data", page=2)

    assert "25 results for ‘data’, page 1 of 2." in first
    assert "25 results for ‘data’, page 2 of 2." in second
    assert len(result_titles(first)) == 20
    assert len(result_titles(second)) == 5
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert 'href="?q=data&amp;page=2" rel="next"' in first
    assert 'href="?q=data&amp;page=1" rel="prev"' in second


@pytest.mark.parametrize(
    ("page", "shown"),
    [("abc", 1), ("999", 2), ("0", 2), ("-1", 2), ("1.5", 1), ("", 1)],
)
def test_a_bad_page_number_falls_back_to_a_page_that_exists(
    client, search_url, programme, page, shown
):
    for number in range(21):
        module(programme, title=f"Data skills {number}", publish=False)

    body = search(client, search_url, "data", page=page)

    assert f"21 results for ‘data’, page {shown} of 2." in body


def test_an_overlong_query_is_cut_to_200_characters(client, search_url, programme):
    module(programme, title="Data and insight")

    body = search(client, search_url, "data " * 200)
    nonsense = search(client, search_url, "x" * 1000)

    assert len(query_in_the_box(body)) <= 200
    assert query_in_the_box(body).startswith("data data")
    assert result_titles(body) == ["Data and insight"]
    assert query_in_the_box(nonsense) == "x" * 200
    assert f"No results for ‘{'x' * 200}’" in nonsense


@pytest.mark.parametrize(
    "query",
    ['"', '"data', 'data"', '"data and"', "data\0", "' OR 1=1 --", "NEAR(", "*", "{title}:", "\\"],
)
def test_quotes_and_search_syntax_in_a_query_never_break_the_page(
    client, search_url, programme, query
):
    module(programme, title="Data and insight")

    body = search(client, search_url, query)

    assert "Search the academy" in body
    if "data" in query:
        assert result_titles(body) == ["Data and insight"]


def test_drafts_and_unpublished_pages_are_never_found(client, search_url, programme, councillor):
    module(programme, title="Never published frobnicate", publish=False, live=False)
    withdrawn = module(programme, title="Withdrawn frobnicate")
    withdrawn.unpublish()
    edited = module(programme, title="Live title")
    edited.title = "Draft frobnicate title"
    edited.summary = "A draft summary with the word gazumped."
    edited.save_revision()  # a draft, not published
    client.force_login(councillor)

    assert result_titles(search(client, search_url, "frobnicate")) == []
    assert result_titles(search(client, search_url, "gazumped")) == []
    assert result_titles(search(client, search_url, "live title")) == ["Live title"]


# Pinned: a change that adds a query to the search page must say why here. Most are the same on
# every page Wagtail serves (the site, the tree Wagtail routes through, the session); the search
# itself is a count, one page of matches and one query per type of page among them.
PINNED_QUERIES = {"signed out": 13, "signed in": 20}


def count_queries(client, url):
    """The queries one page of results costs, and the titles it shows."""
    with CaptureQueriesContext(connection) as queries:
        body = search(client, url, "data")
    return len(queries), result_titles(body)


def client_for(person):
    member = Client()
    member.force_login(person)
    return member


def add_matches(programme, count):
    for _ in range(count):
        module(programme, title="Data skills", access="members", publish=False)
        module(programme, title="Data skills for everyone", publish=False)


def test_a_page_of_results_costs_the_same_for_5_and_for_25_matches(
    client, search_url, programme, councillor
):
    home_page().add_child(instance=StandardPage(title="About data", slug="about", summary="S"))
    member = client_for(councillor)
    add_matches(programme, 2)  # five matches: four modules and the standard page
    search(client, search_url, "data")  # warm the caches every request would find warm
    search(member, search_url, "data")

    signed_out_5, shown_signed_out_5 = count_queries(client, search_url)
    signed_in_5, shown_signed_in_5 = count_queries(member, search_url)
    add_matches(programme, 10)
    signed_out_25, shown_signed_out_25 = count_queries(client, search_url)
    signed_in_25, shown_signed_in_25 = count_queries(member, search_url)

    shown = [shown_signed_out_5, shown_signed_in_5, shown_signed_out_25, shown_signed_in_25]
    assert [len(titles) for titles in shown] == [3, 5, 13, 20]
    # Both kinds of page are on every page of results, so the comparison is like for like.
    assert all("About data" in titles for titles in shown)
    assert (signed_out_5, signed_in_5) == (signed_out_25, signed_in_25)
    assert {"signed out": signed_out_25, "signed in": signed_in_25} == PINNED_QUERIES
