"""Digital Academy cohorts in a real browser, as the people in them would notice: an invited
senior officer takes their place, gives feedback, subscribes to the timetable and keeps their
organisation's action plan; someone outside the cohort finds nothing; the facilitator invites
people, registers attendance, reads feedback, downloads the register and moves a session.

The journeys run under the site's own Content-Security-Policy (`strict_page`) with no console
errors, and axe finds nothing to fix (WCAG 2.2 AA) on every page they visit.
"""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from academy.models import Organisation, User
from cohorts import scheduling, services
from cohorts.models import Cohort, Weekday
from tests.factories import OrganisationFactory, cohort, committed, enrol, officer_of

from .helpers import BrowserProblems, error_summary, sign_in, submit, success_banner

pytestmark = pytest.mark.browser

K = Organisation.Kind
NAME = "Norfolk and Waveney"
SESSIONS = 8


def cohort_under_way() -> Cohort:
    """Eight Tuesday sessions over nine months from four months ago: some are over and the
    rest to come, on both sides of the clocks changing."""
    return cohort(
        name=NAME,
        start_date=timezone.localdate() - timedelta(days=120),
        span_months=9,
        session_count=SESSIONS,
        weekday=Weekday.TUESDAY,
        confirm=True,
    )


def officer_in(the_cohort: Cohort, organisation: str, kind: str, **fields) -> User:
    """A senior officer of a new organisation in the cohort's place."""
    employer = OrganisationFactory(name=organisation, kind=kind, place=the_cohort.place)
    return officer_of(employer, **fields)


def facilitator_of(the_cohort: Cohort) -> User:
    return the_cohort.facilitators.get()


def invite(the_cohort: Cohort, person: User) -> None:
    with committed():
        services.invite_to_cohort(cohort=the_cohort, person=person, by=facilitator_of(the_cohort))


def council_and_police(the_cohort: Cohort) -> tuple[User, User]:
    """A council officer and a police officer, both with a place in the cohort."""
    officer = officer_in(
        the_cohort, "Norfolk County Council", K.COUNTY_COUNCIL, full_name="Asha Verma"
    )
    inspector = officer_in(
        the_cohort,
        "Norfolk Constabulary",
        K.POLICE,
        full_name="Ben Carter",
        job_title="Chief inspector",
    )
    enrol(the_cohort, officer)
    enrol(the_cohort, inspector)
    return officer, inspector


def invited_officer(the_cohort: Cohort) -> User:
    person = officer_in(
        the_cohort,
        "Breckland Council",
        K.DISTRICT_COUNCIL,
        full_name="Chloe Dunn",
        job_title="Director of digital",
    )
    invite(the_cohort, person)
    return person


def session(the_cohort: Cohort, number: int):
    return the_cohort.sessions.get(number=number)


def next_session(the_cohort: Cohort):
    return the_cohort.sessions.filter(starts_at__gt=timezone.now()).order_by("number").first()


def uk_day(a_session) -> date:
    return a_session.starts_at.astimezone(scheduling.UK).date()


def bank_holiday_to_come(the_cohort: Cohort) -> date:
    """The first weekday bank holiday still to come while the cohort runs (Christmas Day, when
    the lane runs in late November)."""
    today = timezone.localdate()
    end = the_cohort.end_date
    return min(
        day
        for day in scheduling.bank_holidays(range(today.year, end.year + 1))
        if today < day <= end and day.weekday() < 5
    )


def working_day_after(a_session) -> date:
    """The first weekday after the session that is not a bank holiday."""
    day = uk_day(a_session) + timedelta(days=1)
    holidays = scheduling.bank_holidays([day.year, day.year + 1])
    while day.weekday() >= 5 or day in holidays:
        day += timedelta(days=1)
    return day


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def fill_date(page: Page, legend: str, day: int, month: int, year: int) -> None:
    """Type a date into GOV.UK's three boxes under the fieldset's legend."""
    boxes = page.get_by_role("group", name=legend)
    boxes.get_by_label("Day", exact=True).fill(str(day))
    boxes.get_by_label("Month", exact=True).fill(str(month))
    boxes.get_by_label("Year", exact=True).fill(str(year))


def cells_of_row(table, text: str):
    """The cells of the table's row that mentions `text`."""
    return table.get_by_role("row").filter(has_text=text).get_by_role("cell")


# --- Participants -----------------------------------------------------------------------------


