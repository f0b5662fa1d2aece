from django.apps import AppConfig


class RoundTablesConfig(AppConfig):
    """Invitation-only regional round tables for chief executives and corporate directors,
    held under the Chatham House rule."""

    name = "roundtables"
    verbose_name = "Chief executive round tables"
    default_auto_field = "django.db.models.BigAutoField"
