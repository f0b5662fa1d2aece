"""Every change to a round table: setting it up, invitations and answers, the waiting list,
attendance, the notes and sending them, cancelling. Views, the admin, Celery tasks and the
demo loader all call these. Emails are decided in the same transaction as the change (see
`notifications`); every change is written to Wagtail's audit log with who made it."""

import re
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from academy.models import User

from . import exceptions, selectors
from .models import NOTE_MAX_LENGTH, Invitation, Note, Notification, RoundTable
from .notifications import notify

Kind = Notification.Kind
Status = Invitation.Status
ROUND_TABLE_FIELDS = (
    "title",
    "region",
    "starts_at",
    "duration_minutes",
    "venue",
    "co_hosts",
    "summary",
    "speaker_name",
    "speaker_role",
    "speaker_story",
    "capacity",
    "invitation_deadline",
)
# Changing these after people have places sends them the new details.
TIMING_FIELDS = ("starts_at", "duration_minutes", "venue")


def _require_manager(by: User, round_table: RoundTable) -> None:
    if not selectors.can_manage(by, round_table):
        raise exceptions.NotAnOrganiser()


def _check_dates(*, starts_at: datetime, invitation_deadline: datetime, now=None) -> None:
    if invitation_deadline > starts_at:
        raise exceptions.InvalidRoundTable(
            "The date to answer by must be before the round table starts."
        )
    if starts_at <= (now or timezone.now()):
        raise exceptions.InvalidRoundTable("A round table must start in the future.")


def create_round_table(*, by: User, themes=(), organisers=(), **fields) -> RoundTable:
    """Set up a round table. Only people who may run every round table can."""
    if not selectors.runs_every_round_table(by):
        raise exceptions.NotAnOrganiser()
    _check_dates(starts_at=fields["starts_at"], invitation_deadline=fields["invitation_deadline"])
    with transaction.atomic():
        round_table = RoundTable(created_by=by, **fields)
        round_table.full_clean()
        round_table.save()
        round_table.themes.set(themes)
        round_table.organisers.set(organisers)
        log(round_table, "roundtables.round_table.create", user=by)
    return round_table


def update_round_table(
    *, round_table: RoundTable, by: User, themes=None, organisers=None, **fields
) -> RoundTable:
    """Change a round table's details. When its time or place changes, everyone with a place
    (or waiting for one) is sent the new details and calendar entry."""
    _require_manager(by, round_table)
    with transaction.atomic():
        round_table = RoundTable.objects.select_for_update().get(pk=round_table.pk)
        if round_table.status == RoundTable.Status.CANCELLED:
            raise exceptions.RoundTableClosed("A cancelled round table cannot be changed.")
        changed = [name for name, value in fields.items() if getattr(round_table, name) != value]
        for name in changed:
            setattr(round_table, name, fields[name])
        if {"starts_at", "invitation_deadline"} & set(changed):
            _check_dates(
                starts_at=round_table.starts_at,
                invitation_deadline=round_table.invitation_deadline,
            )
        moved = bool(set(TIMING_FIELDS) & set(changed))
        if moved:
            round_table.sequence += 1
        round_table.full_clean()
        round_table.save()
        if themes is not None:
            round_table.themes.set(themes)
        if organisers is not None:
            round_table.organisers.set(organisers)
        if moved:
            occasion = f"changed-{round_table.sequence}"
            for person_id in round_table.invitations.filter(status=Status.ACCEPTED).values_list(
                "person_id", flat=True
            ):
                notify(
                    person_id=person_id,
                    round_table=round_table,
                    kind=Kind.PLACE_CONFIRMED,
                    occasion=occasion,
                )
        log(round_table, "roundtables.round_table.edit", user=by, data={"fields": changed})
    return round_table


