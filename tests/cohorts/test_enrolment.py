"""Invitations, places and the waiting list: capacity holds, the waiting list is served in the
order people accepted, a freed place goes to the first in line, who is told; the academy is
place-based, and staff are warned until a cohort is multi-agency."""

import pytest
from wagtail.models import ModelLogEntry

from academy import roles
from academy.models import Organisation
from cohorts import exceptions, selectors, services
from cohorts.models import Enrolment, Notification
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

Status = Enrolment.Status
K = Organisation.Kind


@pytest.fixture
def small_cohort():
    return cohort(capacity=2, confirm=True)


def officers(the_cohort, count, kind=K.DISTRICT_COUNCIL):
    organisation = OrganisationFactory(place=the_cohort.place, kind=kind)
    return [officer_of(organisation) for _ in range(count)]


def test_an_invited_officer_gets_an_email_and_accepts_a_place(small_cohort, mailoutbox):
    (person,) = officers(small_cohort, 1)

    with committed():
        services.invite_to_cohort(
            cohort=small_cohort, person=person, by=small_cohort.facilitators.get()
        )
    enrolment = services.accept_place(cohort=small_cohort, person=person)

    assert enrolment.status == Status.ENROLLED
    assert [mail.subject for mail in mailoutbox] == [f"You are invited to join {small_cohort.name}"]
    assert f"/cohorts/{small_cohort.pk}/" in mailoutbox[0].body
    assert mailoutbox[0].to == [person.email]


def test_when_places_are_taken_people_who_accept_wait_in_the_order_they_accepted(small_cohort):
    first, second, third, fourth = officers(small_cohort, 4)
    for person in (first, second, third, fourth):
        with committed():
            services.invite_to_cohort(
                cohort=small_cohort, person=person, by=small_cohort.facilitators.get()
            )
    for person in (second, fourth, first, third):
        services.accept_place(cohort=small_cohort, person=person)

    statuses = dict(small_cohort.enrolments.values_list("person", "status"))
    assert statuses == {
        second.pk: Status.ENROLLED,
        fourth.pk: Status.ENROLLED,
        first.pk: Status.WAITLISTED,
        third.pk: Status.WAITLISTED,
    }
    waiting = list(
        small_cohort.enrolments.filter(status=Status.WAITLISTED)
        .order_by("queue_number")
        .values_list("person", flat=True)
    )
    assert waiting == [first.pk, third.pk]


def test_a_withdrawal_gives_the_place_to_the_first_on_the_waiting_list_who_is_told(
    small_cohort, mailoutbox
):
    first, second, third, fourth = officers(small_cohort, 4)
    for person in (first, second, third, fourth):
        enrol(small_cohort, person)
    mailoutbox.clear()

    with committed():
        services.withdraw(cohort=small_cohort, person=first, by=first)

    statuses = dict(small_cohort.enrolments.values_list("person", "status"))
    assert statuses[first.pk] == Status.WITHDRAWN
    assert statuses[third.pk] == Status.ENROLLED
    assert statuses[fourth.pk] == Status.WAITLISTED
    assert [(mail.to, mail.subject) for mail in mailoutbox] == [
        ([third.email], f"A place has come up for you in {small_cohort.name}")
    ]
    # The timetable comes with the place, as a calendar file.
    filename, content, mimetype = mailoutbox[0].attachments[0]
    assert (filename, mimetype) == ("timetable.ics", "text/calendar")
    assert content.count("BEGIN:VEVENT") == small_cohort.session_count


def test_leaving_the_waiting_list_promotes_nobody(small_cohort):
    first, second, third = officers(small_cohort, 3)
    for person in (first, second, third):
        enrol(small_cohort, person)

    services.withdraw(cohort=small_cohort, person=third, by=third)

    assert small_cohort.enrolments.filter(status=Status.ENROLLED).count() == 2


def test_more_places_take_people_off_the_waiting_list(small_cohort, admin_user):
    people = officers(small_cohort, 4)
    for person in people:
        enrol(small_cohort, person)

    with committed():
        services.update_cohort(cohort=small_cohort, by=admin_user, capacity=3)

    assert small_cohort.enrolments.filter(status=Status.ENROLLED).count() == 3
    assert Notification.objects.filter(kind=Notification.Kind.PLACE_OFFERED).count() == 1


def test_places_cannot_drop_below_the_number_enrolled(small_cohort, admin_user):
    for person in officers(small_cohort, 2):
        enrol(small_cohort, person)

    with pytest.raises(exceptions.InvalidCohortSetup, match="2 people are already enrolled"):
        services.update_cohort(cohort=small_cohort, by=admin_user, capacity=1)


