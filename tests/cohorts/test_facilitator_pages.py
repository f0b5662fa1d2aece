"""The facilitator's pages: invite, register attendance quickly, read feedback without names,
export attendance and feedback as CSV, move a session with every participant told, and close
the cohort so that those who came to enough sessions complete it and get a certificate."""

import csv
import io
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from wagtail.models import ModelLogEntry

from academy.models import Organisation
from cohorts import services
from cohorts.models import Attendance, Cohort, CohortSession, Enrolment, Weekday
from learning.models import Certificate
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    cohort,
    committed,
    enrol,
    facilitator,
    officer_of,
)

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")
K = Organisation.Kind
# Sessions on Tuesdays at 10am: 5 Jan, 9 Feb, 23 Mar, 4 May, 8 Jun, 20 Jul, 24 Aug, 28 Sep 2027.
DURING = datetime(2027, 4, 1, 12, 0, tzinfo=UK)
AFTER = datetime(2027, 10, 1, 12, 0, tzinfo=UK)


def at(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def running():
    the_cohort = cohort(
        name="Kent and Medway 2027",
        start_date=date(2027, 1, 4),
        weekday=Weekday.TUESDAY,
        local_start_time=time(10, 0),
        session_count=8,
        span_months=9,
        capacity=3,
        confirm=True,
    )
    council = OrganisationFactory(name="Medway Council", place=the_cohort.place)
    police = OrganisationFactory(name="Kent Police", place=the_cohort.place, kind=K.POLICE)
    people = [
        officer_of(council, full_name="Asha Verma"),
        officer_of(police, full_name="Ben Carter"),
        officer_of(council, full_name="=HYPERLINK(evil)"),
    ]
    for person in people:
        enrol(the_cohort, person)
    return the_cohort, the_cohort.facilitators.get(), people


def test_only_its_facilitators_and_lga_staff_reach_a_cohorts_pages(client, running, admin_user):
    the_cohort, _facilitator, people = running
    urls = [
        f"/cohorts/{the_cohort.pk}/manage/",
        f"/cohorts/{the_cohort.pk}/manage/invite/",
        f"/cohorts/{the_cohort.pk}/manage/sessions/1/attendance/",
        f"/cohorts/{the_cohort.pk}/manage/sessions/8/move/",
        f"/cohorts/{the_cohort.pk}/manage/feedback/",
        f"/cohorts/{the_cohort.pk}/manage/attendance.csv",
        f"/cohorts/{the_cohort.pk}/manage/feedback.csv",
        f"/cohorts/{the_cohort.pk}/manage/people/{people[0].pk}/remove/",
    ]
    for outsider in (facilitator(), people[0]):
        client.force_login(outsider)
        for url in urls:
            assert client.get(url).status_code == 404, (outsider, url)
        assert client.post(f"/cohorts/{the_cohort.pk}/manage/close/").status_code == 404
    client.force_login(admin_user)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_inviting_refuses_bad_addresses_with_a_message_and_keeps_what_was_typed(
    client, running, mailoutbox
):
    the_cohort, by, _people = running
    mailoutbox.clear()
    newcomer = officer_of(OrganisationFactory(place=the_cohort.place, kind=K.NHS))
    elsewhere = UserFactory()  # works for an organisation in another place
    client.force_login(by)
    url = f"/cohorts/{the_cohort.pk}/manage/invite/"

    bad = client.post(url, {"emails": f"{newcomer.email}\nnot-an-address"})
    assert "These are not email addresses: not-an-address." in bad.content.decode()
    assert newcomer.email in bad.content.decode()
    unknown = client.post(url, {"emails": "nobody@council.example"})
    assert "Nobody has an account with nobody@council.example." in unknown.content.decode()
    assert not mailoutbox

    with committed():
        partly = client.post(url, {"emails": f"{newcomer.email}\n{elsewhere.email}"})
    page = partly.content.decode()
    assert f"Invited {newcomer.full_name}." in page
    assert "which is not in" in page  # why the other was not invited, with their address kept
    assert elsewhere.email in page
    assert [mail.to for mail in mailoutbox] == [[newcomer.email]]


def test_attendance_is_registered_quickly_and_audited_once_per_session(client, running):
    the_cohort, by, people = running
    url = f"/cohorts/{the_cohort.pk}/manage/sessions/2/attendance/"
    with at(DURING):
        client.force_login(by)
        page = client.get(url).content.decode()
        assert page.count('type="radio"') == 9  # three choices for each of three people
        response = client.post(
            url,
            {f"person-{people[1].pk}": "apologies", "action": "everyone-else"},
            follow=True,
        )
    assert "Attendance for session 2 is saved (3 changed)." in response.content.decode()
    marks = dict(Attendance.objects.filter(session__number=2).values_list("person_id", "status"))
    assert marks == {people[0].pk: "attended", people[1].pk: "apologies", people[2].pk: "attended"}
    (entry,) = ModelLogEntry.objects.filter(action="cohorts.attendance.record")
    assert entry.user_id == by.pk


def test_attendance_cannot_be_registered_before_a_session_or_for_outsiders(running):
    the_cohort, by, people = running
    outsider = officer_of(OrganisationFactory(place=the_cohort.place))
    with at(DURING):
        future = the_cohort.sessions.get(number=5)
        with pytest.raises(services.exceptions.InvalidInput, match="once the session has"):
            services.record_attendance(session=future, marks={people[0].pk: "attended"}, by=by)
        past = the_cohort.sessions.get(number=1)
        with pytest.raises(services.exceptions.NotAParticipant):
            services.record_attendance(session=past, marks={outsider.pk: "attended"}, by=by)


def test_feedback_is_read_without_names_and_exported(client, running):
    the_cohort, by, people = running
    session = the_cohort.sessions.get(number=1)
    with at(DURING):
        services.submit_feedback(
            session=session, person=people[0], rating=5, most_useful="=SUM(A1:A9) was useful"
        )
        services.submit_feedback(session=session, person=people[1], rating=2, improve="Shorter")
        client.force_login(by)
        page = client.get(f"/cohorts/{the_cohort.pk}/manage/feedback/").content.decode()
        download = client.get(f"/cohorts/{the_cohort.pk}/manage/feedback.csv")

    assert "Excellent" in page and "Shorter" in page
    assert "Asha Verma" not in page and "Ben Carter" not in page
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Session", "Title", "Date", "Rating (1 to 5)"]
    assert {row[3] for row in rows[1:]} == {"5", "2"}
    assert "'=SUM(A1:A9) was useful" in [row[5] for row in rows[1:]]  # not run as a formula
    assert "Asha Verma" not in download.content.decode()


def test_attendance_exports_as_csv_with_a_column_per_session(client, running):
    the_cohort, by, people = running
    with at(DURING):
        services.record_attendance(
            session=the_cohort.sessions.get(number=1),
            marks={people[0].pk: "attended", people[1].pk: "absent"},
            by=by,
        )
        client.force_login(by)
        download = client.get(f"/cohorts/{the_cohort.pk}/manage/attendance.csv")

    assert download["Content-Disposition"].startswith(
        'attachment; filename="kent-and-medway-2027-attendance-'
    )
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0][4] == "1. Academy module 1.1 (05 Jan 2027)"
    assert len(rows[0]) == 4 + 8 + 1
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Asha Verma"][4] == "Attended" and by_name["Asha Verma"][-1] == "1"
    assert by_name["Ben Carter"][4] == "Absent"
    assert "'=HYPERLINK(evil)" in by_name  # a name that looks like a formula is quoted


