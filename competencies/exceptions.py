"""Competency framework errors, each a whole sentence the person can act on."""

from django.utils.translation import gettext_lazy as _

from academy.exceptions import AcademyError, PermissionDenied

# --- Diagnostics and plans --------------------------------------------------------------------


class NoFramework(AcademyError):
    message = _("The competency framework is not published yet. Try again later.")


class NotYours(PermissionDenied):
    message = _("Only the person it belongs to can do that.")


class NotCoordinator(PermissionDenied):
    message = _("Only the diagnostic's coordinator and the LGA team can do that.")


class NothingRated(AcademyError):
    message = _("Say where you are now on at least one competency before you finish.")


class NotAsked(AcademyError):
    message = _("Rate only the competencies the diagnostic asks about.")


class AlreadyFinished(AcademyError):
    message = _("You finished this diagnostic already. Take it again to see how you have moved.")


class NotInvited(PermissionDenied):
    message = _("Only the people the coordinator invited can answer this diagnostic.")


class AlreadyAnswered(AcademyError):
    message = _("You have answered this diagnostic already. Each person answers once.")


class Closed(AcademyError):
    message = _("This diagnostic has closed: answers can no longer be given or changed.")


class NotInOrganisation(AcademyError):
    message = _("Invite only people from the organisation the diagnostic is for.")


class TooFewToClose(AcademyError):
    message = _(
        "At least 3 people must answer before the results can be shown, so that nobody's "
        "answers can be singled out. Remind the people you invited, or invite more."
    )


class DateNotValid(AcademyError):
    message = _("Choose a date from today to three years from now.")


class AlreadyInPlan(AcademyError):
    message = _("That competency is in the plan already.")


class AlreadyTaken(AcademyError):
    message = _("That recommendation is in the plan already.")


class NotRecommended(AcademyError):
    message = _("That recommendation is no longer offered. Choose another, or add your own.")


class TooManyGoals(AcademyError):
    message = _("A plan works on at most 6 competencies at a time. Finish or remove one first.")


# --- Framework versions -----------------------------------------------------------------------


class DraftExists(AcademyError):
    message = _(
        "There is a draft version already. Publish it or delete it before you start another."
    )


class NotADraft(AcademyError):
    message = _(
        "Published and replaced versions never change, so that past diagnostics keep their "
        "meaning. Make a new version and change that instead."
    )


class NothingToPublish(AcademyError):
    message = _("Add at least one competency before you publish this version.")


class BehaviourMissing(AcademyError):
    message = _(
        "Every competency needs at least one behaviour that illustrates it before the version "
        "is published."
    )


class VersionClash(AcademyError):
    message = _(
        "Someone else started a version at the same moment. Refresh the page and try again."
    )


class FrameworkFileNotValid(AcademyError):
    """An import refused: `errors` lists every problem found, each naming its row (or
    competency) and field, so that the whole file can be put right at once."""

    message = _("The file could not be imported. Put these right and upload it again.")

    def __init__(self, errors, message=None):
        self.errors = list(errors)
        super().__init__(message)
