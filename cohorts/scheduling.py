"""When sessions can happen: working days that are not bank holidays in England and Wales, in
any year, and UK local times that stay put across the clocks changing. Pure functions, apart
from `days_to_avoid`, which also reads the extra days LGA staff have added."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from holidays.countries import UnitedKingdom

from . import exceptions

UK = ZoneInfo("Europe/London")


class _UnitedKingdomInAnyYear(UnitedKingdom):
    # The library stops at 2100 by default; its rules (and dateutil's Easter) hold beyond.
    end_year = 9999


def bank_holidays(years: Iterable[int]) -> dict[date, str]:
    """Bank holidays in England and Wales in the given years, worked out from the rules (and
    the one-off days the library knows of), so that no year is ever missing."""
    years = sorted(set(years))
    found: dict[date, str] = {}
    for subdivision in ("ENG", "WLS"):
        found.update(_UnitedKingdomInAnyYear(subdiv=subdivision, years=years))
    return found


def days_to_avoid(start: date, end: date) -> dict[date, str]:
    """Every day from `start` to `end` on which no session may fall, with the reason."""
    from .models import NonWorkingDay

    avoid = {
        day: name
        for day, name in bank_holidays(range(start.year, end.year + 1)).items()
        if start <= day <= end
    }
    for day, reason in NonWorkingDay.objects.filter(date__range=(start, end)).values_list(
        "date", "reason"
    ):
        avoid.setdefault(day, reason)
    return avoid


def why_not_a_session_day(day: date, avoid: dict[date, str]) -> str | None:
    """The reason no session may be held on `day`, as a sentence, or None if it may."""
    when = date_format(day, "l j F Y")
    if day.weekday() >= 5:
        return _("%(day)s is a weekend. Choose a weekday.") % {"day": when}
    if day in avoid:
        return _("%(day)s is a bank holiday (%(name)s). Choose another day.") % {
            "day": when,
            "name": avoid[day],
        }
    return None


def spread_session_dates(
    *, start: date, end: date, count: int, weekday: int, avoid: dict[date, str]
) -> list[date]:
    """`count` dates on `weekday`, from `start` to `end`, spread as evenly as the calendar
    allows: each is the free day nearest to its even share of the span, and none is a weekend
    or a day to avoid."""
    if weekday >= 5:
        raise exceptions.InvalidCohortSetup(_("Sessions are held on a weekday."))
    first = start + timedelta(days=(weekday - start.weekday()) % 7)
    candidates = []
    day = first
    while day <= end:
        if day not in avoid:
            candidates.append(day)
        day += timedelta(days=7)
    if len(candidates) < count:
        raise exceptions.InvalidCohortSetup(
            _(
                "There are only %(free)s free days for sessions between %(start)s and %(end)s. "
                "Choose another day of the week or a longer span."
            )
            % {
                "free": len(candidates),
                "start": date_format(start, "j F Y"),
                "end": date_format(end, "j F Y"),
            }
        )
    span = (end - start).days
    chosen: list[int] = []
    for i in range(count):
        target = start + timedelta(days=round(span * i / (count - 1))) if count > 1 else start
        lowest = chosen[-1] + 1 if chosen else 0
        highest = len(candidates) - (count - i)  # leave room for the sessions still to place
        best = min(
            range(lowest, highest + 1),
            key=lambda index: (abs((candidates[index] - target).days), index),
        )
        chosen.append(best)
    return [candidates[index] for index in chosen]


def uk_datetime(day: date, at: time) -> datetime:
    """The moment a UK wall-clock time happens on `day`, in whichever of GMT and BST is in
    force that day. (The clocks change at 1am on a Sunday, never on a session day.)"""
    return datetime.combine(day, at, tzinfo=UK)
