"""Forms on the cohort pages, rendered with GOV.UK Frontend markup. They check what people
type; the services decide what is allowed and save it."""

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from academy.forms import GovUKDateField, GovUKFormMixin, GovUKRadios, GovUKTimeField
from academy.models import User

from .models import (
    FEEDBACK_MAX_LENGTH,
    PLAN_TEXT_MAX_LENGTH,
    ActionPlanCheckIn,
    Attendance,
    SessionFeedback,
)

MAX_INVITES_AT_ONCE = 50


class InviteForm(GovUKFormMixin, forms.Form):
    """Email addresses of people with an account, one per line."""

    emails = forms.CharField(
        label=_("Email addresses"),
        help_text=_(
            "One per line, up to 50. Each person needs an account with the academy and must "
            "work for an organisation in this cohort's place."
        ),
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        error_messages={"required": _("Enter at least one email address.")},
    )

    def clean_emails(self):
        lines = [line.strip() for line in self.cleaned_data["emails"].splitlines()]
        addresses = list(dict.fromkeys(line.lower() for line in lines if line))
        if len(addresses) > MAX_INVITES_AT_ONCE:
            raise forms.ValidationError(
                _("Enter 50 addresses or fewer at a time. You entered %(count)s.")
                % {"count": len(addresses)}
            )
        bad = []
        for address in addresses:
            try:
                validate_email(address)
            except forms.ValidationError:
                bad.append(address)
        if bad:
            raise forms.ValidationError(
                _("These are not email addresses: %(bad)s. Check them and try again.")
                % {"bad": ", ".join(bad)}
            )
        people = {
            person.email.lower(): person
            for person in User.objects.filter(email__in=addresses).select_related("organisation")
        }
        unknown = [address for address in addresses if address not in people]
        if unknown:
            raise forms.ValidationError(
                _(
                    "Nobody has an account with %(unknown)s. Ask the LGA team to invite them to "
                    "the academy first, then invite them to the cohort."
                )
                % {"unknown": ", ".join(unknown)}
            )
        return [people[address] for address in addresses]


def _answer(label):
    return forms.CharField(
        label=label,
        required=False,
        max_length=FEEDBACK_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _("Your answer must be 2,000 characters or fewer. It has %(show_value)d.")
        },
    )


class FeedbackForm(GovUKFormMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Overall, how was the session?"),
        choices=SessionFeedback.Rating.choices,
        coerce=int,
        widget=GovUKRadios,
        error_messages={"required": _("Choose how the session was overall.")},
    )
    most_useful = _answer(_("What was most useful?"))
    improve = _answer(_("What could be better next time?"))


class AttendanceForm(GovUKFormMixin, forms.Form):
    """One set of radios per participant, filled in with what is registered so far."""

    hide_optional_marker = True

    def __init__(self, *args, people, marks, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people
        for person in people:
            organisation = f", {person.organisation}" if person.organisation else ""
            self.fields[self.field_name(person)] = forms.ChoiceField(
                label=f"{person.full_name}{organisation}",
                choices=Attendance.Status.choices,
                required=False,
                initial=marks.get(person.pk),
                widget=GovUKRadios(inline=True),
            )

    @staticmethod
    def field_name(person) -> str:
        return f"person-{person.pk}"

    def marks(self, *, everyone_else_attended=False) -> dict[int, str]:
        """What to register: each answer given, and (when asked) attended for the rest."""
        marks = {}
        for person in self.people:
            value = self.cleaned_data.get(self.field_name(person))
            if value:
                marks[person.pk] = value
            elif everyone_else_attended:
                marks[person.pk] = Attendance.Status.ATTENDED
        return marks


class MoveSessionForm(GovUKFormMixin, forms.Form):
    day = GovUKDateField(
        label=_("New date"),
        label_for_errors=_("the new date"),
        help_text=_("For example, 27 3 2027. A weekday that is not a bank holiday."),
    )
    at = GovUKTimeField(
        label=_("Start time"),
        help_text=_("UK time, for example 10:00 or 14:30."),
        error_messages={
            "required": _("Enter a start time."),
            "invalid": _("Enter a time like 14:30, using the 24-hour clock."),
        },
    )


class ActionPlanForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Name of the plan"),
        max_length=150,
        help_text=_("For example, 100-day plan."),
        error_messages={"required": _("Enter a name for the plan.")},
    )
    goals = forms.CharField(
        label=_("What you will achieve"),
        max_length=PLAN_TEXT_MAX_LENGTH,
        help_text=_("The changes you will make together after the cohort, and who leads each."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Say what you will achieve."),
            "max_length": _("This must be 4,000 characters or fewer. It has %(show_value)d."),
        },
    )
    starts_on = GovUKDateField(label=_("First day"), label_for_errors=_("the first day"))
    ends_on = GovUKDateField(label=_("Last day"), label_for_errors=_("the last day"))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day must be on or after the first day."))
        return cleaned


class CheckInForm(GovUKFormMixin, forms.Form):
    progress = forms.ChoiceField(
        label=_("How is the plan going?"),
        choices=ActionPlanCheckIn.Progress.choices,
        widget=GovUKRadios(inline=True),
        error_messages={"required": _("Choose how the plan is going.")},
    )
    note = forms.CharField(
        label=_("What has happened since the last check-in?"),
        max_length=PLAN_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Say what has happened since the last check-in."),
            "max_length": _("This must be 4,000 characters or fewer. It has %(show_value)d."),
        },
    )
