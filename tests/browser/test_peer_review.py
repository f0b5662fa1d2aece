"""A peer challenge in a real browser, from scoping to a published report and an action plan,
each step done by the person whose job it is, each signed in in their own browser: the LGA
manager moves the review from stage to stage; the council's nominated contact drafts and
submits the position statement (a submission with a question unanswered is refused, and
what was typed stays on the form); the lead peer records a strength and a recommendation,
which is refused until it signposts good practice found with the search box; the manager
writes the summary and sends the draft; the contact points out a factual error, which the
manager accepts, and agrees the report; the manager publishes it; anyone can then read it,
corrected, with its signpost; the contact adds an action and submits the plan.

Every page runs under the site's Content-Security-Policy, where axe finds nothing to fix
(WCAG 2.2 AA): among them the position statement form (with its errors too), the findings
and the finding form, and the report as the manager drafts it, as the council checks it and
as the public reads it. Every step is an ordinary form that posts; the good-practice search
is a button of the finding form, so it keeps what was written."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from peer_review.models import Review
from tests.factories import case_study, peer_review_at

from .helpers import BrowserProblems, error_summary, sign_in, submit, success_banner

pytestmark = pytest.mark.browser

PRACTICE = "A digital board that owns the strategy"
STRENGTH = "A chief executive who speaks for digital at every staff briefing."
WRONG = "Set up a digital board, as the 2019 strategy promised, to own investment."
RIGHT = "Set up a digital board, as the 2021 strategy promised, to own investment."


def important(page: Page):
    return page.locator(".govuk-notification-banner:not(.govuk-notification-banner--success)")


def browser_for(new_context, live_server, person=None) -> tuple[Page, BrowserProblems]:
    """A browser of one's own, signed in as `person` (or nobody), watched for problems."""
    page = new_context().new_page()
    problems = BrowserProblems(page, live_server.url)
    if person is not None:
        sign_in(page, person)
    return page, problems


def move_on(page: Page, review: Review, stage: str) -> None:
    """The manager moves the review on from its overview."""
    page.goto(f"/peer-challenge/{review.pk}/")
    submit(page, f"Move on to the {stage} stage")
    expect(success_banner(page)).to_contain_text(f"The review is now at the {stage} stage.")


