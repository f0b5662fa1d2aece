"""Wagtail admin views shared by the academy's areas: forms that save through a service, and
actions that ask to confirm; and the invitations' inspect view with its actions."""

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


class ServiceFormMixin:
    """For admin create and edit views whose `save_instance` calls a service: a domain error
    comes back on the form as a message, and nothing is saved."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except exceptions.AcademyError as error:
            form.add_error(None, str(error.message))
            self.produced_error_message = str(error.message)
            return self.form_invalid(form)


class ConfirmActionView(WagtailAdminTemplateMixin, View):
    """Asks to confirm, then calls the service; problems come back as messages, not errors.
    Subclasses say how to find the object the viewer may act on, and what to do."""

    template_name = "academy/admin/confirm_action.html"
    header_icon = "mail"
    name = ""
    icon = ""
    button_label = ""
    confirmation = ""
    success_message = ""
    inspect_url_name = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = self.get_object(request, kwargs["pk"])

    def get_object(self, request, pk):
        raise NotImplementedError

    def message_values(self) -> dict:
        return {"object": self.object}

    def get_page_title(self):
        return self.button_label

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            confirmation=self.confirmation % self.message_values(),
            button_label=self.button_label,
            inspect_url=self.inspect_url,
        )
        return context

    @property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        try:
            self.perform(by=request.user)
        except exceptions.AcademyError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, self.success_message % self.message_values())
        return redirect(self.inspect_url)

    def perform(self, *, by):
        raise NotImplementedError


class InvitationActionView(ConfirmActionView):
    inspect_url_name = "invitation:inspect"

    def get_object(self, request, pk):
        return get_object_or_404(selectors.invitations_visible_to(request.user), pk=pk)

    @property
    def invitation(self):
        return self.object

    def message_values(self):
        return {"email": self.invitation.email, "days": settings.INVITATION_MAX_AGE.days}


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
