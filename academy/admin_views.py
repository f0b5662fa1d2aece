"""Wagtail admin views for invitations: inspect with actions, and confirm each action."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

from . import exceptions, selectors, services


class InvitationInspectView(InspectView):
    """Shows an invitation, with Resend and Withdraw while it has not been accepted."""

    @cached_property
    def header_more_buttons(self):
        buttons = []
        if self.object.accepted_at or self.object.revoked_at:
            return buttons
        if self.request.user.has_perm("academy.change_invitation"):
            for action in (ResendInvitationView, WithdrawInvitationView):
                buttons.append(
                    Button(
                        action.button_label,
                        url=reverse(f"invitation:{action.name}", args=[self.object.pk]),
                        icon_name=action.icon,
                        priority=30,
                    )
                )
        return buttons


class InvitationActionView(WagtailAdminTemplateMixin, View):
    """Asks to confirm, then calls the service; problems come back as messages, not errors."""

    template_name = "academy/admin/confirm_invitation_action.html"
    header_icon = "mail"
    name = ""
    icon = ""
    button_label = ""
    confirmation = ""
    success_message = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.invitation = get_object_or_404(
            selectors.invitations_visible_to(request.user), pk=kwargs["pk"]
        )

    def get_page_title(self):
        return self.button_label

    def get_page_subtitle(self):
        return str(self.invitation)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            invitation=self.invitation,
            confirmation=self.confirmation
            % {"email": self.invitation.email, "days": settings.INVITATION_MAX_AGE.days},
            button_label=self.button_label,
            inspect_url=self.inspect_url,
        )
        return context

    @property
    def inspect_url(self):
        return reverse("invitation:inspect", args=[self.invitation.pk])

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        try:
            self.perform(by=request.user)
        except exceptions.AcademyError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, self.success_message % {"email": self.invitation.email})
        return redirect(self.inspect_url)

    def perform(self, *, by):
        raise NotImplementedError


class ResendInvitationView(InvitationActionView):
    name = "resend"
    icon = "mail"
    button_label = _("Resend invitation")
    confirmation = _(
        "Send %(email)s a new link? It will work for another %(days)s days, and the link in "
        "any earlier email will stop working."
    )
    success_message = _("A new invitation link has been sent to %(email)s.")

    def perform(self, *, by):
        services.resend_invitation(invitation=self.invitation, by=by)


class WithdrawInvitationView(InvitationActionView):
    name = "withdraw"
    icon = "cross"
    button_label = _("Withdraw invitation")
    confirmation = _("Withdraw the invitation to %(email)s? Its link will stop working.")
    success_message = _("The invitation to %(email)s has been withdrawn.")

    def perform(self, *, by):
        services.withdraw_invitation(invitation=self.invitation, by=by)
