"""Use cases that change people, invitations and profiles. Views, admin, tasks and the demo
loader all call these, so they behave the same wherever they start."""

import hashlib

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.log_actions import log

from . import exceptions, roles
from .emails import send_email
from .models import Invitation, Organisation, User, WorkerHeartbeat, _new_nonce

_INVITATION_SALT = "academy.invitation"


def invite_person(
    *,
    email: str,
    full_name: str,
    role: Group,
    by: User,
    organisation: Organisation | None = None,
    job_title: str = "",
    political_group: str = "",
) -> Invitation:
    """Invite someone to join with one role; replaces any open invitation to the same address.

    The email goes out after the transaction commits, once.
    """
    if not by.has_perm("academy.add_invitation"):
        raise exceptions.PermissionDenied(
            "Only LGA administrators can invite people to the academy."
        )
    if role.name not in roles.ROLES:
        raise exceptions.NotARole()
    email = User.objects.normalize_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise exceptions.AlreadyRegistered()

    now = timezone.now()
    with transaction.atomic():
        for previous in Invitation.objects.select_for_update().filter(
            email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
        ):
            previous.revoked_at = now
            previous.save(update_fields=["revoked_at"])
            log(previous, "academy.invitation.withdraw", user=by, data={"replaced": True})
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    email=email,
                    full_name=full_name.strip(),
                    job_title=job_title.strip(),
                    organisation=organisation,
                    role=role,
                    political_group=political_group,
                    invited_by=by,
                    created_at=now,
                    expires_at=now + settings.INVITATION_MAX_AGE,
                )
        except IntegrityError as error:  # someone else invited them a moment ago
            raise exceptions.AcademyError(
                "An invitation to this address was sent a moment ago. Refresh to see it."
            ) from error
        log(invitation, "academy.invitation.send", user=by, data={"role": role.name})
        _send_invitation_after_commit(invitation)
    return invitation


def resend_invitation(*, invitation: Invitation, by: User) -> Invitation:
    """Send a fresh link with a new expiry; every earlier link for this invitation stops working."""
    if not by.has_perm("academy.change_invitation"):
        raise exceptions.PermissionDenied("Only LGA administrators can resend invitations.")
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at:
            raise exceptions.InvitationUsed("This invitation has already been accepted.")
        if invitation.revoked_at:
            raise exceptions.InvitationWithdrawn("This invitation has been withdrawn.")
        now = timezone.now()
        invitation.nonce = _new_nonce()
        invitation.expires_at = now + settings.INVITATION_MAX_AGE
        invitation.email_sent_at = None
        invitation.save(update_fields=["nonce", "expires_at", "email_sent_at"])
        log(invitation, "academy.invitation.resend", user=by)
        _send_invitation_after_commit(invitation)
    return invitation


def withdraw_invitation(*, invitation: Invitation, by: User) -> Invitation:
    """Stop an invitation's link from working."""
    if not by.has_perm("academy.change_invitation"):
        raise exceptions.PermissionDenied("Only LGA administrators can withdraw invitations.")
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at:
            raise exceptions.InvitationUsed("This invitation has already been accepted.")
        if not invitation.revoked_at:
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
            log(invitation, "academy.invitation.withdraw", user=by)
    return invitation


def _send_invitation_after_commit(invitation):
    from .tasks import send_invitation_email

    send_invitation_email.delay_on_commit(invitation.pk)


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=_INVITATION_SALT)


def invitation_url(invitation: Invitation) -> str:
    path = reverse("account:accept-invitation", kwargs={"token": invitation_token(invitation)})
    return f"{settings.SITE_URL}{path}"


def invitation_from_token(token: str) -> Invitation:
    """The invitation a link points at, if the link is genuine and still usable."""
    try:
        payload = signing.loads(token, salt=_INVITATION_SALT)
        invitation = Invitation.objects.select_related("organisation", "role").get(
            pk=payload["i"], nonce=payload["n"]
        )
    except (signing.BadSignature, KeyError, TypeError, Invitation.DoesNotExist) as error:
        raise exceptions.InvitationInvalid() from error
    _check_usable(invitation)
    return invitation


