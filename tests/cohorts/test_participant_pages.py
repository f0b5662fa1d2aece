"""The participant's pages: their cohorts, the timetable, fellow participants (for members of
the same cohort only), attendance and its progress bar, feedback, the organisation's action
plan and a private calendar feed that calendar apps can read."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.utils.html import escape

from academy import roles
from academy.models import Organisation
from cohorts import services
from cohorts.models import ActionPlan, SessionFeedback, Weekday
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    cohort,
    committed,
    enrol,
    officer_of,
)

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")
K = Organisation.Kind
# Sessions on Tuesdays at 10am UK time: 5 January, 9 February and 23 March 2027 have passed
# at DURING; the clocks went forward on 28 March, before the fourth, on 4 May.
DURING = datetime(2027, 4, 1, 12, 0, tzinfo=UK)


def during(moment=DURING):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def kent():
    """A cohort with a council officer and a police officer in it."""
    the_cohort = cohort(
        name="Kent and Medway 2027",
        start_date=date(2027, 1, 4),
        weekday=Weekday.TUESDAY,
        local_start_time=time(10, 0),
        session_count=8,
        span_months=9,
        confirm=True,
    )
    council = OrganisationFactory(
        name="Kent County Council", place=the_cohort.place, kind=K.COUNTY_COUNCIL
    )
    police = OrganisationFactory(name="Kent Police", place=the_cohort.place, kind=K.POLICE)
    officer = officer_of(council, full_name="Asha Verma", job_title="Director of digital")
    inspector = officer_of(police, full_name="Ben Carter", job_title="Chief inspector")
    enrol(the_cohort, officer)
    enrol(the_cohort, inspector)
    return the_cohort, officer, inspector


def test_a_participant_sees_the_timetable_in_uk_time_and_who_else_is_taking_part(client, kent):
    the_cohort, officer, _inspector = kent

    with during():
        client.force_login(officer)
        page = client.get(f"/cohorts/{the_cohort.pk}/").content.decode()

    assert "Session 1:" in page
    assert "Tuesday 5 January 2027, 10am to 1pm" in page
    assert "Tuesday 4 May 2027, 10am to 1pm" in page  # after the clocks change
    assert "Ben Carter" in page and "Kent Police" in page and "Chief inspector" in page
    assert "Council chamber, County Hall" in page


def test_fellow_participants_are_hidden_from_anyone_outside_the_cohort(client, kent):
    the_cohort, _officer, inspector = kent
    outsider = officer_of(OrganisationFactory(place=the_cohort.place, kind=K.NHS))
    client.force_login(outsider)

    assert client.get(f"/cohorts/{the_cohort.pk}/").status_code == 404
    assert escape(inspector.full_name) not in client.get("/cohorts/").content.decode()

    client.logout()
    response = client.get(f"/cohorts/{the_cohort.pk}/")
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]


def test_someone_invited_sees_what_the_cohort_is_but_not_who_is_in_it_or_where(client, kent):
    the_cohort, _officer, inspector = kent
    invitee = officer_of(OrganisationFactory(place=the_cohort.place, kind=K.NHS))
    with committed():
        services.invite_to_cohort(
            cohort=the_cohort, person=invitee, by=the_cohort.facilitators.get()
        )
    client.force_login(invitee)

    page = client.get(f"/cohorts/{the_cohort.pk}/").content.decode()

    assert "Accept your place" in page
    assert escape(inspector.full_name) not in page
    assert "Council chamber" not in page


def test_accepting_and_declining_from_the_page(client, kent):
    the_cohort, _officer, _inspector = kent
    invitee = officer_of(OrganisationFactory(place=the_cohort.place, kind=K.NHS))
    with committed():
        services.invite_to_cohort(
            cohort=the_cohort, person=invitee, by=the_cohort.facilitators.get()
        )
    client.force_login(invitee)

    response = client.post(f"/cohorts/{the_cohort.pk}/accept/", follow=True)

    assert "You have a place in Kent and Medway 2027." in response.content.decode()
    response = client.post(f"/cohorts/{the_cohort.pk}/decline/", follow=True)
    assert "You have not been invited to this cohort, or have already answered." in (
        response.content.decode()
    )


def test_the_attendance_progress_bar_counts_sessions_attended(client, kent):
    the_cohort, officer, _inspector = kent
    facilitator = the_cohort.facilitators.get()
    sessions = list(the_cohort.sessions.order_by("number"))
    with during():
        for session, status in zip(
            sessions[:3], ["attended", "apologies", "attended"], strict=True
        ):
            services.record_attendance(session=session, marks={officer.pk: status}, by=facilitator)
        client.force_login(officer)
        page = client.get(f"/cohorts/{the_cohort.pk}/").content.decode()

    assert "You have attended 2 of 8 sessions. Attend at least 6 to complete" in page
    assert '<progress class="academy-progress__bar" max="8" value="2"' in page


def test_feedback_is_refused_with_a_message_when_incomplete_and_kept_when_sent(client, kent):
    the_cohort, officer, _inspector = kent
    url = f"/cohorts/{the_cohort.pk}/sessions/1/feedback/"

    with during():
        client.force_login(officer)
        refused = client.post(url, {"most_useful": "The police view of data sharing."})
        too_long = client.post(url, {"rating": "4", "improve": "x" * 2001})
        accepted = client.post(url, {"rating": "5", "most_useful": "Data sharing."})

    assert refused.status_code == 200
    assert "Choose how the session was overall." in refused.content.decode()
    assert "The police view of data sharing." in refused.content.decode()  # kept for them
    assert "must be 2,000 characters or fewer" in too_long.content.decode()
    assert accepted.status_code == 302
    feedback = SessionFeedback.objects.get()
    assert (feedback.rating, feedback.most_useful) == (5, "Data sharing.")


def test_feedback_waits_until_the_session_is_over(client, kent):
    the_cohort, officer, _inspector = kent
    with during(datetime(2027, 1, 5, 11, 0, tzinfo=UK)):
        client.force_login(officer)
        response = client.post(f"/cohorts/{the_cohort.pk}/sessions/1/feedback/", {"rating": "4"})

    assert "You can give feedback once the session has ended." in response.content.decode()
    assert not SessionFeedback.objects.exists()


def test_only_members_give_feedback(client, kent):
    the_cohort, _officer, _inspector = kent
    with during():
        client.force_login(UserFactory(role=roles.SENIOR_OFFICER))
        response = client.post(f"/cohorts/{the_cohort.pk}/sessions/1/feedback/", {"rating": "4"})
    assert response.status_code == 404


def test_the_calendar_feed_parses_with_the_right_local_times(client, kent):
    _the_cohort, officer, inspector = kent
    client.force_login(officer)
    client.post("/cohorts/calendar/", {"action": "on"})
    token = officer.calendar_feed.token
    client.logout()  # calendar apps have no session: the address is the key

    response = client.get(f"/cohorts/calendar/{token}.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("dtstart"))
    assert len(events) == 8
    starts = [event.decoded("dtstart") for event in events]
    assert {start.astimezone(UK).time() for start in starts} == {time(10, 0)}
    assert starts[0].utcoffset() == timedelta(0)  # January: GMT
    summer = next(start for start in starts if start.month == 5)
    assert summer.utcoffset() == timedelta(hours=1)  # May: BST
    assert summer.astimezone(ZoneInfo("UTC")).hour == 9
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/London"
    text = response.content.decode()
    assert escape(inspector.full_name) not in text and escape(officer.full_name) not in text


def test_a_replaced_or_switched_off_calendar_address_stops_working(client, kent):
    _the_cohort, officer, _inspector = kent
    client.force_login(officer)
    client.post("/cohorts/calendar/", {"action": "on"})
    old = officer.calendar_feed.token

    client.post("/cohorts/calendar/", {"action": "replace"})
    officer.refresh_from_db()
    new = officer.calendar_feed.token

    assert new != old
    assert client.get(f"/cohorts/calendar/{old}.ics").status_code == 404
    assert client.get(f"/cohorts/calendar/{new}.ics").status_code == 200
    client.post("/cohorts/calendar/", {"action": "off"})
    assert client.get(f"/cohorts/calendar/{new}.ics").status_code == 404


def test_a_calendar_address_only_shows_cohorts_its_owner_belongs_to(client, kent):
    the_cohort, officer, _inspector = kent
    other = cohort(name="Cornwall 2027", confirm=True)  # nobody from Kent is in it
    client.force_login(officer)
    client.post("/cohorts/calendar/", {"action": "on"})

    text = client.get(f"/cohorts/calendar/{officer.calendar_feed.token}.ics").content.decode()

    assert the_cohort.name in text and other.name not in text


def test_leaving_the_cohort_after_confirming(client, kent):
    the_cohort, officer, _inspector = kent
    client.force_login(officer)

    assert (
        "Are you sure you want to leave"
        in client.get(f"/cohorts/{the_cohort.pk}/withdraw/").content.decode()
    )
    response = client.post(f"/cohorts/{the_cohort.pk}/withdraw/", follow=True)

    assert "You have left Kent and Medway 2027." in response.content.decode()
    assert client.get(f"/cohorts/{the_cohort.pk}/").status_code == 404


def test_an_organisation_keeps_its_action_plan_and_checks_in(client, kent):
    the_cohort, officer, inspector = kent
    client.force_login(officer)
    url = f"/cohorts/{the_cohort.pk}/plan/"
    plan = {
        "action": "plan",
        "plan-title": "100-day plan",
        "plan-goals": "Share one care record between the council and the NHS.",
        "plan-starts_on-day": "1",
        "plan-starts_on-month": "10",
        "plan-starts_on-year": "2027",
        "plan-ends_on-day": "31",
        "plan-ends_on-month": "2",
        "plan-ends_on-year": "2028",
    }

    refused = client.post(url, plan)
    assert "The last day must be a real date." in refused.content.decode()
    assert "Share one care record" in refused.content.decode()
    too_far = client.post(url, {**plan, "plan-ends_on-year": "9" * 20})
    assert "The last day must be a real date." in too_far.content.decode()
    plan["plan-ends_on-day"] = "8"
    assert client.post(url, {**plan, "plan-ends_on-month": "1"}).status_code == 302
    refused = client.post(url, {"action": "check-in", "check-in-note": "Started."})
    assert "Choose how the plan is going." in refused.content.decode()
    client.post(
        url, {"action": "check-in", "check-in-progress": "on-track", "check-in-note": "Live."}
    )

    saved = ActionPlan.objects.get()
    assert saved.organisation == officer.organisation
    assert saved.ends_on == date(2028, 1, 8)
    assert [c.note for c in saved.check_ins.all()] == ["Live."]
    # The police officer sees only their own organisation's plan, whatever they ask for.
    client.force_login(inspector)
    assert "Share one care record" not in client.get(url).content.decode()
    asked = client.get(f"{url}?organisation={officer.organisation_id}").content.decode()
    assert "Share one care record" not in asked and "Kent Police" in asked
    # Those who run the cohort choose the organisation; nonsense in the address finds none.
    client.force_login(the_cohort.facilitators.get())
    for nonsense in ("²", "1e3", "-1", "9" * 30):
        assert client.get(f"{url}?organisation={nonsense}").status_code == 404, nonsense
