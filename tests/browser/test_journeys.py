"""Whole journeys, in a real browser, as the people who use the academy would notice them.

These pages run with the site's own Content-Security-Policy, and every journey ends by checking
that the browser reported nothing wrong: no console errors, no uncaught exceptions, no
requests to other sites.
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from academy import roles, services
from academy.demo import DEMO_PASSWORD, load_demo
from cms_pages.models import ProgrammePage
from tests.factories import UserFactory, home_page, lga_administrator

from .helpers import BrowserProblems, path_of, sign_in, submit

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a-long-and-memorable-passphrase"
ADMIN_SIDEBAR = "#wagtail-sidebar"  # on every page of the Wagtail admin


def councillor(**fields):
    return UserFactory(role=roles.COUNCILLOR, political_group="independent", **fields)


def test_councillor_signs_in_and_changes_their_job_title(strict_page, problems):
    page = strict_page
    person = councillor(job_title="Cabinet member")

    sign_in(page, person)

    assert path_of(page.url) == "/account/profile/"
    expect(page.get_by_role("heading", name="Your profile", level=1)).to_be_visible()
    page.get_by_label("Job title").fill("Cabinet member for digital and customer services")
    submit(page, "Save changes")

    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Job title")).to_have_value(
        "Cabinet member for digital and customer services"
    )
    expect(page.get_by_text("Your profile has been saved.")).to_have_count(0)
    person.refresh_from_db()
    assert person.job_title == "Cabinet member for digital and customer services"
    problems.assert_none()


def test_councillor_is_kept_out_of_the_wagtail_admin(strict_page, problems):
    page = strict_page
    home_page()
    sign_in(page, councillor())

    try:
        response = page.goto("/admin/")
    except PlaywrightError as error:
        response, reason = None, error.message.splitlines()[0]
    if response is None:
        pytest.fail(
            f"A councillor who opens /admin/ reaches no page at all: {reason}. The admin sends"
            " them to sign in, and sign-in sends a signed-in person straight back to"
            " ?next=/admin/.",
            pytrace=False,
        )

    refused = response.status == 403
    sent_to_sign_in = path_of(page.url).startswith("/account/sign-in/")
    assert refused or sent_to_sign_in, f"{response.status} at {page.url}"
    assert "Wagtail" not in page.title()
    expect(page.locator(ADMIN_SIDEBAR)).to_have_count(0)
    problems.assert_none()


def test_lga_administrator_reaches_the_wagtail_dashboard(strict_page, problems):
    page = strict_page
    sign_in(page, lga_administrator())

    response = page.goto("/admin/")

    assert response.status == 200
    assert path_of(page.url) == "/admin/"
    expect(page).to_have_title(re.compile(r"^Dashboard"))
    expect(page.locator(ADMIN_SIDEBAR)).to_have_count(1)
    problems.assert_none()


def test_invitee_accepts_their_invitation_and_the_link_then_stops_working(
    strict_page, problems, live_server
):
    page = strict_page
    invitation = services.invite_person(
        email="sam.okafor@council.example",
        full_name="Sam Okafor",
        role=Group.objects.get(name=roles.SENIOR_OFFICER),
        by=lga_administrator(),
    )
    link = live_server.url + path_of(services.invitation_url(invitation))

    page.goto(link)
    expect(page.get_by_text("Welcome, Sam Okafor.")).to_be_visible()
    page.get_by_label("Create a password").fill(NEW_PASSWORD)
    page.get_by_label("Confirm your password").fill(NEW_PASSWORD)
    submit(page, "Create account")

    assert path_of(page.url) == "/account/profile/"
    expect(page.get_by_text("Your account is ready.")).to_be_visible()
    expect(page.get_by_text("sam.okafor@council.example")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    problems.assert_none()

    page.goto(link)

    expect(
        page.get_by_role("heading", name="There is a problem with this invitation")
    ).to_be_visible()
    problems.assert_none()


def test_signing_in_and_out_works_without_javascript(new_context, live_server):
    page = new_context(java_script_enabled=False).new_page()
    # axe is JavaScript: the same pages are checked with it in the other journeys
    problems = BrowserProblems(page, live_server.url, run_axe=False)
    home_page()
    sign_in(page, councillor())

    assert path_of(page.url) == "/account/profile/"
    expect(page.get_by_role("heading", name="Your profile", level=1)).to_be_visible()
    submit(page, "Sign out")

    assert path_of(page.url) == "/"
    navigation = page.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="Sign in")).to_be_visible()
    expect(navigation.get_by_role("button", name="Sign out")).to_have_count(0)
    page.goto("/account/profile/")
    assert path_of(page.url).startswith("/account/sign-in/")
    problems.assert_none()


def test_pages_load_their_assets_and_scripts_without_browser_errors(strict_page, problems):
    """Each page, signed out and signed in, with its error states: the site's own CSS and
    JavaScript load under its Content-Security-Policy, and nothing complains."""
    page = strict_page
    load_demo()
    programme_pages = [part.url for part in ProgrammePage.objects.live().order_by("path")]
    assert len(programme_pages) == 7

    def visit(path, status=200):
        response = page.goto(path)
        assert response.status == status, f"{path} answered {response.status}"
        check_page(path)

    def check_page(path):
        scripted = page.evaluate("() => document.body.classList.contains('js-enabled')")
        assert scripted, f"academy.js did not run on {path}"
        problems.assert_none()

    for path in ["/", *programme_pages, "/account/sign-in/", "/account/password-reset/"]:
        visit(path)
    visit("/no-such-page/", status=404)

    page.goto("/account/password-reset/")
    submit(page, "Send the link")
    check_page("/account/password-reset/ with errors")
    page.get_by_label("Email address").fill("councillor@academy.example")
    submit(page, "Send the link")
    check_page("/account/password-reset/sent/")

    sign_in(page, "councillor@academy.example", password="not-the-password")
    check_page("/account/sign-in/ with errors")
    sign_in(page, "councillor@academy.example", password=DEMO_PASSWORD)
    check_page("/account/profile/")
    page.get_by_label("Full name").fill("")
    submit(page, "Save changes")
    check_page("/account/profile/ with errors")
    visit("/account/password/")
    submit(page, "Sign out")
    assert path_of(page.url) == "/"
    check_page("/ after signing out")
