"""Demo content for the chief executive round tables: three of them, one held with its notes
sent, one open for answers, and one full with a waiting list, and the chief executives and
corporate directors invited. The demo chief executive (ceo@academy.example) is in all three.

Made through the services, dated from the day the demo is loaded, and only if missing. The
one already held is set up as if in the future and then moved back, as if time had passed:
nobody can set up a round table in the past."""

from datetime import timedelta

from django.utils import timezone

from roundtables import services as roundtables
from roundtables.models import Invitation, RoundTable, RoundTableTheme

from . import roles, services
from .demo_people import add_people
from .models import LeadershipRole, Region, User

CEO = "ceo@academy.example"
CHIEF, DEPUTY, DIRECTOR = (
    LeadershipRole.CHIEF_EXECUTIVE,
    LeadershipRole.DEPUTY_CHIEF_EXECUTIVE,
    LeadershipRole.CORPORATE_DIRECTOR,
)

# (email, full name, job title, organisation, leadership role)
LEADERS = [
    (CEO, None, None, None, CHIEF),  # a demo login already made
    ("reviewer@academy.example", None, None, None, CHIEF),  # Helen Brooks, also a demo login
    ("k.adeyemi@leaders.example", "Kemi Adeyemi", "Chief executive", "Kent County Council", CHIEF),
    ("r.lane@leaders.example", "Robert Lane", "Chief executive", "Medway Council", CHIEF),
    (
        "f.quinn@leaders.example",
        "Fiona Quinn",
        "Corporate director, adults and health",
        "Kent County Council",
        DIRECTOR,
    ),
    ("s.mistry@leaders.example", "Sunil Mistry", "Chief constable", "Kent Police", CHIEF),
    ("e.clarke@leaders.example", "Eleanor Clarke", "Chief executive", "NHS Kent and Medway", CHIEF),
    (
        "o.bennett@leaders.example",
        "Owen Bennett",
        "Chief executive",
        "Manchester City Council",
        CHIEF,
    ),
    (
        "n.hassan@leaders.example",
        "Nadia Hassan",
        "Deputy chief executive",
        "Salford City Council",
        DEPUTY,
    ),
    (
        "g.fraser@leaders.example",
        "Gareth Fraser",
        "Corporate director of place",
        "Greater Manchester Combined Authority",
        DIRECTOR,
    ),
    (
        "l.achebe@leaders.example",
        "Lydia Achebe",
        "Chief executive",
        "NHS Greater Manchester",
        CHIEF,
    ),
    (
        "t.roberts@leaders.example",
        "Tom Roberts",
        "Chief fire officer",
        "Cornwall Fire and Rescue Service",
        CHIEF,
    ),
    (
        "m.trelawny@leaders.example",
        "Morwenna Trelawny",
        "Corporate director, people",
        "Cornwall Council",
        DIRECTOR,
    ),
    ("b.pascoe@leaders.example", "Ben Pascoe", "Chief executive", "Volunteer Cornwall", CHIEF),
]

NOTES = [
    (
        "Shared care records",
        "The technology was rarely what held things up. What mattered was a named owner for the "
        "data on each side and an agreement, signed at the top, on what could be shared and why.",
    ),
    (
        "Starting small",
        "Several places began with a single pathway, such as discharge from hospital, and grew "
        "from there once residents and staff could see the difference.",
    ),
    (
        "Funding that follows the resident",
        "Budgets tied to one service made joint investment hard. Pooled funds, even small ones, "
        "changed the conversation between the council and the NHS.",
    ),
]


def load_round_tables(*, admin: User) -> list[RoundTable]:
    add_people(
        admin=admin,
        people=[row[:4] for row in LEADERS],
        role=roles.SENIOR_OFFICER,
    )
    for email, *_rest, role in LEADERS:
        person = User.objects.get(email=email)
        if person.leadership_role != role:
            services.update_profile(person=person, by=admin, leadership_role=role)
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    return [_held(admin, now), _open(admin, now), _full(admin, now)]


def _people(*emails):
    return [User.objects.get(email=email) for email in emails]


def _make(admin, *, title, themes, **fields):
    existing = RoundTable.objects.filter(title=title).first()
    if existing is not None:
        return existing, False
    made = roundtables.create_round_table(
        by=admin,
        title=title,
        themes=RoundTableTheme.objects.filter(slug__in=themes),
        organisers=[admin],
        co_hosts="The LGA with Solace",
        **fields,
    )
    return made, True


def _answer(round_table, people, *, accept=True, listed=True):
    for person in people:
        invitation = Invitation.objects.get(round_table=round_table, person=person)
        if accept:
            roundtables.accept(invitation=invitation, agrees_to_rule=True, listed=listed, by=person)
        else:
            roundtables.decline(invitation=invitation, by=person)


