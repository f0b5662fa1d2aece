"""The digital good-practice database in a real browser: a member sends in their practice
through the site, an LGA publisher approves it in the Wagtail admin and then anyone can find
it; the search finds practice across service silos, marked as coming from another service;
and searching, filtering, sorting and paging all work without JavaScript, in addresses that
can be shared.

Public pages run under the site's own Content-Security-Policy (`strict_page`, `problems`),
where axe finds nothing to fix (WCAG 2.2 AA); the Wagtail admin is Wagtail's own interface and
is only driven.
"""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from academy import roles
from cms_pages.models import CaseStudyOutcome, CaseStudyPage
from good_practice.models import Submission
from tests.factories import UserFactory, case_study, practice_database

from .helpers import BrowserProblems, error_summary, path_of, sign_in, submit, success_banner

pytestmark = pytest.mark.browser

TITLE = "Text alerts before the mobile library arrives"
WORDS = "mobile library alerts"
SEND_IN = "Send in the case study"


def query_of(page: Page) -> dict[str, list[str]]:
    """The search in the page's address, leaving out what was left empty."""
    return parse_qs(urlsplit(page.url).query)


def results(page: Page):
    return page.locator(".academy-search-results__item")


def result(page: Page, title: str):
    return results(page).filter(has=page.get_by_role("link", name=title, exact=True))


def search_for(page: Page, words: str) -> None:
    page.get_by_label("Search good practice").fill(words)
    submit(page, "Search")


def filter_group(page: Page, legend: str):
    return page.get_by_role("group", name=legend, exact=True)


def vehicle_tracking(**fields):
    """Transport's vehicle tracking, tagged as applying to meals on wheels and to waste."""
    return case_study(
        title="Real-time vehicle tracking on council fleets",
        summary="GPS trackers on every bus and van show where vehicles are, live.",
        areas=("transport",),
        applies_to=("meals-on-wheels", "waste-and-refuse"),
        councils_elsewhere=("district",),
        themes=("services", "data"),
        organisation="Cheshire East Council",
        council="unitary",
        region="north-west",
        **fields,
    )


def practice_across_services():
    """Vehicle tracking in full (outcomes, what to avoid, where else it could apply), with
    practice from other services on the same themes and one in the service it applies to."""
    tracking = vehicle_tracking(
        outcomes=[
            CaseStudyOutcome(
                measure="money",
                figure="£240,000",
                description="a year saved in fuel and drivers' time",
                how_measured="Fuel cards and rotas, a year before and after.",
            ),
            CaseStudyOutcome(measure="satisfaction", figure="92%", description="of riders"),
        ],
        what_worked="<p>Showing drivers the map first, before anyone else saw it.</p>",
        what_to_avoid="<p>Buying trackers before asking who would read the data.</p>",
        cost="£120,000 over two years",
    )
    meals = case_study(
        title="Hot meals ordered online",
        summary="Residents order meals on wheels online and choose a delivery window.",
        areas=("meals-on-wheels",),
        themes=("inclusion",),
        council="unitary",
    )
    bins = case_study(
        title="Bin crews report missed collections from the cab",
        summary="Crews tap a tablet when a bin is blocked, so residents hear before they ring.",
        areas=("waste-and-refuse",),
        themes=("services",),
        council="district",
    )
    police = case_study(
        title="Shared data on missing people",
        summary="The police and the council share one live record when someone goes missing.",
        areas=("community-safety",),
        themes=("data",),
        kind="framework",
        organisation="Kent Police",
        sector="police",
        council=None,
    )
    return tracking, meals, bins, police


# --- 1. A member sends in practice; a publisher approves it; anyone finds it ------------------