def test_an_invited_officer_accepts_their_place_and_gives_feedback_on_a_past_session(
    strict_page, problems
):
    the_cohort = cohort_under_way()
    council_and_police(the_cohort)
    person = invited_officer(the_cohort)
    page = strict_page
    sign_in(page, person)

    page.goto("/cohorts/")
    expect(page.get_by_role("heading", name="Your cohorts", level=1)).to_be_visible()
    expect(page.get_by_text("Invited", exact=True)).to_be_visible()
    problems.assert_none()

    page.get_by_role("link", name=NAME).click()
    expect(page.get_by_role("heading", name=NAME, level=1)).to_be_visible()
    expect(page.get_by_text("You are invited to take part")).to_be_visible()
    expect(page.get_by_text("Ben Carter")).to_have_count(0)  # not until they have a place
    problems.assert_none()

    submit(page, "Accept your place")
    expect(success_banner(page)).to_contain_text(f"You have a place in {NAME}.")
    expect(page.get_by_text("Enrolled", exact=True)).to_be_visible()
    expect(page.get_by_text("All times are UK time.")).to_be_visible()
    timetable = page.locator(".academy-timetable__session")
    expect(timetable).to_have_count(SESSIONS)
    # 10am UK time in summer and in winter alike: the clocks change during the cohort.
    for row in timetable.all():
        expect(row).to_contain_text("10am to 1pm")
    expect(timetable.first).to_contain_text(long_date(uk_day(session(the_cohort, 1))))
    expect(
        page.get_by_role("progressbar", name="You have attended 0 of 8 sessions.")
    ).to_be_visible()
    expect(page.get_by_text("Attend at least 6 to complete the cohort")).to_be_visible()
    participants = page.get_by_role("table", name="Participants")
    expect(cells_of_row(participants, "Ben Carter")).to_have_text(
        ["Ben Carter", "Norfolk Constabulary", "Chief inspector"]
    )
    expect(cells_of_row(participants, "Chloe Dunn")).to_have_text(
        ["Chloe Dunn", "Breckland Council", "Director of digital"]
    )
    problems.assert_none()

    page.get_by_role("link", name="Give feedback on session 1").click()
    expect(page.get_by_role("heading", name="Feedback on session 1", level=1)).to_be_visible()
    submit(page, "Send feedback")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(error_summary(page)).to_contain_text("Choose how the session was overall.")
    problems.assert_none()
    error_summary(page).get_by_role("link", name="Choose how the session was overall.").click()
    expect(page.get_by_label("Very poor")).to_be_focused()

    page.get_by_label("Good", exact=True).check()
    page.get_by_label("What was most useful?").fill("Hearing how the police see the same families.")
    submit(page, "Send feedback")
    expect(success_banner(page)).to_contain_text("Thank you. Your feedback has been sent.")
    expect(page.get_by_role("link", name="Change your feedback on session 1")).to_be_visible()
    expect(page.get_by_role("link", name="Give feedback on session 2")).to_be_visible()
    problems.assert_none()


def test_a_participant_subscribes_to_their_sessions_and_keeps_their_organisations_plan(
    strict_page, problems
):
    the_cohort = cohort_under_way()
    officer, _inspector = council_and_police(the_cohort)
    plan_starts = the_cohort.end_date + timedelta(days=1)
    page = strict_page
    sign_in(page, officer)

    page.goto(f"/cohorts/{the_cohort.pk}/")
    page.get_by_role("link", name="Add these sessions to your calendar").click()
    expect(page.get_by_role("heading", name="Your sessions in your calendar")).to_be_visible()
    problems.assert_none()
    submit(page, "Create your calendar address")
    expect(success_banner(page)).to_contain_text("Your calendar address is ready.")
    address = page.get_by_label("Your private calendar address").input_value()
    assert re.fullmatch(r"http://[^/]+/cohorts/calendar/[^/]+\.ics", address), address
    feed = page.request.get(address)
    assert feed.ok and feed.text().count("BEGIN:VEVENT") == SESSIONS
    problems.assert_none()

    page.goto(f"/cohorts/{the_cohort.pk}/")
    page.get_by_role("link", name="Start your organisation's plan").click()
    expect(
        page.get_by_role("heading", name="Norfolk County Council: start your action plan")
    ).to_be_visible()
    page.get_by_label("What you will achieve").fill("One shared record for families at risk.")
    fill_date(page, "First day", plan_starts.day, plan_starts.month, plan_starts.year)
    fill_date(page, "Last day", 31, 2, plan_starts.year + 1)
    submit(page, "Save the plan")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(error_summary(page)).to_contain_text("The last day must be a real date.")
    expect(page.get_by_label("What you will achieve")).to_have_value(
        "One shared record for families at risk."
    )
    problems.assert_none()

    fill_date(page, "Last day", 30, 6, plan_starts.year + 1)
    submit(page, "Save the plan")
    expect(success_banner(page)).to_contain_text("The plan has been saved.")
    expect(page.get_by_role("heading", name="Norfolk County Council: 100-day plan")).to_be_visible()
    expect(page.get_by_text("No check-ins yet.")).to_be_visible()
    problems.assert_none()

    page.get_by_role("group", name="How is the plan going?").get_by_label("At risk").check()
    page.get_by_label("What has happened since the last check-in?").fill(
        "The data sharing agreement is with the police lawyers."
    )
    submit(page, "Save check-in")
    expect(success_banner(page)).to_contain_text("Your check-in has been saved.")
    check_in = page.locator(".academy-card")
    expect(check_in).to_contain_text("At risk")
    expect(check_in).to_contain_text("The data sharing agreement is with the police lawyers.")
    expect(check_in).to_contain_text("Asha Verma")
    problems.assert_none()