def test_a_peer_challenge_from_scoping_to_a_published_report_and_its_action_plan(
    new_context, live_server
):
    people = peer_review_at("scoping")
    review = people.review
    first, second = people.asked
    case_study(title=PRACTICE, summary="A board of members and officers owns digital spending.")
    case_study(title="Text alerts before the mobile library arrives")
    report_path = f"/peer-challenge/{review.pk}/report/"

    # The manager asks the council for its position statement.
    manager, managing = browser_for(new_context, live_server, people.manager)
    manager.goto(f"/peer-challenge/{review.pk}/")
    expect(manager.get_by_role("heading", name=str(review.council), level=1)).to_be_visible()
    expect(manager.get_by_text(first.version.text)).to_be_visible()
    managing.assert_none()
    move_on(manager, review, "position statement")

    # The council's contact saves a draft, is refused a submission with an answer missing
    # (keeping what she typed), then answers everything and submits.
    contact, contacting = browser_for(new_context, live_server, people.contact)
    contact.goto(f"/peer-challenge/{review.pk}/")
    contact.get_by_role("link", name="position statement").first.click()
    expect(contact.get_by_role("heading", name="Position statement")).to_be_visible()
    contacting.assert_none()
    overview = contact.get_by_label(re.compile("^The council in its own words"))
    first_answer = contact.get_by_label(re.compile(f"^{re.escape(first.version.text)}"))
    second_answer = contact.get_by_label(re.compile(f"^{re.escape(second.version.text)}"))
    overview.fill("A rural council starting out on digital.")
    first_answer.fill("The chief executive leads, with a digital board.")
    submit(contact, "Save as a draft")
    expect(success_banner(contact)).to_contain_text("Your draft is saved.")
    expect(first_answer).to_have_value("The chief executive leads, with a digital board.")
    first_answer.fill("The chief executive leads; the board meets monthly.")
    submit(contact, "Submit to the peer team")
    expect(error_summary(contact)).to_contain_text("There is a problem")
    expect(error_summary(contact)).to_contain_text(
        "Answer every question before you submit: 1 is not answered yet."
    )
    expect(first_answer).to_have_value("The chief executive leads; the board meets monthly.")
    expect(overview).to_have_value("A rural council starting out on digital.")
    contacting.assert_none()  # the form with its errors shown
    second_answer.fill("An architecture board of the heads of service.")
    submit(contact, "Submit to the peer team")
    expect(success_banner(contact)).to_contain_text("The position statement is submitted.")

    # The manager sends the team on site.
    move_on(manager, review, "on site")

    # The lead peer records a strength, then a recommendation: refused without a signpost,
    # then saved with the good practice the search box finds.
    lead, leading = browser_for(new_context, live_server, people.lead)
    lead.goto(f"/peer-challenge/{review.pk}/findings/")
    expect(lead.get_by_role("heading", name="Findings", level=2)).to_be_visible()
    leading.assert_none()
    lead.get_by_role("link", name=f"Add a finding on {first.question.code}").click()
    expect(lead.get_by_role("heading", name="Add a finding", level=1)).to_be_visible()
    expect(lead.get_by_text("The council said: The chief executive leads;")).to_be_visible()
    leading.assert_none()
    lead.get_by_label("Strength", exact=True).check()
    lead.get_by_label("Finding", exact=True).fill(STRENGTH)
    submit(lead, "Save the finding")
    expect(success_banner(lead)).to_contain_text("The finding is saved.")
    expect(lead.get_by_text(STRENGTH)).to_be_visible()

    lead.get_by_role("link", name=f"Add a finding on {second.question.code}").click()
    expect(lead.get_by_label(PRACTICE)).to_have_count(0)  # nothing is offered yet
    lead.get_by_label("Recommendation", exact=True).check()
    lead.get_by_label("Finding", exact=True).fill(WRONG)
    submit(lead, "Save the finding")
    expect(error_summary(lead)).to_contain_text(
        "Signpost at least one piece of good practice for a recommendation."
    )
    expect(lead.get_by_label("Finding", exact=True)).to_have_value(WRONG)
    leading.assert_none()  # the finding form with its errors shown
    lead.get_by_label("Find more good practice to signpost").fill("digital board")
    submit(lead, "Search")
    expect(lead.get_by_label(PRACTICE)).to_be_visible()
    expect(lead.get_by_label("Text alerts before the mobile library arrives")).to_have_count(0)
    # The search kept what was written, and asks for nothing to be fixed yet.
    expect(lead.get_by_label("Finding", exact=True)).to_have_value(WRONG)
    expect(lead.get_by_label("Recommendation", exact=True)).to_be_checked()
    expect(error_summary(lead)).to_have_count(0)
    leading.assert_none()
    lead.get_by_label(PRACTICE).check()
    submit(lead, "Save the finding")
    expect(success_banner(lead)).to_contain_text("The finding is saved.")
    expect(lead.get_by_role("link", name=PRACTICE)).to_be_visible()
    leading.assert_none()

    # The manager moves on through the feedback to the report, writes the summary and
    # sends the draft to the council.
    move_on(manager, review, "feedback")
    move_on(manager, review, "report")
    manager.goto(report_path)
    expect(manager.get_by_role("heading", name="Draft report")).to_be_visible()
    managing.assert_none()  # the draft with the summary form
    manager.get_by_label(re.compile("^Summary")).fill("A council ready to lead on digital.")
    submit(manager, "Send the draft to the council to check")
    expect(success_banner(manager)).to_contain_text(
        "The draft report is sent to the council to check for factual errors."
    )

    # The contact points out a factual error; she cannot agree until it is decided.
    contact.goto(report_path)
    expect(contact.get_by_text("A council ready to lead on digital.")).to_be_visible()
    contacting.assert_none()  # the draft as the council checks it
    contact.get_by_role("link", name="Point out a factual error in this recommendation").click()
    expect(contact.get_by_role("heading", name="Point out a factual error")).to_be_visible()
    contact.get_by_label("What is factually wrong").fill("Our strategy is from 2021, not 2019.")
    contact.get_by_label("Corrected wording").fill(RIGHT)
    contacting.assert_none()
    submit(contact, "Send the correction")
    expect(success_banner(contact)).to_contain_text(
        "Your correction is sent to the peer challenge manager."
    )
    expect(contact.get_by_text("1 correction still waiting for the manager.")).to_be_visible()
    submit(contact, "Agree the report may be published")
    expect(important(contact)).to_contain_text("The manager has not decided every correction yet.")

    # The manager accepts the correction; the contact agrees; the manager publishes.
    manager.goto(report_path)
    manager.get_by_role("link", name=re.compile("^Decide on the correction")).click()
    expect(manager.get_by_role("heading", name="Decide on a correction")).to_be_visible()
    manager.get_by_label("Accept: the finding takes the corrected wording").check()
    managing.assert_none()
    submit(manager, "Save the decision")
    expect(success_banner(manager)).to_contain_text("The correction is decided.")
    expect(manager.get_by_text(RIGHT).first).to_be_visible()

    contact.goto(report_path)
    submit(contact, "Agree the report may be published")
    expect(success_banner(contact)).to_contain_text("The manager can now publish the report.")

    visitor, visiting = browser_for(new_context, live_server)
    assert visitor.goto(report_path).status == 404  # not public until it is published

    manager.goto(report_path)
    submit(manager, "Publish the report")
    expect(success_banner(manager)).to_contain_text("The report is published.")
    managing.assert_none()

    # Anyone reads the published report: corrected, with its signpost, without the
    # council's corrections.
    visitor.goto("/peer-challenge/reports/")
    visitor.get_by_role("link", name=re.compile(re.escape(str(review.council)))).first.click()
    expect(visitor.get_by_role("heading", name="Report", exact=True)).to_be_visible()
    expect(visitor.get_by_text("A council ready to lead on digital.")).to_be_visible()
    expect(visitor.get_by_text(STRENGTH)).to_be_visible()
    expect(visitor.get_by_text(RIGHT)).to_be_visible()
    expect(visitor.get_by_text(WRONG)).to_have_count(0)
    expect(visitor.get_by_role("heading", name="Factual corrections")).to_have_count(0)
    visiting.assert_none()  # the published report
    visitor.get_by_role("link", name=PRACTICE).click()
    expect(visitor.get_by_role("heading", name=PRACTICE, level=1)).to_be_visible()
    pdf = visitor.request.get(f"/peer-challenge/{review.pk}/report.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"

    # The contact adds an action answering the recommendation and submits the plan.
    due = timezone.localdate() + timedelta(days=90)
    contact.goto(f"/peer-challenge/{review.pk}/action-plan/")
    expect(contact.get_by_role("heading", name="Action plan", level=2)).to_be_visible()
    expect(contact.get_by_text("No actions yet.")).to_be_visible()
    contacting.assert_none()
    contact.get_by_label("Action", exact=True).fill("Charter the digital board.")
    contact.get_by_label("Owner", exact=True).fill("Chief executive")
    date = contact.get_by_role("group", name="Due by")
    date.get_by_label("Day").fill(str(due.day))
    date.get_by_label("Month").fill(str(due.month))
    date.get_by_label("Year").fill(str(due.year))
    contact.get_by_label(re.compile("^Recommendation it answers")).select_option(label=RIGHT)
    contact.get_by_label("In progress").check()
    submit(contact, "Save the action")
    expect(success_banner(contact)).to_contain_text("The action is saved.")
    row = contact.get_by_role("row").filter(has_text="Charter the digital board.")
    expect(row).to_contain_text("Chief executive")
    expect(row).to_contain_text("In progress")
    expect(row).to_contain_text(f"Answers: {RIGHT[:30]}")
    submit(contact, "Submit the action plan")
    expect(success_banner(contact)).to_contain_text("The action plan is submitted.")
    expect(contact.get_by_text(re.compile("^Submitted on "))).to_be_visible()
    contacting.assert_none()

    review.refresh_from_db()
    assert review.stage == Review.Stage.ACTION_PLAN
    assert review.action_plan_submitted_at is not None
