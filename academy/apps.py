from django.apps import AppConfig
from django.db.models.signals import post_migrate
from wagtail.users.apps import WagtailUsersAppConfig


class AcademyConfig(AppConfig):
    default = True  # this module also holds the Wagtail users config below
    name = "academy"
    verbose_name = "People and organisations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import roles

        # Roles are groups whose permissions we declare in code; keep the database in step
        # after every migrate, so a fresh database and an old one end up the same.
        post_migrate.connect(roles.sync_roles_after_migrate, sender=self)


class AcademyUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know our user model (email, full name)."""

    user_viewset = "academy.wagtail_users.UserViewSet"
