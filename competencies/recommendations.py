"""What the academy recommends to someone working on a competency, ranked and explained:
its modules that address it, Digital Academy cohorts starting in their place, champions who
know its themes, good practice on them, and round tables they are invited to. Each source is
read through its own part's selectors, as the viewer, so nothing they may not see is named."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from champions import selectors as champions
from cms_pages.models import ModulePage, Theme
from cohorts.models import Cohort, Enrolment
from good_practice import selectors as good_practice
from learning.models import ModuleProgress
from roundtables import selectors as roundtables
from roundtables.models import RoundTable

from . import selectors
from .models import Competency, PlanAction, SkillLevel

Kind = PlanAction.Kind
LIMIT = 8
# How much each kind of recommendation weighs before how well it matches: a module written
# for the competency first, then learning with peers in the same place, then people, then
# reading, then conversations.
WEIGHT = {
    Kind.MODULE: 100,
    Kind.COHORT: 80,
    Kind.CHAMPION: 60,
    Kind.PRACTICE: 40,
    Kind.ROUND_TABLE: 30,
}


@dataclass
class Recommendation:
    kind: str
    source: str  # "module-12": what a plan action taken from it remembers
    title: str
    url: str
    action: str  # the plan action it becomes
    reasons: list[str]
    score: int
    summary: str = ""
    taken: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


@dataclass
class _Shared:
    """What the recommendations for every goal on a page read alike, read once for them all:
    the live modules among theirs and the viewer's progress on them, the cohorts starting in
    the place and the viewer's places on them, and the round tables the viewer is invited to."""

    live: dict = field(default_factory=dict)
    progress: dict = field(default_factory=dict)
    cohorts: list = field(default_factory=list)
    enrolled: set = field(default_factory=set)
    invited: set = field(default_factory=set)
    invitations: list = field(default_factory=list)
    champions: list = field(default_factory=list)  # those who could mentor the viewer
    practice: dict = field(default_factory=dict)  # by competency pk
    page_themes: dict = field(default_factory=dict)  # page pk: [(theme pk, name)]


def _shared(viewer, competencies: list[Competency], organisation) -> _Shared:
    """`viewer` None reads nothing personal: a council's plan, kept by several people."""
    personal = viewer if organisation is None and selectors._signed_in(viewer) else None
    shared = _Shared()
    module_ids = {m.pk for c in competencies for m in c.modules.all()}
    if module_ids:
        shared.live = {m.pk: m for m in ModulePage.objects.live().filter(pk__in=module_ids)}
    if personal is not None and shared.live:
        shared.progress = {
            p.module_id: p
            for p in ModuleProgress.objects.filter(person=personal, module_id__in=list(shared.live))
        }
    if organisation is not None:
        place = organisation.place
    else:
        place = getattr(getattr(viewer, "organisation", None), "place", None)
    if place is not None:
        shared.cohorts = list(
            Cohort.objects.filter(
                place=place, status=Cohort.Status.CONFIRMED, start_date__gt=timezone.localdate()
            )
            .select_related("place")
            .prefetch_related("curriculum__modules__module")
            .order_by("start_date", "pk")
        )
    if personal is not None and shared.cohorts:
        mine = set(
            Enrolment.objects.filter(person=personal, cohort__in=shared.cohorts).values_list(
                "cohort_id", "status"
            )
        )
        shared.enrolled = {pk for pk, status in mine if status in Enrolment.MEMBER_STATUSES}
        waiting = (Enrolment.Status.INVITED, Enrolment.Status.WAITLISTED)
        shared.invited = {pk for pk, status in mine if status in waiting}
    if personal is not None and any(c.level >= SkillLevel.TRANSFORMATION for c in competencies):
        shared.invitations = list(
            roundtables.invitations_of(personal)
            .filter(
                round_table__starts_at__gt=timezone.now(),
                round_table__status=RoundTable.Status.GOING_AHEAD,
            )
            .select_related("round_table")[:3]
        )
    asks = [(list(c.themes.all()), list(c.service_areas.all())) for c in competencies]
    if any(themes or areas for themes, areas in asks):
        shared.champions = champions.mentor_candidates(viewer=viewer)
    listed = good_practice.practice_for_each(viewer=viewer, asks=asks, limit=3)
    shared.practice = {c.pk: found for c, found in zip(competencies, listed, strict=True)}
    pages = {entry.page.pk for found in listed for entry in found}
    themes = {t.pk for ask_themes, _areas in asks for t in ask_themes}
    if pages and themes:
        for page_id, theme_id, name in Theme.objects.filter(
            pk__in=themes, practice__in=pages
        ).values_list("practice", "pk", "name"):
            shared.page_themes.setdefault(page_id, []).append((theme_id, name))
    return shared


def _modules(competency: Competency, shared: _Shared) -> list[Recommendation]:
    modules = list(competency.modules.all())
    live, progress = shared.live, shared.progress
    found = []
    for position, module in enumerate(m for m in modules if m.pk in live):
        started = progress.get(module.pk)
        if started and started.completed_at:
            continue  # done already: nothing to recommend
        reasons = [f"Written to build “{competency.name}”"]
        if started:
            reasons.append("You have started it: pick up where you left off")
        reasons.append(f"About {module.estimated_minutes} minutes")
        found.append(
            Recommendation(
                kind=Kind.MODULE,
                source=f"module-{module.pk}",
                title=module.title,
                url=live[module.pk].url or "",
                action=f"Take the module “{module.title}”",
                reasons=reasons,
                summary=module.summary,
                score=WEIGHT[Kind.MODULE] + (5 if started else 0) - position,
            )
        )
    return found