def cancel_round_table(*, round_table: RoundTable, by: User) -> RoundTable:
    """Call it off: everyone still invited, coming or waiting is told, with a calendar file
    that takes it out of their calendar."""
    _require_manager(by, round_table)
    with transaction.atomic():
        round_table = RoundTable.objects.select_for_update().get(pk=round_table.pk)
        if round_table.status == RoundTable.Status.CANCELLED:
            return round_table
        if round_table.has_ended():
            raise exceptions.RoundTableClosed(
                "A round table that has taken place cannot be cancelled."
            )
        round_table.status = RoundTable.Status.CANCELLED
        round_table.save(update_fields=["status"])
        for person_id in round_table.invitations.filter(
            status__in=(Status.INVITED, Status.ACCEPTED, Status.WAITLISTED)
        ).values_list("person_id", flat=True):
            notify(person_id=person_id, round_table=round_table, kind=Kind.CANCELLED)
        log(round_table, "roundtables.round_table.cancel", user=by)
    return round_table


def _open_for_answers(round_table: RoundTable, *, accepting: bool, now=None) -> None:
    now = now or timezone.now()
    if round_table.status != RoundTable.Status.GOING_AHEAD or round_table.starts_at <= now:
        raise exceptions.RoundTableClosed()
    if accepting and round_table.invitation_deadline <= now:
        raise exceptions.PastDeadline()


# --- Invitations ------------------------------------------------------------------------------


def invite(*, round_table: RoundTable, person: User, by: User) -> Invitation:
    """Invite a chief executive or corporate director. Someone whose invitation was
    withdrawn, or who declined, can be invited again; each invitation email goes once."""
    _require_manager(by, round_table)
    if not person.is_active or person.leadership_role not in selectors.INVITABLE_ROLES:
        raise exceptions.NotInvitable(
            f"{person.full_name} is not a chief executive or corporate director, so cannot be "
            "invited."
        )
    with transaction.atomic():
        round_table = RoundTable.objects.select_for_update().get(pk=round_table.pk)
        _open_for_answers(round_table, accepting=True)
        invitation = (
            Invitation.objects.select_for_update()
            .filter(round_table=round_table, person=person)
            .first()
        )
        if invitation is None:
            invitation = Invitation.objects.create(
                round_table=round_table, person=person, invited_by=by
            )
        elif invitation.status in (Status.WITHDRAWN, Status.DECLINED):
            invitation.status = Status.INVITED
            invitation.invited_by = by
            invitation.invited_at = timezone.now()
            invitation.responded_at = None
            invitation.nonce = Invitation._meta.get_field("nonce").default()
            invitation.save()
        else:
            raise exceptions.AlreadyInvited(f"{person.full_name} has already been invited.")
        notify(
            person_id=person.pk,
            round_table=round_table,
            kind=Kind.INVITATION,
            occasion=f"{invitation.invited_at:%Y%m%dT%H%M%S%f}",
        )
        log(invitation, "roundtables.invitation.invite", user=by)
    return invitation


def accept(
    *, invitation: Invitation, agrees_to_rule: bool, listed: bool, by: User | None = None
) -> Invitation:
    """Accept, agreeing to the Chatham House rule. There is a place while fewer have
    accepted than the round table holds; otherwise the person waits, in arrival order. The
    round table's row is locked, so people accepting at the same moment are served one at
    a time. `by` is None when the answer came from the link in the email."""
    if not agrees_to_rule:
        raise exceptions.RuleNotAgreed()
    with transaction.atomic():
        round_table = RoundTable.objects.select_for_update().get(pk=invitation.round_table_id)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if by is not None and by.pk != invitation.person_id:
            raise exceptions.NoInvitation()
        if invitation.status not in (Status.INVITED, Status.DECLINED):
            if invitation.status in (Status.ACCEPTED, Status.WAITLISTED):
                return _keep_listing(invitation, listed, by)
            raise exceptions.NoInvitation()
        _open_for_answers(round_table, accepting=True)
        now = timezone.now()
        taken = round_table.invitations.filter(status=Status.ACCEPTED).count()
        round_table.last_queue_number += 1
        round_table.save(update_fields=["last_queue_number"])
        invitation.queue_number = round_table.last_queue_number
        invitation.status = Status.ACCEPTED if taken < round_table.capacity else Status.WAITLISTED
        invitation.responded_at = now
        invitation.agreed_to_rule_at = now
        invitation.listed = listed
        invitation.save()
        notify(
            person_id=invitation.person_id,
            round_table=round_table,
            kind=Kind.PLACE_CONFIRMED if invitation.status == Status.ACCEPTED else Kind.WAITLISTED,
            occasion=f"q{invitation.queue_number}",
        )
        log(
            invitation,
            "roundtables.invitation.accept",
            user=by or invitation.person,
            data={"status": invitation.status, "listed": listed, "by_link": by is None},
        )
    return invitation


