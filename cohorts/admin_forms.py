"""The Wagtail admin's form for setting up a cohort."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from academy.models import User
from academy.roles import FACILITATOR

from .services import TIMETABLE_FIELDS


class CohortAdminForm(WagtailAdminModelForm):
    """Once the sessions are scheduled the timetable is shown but cannot change: single
    sessions move from the cohort's page, where everyone affected is told."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "facilitators" in self.fields:
            self.fields["facilitators"].queryset = User.objects.filter(
                groups__name=FACILITATOR, is_active=True
            ).order_by("full_name")
        if self.instance.pk and self.instance.scheduled_at:
            for name in TIMETABLE_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _(
                        "The sessions are scheduled. Move single sessions from the cohort's "
                        "page on the site."
                    )
