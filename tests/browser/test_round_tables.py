"""A round table in a real browser, from invitation to notes: an organiser invites a chief
executive by role and region; she accepts from the link in her email, agreeing to the
Chatham House rule, without signing in; she is reminded two days before; the organiser
registers who came, records notes (one flagged for naming her council) and sends them; she
reads them. axe finds nothing to fix on the answer page, the round table's page and the
organiser's pages, under the site's Content-Security-Policy."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from playwright.sync_api import expect

from academy.models import Organisation, Region
from roundtables import notifications
from roundtables.models import Invitation, Note
from tests.factories import (
    OrganisationFactory,
    PlaceFactory,
    chief_executive,
    held,
    lga_administrator,
    round_table,
)

from .helpers import BrowserProblems, path_of, sign_in, submit

pytestmark = pytest.mark.browser


def link_in(body: str, part: str) -> str:
    return path_of(re.search(rf"https?://\S*{part}\S*", body).group(0))


def test_invite_accept_under_the_rule_be_reminded_attend_and_read_the_notes(
    strict_page, problems, new_context, live_server
):
    organiser = lga_administrator(full_name="Priya Shah")
    table = round_table(
        by=organiser,
        title="Devolution and digital",
        region=Region.NORTH_WEST,
        starts_in=timedelta(days=20),
    )
    council = OrganisationFactory(
        name="Salford City Council",
        kind=Organisation.Kind.METROPOLITAN_BOROUGH,
        region=Region.NORTH_WEST,
        place=PlaceFactory(region=Region.NORTH_WEST),
    )
    chief = chief_executive(council, full_name="Nadia Hassan")
    chief_executive(OrganisationFactory(region=Region.LONDON), full_name="Lon Don")

    # The organiser finds chief executives in the North West and invites one.
    page = strict_page
    sign_in(page, organiser)
    page.goto(f"/round-tables/{table.pk}/manage/")
    expect(page.get_by_role("heading", name="Devolution and digital", level=1)).to_be_visible()
    problems.assert_none()
    page.get_by_role("link", name="Invite people").click()
    expect(page.get_by_label(re.compile("^Lon Don"))).to_have_count(0)
    problems.assert_none()
    submit(page, "Send invitations")  # nobody ticked
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose at least one person to invite."
    )
    page.get_by_label(re.compile("^Nadia Hassan, Chief executive")).check()
    submit(page, "Send invitations")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Nadia Hassan")

    # She answers from the link in her email, without signing in.
    invitation_email = mail.outbox[-1]
    assert invitation_email.to == [chief.email]
    answer = new_context().new_page()
    answering = BrowserProblems(answer, live_server.url)
    answer.goto(link_in(invitation_email.body, "/round-tables/answer/"))
    expect(answer.get_by_role("heading", name="Devolution and digital", level=1)).to_be_visible()
    answering.assert_none()
    answer.get_by_label("Yes, I will come").check()
    submit(answer, "Send your answer")  # without agreeing to the rule
    expect(answer.locator(".govuk-error-summary")).to_contain_text(
        "Agree to keep to the Chatham House rule to accept your place."
    )
    answering.assert_none()
    answer.get_by_label("I will keep to the Chatham House rule").check()
    answer.get_by_label("Show other attendees that I am coming").check()
    submit(answer, "Send your answer")
    expect(answer.get_by_role("heading", name="Your place is confirmed")).to_be_visible()
    answering.assert_none()
    invitation = Invitation.objects.get(person=chief)
    assert invitation.status == Invitation.Status.ACCEPTED and invitation.agreed_to_rule_at
    assert "confirmed" in mail.outbox[-1].subject

    # Two days before, the sweep reminds her, once.
    mail.outbox.clear()
    notifications.sweep(now=table.starts_at - timedelta(days=1))
    notifications.sweep(now=table.starts_at - timedelta(hours=20))
    assert [(email.to, email.subject[:9]) for email in mail.outbox] == [
        ([chief.email], "Reminder:")
    ]

    # It takes place; the organiser registers her as there and records the notes.
    held(table)
    page.goto(f"/round-tables/{table.pk}/manage/")
    page.get_by_role("link", name="Register attendance").click()
    page.get_by_label(re.compile("^Nadia Hassan")).check()
    problems.assert_none()
    submit(page, "Save attendance")
    page.get_by_role("link", name="Notes").click()
    page.get_by_label("Theme").fill("Shared services")
    page.get_by_label("Insight").fill("Salford showed that one resident account is enough.")
    submit(page, "Save the note")
    expect(page.locator(".govuk-error-summary")).to_contain_text("This note names ‘Salford")
    expect(page.get_by_label("Insight")).to_have_value(
        "Salford showed that one resident account is enough."
    )
    problems.assert_none()
    page.get_by_label("Insight").fill("One resident account across councils is enough to start.")
    submit(page, "Save the note")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("saved")
    assert Note.objects.get().names_kept == ""
    mail.outbox.clear()
    submit(page, "Send the notes to everyone who came")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "sent to the 1 person who came"
    )
    problems.assert_none()

    # She signs in from the email and reads the notes; nobody is named in them.
    notes_email = mail.outbox[-1]
    assert notes_email.to == [chief.email]
    assert "One resident account" not in notes_email.body  # the notes stay on the site
    sign_in(answer, chief)
    answer.goto(link_in(notes_email.body, f"/round-tables/{table.pk}/"))
    expect(answer.get_by_role("heading", name="Notes")).to_be_visible()
    expect(answer.get_by_text("One resident account across councils")).to_be_visible()
    answering.assert_none()
