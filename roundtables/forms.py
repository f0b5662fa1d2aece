"""Forms on the round-table pages, rendered with GOV.UK Frontend markup. They check what
people type; the services decide what is allowed and save it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from academy.forms import GovUKCheckboxes, GovUKFormMixin, GovUKRadios
from academy.models import Region

from .models import NOTE_MAX_LENGTH
from .selectors import INVITABLE_ROLES

ACCEPT, DECLINE = "accept", "decline"


class AnswerForm(GovUKFormMixin, forms.Form):
    answer = forms.ChoiceField(
        label=_("Will you come?"),
        choices=[(ACCEPT, _("Yes, I will come")), (DECLINE, _("No, I cannot come"))],
        widget=GovUKRadios,
        error_messages={
            "required": _("Choose whether you will come."),
            "invalid_choice": _("Choose whether you will come."),
        },
    )
    agrees_to_rule = forms.BooleanField(
        label=_("I will keep to the Chatham House rule"),
        help_text=_("I may use what is said, but will not reveal who said it or where they work."),
        required=False,
    )
    listed = forms.BooleanField(
        label=_("Show other attendees that I am coming"),
        help_text=_(
            "Organisers always see who is coming. Other attendees see only those who agree."
        ),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == ACCEPT and not cleaned.get("agrees_to_rule"):
            self.add_error(
                "agrees_to_rule", _("Agree to keep to the Chatham House rule to accept your place.")
            )
        return cleaned


class FindPeopleForm(GovUKFormMixin, forms.Form):
    """Whom to invite: by role and region. Read from the query string."""

    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=[(role.value, role.label) for role in INVITABLE_ROLES],
        widget=GovUKCheckboxes,
        required=False,
        error_messages={"invalid_choice": _("Choose roles from the list.")},
    )
    region = forms.ChoiceField(
        label=_("Region"),
        choices=[("", _("Every region")), *Region.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a region from the list.")},
    )


class InviteForm(GovUKFormMixin, forms.Form):
    people = forms.ModelMultipleChoiceField(
        label=_("People to invite"),
        queryset=None,
        widget=GovUKCheckboxes,
        error_messages={
            "required": _("Choose at least one person to invite."),
            "invalid_choice": _("Choose people from the list."),
            "invalid_pk_value": _("Choose people from the list."),
        },
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = candidates
        self.fields["people"].label_from_instance = lambda person: (
            f"{person.full_name}, {person.get_leadership_role_display()}"
            + (f", {person.organisation}" if person.organisation_id else "")
        )


class AttendanceForm(GovUKFormMixin, forms.Form):
    attended = forms.MultipleChoiceField(
        label=_("Who came"),
        help_text=_("Tick everyone who was there. The notes go to them."),
        widget=GovUKCheckboxes,
        required=False,
        error_messages={"invalid_choice": _("Choose people from the list.")},
    )

    def __init__(self, *args, invitations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (
                str(i.person_id),
                f"{i.person.full_name}"
                + (f", {i.person.organisation}" if i.person.organisation_id else ""),
            )
            for i in invitations
        ]
        self.initial.setdefault("attended", [str(i.person_id) for i in invitations if i.attended])


class NoteForm(GovUKFormMixin, forms.Form):
    theme = forms.CharField(
        label=_("Theme"),
        max_length=150,
        help_text=_("For example: sharing data between the council and the NHS."),
        error_messages={
            "required": _("Enter the theme."),
            "max_length": _("The theme must be 150 characters or fewer."),
        },
    )
    insight = forms.CharField(
        label=_("Insight"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What was said, without who said it or where they work."),
        error_messages={
            "required": _("Enter the insight."),
            "max_length": _(
                "The insight must be 3,000 characters or fewer. It has %(show_value)d."
            ),
        },
    )
    keep_names = forms.BooleanField(
        label=_("These names are not attributions: save the note as it is"),
        required=False,
    )

    def __init__(self, *args, flagged=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not flagged:
            del self.fields["keep_names"]
