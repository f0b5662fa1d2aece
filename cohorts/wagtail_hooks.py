"""The Digital Academy area of the Wagtail admin (cohorts, curricula, days without sessions)
and the audit log's names for what happens in a cohort."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from academy.audit import register_log_actions

from .admin_forms import CohortAdminForm
from .admin_views import (
    COHORT_LIST_COLUMNS,
    CancelCohortView,
    CohortCreateView,
    CohortEditView,
    CohortIndexView,
    CohortInspectView,
    ConfirmCohortView,
)
from .models import Cohort, Curriculum, NonWorkingDay

LOG_ACTIONS = [
    ("cohorts.cohort.create", _("Set up cohort"), _("Cohort set up")),
    ("cohorts.cohort.edit", _("Edit cohort"), _("Cohort edited")),
    ("cohorts.cohort.confirm", _("Confirm cohort"), _("Cohort confirmed")),
    ("cohorts.cohort.schedule", _("Schedule sessions"), _("Sessions scheduled")),
    ("cohorts.cohort.complete", _("Close cohort"), _("Cohort closed")),
    ("cohorts.cohort.cancel", _("Cancel cohort"), _("Cohort cancelled")),
    ("cohorts.session.move", _("Move session"), _("Session moved")),
    ("cohorts.attendance.record", _("Register attendance"), _("Attendance registered")),
    ("cohorts.enrolment.invite", _("Invite to cohort"), _("Invited to cohort")),
    ("cohorts.enrolment.accept", _("Accept place"), _("Place accepted")),
    ("cohorts.enrolment.decline", _("Decline place"), _("Place declined")),
    ("cohorts.enrolment.withdraw", _("Withdraw"), _("Withdrawn from cohort")),
    ("cohorts.enrolment.promote", _("Offer place"), _("Given a place from the waiting list")),
    ("cohorts.plan.create", _("Start action plan"), _("Action plan started")),
    ("cohorts.plan.edit", _("Edit action plan"), _("Action plan edited")),
    ("cohorts.plan.check_in", _("Check in"), _("Action plan check-in")),
]


register_log_actions(LOG_ACTIONS)


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    index_view_class = CohortIndexView
    add_view_class = CohortCreateView
    edit_view_class = CohortEditView
    inspect_view_class = CohortInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = COHORT_LIST_COLUMNS
    list_filter = ["status", "place"]
    search_fields = ["name"]
    inspect_view_fields = [
        "name",
        "curriculum",
        "place",
        "status",
        "start_date",
        "span_months",
        "session_count",
        "weekday",
        "local_start_time",
        "duration_minutes",
        "venue",
        "online_link",
        "capacity",
        "completion_percent",
        "facilitators",
        "public_bodies",
        "sessions",
    ]
    name = "cohort"
    edit_handler = ObjectList(Cohort.panels, base_form_class=CohortAdminForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("confirm/<int:pk>/", ConfirmCohortView.as_view(), name="confirm"),
            path("cancel/<int:pk>/", CancelCohortView.as_view(), name="cancel"),
        ]


class CurriculumViewSet(ModelViewSet):
    model = Curriculum
    icon = "list-ol"
    menu_label = _("Curricula")
    list_display = ["name", "default_session_count"]
    search_fields = ["name"]
    copy_view_enabled = False


class NonWorkingDayViewSet(ModelViewSet):
    model = NonWorkingDay
    icon = "date"
    menu_label = _("Days without sessions")
    list_display = ["date", "reason"]
    copy_view_enabled = False


class DigitalAcademyViewSetGroup(ModelViewSetGroup):
    menu_label = _("Digital Academy")
    menu_icon = "group"
    menu_order = 240
    items = (CohortViewSet, CurriculumViewSet, NonWorkingDayViewSet)


@hooks.register("register_admin_viewset")
def register_digital_academy_viewsets():
    return DigitalAcademyViewSetGroup()
