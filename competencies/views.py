"""Competency framework pages. Anyone: the framework. Signed-in people: their own
diagnostic, its results over time, and their development plan with the academy's
recommendations. A council's plan: its diagnostic's coordinator keeps it; its invited
leadership team and the LGA team read it. Organisational diagnostics: `organisation_views`.

Every read goes through a selector that takes the viewer; a page the viewer has no part in is
a 404. Everything but the framework is private and never cached."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from academy.exceptions import AcademyError
from academy.http import found as _found
from academy.http import posted as _posted
from academy.http import private

from . import selectors, services
from .forms import ActionForm, GoalForm, MoveForm, RatingsForm, TakeForm
from .models import Competency, DevelopmentPlan, PlanAction, PlanGoal, Proficiency

# How many of the biggest gaps a plan made from a result starts with.
GAPS_TO_START_WITH = 3


@require_safe
def framework(request):
    current = selectors.current_framework()
    return render(
        request,
        "competencies/framework.html",
        {
            "framework": current,
            "levels": selectors.framework_overview(current) if current else [],
            "unfinished": selectors.unfinished_assessment_of(request.user),
        },
    )


# --- Individual diagnostic --------------------------------------------------------------------


@private
@login_required
def diagnostic(request):
    """Rate yourself on each competency: save as you go, finish when ready."""
    if selectors.current_framework() is None and not selectors.unfinished_assessment_of(
        request.user
    ):
        return render(request, "competencies/no_framework.html", status=200)
    assessment = services.start_assessment(person=request.user)
    asked = selectors.competencies_for(
        framework=assessment.framework, organisation=request.user.organisation
    )
    form = RatingsForm(
        _posted(request),
        competencies=asked,
        initial=RatingsForm.initial_from(assessment.ratings.all()),
    )
    if request.method == "POST" and form.is_valid():
        finish = "finish" in request.POST
        try:
            services.save_assessment(
                assessment=assessment, by=request.user, ratings=form.ratings(), finish=finish
            )
        except AcademyError as error:
            form.add_error(None, error.message)
        else:
            if finish:
                messages.success(
                    request, _("Your diagnostic is finished. Here is where you stand.")
                )
                return redirect("competencies:result", assessment.pk)
            messages.success(
                request, _("Your answers are saved. Come back to finish whenever you like.")
            )
            return redirect("competencies:diagnostic")
    return render(
        request,
        "competencies/diagnostic.html",
        {
            "form": form,
            "assessment": assessment,
            "earlier": selectors.assessments_of(request.user)[:1],
        },
    )


@private
@login_required
@require_safe
def results(request):
    return render(
        request,
        "competencies/results.html",
        {
            "assessments": selectors.assessments_of(request.user),
            "unfinished": selectors.unfinished_assessment_of(request.user),
            "plan": selectors.plan_of(request.user),
        },
    )


@private
@login_required
@require_safe
def result(request, pk):
    compare_with = request.GET.get("compare")
    compare_with = int(compare_with) if compare_with and compare_with.isdigit() else None
    view = _found(
        selectors.assessment_result_for(viewer=request.user, pk=pk, compare_with=compare_with)
    )
    rows = view.scored.rows
    return render(
        request,
        "competencies/result.html",
        {
            "view": view,
            "scored": view.scored,
            "plan": selectors.plan_of(request.user),
            "chart_rows": [
                {"competency": r.competency, "now": r.current, "need": r.target} for r in rows
            ],
            "chart_height": chart_height(len(rows)),
            "chart_title": _(
                "Chart of where you are now and where you need to be on %(count)s competencies. "
                "%(strengths)s strengths, %(gaps)s gaps, %(skipped)s skipped. The table below "
                "gives each figure."
            )
            % {
                "count": len(rows),
                "strengths": len(view.scored.strengths),
                "gaps": len(view.scored.gaps),
                "skipped": len(view.scored.skipped),
            },
            "scale": Proficiency.choices,
        },
    )


def chart_height(rows: int) -> int:
    """The height of a chart of `rows` bars (see `_chart.html`)."""
    return 40 + 56 * rows


@private
@login_required
@require_POST
def plan_from_result(request, pk):
    """Start (or add to) the person's plan with the biggest gaps of a result."""
    view = _found(selectors.assessment_result_for(viewer=request.user, pk=pk))
    plan = services.plan_for_person(person=request.user)
    added = 0
    for row in view.scored.gaps[:GAPS_TO_START_WITH]:
        competency = row.competency
        if competency.framework_id != plan.framework_id:
            continue
        try:
            services.add_goal(plan=plan, competency=competency, target=row.target, by=request.user)
        except AcademyError:
            continue  # in the plan already, or the plan is full: the rest still go in
        added += 1
    if added:
        messages.success(
            request,
            _("%(count)s of your biggest gaps are in your plan, with what the academy recommends.")
            % {"count": added},
        )
    elif not view.scored.gaps:
        messages.info(request, _("This result has no gaps. Choose what to work on below."))
    else:
        messages.info(request, _("Your biggest gaps are in your plan already."))
    return redirect("competencies:plan")