def test_a_member_sends_in_practice_a_publisher_approves_it_and_then_anyone_can_find_it(
    strict_page, problems, new_context, live_server, mailoutbox
):
    index = practice_database()
    vehicle_tracking()
    member = UserFactory(role=roles.SENIOR_OFFICER, full_name="Rachel Osei")
    publisher = UserFactory(role=roles.LGA_PUBLISHER)
    page = strict_page
    sign_in(page, member)

    page.goto(index.url)
    expect(page.get_by_role("heading", name="Good practice", level=1)).to_be_visible()
    page.get_by_role("link", name="Send in your own practice").click()
    expect(page.get_by_role("heading", name="Send in your good practice", level=1)).to_be_visible()
    assert path_of(page.url) == f"{index.url}submit/"
    problems.assert_none()  # the form as it first appears

    # Half done: the title, summary and problem only, with no permission to share it.
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("Summary", exact=True).fill(
        "Borrowers get a text the day before the mobile library stops in their village."
    )
    page.get_by_label("The problem", exact=True).fill(
        "People waited at the stop in the rain when the van was late.\n\nSome gave up on it."
    )
    submit(page, SEND_IN)

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = error_summary(page)
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    for message in (
        "Choose what kind of practice it is.",
        "Enter the organisation that did it.",
        "Choose the organisation's sector.",
        "Choose the region.",
        "Choose at least one service it was done in.",
        "Choose at least one outcome it served.",
        "Enter the approach.",
        "Confirm you have permission to share this.",
    ):
        link = summary.get_by_role("link", name=message, exact=True)
        expect(link).to_be_visible()
        target = link.get_attribute("href")
        expect(page.locator(target), f"{message} links to {target}").to_have_count(1)
    expect(page.get_by_label("Title", exact=True)).to_have_value(TITLE)
    expect(page.get_by_label("The problem", exact=True)).to_have_value(
        "People waited at the stop in the rain when the van was late.\n\nSome gave up on it."
    )
    assert not CaseStudyPage.objects.filter(title=TITLE).exists()
    problems.assert_none()  # axe on the error state

    summary.get_by_role("link", name="Choose at least one service it was done in.").click()
    done_in = page.get_by_role("group", name="Which services was it done in?")
    expect(done_in.get_by_role("checkbox").first).to_be_focused()

    page.get_by_role("group", name="What kind of practice is it?").get_by_label(
        "Implementation case study"
    ).check()
    page.get_by_label("Organisation that did it").fill("Shropshire Council")
    page.get_by_label("Its sector").select_option(label="Local government")
    page.get_by_label("Type of council").select_option(label="Unitary council")
    page.get_by_label("Region", exact=True).select_option(label="West Midlands")
    done_in.get_by_label("Libraries", exact=True).check()
    page.get_by_role("group", name="Which outcomes did it serve?").get_by_label(
        "Inclusion", exact=True
    ).check()
    page.get_by_label("The approach", exact=True).fill(
        "We put a tracker in the van and texted borrowers when it set off."
    )
    page.get_by_role("group", name="What the main outcome measures").get_by_label(
        "Satisfaction"
    ).check()
    page.get_by_label("Its figure").fill("92%")
    page.get_by_label("What changed").fill("of borrowers said the texts helped")
    page.get_by_label("How it was measured").fill("A survey of 400 borrowers.")
    page.get_by_role("textbox", name="What to avoid (optional)").fill(
        "Texting at six in the morning."
    )
    page.get_by_role(
        "group", name=re.compile(r"^Which other services could use it\?")
    ).get_by_label("Meals on wheels", exact=True).check()
    page.get_by_role(
        "group", name=re.compile(r"^Which types of council could use it\?")
    ).get_by_label("County council", exact=True).check()
    page.get_by_label("I have permission to share this").check()
    submit(page, SEND_IN)

    assert path_of(page.url) == f"{index.url}submissions/"
    expect(success_banner(page)).to_contain_text(f"Thank you. We have “{TITLE}”.")
    expect(
        page.get_by_role("heading", name="Case studies you have sent in", level=1)
    ).to_be_visible()
    sent_in = page.get_by_role("table").get_by_role("row").filter(has_text=TITLE)
    expect(sent_in).to_contain_text("Waiting for the LGA team")
    expect(sent_in.get_by_role("link")).to_have_count(0)  # nothing to link to yet
    problems.assert_none()  # axe on the submissions list

    submitted = CaseStudyPage.objects.get(title=TITLE)
    assert not submitted.live
    assert submitted.current_workflow_state.workflow.name == roles.APPROVAL_WORKFLOW
    assert [message.subject for message in mailoutbox if member.email in message.to] == [
        f"We have your case study: {TITLE}"
    ]

    page.goto(index.url)
    search_for(page, WORDS)
    expect(page.get_by_role("status")).to_have_text(f"0 entries for ‘{WORDS}’")
    expect(page.get_by_role("heading", name=f"No good practice matches ‘{WORDS}’")).to_be_visible()
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)
    assert page.request.get(submitted.url).status == 404  # not live: its address finds nothing

    reviewer = new_context().new_page()
    sign_in(reviewer, publisher)
    reviewer.goto("/admin/")
    awaiting = reviewer.locator(
        "section", has=reviewer.get_by_role("heading", name="Awaiting your review")
    )
    expect(awaiting.get_by_role("link", name=TITLE)).to_be_visible()
    awaiting.get_by_role("button", name="Actions").click()
    with reviewer.expect_navigation():
        awaiting.get_by_role("button", name="Approve", exact=True).click()
    assert path_of(reviewer.url) == "/admin/"
    expect(reviewer.get_by_role("link", name=TITLE)).to_have_count(0)

    submitted.refresh_from_db()
    assert submitted.live
    assert Submission.objects.get(page=submitted).status == Submission.Status.PUBLISHED
    to_member = [message for message in mailoutbox if member.email in message.to]
    assert [message.subject for message in to_member] == [
        f"We have your case study: {TITLE}",
        f"Your case study is published: {TITLE}",
    ]
    assert f"http://testserver{submitted.url}" in to_member[-1].body
    assert "/admin/" not in to_member[-1].body

    visitor = new_context().new_page()
    visitor_problems = BrowserProblems(visitor, live_server.url)
    visitor.goto(index.url)
    search_for(visitor, WORDS)
    expect(visitor.get_by_role("status")).to_have_text(f"1 entry for ‘{WORDS}’")
    expect(result(visitor, TITLE)).to_contain_text("Shropshire Council")
    expect(result(visitor, TITLE).locator("mark").first).to_be_visible()  # the words, marked
    visitor_problems.assert_none()
    result(visitor, TITLE).get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(visitor.get_by_text("of borrowers said the texts helped")).to_be_visible()
    expect(visitor.get_by_text("Texting at six in the morning.")).to_be_visible()
    visitor_problems.assert_none()

    page.goto(index.url)
    page.get_by_role("link", name="Case studies you have sent in").click()
    sent_in = page.get_by_role("table").get_by_role("row").filter(has_text=TITLE)
    expect(sent_in).to_contain_text("Published")
    expect(sent_in.get_by_role("link", name=TITLE)).to_have_attribute("href", submitted.url)
    problems.assert_none()


