"""Digital Academy cohorts in a real browser: a senior officer accepts a place and takes part;
a facilitator runs the cohort. Every page they visit runs under the site's own
Content-Security-Policy with no console errors, and axe finds nothing to fix (WCAG 2.2 AA)."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from academy.models import Organisation
from cohorts import scheduling, services
from cohorts.models import Attendance, SessionFeedback, Weekday
from tests.factories import OrganisationFactory, cohort, enrol, officer_of

from .helpers import sign_in, submit

pytestmark = pytest.mark.browser

K = Organisation.Kind


def running_cohort(**fields):
    """A cohort that started four months ago, so some sessions are over and some to come, with
    a council officer and a police officer enrolled and an NHS officer invited."""
    the_cohort = cohort(
        name="Kent and Medway",
        start_date=timezone.localdate() - timedelta(days=120),
        span_months=8,
        session_count=8,
        weekday=Weekday.TUESDAY,
        confirm=True,
        **fields,
    )
    council = OrganisationFactory(name="Kent County Council", place=the_cohort.place)
    police = OrganisationFactory(name="Kent Police", place=the_cohort.place, kind=K.POLICE)
    nhs = OrganisationFactory(name="NHS Kent and Medway", place=the_cohort.place, kind=K.NHS)
    officer = officer_of(council, full_name="Asha Verma", job_title="Director of digital")
    inspector = officer_of(police, full_name="Ben Carter", job_title="Chief inspector")
    invitee = officer_of(nhs, full_name="Chloe Dunn", job_title="Director of integrated care")
    enrol(the_cohort, officer)
    enrol(the_cohort, inspector)
    # The browser lane's database commits as it goes, so emails and tasks follow at once.
    services.invite_to_cohort(cohort=the_cohort, person=invitee, by=the_cohort.facilitators.get())
    return the_cohort, officer, inspector, invitee


def next_session(the_cohort):
    return the_cohort.sessions.filter(starts_at__gt=timezone.now()).order_by("number").first()


def a_free_day_after(session, the_cohort):
    """A day a session could move to: after this one, before the next, not a holiday."""
    later = the_cohort.sessions.filter(number=session.number + 1).first()
    day = session.starts_at.astimezone(scheduling.UK).date()
    avoid = scheduling.days_to_avoid(day, day + timedelta(days=40))
    while True:
        day += timedelta(days=1)
        if scheduling.why_not_a_session_day(day, avoid) is None:
            assert later is None or day < later.starts_at.astimezone(scheduling.UK).date()
            return day


def test_an_invited_officer_accepts_a_place_and_takes_part(strict_page, problems):
    _the_cohort, _officer, inspector, invitee = running_cohort()
    page = strict_page

    sign_in(page, invitee)
    page.goto("/cohorts/")
    expect(page.get_by_role("heading", name="Your cohorts", exact=True)).to_be_visible()
    expect(page.get_by_text("Invited", exact=True)).to_be_visible()
    problems.assert_none()

    page.get_by_role("link", name="Kent and Medway").click()
    expect(page.get_by_text("You are invited to take part")).to_be_visible()
    expect(page.get_by_text(inspector.full_name)).to_have_count(0)  # not until they are in
    problems.assert_none()

    submit(page, "Accept your place")
    expect(page.get_by_text("You have a place in Kent and Medway.")).to_be_visible()
    expect(page.get_by_role("heading", name="Timetable")).to_be_visible()
    expect(page.locator(".academy-timetable__session")).to_have_count(8)
    expect(page.get_by_text("You have attended 0 of 8 sessions.")).to_be_visible()
    participants = page.get_by_role("table")
    expect(participants.get_by_text("Ben Carter")).to_be_visible()
    expect(participants.get_by_text("Kent Police")).to_be_visible()
    expect(participants.get_by_text("Chief inspector")).to_be_visible()
    problems.assert_none()

    page.get_by_role("link", name="Give feedback on session 1").click()
    submit(page, "Send feedback")
    expect(
        page.get_by_role("alert").get_by_text("Choose how the session was overall.")
    ).to_be_visible()
    problems.assert_none()
    page.get_by_label("Excellent").check()
    page.get_by_label("What was most useful?").fill("Hearing how the police see the same families.")
    submit(page, "Send feedback")
    expect(page.get_by_text("Thank you. Your feedback has been sent.")).to_be_visible()
    assert SessionFeedback.objects.get(person=invitee).rating == 5
    problems.assert_none()


def test_a_participant_adds_their_sessions_to_a_calendar_and_keeps_an_action_plan(
    strict_page, problems
):
    the_cohort, officer, _inspector, _invitee = running_cohort()
    page = strict_page
    sign_in(page, officer)

    page.goto("/cohorts/calendar/")
    problems.assert_none()
    submit(page, "Create your calendar address")
    address = page.get_by_label("Your private calendar address").input_value()
    assert address.endswith(".ics") and officer.calendar_feed.token in address
    problems.assert_none()

    page.goto(f"/cohorts/{the_cohort.pk}/plan/")
    page.get_by_label("What you will achieve").fill("Share one care record with the NHS.")
    page.locator("#id_plan-starts_on").fill("1")
    page.locator("#id_plan-starts_on-month").fill("4")
    page.locator("#id_plan-starts_on-year").fill("2027")
    page.locator("#id_plan-ends_on").fill("31")
    page.locator("#id_plan-ends_on-month").fill("2")
    page.locator("#id_plan-ends_on-year").fill("2027")
    submit(page, "Save the plan")
    expect(
        page.get_by_role("alert").get_by_text("The last day must be a real date.")
    ).to_be_visible()
    expect(page.get_by_label("What you will achieve")).to_have_value(
        "Share one care record with the NHS."
    )
    problems.assert_none()

    page.locator("#id_plan-ends_on").fill("9")
    page.locator("#id_plan-ends_on-month").fill("7")
    submit(page, "Save the plan")
    expect(page.get_by_text("The plan has been saved.")).to_be_visible()
    page.get_by_label("On track").check()
    page.get_by_label("What has happened since the last check-in?").fill("Agreement signed.")
    submit(page, "Save check-in")
    expect(page.get_by_text("Agreement signed.")).to_be_visible()
    problems.assert_none()


def test_someone_outside_the_cohort_finds_nothing_there(strict_page, problems):
    the_cohort, _officer, inspector, _invitee = running_cohort()
    outsider = officer_of(OrganisationFactory(place=the_cohort.place, kind=K.FIRE_AND_RESCUE))
    page = strict_page
    sign_in(page, outsider)

    response = page.goto(f"/cohorts/{the_cohort.pk}/")

    assert response.status == 404
    expect(page.get_by_text(inspector.full_name)).to_have_count(0)
    page.goto("/cohorts/")
    expect(page.get_by_text("You are not in a cohort yet.")).to_be_visible()
    problems.assert_none()


def test_a_facilitator_invites_registers_attendance_reads_feedback_and_exports(
    strict_page, problems
):
    the_cohort, officer, inspector, _invitee = running_cohort()
    first = the_cohort.sessions.get(number=1)
    services.submit_feedback(session=first, person=inspector, rating=2, improve="Shorter talks.")
    newcomer = officer_of(
        OrganisationFactory(place=the_cohort.place, kind=K.FIRE_AND_RESCUE), full_name="Dan Ellis"
    )
    page = strict_page
    sign_in(page, the_cohort.facilitators.get())

    page.goto(f"/cohorts/{the_cohort.pk}/manage/")
    expect(page.get_by_role("heading", name="Kent and Medway", exact=True)).to_be_visible()
    expect(page.locator(".govuk-warning-text")).to_have_count(0)  # council and police
    problems.assert_none()

    page.get_by_role("link", name="Invite people").click()
    page.get_by_label("Email addresses").fill("not-an-address\nnobody@council.example")
    submit(page, "Send invitations")
    expect(page.get_by_role("alert").get_by_text("These are not email addresses")).to_be_visible()
    problems.assert_none()
    page.get_by_label("Email addresses").fill(newcomer.email)
    submit(page, "Send invitations")
    expect(page.get_by_text("Invited Dan Ellis.")).to_be_visible()
    problems.assert_none()

    page.get_by_role("link", name="Register attendance for session 1").click()
    page.locator(f'input[name="person-{inspector.pk}"][value="apologies"]').check()
    problems.assert_none()
    submit(page, "Save, marking everyone not chosen as attended")
    expect(page.get_by_text("Attendance for session 1 is saved (2 changed).")).to_be_visible()
    marks = dict(Attendance.objects.filter(session=first).values_list("person", "status"))
    assert marks == {officer.pk: "attended", inspector.pk: "apologies"}

    page.get_by_role("link", name="Read feedback").click()
    expect(page.get_by_text("Shorter talks.")).to_be_visible()
    expect(page.get_by_text("Ben Carter")).to_have_count(0)
    problems.assert_none()

    page.goto(f"/cohorts/{the_cohort.pk}/manage/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download attendance (CSV)").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert {row[0] for row in rows[1:]} == {"Asha Verma", "Ben Carter"}
    assert rows[1][4] in ("Attended", "Sent apologies")


def test_a_facilitator_moves_a_session_but_not_onto_a_bank_holiday(strict_page, problems):
    the_cohort, _officer, _inspector, _invitee = running_cohort()
    session = next_session(the_cohort)
    holiday = next(
        day
        for day in sorted(scheduling.bank_holidays([timezone.localdate().year + 1]))
        if day.weekday() < 5 and day <= the_cohort.end_date
    )
    page = strict_page
    sign_in(page, the_cohort.facilitators.get())
    page.goto(f"/cohorts/{the_cohort.pk}/manage/")

    page.get_by_role("link", name=f"Move session {session.number}").click()
    problems.assert_none()
    page.locator("#id_day").fill(str(holiday.day))
    page.locator("#id_day-month").fill(str(holiday.month))
    page.locator("#id_day-year").fill(str(holiday.year))
    submit(page, "Move the session")
    expect(page.get_by_role("alert").get_by_text("is a bank holiday")).to_be_visible()
    problems.assert_none()

    free = a_free_day_after(session, the_cohort)
    page.locator("#id_day").fill(str(free.day))
    page.locator("#id_day-month").fill(str(free.month))
    page.locator("#id_day-year").fill(str(free.year))
    page.get_by_label("Start time").fill("14:30")
    submit(page, "Move the session")
    expect(page.get_by_text(f"Session {session.number} has moved.")).to_be_visible()
    problems.assert_none()
    session.refresh_from_db()
    assert session.starts_at.astimezone(scheduling.UK).date() == free


def test_a_place_can_be_accepted_without_javascript(new_context):
    the_cohort, _officer, _inspector, invitee = running_cohort()
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, invitee)

    page.goto(f"/cohorts/{the_cohort.pk}/")
    submit(page, "Accept your place")

    expect(page.get_by_text("You have a place in Kent and Medway.")).to_be_visible()
