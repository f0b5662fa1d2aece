"""Cohort sessions as iCalendar, for email attachments and the private calendar feed. An event
says when and where a session is and what it covers; it never names another participant."""

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from icalendar import Event

from academy.ical import calendar_file

from .models import CohortSession
from .scheduling import UK


def session_description(session: CohortSession, *, online_link: bool = True) -> str:
    lines = []
    if session.module_id and session.module.live:
        lines.append(f"Module: {session.module.title} {settings.SITE_URL}{session.module.url}")
    if online_link and session.cohort.online_link:
        lines.append(f"Join online: {session.cohort.online_link}")
    lines.append(f"Your cohort: {settings.SITE_URL}/cohorts/{session.cohort_id}/")
    return "\n".join(lines)


def _event(session: CohortSession, *, cancelled: bool = False) -> Event:
    event = Event()
    event.add("uid", session.ical_uid)
    event.add("dtstamp", timezone.now())
    event.add("sequence", session.sequence + (1 if cancelled else 0))
    event.add("summary", f"{session.cohort.name}: session {session.number}, {session.title}")
    event.add("dtstart", session.starts_at.astimezone(UK))
    event.add("dtend", session.ends_at.astimezone(UK))
    location = session.cohort.venue or ("Online" if session.cohort.online_link else "")
    if location:
        event.add("location", location)
    # A cancellation also goes to people who were only invited or waiting, who never had
    # the meeting link; it takes the event out of a calendar by its UID alone.
    online_link = bool(session.cohort.online_link) and not cancelled
    if online_link:
        event.add("url", session.cohort.online_link)
    event.add("description", session_description(session, online_link=online_link))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def calendar_of(sessions: Iterable[CohortSession], *, name: str, cancelled: bool = False) -> bytes:
    """An iCalendar file of `sessions` (each with its cohort and module loaded). `cancelled`
    makes a file that takes the sessions out of a calendar that has them."""
    return calendar_file(
        ((_event(session, cancelled=cancelled), session.starts_at.date()) for session in sessions),
        name=name,
        cancelled=cancelled,
    )
