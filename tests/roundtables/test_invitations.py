"""Inviting chief executives, and their answers: from the site or the link in the email,
under the Chatham House rule, with a waiting list in arrival order."""

import re

import pytest
from django.core import mail, signing
from django.urls import reverse

from academy.models import LeadershipRole
from roundtables import exceptions, selectors, services
from roundtables.models import Invitation, Notification
from tests.factories import (
    UserFactory,
    attending,
    chief_executive,
    committed,
    invited,
    round_table,
)

pytestmark = pytest.mark.django_db
Status = Invitation.Status


def test_an_invitee_gets_one_email_with_a_link_that_answers_without_signing_in(client):
    table = round_table(title="Digital and devolution")
    person = chief_executive(full_name="Amara Okafor")
    invited(table, person)

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [person.email]
    assert "Digital and devolution" in email.subject
    # The token carries the second it was signed, so read the link from the email itself.
    prefix = reverse("roundtables:answer", args=["TOKEN"]).removesuffix("TOKEN/")
    found = re.search(re.escape(prefix) + r"([^/\s]+)/", email.body)
    assert found, email.body
    assert selectors.invitation_for_token(found[1]) == Invitation.objects.get()
    link = found[0]

    page = client.get(link)
    assert page.status_code == 200
    assert "Chatham House rule" in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in page.content.decode()

    with committed():
        response = client.post(link, {"answer": "accept", "agrees_to_rule": "on", "listed": "on"})
    assert "Your place is confirmed" in response.content.decode()
    invitation = Invitation.objects.get()
    assert invitation.status == Status.ACCEPTED
    assert invitation.agreed_to_rule_at is not None
    assert invitation.listed
    # Answering by link signs nobody in.
    assert "_auth_user_id" not in client.session
    confirmation = mail.outbox[-1]
    assert "confirmed" in confirmation.subject
    ics = [a for a in confirmation.attachments if a[0].endswith(".ics")]
    assert ics and "Digital and devolution" in str(ics[0][1])


def test_accepting_without_agreeing_to_the_rule_is_refused_with_a_message(client):
    table = round_table()
    person = chief_executive()
    invitation = invited(table, person)
    client.force_login(person)

    response = client.post(
        reverse("roundtables:round-table", args=[table.pk]), {"answer": "accept"}
    )

    assert response.status_code == 200
    assert (
        "Agree to keep to the Chatham House rule to accept your place." in response.content.decode()
    )
    invitation.refresh_from_db()
    assert invitation.status == Status.INVITED
    with pytest.raises(exceptions.RuleNotAgreed):
        services.accept(invitation=invitation, agrees_to_rule=False, listed=False)


def test_a_link_stops_working_when_the_invitation_is_withdrawn(client):
    table = round_table()
    invitation = invited(table, chief_executive())
    link = reverse("roundtables:answer", args=[selectors.answer_token(invitation)])
    services.withdraw_invitation(invitation=invitation, by=table.created_by)

    assert client.get(link).status_code == 404
    assert client.get(reverse("roundtables:answer", args=["not-a-token"])).status_code == 404
    assert client.post(link, {"answer": "decline"}).status_code == 404


def test_a_link_for_one_invitation_cannot_answer_another():
    first, second = round_table(), round_table()
    person = chief_executive()
    mine = invited(first, person)
    other = invited(second, person)
    token = selectors.answer_token(mine)

    assert selectors.invitation_for_token(token).round_table == first
    # Another invitation's number with this one's secret, however well signed, is nothing.
    crossed = signing.dumps({"i": other.pk, "n": mine.nonce}, salt=selectors.ANSWER_SALT)
    assert selectors.invitation_for_token(crossed) is None
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert selectors.invitation_for_token(tampered) is None


def test_only_chief_executives_and_corporate_directors_can_be_invited():
    table = round_table()
    director = chief_executive(leadership_role=LeadershipRole.CORPORATE_DIRECTOR)
    head_of_service = UserFactory(leadership_role=LeadershipRole.DIRECTOR)

    invited(table, director)
    with pytest.raises(exceptions.NotInvitable):
        services.invite(round_table=table, person=head_of_service, by=table.created_by)
    with pytest.raises(exceptions.AlreadyInvited):
        services.invite(round_table=table, person=director, by=table.created_by)


def test_when_places_are_taken_people_wait_in_order_and_the_first_gets_a_freed_place():
    table = round_table(capacity=2)
    first, second, third, fourth = (chief_executive() for _ in range(4))
    attending(table, first)
    attending(table, second)
    waiting_third = attending(table, third)
    waiting_fourth = attending(table, fourth)
    assert (waiting_third.status, waiting_fourth.status) == (Status.WAITLISTED, Status.WAITLISTED)
    assert "waiting list" in mail.outbox[-1].subject

    with committed():
        services.decline(invitation=Invitation.objects.get(person=first), by=first)

    waiting_third.refresh_from_db()
    waiting_fourth.refresh_from_db()
    assert waiting_third.status == Status.ACCEPTED
    assert waiting_fourth.status == Status.WAITLISTED
    offer = mail.outbox[-1]
    assert offer.to == [third.email]
    assert "A place for you" in offer.subject
    assert [a[0] for a in offer.attachments] == ["round-table.ics"]


def test_nobody_can_accept_after_the_date_to_answer_by(client):
    table = round_table()
    person = chief_executive()
    invitation = invited(table, person)
    from django.utils import timezone

    type(table).objects.filter(pk=table.pk).update(invitation_deadline=timezone.now())
    client.force_login(person)

    response = client.post(
        reverse("roundtables:round-table", args=[table.pk]),
        {"answer": "accept", "agrees_to_rule": "on"},
    )

    assert "The date to answer has passed" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Status.INVITED


def test_someone_who_declined_can_change_their_mind_before_the_deadline():
    table = round_table()
    person = chief_executive()
    invitation = invited(table, person)
    services.decline(invitation=invitation, by=person)

    accepted = services.accept(invitation=invitation, agrees_to_rule=True, listed=False, by=person)

    assert accepted.status == Status.ACCEPTED


def test_the_answer_is_written_to_the_audit_log_with_who_and_when():
    from wagtail.models import ModelLogEntry

    table = round_table()
    person = chief_executive()
    attending(table, person)

    entry = ModelLogEntry.objects.get(action="roundtables.invitation.accept")
    assert entry.user == person
    assert entry.data["status"] == Status.ACCEPTED
    assert Notification.objects.filter(person=person, kind="place-confirmed").exists()