# --- 2. axe on the search and a case study ------------------------------------------------


def test_search_with_results_and_filters_chosen_and_its_empty_state_are_accessible(
    strict_page, problems
):
    index = practice_database()
    practice_across_services()
    page = strict_page

    page.goto(index.url)
    search_for(page, "tracking data")
    filter_group(page, "Outcome theme").get_by_label(re.compile(r"^Data \(")).check()
    filter_group(page, "Region").get_by_label(re.compile(r"^North West \(")).check()
    submit(page, "Apply filters")

    chosen = {key: values for key, values in query_of(page).items() if key != "sort"}
    assert chosen == {"q": ["tracking data"], "theme": ["data"], "region": ["north-west"]}
    expect(page.get_by_role("status")).to_have_text("1 entry for ‘tracking data’")
    expect(result(page, "Real-time vehicle tracking on council fleets")).to_be_visible()
    expect(page.get_by_role("link", name="Remove the filter Data")).to_be_visible()
    expect(page.get_by_role("link", name="Remove the filter North West")).to_be_visible()
    problems.assert_none()

    search_for(page, "zebra crossings")
    expect(page.get_by_role("status")).to_have_text("0 entries for ‘zebra crossings’")
    expect(
        page.get_by_role("heading", name="No good practice matches ‘zebra crossings’")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Transport", exact=True)).to_be_visible()  # suggested
    problems.assert_none()


def test_a_case_study_with_outcomes_lessons_and_related_practice_is_accessible(
    strict_page, problems
):
    tracking, _meals, bins, police = practice_across_services()
    page = strict_page

    response = page.goto(tracking.url)

    assert response.status == 200
    expect(page.get_by_role("heading", name=tracking.title, level=1)).to_be_visible()
    outcomes = page.get_by_role("table", name="Outcomes and how they were measured")
    expect(outcomes.get_by_role("row").filter(has_text="£240,000")).to_contain_text(
        "Fuel cards and rotas"
    )
    expect(outcomes.get_by_role("row").filter(has_text="92%")).to_contain_text("Not said")
    expect(page.get_by_role("heading", name="What to avoid")).to_be_visible()
    expect(
        page.get_by_text("Buying trackers before asking who would read the data.")
    ).to_be_visible()
    where_else = page.get_by_role("complementary", name="Where else this could apply")
    expect(where_else.get_by_role("link", name="Meals on wheels")).to_have_attribute(
        "href", f"{tracking.get_parent().url}?area=meals-on-wheels"
    )
    expect(where_else).to_contain_text("District council")
    related = page.get_by_role("complementary", name="Related practice from other services")
    expect(related.get_by_role("link", name=bins.title)).to_be_visible()
    expect(related.get_by_role("link", name=police.title)).to_be_visible()
    problems.assert_none()


# --- 3. Without JavaScript --------------------------------------------------------------------


def test_searching_filtering_sorting_and_paging_work_without_javascript(new_context, live_server):
    index = practice_database()
    now = timezone.now()
    # 21 in housing a day apart, the highest number newest; and two older ones in libraries.
    for number in range(1, 22):
        case_study(
            title=f"Housing repairs practice {number}",
            summary=f"Tenants report repairs online, example {number}.",
            areas=("housing",),
            first_published_at=now - timedelta(days=50 - number),
        )
    for number in (1, 2):
        case_study(
            title=f"Library repairs practice {number}",
            summary="Borrowers report broken computers and repairs online.",
            areas=("libraries",),
            first_published_at=now - timedelta(days=60 + number),
        )
    page = new_context(java_script_enabled=False).new_page()
    problems = BrowserProblems(page, live_server.url, run_axe=False)  # axe needs JavaScript

    page.goto(f"{index.url}?q=repairs")  # a search someone shared
    expect(page.get_by_role("status")).to_have_text("23 entries for ‘repairs’, page 1 of 2")
    expect(page.get_by_label("Sort by")).to_have_value("relevance")
    filter_group(page, "Service area").get_by_label("Housing (21)").check()
    submit(page, "Apply filters")

    assert query_of(page) == {"q": ["repairs"], "area": ["housing"], "sort": ["relevance"]}
    expect(page.get_by_role("status")).to_have_text("21 entries for ‘repairs’, page 1 of 2")
    expect(filter_group(page, "Service area").get_by_label("Housing (21)")).to_be_checked()
    expect(results(page)).to_have_count(20)
    expect(page.get_by_role("link", name=re.compile(r"^Library repairs"))).to_have_count(0)
    shared = page.url

    page.get_by_label("Sort by").select_option(label="Newest")
    submit(page, "Sort")

    assert query_of(page) == {"q": ["repairs"], "area": ["housing"], "sort": ["newest"]}
    expect(page.get_by_label("Sort by")).to_have_value("newest")
    expect(results(page).first.get_by_role("link")).to_have_text("Housing repairs practice 21")
    expect(results(page).last.get_by_role("link")).to_have_text("Housing repairs practice 2")

    page.get_by_role("navigation", name="Results pages").get_by_role("link", name="Next").click()

    assert query_of(page) == {
        "q": ["repairs"],
        "area": ["housing"],
        "sort": ["newest"],
        "page": ["2"],
    }
    expect(page.get_by_role("status")).to_have_text("21 entries for ‘repairs’, page 2 of 2")
    expect(results(page)).to_have_count(1)
    expect(results(page).get_by_role("link")).to_have_text("Housing repairs practice 1")

    page.get_by_role("link", name="Remove the filter Housing").click()

    assert query_of(page) == {"q": ["repairs"], "sort": ["newest"]}
    expect(page.get_by_role("status")).to_have_text("23 entries for ‘repairs’, page 1 of 2")
    expect(
        filter_group(page, "Service area").get_by_label(re.compile("^Housing"))
    ).not_to_be_checked()
    problems.assert_none()

    # The address of a search is the search: someone else opening it gets the same page.
    someone = new_context(java_script_enabled=False).new_page()
    someone.goto(path_of(shared))
    expect(someone.get_by_role("status")).to_have_text("21 entries for ‘repairs’, page 1 of 2")
    expect(filter_group(someone, "Service area").get_by_label("Housing (21)")).to_be_checked()


# --- 4. Across service silos --------------------------------------------------------------------


def test_meals_on_wheels_finds_vehicle_tracking_from_transport_marked_from_another_service(
    strict_page, problems
):
    index = practice_database()
    tracking, meals, _bins, _police = practice_across_services()
    page = strict_page

    page.goto(index.url)
    search_for(page, "meals on wheels")

    found = result(page, tracking.title)
    expect(found).to_be_visible()
    expect(found.get_by_text("From another service", exact=True)).to_be_visible()
    expect(found).to_contain_text("Done in transport; could also apply to meals on wheels.")
    own = result(page, meals.title)
    expect(own).to_be_visible()
    expect(own.get_by_text("From another service")).to_have_count(0)
    problems.assert_none()


def test_a_search_typed_on_the_start_page_is_ranked_by_relevance(strict_page, problems):
    index = practice_database()
    older = case_study(
        title="Meals on wheels: a text when the meal is on its way",
        summary="Meals on wheels drivers text people when they set off.",
        areas=("meals-on-wheels",),
        first_published_at=timezone.now() - timedelta(days=30),
    )
    newer = case_study(
        title="One front door for adult social care",
        summary="One number and one form for care and support, from meals to home adaptations.",
        problem="<p>People rang five numbers, one of them for meals on wheels.</p>",
        areas=("adult-social-care",),
    )
    page = strict_page
    page.goto(f"{index.url}?q=meals+on+wheels")
    ranked = [older.title, newer.title]
    expect(page.get_by_label("Sort by")).to_have_value("relevance")
    expect(results(page).get_by_role("link")).to_have_text(ranked)

    page.goto(index.url)
    search_for(page, "meals on wheels")

    # The search box shares a form with the sort, which offers only "Newest" until there is
    # a query: a search typed here must still be ranked by relevance, as the address of the
    # same search is.
    shown = results(page).get_by_role("link").all_inner_texts()
    assert query_of(page).get("sort", ["relevance"]) == ["relevance"], f"{page.url}: {shown}"
    expect(page.get_by_label("Sort by")).to_have_value("relevance")
    expect(results(page).get_by_role("link")).to_have_text(ranked)
    problems.assert_none()
