from django.apps import AppConfig


class GoodPracticeConfig(AppConfig):
    """The digital good-practice database: its taxonomies, search, submissions and feeds."""

    name = "good_practice"
    verbose_name = "Digital good-practice database"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
