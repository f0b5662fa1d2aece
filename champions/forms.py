"""Forms on the champions pages, rendered with GOV.UK Frontend markup. They check what
people type; the services decide what is allowed and save it."""

from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from academy.forms import (
    GovUKDateField,
    GovUKFormMixin,
    GovUKTimeField,
    any_of,
    one_of,
    text,
)
from academy.models import Region
from cms_pages.models import Theme
from cohorts.scheduling import UK
from good_practice.models import ServiceArea

from .models import MAX_MENTEES, ChampionProfile, Feedback

THEMES = _("Choose themes from the list.")
AREAS = _("Choose service areas from the list.")


class MentoringRequestForm(GovUKFormMixin, forms.Form):
    topic = text(
        _("What would you like help with?"),
        name=_("What you would like help with"),
        max_length=150,
        rows=None,
        help_text=_("In a few words, for example: making the case for a shared data platform."),
        message=_("Say what you would like help with."),
    )
    goals = text(
        _("What do you want to achieve?"),
        name=_("What you want to achieve"),
        max_length=2000,
        help_text=_("What would be different for you, your team or your residents by the end."),
        message=_("Say what you want to achieve."),
    )
    themes = any_of(_("Outcome themes it is about"), Theme.objects.none(), invalid=THEMES)
    areas = any_of(_("Service areas it is about"), ServiceArea.objects.none(), invalid=AREAS)

    def __init__(self, *args, champion: ChampionProfile, **kwargs):
        super().__init__(*args, **kwargs)
        # What the champion knows: what a request to them can be about.
        for name, terms in (
            ("themes", champion.themes.all()),
            ("areas", champion.service_areas.all()),
        ):
            if terms:
                self.fields[name].queryset = terms
                self.fields[name].to_field_name = "slug"
            else:
                del self.fields[name]


class AnswerForm(GovUKFormMixin, forms.Form):
    ACCEPT, DECLINE = "accept", "decline"

    answer = one_of(
        _("Will you mentor them?"),
        [(ACCEPT, _("Yes, I will mentor them")), (DECLINE, _("No, not this time"))],
        message=_("Choose whether you will mentor them."),
    )
    note = text(
        _("A message to them"),
        name=_("Your message"),
        max_length=1000,
        required=False,
        rows=3,
        help_text=_(
            "For example, when you could first meet, or who else could help. If you accept, "
            "they are given your email address to arrange your first meeting."
        ),
    )


class MeetingForm(GovUKFormMixin, forms.Form):
    met_on = GovUKDateField(
        label=_("Date of the meeting"),
        label_for_errors=_("the date of the meeting"),
        help_text=_("For example, 27 3 2027."),
    )
    summary = text(
        _("What you talked about"),
        max_length=3000,
        help_text=_("Only the two of you and the LGA team can read this."),
        message=_("Say what you talked about."),
    )
    next_steps = text(_("Next steps"), max_length=1000, required=False, rows=3)


class FeedbackForm(GovUKFormMixin, forms.Form):
    usefulness = one_of(
        _("How useful was the mentoring?"),
        Feedback.Usefulness.choices,
        message=_("Choose how useful the mentoring was."),
    )
    comment = text(
        _("Anything else to say?"),
        name=_("Your comment"),
        max_length=1000,
        required=False,
        rows=3,
        help_text=_("What worked, and what could be better. The other person can read it."),
    )


class FindMentorForm(GovUKFormMixin, forms.Form):
    """What a member wants a mentor for; read from the query string."""

    theme = any_of(_("Outcome themes"), Theme.objects.all(), to_field_name="slug", invalid=THEMES)
    area = any_of(
        _("Service areas"), ServiceArea.objects.all(), to_field_name="slug", invalid=AREAS
    )


class ProfileForm(GovUKFormMixin, forms.ModelForm):
    """What a champion keeps up to date about themselves."""

    role = text(_("Your role"), max_length=200, rows=None)
    delivered = text(
        _("What you have delivered"),
        name=_("What you have delivered"),
        max_length=3000,
        rows=8,
        message=_("Say what you have delivered."),
    )

    themes = any_of(_("Outcome themes you know most about"), Theme.objects.all(), invalid=THEMES)
    service_areas = any_of(
        _("Service areas you know most about"), ServiceArea.objects.all(), invalid=AREAS
    )
    mentee_capacity = forms.IntegerField(
        label=_("How many people you can mentor at once"),
        min_value=1,
        max_value=MAX_MENTEES,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={
            "required": _("Enter how many people you can mentor at once."),
            "invalid": _("Enter a whole number, like 2."),
            "min_value": _("Enter 1 or more."),
            "max_value": _("Enter %(limit_value)s or fewer."),
        },
    )

    class Meta:
        model = ChampionProfile
        fields = ["role", "region", "delivered", "accepting_mentees", "mentee_capacity"]
        labels = {"accepting_mentees": _("I am taking on mentees")}
        error_messages = {
            "region": {
                "required": _("Choose your region."),
                "invalid_choice": _("Choose a region from the list."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Choose a region")), *Region.choices]


class SessionForm(GovUKFormMixin, forms.Form):
    title = text(_("Title"), name=_("a title"), max_length=150, rows=None)
    description = text(
        _("What it is about"),
        name=_("What the session is about"),
        max_length=2000,
        message=_("Say what the session is about."),
    )
    day = GovUKDateField(
        label=_("Date"), label_for_errors=_("the date"), help_text=_("For example, 27 3 2027.")
    )
    at = GovUKTimeField(
        label=_("Start time"),
        help_text=_("UK time, for example 10:00 or 14:30."),
        error_messages={
            "required": _("Enter a start time."),
            "invalid": _("Enter a time like 14:30, using the 24-hour clock."),
        },
    )
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"),
        min_value=15,
        max_value=480,
        initial=60,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": _("Enter how long the session lasts, in minutes."),
            "invalid": _("Enter a whole number of minutes, like 60."),
            "min_value": _("A session lasts at least 15 minutes."),
            "max_value": _("A session lasts no more than 8 hours (480 minutes)."),
        },
    )
    location = text(
        _("Where"),
        name=_("Where the session is"),
        max_length=300,
        rows=None,
        help_text=_("A venue, or 'Online'."),
        message=_("Say where the session is."),
    )
    joining_link = forms.URLField(
        label=_("Joining link"),
        required=False,
        max_length=200,
        help_text=_("For online sessions. Only people registered see it."),
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, like https://meet.example/abc.")},
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=2,
        max_value=500,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": _("Enter how many places there are."),
            "invalid": _("Enter a whole number of places, like 20."),
            "min_value": _("A session needs at least two places."),
            "max_value": _("A session has no more than 500 places."),
        },
    )

    def session_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["starts_at"] = datetime.combine(data.pop("day"), data.pop("at"), tzinfo=UK)
        return data
