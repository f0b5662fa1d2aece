"""The competency framework in a real browser. A senior officer reads the framework, opens
the diagnostic and tries to finish it with nothing rated (refused, with an error summary),
then with only where they need to be (refused again, keeping what they chose); they rate
where they are and need to be on each competency, each point of the scale anchored by a
behaviour, and finish. The result shows their strengths and biggest gaps, a chart that
names itself to screen readers and the table that gives its figures. They make a plan for
their biggest gaps: the academy recommends, ranked and explained, the module written for the
biggest one and a champion who knows its theme; they take the module into the plan, add an
action of their own (a date in the past is refused, and what they typed is kept), tick one
off and see their progress. A month later they take the diagnostic again, and the result
compares with the last one.

A council's senior officer opens an organisational diagnostic and invites three colleagues;
two answer (through the service), the third answers in her own browser, skipping a
competency and two questions; the coordinator closes answering and the results show the
median and range for each competency, and too few answers for what was skipped, with
nobody's name. With JavaScript off, the diagnostic is still answered and its result shown.

Every page runs under the site's Content-Security-Policy, where axe finds nothing to fix
(WCAG 2.2 AA): the framework, the diagnostic and its errors, the result with its chart, the
plan and its errors, the answer form and the organisational results."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from academy import roles
from cms_pages.models import Theme
from competencies import services
from competencies.models import SelfAssessment
from tests.competencies.conftest import published_framework
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    champion,
    module,
    officer_of,
    programme_of_modules,
)

from .helpers import BrowserProblems, error_summary, sign_in, submit, success_banner

pytestmark = pytest.mark.browser

VISION = "Setting a digital vision"
DATA = "Making decisions with data"
GOVERNING = "Governing digital investment"
PARTNERING = "Partnering across the place"
LEVELS = {1: "Awareness", 2: "Working", 3: "Practitioner", 4: "Expert"}
MODULE = "Data for decision makers"
NOTHING_RATED = "Say where you are now on at least one competency before you finish."


def question(page: Page, asked: str, competency: str):
    """One rating question: a fieldset whose legend names the competency for screen readers."""
    return page.get_by_role("group", name=f"{asked} ({competency}) (optional)", exact=True)


def point(group, value: int):
    return group.get_by_label(f"{value}. {LEVELS[value]}", exact=True)


def rate(page: Page, competency: str, now=None, need=None, *, council=False) -> None:
    """Choose where you (or the council) are now and need to be on one competency."""
    asked_now, asked_need = (
        ("Where is the council now?", "Where does it need to be?")
        if council
        else ("Where are you now?", "Where do you need to be?")
    )
    if now is not None:
        point(question(page, asked_now, competency), now).check()
    if need is not None:
        point(question(page, asked_need, competency), need).check()


def fill_date(group, day) -> None:
    group.get_by_label("Day", exact=True).fill(str(day.day))
    group.get_by_label("Month", exact=True).fill(str(day.month))
    group.get_by_label("Year", exact=True).fill(str(day.year))


def row_of(scope: Page | Locator, name: str):
    """The row of a table (or of the page) headed `name`."""
    page = scope if isinstance(scope, Page) else scope.page
    return scope.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True))


def cells(row) -> list[str]:
    return [text.strip() for text in row.get_by_role("cell").all_inner_texts()]


def named(action: str, what: str) -> re.Pattern:
    """A button's name: what it does, then (hidden but for screen readers) what to."""
    return re.compile(rf"^{re.escape(action)}\s*:\s*{re.escape(what)}$")


def press(page: Page, action: str, what: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=named(action, what)).click()


def goal_section(page: Page, competency: str):
    return page.locator(".academy-competency").filter(
        has=page.get_by_role("heading", name=competency, level=2, exact=True)
    )


def expect_the_chart(page: Page, title: str):
    """The chart is an image named by its own title, which summarises it."""
    chart = page.get_by_role("img", name=re.compile(f"^{re.escape(title)}"))
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("aria-labelledby", re.compile(r"-title$"))
    return chart