@pytest.mark.parametrize(
    ("number", "day", "at_time", "message"),
    [
        (4, "2027-05-31", "10:00", "Monday 31 May 2027 is a bank holiday (Spring Bank Holiday)."),
        (4, "2027-05-29", "10:00", "Saturday 29 May 2027 is a weekend. Choose a weekday."),
        (8, "2027-10-08", "10:00", "Choose a day from 4 January 2027 to 3 October 2027"),
        (4, "2027-06-08", "10:00", "Session 5 is already on Tuesday 8 June 2027."),
        (4, "2027-06-15", "10:00", "session 4 must stay before session 5 on Tuesday 8 June 2027."),
        (5, "2027-04-27", "10:00", "session 5 must stay after session 4 on Tuesday 4 May 2027."),
        (4, "2027-03-31", "10:00", "Choose a time in the future."),
        (4, "2027-04-30", "25:00", "Enter a time like 14:30, using the 24-hour clock."),
        (4, "2027-02-30", "10:00", "The new date must be a real date."),
        (4, "", "10:00", "Enter the new date."),
    ],
)
def test_moving_a_session_is_refused_with_a_reason(client, running, number, day, at_time, message):
    the_cohort, by, _people = running
    year, month, date_of_month = day.split("-") if day else ("", "", "")
    before = the_cohort.sessions.get(number=number).starts_at
    with at(DURING):
        client.force_login(by)
        response = client.post(
            f"/cohorts/{the_cohort.pk}/manage/sessions/{number}/move/",
            {"day-day": date_of_month, "day-month": month, "day-year": year, "at": at_time},
        )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert the_cohort.sessions.get(number=number).starts_at == before


def test_a_session_that_has_happened_cannot_move(running):
    the_cohort, by, _people = running
    with at(DURING), pytest.raises(services.exceptions.CannotMoveSession, match="already started"):
        services.reschedule_session(
            session=the_cohort.sessions.get(number=1), day=date(2027, 4, 13), at=time(10), by=by
        )


