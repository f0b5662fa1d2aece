from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenciesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "competencies"
    verbose_name = _("Competency framework")

    def ready(self):
        from . import log_actions  # noqa: F401  (names the audit log's actions)
