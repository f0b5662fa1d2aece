"""The round tables area of the Wagtail admin and the audit log's names for what happens
in a round table."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from academy.audit import register_log_actions

from .admin_views import (
    ROUND_TABLE_LIST_COLUMNS,
    RoundTableAdminForm,
    RoundTableCreateView,
    RoundTableEditView,
    RoundTableIndexView,
    RoundTableInspectView,
)
from .models import RoundTable, RoundTableTheme
from .selectors import MANAGE_PERMISSION

LOG_ACTIONS = [
    ("roundtables.round_table.create", _("Set up round table"), _("Round table set up")),
    ("roundtables.round_table.edit", _("Edit round table"), _("Round table edited")),
    ("roundtables.round_table.cancel", _("Cancel round table"), _("Round table cancelled")),
    ("roundtables.invitation.invite", _("Invite to round table"), _("Invited to round table")),
    ("roundtables.invitation.accept", _("Accept invitation"), _("Invitation accepted")),
    ("roundtables.invitation.decline", _("Decline invitation"), _("Invitation declined")),
    ("roundtables.invitation.listing", _("Change listing"), _("Shown to attendees changed")),
    ("roundtables.invitation.withdraw", _("Withdraw invitation"), _("Invitation withdrawn")),
    ("roundtables.invitation.promote", _("Offer place"), _("Given a place from the waiting list")),
    ("roundtables.attendance.record", _("Register attendance"), _("Attendance registered")),
    ("roundtables.note.add", _("Add note"), _("Note added")),
    ("roundtables.note.delete", _("Delete note"), _("Note deleted")),
    ("roundtables.notes.share", _("Send notes"), _("Notes sent to attendees")),
]


register_log_actions(LOG_ACTIONS)


class RoundTableViewSet(ModelViewSet):
    model = RoundTable
    icon = "group"
    menu_label = _("Round tables")
    index_view_class = RoundTableIndexView
    add_view_class = RoundTableCreateView
    edit_view_class = RoundTableEditView
    inspect_view_class = RoundTableInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ROUND_TABLE_LIST_COLUMNS
    list_filter = ["status", "region"]
    search_fields = ["title", "speaker_name"]
    inspect_view_fields = [
        "title",
        "region",
        "status",
        "starts_at",
        "duration_minutes",
        "venue",
        "themes",
        "co_hosts",
        "speaker_name",
        "speaker_role",
        "speaker_story",
        "capacity",
        "invitation_deadline",
        "organisers",
    ]
    name = "round_table"
    edit_handler = ObjectList(RoundTable.panels, base_form_class=RoundTableAdminForm)


class RoundTableThemeViewSet(ModelViewSet):
    model = RoundTableTheme
    icon = "tag"
    menu_label = _("Round-table themes")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    copy_view_enabled = False


class RoundTablesViewSetGroup(ModelViewSetGroup):
    menu_label = _("Round tables")
    menu_icon = "group"
    menu_order = 250
    items = (RoundTableViewSet, RoundTableThemeViewSet)


@hooks.register("register_admin_viewset")
def register_round_table_viewsets():
    return RoundTablesViewSetGroup()


class ByRegionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MANAGE_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_round_tables_by_region():
    return ByRegionMenuItem(
        _("Round tables by region"),
        reverse("roundtables:by-region"),
        icon_name="table",
        order=300,
    )