def test_someone_outside_the_cohort_finds_nothing_of_it(strict_page, problems):
    the_cohort = cohort_under_way()
    officer, inspector = council_and_police(the_cohort)
    outsider = officer_in(the_cohort, "Norfolk Fire and Rescue Service", K.FIRE_AND_RESCUE)
    page = strict_page
    sign_in(page, outsider)

    for path in [
        f"/cohorts/{the_cohort.pk}/",
        f"/cohorts/{the_cohort.pk}/sessions/1/feedback/",
        f"/cohorts/{the_cohort.pk}/plan/",
        f"/cohorts/{the_cohort.pk}/manage/",
        f"/cohorts/{the_cohort.pk}/manage/attendance.csv",
    ]:
        response = page.goto(path)
        assert response.status == 404, f"{path} answered {response.status}"
        expect(page.get_by_role("heading", level=1)).not_to_contain_text(NAME)
        for name in (officer.full_name, inspector.full_name):
            expect(page.locator("body")).not_to_contain_text(name)
        problems.assert_none()

    page.goto("/cohorts/")
    expect(page.get_by_text("You are not in a cohort yet.")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(NAME)
    problems.assert_none()


def test_an_invited_officer_accepts_their_place_without_javascript(new_context, live_server):
    the_cohort = cohort_under_way()
    person = invited_officer(the_cohort)
    page = new_context(java_script_enabled=False).new_page()
    # axe is JavaScript: the same page is checked with it in the journey above
    problems = BrowserProblems(page, live_server.url, run_axe=False)
    sign_in(page, person)

    page.goto(f"/cohorts/{the_cohort.pk}/")
    submit(page, "Accept your place")

    expect(success_banner(page)).to_contain_text(f"You have a place in {NAME}.")
    expect(page.get_by_text("Enrolled", exact=True)).to_be_visible()
    expect(page.get_by_role("table", name="Participants")).to_contain_text("Chloe Dunn")
    problems.assert_none()


# --- Facilitators -----------------------------------------------------------------------------


def test_the_facilitator_is_warned_until_a_second_kind_of_public_body_takes_part(
    strict_page, problems
):
    the_cohort = cohort_under_way()
    enrol(the_cohort, officer_in(the_cohort, "Norfolk County Council", K.COUNTY_COUNCIL))
    enrol(the_cohort, officer_in(the_cohort, "Norwich City Council", K.DISTRICT_COUNCIL))
    page = strict_page
    sign_in(page, facilitator_of(the_cohort))
    warning = page.locator(".govuk-warning-text")

    page.goto(f"/cohorts/{the_cohort.pk}/manage/")
    expect(warning).to_contain_text("The Digital Academy is multi-agency")
    expect(warning).to_contain_text("So far: Council.")
    problems.assert_none()

    enrol(the_cohort, officer_in(the_cohort, "Norfolk Constabulary", K.POLICE))
    page.reload()
    expect(page.get_by_text("3 of 20 taken")).to_be_visible()
    expect(warning).to_have_count(0)
    problems.assert_none()


def test_the_facilitator_invites_people_registers_attendance_reads_feedback_and_downloads_it(
    strict_page, problems
):
    the_cohort = cohort_under_way()
    officer, inspector = council_and_police(the_cohort)
    services.submit_feedback(
        session=session(the_cohort, 1), person=inspector, rating=2, improve="Shorter talks, please."
    )
    newcomer = officer_in(
        the_cohort, "NHS Norfolk and Waveney", K.NHS, full_name="Dan Ellis", email="dan@nhs.example"
    )
    page = strict_page
    sign_in(page, facilitator_of(the_cohort))

    page.goto(f"/cohorts/{the_cohort.pk}/manage/")
    expect(page.get_by_role("heading", name=NAME, level=1)).to_be_visible()
    page.get_by_role("link", name="Invite people").click()
    addresses = page.get_by_label("Email addresses")
    addresses.fill("dan at nhs\nnobody@council.example")
    submit(page, "Send invitations")
    expect(error_summary(page)).to_contain_text("These are not email addresses: dan at nhs.")
    problems.assert_none()
    addresses.fill("nobody@council.example")
    submit(page, "Send invitations")
    expect(error_summary(page)).to_contain_text(
        "Nobody has an account with nobody@council.example."
    )
    expect(page.locator(".govuk-error-message")).to_contain_text("Nobody has an account")
    problems.assert_none()
    addresses.fill("dan@nhs.example")
    submit(page, "Send invitations")
    expect(success_banner(page)).to_contain_text("Invited Dan Ellis.")
    people = page.get_by_role("table", name="People invited to the cohort")
    expect(people.get_by_role("row").filter(has_text=newcomer.full_name)).to_contain_text("Invited")
    problems.assert_none()

    page.get_by_role("link", name="Register attendance for session 2").click()
    expect(page.get_by_role("heading", name="Attendance: session 2", level=1)).to_be_visible()
    page.get_by_role("group", name=officer.full_name).get_by_label("Attended").check()
    page.get_by_role("group", name=inspector.full_name).get_by_label("Sent apologies").check()
    problems.assert_none()
    submit(page, "Save attendance")
    expect(success_banner(page)).to_contain_text("Attendance for session 2 is saved (2 changed).")
    second = page.get_by_role("table", name="Sessions").get_by_role("row").nth(2)
    expect(second.get_by_role("cell").nth(2)).to_have_text("2 of 2")
    problems.assert_none()

    # The quick way: mark only who was away, and everyone else attended.
    page.get_by_role("link", name="Register attendance for session 3").click()
    page.get_by_role("group", name=inspector.full_name).get_by_label("Absent").check()
    submit(page, "Save, marking everyone not chosen as attended")
    expect(success_banner(page)).to_contain_text("Attendance for session 3 is saved (2 changed).")
    problems.assert_none()

    page.get_by_role("link", name="Read feedback").click()
    expect(page.get_by_text("Poor (2 out of 5)")).to_be_visible()
    expect(page.get_by_text("Shorter talks, please.")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(inspector.full_name)
    problems.assert_none()

    page.goto(f"/cohorts/{the_cohort.pk}/manage/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download attendance (CSV)").click()
    assert download.value.suggested_filename.startswith("norfolk-and-waveney-attendance-")
    text = download.value.path().read_text(encoding="utf-8-sig")
    header, *rows = csv.reader(io.StringIO(text))
    marks = {
        number: {row[0]: row[header.index(title)] for row in rows}
        for number in ("2", "3")
        for title in header
        if title.startswith(f"{number}. ")
    }
    assert marks == {
        "2": {"Asha Verma": "Attended", "Ben Carter": "Sent apologies"},
        "3": {"Asha Verma": "Attended", "Ben Carter": "Absent"},
    }


def test_the_facilitator_moves_a_session_but_not_onto_a_bank_holiday(strict_page, problems):
    the_cohort = cohort_under_way()
    council_and_police(the_cohort)
    to_move = next_session(the_cohort)
    holiday = bank_holiday_to_come(the_cohort)
    new_day = working_day_after(to_move)
    assert new_day < uk_day(session(the_cohort, to_move.number + 1))
    page = strict_page
    sign_in(page, facilitator_of(the_cohort))
    page.goto(f"/cohorts/{the_cohort.pk}/manage/")

    page.get_by_role("link", name=f"Move session {to_move.number}").click()
    expect(page.get_by_role("heading", name=f"Move session {to_move.number}")).to_be_visible()
    expect(
        page.get_by_text(f"is now on {long_date(uk_day(to_move))}, 10am to 1pm.")
    ).to_be_visible()
    problems.assert_none()
    fill_date(page, "New date", holiday.day, holiday.month, holiday.year)
    submit(page, "Move the session")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(error_summary(page)).to_contain_text(f"{long_date(holiday)} is a bank holiday")
    problems.assert_none()

    fill_date(page, "New date", new_day.day, new_day.month, new_day.year)
    page.get_by_label("Start time").fill("14:30")
    submit(page, "Move the session")
    expect(success_banner(page)).to_contain_text(f"Session {to_move.number} has moved.")
    moved = page.get_by_role("table", name="Sessions").get_by_role("row").nth(to_move.number)
    expect(moved).to_contain_text(f"{long_date(new_day)}, 2:30pm to 5:30pm")
    problems.assert_none()
