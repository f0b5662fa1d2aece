import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.mail.backends import locmem
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from academy import exceptions, roles, services
from academy.models import Invitation, User
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-and-unusual-passphrase"


def invite(by, email="new.person@council.example", role=roles.SENIOR_OFFICER, **kwargs):
    return services.invite_person(
        email=email,
        full_name=kwargs.pop("full_name", "Jo Bloggs"),
        role=Group.objects.get(name=role),
        by=by,
        **kwargs,
    )


def link_path(invitation):
    return services.invitation_url(invitation).removeprefix("http://testserver")


def accept(client, path, password=NEW_PASSWORD):
    return client.post(path, {"new_password1": password, "new_password2": password})


def test_invitation_email_goes_out_once_after_commit_with_a_working_link(
    admin_user, client, mailoutbox, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Kent County Council")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(admin_user, organisation=organisation, email=" Jo@Council.Example ")

    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["jo@council.example"]
    assert "invited to the Digital Leadership Academy" in email.subject
    assert "Priya Shah has invited you" in email.body
    url = re.search(r"http://testserver(\S+)", email.body).group(1)
    assert client.get(url).status_code == 200
    invitation.refresh_from_db()
    assert invitation.email_sent_at is not None


def test_delivering_the_same_invitation_twice_sends_one_email(admin_user, mailoutbox):
    invitation = invite(admin_user)  # no commit in this test: the task has not run
    assert mailoutbox == []

    assert services.deliver_invitation_email(invitation_id=invitation.pk) is True
    assert services.deliver_invitation_email(invitation_id=invitation.pk) is False
    assert len(mailoutbox) == 1


def test_no_email_is_recorded_as_sent_when_sending_fails(admin_user, mailoutbox, monkeypatch):
    invitation = invite(admin_user)

    def mail_server_down(self, messages):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", mail_server_down)
    with pytest.raises(ConnectionError):
        services.deliver_invitation_email(invitation_id=invitation.pk)
    invitation.refresh_from_db()
    assert invitation.email_sent_at is None  # so the retry sends it


def test_invitee_sets_a_password_and_is_signed_in_with_their_role(admin_user, client):
    organisation = OrganisationFactory()
    invitation = invite(
        admin_user, role=roles.COUNCILLOR, organisation=organisation, political_group="labour"
    )

    response = accept(client, link_path(invitation))

    assert response.status_code == 302
    assert response.url == reverse("account:profile")
    person = User.objects.get(email="new.person@council.example")
    assert person.check_password(NEW_PASSWORD)
    assert person.organisation == organisation
    assert person.political_group == "labour"
    assert list(person.groups.values_list("name", flat=True)) == [roles.COUNCILLOR]
    assert client.get(reverse("account:profile")).context["person"] == person
    entry = ModelLogEntry.objects.get(action="academy.invitation.accept")
    assert entry.user_id == person.pk


def test_invitation_link_works_only_once(admin_user, client):
    path = link_path(invite(admin_user))
    accept(client, path)
    client.logout()

    again = client.get(path)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert accept(client, path, "another-long-passphrase").status_code == 410
    assert User.objects.filter(email="new.person@council.example").count() == 1


def test_invitation_link_expires(admin_user, client):
    path = link_path(invite(admin_user))
    with time_machine.travel(timezone.now() + timedelta(days=14, minutes=1)):
        response = client.get(path)
        assert response.status_code == 410
        assert "This invitation has expired" in response.content.decode()
        assert accept(client, path).status_code == 410
    assert not User.objects.filter(email="new.person@council.example").exists()


def test_a_tampered_link_is_refused_without_an_error(admin_user, client):
    path = link_path(invite(admin_user))
    response = client.get(path[:-3] + "abc/")
    assert response.status_code == 404
    assert "not valid" in response.content.decode()
    assert client.get("/account/invitation/nonsense/").status_code == 404


def test_resending_makes_earlier_links_stop_working(admin_user, client):
    invitation = invite(admin_user)
    old_path = link_path(invitation)
    invitation = services.resend_invitation(invitation=invitation, by=admin_user)

    assert client.get(old_path).status_code == 404
    assert client.get(link_path(invitation)).status_code == 200


def test_a_second_invitation_to_the_same_address_withdraws_the_first(admin_user, client):
    first_path = link_path(invite(admin_user))
    invite(admin_user, email="NEW.person@council.example", role=roles.COUNCILLOR)

    response = client.get(first_path)
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()
    assert Invitation.objects.pending().get().role.name == roles.COUNCILLOR


def test_withdrawn_invitation_cannot_be_accepted(admin_user, client):
    invitation = invite(admin_user)
    services.withdraw_invitation(invitation=invitation, by=admin_user)
    assert accept(client, link_path(invitation)).status_code == 410


def test_weak_password_is_refused_with_a_message_and_the_link_still_works(admin_user, client):
    path = link_path(invite(admin_user))

    response = accept(client, path, "password")
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "This password is too short" in body
    mismatch = client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": "different"})
    assert "The two password fields didn’t match." in mismatch.content.decode()
    assert accept(client, path).status_code == 302


def test_only_lga_administrators_may_invite(officer):
    with pytest.raises(exceptions.PermissionDenied):
        invite(officer)
    assert not Invitation.objects.exists()


def test_cannot_invite_someone_who_already_has_an_account(admin_user):
    UserFactory(email="existing@council.example")
    with pytest.raises(exceptions.AlreadyRegistered):
        invite(admin_user, email="Existing@Council.example")


def test_sending_an_invitation_is_audited(admin_user):
    invitation = invite(admin_user)
    entry = ModelLogEntry.objects.get(action="academy.invitation.send")
    assert entry.user_id == admin_user.pk
    assert entry.object_id == str(invitation.pk)
