from django.apps import AppConfig


class CmsPagesConfig(AppConfig):
    """Wagtail page types and StreamField blocks."""

    name = "cms_pages"
    verbose_name = "Pages"
    default_auto_field = "django.db.models.BigAutoField"
