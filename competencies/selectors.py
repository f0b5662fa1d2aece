"""Reads of the competency framework, the diagnostics and the plans. A self-assessment and a
person's plan are the person's own; an organisational diagnostic is its coordinator's, its
invited leadership team's and the LGA team's, and its results are aggregates only: shown once
answers have closed and when enough people answered that none can be singled out."""

import statistics
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    ArchitectureDecisions,
    Behaviour,
    Competency,
    DevelopmentPlan,
    Framework,
    OrganisationalDiagnostic,
    OrganisationFramework,
    Outlook,
    Ownership,
    PlanAction,
    PlanGoal,
    Proficiency,
    Rating,
    Respondent,
    Response,
    ResponseRating,
    SelfAssessment,
    SkillLevel,
    StrategyGroup,
)

MANAGE_PERMISSION = "competencies.manage_framework"
# Fewer answers than this to a question, and its aggregate is not shown: one person's
# answer could be worked out from it.
MIN_RESPONSES = 3
STRENGTH_FROM = Proficiency.PRACTITIONER


def _signed_in(viewer) -> bool:
    return bool(viewer and viewer.is_authenticated and viewer.is_active)


def runs_framework(viewer) -> bool:
    return _signed_in(viewer) and viewer.has_perm(MANAGE_PERMISSION)


# --- The framework ----------------------------------------------------------------------------


def current_framework() -> Framework | None:
    return Framework.objects.filter(status=Framework.Status.PUBLISHED).first()


def _with_detail(competencies: QuerySet[Competency]) -> QuerySet[Competency]:
    return competencies.prefetch_related(
        Prefetch("behaviours", queryset=Behaviour.objects.order_by("sort_order", "pk")),
        "mappings",
    )


def competencies_for(
    *, framework: Framework, organisation=None, detail: bool = True
) -> list[Competency]:
    """The competencies a diagnostic asks about: the organisation's pick from the version
    when it has made one, else all of them; with their behaviours and mappings (`detail`)."""
    competencies = framework.competencies.all()
    if organisation is not None:
        choice = OrganisationFramework.objects.filter(
            organisation=organisation, framework=framework
        ).first()
        if choice is not None:
            competencies = competencies.filter(pk__in=choice.competencies.values("pk"))
    if detail:
        competencies = _with_detail(competencies)
    return list(competencies.order_by("sort_order", "name"))


@dataclass
class LevelOfSkill:
    level: int
    name: str
    competencies: list[Competency]


def framework_overview(framework: Framework) -> list[LevelOfSkill]:
    """The framework as people read it: its levels of skill, highest first, each with its
    competencies (levels with none are still named, to show the whole model)."""
    by_level: dict[int, list[Competency]] = {level: [] for level in SkillLevel.values}
    for competency in _with_detail(framework.competencies.all()).order_by("sort_order", "name"):
        by_level[competency.level].append(competency)
    return [
        LevelOfSkill(level=level, name=SkillLevel(level).label, competencies=by_level[level])
        for level in sorted(by_level, reverse=True)
    ]


# --- Individual diagnostic --------------------------------------------------------------------


def unfinished_assessment_of(viewer) -> SelfAssessment | None:
    if not _signed_in(viewer):
        return None
    return (
        SelfAssessment.objects.filter(person=viewer, submitted_at__isnull=True)
        .select_related("framework")
        .first()
    )


def assessments_of(viewer) -> list[SelfAssessment]:
    """The viewer's finished diagnostics, newest first."""
    if not _signed_in(viewer):
        return []
    return list(
        SelfAssessment.objects.filter(person=viewer, submitted_at__isnull=False)
        .select_related("framework")
        .order_by("-submitted_at", "-pk")
    )


def saved_ratings(assessment: SelfAssessment) -> dict[int, Rating]:
    return {rating.competency_id: rating for rating in assessment.ratings.all()}


@dataclass
class Row:
    """One competency on a result: where they are, where they need to be, and the gap."""

    competency: Competency
    current: int | None
    target: int | None
    previous: int | None = None  # where they were on the diagnostic before, if asked then

    @property
    def skipped(self) -> bool:
        return self.current is None

    @property
    def gap(self) -> int | None:
        if self.current is None or self.target is None:
            return None
        return self.target - self.current

    @property
    def is_strength(self) -> bool:
        return (
            self.current is not None
            and self.current >= STRENGTH_FROM
            and (self.target is None or self.current >= self.target)
        )

    @property
    def is_gap(self) -> bool:
        return bool(self.gap and self.gap > 0)

    @property
    def change(self) -> int | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def current_label(self) -> str:
        return Proficiency(self.current).label if self.current else _("Skipped")

    @property
    def previous_label(self) -> str:
        return Proficiency(self.previous).label if self.previous else _("Not rated")

    @property
    def target_label(self) -> str:
        return Proficiency(self.target).label if self.target else _("Skipped")

    @property
    def current_percent(self) -> int:
        return round(100 * (self.current or 0) / len(Proficiency))

    @property
    def target_percent(self) -> int:
        return round(100 * (self.target or 0) / len(Proficiency))


