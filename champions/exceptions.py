"""Champions-network errors, each a whole sentence the person can act on."""

from django.utils.translation import gettext_lazy as _

from academy.exceptions import AcademyError, PermissionDenied


class NotYours(PermissionDenied):
    message = _("Only the mentee, the champion and the LGA team can do that.")


class NotAChampion(PermissionDenied):
    message = _("Only digital champions with a profile can do that.")


class NotAccepting(AcademyError):
    message = _(
        "This champion is not taking on mentees at the moment. Try one of the champions "
        "suggested for you."
    )


class AtCapacity(AcademyError):
    message = _(
        "This champion is already mentoring as many people as they can at once. Try one of "
        "the champions suggested for you."
    )


class AlreadyAsked(AcademyError):
    message = _("You have already asked this champion. Their answer will come by email.")


class OwnProfile(AcademyError):
    message = _("You cannot ask yourself for mentoring.")


class WrongStage(AcademyError):
    message = _("This mentoring has moved on since you opened the page. Look again.")


class InvalidMeeting(AcademyError):
    message = _("This meeting cannot be logged like that.")


class AlreadyGaveFeedback(AcademyError):
    message = _("You have already given your feedback. Thank you.")


class SessionClosed(AcademyError):
    message = _("This session is no longer taking registrations.")


class HostsSession(AcademyError):
    message = _("You are hosting this session, so you have a place already.")


class SessionFull(AcademyError):
    message = _("All places at this session are taken.")


class InvalidSession(AcademyError):
    message = _("This session cannot be set up like that.")
