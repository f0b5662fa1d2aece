"""Reads of round tables, each through the viewer. A round table exists only for its
organisers (and LGA staff who run round tables) and for the people invited to it; for
anyone else it is a 404. Within it, the attendee list shows organisers everyone coming, and
shows attendees only those who chose to be listed; the notes reach attendees once the
organisers send them. Nobody who declined, or was not invited, sees either."""

from collections import defaultdict
from dataclasses import dataclass

from django.core import signing
from django.db.models import Count, Prefetch, Q, QuerySet

from academy.models import LeadershipRole, Region, User

from .models import Invitation, Note, RoundTable

MANAGE_PERMISSION = "roundtables.manage_round_tables"
# Who round tables are for: the people who lead councils and their partners.
INVITABLE_ROLES = (
    LeadershipRole.CHIEF_EXECUTIVE,
    LeadershipRole.DEPUTY_CHIEF_EXECUTIVE,
    LeadershipRole.CORPORATE_DIRECTOR,
)
ANSWER_SALT = "roundtables.answer"
Status = Invitation.Status
# Invitees who still have a part in the round table (a withdrawn invitation has none).
INVITEE_STATUSES = (Status.INVITED, Status.ACCEPTED, Status.WAITLISTED, Status.DECLINED)


def runs_every_round_table(viewer) -> bool:
    return bool(viewer and viewer.is_authenticated and viewer.has_perm(MANAGE_PERMISSION))


def round_tables_managed_by(viewer) -> QuerySet[RoundTable]:
    if not (viewer and viewer.is_authenticated and viewer.is_active):
        return RoundTable.objects.none()
    if runs_every_round_table(viewer):
        return RoundTable.objects.all()
    return RoundTable.objects.filter(organisers=viewer)


def can_manage(viewer, round_table: RoundTable) -> bool:
    return round_tables_managed_by(viewer).filter(pk=round_table.pk).exists()


def invitations_of(viewer) -> QuerySet[Invitation]:
    """The viewer's own invitations, soonest first."""
    if not (viewer and viewer.is_authenticated):
        return Invitation.objects.none()
    return (
        Invitation.objects.filter(person=viewer, status__in=INVITEE_STATUSES)
        .select_related("round_table")
        .order_by("round_table__starts_at")
    )


def sees_notes(invitation: Invitation | None) -> bool:
    """An attendee reads the notes once they are sent: someone who accepted and was not
    registered as absent."""
    return bool(
        invitation
        and invitation.status == Status.ACCEPTED
        and invitation.attended is not False
        and invitation.round_table.notes_shared_at
    )


@dataclass
class RoundTableView:
    round_table: RoundTable
    invitation: Invitation | None  # the viewer's own
    managing: bool
    attendees: list[User]  # whom the viewer may see as coming
    unlisted: int  # how many more are coming, not shown to the viewer
    notes: list[Note]


def round_table_for(*, viewer, pk) -> RoundTableView | None:
    """A round table as the viewer may see it, or None when it is not theirs to see."""
    if not (viewer and viewer.is_authenticated and viewer.is_active):
        return None
    round_table = RoundTable.objects.filter(pk=pk).prefetch_related("themes").first()
    if round_table is None:
        return None
    managing = can_manage(viewer, round_table)
    invitation = (
        Invitation.objects.filter(
            round_table=round_table, person=viewer, status__in=INVITEE_STATUSES
        )
        .select_related("round_table")
        .first()
    )
    if not managing and invitation is None:
        return None
    attendees, unlisted = [], 0
    if managing or (invitation and invitation.status == Status.ACCEPTED):
        coming = list(
            round_table.invitations.filter(status=Status.ACCEPTED)
            .select_related("person__organisation")
            .order_by("person__full_name")
        )
        shown = [i for i in coming if managing or i.listed or i.person_id == viewer.pk]
        attendees = [i.person for i in shown]
        unlisted = len(coming) - len(shown)
    notes = []
    if managing or sees_notes(invitation):
        notes = list(round_table.notes.all())
    return RoundTableView(round_table, invitation, managing, attendees, unlisted, notes)


def round_table_managed(*, viewer, pk) -> RoundTable | None:
    return round_tables_managed_by(viewer).filter(pk=pk).first()


