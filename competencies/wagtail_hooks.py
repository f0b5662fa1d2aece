"""The competency framework area of the Wagtail admin, where LGA staff keep versions of the
framework and their competencies (see `admin_views`), and the audit log's names for what
happens to a version."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from academy.audit import register_log_actions

from . import admin_views
from .models import Competency, Framework, OrganisationFramework

# Before anything asks Wagtail for these models' policies: only drafts change.
register_permission_policy(Framework, admin_views.FrameworkPermissionPolicy(Framework))
register_permission_policy(Competency, admin_views.CompetencyPermissionPolicy(Competency))

LOG_ACTIONS = [
    ("competencies.framework.create", _("Start framework version"), _("Framework draft started")),
    (
        "competencies.framework.new_version",
        _("Make new framework version"),
        _("New framework version drafted from the one before"),
    ),
    ("competencies.framework.edit", _("Edit framework version"), _("Framework draft edited")),
    (
        "competencies.framework.import",
        _("Import framework"),
        _("Framework draft imported from a file"),
    ),
    (
        "competencies.framework.publish",
        _("Publish framework version"),
        _("Framework version published"),
    ),
    (
        "competencies.framework.retire",
        _("Replace framework version"),
        _("Framework version replaced by a newer one"),
    ),
    ("competencies.framework.delete", _("Delete framework draft"), _("Framework draft deleted")),
]

register_log_actions(LOG_ACTIONS)


class FrameworkViewSet(ModelViewSet):
    model = Framework
    icon = "list-ol"
    menu_label = _("Framework versions")
    name = admin_views.FRAMEWORK_URLS
    index_view_class = admin_views.FrameworkIndexView
    add_view_class = admin_views.FrameworkCreateView
    edit_view_class = admin_views.FrameworkEditView
    delete_view_class = admin_views.FrameworkDeleteView
    inspect_view_class = admin_views.FrameworkInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = admin_views.FRAMEWORK_LIST_COLUMNS
    list_filter = ["status"]
    inspect_view_fields = [
        "name",
        "version",
        "status",
        "summary",
        "changes",
        "competencies",
        "created_at",
        "created_by",
        "published_at",
        "published_by",
    ]
    edit_handler = ObjectList(Framework.panels, base_form_class=admin_views.FrameworkAdminForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "new-version/<int:pk>/",
                admin_views.NewVersionView.as_view(),
                name="new_version",
            ),
            path("publish/<int:pk>/", admin_views.PublishView.as_view(), name="publish"),
            path(
                "export/<int:pk>/<str:kind>/",
                admin_views.ExportView.as_view(),
                name="export",
            ),
            path("import/", admin_views.ImportView.as_view(), name="import"),
        ]


class CompetencyViewSet(ModelViewSet):
    model = Competency
    icon = "tick-inverse"
    menu_label = _("Competencies")
    name = admin_views.COMPETENCY_URLS
    index_view_class = admin_views.CompetencyIndexView
    add_view_class = admin_views.CompetencyCreateView
    edit_view_class = admin_views.CompetencyEditView
    delete_view_class = admin_views.CompetencyDeleteView
    inspect_view_class = admin_views.CompetencyInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    sort_order_field = None  # ordered within a version by its `order` field, not across them
    list_display = ["name", "code", "level", "framework"]
    list_filter = ["framework", "level"]
    search_fields = ["name", "code"]
    inspect_view_fields = [
        "name",
        "code",
        "framework",
        "description",
        "level",
        "sort_order",
        "behaviours",
        "mappings",
        "themes",
        "service_areas",
        "modules",
    ]
    edit_handler = ObjectList(Competency.panels, base_form_class=admin_views.CompetencyAdminForm)


class OrganisationFrameworkViewSet(ModelViewSet):
    """Organisations' pick and mix: which competencies of a version each one asks about."""

    model = OrganisationFramework
    icon = "group"
    menu_label = _("Organisations' frameworks")
    name = "organisation_framework"
    add_view_class = admin_views.OrganisationFrameworkCreateView
    edit_view_class = admin_views.OrganisationFrameworkEditView
    copy_view_enabled = False
    list_display = [
        "organisation",
        "framework",
        admin_views.PickedColumn("picked", label=_("Competencies picked")),
        "chosen_at",
    ]
    list_filter = ["framework"]
    search_fields = ["organisation__name"]
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldPanel("framework"),
            FieldPanel("competencies", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=admin_views.OrganisationFrameworkAdminForm,
    )
    index_view_class = admin_views.OrganisationFrameworkIndexView


class CompetencyFrameworkViewSetGroup(ModelViewSetGroup):
    menu_label = _("Competency framework")
    menu_icon = "list-ol"
    menu_order = 280
    items = (FrameworkViewSet, CompetencyViewSet, OrganisationFrameworkViewSet)


@hooks.register("register_admin_viewset")
def register_competency_framework_viewsets():
    return CompetencyFrameworkViewSetGroup()
