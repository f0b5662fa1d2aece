from django import forms
from django.utils.translation import gettext_lazy as _

from academy.forms import GovUKFormMixin

from .models import REFLECTION_MAX_LENGTH

# The section page's one form: its reflect answers and its buttons all belong to it.
SECTION_FORM_ID = "section-form"


class ReflectionForm(GovUKFormMixin, forms.Form):
    """One reflect question's answer. The label is the question; the learner's answer is
    private, which the hint says."""

    hide_optional_marker = True  # an empty answer is allowed, but it is a question, not a field
    PREFIX = "reflect-"

    text = forms.CharField(
        required=False,
        max_length=REFLECTION_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": _(
                "Your reflection must be 5,000 characters or fewer. It has %(show_value)d."
            )
        },
    )

    def __init__(self, *args, question: str, hint: str = "", saved_at=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_at = saved_at
        field = self.fields["text"]
        field.label = question
        private = _("Only you can read what you write here.")
        field.help_text = f"{hint} {private}" if hint else private
        # The answer sits where the question is, but is sent with the section's one form.
        field.widget.attrs["form"] = SECTION_FORM_ID

    @classmethod
    def prefix_for(cls, prompt_id: str) -> str:
        return f"{cls.PREFIX}{prompt_id[:8]}"
