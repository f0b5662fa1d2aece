"""The digital champions network in a real browser. A member finds a champion in the
directory, asks them for mentoring (putting right an empty request first), and the champion
accepts from the link in their email; both log meetings, the member finishes the mentoring
with feedback and the champion gives theirs, each in their own browser. A member takes a
place at an open session and gives it back. axe finds nothing to fix on the directory, a
profile, the open sessions, the mentoring page and "Find a mentor", under the site's
Content-Security-Policy."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from champions.models import Mentoring
from cms_pages.models import Theme
from tests.factories import (
    UserFactory,
    champion,
    mentoring_under_way,
    open_session,
)

from .helpers import BrowserProblems, path_of, sign_in, submit, success_banner

pytestmark = pytest.mark.browser

DELIVERED = "Joined up care records across the county, so that a social worker sees one file."


def link_in(body: str, part: str) -> str:
    return path_of(re.search(rf"https?://\S*{part}\S*", body).group(0))


def email_to(person) -> mail.EmailMessage:
    """The last email sent to `person`; there must be one."""
    sent = [email for email in mail.outbox if email.to == [person.email]]
    assert sent, f"No email was sent to {person.email}"
    return sent[-1]


def status_of(page: Page):
    """The status tag under a mentoring page's heading (the phase banner has a tag too)."""
    return page.get_by_role("main").locator("h1 + p .govuk-tag")


def meeting_log(page: Page):
    return page.locator(".govuk-summary-card")


def feedback_from(page: Page, who: str):
    """The value of the feedback row headed `who` ("You", or the other person's name)."""
    row = page.locator(".govuk-summary-list__row").filter(
        has=page.locator("dt", has_text=re.compile(rf"^{re.escape(who)}$"))
    )
    return row.locator("dd")


def expect_feedback(page: Page, who: str, text: str) -> None:
    # innerText, so that the line break between how useful and the comment reads as a space
    expect(feedback_from(page, who)).to_have_text(text, use_inner_text=True)


def log_a_meeting(page: Page, on, summary: str, next_steps: str = "") -> None:
    page.get_by_label("Day", exact=True).fill(str(on.day))
    page.get_by_label("Month", exact=True).fill(str(on.month))
    page.get_by_label("Year", exact=True).fill(str(on.year))
    page.get_by_label("What you talked about").fill(summary)
    if next_steps:
        page.get_by_label(re.compile("^Next steps")).fill(next_steps)
    submit(page, "Add to the log")


