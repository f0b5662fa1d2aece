"""The form a member uses to send in a case study, in GOV.UK Frontend markup."""

from django import forms
from django.utils.translation import gettext_lazy as _

from academy.forms import GovUKCheckboxes, GovUKFormMixin, GovUKRadios, any_of, text
from cms_pages.models import OutcomeMeasure, PracticeKind, PracticeRegion, Theme

from . import services
from .models import CouncilType, Sector, ServiceArea

TEXT = services.TEXT_MAX_LENGTH


def _text(label, *, max_length=TEXT, **kwargs):
    return text(label, max_length=max_length, **kwargs)


class CaseStudyForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        help_text=_("Say what was done, for example: Tracking meals-on-wheels vans in real time."),
        error_messages={
            "required": _("Enter a title."),
            "max_length": _("The title must be 150 characters or fewer."),
        },
    )
    kind = forms.ChoiceField(
        label=_("What kind of practice is it?"),
        choices=PracticeKind.choices,
        widget=GovUKRadios,
        error_messages={"required": _("Choose what kind of practice it is.")},
    )
    summary = _text(
        _("Summary"),
        max_length=400,
        rows=3,
        help_text=_("One or two sentences. Search results show this."),
        message=_("Enter a summary."),
    )
    organisation = forms.CharField(
        label=_("Organisation that did it"),
        max_length=200,
        error_messages={
            "required": _("Enter the organisation that did it."),
            "max_length": _("The organisation's name must be 200 characters or fewer."),
        },
    )
    sector = forms.ModelChoiceField(
        label=_("Its sector"),
        queryset=Sector.objects.all(),
        empty_label=_("Choose a sector"),
        error_messages={
            "required": _("Choose the organisation's sector."),
            "invalid_choice": _("Choose a sector from the list."),
        },
    )
    council_type = forms.ModelChoiceField(
        label=_("Type of council"),
        queryset=CouncilType.objects.all(),
        required=False,
        empty_label=_("Not a council"),
        help_text=_("For a council only."),
        error_messages={"invalid_choice": _("Choose a type of council from the list.")},
    )
    region = forms.ChoiceField(
        label=_("Region"),
        choices=[("", _("Choose a region")), *PracticeRegion.choices],
        error_messages={
            "required": _("Choose the region."),
            "invalid_choice": _("Choose a region from the list."),
        },
    )
    service_areas = forms.ModelMultipleChoiceField(
        label=_("Which services was it done in?"),
        queryset=ServiceArea.objects.all(),
        widget=GovUKCheckboxes,
        error_messages={
            "required": _("Choose at least one service it was done in."),
            "invalid_choice": _("Choose services from the list."),
        },
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Which outcomes did it serve?"),
        queryset=Theme.objects.all(),
        widget=GovUKCheckboxes,
        error_messages={
            "required": _("Choose at least one outcome it served."),
            "invalid_choice": _("Choose outcomes from the list."),
        },
    )
    problem = _text(_("The problem"), help_text=_("What was wrong, and for whom."))
    approach = _text(_("The approach"), help_text=_("What you did, and with whom."))
    outcome_measure = forms.ChoiceField(
        label=_("What the main outcome measures"),
        choices=OutcomeMeasure.choices,
        widget=GovUKRadios(inline=True),
        required=False,
        error_messages={"invalid_choice": _("Choose what the outcome measures.")},
    )
    outcome_figure = forms.CharField(
        label=_("Its figure"),
        max_length=100,
        required=False,
        help_text=_("For example: £240,000 a year, or 92%."),
    )
    outcome_description = forms.CharField(
        label=_("What changed"),
        max_length=250,
        required=False,
        help_text=_("For example: saved in fuel and drivers' time."),
    )
    outcome_how_measured = forms.CharField(
        label=_("How it was measured"), max_length=300, required=False
    )
    cost = forms.CharField(
        label=_("What it cost"),
        max_length=300,
        required=False,
        help_text=_("And over what time, for example: £120,000 over two years."),
    )
    what_worked = _text(_("What worked"), required=False)
    what_to_avoid = _text(
        _("What to avoid"),
        required=False,
        help_text=_("What went wrong, or what you would do differently. Others learn most here."),
    )
    applies_to_service_areas = any_of(
        _("Which other services could use it?"),
        ServiceArea.objects.all(),
        help_text=_("People searching in these services will find it too."),
        invalid=_("Choose services from the list."),
    )
    applies_to_council_types = any_of(
        _("Which types of council could use it?"),
        CouncilType.objects.all(),
        invalid=_("Choose types of council from the list."),
    )
    contact_details = forms.CharField(
        label=_("Who to contact"),
        max_length=250,
        required=False,
        help_text=_("A role and an email address that others may use. It will be published."),
    )
    permission = forms.BooleanField(
        label=_("I have permission to share this, and the LGA may edit it before publishing it."),
        error_messages={"required": _("Confirm you have permission to share this.")},
    )

    def clean(self):
        data = super().clean()
        sector, council_type = data.get("sector"), data.get("council_type")
        if sector and sector.is_local_government and not council_type:
            self.add_error("council_type", _("Choose the type of council."))
        if sector and not sector.is_local_government and council_type:
            self.add_error("council_type", _("Choose ‘Not a council’ for this sector."))
        both = set(data.get("service_areas") or ()) & set(
            data.get("applies_to_service_areas") or ()
        )
        if both:
            self.add_error(
                "applies_to_service_areas",
                _("Untick %(areas)s: it is already a service it was done in.")
                % {"areas": ", ".join(sorted(area.name for area in both))},
            )
        if council_type and council_type in set(data.get("applies_to_council_types") or ()):
            self.add_error(
                "applies_to_council_types",
                _("Untick %(type)s: it was done by one.") % {"type": council_type.name},
            )
        outcome = [data.get(f"outcome_{part}") for part in ("figure", "description")]
        if any(outcome) or data.get("outcome_how_measured"):
            if not data.get("outcome_measure"):
                self.add_error("outcome_measure", _("Choose what the outcome measures."))
            if not data.get("outcome_figure"):
                self.add_error("outcome_figure", _("Enter the outcome's figure."))
            if not data.get("outcome_description"):
                self.add_error("outcome_description", _("Say what changed."))
        return data

    def details(self) -> services.CaseStudyDetails:
        data = self.cleaned_data
        outcomes = []
        if data.get("outcome_figure"):
            outcomes.append(
                services.Outcome(
                    measure=data["outcome_measure"],
                    figure=data["outcome_figure"],
                    description=data["outcome_description"],
                    how_measured=data.get("outcome_how_measured", ""),
                )
            )
        return services.CaseStudyDetails(
            title=data["title"],
            kind=data["kind"],
            summary=data["summary"],
            organisation=data["organisation"],
            sector=data["sector"],
            council_type=data.get("council_type"),
            region=data["region"],
            service_areas=list(data["service_areas"]),
            themes=list(data["themes"]),
            problem=data["problem"],
            approach=data["approach"],
            outcomes=outcomes,
            cost=data.get("cost", ""),
            what_worked=data.get("what_worked", ""),
            what_to_avoid=data.get("what_to_avoid", ""),
            applies_to_service_areas=list(data.get("applies_to_service_areas") or ()),
            applies_to_council_types=list(data.get("applies_to_council_types") or ()),
            contact_details=data.get("contact_details", ""),
        )
