"""The People area of the Wagtail admin, used by LGA administrators."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from academy import exceptions, roles, services
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


def refused(response):
    """Wagtail turns away a signed-in person without the permission to its dashboard."""
    return response.status_code == 302 and response.url == "/admin/"


@pytest.mark.parametrize("role", [roles.LGA_EDITOR, roles.LGA_PUBLISHER])
def test_only_administrators_manage_people(client, role):
    client.force_login(UserFactory(role=role))
    assert refused(client.get("/admin/invitation/"))
    assert refused(client.get("/admin/users/"))
    assert refused(client.post("/admin/invitation/new/", invitation_form()))
    assert not Invitation.objects.exists()


def test_invitations_offer_only_the_academys_roles(client, admin_user):
    client.force_login(admin_user)
    form = client.get("/admin/invitation/new/").context["form"]
    offered = {group.name for group in form.fields["role"].queryset}
    assert offered == set(roles.ROLES)
    other = Group.objects.create(name="Site owners")
    response = client.post("/admin/invitation/new/", invitation_form(role=other.pk))
    assert response.status_code == 200
    assert not Invitation.objects.exists()
    with pytest.raises(exceptions.NotARole):
        services.invite_person(email="x@council.example", full_name="X", role=other, by=admin_user)


def test_invitations_are_withdrawn_never_deleted(client, admin_user):
    client.force_login(admin_user)
    client.post("/admin/invitation/new/", invitation_form())
    invitation = Invitation.objects.get()
    response = client.post(f"/admin/invitation/delete/{invitation.pk}/")
    assert refused(response)
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_invitation_listing_queries_do_not_grow_with_invitations(client, admin_user):
    client.force_login(admin_user)
    client.get("/admin/invitation/")  # warm Wagtail's per-process caches

    def add_invitations(count, prefix):
        for n in range(count):
            services.invite_person(
                email=f"{prefix}{n}@council.example",
                full_name="Invited Person",
                organisation=OrganisationFactory(),
                role=Group.objects.get(name=roles.COUNCILLOR),
                by=admin_user,
            )

    def listing_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/invitation/").status_code == 200
        return len(queries)

    add_invitations(2, "few")
    few = listing_queries()
    add_invitations(20, "many")
    assert listing_queries() == few


def test_administrators_cannot_make_superusers_set_passwords_or_add_people_directly(
    client, admin_user, officer
):
    client.force_login(admin_user)
    form = client.get(f"/admin/users/edit/{officer.pk}/").context["form"]
    assert "is_superuser" not in form.fields
    assert "password1" not in form.fields
    assert {group.name for group in form.fields["groups"].queryset} == set(roles.ROLES)
    client.post(
        f"/admin/users/edit/{officer.pk}/",
        {
            "email": officer.email,
            "full_name": officer.full_name,
            "is_active": "on",
            "is_superuser": "on",
            "password1": "taken-over-passphrase",
            "password2": "taken-over-passphrase",
        },
    )
    officer.refresh_from_db()
    assert not officer.is_superuser
    assert not officer.check_password("taken-over-passphrase")
    assert refused(client.get("/admin/users/new/"))


def test_administrators_cannot_edit_or_delete_a_superuser(client, admin_user):
    superuser = UserFactory(is_superuser=True, email="root@academy.example")
    client.force_login(admin_user)
    assert refused(client.get(f"/admin/users/edit/{superuser.pk}/"))
    response = client.post(
        f"/admin/users/edit/{superuser.pk}/",
        {"email": "mine@academy.example", "full_name": "Mine", "is_active": ""},
    )
    assert refused(response)
    assert refused(client.post(f"/admin/users/delete/{superuser.pk}/"))
    superuser.refresh_from_db()
    assert (superuser.email, superuser.is_active) == ("root@academy.example", True)


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
    nonce, expires_at = invitation.nonce, invitation.expires_at
    client.force_login(UserFactory(role=roles.LGA_EDITOR))
    response = client.post(f"/admin/invitation/resend/{invitation.pk}/")
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert (invitation.nonce, invitation.expires_at) == (nonce, expires_at)
    assert not ModelLogEntry.objects.filter(action="academy.invitation.resend").exists()
