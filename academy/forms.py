"""Forms on the public site, rendered with GOV.UK Frontend markup.

Any form that mixes in `GovUKFormMixin` renders `{{ form }}` as GOV.UK form groups with hints,
error messages tied to their inputs, and the classes GOV.UK Frontend styles.
"""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .models import Organisation, User


class GovUKRenderer(TemplatesSetting):
    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"


_WIDGET_CLASSES = {
    "checkbox": "govuk-checkboxes__input",
    "select": "govuk-select",
    "textarea": "govuk-textarea",
    "input": "govuk-input",
}


class GovUKBoundField(BoundField):
    @property
    def govuk_kind(self):
        widget = self.field.widget
        if isinstance(widget, forms.CheckboxInput):
            return "checkbox"
        if isinstance(widget, forms.Select):
            return "select"
        if isinstance(widget, forms.Textarea):
            return "textarea"
        return "input"

    @property
    def character_limit(self):
        """A textarea with a maximum length is a GOV.UK character count: the count shows as
        people type, and text over the limit is refused with a message, never cut silently."""
        if self.govuk_kind == "textarea":
            return self.field.max_length
        return None

    @property
    def character_count_message(self):
        return _("You can enter up to {limit:,} characters").format(limit=self.character_limit)

    @property
    def character_count_id(self):
        return f"{self.auto_id}-info"

    @property
    def hint_id(self):
        return f"{self.auto_id}-hint"

    @property
    def error_id(self):
        return f"{self.auto_id}-error"

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        base = _WIDGET_CLASSES[self.govuk_kind]
        classes = [base, attrs.get("class", "")]
        if self.errors and self.govuk_kind != "checkbox":
            classes.append(f"{base}--error")
        described_by = []
        if self.help_text:
            described_by.append(self.hint_id)
        if self.errors:
            described_by.append(self.error_id)
        if self.character_limit:
            classes.append("govuk-js-character-count")
            described_by.append(self.character_count_id)
            attrs["maxlength"] = False  # a browser would cut pasted text without a word
        attrs["class"] = " ".join(c for c in classes if c)
        if described_by:
            attrs["aria-describedby"] = " ".join(described_by)
        else:
            attrs.pop("aria-describedby", None)
        return attrs


class GovUKFormMixin:
    default_renderer = GovUKRenderer
    bound_field_class = GovUKBoundField


class SignInForm(GovUKFormMixin, auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": _("The email address or password is not right. Check them and try again."),
        "inactive": _("This account has been closed. Ask the LGA team if you need it back."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Email address")
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "spellcheck": "false", "autofocus": False}
        )
        self.fields["username"].error_messages["required"] = _("Enter your email address.")
        self.fields["password"].error_messages["required"] = _("Enter your password.")


class PasswordResetRequestForm(GovUKFormMixin, auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["email"]
        field.label = _("Email address")
        field.help_text = _("The address you use to sign in to the academy.")
        field.error_messages.update(
            required=_("Enter your email address."),
            invalid=_("Enter an email address in the correct format, like name@example.gov.uk."),
        )


class _NewPasswordFieldsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password1"].help_text = _(
            "At least 12 characters. Avoid common words and your own name."
        )
        self.fields["new_password1"].error_messages["required"] = _("Enter a new password.")
        self.fields["new_password2"].label = _("Confirm new password")
        self.fields["new_password2"].help_text = ""
        self.fields["new_password2"].error_messages["required"] = _("Enter the new password again.")


class SetNewPasswordForm(GovUKFormMixin, _NewPasswordFieldsMixin, auth_forms.SetPasswordForm):
    pass


class ChangePasswordForm(GovUKFormMixin, _NewPasswordFieldsMixin, auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Current password")
        self.fields["old_password"].error_messages["required"] = _("Enter your current password.")


class AcceptInvitationForm(SetNewPasswordForm):
    """Choose a password for a new account; validated against the person it will belong to."""

    def __init__(self, invitation, *args, **kwargs):
        person = User(email=invitation.email, full_name=invitation.full_name)
        super().__init__(person, *args, **kwargs)
        self.fields["new_password1"].label = _("Create a password")
        self.fields["new_password2"].label = _("Confirm your password")

    def save(self, commit=True):  # the account is created by the service, not here
        raise NotImplementedError("Use academy.services.accept_invitation.")


class ProfileForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "job_title", "organisation", "political_group"]
        error_messages = {
            "full_name": {"required": _("Enter your full name.")},
        }

    def __init__(self, *args, show_political_group=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = _("Choose your organisation")
        self.fields["organisation"].error_messages["invalid_choice"] = _(
            "Choose an organisation from the list."
        )
        self.fields["political_group"].error_messages["invalid_choice"] = _(
            "Choose a political group from the list."
        )
        if not show_political_group:
            del self.fields["political_group"]

    def save(self, commit=True):  # changes go through the service, which audits them
        raise NotImplementedError("Use academy.services.update_profile.")