def _keep_listing(invitation: Invitation, listed: bool, by) -> Invitation:
    """Someone who already accepted changes whether others see they are coming."""
    if invitation.listed != listed:
        invitation.listed = listed
        invitation.save(update_fields=["listed"])
        log(
            invitation,
            "roundtables.invitation.listing",
            user=by or invitation.person,
            data={"listed": listed},
        )
    return invitation


def decline(*, invitation: Invitation, by: User | None = None) -> Invitation:
    """Say no, or no longer come: a place given up goes to the first person waiting, who is
    told by email."""
    with transaction.atomic():
        round_table = RoundTable.objects.select_for_update().get(pk=invitation.round_table_id)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if by is not None and by.pk != invitation.person_id:
            raise exceptions.NoInvitation()
        if invitation.status not in (Status.INVITED, Status.ACCEPTED, Status.WAITLISTED):
            raise exceptions.NoInvitation("You have already declined this invitation.")
        _open_for_answers(round_table, accepting=False)
        was = invitation.status
        invitation.status = Status.DECLINED
        invitation.responded_at = timezone.now()
        invitation.queue_number = None
        invitation.listed = False
        invitation.save()
        log(invitation, "roundtables.invitation.decline", user=by or invitation.person)
        if was == Status.ACCEPTED:
            _promote_first_waiting(round_table)
    return invitation


def withdraw_invitation(*, invitation: Invitation, by: User) -> Invitation:
    """An organiser takes an invitation back; a place it held goes to the first waiting."""
    _require_manager(by, invitation.round_table)
    with transaction.atomic():
        round_table = RoundTable.objects.select_for_update().get(pk=invitation.round_table_id)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status == Status.WITHDRAWN:
            return invitation
        was = invitation.status
        invitation.status = Status.WITHDRAWN
        invitation.queue_number = None
        invitation.save()
        log(invitation, "roundtables.invitation.withdraw", user=by)
        if was == Status.ACCEPTED and not round_table.has_ended():
            _promote_first_waiting(round_table)
    return invitation


def _promote_first_waiting(round_table: RoundTable) -> None:
    """Call with the round table's row locked."""
    taken = round_table.invitations.filter(status=Status.ACCEPTED).count()
    if taken >= round_table.capacity:
        return
    first = (
        round_table.invitations.select_for_update()
        .filter(status=Status.WAITLISTED)
        .order_by("queue_number")
        .first()
    )
    if first is None:
        return
    first.status = Status.ACCEPTED
    first.save(update_fields=["status"])
    notify(person_id=first.person_id, round_table=round_table, kind=Kind.PLACE_OFFERED)
    log(first, "roundtables.invitation.promote", data={"queue_number": first.queue_number})


# --- After the round table --------------------------------------------------------------------


def record_attendance(*, round_table: RoundTable, attended_ids, by: User) -> int:
    """Register who came, among those with a place. Returns how many changed."""
    _require_manager(by, round_table)
    attended_ids = {int(pk) for pk in attended_ids}
    changed = 0
    with transaction.atomic():
        round_table = RoundTable.objects.select_for_update().get(pk=round_table.pk)
        if round_table.starts_at > timezone.now():
            raise exceptions.NotYetHeld()
        for invitation in round_table.invitations.select_for_update().filter(
            status=Status.ACCEPTED
        ):
            came = invitation.person_id in attended_ids
            if invitation.attended != came:
                invitation.attended = came
                invitation.save(update_fields=["attended"])
                changed += 1
        log(round_table, "roundtables.attendance.record", user=by, data={"changed": changed})
    return changed


