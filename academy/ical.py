"""iCalendar files for email attachments and calendar feeds. Each part of the programme
builds its own events; this wraps them, with the UK time zone described for the years they
cover, so that every calendar app shows the same local time."""

from collections.abc import Iterable
from datetime import date, timedelta

from icalendar import Calendar, Event

PRODUCT_ID = "-//Local Government Association//Digital Leadership Academy//EN"


def calendar_file(events: Iterable[tuple[Event, date]], *, name: str, cancelled: bool) -> bytes:
    """`events` as (event, the day it starts), in one file. `cancelled` makes a file that
    takes the events out of a calendar that has them."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    starts = []
    for event, day in events:
        calendar.add_component(event)
        starts.append(day)
    if starts:
        calendar.add_missing_timezones(
            first_date=min(starts) - timedelta(days=366),
            last_date=max(starts) + timedelta(days=366),
        )
    return calendar.to_ical()
