"""axe-core finds nothing to fix, against WCAG 2.2 A and AA, on the pages people meet first.

Each test fails with the list of violations, so a failure names the rule and the element.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from academy import roles, services
from academy.demo import load_demo
from tests.factories import UserFactory, lga_administrator

from .helpers import assert_accessible, path_of, sign_in, submit

pytestmark = pytest.mark.browser


def test_content_pages(page):
    load_demo()

    for path in ["/", "/digital-academy/"]:
        response = page.goto(path)

        assert response.status == 200, path
        assert_accessible(page)


def test_page_not_found(page):
    response = page.goto("/no-such-page/")

    assert response.status == 404
    assert_accessible(page)


def test_sign_in_page(page):
    page.goto("/account/sign-in/")

    assert_accessible(page)


def test_sign_in_page_with_wrong_credentials(page):
    person = UserFactory(role=roles.COUNCILLOR, political_group="independent")

    sign_in(page, person, password="not-the-password")

    assert page.get_by_text("There is a problem").is_visible()
    assert_accessible(page)


def test_password_reset_page_and_its_error_state(page):
    page.goto("/account/password-reset/")
    assert_accessible(page)

    submit(page, "Send the link")

    assert page.get_by_text("Enter your email address.").first.is_visible()
    assert_accessible(page)


def test_check_your_email_page(page):
    person = UserFactory(role=roles.SENIOR_OFFICER)
    page.goto("/account/password-reset/")
    page.fill('input[name="email"]', person.email)

    submit(page, "Send the link")

    assert page.get_by_role("heading", name="Check your email").is_visible()
    assert_accessible(page)


def test_profile_page_and_its_error_state(page):
    person = UserFactory(role=roles.COUNCILLOR, political_group="independent")
    sign_in(page, person)
    page.goto("/account/profile/")
    assert_accessible(page)

    page.fill('input[name="full_name"]', "")
    submit(page, "Save changes")

    assert page.get_by_text("There is a problem").is_visible()
    assert_accessible(page)


def test_invitation_acceptance_page(page, live_server):
    invitation = services.invite_person(
        email="new.officer@council.example",
        full_name="Sam Okafor",
        role=Group.objects.get(name=roles.SENIOR_OFFICER),
        by=lga_administrator(),
    )

    page.goto(live_server.url + path_of(services.invitation_url(invitation)))

    assert page.get_by_role("heading", name="Create your account").is_visible()
    assert_accessible(page)


def test_password_change_page_and_its_error_state(page):
    sign_in(page, UserFactory(role=roles.SENIOR_OFFICER))
    page.goto("/account/password/")
    assert_accessible(page)

    submit(page, "Change password")

    assert page.get_by_text("Enter your current password.").first.is_visible()
    assert_accessible(page)


def test_choosing_a_new_password_from_the_reset_email(page, mailoutbox):
    person = UserFactory(role=roles.SENIOR_OFFICER)
    page.goto("/account/password-reset/")
    page.fill('input[name="email"]', person.email)
    submit(page, "Send the link")
    link = next(line for line in mailoutbox[-1].body.splitlines() if "password-reset" in line)

    page.goto(path_of(link))
    assert page.get_by_role("heading", name="Choose a new password").is_visible()
    assert_accessible(page)

    page.fill('input[name="new_password1"]', "a-long-new-passphrase")
    page.fill('input[name="new_password2"]', "a-different-passphrase")
    submit(page, "Save the new password")
    assert page.get_by_text("There is a problem").is_visible()
    assert_accessible(page)

    page.fill('input[name="new_password1"]', "a-long-new-passphrase")
    page.fill('input[name="new_password2"]', "a-long-new-passphrase")
    submit(page, "Save the new password")
    assert page.get_by_role("heading", name="Your password has been changed").is_visible()
    assert_accessible(page)


def test_locked_out_page(page):
    person = UserFactory(role=roles.SENIOR_OFFICER)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(page, person, password="a-wrong-guess")

    sign_in(page, person)

    assert page.get_by_role("heading", name="Too many attempts to sign in").is_visible()
    assert_accessible(page)


def test_withdrawn_invitation_page(page, live_server):
    administrator = lga_administrator()
    invitation = services.invite_person(
        email="withdrawn@council.example",
        full_name="Ola Nowak",
        role=Group.objects.get(name=roles.SENIOR_OFFICER),
        by=administrator,
    )
    services.withdraw_invitation(invitation=invitation, by=administrator)

    page.goto(live_server.url + path_of(services.invitation_url(invitation)))

    assert page.get_by_text("This invitation has been withdrawn.").is_visible()
    assert_accessible(page)


def test_admin_refusal_page_for_a_councillor(page):
    sign_in(page, UserFactory(role=roles.COUNCILLOR, political_group="independent"))

    response = page.goto("/admin/")

    assert response.status == 403
    assert page.get_by_role("heading", name="You cannot see this page").is_visible()
    assert_accessible(page)
