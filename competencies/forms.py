"""Forms of the diagnostics and plans, rendered with GOV.UK Frontend markup. They check what
people send; the services decide what is allowed and save it."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from academy.forms import GovUKDateField, GovUKFormMixin, GovUKRadios, one_of, text

from .models import (
    PROFICIENCY_HINTS,
    ArchitectureDecisions,
    Competency,
    Outlook,
    Ownership,
    Proficiency,
    StrategyGroup,
)

SCALE = _("Choose a point on the scale from Awareness to Expert.")


def _rating(label):
    return forms.TypedChoiceField(
        label=label,
        choices=Proficiency.choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=GovUKRadios,
        error_messages={"invalid_choice": SCALE},
    )


class RatingsForm(GovUKFormMixin, forms.Form):
    """Where you are now and where you need to be on each competency asked, with the
    behaviours as anchors. Any may be skipped."""

    now_label = _("Where are you now?")
    need_label = _("Where do you need to be?")

    def __init__(self, *args, competencies: list[Competency], **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = competencies
        for competency in competencies:
            self.fields[f"now-{competency.pk}"] = _rating(self.now_label)
            self.fields[f"need-{competency.pk}"] = _rating(self.need_label)

    @classmethod
    def initial_from(cls, ratings) -> dict:
        initial = {}
        for rating in ratings:
            initial[f"now-{rating.competency_id}"] = rating.current
            initial[f"need-{rating.competency_id}"] = rating.target
        return initial

    def ratings(self) -> dict[int, tuple[int | None, int | None]]:
        data = self.cleaned_data
        return {
            c.pk: (data.get(f"now-{c.pk}"), data.get(f"need-{c.pk}")) for c in self.competencies
        }

    def rows(self):
        """Each competency with its two questions and the anchor for each point."""
        for competency in self.competencies:
            behaviours = list(competency.behaviours.all())
            anchors = {}
            for behaviour in behaviours:
                if behaviour.proficiency:
                    anchors.setdefault(behaviour.proficiency, behaviour.text)
            scale = [
                (value, label, anchors.get(value) or PROFICIENCY_HINTS[value])
                for value, label in Proficiency.choices
            ]
            yield {
                "competency": competency,
                "general": [b for b in behaviours if not b.proficiency],
                "now": self[f"now-{competency.pk}"],
                "need": self[f"need-{competency.pk}"],
                "scale": scale,
            }


class OrganisationRatingsForm(RatingsForm):
    now_label = _("Where is the council now?")
    need_label = _("Where does it need to be?")


def _question(field_name, choices):
    from .models import Response

    return forms.ChoiceField(
        label=Response._meta.get_field(field_name).verbose_name,
        choices=choices.choices,
        required=False,
        widget=GovUKRadios,
        error_messages={"invalid_choice": _("Choose one of the answers, or leave it blank.")},
    )


class GovernanceForm(GovUKFormMixin, forms.Form):
    """How digital is governed, and how the leadership regards it. Any may be skipped."""

    strategy_group = _question("strategy_group", StrategyGroup)
    architecture = _question("architecture", ArchitectureDecisions)
    information_owned = _question("information_owned", Ownership)
    jointly_accountable = _question("jointly_accountable", Ownership)
    outlook = _question("outlook", Outlook)

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in self.fields}


# --- Plans ------------------------------------------------------------------------------------


class GoalForm(GovUKFormMixin, forms.Form):
    competency = forms.ModelChoiceField(
        label=_("Which competency will you work on?"),
        queryset=Competency.objects.none(),
        widget=GovUKRadios,
        empty_label=None,
        error_messages={
            "required": _("Choose a competency to work on."),
            "invalid_choice": _("Choose one of the competencies listed."),
        },
    )
    target = forms.TypedChoiceField(
        label=_("Where do you want to get to?"),
        choices=Proficiency.choices,
        coerce=int,
        widget=GovUKRadios(inline=True),
        error_messages={"required": _("Choose where you want to get to."), "invalid_choice": SCALE},
    )

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = competencies


WHEN = {"2w": timedelta(weeks=2), "1m": timedelta(days=30), "3m": timedelta(days=91)}


class TakeForm(GovUKFormMixin, forms.Form):
    """Add a recommendation to the plan, to be done within a few weeks or months."""

    source = forms.CharField(max_length=40, widget=forms.HiddenInput)
    by = one_of(
        _("Do it within"),
        [("2w", _("2 weeks")), ("1m", _("a month")), ("3m", _("3 months"))],
        message=_("Choose when you will do it by."),
    )

    def due_on(self):
        return timezone.localdate() + WHEN[self.cleaned_data["by"]]


class ActionForm(GovUKFormMixin, forms.Form):
    title = text(
        _("What will you do?"),
        name=_("What you will do"),
        max_length=200,
        rows=None,
        help_text=_("For example: shadow our head of digital at the next design review."),
    )
    due_on = GovUKDateField(
        label=_("Do it by"),
        label_for_errors=_("the date to do it by"),
        help_text=_("For example, 27 3 2027"),
    )


class MoveForm(GovUKFormMixin, forms.Form):
    due_on = GovUKDateField(
        label=_("New date"),
        label_for_errors=_("the new date"),
        help_text=_("For example, 27 3 2027"),
    )
