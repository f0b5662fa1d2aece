"""The People area of the Wagtail admin: invitations, organisations and places; audit actions."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import selectors, services
from .admin_views import (
    InvitationInspectView,
    ResendInvitationView,
    ServiceFormMixin,
    WithdrawInvitationView,
)
from .models import Invitation, Organisation, Place


@hooks.register("register_log_actions")
def register_academy_log_actions(actions):
    actions.register_action("academy.invitation.send", _("Invite"), _("Invitation sent"))
    actions.register_action("academy.invitation.resend", _("Resend"), _("Invitation resent"))
    actions.register_action("academy.invitation.withdraw", _("Withdraw"), _("Invitation withdrawn"))
    actions.register_action("academy.invitation.accept", _("Accept"), _("Invitation accepted"))
    actions.register_action("academy.profile.edit", _("Edit profile"), _("Profile edited"))


@hooks.register("before_edit_user")
@hooks.register("before_delete_user")
def protect_superusers(request, user):
    """Only a superuser may change or remove a superuser: no climbing above your role."""
    if user.is_superuser and not request.user.is_superuser:
        raise PermissionDenied


class InvitationIndexView(IndexView):
    def get_base_queryset(self):
        return selectors.invitations_visible_to(self.request.user)


class OrganisationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("place")


class InvitationCreateView(ServiceFormMixin, CreateView):
    """Creating an invitation sends it, through the same service every other caller uses."""

    def save_instance(self):
        data = self.form.cleaned_data
        return services.invite_person(
            email=data["email"],
            full_name=data["full_name"],
            job_title=data.get("job_title", ""),
            organisation=data.get("organisation"),
            role=data["role"],
            political_group=data.get("political_group", ""),
            by=self.request.user,
        )

    def get_success_message(self, instance):
        return _("Invitation sent to %(email)s.") % {"email": instance.email}


class InvitationEditView(EditView):
    """Invitations are never edited in place: they change only through their services."""

    def dispatch(self, request, *args, **kwargs):
        return redirect(self.inspect_url_name, kwargs["pk"])


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Invitations")
    index_view_class = InvitationIndexView
    add_view_class = InvitationCreateView
    edit_view_class = InvitationEditView
    inspect_view_class = InvitationInspectView
    form_fields = [
        "email",
        "full_name",
        "job_title",
        "organisation",
        "role",
        "political_group",
    ]
    list_display = ["full_name", "email", "role", "organisation", "status", "created_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["full_name", "email"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "full_name",
        "email",
        "job_title",
        "organisation",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "email_sent_at",
        "accepted_at",
        "revoked_at",
    ]
    name = "invitation"  # the URL namespace the action views reverse

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("resend/<int:pk>/", ResendInvitationView.as_view(), name="resend"),
            path("withdraw/<int:pk>/", WithdrawInvitationView.as_view(), name="withdraw"),
        ]

    copy_view_enabled = False


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    index_view_class = OrganisationIndexView
    icon = "group"
    form_fields = ["name", "kind", "region", "place"]
    list_display = ["name", "kind", "region", "place"]
    list_filter = ["kind", "region", "place"]
    search_fields = ["name"]


class PlaceViewSet(ModelViewSet):
    model = Place
    icon = "site"
    form_fields = ["name", "slug", "kind", "region"]
    list_display = ["name", "kind", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["name"]


class PeopleViewSetGroup(ModelViewSetGroup):
    menu_label = _("People")
    menu_icon = "user"
    menu_order = 250
    items = (InvitationViewSet, OrganisationViewSet, PlaceViewSet)


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()
