"""Cohort errors, each a whole sentence the person can act on."""

from django.utils.translation import gettext_lazy as _

from academy.exceptions import AcademyError, PermissionDenied


class InvalidCohortSetup(AcademyError):
    message = _("This cohort cannot be set up like that.")


class NotAFacilitator(PermissionDenied):
    message = _("Only this cohort's facilitators and the LGA team can do that.")


class NotInCohort(PermissionDenied):
    message = _("Only people enrolled in this cohort can do that.")


class CohortNotOpen(AcademyError):
    message = _("This cohort is no longer taking people.")


class AlreadyInCohort(AcademyError):
    message = _("This person is already in the cohort.")


class OutsideThePlace(AcademyError):
    message = _("This person works for an organisation in another place.")


class NoInvitation(AcademyError):
    message = _("You have not been invited to this cohort, or have already answered.")


class CannotWithdraw(AcademyError):
    message = _("You are not taking part in this cohort, so there is nothing to withdraw from.")


class NotScheduled(AcademyError):
    message = _("This cohort's sessions have not been scheduled yet.")


class CannotMoveSession(AcademyError):
    message = _("This session cannot be moved there.")


class SessionNotOver(AcademyError):
    message = _("You can give feedback once the session has ended.")


class NoFeedbackWhenAbsent(AcademyError):
    message = _("Feedback comes from those who were there: you are recorded as not attending.")


class NotAParticipant(AcademyError):
    message = _("Attendance can only be recorded for people enrolled in the cohort.")


class InvalidInput(AcademyError):
    message = _("Check what you entered and try again.")


class TooLong(InvalidInput):
    message = _("That is too long.")
