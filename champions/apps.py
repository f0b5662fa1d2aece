from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChampionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "champions"
    verbose_name = _("Digital champions")
