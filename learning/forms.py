from django import forms
from django.utils.translation import gettext_lazy as _

from academy.forms import GovUKFormMixin

from .models import REFLECTION_MAX_LENGTH


class ReflectionForm(GovUKFormMixin, forms.Form):
    """One reflect question's answer. The label is the question; the learner's answer is
    private, which the hint says."""

    hide_optional_marker = True  # an empty answer is allowed, but it is a question, not a field

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