@dataclass
class Scored:
    rows: list[Row]

    @property
    def answered(self) -> list[Row]:
        return [row for row in self.rows if not row.skipped]

    @property
    def skipped(self) -> list[Row]:
        return [row for row in self.rows if row.skipped]

    @property
    def strengths(self) -> list[Row]:
        return sorted(
            (row for row in self.rows if row.is_strength),
            key=lambda row: (-row.current, -row.competency.level, row.competency.sort_order),
        )

    @property
    def gaps(self) -> list[Row]:
        """Biggest gap first; at the same gap, the higher level of skill first."""
        return sorted(
            (row for row in self.rows if row.is_gap),
            key=lambda row: (-row.gap, -row.competency.level, row.competency.sort_order),
        )


def score(competencies: list[Competency], ratings: dict[int, Rating], previous=None) -> Scored:
    """Rows for every competency asked, in the framework's order. A competency with no
    rating, or rated without a "now", is skipped: it is neither a strength nor a gap."""
    previous = previous or {}
    rows = []
    for competency in competencies:
        rating = ratings.get(competency.pk)
        rows.append(
            Row(
                competency=competency,
                current=rating.current if rating else None,
                target=rating.target if rating else None,
                previous=previous.get(competency.code),
            )
        )
    return Scored(rows=rows)


@dataclass
class AssessmentResult:
    assessment: SelfAssessment
    scored: Scored
    earlier: SelfAssessment | None  # the one compared with
    others: list[SelfAssessment]  # the viewer's other finished diagnostics, to compare with


def assessment_result_for(*, viewer, pk: int, compare_with: int | None = None):
    """A finished diagnostic of the viewer's own, scored, and compared with the one before
    it (or another of theirs they choose) by competency code, across framework versions."""
    if not _signed_in(viewer):
        return None
    assessment = (
        SelfAssessment.objects.filter(person=viewer, pk=pk, submitted_at__isnull=False)
        .select_related("framework")
        .first()
    )
    if assessment is None:
        return None
    others = [a for a in assessments_of(viewer) if a.pk != assessment.pk]
    if compare_with is not None:
        earlier = next((a for a in others if a.pk == compare_with), None)
    else:
        earlier = next((a for a in others if a.submitted_at < assessment.submitted_at), None)
    previous = {}
    if earlier is not None:
        previous = dict(
            Rating.objects.filter(assessment=earlier, current__isnull=False).values_list(
                "competency__code", "current"
            )
        )
    asked = _with_detail(
        Competency.objects.filter(pk__in=assessment.ratings.values("competency"))
    ).order_by("sort_order", "name")
    scored = score(list(asked), saved_ratings(assessment), previous)
    return AssessmentResult(assessment=assessment, scored=scored, earlier=earlier, others=others)


def latest_ratings_of(viewer) -> dict[str, Rating]:
    """Where the viewer put themselves on their latest finished diagnostic, by code."""
    latest = next(iter(assessments_of(viewer)), None)
    if latest is None:
        return {}
    return {r.competency.code: r for r in latest.ratings.select_related("competency")}


# --- Organisational diagnostic ----------------------------------------------------------------


def diagnostics_visible_to(viewer) -> QuerySet[OrganisationalDiagnostic]:
    """Those the viewer coordinates or was invited to; every one for the LGA team."""
    if not _signed_in(viewer):
        return OrganisationalDiagnostic.objects.none()
    diagnostics = OrganisationalDiagnostic.objects.select_related(
        "organisation", "coordinator", "framework"
    )
    if runs_framework(viewer):
        return diagnostics
    return diagnostics.filter(
        pk__in=Respondent.objects.filter(person=viewer).values("diagnostic")
    ) | diagnostics.filter(coordinator=viewer)


def diagnostic_for(*, viewer, pk: int) -> OrganisationalDiagnostic | None:
    return diagnostics_visible_to(viewer).filter(pk=pk).first()


def coordinates(viewer, diagnostic: OrganisationalDiagnostic) -> bool:
    return _signed_in(viewer) and (diagnostic.coordinator_id == viewer.pk or runs_framework(viewer))


