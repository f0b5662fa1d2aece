"""Scheduling: sessions spread evenly across the span on the preferred weekday, never on a
weekend or a bank holiday in England and Wales in any year, at the same UK time across the
clocks changing; invalid set-ups are refused with a sentence that says what is wrong."""

import itertools
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from cohorts import exceptions, scheduling, services
from cohorts.models import Cohort, NonWorkingDay, Weekday
from tests.factories import cohort

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")


def local(session):
    return session.starts_at.astimezone(UK)


def assert_sensible(sessions, the_cohort):
    """On the right weekday, inside the span, never a bank holiday, and evenly spread."""
    days = [local(s).date() for s in sessions]
    holidays = scheduling.bank_holidays(range(days[0].year, days[-1].year + 1))
    assert len(days) == the_cohort.session_count
    assert days == sorted(set(days))
    for day in days:
        assert day.weekday() == the_cohort.weekday, day
        assert day not in holidays, (day, holidays.get(day))
        assert the_cohort.start_date <= day <= the_cohort.end_date
    gaps = [(later - earlier).days for earlier, later in itertools.pairwise(days)]
    assert max(gaps) - min(gaps) <= 14, gaps


@pytest.mark.parametrize(
    ("year", "day", "name"),
    [
        (2031, date(2031, 4, 11), "Good Friday"),
        (2031, date(2031, 4, 14), "Easter Monday"),
        (2031, date(2031, 5, 5), "May Day"),
        (2031, date(2031, 5, 26), "Spring Bank Holiday"),
        (2031, date(2031, 8, 25), "Late Summer Bank Holiday"),
        (2032, date(2032, 12, 27), "Christmas Day (observed)"),
        (2093, date(2093, 4, 10), "Good Friday"),
        (2150, date(2150, 12, 25), "Christmas Day"),
    ],
)
def test_bank_holidays_are_worked_out_for_any_year(year, day, name):
    found = scheduling.bank_holidays([year])
    assert found[day] == name


def test_one_off_bank_holidays_are_known():
    found = scheduling.bank_holidays([2022, 2023])
    assert date(2022, 9, 19) in found  # the Queen's state funeral
    assert date(2023, 5, 8) in found  # the coronation


def test_sessions_spread_over_christmas_skip_christmas_day_and_new_years_day():
    # 25 December 2026 and 1 January 2027 are Fridays: a Friday cohort starting on Christmas
    # Day skips both, and Good Friday 2027 as well.
    the_cohort = cohort(
        start_date=date(2026, 12, 25), weekday=Weekday.FRIDAY, span_months=9, session_count=8
    )
    sessions = services.schedule_sessions(cohort_id=the_cohort.pk)  # draft: nothing yet
    assert sessions == []

    the_cohort = cohort(
        start_date=date(2026, 12, 25),
        weekday=Weekday.FRIDAY,
        span_months=9,
        session_count=8,
        confirm=True,
    )

    sessions = list(the_cohort.sessions.order_by("number"))
    assert local(sessions[0]).date() == date(2027, 1, 8)
    assert date(2027, 3, 26) not in [local(s).date() for s in sessions]  # Good Friday 2027
    assert_sensible(sessions, the_cohort)


def test_a_monday_cohort_through_easter_and_the_may_bank_holidays_avoids_all_of_them():
    # Easter Monday 2027 is 29 March; then May Day (3 May), the spring bank holiday (31 May)
    # and the summer bank holiday (30 August) are all Mondays.
    the_cohort = cohort(
        start_date=date(2027, 3, 29),
        weekday=Weekday.MONDAY,
        span_months=6,
        session_count=8,
        confirm=True,
    )

    sessions = list(the_cohort.sessions.order_by("number"))
    assert local(sessions[0]).date() == date(2027, 4, 5)  # not Easter Monday
    days = {local(s).date() for s in sessions}
    assert days.isdisjoint({date(2027, 5, 3), date(2027, 5, 31), date(2027, 8, 30)})
    assert_sensible(sessions, the_cohort)


