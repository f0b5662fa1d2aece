"""Signing in and out, invitations, password reset and the profile page."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import exceptions, selectors, services
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
            # Someone already signed in is only sent here with a `next` page that turned them
            # away (the Wagtail admin, for people outside LGA staff). Sending them back would
            # loop; tell them instead.
            if self.get_redirect_url():
                raise PermissionDenied
            return redirect(settings.LOGIN_REDIRECT_URL)
        return super().dispatch(request, *args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetRequestForm
    template_name = "account/password_reset.html"
    email_template_name = "emails/password_reset.txt"
    subject_template_name = "emails/password_reset_subject.txt"
    success_url = reverse_lazy("account:password-reset-sent")


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "account/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
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
                invitation=invitation, password=form.cleaned_data["new_password1"]
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
        instance=person,
        show_political_group=selectors.is_councillor(person),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(person=person, by=request.user, **form.cleaned_data)
        except exceptions.AcademyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("account:profile")
    return render(
        request,
        "account/profile.html",
        {"form": form, "person": person, "roles": selectors.role_names(person)},
    )


@require_GET
@never_cache
def health(request):
    """For load balancers and `make demo`: the database and cache answer; when a worker last ran."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"database": "unavailable"}, status=503)
    probe = secrets.token_hex(8)
    try:
        cache.set("health-probe", probe, timeout=10)
        cache_ok = cache.get("health-probe") == probe
    except Exception:  # any cache backend's connection error
        cache_ok = False
    return JsonResponse(
        {
            "database": "ok",
            "cache": "ok" if cache_ok else "unavailable",
            "worker": selectors.worker_status(),
        },
        status=200 if cache_ok else 503,
    )
