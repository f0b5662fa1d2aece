from django.apps import AppConfig


class CohortsConfig(AppConfig):
    """Digital Academy cohorts: enrolment, timetables, attendance, feedback, completion."""

    name = "cohorts"
    verbose_name = "Digital Academy cohorts"
    default_auto_field = "django.db.models.BigAutoField"
