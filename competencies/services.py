"""Every change to diagnostics and development plans. Views, Celery tasks and the demo
loader call these. Each is one transaction, records who did it in Wagtail's audit log (except
an organisational diagnostic's answers, which record nothing about who gave them), and decides
the emails it owes in the same transaction (see `notifications`). Framework versions are
changed in `framework`."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from academy.models import User

from . import exceptions, selectors
from .models import (
    Competency,
    DevelopmentPlan,
    Framework,
    Notification,
    OrganisationalDiagnostic,
    PlanAction,
    PlanGoal,
    Rating,
    Respondent,
    Response,
    ResponseRating,
    SelfAssessment,
)
from .notifications import notify

Kind = Notification.Kind
MAX_GOALS = 6
MAX_AHEAD = timedelta(days=3 * 366)
GOVERNANCE_FIELDS = (
    "strategy_group",
    "architecture",
    "information_owned",
    "jointly_accountable",
    "outlook",
)


def _framework() -> Framework:
    framework = selectors.current_framework()
    if framework is None:
        raise exceptions.NoFramework()
    return framework


def _ratings_for(asked: list[Competency], ratings: dict) -> list[tuple[Competency, int, int]]:
    """(competency, now, needed) for each competency given a rating, refusing any not asked.
    A competency left out, or given neither, is skipped."""
    by_pk = {c.pk: c for c in asked}
    unknown = set(ratings) - set(by_pk)
    if unknown:
        raise exceptions.NotAsked()
    chosen = []
    for pk, (current, target) in ratings.items():
        for value in (current, target):
            if value is not None and value not in (1, 2, 3, 4):
                raise exceptions.NotAsked("Choose a point on the scale from 1 to 4.")
        if current is not None or target is not None:
            chosen.append((by_pk[pk], current, target))
    return chosen


# --- Individual diagnostic --------------------------------------------------------------------


def start_assessment(*, person: User) -> SelfAssessment:
    """The person's unfinished diagnostic, or a new one on the framework in use."""
    existing = selectors.unfinished_assessment_of(person)
    if existing is not None:
        return existing
    framework = _framework()
    try:
        with transaction.atomic():
            assessment = SelfAssessment.objects.create(person=person, framework=framework)
            log(assessment, "competencies.assessment.start", user=person)
    except IntegrityError:  # started twice at once: the other one is it
        return selectors.unfinished_assessment_of(person)
    return assessment


def save_assessment(
    *, assessment: SelfAssessment, by: User, ratings: dict, finish: bool = False
) -> SelfAssessment:
    """Keep the person's ratings ({competency pk: (now, needed)}); with `finish`, close the
    diagnostic so its result can be shown. Skipped competencies stay skipped."""
    if by.pk != assessment.person_id:
        raise exceptions.NotYours()
    asked = selectors.competencies_for(
        framework=assessment.framework, organisation=assessment.person.organisation
    )
    chosen = _ratings_for(asked, ratings)
    with transaction.atomic():
        assessment = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
        if assessment.is_submitted:
            raise exceptions.AlreadyFinished()
        if finish and not any(current is not None for _c, current, _t in chosen):
            raise exceptions.NothingRated()
        assessment.ratings.all().delete()
        Rating.objects.bulk_create(
            Rating(assessment=assessment, competency=c, current=current, target=target)
            for c, current, target in chosen
        )
        if finish:
            # A finished result shows what was asked, answered or skipped.
            Rating.objects.bulk_create(
                Rating(assessment=assessment, competency=c)
                for c in asked
                if c.pk not in {chosen_c.pk for chosen_c, _n, _t in chosen}
            )
            assessment.submitted_at = timezone.now()
            assessment.save(update_fields=["submitted_at"])
            log(assessment, "competencies.assessment.finish", user=by)
    return assessment


# --- Organisational diagnostic ----------------------------------------------------------------


def start_diagnostic(
    *, coordinator: User, title: str, closes_on: date, organisation=None
) -> OrganisationalDiagnostic:
    """A coordinator opens a diagnostic for their organisation's leadership team."""
    organisation = organisation or coordinator.organisation
    if organisation is None or not (
        coordinator.organisation_id == organisation.pk or selectors.runs_framework(coordinator)
    ):
        raise exceptions.NotCoordinator("You can open a diagnostic only for your own organisation.")
    _check_date(closes_on)
    with transaction.atomic():
        diagnostic = OrganisationalDiagnostic.objects.create(
            organisation=organisation,
            framework=_framework(),
            title=title.strip(),
            coordinator=coordinator,
            closes_on=closes_on,
        )
        log(diagnostic, "competencies.diagnostic.open", user=coordinator)
    return diagnostic


def _coordinated(diagnostic: OrganisationalDiagnostic, by: User) -> OrganisationalDiagnostic:
    if not selectors.coordinates(by, diagnostic):
        raise exceptions.NotCoordinator()
    locked = OrganisationalDiagnostic.objects.select_for_update().get(pk=diagnostic.pk)
    if not locked.is_open:
        raise exceptions.Closed()
    return locked