def test_moving_a_session_keeps_its_length_and_tells_everyone(client, running, mailoutbox):
    the_cohort, by, people = running
    mailoutbox.clear()
    with at(DURING), committed():
        client.force_login(by)
        response = client.post(
            f"/cohorts/{the_cohort.pk}/manage/sessions/4/move/",
            {"day-day": "5", "day-month": "5", "day-year": "2027", "at": "14:30"},
        )
    assert response.status_code == 302
    moved = the_cohort.sessions.get(number=4)
    assert moved.starts_at == datetime(2027, 5, 5, 14, 30, tzinfo=UK)
    assert moved.ends_at == datetime(2027, 5, 5, 17, 30, tzinfo=UK)
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(p.email for p in people)
    entry = ModelLogEntry.objects.get(action="cohorts.session.move")
    assert entry.user_id == by.pk


def test_closing_the_cohort_completes_it_for_those_who_came_to_enough_sessions(
    client, running, mailoutbox
):
    the_cohort, by, people = running
    regular, patchy, _third = people
    sessions = list(the_cohort.sessions.order_by("number"))
    with at(AFTER):
        for index, session in enumerate(sessions):
            marks = {regular.pk: "attended"}
            marks[patchy.pk] = "attended" if index < 5 else "absent"  # 5 of 8: under 75%
            services.record_attendance(session=session, marks=marks, by=by)
        client.force_login(by)
        mailoutbox.clear()
        with committed():
            response = client.post(f"/cohorts/{the_cohort.pk}/manage/close/", follow=True)

    assert "1 people completed it" in response.content.decode()
    statuses = dict(the_cohort.enrolments.values_list("person_id", "status"))
    assert statuses[regular.pk] == Enrolment.Status.COMPLETED
    assert statuses[patchy.pk] == Enrolment.Status.ENROLLED
    certificate = Certificate.objects.get()
    assert (certificate.person, certificate.cohort) == (regular, the_cohort)
    assert certificate.programme_name == "Digital Academy: Kent and Medway 2027"
    assert [mail.subject for mail in mailoutbox] == [
        "Your certificate: Digital Academy: Kent and Medway 2027"
    ]
    the_cohort.refresh_from_db()
    assert the_cohort.status == Cohort.Status.COMPLETED


def test_the_share_of_sessions_needed_to_complete_is_set_per_cohort(running, admin_user):
    the_cohort, by, people = running
    services.update_cohort(cohort=the_cohort, by=admin_user, completion_percent=50)
    with at(AFTER):
        for session in the_cohort.sessions.order_by("number")[:4]:
            services.record_attendance(session=session, marks={people[0].pk: "attended"}, by=by)
        assert services.complete_cohort(cohort_id=the_cohort.pk, by=by) == 1


def test_a_cohort_closes_by_itself_once_every_session_is_registered(running):
    the_cohort, by, people = running
    with at(AFTER), committed():
        for session in CohortSession.objects.filter(cohort=the_cohort).order_by("number"):
            services.record_attendance(
                session=session, marks={person.pk: "attended" for person in people}, by=by
            )
    the_cohort.refresh_from_db()
    assert the_cohort.status == Cohort.Status.COMPLETED
    assert Certificate.objects.count() == 3


def test_a_cohort_cannot_close_before_its_last_session(running):
    the_cohort, by, _people = running
    with at(DURING), pytest.raises(services.exceptions.InvalidInput, match="last session"):
        services.complete_cohort(cohort_id=the_cohort.pk, by=by)


def test_taking_someone_out_gives_their_place_to_the_next_in_line(client, running, mailoutbox):
    the_cohort, by, people = running
    waiting = officer_of(OrganisationFactory(place=the_cohort.place, kind=K.NHS))
    enrol(the_cohort, waiting)
    mailoutbox.clear()
    client.force_login(by)

    with committed():
        client.post(f"/cohorts/{the_cohort.pk}/manage/people/{people[0].pk}/remove/")

    statuses = dict(the_cohort.enrolments.values_list("person_id", "status"))
    assert statuses[people[0].pk] == Enrolment.Status.WITHDRAWN
    assert statuses[waiting.pk] == Enrolment.Status.ENROLLED
    assert [mail.to for mail in mailoutbox] == [[waiting.email]]


def test_someone_who_completed_the_cohort_finds_their_certificate_on_its_page(client, running):
    the_cohort, by, people = running
    with at(AFTER):
        for session in the_cohort.sessions.all():
            services.record_attendance(session=session, marks={people[0].pk: "attended"}, by=by)
        services.complete_cohort(cohort_id=the_cohort.pk, by=by)
        client.force_login(people[0])
        page = client.get(f"/cohorts/{the_cohort.pk}/").content.decode()

    certificate = Certificate.objects.get(person=people[0])
    assert "You completed this cohort" in page
    assert f"/learning/certificates/{certificate.pk}/" in page