@dataclass
class Overview:
    """What an organiser sees: every invitation and its answer, in arrival order."""

    round_table: RoundTable
    invitations: list[Invitation]
    counts: dict[str, int]
    notes: list[Note]

    @property
    def places_left(self) -> int:
        return max(self.round_table.capacity - self.counts.get(Status.ACCEPTED, 0), 0)

    @property
    def waiting(self) -> list[Invitation]:
        return [i for i in self.invitations if i.status == Status.WAITLISTED]


def overview_for_manager(*, viewer, pk) -> Overview | None:
    round_table = (
        round_tables_managed_by(viewer)
        .filter(pk=pk)
        .prefetch_related(
            "themes",
            Prefetch(
                "invitations",
                queryset=Invitation.objects.select_related("person__organisation").order_by(
                    "queue_number", "person__full_name"
                ),
            ),
            "notes",
        )
        .first()
    )
    if round_table is None:
        return None
    invitations = list(round_table.invitations.all())
    counts = defaultdict(int)
    for invitation in invitations:
        counts[invitation.status] += 1
    return Overview(round_table, invitations, dict(counts), list(round_table.notes.all()))


def candidates_for(*, viewer, round_table: RoundTable, roles=(), region: str = ""):
    """People the viewer could invite: chief executives and directors in the roles and
    region chosen, not yet invited (or whose invitation was withdrawn)."""
    if not can_manage(viewer, round_table):
        return User.objects.none()
    people = User.objects.filter(
        is_active=True, leadership_role__in=[r for r in roles if r in INVITABLE_ROLES]
    )
    if region:
        people = people.filter(
            Q(organisation__region=region) | Q(organisation__place__region=region)
        )
    already = Invitation.objects.filter(round_table=round_table).exclude(status=Status.WITHDRAWN)
    return (
        people.exclude(pk__in=already.values("person_id"))
        .select_related("organisation")
        .order_by("organisation__name", "full_name")
    )


# --- The link in the invitation email ---------------------------------------------------------


def answer_token(invitation: Invitation) -> str:
    """A signed token that lets its holder answer this one invitation, and nothing else."""
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=ANSWER_SALT)


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link answers, while it is still this person's to answer: the link
    stops working when the invitation is withdrawn or sent again."""
    try:
        payload = signing.loads(token, salt=ANSWER_SALT)
        pk, nonce = int(payload["i"]), str(payload["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return (
        Invitation.objects.filter(pk=pk, nonce=nonce, status__in=INVITEE_STATUSES)
        .select_related("round_table", "person")
        .first()
    )


# --- For LGA staff ----------------------------------------------------------------------------


@dataclass
class RegionFigures:
    region: str
    label: str
    round_tables: int
    invited: int
    answered: int
    accepted: int
    attended: int
    registered: int  # accepted people whose attendance has been registered

    @staticmethod
    def _share(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def response_rate(self):
        return self._share(self.answered, self.invited)

    @property
    def attendance_rate(self):
        return self._share(self.attended, self.registered)


def response_rates_by_region(*, viewer) -> list[RegionFigures]:
    """Response and attendance rates for each region's round tables, in one query."""
    if not runs_every_round_table(viewer):
        return []
    invited = ~Q(invitations__status=Status.WITHDRAWN) & Q(invitations__isnull=False)
    rows = (
        RoundTable.objects.exclude(status=RoundTable.Status.CANCELLED)
        .values("region")
        .annotate(
            round_tables=Count("pk", distinct=True),
            invited=Count("invitations", filter=invited),
            answered=Count("invitations", filter=invited & ~Q(invitations__status=Status.INVITED)),
            accepted=Count("invitations", filter=Q(invitations__status=Status.ACCEPTED)),
            attended=Count("invitations", filter=Q(invitations__attended=True)),
            registered=Count(
                "invitations",
                filter=Q(invitations__status=Status.ACCEPTED, invitations__attended__isnull=False),
            ),
        )
        .order_by()
    )
    found = {row["region"]: row for row in rows}
    empty = dict.fromkeys(
        ("round_tables", "invited", "answered", "accepted", "attended", "registered"), 0
    )
    return [
        RegionFigures(value, label, **{k: found.get(value, empty)[k] for k in empty})
        for value, label in Region.choices
    ]