def test_local_time_stays_the_same_across_the_clocks_changing_and_is_stored_in_utc():
    # British Summer Time starts on 28 March 2027 and ends on 31 October 2027.
    the_cohort = cohort(
        start_date=date(2027, 1, 5),
        weekday=Weekday.TUESDAY,
        local_start_time=time(9, 30),
        span_months=9,
        session_count=8,
        confirm=True,
    )

    sessions = list(the_cohort.sessions.order_by("number"))
    assert {local(s).time() for s in sessions} == {time(9, 30)}
    winter = [s for s in sessions if local(s).date() < date(2027, 3, 28)]
    summer = [s for s in sessions if date(2027, 3, 28) <= local(s).date() < date(2027, 10, 31)]
    assert winter and summer
    assert {s.starts_at.astimezone(ZoneInfo("UTC")).time() for s in winter} == {time(9, 30)}
    assert {s.starts_at.astimezone(ZoneInfo("UTC")).time() for s in summer} == {time(8, 30)}
    for session in sessions:
        assert session.ends_at - session.starts_at == timedelta(minutes=180)


def test_a_cohort_starting_in_2031_avoids_that_years_bank_holidays():
    the_cohort = cohort(
        start_date=date(2031, 4, 11),  # Good Friday
        weekday=Weekday.FRIDAY,
        span_months=7,
        session_count=7,
        confirm=True,
    )

    sessions = list(the_cohort.sessions.order_by("number"))
    assert local(sessions[0]).date() == date(2031, 4, 18)
    assert_sensible(sessions, the_cohort)
    assert sessions[-1].starts_at.year == 2031


def test_sessions_cover_the_curriculum_in_order_then_review():
    the_cohort = cohort(session_count=6, confirm=True)
    modules = [item.module for item in the_cohort.curriculum.modules.order_by("sort_order")]

    sessions = list(the_cohort.sessions.order_by("number"))

    assert [s.module for s in sessions[:3]] == modules
    assert [s.title for s in sessions[3:]] == ["Review and action planning"] * 3


def test_days_added_by_staff_are_avoided_too():
    NonWorkingDay.objects.create(date=date(2027, 1, 5), reason="National day of mourning")

    the_cohort = cohort(start_date=date(2027, 1, 5), weekday=Weekday.TUESDAY, confirm=True)

    first = the_cohort.sessions.order_by("number").first()
    assert local(first).date() == date(2027, 1, 12)


def test_scheduling_twice_changes_nothing():
    the_cohort = cohort(confirm=True)
    before = list(the_cohort.sessions.values_list("pk", "starts_at"))

    services.schedule_sessions(cohort_id=the_cohort.pk)

    assert list(the_cohort.sessions.values_list("pk", "starts_at")) == before


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"session_count": 5}, "A cohort has 6 to 8 sessions."),
        ({"session_count": 9}, "A cohort has 6 to 8 sessions."),
        ({"span_months": 10}, "A cohort runs for 6 to 9 months."),
        ({"span_months": 5}, "A cohort runs for 6 to 9 months."),
        ({"weekday": 5}, "Sessions are held on a weekday: choose Monday to Friday."),
    ],
    ids=["5 sessions", "9 sessions", "10 months", "5 months", "a Saturday"],
)
def test_invalid_set_ups_are_refused_with_a_clear_message(fields, message):
    with pytest.raises(exceptions.InvalidCohortSetup) as refused:
        cohort(**fields)

    assert message in str(refused.value)
    assert not Cohort.objects.exists()


def test_a_span_with_too_few_free_days_is_refused():
    start = date(2027, 1, 5)
    for week in range(20):
        NonWorkingDay.objects.create(date=start + timedelta(weeks=week), reason="Closed")

    with pytest.raises(exceptions.InvalidCohortSetup, match="free days for sessions"):
        cohort(start_date=start, weekday=Weekday.TUESDAY, session_count=8)
