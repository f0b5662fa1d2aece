"""Round-table errors, each a whole sentence the person can act on."""

from django.utils.translation import gettext_lazy as _

from academy.exceptions import AcademyError, PermissionDenied


class NotAnOrganiser(PermissionDenied):
    message = _("Only this round table's organisers and the LGA team can do that.")


class InvalidRoundTable(AcademyError):
    message = _("This round table cannot be set up like that.")


class NotInvitable(AcademyError):
    message = _("Round tables are for chief executives and corporate directors.")


class AlreadyInvited(AcademyError):
    message = _("This person has already been invited.")


class RoundTableClosed(AcademyError):
    message = _("This round table is no longer taking answers.")


class PastDeadline(AcademyError):
    message = _("The date to answer has passed. Contact the organisers if you would like to come.")


class RuleNotAgreed(AcademyError):
    message = _("Agree to keep to the Chatham House rule to accept your place.")


class NoInvitation(AcademyError):
    message = _("There is no invitation for you to answer here.")


class NotYetHeld(AcademyError):
    message = _("This can only be done once the round table has started.")


class NotesNameSomeone(AcademyError):
    """The note names attendees or their organisations: under the Chatham House rule it
    must not say who said what. Carries the names found."""

    def __init__(self, names):
        self.names = list(names)
        super().__init__(
            _(
                "This note names %(names)s. Under the Chatham House rule notes must not say "
                "who said something or where they work. Reword it, or confirm the names are "
                "not attributions."
            )
            % {"names": ", ".join(f"‘{name}’" for name in self.names)}
        )


class NoNotes(AcademyError):
    message = _("Record at least one note before sending them.")


class NotesAlreadyShared(AcademyError):
    message = _("The notes have already been sent to the attendees.")
