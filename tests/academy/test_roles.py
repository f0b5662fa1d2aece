import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, Workflow

from academy import roles

pytestmark = pytest.mark.django_db


def test_only_lga_staff_roles_may_reach_the_wagtail_admin():
    with_admin = set(
        Group.objects.filter(
            permissions__codename="access_admin",
            permissions__content_type__app_label="wagtailadmin",
        ).values_list("name", flat=True)
    )
    assert with_admin == set(roles.LGA_STAFF_ROLES)


def test_the_roles_are_the_only_groups_and_publishers_moderate():
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ROLES)
    moderation = GroupApprovalTask.objects.get()
    assert list(moderation.groups.values_list("name", flat=True)) == [roles.LGA_PUBLISHER]
    # Editors see these names on the "Submit to ..." button and in the moderation emails.
    assert moderation.name == roles.APPROVAL_TASK
    assert Workflow.objects.get().name == roles.APPROVAL_WORKFLOW
    roles.sync_roles()  # again: the names stay, nothing is duplicated
    assert Workflow.objects.get().name == roles.APPROVAL_WORKFLOW
    assert GroupApprovalTask.objects.get().name == roles.APPROVAL_TASK


def test_syncing_roles_restores_their_declared_permissions():
    editor = Group.objects.get(name=roles.LGA_EDITOR)
    editor.permissions.add(Permission.objects.get(codename="add_user"))
    editor.permissions.remove(Permission.objects.get(codename="access_admin"))

    roles.sync_roles()

    codenames = set(editor.permissions.values_list("codename", flat=True))
    assert "access_admin" in codenames
    assert "add_user" not in codenames


def test_editors_can_draft_but_only_publishers_publish():
    def page_permissions(name):
        return set(
            Group.objects.get(name=name).page_permissions.values_list(
                "permission__codename", flat=True
            )
        )

    assert "publish_page" not in page_permissions(roles.LGA_EDITOR)
    assert {"add_page", "change_page"} <= page_permissions(roles.LGA_EDITOR)
    assert "publish_page" in page_permissions(roles.LGA_PUBLISHER)