def the_data_competency(framework):
    """The data competency has the data theme and a live module written for it."""
    competency = framework.competencies.get(name=DATA)
    competency.themes.set([Theme.objects.get(slug="data")])
    competency.modules.set([module(programme_of_modules(), title=MODULE)])
    competency.save()  # parental many-to-many fields are written when it is saved
    return competency


def test_an_officer_takes_the_diagnostic_plans_for_the_gaps_and_takes_it_again(
    strict_page, problems
):
    framework = published_framework()
    the_data_competency(framework)
    data_champion = champion(
        UserFactory(full_name="Amara Nwosu", job_title="Chief digital officer"),
        themes=[Theme.objects.get(slug="data")],
    )
    champion(UserFactory(full_name="Tom Reid"), themes=[Theme.objects.get(slug="inclusion")])
    person = UserFactory(full_name="Sam Okafor", role=roles.SENIOR_OFFICER)
    today = timezone.localdate()
    page = strict_page

    # The framework, with its competencies and the behaviours that illustrate them.
    sign_in(page, person)
    page.goto("/competencies/")
    expect(
        page.get_by_role("heading", name="Digital leadership competency framework", level=1)
    ).to_be_visible()
    expect(page.get_by_role("heading", name=DATA, level=3)).to_be_visible()
    expect(
        page.get_by_text("Practitioner: Explains making decisions with data to the cabinet")
    ).to_be_visible()
    problems.assert_none()

    # The diagnostic: finishing with nothing rated is refused.
    page.get_by_role("link", name="Take the diagnostic").click()
    expect(
        page.get_by_role("heading", name="Your digital leadership diagnostic", level=1)
    ).to_be_visible()
    # Each point of the scale is anchored by a behaviour, or by the scale's own hint.
    vision_now = question(page, "Where are you now?", VISION)
    expect(point(vision_now, 3)).to_have_accessible_description(
        "Explains setting a digital vision to the cabinet without jargon."
    )
    expect(point(vision_now, 1)).to_have_accessible_description(
        "You know what it is and why it matters."
    )
    expect(page.get_by_text("Asks others about setting a digital vision.")).to_be_visible()
    problems.assert_none()
    submit(page, "Finish and see my result")
    expect(error_summary(page)).to_contain_text("There is a problem")
    expect(error_summary(page)).to_contain_text(NOTHING_RATED)
    expect(page).to_have_title(re.compile("^Error: Your digital leadership diagnostic"))
    problems.assert_none()  # axe on the error state

    # Only where they need to be is not enough either, and what they chose stays chosen.
    rate(page, DATA, need=4)
    rate(page, GOVERNING, need=3)
    submit(page, "Finish and see my result")
    expect(error_summary(page)).to_contain_text(NOTHING_RATED)
    expect(point(question(page, "Where do you need to be?", DATA), 4)).to_be_checked()
    expect(point(question(page, "Where do you need to be?", GOVERNING), 3)).to_be_checked()
    problems.assert_none()
    error_summary(page).get_by_role("link", name=NOTHING_RATED).click()
    expect(point(vision_now, 1)).to_be_focused()

    # They rate themselves on every competency and finish.
    rate(page, VISION, now=3, need=3)
    rate(page, DATA, now=1)
    rate(page, GOVERNING, now=2)
    rate(page, PARTNERING, now=4, need=4)
    submit(page, "Finish and see my result")
    expect(success_banner(page)).to_contain_text(
        "Your diagnostic is finished. Here is where you stand."
    )
    expect(page.get_by_role("heading", name="Your strengths and gaps", level=1)).to_be_visible()
    strengths = page.locator(".govuk-grid-column-one-half").filter(
        has=page.get_by_role("heading", name="Your strengths")
    )
    expect(strengths.get_by_role("listitem")).to_have_text(
        [f"{PARTNERING}: Expert", f"{VISION}: Practitioner"]
    )
    gaps = page.locator(".govuk-grid-column-one-half").filter(
        has=page.get_by_role("heading", name="Your biggest gaps")
    )
    expect(gaps.get_by_role("listitem")).to_have_text(
        [f"{DATA}: Awareness, needs Expert", f"{GOVERNING}: Working, needs Practitioner"]
    )
    expect_the_chart(
        page,
        "Chart of where you are now and where you need to be on 4 competencies. "
        "2 strengths, 2 gaps, 0 skipped.",
    )
    table = page.get_by_role("table", name="Your ratings")
    expect(table.get_by_role("columnheader")).to_have_text(["Competency", "Now", "Needed", "Gap"])
    assert cells(row_of(page, DATA)) == ["Awareness", "Expert", "3 to go"]
    assert cells(row_of(page, VISION)) == ["Practitioner", "Practitioner", "None"]
    problems.assert_none()  # axe on the result, chart included

    # A plan for the biggest gaps, with what the academy recommends for each.
    submit(page, "Make a plan for my biggest gaps")
    expect(success_banner(page)).to_contain_text(
        "2 of your biggest gaps are in your plan, with what the academy recommends."
    )
    expect(page.get_by_role("heading", name="Your development plan", level=1)).to_be_visible()
    data_goal = goal_section(page, DATA)
    expect(data_goal).to_contain_text("Now Awareness, aiming for Expert.")
    recommended = data_goal.get_by_role("listitem")
    expect(recommended).to_have_count(2)  # the module first, then the champion who knows data
    expect(recommended.nth(0)).to_contain_text("Module")
    expect(recommended.nth(0).get_by_role("link", name=MODULE)).to_be_visible()
    expect(recommended.nth(0)).to_contain_text(f"Why: Written to build “{DATA}”")
    expect(recommended.nth(1)).to_contain_text("Digital champion")
    expect(recommended.nth(1).get_by_role("link", name="Amara Nwosu")).to_have_attribute(
        "href", f"/champions/{data_champion.slug}/"
    )
    expect(recommended.nth(1)).to_contain_text("Why: Knows about Data")
    expect(data_goal.get_by_text("Tom Reid")).to_have_count(0)
    expect(goal_section(page, GOVERNING)).to_contain_text(
        "Nothing in the academy matches this competency yet."
    )
    problems.assert_none()  # axe on the plan with its recommendations

    # They take the module, to do within 2 weeks.
    recommended.nth(0).get_by_label("2 weeks", exact=True).check()
    press(page, "Add to the plan", MODULE)
    due = today + timedelta(weeks=2)
    expect(success_banner(page)).to_contain_text(f"is in the plan, to do by {due:%-d %B %Y}.")
    data_goal = goal_section(page, DATA)
    actions = data_goal.get_by_role("table", name=f"Actions for {DATA}")
    module_row = actions.get_by_role("row").filter(has_text=MODULE)
    expect(module_row).to_contain_text(f"{due:%-d %b %Y}")
    expect(module_row).to_contain_text("To do")
    expect(data_goal.get_by_role("listitem").nth(0)).to_contain_text("In the plan")

    # An action of their own: a date in the past is refused, keeping what they typed.
    own = "Shadow the head of digital at the next design review"
    data_goal.get_by_text("Add an action of your own").click()
    data_goal.get_by_label("What will you do?").fill(own)
    fill_date(data_goal.get_by_role("group", name="Do it by"), today - timedelta(days=1))
    submit(page, "Add the action")
    expect(error_summary(page)).to_contain_text("Choose a date from today to three years from now.")
    expect(page).to_have_title(re.compile("^Error: Your development plan"))
    data_goal = goal_section(page, DATA)
    expect(data_goal.get_by_label("What will you do?")).to_have_value(own)
    expect(data_goal.get_by_role("group", name="Do it by")).to_contain_text(
        "Error: Choose a date from today to three years from now."
    )
    problems.assert_none()  # axe on the plan with its errors
    fill_date(data_goal.get_by_role("group", name="Do it by"), today + timedelta(days=30))
    submit(page, "Add the action")
    expect(success_banner(page)).to_contain_text("The action is in the plan.")
    expect(page.get_by_text("0 of 2 actions done (0%)")).to_be_visible()

    # They tick their own action off and see their progress.
    press(page, "Done", own)
    expect(success_banner(page)).to_contain_text(f"Ticked off: {own}")
    expect(page.get_by_text("1 of 2 actions done (50%)")).to_be_visible()
    data_goal = goal_section(page, DATA)
    expect(data_goal).to_contain_text("Now Awareness, aiming for Expert. 1 of 2 done.")
    own_row = data_goal.get_by_role("row").filter(has_text=own)
    expect(own_row).to_contain_text("Done")
    expect(own_row).to_contain_text("Your own action")
    expect(own_row.get_by_role("button", name=named("Not done", own))).to_be_visible()
    problems.assert_none()

    # A month later they take it again; the new result compares with the last one.
    month_ago = timezone.localtime() - timedelta(days=30)
    SelfAssessment.objects.filter(person=person).update(
        started_at=month_ago, submitted_at=month_ago
    )
    page.goto("/competencies/results/")
    page.get_by_role("link", name="Take the diagnostic again").click()
    expect(
        page.get_by_text(f"You last finished the diagnostic on {month_ago:%-d %B %Y}.")
    ).to_be_visible()
    rate(page, VISION, now=3, need=3)
    rate(page, DATA, now=2, need=4)
    rate(page, GOVERNING, now=2, need=3)
    rate(page, PARTNERING, now=3, need=4)
    submit(page, "Finish and see my result")
    table = page.get_by_role(
        "table", name=f"Your ratings, and how they compare with {month_ago:%-d %B %Y}"
    )
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Competency", "Now", "Needed", "Gap", "Last time", "Change"]
    )
    assert cells(row_of(page, DATA))[-2:] == ["Awareness", "Up 1"]
    assert cells(row_of(page, VISION))[-1] == "Same"
    assert cells(row_of(page, PARTNERING))[-1] == "Down 1"
    problems.assert_none()  # axe on the comparison