def invite(*, diagnostic: OrganisationalDiagnostic, people, by: User) -> int:
    """Invite members of the organisation's leadership team to answer; each is told by email
    once. Inviting someone again changes nothing. Returns how many are newly invited."""
    with transaction.atomic():
        diagnostic = _coordinated(diagnostic, by)
        people = list(people)
        if any(p.organisation_id != diagnostic.organisation_id for p in people):
            raise exceptions.NotInOrganisation()
        already = set(diagnostic.respondents.values_list("person_id", flat=True))
        new = [p for p in people if p.pk not in already]
        Respondent.objects.bulk_create(
            [Respondent(diagnostic=diagnostic, person=p, invited_by=by) for p in new],
            ignore_conflicts=True,
        )
        for person in new:
            notify(person_id=person.pk, kind=Kind.INVITED, diagnostic=diagnostic)
        if new:
            log(diagnostic, "competencies.diagnostic.invite", user=by, data={"invited": len(new)})
    return len(new)


def answer(
    *, diagnostic: OrganisationalDiagnostic, person: User, ratings: dict, **governance
) -> None:
    """One invited leader's answers, kept with nothing that says whose. Skipped questions
    stay empty. Each person answers once, even if they send the form twice at once."""
    unknown = set(governance) - set(GOVERNANCE_FIELDS)
    if unknown:
        raise ValueError(f"Not a question: {', '.join(sorted(unknown))}")
    asked = selectors.competencies_for(
        framework=diagnostic.framework, organisation=diagnostic.organisation
    )
    chosen = _ratings_for(asked, ratings)
    with transaction.atomic():
        respondent = (
            Respondent.objects.select_for_update()
            .filter(diagnostic=diagnostic, person=person)
            .first()
        )
        if respondent is None:
            raise exceptions.NotInvited()
        if not OrganisationalDiagnostic.objects.get(pk=diagnostic.pk).is_open:
            raise exceptions.Closed()
        if respondent.responded_at is not None:
            raise exceptions.AlreadyAnswered()
        response = Response.objects.create(
            diagnostic=diagnostic, **{k: v or "" for k, v in governance.items()}
        )
        ResponseRating.objects.bulk_create(
            ResponseRating(response=response, competency=c, current=current, target=target)
            for c, current, target in chosen
        )
        # Only that they answered, and no earlier than the day: never which answers.
        respondent.responded_at = timezone.now()
        respondent.save(update_fields=["responded_at"])


def close(*, diagnostic: OrganisationalDiagnostic, by: User) -> OrganisationalDiagnostic:
    """End answering and show the results to everyone invited, once enough have answered."""
    with transaction.atomic():
        diagnostic = _coordinated(diagnostic, by)
        responded = diagnostic.respondents.filter(responded_at__isnull=False).count()
        if responded < selectors.MIN_RESPONSES:
            raise exceptions.TooFewToClose()
        diagnostic.closed_at = timezone.now()
        diagnostic.closed_by = by
        diagnostic.save(update_fields=["closed_at", "closed_by"])
        told = set(diagnostic.respondents.values_list("person_id", flat=True))
        told.add(diagnostic.coordinator_id)
        for person_id in sorted(told):
            notify(person_id=person_id, kind=Kind.RESULTS, diagnostic=diagnostic)
        log(diagnostic, "competencies.diagnostic.close", user=by)
    return diagnostic


# --- Development plans ------------------------------------------------------------------------


def _check_date(day: date) -> None:
    today = timezone.localdate()
    if day < today or day > today + MAX_AHEAD:
        raise exceptions.DateNotValid()


def plan_for_person(*, person: User) -> DevelopmentPlan:
    """The person's plan, made on first use from their latest diagnostic."""
    plan = selectors.plan_of(person)
    if plan is not None:
        return plan
    latest = next(iter(selectors.assessments_of(person)), None)
    framework = latest.framework if latest else _framework()
    try:
        with transaction.atomic():
            plan = DevelopmentPlan.objects.create(
                person=person, framework=framework, assessment=latest, created_by=person
            )
            log(plan, "competencies.plan.create", user=person)
    except IntegrityError:
        plan = selectors.plan_of(person)
    return plan


def plan_for_organisation(*, diagnostic: OrganisationalDiagnostic, by: User) -> DevelopmentPlan:
    """The council's plan, begun by a coordinator from a closed diagnostic."""
    if not selectors.coordinates(by, diagnostic):
        raise exceptions.NotCoordinator()
    plan = DevelopmentPlan.objects.filter(organisation=diagnostic.organisation).first()
    if plan is not None:
        return plan
    try:
        with transaction.atomic():
            plan = DevelopmentPlan.objects.create(
                organisation=diagnostic.organisation,
                framework=diagnostic.framework,
                diagnostic=diagnostic,
                created_by=by,
            )
            log(plan, "competencies.plan.create", user=by)
    except IntegrityError:
        plan = DevelopmentPlan.objects.get(organisation=diagnostic.organisation)
    return plan