# --- Development plans ------------------------------------------------------------------------


def _plan_page(request, plan: DevelopmentPlan, *, goal_form=None, forms_for=None):
    if plan.person_id == request.user.pk:
        plan.person = request.user  # one person, read once, with their organisation
    view = selectors.plan_view(viewer=request.user, plan=plan)
    in_plan = {g.goal.competency_id for g in view.goals}
    organisation = plan.organisation or (plan.person.organisation if plan.person else None)
    choosable = [
        c.pk
        for c in selectors.competencies_for(
            framework=plan.framework, organisation=organisation, detail=False
        )
        if c.pk not in in_plan
    ]
    choices = Competency.objects.filter(pk__in=choosable).order_by("sort_order", "name")
    if goal_form is None:
        goal_form = GoalForm(competencies=choices, prefix="goal")
    forms_for = forms_for or {}
    for goal in view.goals:
        goal.action_form = forms_for.get(("action", goal.goal.pk)) or ActionForm(
            prefix=f"action-{goal.goal.pk}"
        )
        for recommendation in goal.recommendations:
            recommendation.form = forms_for.get(
                ("take", goal.goal.pk, recommendation.source)
            ) or TakeForm(
                prefix=f"take-{goal.goal.pk}-{recommendation.source}",
                initial={"source": recommendation.source, "by": "1m"},
            )
        for action in goal.actions:
            action.move_form = forms_for.get(("move", action.pk)) or MoveForm(
                prefix=f"move-{action.pk}", initial={"due_on": action.due_on}
            )
    latest = {}
    if plan.person_id:
        latest = selectors.latest_ratings_of(request.user)
    return render(
        request,
        "competencies/plan.html",
        {
            "view": view,
            "plan": plan,
            "goal_form": goal_form,
            "can_add_goal": view.can_edit and bool(choosable),
            "latest": latest,
            # The error summary reads `form`: the one sent, when it was refused.
            "form": next(iter(forms_for.values()), goal_form),
        },
    )


def _plan_for(request, diagnostic_pk=None) -> DevelopmentPlan:
    if diagnostic_pk is None:
        return services.plan_for_person(person=request.user)
    diagnostic = _found(selectors.diagnostic_for(viewer=request.user, pk=diagnostic_pk))
    plan = selectors.organisation_plan_for(viewer=request.user, diagnostic=diagnostic)
    if plan is None:
        if not selectors.coordinates(request.user, diagnostic) or diagnostic.is_open:
            raise Http404
        plan = services.plan_for_organisation(diagnostic=diagnostic, by=request.user)
    return plan


@private
@login_required
@require_safe
def plan(request):
    plan = selectors.plan_of(request.user)
    if plan is None:
        if selectors.current_framework() is None:
            return render(request, "competencies/no_framework.html")
        plan = services.plan_for_person(person=request.user)
    return _plan_page(request, plan)


@private
@login_required
@require_safe
def organisation_plan(request, pk):
    return _plan_page(request, _plan_for(request, pk))


def _goal_of(request, goal_pk) -> PlanGoal:
    goal = _found(PlanGoal.objects.select_related("plan", "competency").filter(pk=goal_pk).first())
    plan = goal.plan
    if not selectors.can_edit_plan(request.user, plan):
        raise Http404
    return goal


def _back_to(plan: DevelopmentPlan):
    return redirect(selectors.plan_url(plan))


@private
@login_required
@require_POST
def add_goal(request):
    plan = services.plan_for_person(person=request.user)
    return _add_goal(request, plan)