def test_a_council_answers_its_diagnostic_together_and_sees_results_without_names(
    strict_page, problems, new_context, live_server
):
    framework = published_framework()
    competencies = {c.name: c for c in framework.competencies.all()}
    council = OrganisationFactory(name="Medway Council")
    coordinator = officer_of(council, full_name="Cara Coordinator")
    team = [
        officer_of(council, full_name=name, job_title="Director")
        for name in ("Dev Patel", "Jo Bloggs", "Kim Lee")
    ]
    closes_on = timezone.localdate() + timedelta(days=21)
    page = strict_page

    # The coordinator opens a diagnostic for the council and invites the leadership team.
    sign_in(page, coordinator)
    page.goto("/competencies/")
    page.get_by_role("link", name="Your council's diagnostic").click()
    expect(page.get_by_role("heading", name="Open a diagnostic for Medway Council")).to_be_visible()
    problems.assert_none()
    page.get_by_label("Title", exact=True).fill("Corporate leadership team, spring")
    fill_date(page.get_by_role("group", name="Answers close on"), closes_on)
    submit(page, "Open the diagnostic")
    expect(success_banner(page)).to_contain_text("“Corporate leadership team, spring” is open.")
    for person in team:
        page.get_by_label(f"{person.full_name}, Director", exact=True).check()
    submit(page, "Invite")
    expect(success_banner(page)).to_contain_text("3 people invited.")
    expect(page.get_by_text("0 of 3 invited people have answered.")).to_be_visible()
    problems.assert_none()
    diagnostic = coordinator.coordinated_diagnostics.get()

    # Two answer everything (through the service, as the form would)...
    governance = {
        "strategy_group": "partly",
        "architecture": "services",
        "information_owned": "no",
        "jointly_accountable": "partly",
        "outlook": "says-not-does",
    }
    for person, pairs in (
        (team[0], {VISION: (2, 4), DATA: (1, 3), GOVERNING: (3, 3), PARTNERING: (2, 3)}),
        (team[1], {VISION: (3, 4), DATA: (2, 3), GOVERNING: (3, 4), PARTNERING: (3, 3)}),
    ):
        services.answer(
            diagnostic=diagnostic,
            person=person,
            ratings={competencies[name].pk: pair for name, pair in pairs.items()},
            **governance,
        )

    # ...and the third answers in her own browser, skipping a competency and two questions.
    colleague = new_context().new_page()
    answering = BrowserProblems(colleague, live_server.url)
    sign_in(colleague, team[2])
    colleague.goto(f"/competencies/organisation/{diagnostic.pk}/")
    colleague.get_by_role("link", name="Give your answers").click()
    expect(
        colleague.get_by_role("heading", name="Corporate leadership team, spring", level=1)
    ).to_be_visible()
    answering.assert_none()  # axe on the answer form
    rate(colleague, VISION, now=1, need=3, council=True)
    rate(colleague, DATA, now=2, need=4, council=True)
    rate(colleague, GOVERNING, now=4, need=4, council=True)
    colleague.get_by_role(
        "group", name="Does a group own digital strategy, investment and priorities? (optional)"
    ).get_by_label("No group owns them").check()
    colleague.get_by_role(
        "group", name="Who decides the technical architecture and standards? (optional)"
    ).get_by_label("Each service, for itself").check()
    colleague.get_by_role(
        "group", name="Is information management owned by someone senior? (optional)"
    ).get_by_label("No", exact=True).check()
    submit(colleague, "Send my answers")
    expect(success_banner(colleague)).to_contain_text("Thank you: your answers are in.")
    expect(colleague.get_by_role("heading", name="You have answered")).to_be_visible()
    answering.assert_none()

    # The coordinator sees who answered (never what) and closes answering.
    page.reload()
    expect(page.get_by_text("3 of 3 invited people have answered.")).to_be_visible()
    submit(page, "Close answering and show the results")
    expect(success_banner(page)).to_contain_text("Answering has closed.")
    expect(
        page.get_by_role("heading", name="Results: Corporate leadership team, spring", level=1)
    ).to_be_visible()
    expect(page.get_by_text("3 of 3 people invited answered.")).to_be_visible()
    expect_the_chart(page, "Chart of what 3 people said about 4 competencies")
    table = page.get_by_role("table", name="The leadership team's answers, together")
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Competency", "Answered", "Now (median)", "Lowest to highest", "Needed (median)"]
    )
    assert cells(row_of(page, VISION)) == ["3", "2 (Working)", "1 to 3", "4 (Expert)"]
    assert cells(row_of(page, DATA)) == ["3", "2 (Working)", "1 to 2", "3 (Practitioner)"]
    assert cells(row_of(page, GOVERNING)) == ["3", "3 (Practitioner)", "3 to 4", "4 (Expert)"]
    assert cells(row_of(page, PARTNERING)) == ["2", "Too few answers to show"]
    strategy = page.get_by_role(
        "table", name="Does a group own digital strategy, investment and priorities?"
    )
    assert cells(row_of(strategy, "Partly: some of these are owned, or only informally")) == ["2"]
    assert cells(row_of(strategy, "No group owns them")) == ["1"]
    expect(
        page.get_by_role("table", name="How does the leadership team regard digital?")
    ).to_have_count(0)
    expect(
        page.get_by_text("Too few answers to show: fewer than 3 people answered this question.")
    ).to_have_count(2)  # the two questions she skipped
    main = page.get_by_role("main")
    for person in team:
        expect(main).not_to_contain_text(person.full_name)
    problems.assert_none()  # axe on the results, chart included

    # The colleague sees the same results, named by nobody.
    colleague.goto(f"/competencies/organisation/{diagnostic.pk}/results/")
    expect(row_of(colleague, VISION)).to_contain_text("1 to 3")
    for person in team:
        expect(colleague.get_by_role("main")).not_to_contain_text(person.full_name)
    answering.assert_none()


def test_with_javascript_off_the_diagnostic_is_answered_and_its_result_shown(new_context):
    published_framework()
    person = UserFactory(role=roles.SENIOR_OFFICER)
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, person)
    page.goto("/competencies/diagnostic/")
    submit(page, "Finish and see my result")
    expect(error_summary(page)).to_contain_text(NOTHING_RATED)
    rate(page, VISION, now=2, need=4)
    rate(page, DATA, now=3, need=3)
    submit(page, "Finish and see my result")
    expect(success_banner(page)).to_contain_text("Your diagnostic is finished.")
    expect_the_chart(page, "Chart of where you are now and where you need to be on 4 competencies")
    assert cells(row_of(page, VISION)) == ["Working", "Expert", "2 to go"]
    assert cells(row_of(page, PARTNERING)) == ["Skipped", "Skipped", "–"]
    expect(page.get_by_text("You skipped 2 of 4 competencies.")).to_be_visible()