def test_declining_and_being_invited_again(small_cohort, mailoutbox):
    (person,) = officers(small_cohort, 1)
    by = small_cohort.facilitators.get()
    with committed():
        services.invite_to_cohort(cohort=small_cohort, person=person, by=by)
    services.decline_place(cohort=small_cohort, person=person)

    with pytest.raises(exceptions.NoInvitation):
        services.accept_place(cohort=small_cohort, person=person)
    with committed():
        services.invite_to_cohort(cohort=small_cohort, person=person, by=by)
    enrolment = services.accept_place(cohort=small_cohort, person=person)

    assert enrolment.status == Status.ENROLLED
    assert len(mailoutbox) == 2  # one email per invitation


def test_someone_already_in_the_cohort_is_not_invited_twice(small_cohort):
    (person,) = officers(small_cohort, 1)
    enrol(small_cohort, person)

    with pytest.raises(exceptions.AlreadyInCohort, match="already in this cohort"):
        services.invite_to_cohort(
            cohort=small_cohort, person=person, by=small_cohort.facilitators.get()
        )


def test_an_officer_from_another_place_cannot_join(small_cohort):
    elsewhere = UserFactory(role=roles.SENIOR_OFFICER)  # their organisation serves another place

    with pytest.raises(exceptions.OutsideThePlace, match="A cohort brings together"):
        services.invite_to_cohort(
            cohort=small_cohort, person=elsewhere, by=small_cohort.facilitators.get()
        )
    assert not small_cohort.enrolments.exists()


def test_an_officer_of_a_national_body_can_join_any_place(small_cohort):
    national = OrganisationFactory(place=None, kind=K.CENTRAL_GOVERNMENT)
    person = officer_of(national)

    enrolment = enrol(small_cohort, person)

    assert enrolment.status == Status.ENROLLED


def test_only_the_cohorts_facilitators_and_lga_staff_invite(small_cohort, admin_user):
    (person,) = officers(small_cohort, 1)
    someone_elses_facilitator = facilitator()

    with pytest.raises(exceptions.NotAFacilitator):
        services.invite_to_cohort(cohort=small_cohort, person=person, by=someone_elses_facilitator)
    with pytest.raises(exceptions.NotAFacilitator):
        services.invite_to_cohort(cohort=small_cohort, person=person, by=person)

    services.invite_to_cohort(cohort=small_cohort, person=person, by=admin_user)


def test_a_participant_cannot_withdraw_someone_else(small_cohort):
    first, second = officers(small_cohort, 2)
    enrol(small_cohort, first)
    enrol(small_cohort, second)

    with pytest.raises(exceptions.NotAFacilitator):
        services.withdraw(cohort=small_cohort, person=second, by=first)


def test_every_step_is_recorded_with_who_and_when(small_cohort):
    first, second, third = officers(small_cohort, 3)
    for person in (first, second, third):
        enrol(small_cohort, person)
    services.withdraw(cohort=small_cohort, person=first, by=first)

    entries = ModelLogEntry.objects.filter(action__startswith="cohorts.enrolment").order_by("pk")
    actions = [(entry.action, entry.user_id) for entry in entries]
    by = small_cohort.facilitators.get().pk
    assert actions == [
        ("cohorts.enrolment.invite", by),
        ("cohorts.enrolment.accept", first.pk),
        ("cohorts.enrolment.invite", by),
        ("cohorts.enrolment.accept", second.pk),
        ("cohorts.enrolment.invite", by),
        ("cohorts.enrolment.accept", third.pk),
        ("cohorts.enrolment.withdraw", first.pk),
        ("cohorts.enrolment.promote", first.pk),
    ]


def test_staff_are_warned_until_two_kinds_of_public_body_take_part():
    the_cohort = cohort(capacity=10)
    county = OrganisationFactory(place=the_cohort.place, kind=K.COUNTY_COUNCIL)
    district = OrganisationFactory(place=the_cohort.place, kind=K.DISTRICT_COUNCIL)
    charity = OrganisationFactory(place=the_cohort.place, kind=K.VOLUNTARY)
    police = OrganisationFactory(place=the_cohort.place, kind=K.POLICE)

    enrol(the_cohort, officer_of(county))
    enrol(the_cohort, officer_of(district))
    enrol(the_cohort, officer_of(charity))
    assert selectors.needs_more_agencies(the_cohort)  # councils are one kind; a charity none

    invited_only = officer_of(police)
    with committed():
        services.invite_to_cohort(
            cohort=the_cohort, person=invited_only, by=the_cohort.facilitators.get()
        )
    assert selectors.needs_more_agencies(the_cohort)  # invited is not taking part

    services.accept_place(cohort=the_cohort, person=invited_only)
    assert not selectors.needs_more_agencies(the_cohort)
    listed = selectors.cohorts_managed_by(the_cohort.facilitators.get()).get()
    assert listed.public_body_kinds == 2
