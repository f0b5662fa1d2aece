"""The Digital Academy area of the Wagtail admin: LGA administrators set cohorts up through the
same services as everyone else, see invalid set-ups refused with a message, confirm a cohort
(which schedules its sessions), and see a warning until a cohort is multi-agency."""

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from academy import roles
from academy.models import Organisation
from cohorts.models import Cohort, CurriculumModule
from tests.factories import (
    OrganisationFactory,
    PlaceFactory,
    UserFactory,
    cohort,
    committed,
    curriculum,
    enrol,
    facilitator,
    officer_of,
)

pytestmark = pytest.mark.django_db


def cohort_form(**overrides):
    data = {
        "name": "Kent and Medway 2027",
        "curriculum": curriculum().pk,
        "place": PlaceFactory().pk,
        "summary": "Joining up health and care with data.",
        "start_date": "2027-01-04",
        "span_months": "6",
        "session_count": "6",
        "weekday": "1",
        "local_start_time": "10:00",
        "duration_minutes": "180",
        "venue": "Sessions House, Maidstone",
        "online_link": "",
        "facilitators": [facilitator().pk],
        "capacity": "20",
        "completion_percent": "75",
    }
    data.update(overrides)
    return data


def test_an_administrator_sets_up_a_cohort_and_confirms_it(client, admin_user, mailoutbox):
    client.force_login(admin_user)

    response = client.post("/admin/cohort/new/", cohort_form())
    assert response.status_code == 302
    made = Cohort.objects.get()
    assert made.created_by == admin_user and made.status == Cohort.Status.DRAFT
    assert ModelLogEntry.objects.filter(action="cohorts.cohort.create").count() == 1
    inspect = client.get(f"/admin/cohort/inspect/{made.pk}/").content.decode()
    assert "Scheduled when the cohort is confirmed." in inspect
    assert "Confirm and schedule" in inspect
    assert "Warning: the Digital Academy is multi-agency." in inspect

    assert (
        "Its 6 sessions will be scheduled"
        in client.get(f"/admin/cohort/confirm/{made.pk}/").content.decode()
    )
    with committed():
        client.post(f"/admin/cohort/confirm/{made.pk}/")

    made.refresh_from_db()
    assert made.status == Cohort.Status.CONFIRMED and made.sessions.count() == 6
    inspect = client.get(f"/admin/cohort/inspect/{made.pk}/").content.decode()
    # 10am UK time in winter and in summer alike, not the UTC it is stored in.
    assert "Tue 05 Jan 2027 10:00" in inspect and "Tue 20 Apr 2027 10:00" in inspect


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("session_count", "5", "A cohort has 6 to 8 sessions."),
        ("span_months", "10", "A cohort runs for 6 to 9 months."),
        ("weekday", "6", "Select a valid choice."),
        ("online_link", "not a link", "Enter a valid URL."),
        ("capacity", "0", "A cohort needs at least one place."),
    ],
)
def test_invalid_set_ups_are_refused_on_the_form(client, admin_user, field, value, message):
    client.force_login(admin_user)

    response = client.post("/admin/cohort/new/", cohort_form(**{field: value}))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Kent and Medway 2027" in response.content.decode()  # what was typed is kept
    assert not Cohort.objects.exists()


def test_once_scheduled_the_timetable_cannot_be_changed_in_the_admin(client, admin_user):
    made = cohort(confirm=True, capacity=10)
    before = list(made.sessions.values_list("starts_at", flat=True))
    client.force_login(admin_user)

    form = cohort_form(
        name=made.name,
        curriculum=made.curriculum_id,
        place=made.place_id,
        start_date="2027-03-01",
        session_count="8",
        capacity="12",
    )
    response = client.post(f"/admin/cohort/edit/{made.pk}/", form)

    assert response.status_code == 302
    made.refresh_from_db()
    assert (made.session_count, made.capacity) == (6, 12)  # the timetable field is disabled
    assert list(made.sessions.values_list("starts_at", flat=True)) == before


def test_the_listing_warns_about_cohorts_that_are_not_yet_multi_agency(client, admin_user):
    single = cohort(name="Councils only")
    mixed = cohort(name="Council and police")
    council = OrganisationFactory(place=mixed.place, kind=Organisation.Kind.COUNTY_COUNCIL)
    police = OrganisationFactory(place=mixed.place, kind=Organisation.Kind.POLICE)
    enrol(mixed, officer_of(council))
    enrol(mixed, officer_of(police))
    enrol(single, officer_of(OrganisationFactory(place=single.place)))
    client.force_login(admin_user)

    listing = client.get("/admin/cohort/").content.decode()

    rows = {name: listing.split(name, 1)[1][:1500] for name in ("Councils only", "Council and")}
    assert "Warning: needs another kind of public body" in rows["Councils only"]
    assert "2 kinds of public body" in rows["Council and"]


def test_curricula_keep_their_modules_in_order(client, admin_user):
    made = curriculum(modules=3)
    titles = [item.module.title for item in CurriculumModule.objects.filter(curriculum=made)]
    client.force_login(admin_user)

    page = client.get(f"/admin/curriculum/edit/{made.pk}/").content.decode()

    for title in titles:
        assert title in page


@pytest.mark.parametrize("role", [roles.LGA_EDITOR, roles.LGA_PUBLISHER])
def test_only_administrators_run_cohorts_in_the_admin(client, role):
    client.force_login(UserFactory(role=role))
    response = client.get("/admin/cohort/")
    assert response.status_code == 302 and response.url == "/admin/"


def test_cancelling_a_cohort_tells_everyone_and_takes_it_out_of_their_calendars(
    client, admin_user, mailoutbox
):
    from cohorts import notifications, services
    from cohorts.models import Notification

    link = "https://meet.example/kent-cohort-secret"
    made = cohort(confirm=True, capacity=1, online_link=link)
    council = OrganisationFactory(place=made.place)
    enrolled, waiting = officer_of(council), officer_of(council)
    enrol(made, enrolled)
    enrol(made, waiting)
    services.turn_on_calendar_feed(person=enrolled)
    mailoutbox.clear()
    client.force_login(admin_user)

    with committed():
        client.post(f"/admin/cohort/cancel/{made.pk}/")

    made.refresh_from_db()
    assert made.status == Cohort.Status.CANCELLED
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([enrolled.email, waiting.email])
    filename, content, _type = mailoutbox[0].attachments[0]
    assert filename == "cancelled.ics"
    assert "METHOD:CANCEL" in content and "STATUS:CANCELLED" in content
    # The person on the waiting list never had the meeting link, and is not given it now.
    for mail in mailoutbox:
        assert link not in mail.body
        assert all(link not in str(attachment[1]) for attachment in mail.attachments)
    feed = client.get(f"/cohorts/calendar/{enrolled.calendar_feed.token}.ics").content.decode()
    assert "BEGIN:VEVENT" not in feed
    first = made.sessions.order_by("starts_at").first()
    notifications.decide_due(now=first.starts_at - timezone.timedelta(days=3))
    assert not Notification.objects.filter(kind=Notification.Kind.REMINDER_WEEK).exists()
    assert ModelLogEntry.objects.filter(action="cohorts.cohort.cancel").count() == 1
