"""Signing in and out, invitations, password reset and the profile page."""

import copy

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import exceptions, health, selectors, services
from .forms import (
    AcceptInvitationForm,
    ChangePasswordForm,
    PasswordResetRequestForm,
    ProfileForm,
    SetNewPasswordForm,
    SignInForm,
)


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "account/sign_in.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            next_url = self.get_redirect_url()
            # Wagtail sends people it turns away from the admin here; sending them back would
            # loop, so tell them instead.
            if next_url.startswith("/admin/") and not request.user.has_perm(
                "wagtailadmin.access_admin"
            ):
                raise PermissionDenied
            return redirect(next_url or settings.LOGIN_REDIRECT_URL)
        return super().dispatch(request, *args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetRequestForm
    template_name = "account/password_reset.html"
    success_url = reverse_lazy("account:password-reset-sent")

    def form_valid(self, form):
        services.request_password_reset(email=form.cleaned_data["email"])
        return redirect(self.success_url)


class _ResetLinkHoursMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reset_link_hours"] = settings.PASSWORD_RESET_TIMEOUT // 3600
        return context


class PasswordResetSentView(_ResetLinkHoursMixin, auth_views.PasswordResetDoneView):
    template_name = "account/password_reset_sent.html"


class PasswordResetConfirmView(_ResetLinkHoursMixin, auth_views.PasswordResetConfirmView):
    form_class = SetNewPasswordForm
    template_name = "account/password_reset_confirm.html"
    success_url = reverse_lazy("account:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "account/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "account/password_change.html"
    success_url = reverse_lazy("account:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


@never_cache
def accept_invitation(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except exceptions.InvitationInvalid as error:
        return _invitation_problem(request, error, status=404)
    except exceptions.AcademyError as error:
        return _invitation_problem(request, error, status=410)

    form = AcceptInvitationForm(invitation, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.accept_invitation(
                token=token, password=form.cleaned_data["new_password1"]
            )
        except exceptions.AcademyError as error:
            return _invitation_problem(request, error, status=410)
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome to the Digital Leadership Academy. Your account is ready.")
        )
        return redirect("account:profile")
    return render(
        request, "account/accept_invitation.html", {"form": form, "invitation": invitation}
    )


def _invitation_problem(request, error, *, status):
    return render(
        request, "account/invitation_problem.html", {"message": error.message}, status=status
    )


@login_required
def profile(request):
    person = selectors.profile_for(viewer=request.user)
    form = ProfileForm(
        data=request.POST or None,
        instance=copy.copy(person),  # the form writes to its instance; the page shows `person`
        show_political_group=selectors.is_councillor(person),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(person=person, by=request.user, **form.cleaned_data)
        except exceptions.AcademyError as error:
            form.add_error(None, error.message)
        except ValidationError as error:  # the data changed under us since the form checked
            form.add_error(None, error)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("account:profile")
    return render(
        request,
        "account/profile.html",
        {"form": form, "person": person, "roles": selectors.role_names(person)},
    )


def locked_out(request, credentials, *args, **kwargs):
    """What django-axes shows after too many failed sign-ins for one account from one place."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "account/locked_out.html", {"minutes": minutes}, status=429)


@require_safe
@never_cache
def healthz(request):
    """Liveness: the process answers. Touches no database, broker or cache."""
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
@never_cache
def readyz(request):
    """Readiness: 503 unless the database, the broker and the cache all answer. Which one is
    down, and when a worker last ran, only for LGA staff (`health.details_for`)."""
    checks = health.readiness()
    ready = all(checks.values())
    return JsonResponse(
        {"status": "ready" if ready else "unavailable", **health.details_for(request, checks)},
        status=200 if ready else 503,
    )