def _check_usable(invitation):
    if invitation.accepted_at:
        raise exceptions.InvitationUsed()
    if invitation.revoked_at:
        raise exceptions.InvitationWithdrawn()
    if invitation.expires_at <= timezone.now():
        raise exceptions.InvitationExpired()


def deliver_invitation_email(*, invitation_id: int) -> bool:
    """Email an invitation's link, at most once per link. Returns whether an email went out.

    The send is recorded before the email leaves, so a retry or a second delivery of the
    task never sends it twice; if sending fails the record is undone for the retry.
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("role", "invited_by")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None or invitation.email_sent_at is not None:
            return False
        try:
            _check_usable(invitation)
        except exceptions.AcademyError:
            return False
        invitation.email_sent_at = timezone.now()
        invitation.save(update_fields=["email_sent_at"])

    context = {
        "invitation": invitation,
        "url": invitation_url(invitation),
        "expires_at": invitation.expires_at,
    }
    send_email(template="invitation", to=invitation.email, context=context, sent_record=invitation)
    return True


def accept_invitation(*, token: str, password: str) -> User:
    """Create the invited person's account with their role, from the link in their email.

    Works once per invitation, only with a genuine link that has not expired.
    """
    invitation = invitation_from_token(token)
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("role")
            .get(pk=invitation.pk)
        )
        _check_usable(invitation)
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise exceptions.AlreadyRegistered()
        user = User.objects.create_user(
            invitation.email,
            password,
            full_name=invitation.full_name,
            job_title=invitation.job_title,
            organisation=invitation.organisation,
            political_group=invitation.political_group,
        )
        user.groups.add(invitation.role)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        log(invitation, "academy.invitation.accept", user=user)
    return user


PROFILE_FIELDS = (
    "full_name",
    "job_title",
    "leadership_role",
    "organisation",
    "political_group",
)


def update_profile(*, person: User, by: User, **changes) -> User:
    """Change a person's own details; records which fields changed and who changed them."""
    if by.pk != person.pk and not by.has_perm("academy.change_user"):
        raise exceptions.PermissionDenied("You can only change your own profile.")
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        # Compare with what is stored, not with the caller's copy, which a form may have changed.
        person = User.objects.select_for_update().get(pk=person.pk)
        changed = [name for name, value in changes.items() if getattr(person, name) != value]
        if not changed:
            return person
        for name in changed:
            setattr(person, name, changes[name])
        person.full_clean(exclude=["password"])
        person.save(update_fields=changed)
        log(person, "academy.profile.edit", user=by, data={"fields": changed})
    return person


PASSWORD_RESET_THROTTLE_SECONDS = 60


def request_password_reset(*, email: str) -> None:
    """Email a reset link to the account with this address, if there is one.

    Answers the same whether or not there is an account, sends in the background so that
    the time taken does not tell either, and sends at most one email a minute per address.
    """
    email = User.objects.normalize_email(email)
    throttle_key = "password-reset:" + hashlib.sha256(email.encode()).hexdigest()
    if not cache.add(throttle_key, True, timeout=PASSWORD_RESET_THROTTLE_SECONDS):
        return
    from .tasks import send_password_reset_email

    for person in User.objects.filter(email__iexact=email, is_active=True):
        if person.has_usable_password():
            send_password_reset_email.delay_on_commit(person.pk)


def deliver_password_reset_email(*, person_id: int) -> bool:
    """Email one person a link to choose a new password; it works once, for a few hours."""
    person = User.objects.filter(pk=person_id, is_active=True).first()
    if person is None:
        return False
    path = reverse(
        "account:password-reset-confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": default_token_generator.make_token(person),
        },
    )
    context = {
        "person": person,
        "url": f"{settings.SITE_URL}{path}",
        "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
    send_email(template="password_reset", to=person.email, context=context)
    return True


def record_heartbeat(*, source: str) -> WorkerHeartbeat:
    """Note that a worker is alive and running tasks from `source`."""
    heartbeat, _created = WorkerHeartbeat.objects.update_or_create(
        source=source, defaults={"last_seen": timezone.now()}
    )
    return heartbeat