def _editable(plan: DevelopmentPlan, by: User) -> DevelopmentPlan:
    if not selectors.can_edit_plan(by, plan):
        raise exceptions.NotYours("Only the people who keep this plan can change it.")
    return DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)


def _where_now(plan: DevelopmentPlan, competency: Competency) -> int | None:
    if plan.person_id:
        rating = selectors.latest_ratings_of(plan.person).get(competency.code)
        return rating.current if rating else None
    if plan.diagnostic_id:
        values = sorted(
            ResponseRating.objects.filter(
                response__diagnostic_id=plan.diagnostic_id,
                competency=competency,
                current__isnull=False,
            ).values_list("current", flat=True)
        )
        if len(values) >= selectors.MIN_RESPONSES:
            return values[len(values) // 2]
    return None


def add_goal(*, plan: DevelopmentPlan, competency: Competency, target: int, by: User) -> PlanGoal:
    """Work on one more competency, up to `MAX_GOALS` at a time."""
    if competency.framework_id != plan.framework_id:
        raise exceptions.NotAsked("Choose a competency from the framework the plan uses.")
    if target not in (1, 2, 3, 4):
        raise exceptions.NotAsked("Choose where you want to be, from 1 to 4.")
    with transaction.atomic():
        plan = _editable(plan, by)
        if plan.goals.filter(competency=competency).exists():
            raise exceptions.AlreadyInPlan()
        if plan.goals.count() >= MAX_GOALS:
            raise exceptions.TooManyGoals()
        goal = PlanGoal.objects.create(
            plan=plan, competency=competency, target=target, current=_where_now(plan, competency)
        )
        log(plan, "competencies.plan.goal", user=by, data={"competency": competency.code})
    return goal


def remove_goal(*, goal: PlanGoal, by: User) -> None:
    with transaction.atomic():
        plan = _editable(goal.plan, by)
        code = goal.competency.code
        goal.delete()
        log(plan, "competencies.plan.remove-goal", user=by, data={"competency": code})


def add_action(
    *,
    goal: PlanGoal,
    title: str,
    due_on: date,
    by: User,
    kind: str = PlanAction.Kind.OWN,
    link: str = "",
    source: str = "",
) -> PlanAction:
    _check_date(due_on)
    title = title.strip()
    if not title:
        raise exceptions.NotAsked("Say what you will do.")
    try:
        with transaction.atomic():
            plan = _editable(goal.plan, by)
            action = PlanAction.objects.create(
                goal=goal,
                kind=kind,
                title=title[:200],
                link=link,
                source=source,
                due_on=due_on,
                created_by=by,
            )
            log(plan, "competencies.plan.action", user=by, data={"action": action.title})
    except IntegrityError as error:
        raise exceptions.AlreadyTaken() from error
    return action


def take_recommendation(*, goal: PlanGoal, source: str, due_on: date, by: User) -> PlanAction:
    """Add one of the academy's recommendations for the goal to the plan as an action."""
    from .recommendations import find

    plan = goal.plan
    recommendation = find(
        viewer=by, competency=goal.competency, source=source, organisation=plan.organisation
    )
    if recommendation is None:
        raise exceptions.NotRecommended()
    return add_action(
        goal=goal,
        title=recommendation.action,
        due_on=due_on,
        by=by,
        kind=recommendation.kind,
        link=recommendation.url,
        source=recommendation.source,
    )


def mark_done(*, action: PlanAction, by: User, done: bool = True) -> PlanAction:
    """Tick an action off (or back on): progress is the share of actions done."""
    with transaction.atomic():
        plan = _editable(action.goal.plan, by)
        action = PlanAction.objects.select_for_update().get(pk=action.pk)
        action.done_at = timezone.now() if done else None
        action.done_by = by if done else None
        action.save(update_fields=["done_at", "done_by"])
        log(
            plan,
            "competencies.plan.done" if done else "competencies.plan.undone",
            user=by,
            data={"action": action.title},
        )
    return action


def move_action(*, action: PlanAction, due_on: date, by: User) -> PlanAction:
    """A new date: reminders follow it (a reminder is owed once per date)."""
    _check_date(due_on)
    with transaction.atomic():
        plan = _editable(action.goal.plan, by)
        action.due_on = due_on
        action.save(update_fields=["due_on"])
        log(plan, "competencies.plan.move", user=by, data={"due_on": due_on.isoformat()})
    return action


def remove_action(*, action: PlanAction, by: User) -> None:
    with transaction.atomic():
        plan = _editable(action.goal.plan, by)
        title = action.title
        action.delete()
        log(plan, "competencies.plan.remove-action", user=by, data={"action": title})
