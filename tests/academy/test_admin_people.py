"""The People area of the Wagtail admin, used by LGA administrators."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from academy import roles
from academy.models import Invitation
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def invitation_form(**overrides):
    data = {
        "email": "new.officer@council.example",
        "full_name": "Nia Evans",
        "job_title": "Assistant director",
        "organisation": OrganisationFactory().pk,
        "role": Group.objects.get(name=roles.SENIOR_OFFICER).pk,
        "political_group": "",
    }
    data.update(overrides)
    return data


def test_administrator_sends_an_invitation_from_the_admin(
    client, admin_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/invitation/new/", invitation_form())

    assert response.status_code == 302
    invitation = Invitation.objects.pending().get()
    assert invitation.invited_by == admin_user
    assert [email.to for email in mailoutbox] == [["new.officer@council.example"]]
    assert ModelLogEntry.objects.filter(action="academy.invitation.send").count() == 1
    listing = client.get("/admin/invitation/").content.decode()
    assert "Nia Evans" in listing and "Pending" in listing


def test_inviting_someone_who_has_an_account_is_refused_with_a_message(client, admin_user):
    UserFactory(email="taken@council.example")
    client.force_login(admin_user)
    response = client.post("/admin/invitation/new/", invitation_form(email="taken@council.example"))
    assert response.status_code == 200
    assert "Someone with this email address already has an account." in response.content.decode()
    assert not Invitation.objects.exists()


def test_invitation_form_refuses_a_malformed_address(client, admin_user):
    client.force_login(admin_user)
    response = client.post("/admin/invitation/new/", invitation_form(email="not an address"))
    assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_invitations_are_inspected_not_edited(client, admin_user):
    client.force_login(admin_user)
    client.post("/admin/invitation/new/", invitation_form())
    invitation = Invitation.objects.get()
    response = client.get(f"/admin/invitation/edit/{invitation.pk}/")
    assert response.status_code == 302
    assert response.url == f"/admin/invitation/inspect/{invitation.pk}/"
    assert client.get(response.url).status_code == 200


@pytest.mark.parametrize("role", [roles.LGA_EDITOR, roles.LGA_PUBLISHER])
def test_only_administrators_manage_people(client, role):
    client.force_login(UserFactory(role=role))
    assert client.get("/admin/invitation/").status_code in {302, 403}
    assert client.get("/admin/users/").status_code in {302, 403}
    response = client.post("/admin/invitation/new/", invitation_form())
    assert response.status_code in {302, 403}
    assert not Invitation.objects.exists()


def test_administrator_edits_a_person_with_a_full_name(client, admin_user, officer):
    client.force_login(admin_user)
    response = client.post(
        f"/admin/users/edit/{officer.pk}/",
        {
            "email": officer.email,
            "full_name": "Samira Whitfield",
            "job_title": officer.job_title,
            "organisation": officer.organisation_id,
            "is_active": "on",
            "groups": [Group.objects.get(name=roles.SENIOR_OFFICER).pk],
        },
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.full_name == "Samira Whitfield"


def test_administrator_resends_an_invitation_after_confirming(
    client, admin_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/invitation/new/", invitation_form())
    invitation = Invitation.objects.get()
    inspect = client.get(f"/admin/invitation/inspect/{invitation.pk}/").content.decode()
    assert f"/admin/invitation/resend/{invitation.pk}/" in inspect

    confirm = client.get(f"/admin/invitation/resend/{invitation.pk}/")
    assert "will stop working" in confirm.content.decode()
    assert len(mailoutbox) == 1  # asking to confirm changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/invitation/resend/{invitation.pk}/", follow=True)

    assert "A new invitation link has been sent" in response.content.decode()
    assert len(mailoutbox) == 2
    assert mailoutbox[0].body != mailoutbox[1].body  # a different link


def test_administrator_withdraws_an_invitation_and_cannot_resend_it(client, admin_user):
    client.force_login(admin_user)
    client.post("/admin/invitation/new/", invitation_form())
    invitation = Invitation.objects.get()

    client.post(f"/admin/invitation/withdraw/{invitation.pk}/")
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    response = client.post(f"/admin/invitation/resend/{invitation.pk}/", follow=True)
    assert "This invitation has been withdrawn." in response.content.decode()
    inspect = client.get(f"/admin/invitation/inspect/{invitation.pk}/").content.decode()
    assert "/admin/invitation/resend/" not in inspect


def test_people_without_the_permission_cannot_resend(client, admin_user):
    client.force_login(admin_user)
    client.post("/admin/invitation/new/", invitation_form())
    invitation = Invitation.objects.get()
    client.force_login(UserFactory(role=roles.LGA_EDITOR))
    response = client.post(f"/admin/invitation/resend/{invitation.pk}/")
    assert response.status_code in {302, 403, 404}
    invitation.refresh_from_db()
    assert not ModelLogEntry.objects.filter(action="academy.invitation.resend").exists()
