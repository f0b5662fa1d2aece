"""Forms on the peer-challenge pages, rendered with GOV.UK Frontend markup. They check what
people type; the services decide what the review's rules allow and save it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from academy.forms import GovUKDateField, GovUKFormMixin, any_of, one_of
from academy.forms import text as text_field
from academy.models import PoliticalGroup

from .models import ANSWER_MAX_LENGTH, TEXT_MAX_LENGTH, Action, Finding, Participant


class ScopeForm(GovUKFormMixin, forms.Form):
    title = text_field(
        _("Title"),
        max_length=200,
        rows=None,
        required=False,
        help_text=_("For example: Corporate peer challenge 2027."),
    )
    focus_areas = text_field(
        _("The council's focus areas"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        help_text=_("What the council asked the team to look at beyond the five core elements."),
    )
    on_site_starts = GovUKDateField(
        label=_("First day on site"), label_for_errors=_("the first day on site")
    )
    on_site_ends = GovUKDateField(
        label=_("Last day on site"),
        label_for_errors=_("the last day on site"),
        help_text=_(
            "The report is due three months after this day, the action plan five months "
            "after and the progress review about ten months after."
        ),
    )


class NewReviewForm(ScopeForm):
    council = forms.ModelChoiceField(
        label=_("Council under review"),
        queryset=None,
        empty_label=_("Choose a council"),
        error_messages={
            "required": _("Choose the council under review."),
            "invalid_choice": _("Choose a council from the list."),
        },
    )
    field_order = ["council", "title", "on_site_starts", "on_site_ends", "focus_areas"]

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils


class QuestionsForm(GovUKFormMixin, forms.Form):
    questions = any_of(
        _("Digital questions in the lines of enquiry"),
        None,
        invalid=_("Choose questions from the bank."),
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["questions"]
        field.queryset = questions
        field.required = True
        field.error_messages["required"] = _("Choose at least one digital question.")


class ParticipantForm(GovUKFormMixin, forms.Form):
    role = one_of(
        _("Role"), Participant.Role.choices, message=_("Choose the person's role in the review.")
    )
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=None,
        empty_label=_("Choose a person"),
        help_text=_("Nominated contacts work for the council under review; peers work elsewhere."),
        error_messages={
            "required": _("Choose the person to add."),
            "invalid_choice": _("Choose a person from the list."),
        },
    )
    political_group = forms.ChoiceField(
        label=_("Political group"),
        choices=[("", _("The group on their profile")), *PoliticalGroup.choices],
        required=False,
        help_text=_("For member peers."),
        error_messages={"invalid_choice": _("Choose a political group from the list.")},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda person: (
            person.full_name + (f", {person.organisation}" if person.organisation_id else "")
        )


class StatementForm(GovUKFormMixin, forms.Form):
    """The council's position statement: a word on the council, and an answer to each
    question picked into the lines of enquiry."""

    SAVE, SUBMIT = "save", "submit"

    overview = text_field(
        _("The council in its own words"),
        max_length=ANSWER_MAX_LENGTH,
        required=False,
        rows=6,
        help_text=_("Where the council is on digital, and what it would like the team to know."),
    )

    def __init__(self, *args, asked, **kwargs):
        super().__init__(*args, **kwargs)
        self.asked = asked
        for one in asked:
            field = text_field(
                one.version.text,
                max_length=ANSWER_MAX_LENGTH,
                required=False,
                name=_("the answer to %(code)s") % {"code": one.question.code},
                rows=6,
            )
            self.fields[self.name_for(one)] = field
            self.initial.setdefault(self.name_for(one), one.answer)

    @staticmethod
    def name_for(asked) -> str:
        return f"answer_{asked.pk}"

    def answers(self) -> dict[int, str]:
        return {one.pk: self.cleaned_data[self.name_for(one)] for one in self.asked}

    def bound(self, asked):
        return self[self.name_for(asked)]


class FindingForm(GovUKFormMixin, forms.Form):
    kind = one_of(
        _("Kind of finding"),
        Finding.Kind.choices,
        message=_("Choose whether it is a strength, an area to explore or a recommendation."),
    )
    text = text_field(_("Finding"), max_length=TEXT_MAX_LENGTH, rows=6)
    signposts = any_of(
        _("Good practice to signpost"),
        None,
        invalid=_("Choose good practice from the list."),
        help_text=_("A recommendation signposts at least one piece of good practice."),
    )

    def __init__(self, *args, practice, offered, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["signposts"]
        field.queryset = practice
        # Only what is offered is shown; anything else visible is still accepted (a search
        # made before posting may have offered it).
        field.widget.choices = [(page.pk, page.title) for page in offered]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Finding.Kind.RECOMMENDATION and not cleaned.get("signposts"):
            self.add_error(
                "signposts",
                _("Signpost at least one piece of good practice for a recommendation."),
            )
        return cleaned


class SummaryForm(GovUKFormMixin, forms.Form):
    SAVE, SEND = "save", "send"

    summary = text_field(
        _("Summary"),
        max_length=ANSWER_MAX_LENGTH,
        required=False,
        rows=8,
        help_text=_("The team's overall view, ahead of the findings by core element."),
    )


class CorrectionForm(GovUKFormMixin, forms.Form):
    reason = text_field(
        _("What is factually wrong"),
        max_length=TEXT_MAX_LENGTH,
        message=_("Say what is factually wrong."),
        help_text=_(
            "Corrections are for factual errors only, such as a wrong figure, date or name. "
            "The team's judgements are its own."
        ),
    )
    proposed_text = text_field(
        _("Corrected wording"),
        max_length=TEXT_MAX_LENGTH,
        name=_("the corrected wording"),
        rows=6,
    )


class DecisionForm(GovUKFormMixin, forms.Form):
    ACCEPT, DECLINE = "accept", "decline"

    decision = one_of(
        _("Your decision"),
        [
            (ACCEPT, _("Accept: the finding takes the corrected wording")),
            (DECLINE, _("Decline: the finding stays as it is")),
        ],
        message=_("Choose whether to accept or decline the correction."),
    )
    response = text_field(
        _("Response to the council"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        help_text=_("Needed when you decline."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.DECLINE and not cleaned.get("response"):
            self.add_error("response", _("Say why the correction is declined."))
        return cleaned


class ActionForm(GovUKFormMixin, forms.Form):
    text = text_field(_("Action"), max_length=TEXT_MAX_LENGTH, rows=3)
    owner = text_field(
        _("Owner"),
        max_length=150,
        rows=None,
        message=_("Enter who owns the action."),
        help_text=_("A name or a post, for example: Director of Digital."),
    )
    due_on = GovUKDateField(label=_("Due by"), label_for_errors=_("the date it is due"))
    recommendation = forms.ModelChoiceField(
        label=_("Recommendation it answers"),
        queryset=None,
        required=False,
        empty_label=_("None in particular"),
        error_messages={"invalid_choice": _("Choose a recommendation from the list.")},
    )
    status = one_of(
        _("Progress"), Action.Status.choices, message=_("Choose how far the action has got.")
    )
    progress = text_field(_("Progress so far"), max_length=TEXT_MAX_LENGTH, required=False, rows=3)

    def __init__(self, *args, recommendations, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["recommendation"]
        field.queryset = recommendations
        field.label_from_instance = lambda finding: finding.text[:120]
        self.initial.setdefault("status", Action.Status.PLANNED)


class ProgressReviewForm(GovUKFormMixin, forms.Form):
    held_on = GovUKDateField(
        label=_("Date of the progress review"), label_for_errors=_("the date of the review")
    )
    notes = text_field(_("What the progress review found"), max_length=ANSWER_MAX_LENGTH, rows=8)