@private
@login_required
@require_POST
def add_organisation_goal(request, pk):
    return _add_goal(request, _plan_for(request, pk))


def _add_goal(request, plan):
    if not selectors.can_edit_plan(request.user, plan):
        raise Http404
    choices = Competency.objects.filter(framework=plan.framework)
    form = GoalForm(request.POST, competencies=choices, prefix="goal")
    if form.is_valid():
        try:
            services.add_goal(
                plan=plan,
                competency=form.cleaned_data["competency"],
                target=form.cleaned_data["target"],
                by=request.user,
            )
        except AcademyError as error:
            form.add_error("competency", error.message)
        else:
            messages.success(
                request,
                _("“%(name)s” is in the plan. Add actions, or take up a recommendation.")
                % {"name": form.cleaned_data["competency"].name},
            )
            return _back_to(plan)
    return _plan_page(request, plan, goal_form=form)


@private
@login_required
@require_POST
def remove_goal(request, goal_pk):
    goal = _goal_of(request, goal_pk)
    try:
        services.remove_goal(goal=goal, by=request.user)
    except AcademyError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("“%(name)s” is out of the plan.") % {"name": goal.competency.name}
        )
    return _back_to(goal.plan)


@private
@login_required
@require_POST
def add_action(request, goal_pk):
    goal = _goal_of(request, goal_pk)
    form = ActionForm(request.POST, prefix=f"action-{goal.pk}")
    if form.is_valid():
        try:
            services.add_action(
                goal=goal,
                title=form.cleaned_data["title"],
                due_on=form.cleaned_data["due_on"],
                by=request.user,
            )
        except AcademyError as error:
            form.add_error("due_on", error.message)
        else:
            messages.success(request, _("The action is in the plan."))
            return _back_to(goal.plan)
    return _plan_page(request, goal.plan, forms_for={("action", goal.pk): form})


@private
@login_required
@require_POST
def take(request, goal_pk):
    goal = _goal_of(request, goal_pk)
    source = request.POST.get("source", "")
    form = TakeForm(request.POST, prefix=f"take-{goal.pk}-{source}")
    if not source:
        return HttpResponseBadRequest(_("Choose a recommendation to add."))
    if form.is_valid():
        try:
            action = services.take_recommendation(
                goal=goal, source=form.cleaned_data["source"], due_on=form.due_on(), by=request.user
            )
        except AcademyError as error:
            messages.error(request, error.message)
            return _back_to(goal.plan)
        messages.success(
            request,
            _("“%(title)s” is in the plan, to do by %(date)s.")
            % {"title": action.title, "date": action.due_on.strftime("%-d %B %Y")},
        )
        return _back_to(goal.plan)
    return _plan_page(request, goal.plan, forms_for={("take", goal.pk, source): form})


@private
@login_required
@require_POST
def action(request, pk):
    """Tick an action off or back on, give it a new date, or remove it."""
    found = _found(PlanAction.objects.select_related("goal__plan").filter(pk=pk).first())
    goal = _goal_of(request, found.goal_id)
    what = request.POST.get("do")
    try:
        if what in ("done", "undone"):
            services.mark_done(action=found, by=request.user, done=what == "done")
            messages.success(
                request,
                _("Ticked off: %(title)s") % {"title": found.title}
                if what == "done"
                else _("Back on the list: %(title)s") % {"title": found.title},
            )
        elif what == "move":
            form = MoveForm(request.POST, prefix=f"move-{found.pk}")
            if not form.is_valid():
                return _plan_page(request, goal.plan, forms_for={("move", found.pk): form})
            services.move_action(action=found, due_on=form.cleaned_data["due_on"], by=request.user)
            messages.success(request, _("The action has its new date."))
        elif what == "remove":
            services.remove_action(action=found, by=request.user)
            messages.success(request, _("Removed: %(title)s") % {"title": found.title})
        else:
            return HttpResponseBadRequest(_("Choose what to do with the action."))
    except AcademyError as error:
        if what == "move":
            form = MoveForm(request.POST, prefix=f"move-{found.pk}")
            form.is_valid()
            form.add_error("due_on", error.message)
            return _plan_page(request, goal.plan, forms_for={("move", found.pk): form})
        messages.error(request, error.message)
    return _back_to(goal.plan)
