"""Peer-challenge errors, each a whole sentence the person can act on."""

from django.utils.translation import gettext_lazy as _

from academy.exceptions import AcademyError, PermissionDenied


class NotAllowed(PermissionDenied):
    message = _(
        "You cannot do that in this peer challenge at its stage now. Look at the review's "
        "page to see what is next."
    )


class Refused(AcademyError):
    """A change the review's rules do not allow; the message says why."""


class NotYetReady(AcademyError):
    """The review cannot move on yet; the message says what is missing."""
