"""Reads of the champions network, each through the viewer.

Listed profiles and scheduled open sessions are public. A mentoring relationship exists only
for its mentee, its champion and LGA staff who run the network (`manage_champions`); for
anyone else it is a 404, and its meeting log and feedback come with it or not at all."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from academy.models import Region
from cms_pages.models import CaseStudyPage, Theme
from good_practice.models import ServiceArea
from good_practice.selectors import Facet, Option

from .models import ChampionProfile, Feedback, Meeting, Mentoring, OpenSession, Registration

MANAGE_PERMISSION = "champions.manage_champions"
PER_PAGE = 20
MAX_QUERY_WORDS = 8
Status = Mentoring.Status


def runs_network(viewer) -> bool:
    return bool(viewer and viewer.is_authenticated and viewer.has_perm(MANAGE_PERMISSION))


def _signed_in(viewer) -> bool:
    return bool(viewer and viewer.is_authenticated and viewer.is_active)


def listed_profiles() -> QuerySet[ChampionProfile]:
    return ChampionProfile.objects.filter(is_listed=True, person__is_active=True)


def own_profile(viewer) -> ChampionProfile | None:
    if not _signed_in(viewer):
        return None
    return ChampionProfile.objects.filter(person=viewer).select_related("organisation").first()


# --- The directory ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DirectoryChoice:
    """What a visitor asked the directory for, cleaned: unknown values are dropped."""

    query: str = ""
    themes: tuple[Theme, ...] = ()
    areas: tuple[ServiceArea, ...] = ()
    region: str = ""
    kind: str = ""
    accepting: bool = False

    @property
    def filters(self) -> bool:
        return bool(self.themes or self.areas or self.region or self.kind or self.accepting)

    def params(self, **without) -> str:
        pairs = [("q", self.query)] if self.query else []
        pairs += [("theme", t.slug) for t in self.themes if t != without.get("theme")]
        pairs += [("area", a.slug) for a in self.areas if a != without.get("area")]
        if self.region and not without.get("region"):
            pairs.append(("region", self.region))
        if self.kind and not without.get("kind"):
            pairs.append(("kind", self.kind))
        if self.accepting and not without.get("accepting"):
            pairs.append(("accepting", "yes"))
        return urlencode(pairs)


def directory_choice(params, *, themes, areas) -> DirectoryChoice:
    """The visitor's choice, read against every theme and service area."""
    # NUL cannot be sent to PostgreSQL as text; nobody means it.
    words = params.get("q", "").replace("\0", " ").split()
    query = " ".join(words[:MAX_QUERY_WORDS])[:200]
    theme_slugs = set(params.getlist("theme")[:20])
    area_slugs = set(params.getlist("area")[:30])
    region = params.get("region", "")
    kind = params.get("kind", "")
    return DirectoryChoice(
        query=query,
        themes=tuple(t for t in themes if t.slug in theme_slugs),
        areas=tuple(a for a in areas if a.slug in area_slugs),
        region=region if region in Region.values else "",
        kind=kind if kind in ChampionProfile.Kind.values else "",
        accepting=params.get("accepting") == "yes",
    )


def _spare_places() -> Q:
    """Profiles accepting mentees and mentoring fewer than they said they would take."""
    return Q(accepting_mentees=True, active_mentees__lt=F("mentee_capacity"))