def test_a_member_finds_a_champion_is_mentored_and_both_log_meetings_and_give_feedback(
    strict_page, problems, new_context, live_server
):
    data = Theme.objects.get(slug="data")
    the_champion = champion(
        UserFactory(full_name="Amara Nwosu", job_title="Chief digital officer"),
        themes=[data],
        delivered=DELIVERED,
    )
    champion(
        UserFactory(full_name="Tom Reid", job_title="Cabinet member for digital"),
        themes=[Theme.objects.get(slug="connectivity")],
    )
    mentee = UserFactory(full_name="Sam Okafor", job_title="Head of transformation")
    today = timezone.localdate()

    # The member searches the directory for what the champion did, and opens her profile.
    page = strict_page
    sign_in(page, mentee)
    page.goto("/champions/")
    expect(page.get_by_role("status")).to_have_text("2 champions")
    page.get_by_label("Search champions").fill("care records")
    submit(page, "Search")
    expect(page.get_by_role("status")).to_have_text("1 champion for ‘care records’")
    expect(page.get_by_role("link", name="Tom Reid")).to_have_count(0)
    problems.assert_none()
    page.get_by_role("link", name="Amara Nwosu").click()
    expect(page.get_by_role("heading", name="Amara Nwosu", level=1)).to_be_visible()
    expect(page.get_by_text(DELIVERED)).to_be_visible()
    expect(page.get_by_text("Amara is taking on mentees and has room for 2 more.")).to_be_visible()

    # She asks for mentoring, sending the form empty first.
    with page.expect_navigation():
        page.get_by_role("button", name="Ask for mentoring").click()
    expect(page.get_by_role("heading", name="Ask for mentoring", level=1)).to_be_visible()
    problems.assert_none()
    submit(page, "Send the request")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Say what you would like help with.")
    expect(summary).to_contain_text("Say what you want to achieve.")
    expect(page).to_have_title(re.compile("^Error: Ask Amara Nwosu for mentoring"))
    problems.assert_none()  # axe on the error state
    assert not Mentoring.objects.exists()
    page.get_by_label("What would you like help with?").fill("A data strategy")
    page.get_by_label("What do you want to achieve?").fill("A strategy the cabinet adopts.")
    page.get_by_label("Data", exact=True).check()
    submit(page, "Send the request")
    expect(success_banner(page)).to_contain_text("Your request is with Amara Nwosu.")
    expect(page.get_by_role("heading", name="A data strategy", level=1)).to_be_visible()
    expect(status_of(page)).to_have_text("Waiting for the champion")
    expect(page.get_by_role("button", name="Withdraw the request")).to_be_visible()
    expect(page.get_by_role("button", name="Send your answer")).to_have_count(0)
    problems.assert_none()

    # The champion, signed in in her own browser, answers from the link in her email.
    request_email = email_to(the_champion.person)
    assert "A strategy the cabinet adopts." in request_email.body
    champ = new_context().new_page()
    champ_problems = BrowserProblems(champ, live_server.url)
    sign_in(champ, the_champion.person)
    champ.goto(link_in(request_email.body, "/champions/mentoring/"))
    expect(champ.get_by_text("Mentoring Sam Okafor", exact=True)).to_be_visible()
    expect(status_of(champ)).to_have_text("Waiting for the champion")
    expect(champ.get_by_text("A strategy the cabinet adopts.")).to_be_visible()
    champ_problems.assert_none()
    champ.get_by_label("Yes, I will mentor them").check()
    champ.get_by_label(re.compile("^A message to them")).fill("Tuesdays suit me.")
    submit(champ, "Send your answer")
    expect(success_banner(champ)).to_contain_text("You are now mentoring Sam Okafor.")
    expect(status_of(champ)).to_have_text("Under way")
    expect(champ.get_by_text("No meetings logged yet.")).to_be_visible()
    champ_problems.assert_none()

    # The member is told and finds it under way, with the log and the forms to fill in.
    accepted_email = email_to(mentee)
    assert "Tuesdays suit me." in accepted_email.body
    page.goto(link_in(accepted_email.body, "/champions/mentoring/"))
    expect(status_of(page)).to_have_text("Under way")
    expect(page.get_by_text("Tuesdays suit me.")).to_be_visible()
    expect(page.get_by_role("button", name="Withdraw the request")).to_have_count(0)
    problems.assert_none()  # axe on the page under way, with its forms

    # Both log a meeting; a date still to come is refused.
    log_a_meeting(page, today, "Mapped the data we hold.", "Draft the case.")
    expect(success_banner(page)).to_contain_text("The meeting is in your log.")
    expect(meeting_log(page)).to_have_count(1)
    log_a_meeting(champ, today + timedelta(days=1), "Agreed a sponsor.")
    expect(champ.locator(".govuk-error-summary")).to_contain_text(
        "The date of the meeting cannot be in the future."
    )
    expect(champ.get_by_label("What you talked about")).to_have_value("Agreed a sponsor.")
    champ_problems.assert_none()
    log_a_meeting(champ, today, "Agreed a sponsor.")
    expect(success_banner(champ)).to_contain_text("The meeting is in your log.")
    page.reload()
    for viewer in (page, champ):
        entries = meeting_log(viewer)
        expect(entries).to_have_count(2)
        expect(entries.filter(has_text="Mapped the data we hold.")).to_contain_text(
            "Draft the case."
        )
        expect(entries.filter(has_text="Mapped the data we hold.")).to_contain_text("Sam Okafor")
        expect(entries.filter(has_text="Agreed a sponsor.")).to_contain_text("Amara Nwosu")
        expect(entries.first).to_contain_text(f"{today:%-d %B %Y}")

    # The member finishes the mentoring, saying how useful it was.
    submit(page, "Finish the mentoring")  # without saying
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose how useful the mentoring was."
    )
    problems.assert_none()
    page.get_by_label("Very useful").check()
    page.get_by_label(re.compile("^Anything else to say")).fill("Exactly what I needed.")
    submit(page, "Finish the mentoring")
    expect(success_banner(page)).to_contain_text("The mentoring has finished.")
    expect(status_of(page)).to_have_text("Finished")
    expect_feedback(page, "You", "Very useful Exactly what I needed.")
    expect(page.get_by_role("button", name="Send your feedback")).to_have_count(0)
    expect(page.get_by_role("button", name="Add to the log")).to_have_count(0)
    expect(meeting_log(page)).to_have_count(2)  # the log stays to read
    problems.assert_none()

    # The champion is told, reads the member's feedback and gives her own.
    closed_email = email_to(the_champion.person)
    assert closed_email.subject == "Your mentoring has finished: how useful was it?"
    assert "Mapped the data we hold." not in closed_email.body  # the log stays on the site
    champ.goto(link_in(closed_email.body, "/champions/mentoring/"))
    expect(status_of(champ)).to_have_text("Finished")
    expect_feedback(champ, "Sam Okafor", "Very useful Exactly what I needed.")
    champ_problems.assert_none()  # axe on the feedback form
    champ.get_by_label("Quite useful").check()
    champ.get_by_label(re.compile("^Anything else to say")).fill("A well-prepared mentee.")
    submit(champ, "Send your feedback")
    expect(success_banner(champ)).to_contain_text("Thank you for your feedback.")
    expect_feedback(champ, "You", "Quite useful A well-prepared mentee.")
    expect(champ.get_by_role("button", name="Send your feedback")).to_have_count(0)
    champ_problems.assert_none()

    page.reload()
    expect_feedback(page, "Amara Nwosu", "Quite useful A well-prepared mentee.")
    expect_feedback(page, "You", "Very useful Exactly what I needed.")
    problems.assert_none()


