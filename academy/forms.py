"""Forms on the public site, rendered with GOV.UK Frontend markup.

Any form that mixes in `GovUKFormMixin` renders `{{ form }}` as GOV.UK form groups with hints,
error messages tied to their inputs, and the classes GOV.UK Frontend styles.
"""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import Organisation, User


class GovUKRenderer(TemplatesSetting):
    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"


class GovUKRadios(forms.RadioSelect):
    """GOV.UK radios. The first radio takes the field's own id, so that the error summary's
    link lands on it. `inline` sets short answers side by side."""

    def __init__(self, *args, inline=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.inline = inline

    def id_for_label(self, id_, index=None):
        if index in (None, 0, "0"):
            return id_
        return super().id_for_label(id_, index)


class GovUKCheckboxes(forms.CheckboxSelectMultiple):
    """GOV.UK checkboxes for choosing several. The first takes the field's own id, so that the
    error summary's link lands on it."""

    def id_for_label(self, id_, index=None):
        if index in (None, 0, "0"):
            return id_
        return super().id_for_label(id_, index)


class GovUKDateInput(forms.MultiWidget):
    """GOV.UK's date input: day, month and year as three short boxes."""

    parts = (("day", _("Day"), 2), ("month", _("Month"), 2), ("year", _("Year"), 4))

    def __init__(self, attrs=None):
        widgets = [
            forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"})
            for _name, _label, _width in self.parts
        ]
        super().__init__(widgets, attrs)
        self.widgets_names = [f"-{name}" for name, _label, _width in self.parts]

    def decompress(self, value):
        if value:
            return [value.day, value.month, value.year]
        return [None, None, None]

    def id_for_label(self, id_):
        return id_  # the day box: see `GovUKBoundField.date_parts`


class GovUKDateField(forms.MultiValueField):
    """A date typed into GOV.UK's three boxes, with GOV.UK's error messages."""

    widget = GovUKDateInput

    def __init__(self, *, label_for_errors: str = "the date", **kwargs):
        self.label_for_errors = label_for_errors
        fields = (
            forms.IntegerField(required=False),
            forms.IntegerField(required=False),
            forms.IntegerField(required=False),
        )
        kwargs.setdefault("require_all_fields", False)
        kwargs["error_messages"] = {
            "required": _("Enter %(name)s.") % {"name": label_for_errors},
            **kwargs.get("error_messages", {}),
        }
        super().__init__(fields=fields, **kwargs)

    def clean(self, value):
        value = [str(part).strip() if part is not None else "" for part in value or []]
        if not any(value):
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return None
        return super().clean(value)

    def compress(self, data_list):
        import datetime

        names = [_("a day"), _("a month"), _("a year")]
        missing = [name for name, part in zip(names, data_list, strict=False) if part in (None, "")]
        if missing:
            raise forms.ValidationError(
                _("%(name)s must include %(missing)s.")
                % {"name": str(self.label_for_errors).capitalize(), "missing": missing[0]}
            )
        day, month, year = data_list
        if year < 1000:
            raise forms.ValidationError(_("The year must include 4 numbers."))
        try:
            return datetime.date(year, month, day)
        except (ValueError, OverflowError) as error:  # 31 February; a year of 20 digits
            raise forms.ValidationError(
                _("%(name)s must be a real date.")
                % {"name": str(self.label_for_errors).capitalize()}
            ) from error


class GovUKTimeField(forms.TimeField):
    """A time of day, typed as 14:30 (or 14.30, or 1430)."""

    input_formats = ["%H:%M", "%H.%M", "%H%M", "%H:%M:%S"]

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.TimeInput(format="%H:%M", attrs={"class": "govuk-input--width-5"})
        )
        kwargs.setdefault(
            "error_messages", {"invalid": _("Enter a time like 14:30, using the 24-hour clock.")}
        )
        super().__init__(**kwargs)


_WIDGET_CLASSES = {
    "checkboxes": "govuk-checkboxes__input",
    "radios": "govuk-radios__input",
    "date": "govuk-input govuk-date-input__input",
    "checkbox": "govuk-checkboxes__input",
    "select": "govuk-select",
    "textarea": "govuk-textarea",
    "input": "govuk-input",
}


class GovUKBoundField(BoundField):
    @property
    def govuk_kind(self):
        widget = self.field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple):  # a RadioSelect to Django
            return "checkboxes"
        if isinstance(widget, forms.RadioSelect):
            return "radios"
        if isinstance(widget, GovUKDateInput):
            return "date"
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
    def is_fieldset(self):
        return self.govuk_kind in ("radios", "checkboxes", "date")

    @property
    def date_parts(self):
        """The date input's boxes as (name, value, label, width, id). The day box takes the
        field's own id, so that the error summary's link lands on it."""
        boxes = self.field.widget.get_context(self.html_name, self.value(), {})["widget"]
        ids = [self.auto_id, f"{self.auto_id}-month", f"{self.auto_id}-year"]
        return [
            (box["name"], box["value"] or "", label, width, box_id)
            for box, (_name, label, width), box_id in zip(
                boxes["subwidgets"], GovUKDateInput.parts, ids, strict=True
            )
        ]

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
        if self.errors and self.govuk_kind not in ("checkbox", "checkboxes", "radios"):
            classes.append("govuk-input--error" if self.govuk_kind == "date" else f"{base}--error")
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
        if self.is_fieldset:  # the fieldset carries them, not each input
            attrs.pop("aria-describedby", None)
            return attrs
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


def text(
    label,
    *,
    max_length: int,
    required: bool = True,
    name=None,
    message=None,
    help_text="",
    rows: int | None = 5,
):
    """A box of text with GOV.UK's messages: "Enter <name>." when it is needed and left
    empty, "<Name> must be N characters or fewer." when it is too long. `name` is how the
    messages speak of it (the label, by default); `rows=None` makes it one line."""
    name = name or label
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput,
        error_messages={
            "required": message or _("Enter %(name)s.") % {"name": str(name).lower()},
            "max_length": _("%(name)s must be %(limit)s characters or fewer.")
            % {"name": capfirst(name), "limit": f"{max_length:,}"},
        },
    )


def one_of(label, choices, *, message):
    """GOV.UK radios to choose one of `choices`; `message` when none, or a made-up one, is
    sent."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=GovUKRadios,
        error_messages={"required": message, "invalid_choice": message},
    )


def any_of(label, queryset, *, invalid, **kwargs):
    """Checkboxes to choose any number of things from `queryset`, none included; `invalid`
    is the message for a choice that is not in it."""
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=queryset,
        widget=GovUKCheckboxes,
        required=False,
        error_messages={"invalid_choice": invalid, "invalid_pk_value": invalid},
        **kwargs,
    )