def _cohorts(competency: Competency, shared: _Shared) -> list[Recommendation]:
    enrolled, invited = shared.enrolled, shared.invited
    addressing = {m.pk for m in competency.modules.all()}
    found = []
    for position, cohort in enumerate(shared.cohorts):
        if cohort.pk in enrolled:
            continue
        covered = [
            link.module.title
            for link in cohort.curriculum.modules.all()
            if link.module_id in addressing
        ]
        reasons = [
            f"Starts {date_format(cohort.start_date, 'j F Y')} in {cohort.place.name}, "
            "with officers from its other public bodies"
        ]
        if covered:
            reasons.append("Its sessions cover " + ", ".join(f"“{t}”" for t in covered))
        if cohort.pk in invited:
            reasons.append("You are invited: answer from the cohort's page")
            url = reverse("cohorts:cohort", args=[cohort.pk])
        else:
            reasons.append("Places are by invitation: ask the LGA team or your facilitator")
            url = ""
        found.append(
            Recommendation(
                kind=Kind.COHORT,
                source=f"cohort-{cohort.pk}",
                title=cohort.name,
                url=url,
                action=f"Ask about a place on “{cohort.name}”",
                reasons=reasons,
                summary=cohort.summary,
                score=WEIGHT[Kind.COHORT] + (10 if covered else 0) - position,
            )
        )
    return found


def _champions(viewer, themes, areas, shared: _Shared) -> list[Recommendation]:
    if not (themes or areas):
        return []
    found = []
    suggestions = champions.suggest_champions(
        viewer=viewer, themes=themes, service_areas=areas, limit=3, candidates=shared.champions
    )
    for position, suggestion in enumerate(suggestions):
        profile = suggestion.profile
        overlap = len(suggestion.shared_themes) + len(suggestion.shared_areas)
        found.append(
            Recommendation(
                kind=Kind.CHAMPION,
                source=f"champion-{profile.pk}",
                title=profile.person.full_name,
                url=reverse("champions:profile", args=[profile.slug]),
                action=f"Ask {profile.person.full_name} for mentoring",
                reasons=list(suggestion.reasons),
                summary=f"{profile.role}, {profile.organisation.name}",
                score=WEIGHT[Kind.CHAMPION] + 5 * overlap + suggestion.same_region - position,
            )
        )
    return found


def _practice(competency: Competency, themes, shared: _Shared) -> list[Recommendation]:
    found = []
    wanted = {t.pk for t in themes}
    for position, entry in enumerate(shared.practice.get(competency.pk, [])):
        page = entry.page
        on = sorted(name for pk, name in shared.page_themes.get(page.pk, []) if pk in wanted)
        reasons = []
        if on:
            reasons.append("On " + ", ".join(on))
        if entry.from_elsewhere:
            reasons.append(
                "From " + ", ".join(a.name for a in entry.from_elsewhere) + ": it could apply here"
            )
        if entry.organisations:
            reasons.append(f"Done by {entry.organisations}")
        found.append(
            Recommendation(
                kind=Kind.PRACTICE,
                source=f"practice-{page.pk}",
                title=page.title,
                url=page.url or "",
                action=f"Read “{page.title}” and what it would take here",
                reasons=reasons,
                summary=page.summary,
                score=WEIGHT[Kind.PRACTICE] + len(on) - position,
            )
        )
    return found


def _round_tables(competency: Competency, shared: _Shared) -> list[Recommendation]:
    """Round tables are invitation-only: only those the viewer is invited to, for the
    competencies chief executives talk about there (the top two levels)."""
    if competency.level < SkillLevel.TRANSFORMATION:
        return []
    found = []
    for position, invitation in enumerate(shared.invitations):
        round_table = invitation.round_table
        found.append(
            Recommendation(
                kind=Kind.ROUND_TABLE,
                source=f"round-table-{round_table.pk}",
                title=round_table.title,
                url=reverse("roundtables:round-table", args=[round_table.pk]),
                action=f"Go to the round table “{round_table.title}”",
                reasons=[
                    f"You are invited ({invitation.get_status_display().lower()})",
                    f"{date_format(timezone.localtime(round_table.starts_at), 'j F Y')}: "
                    "chief executives talk about leading change at this level",
                ],
                score=WEIGHT[Kind.ROUND_TABLE] - position,
            )
        )
    return found


def recommendations_for(*, viewer, competency: Competency, organisation=None, limit=LIMIT):
    """The best few recommendations for working on one competency, best first. For a
    council's plan (`organisation`), cohorts in its place and nothing personal."""
    return recommendations_for_each(
        viewer=viewer, competencies=[competency], organisation=organisation, limit=limit
    )[competency.pk]


def recommendations_for_each(
    *, viewer, competencies: list[Competency], organisation=None, limit=LIMIT
) -> dict[int, list[Recommendation]]:
    """`recommendations_for` each of `competencies` (by pk), reading what they share once:
    what a plan page costs grows with its goals only by the champions and good practice
    that match each one."""
    shared = _shared(viewer, competencies, organisation)
    found = {}
    for competency in competencies:
        themes = list(competency.themes.all())
        areas = list(competency.service_areas.all())
        listed = [
            *_modules(competency, shared),
            *_cohorts(competency, shared),
            *_champions(viewer, themes, areas, shared),
            *_practice(competency, themes, shared),
            *_round_tables(competency, shared),
        ]
        listed.sort(key=lambda r: (-r.score, r.title))
        found[competency.pk] = listed[:limit]
    return found


def find(*, viewer, competency: Competency, source: str, organisation=None):
    """The recommendation a plan action is being made from, if it is still recommended."""
    for recommendation in recommendations_for(
        viewer=viewer, competency=competency, organisation=organisation, limit=100
    ):
        if recommendation.source == source:
            return recommendation
    return None