def test_the_directory_profiles_sessions_mentoring_and_find_a_mentor_are_accessible(
    strict_page, problems
):
    data = Theme.objects.get(slug="data")
    the_champion = champion(
        UserFactory(full_name="Amara Nwosu", job_title="Chief digital officer"),
        themes=[data],
        delivered=DELIVERED,
    )
    champion(
        UserFactory(full_name="Tom Reid", job_title="Cabinet member for digital"),
        themes=[Theme.objects.get(slug="connectivity")],
    )
    session = open_session(the_champion, title="How we joined up care records")
    mentoring = mentoring_under_way(
        the_champion, UserFactory(full_name="Sam Okafor"), topic="A data strategy"
    )
    page = strict_page

    # The directory, then with a filter chosen.
    page.goto("/champions/")
    expect(page.get_by_role("status")).to_have_text("2 champions")
    problems.assert_none()
    page.get_by_label("Data (1)", exact=True).check()
    submit(page, "Apply filters")
    expect(page.get_by_role("status")).to_have_text("1 champion")
    expect(page.get_by_role("link", name="Tom Reid")).to_have_count(0)
    expect(page.get_by_role("link", name="Remove the filter Data")).to_be_visible()
    problems.assert_none()

    # A profile, with the session she hosts.
    page.get_by_role("link", name="Amara Nwosu").click()
    expect(page.get_by_role("heading", name="Amara Nwosu", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="How we joined up care records")).to_be_visible()
    problems.assert_none()

    # The open sessions and one session, as someone signed in sees them.
    sign_in(page, mentoring.mentee)
    page.goto("/champions/sessions/")
    expect(page.get_by_role("heading", name="Open sessions", level=1)).to_be_visible()
    expect(page.get_by_text("20 places, 0 taken")).to_be_visible()
    problems.assert_none()
    page.get_by_role("link", name="How we joined up care records").click()
    expect(page).to_have_url(re.compile(rf"/champions/sessions/{session.pk}/$"))
    expect(page.get_by_role("button", name="Register for a place")).to_be_visible()
    problems.assert_none()

    # The mentoring page under way, with its forms.
    page.goto(f"/champions/mentoring/{mentoring.pk}/")
    expect(status_of(page)).to_have_text("Under way")
    expect(page.get_by_role("button", name="Add to the log")).to_be_visible()
    expect(page.get_by_role("button", name="Finish the mentoring")).to_be_visible()
    problems.assert_none()

    # "Find a mentor", with suggestions for a theme (never the champion already mentoring her).
    page.goto("/champions/mentoring/find/")
    page.get_by_label("Data", exact=True).check()
    page.get_by_label("Connectivity", exact=True).check()
    submit(page, "Suggest champions")
    expect(page.get_by_role("status")).to_have_text("1 suggested champion")
    expect(page.get_by_role("link", name="Ask Tom for mentoring")).to_be_visible()
    expect(page.get_by_text("Why: Knows about Connectivity")).to_be_visible()
    problems.assert_none()


def test_a_member_registers_for_an_open_session_and_cancels_the_place(strict_page, problems):
    host = champion(UserFactory(full_name="Amara Nwosu"))
    open_session(host, title="How we joined up care records", capacity=20)
    member = UserFactory(full_name="Sam Okafor")
    page = strict_page

    sign_in(page, member)
    page.goto("/champions/sessions/")
    page.get_by_role("link", name="How we joined up care records").click()
    places = page.locator(".govuk-summary-list__row").filter(has_text="Places").locator("dd")
    expect(places).to_have_text("20 left of 20")
    expect(page.get_by_role("link", name="Join online")).to_have_count(0)

    submit(page, "Register for a place")
    expect(success_banner(page)).to_contain_text("You are registered.")
    expect(page.get_by_role("main").get_by_text("You are registered", exact=True)).to_be_visible()
    expect(places).to_have_text("19 left of 20")
    expect(page.get_by_role("link", name="Join online")).to_be_visible()
    expect(page.get_by_role("button", name="Register for a place")).to_have_count(0)
    expect(page.get_by_role("heading", name="Who is registered")).to_have_count(0)  # host's
    assert email_to(member).subject.startswith("Your place: How we joined up care records")
    problems.assert_none()
    page.get_by_role("link", name="Open sessions").click()
    listed = page.get_by_role("listitem").filter(has_text="How we joined up care records")
    expect(listed.get_by_text("You are registered", exact=True)).to_be_visible()
    listed.get_by_role("link", name="How we joined up care records").click()

    submit(page, "Cancel my place")
    expect(success_banner(page)).to_contain_text("You have given up your place.")
    expect(places).to_have_text("20 left of 20")
    expect(page.get_by_role("button", name="Register for a place")).to_be_visible()
    expect(page.get_by_role("link", name="Join online")).to_have_count(0)
    problems.assert_none()