def respondent_of(viewer, diagnostic: OrganisationalDiagnostic) -> Respondent | None:
    if not _signed_in(viewer):
        return None
    return Respondent.objects.filter(diagnostic=diagnostic, person=viewer).first()


def can_start_diagnostic(viewer) -> bool:
    """Anyone signed in who belongs to an organisation can coordinate one for it."""
    return _signed_in(viewer) and viewer.organisation_id is not None


def invitable_people(diagnostic: OrganisationalDiagnostic):
    """The organisation's active people, who may be invited to answer."""
    from academy.models import User

    return User.objects.filter(organisation=diagnostic.organisation, is_active=True).order_by(
        "full_name", "email"
    )


@dataclass
class Spread:
    """What a leadership team said about one competency, with nobody's answer on its own."""

    competency: Competency
    answered: int
    median_now: float | None = None
    lowest_now: int | None = None
    highest_now: int | None = None
    median_needed: float | None = None

    @property
    def shown(self) -> bool:
        return self.median_now is not None

    @property
    def median_gap(self) -> float | None:
        if self.median_now is None or self.median_needed is None:
            return None
        return self.median_needed - self.median_now

    @property
    def median_label(self) -> str:
        return _proficiency_label(self.median_now)

    @property
    def needed_label(self) -> str:
        return _proficiency_label(self.median_needed)

    def percent(self, value) -> int:
        return round(100 * (value or 0) / len(Proficiency))

    @property
    def lowest_percent(self) -> int:
        return self.percent(self.lowest_now)

    @property
    def highest_percent(self) -> int:
        return self.percent(self.highest_now)

    @property
    def median_percent(self) -> int:
        return self.percent(self.median_now)

    @property
    def needed_percent(self) -> int:
        return self.percent(self.median_needed)


def _proficiency_label(value: float | None) -> str:
    if value is None:
        return _("Too few answers")
    if value == int(value):
        return Proficiency(int(value)).label
    low, high = Proficiency(int(value)).label, Proficiency(int(value) + 1).label
    return _("Between %(low)s and %(high)s") % {"low": low, "high": high}


def spread_of(competency: Competency, now: list[int], needed: list[int]) -> Spread:
    """The median and range of the answers given, skipped ones left out; nothing at all when
    fewer than `MIN_RESPONSES` people answered it."""
    spread = Spread(competency=competency, answered=len(now))
    if len(now) >= MIN_RESPONSES:
        spread.median_now = statistics.median(now)
        spread.lowest_now, spread.highest_now = min(now), max(now)
    if len(needed) >= MIN_RESPONSES:
        spread.median_needed = statistics.median(needed)
    return spread


@dataclass
class Tally:
    """How many chose each answer to one question, in the question's order."""

    question: str
    counts: list[tuple[str, int]]
    answered: int

    @property
    def shown(self) -> bool:
        return self.answered >= MIN_RESPONSES


def tally(question: str, choices, answers: list[str]) -> Tally:
    given = [answer for answer in answers if answer]
    return Tally(
        question=question,
        counts=[(label, given.count(value)) for value, label in choices.choices],
        answered=len(given),
    )


@dataclass
class OrganisationalResult:
    diagnostic: OrganisationalDiagnostic
    invited: int
    responded: int
    spreads: list[Spread] = field(default_factory=list)
    governance: list[Tally] = field(default_factory=list)
    outlook: Tally | None = None

    @property
    def enough(self) -> bool:
        return self.responded >= MIN_RESPONSES

    @property
    def ready(self) -> bool:
        """Results show once answers have closed, so that nobody can read one person's
        answers from how the figures moved when they answered."""
        return not self.diagnostic.is_open and self.enough

    @property
    def gaps(self) -> list[Spread]:
        return sorted(
            (s for s in self.spreads if s.median_gap and s.median_gap > 0),
            key=lambda s: (-s.median_gap, -s.competency.level),
        )

    @property
    def strengths(self) -> list[Spread]:
        return [
            s
            for s in self.spreads
            if s.median_now is not None
            and s.median_now >= STRENGTH_FROM
            and (s.median_gap is None or s.median_gap <= 0)
        ]


GOVERNANCE = (
    ("strategy_group", StrategyGroup),
    ("architecture", ArchitectureDecisions),
    ("information_owned", Ownership),
    ("jointly_accountable", Ownership),
)


