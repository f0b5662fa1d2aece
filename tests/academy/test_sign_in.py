from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse

from academy import roles
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("account:sign-in")


def sign_in(client, email, password=TEST_PASSWORD, **extra):
    return client.post(SIGN_IN, {"username": email, "password": password}, **extra)


def test_sign_in_ignores_the_case_of_the_email_address(client, officer):
    assert sign_in(client, officer.email.upper()).status_code == 302


def test_wrong_password_gets_a_message_not_an_error(client, officer):
    response = sign_in(client, officer.email, "not-my-password")
    assert response.status_code == 200
    assert "The email address or password is not right." in response.content.decode()


def test_empty_form_says_what_is_missing(client):
    body = client.post(SIGN_IN, {}).content.decode()
    assert "Enter your email address." in body
    assert "Enter your password." in body


def test_signing_in_starts_a_new_session(client, officer):
    client.get(SIGN_IN)
    client.session.save()
    before = client.session.session_key
    sign_in(client, officer.email)
    assert client.session.session_key != before


def test_repeated_failures_lock_the_account_from_that_address_only(client, officer):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, officer.email, "guess", REMOTE_ADDR="10.0.0.1")

    locked = sign_in(client, officer.email, REMOTE_ADDR="10.0.0.1")
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    assert "for 15 minutes" in locked.content.decode()
    # The same account from another address, and another account from the same address, are
    # not locked: one shared council network cannot lock everyone out.
    assert sign_in(client, officer.email, REMOTE_ADDR="10.0.0.2").status_code == 302
    client.post(reverse("account:sign-out"))
    colleague = UserFactory()
    assert sign_in(client, colleague.email, REMOTE_ADDR="10.0.0.1").status_code == 302


def test_a_forwarded_for_header_does_not_reset_the_count(client, officer):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, officer.email, "guess", HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}")
    assert sign_in(client, officer.email).status_code == 429


def test_sign_out_needs_a_post_and_ends_the_session(client, officer):
    client.force_login(officer)
    assert client.get(reverse("account:sign-out")).status_code == 405
    response = client.post(reverse("account:sign-out"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_signed_in_person_visiting_sign_in_goes_to_their_profile(client, officer):
    client.force_login(officer)
    response = client.get(SIGN_IN)
    assert response.status_code == 302
    assert response.url == reverse("account:profile")


def test_signed_in_person_following_an_old_sign_in_link_goes_where_it_pointed(client, officer):
    client.force_login(officer)
    response = client.get(f"{SIGN_IN}?next=/account/password/")
    assert response.status_code == 302
    assert response.url == "/account/password/"


def test_sign_in_does_not_follow_a_next_link_to_another_site(client, officer):
    response = client.post(
        SIGN_IN + "?next=https://evil.example/",
        {"username": officer.email, "password": TEST_PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response.url == reverse("account:profile")


@pytest.mark.parametrize(
    "role",
    [
        roles.FACILITATOR,
        roles.PEER_REVIEWER,
        roles.DIGITAL_CHAMPION,
        roles.COUNCILLOR,
        roles.SENIOR_OFFICER,
    ],
)
def test_people_outside_lga_staff_get_no_wagtail_admin(client, role):
    client.force_login(UserFactory(role=role))
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert response.redirect_chain == [(f"{SIGN_IN}?next=/admin/", 302)]
    body = response.content.decode()
    assert "You cannot see this page" in body
    assert "You do not have permission to access the admin" in body
    assert client.get("/admin/pages/", follow=True).status_code == 403


@pytest.mark.parametrize("role", roles.LGA_STAFF_ROLES)
def test_lga_staff_reach_the_wagtail_admin(client, role):
    client.force_login(UserFactory(role=role))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"Dashboard" in response.content


def test_password_reset_emails_a_link_that_sets_a_new_password(
    client, officer, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account:password-reset"), {"email": officer.email.upper()})
    assert response.status_code == 302
    assert response.url == reverse("account:password-reset-sent")
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    link = next(line for line in body.splitlines() if "/account/password-reset/" in line)
    path = link.split("testserver", 1)[1]

    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"},
    )
    assert done.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password("a-brand-new-passphrase")
    # The link works once.
    assert "This link has expired" in client.get(path, follow=True).content.decode()


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, mailoutbox):
    response = client.post(reverse("account:password-reset"), {"email": "nobody@council.example"})
    assert response.status_code == 302
    assert mailoutbox == []


def test_password_reset_refuses_a_malformed_address(client):
    response = client.post(reverse("account:password-reset"), {"email": "not-an-address"})
    assert response.status_code == 200
    assert "Enter an email address in the correct format" in response.content.decode()


def test_failed_sign_ins_and_the_lockout_are_kept_for_the_audit(client, officer):
    from axes.models import AccessAttempt, AccessFailureLog

    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        sign_in(client, officer.email, "guess", REMOTE_ADDR="10.0.0.9", HTTP_USER_AGENT="Edge")

    failures = AccessFailureLog.objects.filter(username=officer.email, ip_address="10.0.0.9")
    assert failures.count() == settings.AXES_FAILURE_LIMIT + 1
    assert {f.user_agent for f in failures} == {"Edge"}
    assert failures.filter(locked_out=True).exists()
    attempt = AccessAttempt.objects.get(username=officer.email, ip_address="10.0.0.9")
    assert attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT


def test_a_session_ends_after_hours_without_a_request_not_while_in_use(client, officer):
    import time_machine
    from django.utils import timezone

    hours = settings.SESSION_COOKIE_AGE / 3600
    assert sign_in(client, officer.email).status_code == 302
    start = timezone.now()
    profile = reverse("account:profile")
    # In use: each request starts the count again, so a working day never signs anyone out.
    for step in (0.9, 1.8):
        with time_machine.travel(start + timedelta(hours=hours * step)):
            assert client.get(profile).status_code == 200
    # Left alone for longer than that: signed out.
    with time_machine.travel(start + timedelta(hours=hours * 2.9)):
        response = client.get(profile)
    assert response.status_code == 302
    assert response["Location"].startswith(SIGN_IN)


def test_deactivating_someone_ends_their_sessions_for_good(client, officer):
    other_browser = client.__class__()
    for browser in (client, other_browser):
        assert sign_in(browser, officer.email).status_code == 302
    profile = reverse("account:profile")

    officer.is_active = False
    officer.save()  # as an administrator unticking "active" in the admin does
    for browser in (client, other_browser):
        assert browser.get(profile).status_code == 302  # signed out

    # Active again: the old sessions stay ended; signing in again works.
    officer.is_active = True
    officer.save()
    assert client.get(profile).status_code == 302
    assert sign_in(other_browser, officer.email).status_code == 302
    assert other_browser.get(profile).status_code == 200


def test_people_never_deactivated_keep_their_sessions(client, officer):
    sign_in(client, officer.email)
    officer.job_title = "Director of digital"
    officer.save()
    assert client.get(reverse("account:profile")).status_code == 200
