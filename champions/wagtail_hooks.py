"""The champions area of the Wagtail admin, and the audit log's names for what happens in
the network. Profiles are kept here by LGA staff; open sessions are listed here to read, and
are changed on the site, where the people registered are told."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from academy.audit import register_log_actions

from . import services
from .models import ChampionProfile, OpenSession
from .selectors import MANAGE_PERMISSION

LOG_ACTIONS = [
    ("champions.profile.create", _("Add champion"), _("Champion added to the directory")),
    ("champions.profile.edit", _("Edit champion profile"), _("Champion profile edited")),
    ("champions.mentoring.request", _("Ask for mentoring"), _("Mentoring asked for")),
    ("champions.mentoring.accept", _("Accept mentoring"), _("Mentoring accepted")),
    ("champions.mentoring.decline", _("Decline mentoring"), _("Mentoring declined")),
    ("champions.mentoring.withdraw", _("Withdraw request"), _("Mentoring request withdrawn")),
    ("champions.mentoring.meeting", _("Log meeting"), _("Mentoring meeting logged")),
    ("champions.mentoring.close", _("Finish mentoring"), _("Mentoring finished")),
    ("champions.mentoring.feedback", _("Give feedback"), _("Mentoring feedback given")),
    ("champions.session.create", _("List open session"), _("Open session listed")),
    ("champions.session.edit", _("Edit open session"), _("Open session edited")),
    ("champions.session.cancel", _("Cancel open session"), _("Open session cancelled")),
    ("champions.session.register", _("Register for session"), _("Registered for open session")),
    ("champions.session.unregister", _("Cancel place"), _("Place at open session cancelled")),
]


register_log_actions(LOG_ACTIONS)


class ChampionProfileAdminForm(WagtailAdminModelForm):
    """A profile's person is chosen once: moving a profile to someone else would hand them
    its mentees' requests and meeting logs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "person" in self.fields:
            self.fields["person"].disabled = True
            self.fields["person"].help_text = _("A profile stays with the person it is for.")

    def save(self, commit=True):
        profile = super().save(commit=commit)
        if commit:
            services.join_role(profile.person)
        return profile


class ChampionProfileViewSet(ModelViewSet):
    model = ChampionProfile
    icon = "user"
    menu_label = _("Champion profiles")
    list_display = ["person", "role", "organisation", "region", "accepting_mentees", "is_listed"]
    list_filter = ["kind", "region", "accepting_mentees", "is_listed"]
    search_fields = ["person__full_name", "role", "organisation__name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    name = "champion_profile"
    edit_handler = ObjectList(ChampionProfile.panels, base_form_class=ChampionProfileAdminForm)


class OpenSessionViewSet(ModelViewSet):
    model = OpenSession
    icon = "date"
    menu_label = _("Open sessions")
    list_display = ["title", "champion", "starts_at", "capacity", "status"]
    list_filter = ["status"]
    search_fields = ["title", "champion__person__full_name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    name = "open_session"


class ChampionsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Digital champions")
    menu_icon = "user"
    menu_order = 260
    items = (ChampionProfileViewSet, OpenSessionViewSet)


@hooks.register("register_admin_viewset")
def register_champions_viewsets():
    return ChampionsViewSetGroup()


class AllMentoringMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MANAGE_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_all_mentoring():
    return AllMentoringMenuItem(
        _("Mentoring"), reverse("champions:all-mentoring"), icon_name="table", order=310
    )
