from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenciesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "competencies"
    verbose_name = _("Competency framework")