def _with_load(profiles: QuerySet[ChampionProfile]) -> QuerySet[ChampionProfile]:
    """Each profile with how many it mentors now: a subquery, not an aggregate, so that the
    directory can filter on it and still count by facet."""
    active = (
        Mentoring.objects.filter(champion=OuterRef("pk"), status=Status.ACTIVE)
        .order_by()
        .values("champion")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return profiles.annotate(active_mentees=Coalesce(Subquery(active), 0))


def _matching(choice: DirectoryChoice, *, skip: str = "") -> QuerySet[ChampionProfile]:
    """The listed profiles the choice finds; `skip` leaves one filter out, for its counts."""
    profiles = listed_profiles()
    for word in choice.query.split():
        profiles = profiles.filter(
            Q(person__full_name__icontains=word)
            | Q(role__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(delivered__icontains=word)
            | Exists(Theme.objects.filter(champions=OuterRef("pk"), name__icontains=word))
            | Exists(ServiceArea.objects.filter(champions=OuterRef("pk"), name__icontains=word))
        )
    # Several themes or service areas: a champion who knows any of them.
    if choice.themes and skip != "theme":
        profiles = profiles.filter(
            Exists(
                ChampionProfile.themes.through.objects.filter(
                    championprofile_id=OuterRef("pk"), theme__in=choice.themes
                )
            )
        )
    if choice.areas and skip != "area":
        profiles = profiles.filter(
            Exists(
                ChampionProfile.service_areas.through.objects.filter(
                    championprofile_id=OuterRef("pk"), servicearea__in=choice.areas
                )
            )
        )
    if choice.region and skip != "region":
        profiles = profiles.filter(region=choice.region)
    if choice.kind and skip != "kind":
        profiles = profiles.filter(kind=choice.kind)
    if choice.accepting:
        profiles = _with_load(profiles).filter(_spare_places())
    return profiles


def _counts(profiles: QuerySet[ChampionProfile], column: str) -> dict:
    return dict(
        profiles.order_by()
        .values(column)
        .annotate(n=Count("pk", distinct=True))
        .values_list(column, "n")
    )


@dataclass
class Directory:
    choice: DirectoryChoice
    total: int
    page_obj: object
    paginator: Paginator
    facets: list[Facet]
    removals: list[tuple[str, str]]


def directory(params) -> Directory:
    """The public directory: listed champions matching the words and filters, by name, with
    a count against every filter option (each count as if that filter alone were changed)."""
    themes, areas = list(Theme.objects.all()), list(ServiceArea.objects.all())
    choice = directory_choice(params, themes=themes, areas=areas)
    found = _matching(choice)
    if not choice.accepting:  # which filters on it, so has it already
        found = _with_load(found)
    found = (
        found.select_related("person", "organisation")
        .prefetch_related("themes", "service_areas")
        .order_by("person__full_name", "pk")
    )
    theme_counts = _counts(_matching(choice, skip="theme"), "themes")
    area_counts = _counts(_matching(choice, skip="area"), "service_areas")
    region_counts = _counts(_matching(choice, skip="region"), "region")
    kind_counts = _counts(_matching(choice, skip="kind"), "kind")
    paginator = Paginator(found, PER_PAGE)
    # Every champion is a member or an officer, so the kind counts hold the total: the
    # paginator need not count again.
    paginator.count = kind_counts.get(choice.kind, 0) if choice.kind else sum(kind_counts.values())
    page_obj = paginator.get_page(params.get("page"))
    facets = [
        Facet(
            "theme",
            "Outcome theme",
            True,
            [Option(t.slug, t.name, theme_counts.get(t.pk, 0), t in choice.themes) for t in themes],
        ),
        Facet(
            "area",
            "Service area",
            True,
            [Option(a.slug, a.name, area_counts.get(a.pk, 0), a in choice.areas) for a in areas],
        ),
        Facet(
            "region",
            "Region",
            False,
            [
                Option(value, label, region_counts.get(value, 0), value == choice.region)
                for value, label in Region.choices
            ],
        ),
        Facet(
            "kind",
            "Member or officer",
            False,
            [
                Option(value, label, kind_counts.get(value, 0), value == choice.kind)
                for value, label in ChampionProfile.Kind.choices
            ],
        ),
    ]
    removals = [(t.name, choice.params(theme=t)) for t in choice.themes]
    removals += [(a.name, choice.params(area=a)) for a in choice.areas]
    if choice.region:
        removals.append((Region(choice.region).label, choice.params(region=True)))
    if choice.kind:
        removals.append((ChampionProfile.Kind(choice.kind).label, choice.params(kind=True)))
    if choice.accepting:
        removals.append(("accepting mentees", choice.params(accepting=True)))
    return Directory(
        choice=choice,
        total=paginator.count,
        page_obj=page_obj,
        paginator=paginator,
        facets=facets,
        removals=removals,
    )


# --- A profile --------------------------------------------------------------------------------


@dataclass
class Profile:
    profile: ChampionProfile
    themes: list[Theme]
    service_areas: list[ServiceArea]
    case_studies: list[CaseStudyPage]
    sessions: list[OpenSession]
    spare_places: int
    # The viewer's own open request or relationship with this champion, if any.
    viewer_mentoring: Mentoring | None = None
    is_own: bool = False


def visible_profile(*, viewer, slug: str) -> ChampionProfile | None:
    """A champion's profile if the viewer may see it: listed and active for everyone, and
    also to the champion themselves and LGA staff."""
    profile = (
        _with_load(ChampionProfile.objects.filter(slug=slug))
        .select_related("person", "organisation")
        .first()
    )
    if profile is None:
        return None
    is_own = _signed_in(viewer) and profile.person_id == viewer.pk
    if (profile.is_listed and profile.person.is_active) or is_own or runs_network(viewer):
        return profile
    return None


def profile_for(*, viewer, slug: str) -> Profile | None:
    """A listed champion's public profile; the champion also sees their own unlisted one."""
    profile = visible_profile(viewer=viewer, slug=slug)
    if profile is None:
        return None
    is_own = _signed_in(viewer) and profile.person_id == viewer.pk
    case_studies = list(
        CaseStudyPage.objects.live()
        .public()
        .filter(Q(champions=profile) | Q(contact_champion_id=profile.person_id))
        .distinct()
        .order_by("-first_published_at")
        .specific()[:10]
    )
    viewer_mentoring = None
    if _signed_in(viewer) and not is_own:
        viewer_mentoring = Mentoring.objects.filter(
            mentee=viewer, champion=profile, status__in=Mentoring.OPEN
        ).first()
    return Profile(
        profile=profile,
        themes=list(profile.themes.all()),
        service_areas=list(profile.service_areas.all()),
        case_studies=case_studies,
        sessions=list(_upcoming_sessions().filter(champion=profile)[:5]),
        spare_places=spare_places(profile),
        viewer_mentoring=viewer_mentoring,
        is_own=is_own,
    )


def spare_places(profile: ChampionProfile) -> int:
    """How many more mentees a champion can take now (0 when they are not accepting)."""
    if not profile.accepting_mentees:
        return 0
    active = getattr(profile, "active_mentees", None)
    if active is None:
        active = profile.mentoring.filter(status=Status.ACTIVE).count()
    return max(profile.mentee_capacity - active, 0)


# --- Suggested champions ----------------------------------------------------------------------


@dataclass
class Suggestion:
    profile: ChampionProfile
    shared_themes: list[Theme]
    shared_areas: list[ServiceArea]
    same_region: bool
    spare: int
    reasons: list[str] = field(default_factory=list)

    def rank(self) -> tuple:
        """Best first: most expertise shared, then the same region, then most room."""
        overlap = len(self.shared_themes) + len(self.shared_areas)
        name = self.profile.person.full_name
        return (-overlap, not self.same_region, -self.spare, name, self.profile.pk)


def mentor_candidates(*, viewer, exclude=()) -> list[ChampionProfile]:
    """Listed champions accepting mentees with a place free, with what they know: never the
    viewer, nor anyone they already have open mentoring with. Read once, they can be ranked
    for several requests (`suggest_champions`)."""
    candidates = (
        _with_load(listed_profiles())
        .filter(_spare_places())
        .exclude(pk__in=[p.pk for p in exclude])
        .select_related("person", "organisation")
        .prefetch_related("themes", "service_areas")
    )
    if _signed_in(viewer):
        candidates = candidates.exclude(person=viewer).exclude(
            mentoring__in=Mentoring.objects.filter(mentee=viewer, status__in=Mentoring.OPEN)
        )
    return list(candidates)


def suggest_champions(
    *, viewer, themes=(), service_areas=(), exclude=(), limit: int = 5, candidates=None
) -> list[Suggestion]:
    """Champions who could mentor the viewer, best first: those who know most of the themes
    and service areas asked about, then those in the viewer's region, then those with most
    room. From `candidates` when given (`mentor_candidates`, for the same viewer)."""
    themes, service_areas = set(themes), set(service_areas)
    region = getattr(getattr(viewer, "organisation", None), "region", "") if viewer else ""
    if candidates is None:
        candidates = mentor_candidates(viewer=viewer, exclude=exclude)
    suggestions = []
    for profile in candidates:
        shared_themes = [t for t in profile.themes.all() if t in themes]
        shared_areas = [a for a in profile.service_areas.all() if a in service_areas]
        if (themes or service_areas) and not (shared_themes or shared_areas):
            continue
        same_region = bool(region) and profile.region == region
        spare = profile.mentee_capacity - profile.active_mentees
        suggestion = Suggestion(
            profile=profile,
            shared_themes=shared_themes,
            shared_areas=shared_areas,
            same_region=same_region,
            spare=spare,
        )
        known = [t.name for t in shared_themes] + [a.name for a in shared_areas]
        if known:
            suggestion.reasons.append("Knows about " + ", ".join(known))
        if same_region:
            suggestion.reasons.append("In your region")
        suggestion.reasons.append("1 place free" if spare == 1 else f"{spare} places free")
        suggestions.append(suggestion)
    suggestions.sort(key=Suggestion.rank)
    return suggestions[:limit]


def suggestions_for(*, viewer, mentoring: Mentoring, limit: int = 5) -> list[Suggestion]:
    """Other champions for a request: by what it asked about, or else by what the champion
    asked knows."""
    themes = list(mentoring.themes.all()) or list(mentoring.champion.themes.all())
    areas = list(mentoring.service_areas.all()) or list(mentoring.champion.service_areas.all())
    return suggest_champions(
        viewer=viewer,
        themes=themes,
        service_areas=areas,
        exclude=[mentoring.champion],
        limit=limit,
    )


# --- Mentoring --------------------------------------------------------------------------------


def mentoring_visible_to(viewer) -> QuerySet[Mentoring]:
    if not _signed_in(viewer):
        return Mentoring.objects.none()
    if runs_network(viewer):
        return Mentoring.objects.all()
    return Mentoring.objects.filter(Q(mentee=viewer) | Q(champion__person=viewer))


@dataclass
class Relationship:
    mentoring: Mentoring
    meetings: list[Meeting]
    feedback: list[Feedback]
    is_mentee: bool
    is_champion: bool
    # LGA staff read it; only the pair take part in it.
    is_staff_reader: bool
    viewer_id: int

    @property
    def takes_part(self) -> bool:
        return self.is_mentee or self.is_champion

    @property
    def viewer_feedback(self) -> Feedback | None:
        return next((f for f in self.feedback if f.author_id == self.viewer_id), None)


def relationship_for(*, viewer, pk: int) -> Relationship | None:
    mentoring = (
        mentoring_visible_to(viewer)
        .filter(pk=pk)
        .select_related("mentee__organisation", "champion__person", "champion__organisation")
        .prefetch_related("themes", "service_areas")
        .first()
    )
    if mentoring is None:
        return None
    return Relationship(
        mentoring=mentoring,
        meetings=list(mentoring.meetings.select_related("logged_by")),
        feedback=list(mentoring.feedback.select_related("author")),
        is_mentee=mentoring.mentee_id == viewer.pk,
        is_champion=mentoring.champion.person_id == viewer.pk,
        is_staff_reader=runs_network(viewer),
        viewer_id=viewer.pk,
    )


@dataclass
class MyMentoring:
    as_mentee: list[Mentoring]
    as_champion: list[Mentoring]
    profile: ChampionProfile | None
    spare_places: int


def my_mentoring(viewer) -> MyMentoring:
    """The viewer's own requests and relationships, as mentee and as champion, open first."""
    profile = own_profile(viewer)
    mine = (
        mentoring_visible_to(viewer)
        .filter(Q(mentee=viewer) | Q(champion__person=viewer))
        .select_related("mentee__organisation", "champion__person", "champion__organisation")
        .annotate(meeting_count=Count("meetings"))
        .order_by("-requested_at")
    )
    rows = list(mine)
    first = {Status.REQUESTED: 0, Status.ACTIVE: 1}
    rows.sort(key=lambda m: first.get(m.status, 2))
    return MyMentoring(
        as_mentee=[m for m in rows if m.mentee_id == viewer.pk],
        as_champion=[m for m in rows if profile and m.champion_id == profile.pk],
        profile=profile,
        spare_places=spare_places(profile) if profile else 0,
    )


def all_mentoring(viewer, *, status: str = "") -> QuerySet[Mentoring]:
    """Every relationship, for LGA staff who run the network."""
    if not runs_network(viewer):
        return Mentoring.objects.none()
    rows = Mentoring.objects.select_related("mentee__organisation", "champion__person").annotate(
        meeting_count=Count("meetings")
    )
    if status in Status.values:
        rows = rows.filter(status=status)
    return rows.order_by("-requested_at")


# --- Open sessions ----------------------------------------------------------------------------


def _upcoming_sessions(now=None) -> QuerySet[OpenSession]:
    return (
        OpenSession.objects.filter(
            status=OpenSession.Status.SCHEDULED,
            starts_at__gt=now or timezone.now(),
            champion__is_listed=True,
            champion__person__is_active=True,
        )
        .select_related("champion__person")
        .annotate(taken=Count("registrations", filter=Q(registrations__cancelled_at__isnull=True)))
        .order_by("starts_at", "pk")
    )


def upcoming_sessions(viewer=None, *, champion: ChampionProfile | None = None):
    """Sessions still to come whose host is in the directory (one host's, with `champion`),
    each with the viewer's own registration when they are signed in."""
    sessions = _upcoming_sessions()
    if champion is not None:
        sessions = sessions.filter(champion=champion)
    if _signed_in(viewer):
        sessions = sessions.prefetch_related(
            Prefetch(
                "registrations",
                queryset=Registration.objects.filter(person=viewer, cancelled_at__isnull=True),
                to_attr="viewer_registrations",
            )
        )
    return sessions


@dataclass
class SessionView:
    session: OpenSession
    taken: int
    registration: Registration | None
    is_host: bool
    # The people registered: for the host and LGA staff only.
    registrations: list[Registration]

    @property
    def places_left(self) -> int:
        return max(self.session.capacity - self.taken, 0)

    @property
    def shows_joining_link(self) -> bool:
        return bool(self.registration or self.is_host)


def session_for(*, viewer, pk: int) -> SessionView | None:
    """A session anyone may read while its host is listed; its joining link only for those
    registered and the host, and who is registered only for the host and LGA staff."""
    session = (
        OpenSession.objects.filter(pk=pk)
        .select_related("champion__person", "champion__organisation")
        .annotate(taken=Count("registrations", filter=Q(registrations__cancelled_at__isnull=True)))
        .first()
    )
    if session is None:
        return None
    is_host = _signed_in(viewer) and session.champion.person_id == viewer.pk
    shown = session.champion.is_listed and session.champion.person.is_active
    if not (shown or is_host or runs_network(viewer)):
        return None
    registration = None
    if _signed_in(viewer):
        registration = session.registrations.filter(
            person=viewer, cancelled_at__isnull=True
        ).first()
    registrations = []
    if is_host or runs_network(viewer):
        registrations = list(
            session.registrations.filter(cancelled_at__isnull=True).select_related(
                "person__organisation"
            )
        )
    return SessionView(
        session=session,
        taken=session.taken,
        registration=registration,
        is_host=is_host,
        registrations=registrations,
    )


def sessions_hosted_by(viewer) -> QuerySet[OpenSession]:
    profile = own_profile(viewer)
    if profile is None:
        return OpenSession.objects.none()
    return (
        OpenSession.objects.filter(champion=profile)
        .annotate(taken=Count("registrations", filter=Q(registrations__cancelled_at__isnull=True)))
        .order_by("-starts_at")
    )
