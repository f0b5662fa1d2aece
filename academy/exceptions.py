"""Domain errors: each carries a whole sentence a person can act on."""

from django.utils.translation import gettext_lazy as _


class AcademyError(Exception):
    message = _("Something went wrong.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class PermissionDenied(AcademyError):
    message = _("You do not have permission to do that.")


class AlreadyRegistered(AcademyError):
    message = _("Someone with this email address already has an account.")


class NotARole(AcademyError):
    message = _("Choose one of the academy's roles.")


class InvitationInvalid(AcademyError):
    message = _(
        "This invitation link is not valid. Check you copied the whole link from the email."
    )


class InvitationExpired(AcademyError):
    message = _("This invitation has expired. Ask the LGA team to send you a new one.")


class InvitationUsed(AcademyError):
    message = _("This invitation has already been used. Sign in with your email address instead.")


class InvitationWithdrawn(AcademyError):
    message = _("This invitation has been withdrawn. Ask the LGA team if you think this is wrong.")