def _invite(round_table, admin, people):
    for person in people:
        roundtables.invite(round_table=round_table, person=person, by=admin)


def _held(admin, now):
    """Held three weeks ago in the South East: attendance registered and the notes sent."""
    starts = now.replace(hour=14) + timedelta(days=30)
    table, new = _make(
        admin,
        title="Health and care integration: what the data told us",
        themes=["health-and-care-integration", "data-sharing"],
        region=Region.SOUTH_EAST,
        starts_at=starts,
        invitation_deadline=starts - timedelta(days=10),
        duration_minutes=150,
        venue="Sessions House, County Road, Maidstone",
        capacity=10,
        summary="How the public bodies of Kent and Medway joined up care records, and what "
        "they would do differently.",
        speaker_name="Dr Eleanor Clarke",
        speaker_role="Chief executive, NHS Kent and Medway",
        speaker_story="Led the shared care record across the county's councils, hospitals and "
        "GPs, now used by 9,000 staff, and the discharge pathway that cut waits by a third.",
    )
    if not new:
        return table
    came = _people(
        CEO,
        "k.adeyemi@leaders.example",
        "r.lane@leaders.example",
        "f.quinn@leaders.example",
        "s.mistry@leaders.example",
    )
    away = _people("reviewer@academy.example")
    _invite(table, admin, [*came, *away])
    _answer(table, came[:4])
    _answer(table, came[4:], listed=False)
    _answer(table, away)
    # Three weeks later: it has taken place.
    starts = now.replace(hour=14) - timedelta(days=21)
    RoundTable.objects.filter(pk=table.pk).update(
        starts_at=starts, invitation_deadline=starts - timedelta(days=10)
    )
    table.refresh_from_db()
    roundtables.record_attendance(
        round_table=table, attended_ids=[person.pk for person in came], by=admin
    )
    for theme, insight in NOTES:
        roundtables.add_note(round_table=table, theme=theme, insight=insight, by=admin)
    roundtables.share_notes(round_table=table, by=admin)
    return table


def _open(admin, now):
    """In five weeks in the North West: some have answered, most not yet."""
    starts = now.replace(hour=10) + timedelta(days=35)
    table, new = _make(
        admin,
        title="Devolution and digital: building shared services across a city region",
        themes=["devolution", "digital-workforce"],
        region=Region.NORTH_WEST,
        starts_at=starts,
        invitation_deadline=starts - timedelta(days=14),
        duration_minutes=180,
        venue="Tootal Buildings, Oxford Street, Manchester",
        capacity=12,
        summary="What a devolution deal makes possible for digital services shared by ten "
        "councils, and what it takes to lead them.",
        speaker_name="Owen Bennett",
        speaker_role="Chief executive, Manchester City Council",
        speaker_story="Brought ten councils onto one resident account and one data platform "
        "under the combined authority, saving £4 million a year.",
    )
    if new:
        invited = _people(
            CEO,
            "o.bennett@leaders.example",
            "n.hassan@leaders.example",
            "g.fraser@leaders.example",
            "l.achebe@leaders.example",
            "k.adeyemi@leaders.example",
        )
        _invite(table, admin, invited)
        _answer(table, invited[1:3])
        _answer(table, invited[3:4], listed=False)
        _answer(table, invited[4:5], accept=False)
    return table


def _full(admin, now):
    """In a fortnight in the South West: every place taken, two waiting."""
    starts = now.replace(hour=13) + timedelta(days=14)
    table, new = _make(
        admin,
        title="Welfare reform and digital inclusion in rural places",
        themes=["welfare-reform", "digital-inclusion"],
        region=Region.SOUTH_WEST,
        starts_at=starts,
        invitation_deadline=starts - timedelta(days=3),
        duration_minutes=150,
        venue="Lys Kernow, Truro",
        capacity=4,
        summary="Keeping people online and supported as benefits move to digital services, "
        "where broadband and buses are thin.",
        speaker_name="Morwenna Trelawny",
        speaker_role="Corporate director, people, Cornwall Council",
        speaker_story="Set up digital support in every library and with the voluntary sector, "
        "reaching 12,000 residents in two years.",
    )
    if new:
        coming = _people(
            "m.trelawny@leaders.example",
            "t.roberts@leaders.example",
            "b.pascoe@leaders.example",
            "reviewer@academy.example",
        )
        waiting = _people(CEO, "e.clarke@leaders.example")
        _invite(table, admin, [*coming, *waiting])
        _answer(table, coming)
        _answer(table, waiting)
    return table
