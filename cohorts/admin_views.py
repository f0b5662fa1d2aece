"""Wagtail admin views for cohorts: set-up and changes go through the services; confirming
asks first and then schedules the sessions in the background."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView, InspectView
from wagtail.admin.widgets import Button

from academy.admin_views import ConfirmActionView, ServiceFormMixin

from . import selectors, services
from .models import Cohort
from .scheduling import UK


def _cohort_fields(form) -> dict:
    return {
        name: form.cleaned_data[name]
        for name in services.COHORT_FIELDS
        if name in form.cleaned_data
    }


class CohortIndexView(IndexView):
    def get_base_queryset(self):
        return selectors.cohorts_managed_by(self.request.user)


class AgenciesColumn(Column):
    """Warns until a cohort draws on at least two kinds of public body."""

    def get_value(self, instance):
        if instance.public_body_kinds >= 2:
            return _("%(count)s kinds of public body") % {"count": instance.public_body_kinds}
        return _("Warning: needs another kind of public body")


class PlacesColumn(Column):
    def get_value(self, instance):
        value = _("%(enrolled)s of %(capacity)s") % {
            "enrolled": instance.enrolled,
            "capacity": instance.capacity,
        }
        if instance.waitlisted:
            value += " " + _("(%(count)s waiting)") % {"count": instance.waitlisted}
        return value


class CohortCreateView(ServiceFormMixin, CreateView):
    def save_instance(self):
        return services.create_cohort(
            by=self.request.user,
            facilitators=self.form.cleaned_data.get("facilitators", []),
            **_cohort_fields(self.form),
        )


class CohortEditView(ServiceFormMixin, EditView):
    def save_instance(self):
        return services.update_cohort(
            cohort=self.object,
            by=self.request.user,
            facilitators=self.form.cleaned_data.get("facilitators"),
            **_cohort_fields(self.form),
        )


class CohortInspectView(InspectView):
    """A cohort's set-up, its sessions, and the way to confirm it or run it on the site."""

    def get_object(self, queryset=None):
        return get_object_or_404(selectors.cohorts_managed_by(self.request.user), pk=self.pk)

    def get_sessions_display_value(self):
        sessions = list(self.object.sessions.order_by("number"))
        if not sessions:
            if self.object.status == Cohort.Status.CONFIRMED:
                return _("Being scheduled: refresh in a moment.")
            return _("Scheduled when the cohort is confirmed.")
        return "; ".join(
            f"{session.number}. {session.starts_at.astimezone(UK):%a %d %b %Y %H:%M} "
            f"{session.title}"
            for session in sessions
        )

    def get_public_bodies_display_value(self):
        bodies = selectors.public_bodies(self.object)
        if len(bodies) >= 2:
            return ", ".join(sorted(str(body.label) for body in bodies))
        return _(
            "Warning: the Digital Academy is multi-agency. Invite people from at least two "
            "kinds of public body (council, police, NHS, fire and rescue, central government)."
        )

    def get_field_label(self, field_name, field):
        labels = {"sessions": _("Sessions"), "public_bodies": _("Participants come from")}
        return labels.get(field_name) or super().get_field_label(field_name, field)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                _("Run this cohort on the site"),
                url=reverse("cohorts:manage", args=[self.object.pk]),
                icon_name="group",
                priority=5,
            )
        )
        if self.object.status == Cohort.Status.DRAFT:
            buttons.append(_action_button(ConfirmCohortView, self.object, priority=6))
        if self.object.status in (Cohort.Status.DRAFT, Cohort.Status.CONFIRMED):
            buttons.append(_action_button(CancelCohortView, self.object, priority=40))
        return buttons


def _action_button(view, cohort, *, priority):
    return Button(
        view.button_label,
        url=reverse(f"cohort:{view.name}", args=[cohort.pk]),
        icon_name=view.icon,
        priority=priority,
    )


class CohortActionView(ConfirmActionView):
    header_icon = "calendar"
    inspect_url_name = "cohort:inspect"

    def get_object(self, request, pk):
        return get_object_or_404(selectors.cohorts_managed_by(request.user), pk=pk)


class ConfirmCohortView(CohortActionView):
    name = "confirm"
    icon = "tick"
    button_label = _("Confirm and schedule")
    confirmation = _(
        "Confirm %(object)s? Its %(count)s sessions will be scheduled from %(start)s, on "
        "%(weekday)ss at %(time)s, avoiding bank holidays. Those already enrolled are sent the "
        "timetable."
    )
    success_message = _("%(object)s is confirmed. Its sessions are being scheduled.")

    def message_values(self):
        cohort = self.object
        return {
            "object": cohort,
            "count": cohort.session_count,
            "start": f"{cohort.start_date:%d %B %Y}",
            "weekday": cohort.get_weekday_display(),
            "time": f"{cohort.local_start_time:%H:%M}",
        }

    def perform(self, *, by):
        services.confirm_cohort(cohort=self.object, by=by)


class CancelCohortView(CohortActionView):
    name = "cancel"
    icon = "cross"
    button_label = _("Cancel cohort")
    confirmation = _(
        "Cancel %(object)s? None of its sessions will take place. Everyone invited, enrolled or "
        "on the waiting list is told by email. This cannot be undone."
    )
    success_message = _("%(object)s is cancelled. Everyone taking part is being told.")

    def perform(self, *, by):
        services.cancel_cohort(cohort=self.object, by=by)


COHORT_LIST_COLUMNS = [
    Column("name", label=_("Cohort"), accessor="name"),
    Column("place", label=_("Place")),
    Column("start_date", label=_("Starts")),
    StatusTagColumn("status", label=_("Status"), accessor="get_status_display", primary=True),
    PlacesColumn("places", label=_("Places taken")),
    AgenciesColumn("agencies", label=_("Multi-agency")),
]
