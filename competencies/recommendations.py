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


def _modules(viewer, competency: Competency) -> list[Recommendation]:
    modules = list(competency.modules.all())
    live = {m.pk: m for m in ModulePage.objects.live().filter(pk__in=[m.pk for m in modules])}
    progress = {}
    if viewer is not None and viewer.is_authenticated:
        progress = {
            p.module_id: p
            for p in ModuleProgress.objects.filter(person=viewer, module_id__in=list(live))
        }
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


def _cohorts(viewer, competency: Competency, place) -> list[Recommendation]:
    if place is None:
        return []
    today = timezone.localdate()
    cohorts = (
        Cohort.objects.filter(place=place, status=Cohort.Status.CONFIRMED, start_date__gt=today)
        .select_related("place")
        .prefetch_related("curriculum__modules__module")
        .order_by("start_date", "pk")
    )
    mine = set()
    if viewer is not None and viewer.is_authenticated:
        mine = set(
            Enrolment.objects.filter(person=viewer, cohort__in=cohorts).values_list(
                "cohort_id", "status"
            )
        )
    enrolled = {pk for pk, status in mine if status in Enrolment.MEMBER_STATUSES}
    waiting = (Enrolment.Status.INVITED, Enrolment.Status.WAITLISTED)
    invited = {pk for pk, status in mine if status in waiting}
    addressing = {m.pk for m in competency.modules.all()}
    found = []
    for position, cohort in enumerate(cohorts):
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


def _champions(viewer, competency: Competency, themes, areas) -> list[Recommendation]:
    if not (themes or areas):
        return []
    found = []
    suggestions = champions.suggest_champions(
        viewer=viewer, themes=themes, service_areas=areas, limit=3
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


def _practice(viewer, competency: Competency, themes, areas) -> list[Recommendation]:
    found = []
    listed = good_practice.practice_for(viewer=viewer, themes=themes, service_areas=areas, limit=3)
    shared_by_page: dict[int, list[str]] = {}
    for page_id, name in Theme.objects.filter(
        pk__in=[t.pk for t in themes], practice__in=[entry.page.pk for entry in listed]
    ).values_list("practice", "name"):
        shared_by_page.setdefault(page_id, []).append(name)
    for position, entry in enumerate(listed):
        page = entry.page
        shared = sorted(shared_by_page.get(page.pk, []))
        reasons = []
        if shared:
            reasons.append("On " + ", ".join(shared))
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
                score=WEIGHT[Kind.PRACTICE] + len(shared) - position,
            )
        )
    return found


def _round_tables(viewer, competency: Competency) -> list[Recommendation]:
    """Round tables are invitation-only: only those the viewer is invited to, for the
    competencies chief executives talk about there (the top two levels)."""
    if competency.level < SkillLevel.TRANSFORMATION:
        return []
    now = timezone.now()
    found = []
    invitations = roundtables.invitations_of(viewer).filter(
        round_table__starts_at__gt=now, round_table__status=RoundTable.Status.GOING_AHEAD
    )
    for position, invitation in enumerate(invitations[:3]):
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
    themes = list(competency.themes.all())
    areas = list(competency.service_areas.all())
    if organisation is not None:
        place = organisation.place
        personal = []
    else:
        place = getattr(getattr(viewer, "organisation", None), "place", None)
        personal = _round_tables(viewer, competency)
    found = [
        *_modules(viewer if organisation is None else None, competency),
        *_cohorts(viewer if organisation is None else None, competency, place),
        *_champions(viewer, competency, themes, areas),
        *_practice(viewer, competency, themes, areas),
        *personal,
    ]
    found.sort(key=lambda r: (-r.score, r.title))
    return found[:limit]


def find(*, viewer, competency: Competency, source: str, organisation=None):
    """The recommendation a plan action is being made from, if it is still recommended."""
    for recommendation in recommendations_for(
        viewer=viewer, competency=competency, organisation=organisation, limit=100
    ):
        if recommendation.source == source:
            return recommendation
    return None