# Words that say what kind of body an organisation is, not which: "Kent" names Kent County
# Council, "County" names nobody.
_GENERIC_WORDS = frozenset(
    [
        "and",
        "authority",
        "board",
        "borough",
        "care",
        "city",
        "combined",
        "constabulary",
        "council",
        "county",
        "district",
        "fire",
        "for",
        "foundation",
        "hospital",
        "hospitals",
        "integrated",
        "london",
        "metropolitan",
        "nhs",
        "of",
        "partnership",
        "police",
        "rescue",
        "royal",
        "service",
        "services",
        "the",
        "trust",
        "university",
    ]
)


def _names_to_look_for(round_table: RoundTable) -> set[str]:
    """Names that would attribute what was said: of everyone who accepted, and their
    organisations (in full, and by the words that tell them apart)."""
    names = set()
    for invitation in round_table.invitations.filter(
        status__in=(Status.ACCEPTED, Status.WAITLISTED)
    ).select_related("person__organisation"):
        person = invitation.person
        names.add(person.full_name)
        parts = person.full_name.split()
        if len(parts) > 1 and len(parts[-1]) > 2:
            names.add(parts[-1])  # "Ms Okafor said"
        organisation = person.organisation
        if organisation:
            names.add(organisation.name)
            distinct = [w for w in organisation.name.split() if w.lower() not in _GENERIC_WORDS]
            if distinct and len(" ".join(distinct)) > 3:
                names.add(" ".join(distinct))
    return {name for name in names if name.strip()}


def names_in_note(*, round_table: RoundTable, text: str) -> list[str]:
    """The attendees and organisations a note's text names, as whole words, ignoring case."""
    found = []
    for name in sorted(_names_to_look_for(round_table), key=len, reverse=True):
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in name.split()) + r"(?!\w)"
        if re.search(pattern, text, re.IGNORECASE) and not any(
            name.lower() in longer.lower() for longer in found
        ):
            found.append(name)
    return found


def add_note(
    *, round_table: RoundTable, theme: str, insight: str, by: User, keep_names: bool = False
) -> Note:
    """Record a theme and insight. A note that names an attendee or their organisation is
    refused with the names found, unless the organiser confirms they are not attributions
    (a council named as an example of practice, say); what they kept is recorded."""
    _require_manager(by, round_table)
    theme, insight = theme.strip(), insight.strip()
    if not theme or not insight:
        raise exceptions.InvalidRoundTable("Enter a theme and the insight under it.")
    if len(insight) > NOTE_MAX_LENGTH:
        raise exceptions.InvalidRoundTable(
            f"The insight must be {NOTE_MAX_LENGTH:,} characters or fewer."
        )
    names = names_in_note(round_table=round_table, text=f"{theme}\n{insight}")
    if names and not keep_names:
        raise exceptions.NotesNameSomeone(names)
    with transaction.atomic():
        note = Note.objects.create(
            round_table=round_table,
            theme=theme,
            insight=insight,
            names_kept=", ".join(names)[:500],
            recorded_by=by,
        )
        log(round_table, "roundtables.note.add", user=by, data={"note": note.pk, "names": names})
    return note


def delete_note(*, note: Note, by: User) -> None:
    _require_manager(by, note.round_table)
    with transaction.atomic():
        log(note.round_table, "roundtables.note.delete", user=by, data={"theme": note.theme})
        note.delete()


def share_notes(*, round_table: RoundTable, by: User) -> int:
    """Send the notes to everyone who came (those with a place not registered as absent),
    once. Returns how many are being sent them."""
    _require_manager(by, round_table)
    with transaction.atomic():
        round_table = RoundTable.objects.select_for_update().get(pk=round_table.pk)
        if round_table.notes_shared_at:
            raise exceptions.NotesAlreadyShared()
        if round_table.starts_at > timezone.now():
            raise exceptions.NotYetHeld()
        if not round_table.notes.exists():
            raise exceptions.NoNotes()
        round_table.notes_shared_at = timezone.now()
        round_table.save(update_fields=["notes_shared_at"])
        people = list(
            round_table.invitations.filter(status=Status.ACCEPTED)
            .exclude(attended=False)
            .values_list("person_id", flat=True)
        )
        for person_id in people:
            notify(person_id=person_id, round_table=round_table, kind=Kind.NOTES)
        log(round_table, "roundtables.notes.share", user=by, data={"to": len(people)})
    return len(people)