def organisational_result_for(*, viewer, pk: int) -> OrganisationalResult | None:
    """The aggregate result of a diagnostic the viewer may see. Answers are read without any
    link to who gave them; figures are filled in only once the result is ready."""
    diagnostic = diagnostic_for(viewer=viewer, pk=pk)
    if diagnostic is None:
        return None
    respondents = diagnostic.respondents.all()
    result = OrganisationalResult(
        diagnostic=diagnostic,
        invited=respondents.count(),
        responded=respondents.filter(responded_at__isnull=False).count(),
    )
    if not result.ready:
        return result
    now: dict[int, list[int]] = {}
    needed: dict[int, list[int]] = {}
    for competency_id, current, target in ResponseRating.objects.filter(
        response__diagnostic=diagnostic
    ).values_list("competency_id", "current", "target"):
        if current is not None:
            now.setdefault(competency_id, []).append(current)
        if target is not None:
            needed.setdefault(competency_id, []).append(target)
    asked = competencies_for(framework=diagnostic.framework, organisation=diagnostic.organisation)
    result.spreads = [spread_of(c, sorted(now.get(c.pk, [])), needed.get(c.pk, [])) for c in asked]
    answers = list(Response.objects.filter(diagnostic=diagnostic).values())
    result.governance = [
        tally(str(Response._meta.get_field(name).verbose_name), choices, [a[name] for a in answers])
        for name, choices in GOVERNANCE
    ]
    result.outlook = tally(
        str(Response._meta.get_field("outlook").verbose_name),
        Outlook,
        [a["outlook"] for a in answers],
    )
    return result


# --- Development plans ------------------------------------------------------------------------


def plan_of(viewer) -> DevelopmentPlan | None:
    if not _signed_in(viewer):
        return None
    return DevelopmentPlan.objects.filter(person=viewer).select_related("framework").first()


def organisation_plan_for(*, viewer, diagnostic: OrganisationalDiagnostic):
    """A council's plan, to those who may see the diagnostic it came from."""
    if diagnostic_for(viewer=viewer, pk=diagnostic.pk) is None:
        return None
    return (
        DevelopmentPlan.objects.filter(organisation=diagnostic.organisation)
        .select_related("framework")
        .first()
    )


def can_edit_plan(viewer, plan: DevelopmentPlan) -> bool:
    if not _signed_in(viewer):
        return False
    if plan.person_id is not None:
        return plan.person_id == viewer.pk
    return (
        runs_framework(viewer)
        or OrganisationalDiagnostic.objects.filter(
            organisation_id=plan.organisation_id, coordinator=viewer
        ).exists()
    )


@dataclass
class GoalView:
    goal: PlanGoal
    actions: list[PlanAction]
    recommendations: list = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for action in self.actions if action.is_done)


@dataclass
class PlanView:
    plan: DevelopmentPlan
    goals: list[GoalView]
    can_edit: bool
    today: date

    @property
    def actions(self) -> int:
        return sum(len(goal.actions) for goal in self.goals)

    @property
    def done(self) -> int:
        return sum(goal.done for goal in self.goals)

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.actions) if self.actions else 0


def plan_view(*, viewer, plan: DevelopmentPlan, with_recommendations=True) -> PlanView:
    from .recommendations import recommendations_for_each

    goals = list(
        plan.goals.select_related("competency")
        .prefetch_related(
            Prefetch("actions", queryset=PlanAction.objects.order_by("done_at", "due_on", "pk")),
            "competency__themes",
            "competency__service_areas",
            "competency__modules",
        )
        .order_by("added_at", "pk")
    )
    views = []
    taken = {action.link for goal in goals for action in goal.actions.all() if action.link}
    recommended = {}
    if with_recommendations and goals:
        recommended = recommendations_for_each(
            viewer=viewer,
            competencies=[goal.competency for goal in goals],
            organisation=plan.organisation,
        )
    for goal in goals:
        view = GoalView(goal=goal, actions=list(goal.actions.all()))
        if with_recommendations:
            view.recommendations = recommended[goal.competency_id]
            for recommendation in view.recommendations:
                recommendation.taken = recommendation.url in taken
        views.append(view)
    return PlanView(
        plan=plan,
        goals=views,
        can_edit=can_edit_plan(viewer, plan),
        today=timezone.localdate(),
    )


def plan_url(plan: DevelopmentPlan) -> str:
    if plan.person_id:
        return reverse("competencies:plan")
    diagnostic = plan.diagnostic_id or (
        OrganisationalDiagnostic.objects.filter(organisation_id=plan.organisation_id)
        .values_list("pk", flat=True)
        .first()
    )
    return reverse("competencies:organisation-plan", args=[diagnostic])
