"""Learners' errors, each a whole sentence they can act on."""

from django.utils.translation import gettext_lazy as _

from academy.exceptions import AcademyError, PermissionDenied


class ModuleNotAvailable(AcademyError):
    message = _("This module is not available at the moment. Try again later.")


class MembersOnly(PermissionDenied):
    message = _("Sign in to work through this module and keep your progress.")


class QuestionGone(AcademyError):
    message = _(
        "This question has been changed or removed since you opened the page. Copy what you "
        "wrote somewhere safe, then reload the page."
    )


class ReflectionTooLong(AcademyError):
    message = _("Your reflection must be 5,000 characters or fewer.")


class SectionMoved(AcademyError):
    message = _(
        "This module's sections have changed since you opened the page. Check this section "
        "and try again."
    )
