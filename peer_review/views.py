"""Peer-challenge pages. The LGA manager sets a review up, picks the digital questions into
its lines of enquiry and moves it from stage to stage; the council's nominated contacts
answer the position statement, check the draft report for factual errors and keep the action
plan; the peer team records findings on site. Published reports are public.

Every read goes through `selectors.review_for`, which takes the viewer: a review they have no
part in is a 404, and so is a part of it they may not see at its stage. Pages of a review
that is not published say `noindex` and are never cached."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from academy.exceptions import AcademyError
from academy.http import found as _found
from academy.http import posted as _posted
from academy.http import private

from . import selectors, services
from .forms import (
    ActionForm,
    CorrectionForm,
    DecisionForm,
    FindingForm,
    NewReviewForm,
    ParticipantForm,
    ProgressReviewForm,
    QuestionsForm,
    ScopeForm,
    StatementForm,
    SummaryForm,
)
from .insight import sector_insight
from .models import Action, CoreElement, Review
from .report_pdf import render_report_pdf

PER_PAGE = 20
Stage = Review.Stage


def _review(request, pk, may: str = "sees_review"):
    """The review for the viewer, when they may `may`; else it does not exist for them."""
    access = _found(selectors.review_for(viewer=request.user, pk=pk))
    if not getattr(access, may):
        raise Http404
    return access


def _refused(form, error: AcademyError) -> None:
    form.add_error(None, error.message)


def _done(request, message: str, to: str, pk, *args):
    messages.success(request, message)
    return redirect(to, pk, *args)


def _carry_out(request, call, success, to: str, pk):
    """What a button posts: do it, then go back to `to` saying it is done (`success`, or
    `success(result)`) or why it could not be."""
    try:
        result = call()
    except AcademyError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success(result) if callable(success) else success)
    return redirect(to, pk)


# --- Lists ------------------------------------------------------------------------------------


@private
@login_required
@require_safe
def review_list(request):
    reviews = Paginator(selectors.reviews_of(request.user), PER_PAGE)
    return render(
        request,
        "peer_review/list.html",
        {
            "reviews": reviews.get_page(request.GET.get("page")),
            "runs_every": selectors.runs_every_review(request.user),
        },
    )


@require_safe
def published_list(request):
    reports = Paginator(selectors.published_reports(request.user), PER_PAGE)
    return render(
        request,
        "peer_review/reports.html",
        {"reports": reports.get_page(request.GET.get("page"))},
    )


@private
@login_required
def new_review(request):
    if not selectors.runs_every_review(request.user):
        raise Http404
    form = NewReviewForm(_posted(request), councils=selectors.councils())
    if request.method == "POST" and form.is_valid():
        try:
            review = services.create_review(by=request.user, **form.cleaned_data)
        except AcademyError as error:
            _refused(form, error)
        else:
            return _done(
                request,
                _("The review is set up. Add the team and the council's contacts next."),
                "peer_review:people",
                review.pk,
            )
    return render(request, "peer_review/new.html", {"form": form})


# --- One review -------------------------------------------------------------------------------


@private
@require_safe
def review_detail(request, pk):
    access = _found(selectors.review_for(viewer=request.user, pk=pk))
    if not access.sees_review:
        # The public know a review only by its published report.
        return redirect("peer_review:report", pk)
    return render(
        request,
        "peer_review/review.html",
        {
            "access": access,
            "review": access.review,
            "people": selectors.people_of(access),
            "lines": selectors.lines_of_enquiry(access),
            "stages": Stage.choices,
            "not_ready": selectors.not_ready(access.review) if access.advances else "",
            "next_stage_label": _next_stage_label(access.review),
        },
    )


def _next_stage_label(review) -> str:
    following = services.NEXT_STAGE.get(review.stage)
    return Stage(following).label.lower() if following else ""


@private
@login_required
@require_POST
def advance(request, pk):
    access = _review(request, pk, "advances")
    return _carry_out(
        request,
        lambda: services.advance(review=access.review, by=request.user),
        lambda review: (
            _("The review is now at the %(stage)s stage.")
            % {"stage": review.get_stage_display().lower()}
        ),
        "peer_review:review",
        pk,
    )


@private
@login_required
def scope(request, pk):
    access = _review(request, pk, "changes_dates")
    review = access.review
    form = ScopeForm(
        _posted(request),
        initial={
            "title": review.title,
            "focus_areas": review.focus_areas,
            "on_site_starts": review.on_site_starts,
            "on_site_ends": review.on_site_ends,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.change_scope(review=review, by=request.user, **form.cleaned_data)
        except AcademyError as error:
            _refused(form, error)
        else:
            return _done(request, _("The review's details are saved."), "peer_review:review", pk)
    return render(request, "peer_review/scope.html", {"form": form, "review": review})


@private
@login_required
def questions(request, pk):
    access = _review(request, pk, "scopes")
    review = access.review
    offered = selectors.questions_to_pick(access)
    form = QuestionsForm(
        _posted(request),
        questions=offered,
        initial={
            "questions": [
                asked.question_id
                for line in selectors.lines_of_enquiry(access)
                for asked in line.asked
            ]
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.pick_questions(
                review=review, questions=form.cleaned_data["questions"], by=request.user
            )
        except AcademyError as error:
            _refused(form, error)
        else:
            return _done(request, _("The lines of enquiry are saved."), "peer_review:review", pk)
    chosen = {str(value) for value in (form["questions"].value() or [])}
    elements = {}
    for question in offered:
        elements.setdefault(question.core_element, []).append(question)
    return render(
        request,
        "peer_review/questions.html",
        {"form": form, "review": review, "elements": elements, "chosen": chosen},
    )


@private
@login_required
def people(request, pk):
    access = _review(request, pk)
    review = access.review
    form = None
    if access.changes_people:
        role = request.POST.get("role") or request.GET.get("role") or ""
        form = ParticipantForm(
            _posted(request),
            people=selectors.people_to_add(access, role=role),
            initial={"role": role},
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                part = services.add_participant(review=review, by=request.user, **data)
            except AcademyError as error:
                _refused(form, error)
            else:
                return _done(
                    request,
                    _("%(name)s is added as %(role)s.")
                    % {"name": part.person.full_name, "role": part.get_role_display().lower()},
                    "peer_review:people",
                    pk,
                )
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "peer_review/people.html",
        {
            "access": access,
            "review": review,
            "people": selectors.people_of(access),
            "form": form,
        },
    )


@private
@login_required
@require_POST
def remove_person(request, pk, part_pk):
    access = _review(request, pk, "changes_people")
    part = _found(next((p for p in selectors.people_of(access) if p.pk == part_pk), None))
    return _carry_out(
        request,
        lambda: services.remove_participant(participant=part, by=request.user),
        _("%(name)s is no longer in the review.") % {"name": part.person.full_name},
        "peer_review:people",
        pk,
    )


# --- The position statement -------------------------------------------------------------------


@private
@login_required
def statement(request, pk):
    access = _review(request, pk, "sees_statement")
    review = access.review
    elements = selectors.statement_for(access)
    form = None
    if access.answers_statement:
        asked = [one for element in elements for one in element.asked]
        form = StatementForm(
            _posted(request), asked=asked, initial={"overview": review.statement_overview}
        )
        for one in asked:
            one.field = form.bound(one)
        if request.method == "POST" and form.is_valid():
            submit = request.POST.get("action") == StatementForm.SUBMIT
            try:
                services.save_statement(
                    review=review,
                    by=request.user,
                    overview=form.cleaned_data["overview"],
                    answers=form.answers(),
                    submit=submit,
                )
            except AcademyError as error:
                _refused(form, error)
            else:
                if submit:
                    return _done(
                        request,
                        _("The position statement is submitted. The peer team can read it now."),
                        "peer_review:review",
                        pk,
                    )
                return _done(
                    request,
                    _(
                        "Your draft is saved. Only the council's contacts can see it until you "
                        "submit it."
                    ),
                    "peer_review:statement",
                    pk,
                )
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "peer_review/statement.html",
        {"access": access, "review": review, "elements": elements, "form": form},
    )


# --- Findings ---------------------------------------------------------------------------------


@private
@login_required
@require_safe
def findings(request, pk):
    access = _review(request, pk, "sees_findings")
    return render(
        request,
        "peer_review/findings.html",
        {
            "access": access,
            "review": access.review,
            "elements": selectors.findings_for(access),
        },
    )


def _finding_form(request, access, *, asked, finding=None):
    """The finding form, bound to what was posted to be saved. The search for good practice
    is a button of the same form, so a search keeps what was written and ticked: the form
    comes back unbound, with that as its starting point, and no errors yet."""
    posted = _posted(request)
    query = ((request.GET if posted is None else posted).get("practice") or "").strip()[:200]
    practice, offered_ids = selectors.signpost_candidates(access, asked=asked, query=query)
    initial = None
    if finding is not None:
        chosen = list(finding.signposts.values_list("pk", flat=True))
        offered_ids = chosen + [pk for pk in offered_ids if pk not in chosen]
        initial = {"kind": finding.kind, "text": finding.text, "signposts": chosen}
    if posted is not None:
        # Keep what was ticked on offer, whatever the search now finds.
        ticked = [int(v) for v in posted.getlist("signposts") if v.isdigit()]
        offered_ids = ticked + [pk for pk in offered_ids if pk not in ticked]
        if "search" in posted:
            initial = {"kind": posted.get("kind"), "text": posted.get("text"), "signposts": ticked}
            posted = None
    offered = {page.pk: page for page in practice.filter(pk__in=offered_ids)}
    form = FindingForm(
        posted,
        practice=practice,
        offered=[offered[pk] for pk in offered_ids if pk in offered],
        initial=initial,
    )
    return form, query


def _finding_page(request, access, form, *, asked, element, finding, query):
    return render(
        request,
        "peer_review/finding_form.html",
        {
            "access": access,
            "review": access.review,
            "form": form,
            "asked": asked,
            "element": element,
            "finding": finding,
            "query": query,
        },
    )


@private
@login_required
def new_finding(request, pk):
    access = _review(request, pk, "records_findings")
    asked = element = None
    if request.GET.get("question"):
        asked = _found(selectors.asked_for(access, request.GET["question"]))
        element = asked.version.core_element
    else:
        element = _found(CoreElement.objects.filter(slug=request.GET.get("element")).first())
    form, query = _finding_form(request, access, asked=asked)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_finding(
                review=access.review,
                by=request.user,
                kind=data["kind"],
                text=data["text"],
                asked=asked,
                core_element=element,
                signposts=data["signposts"],
            )
        except AcademyError as error:
            _refused(form, error)
        else:
            return _done(request, _("The finding is saved."), "peer_review:findings", pk)
    return _finding_page(
        request, access, form, asked=asked, element=element, finding=None, query=query
    )


@private
@login_required
def edit_finding(request, pk, finding_pk):
    access = _review(request, pk, "records_findings")
    finding = _found(selectors.finding_for(access, finding_pk))
    form, query = _finding_form(request, access, asked=finding.asked, finding=finding)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            services.change_finding(
                finding=finding,
                by=request.user,
                kind=data["kind"],
                text=data["text"],
                signposts=data["signposts"],
            )
        except AcademyError as error:
            _refused(form, error)
        else:
            return _done(request, _("The finding is saved."), "peer_review:findings", pk)
    return _finding_page(
        request,
        access,
        form,
        asked=finding.asked,
        element=finding.core_element,
        finding=finding,
        query=query,
    )


@private
@login_required
@require_POST
def delete_finding(request, pk, finding_pk):
    access = _review(request, pk, "records_findings")
    finding = _found(selectors.finding_for(access, finding_pk))
    return _carry_out(
        request,
        lambda: services.delete_finding(finding=finding, by=request.user),
        _("The finding is deleted."),
        "peer_review:findings",
        pk,
    )


# --- The report -------------------------------------------------------------------------------


def _report_context(access):
    report = _found(selectors.report_for(access))
    return {"access": access, "review": access.review, "report": report}


def report(request, pk):
    access = _review(request, pk, "sees_report")
    review = access.review
    form = None
    if access.writes_report:
        form = SummaryForm(_posted(request), initial={"summary": review.report_summary})
        if request.method == "POST" and form.is_valid():
            send = request.POST.get("action") == SummaryForm.SEND
            try:
                services.save_report(
                    review=review, by=request.user, summary=form.cleaned_data["summary"], send=send
                )
            except AcademyError as error:
                _refused(form, error)
            else:
                return _done(
                    request,
                    _("The draft report is sent to the council to check for factual errors.")
                    if send
                    else _("The summary is saved."),
                    "peer_review:report",
                    pk,
                )
    elif request.method == "POST":
        raise Http404
    response = render(request, "peer_review/report.html", {**_report_context(access), "form": form})
    return _kept_private(response, review)


def _kept_private(response, review):
    """A report not yet published is never cached or indexed; a published one is public."""
    if not review.is_published:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
def report_pdf(request, pk):
    access = _review(request, pk, "sees_report")
    review = access.review
    report = _found(selectors.report_for(access))
    response = HttpResponse(
        render_report_pdf(report, url=request.build_absolute_uri()),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="peer-challenge-{review.pk}.pdf"'
    return _kept_private(response, review)


@private
@login_required
def correct(request, pk, finding_pk):
    access = _review(request, pk, "corrects_report")
    finding = _found(selectors.finding_for(access, finding_pk))
    form = CorrectionForm(_posted(request), initial={"proposed_text": finding.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.raise_correction(finding=finding, by=request.user, **form.cleaned_data)
        except AcademyError as error:
            _refused(form, error)
        else:
            return _done(
                request,
                _("Your correction is sent to the peer challenge manager."),
                "peer_review:report",
                pk,
            )
    return render(
        request,
        "peer_review/correct.html",
        {"access": access, "review": access.review, "finding": finding, "form": form},
    )


@private
@login_required
def decide(request, pk, correction_pk):
    access = _review(request, pk, "decides_corrections")
    correction = _found(selectors.correction_for(access, correction_pk))
    form = DecisionForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.decide_correction(
                correction=correction,
                by=request.user,
                accept=data["decision"] == DecisionForm.ACCEPT,
                response=data["response"],
            )
        except AcademyError as error:
            _refused(form, error)
        else:
            return _done(request, _("The correction is decided."), "peer_review:report", pk)
    return render(
        request,
        "peer_review/decide.html",
        {"access": access, "review": access.review, "correction": correction, "form": form},
    )


def _report_step(service, may: str, message: str):
    @login_required
    @private
    @require_POST
    def view(request, pk):
        access = _review(request, pk, may)
        return _carry_out(
            request,
            lambda: service(review=access.review, by=request.user),
            message,
            "peer_review:report",
            pk,
        )

    return view


agree = _report_step(
    services.agree_report,
    "corrects_report",
    _("Thank you. The manager can now publish the report."),
)
publish = _report_step(
    services.publish,
    "publishes",
    _("The report is published. The council's action plan is due next."),
)


# --- The action plan and the progress review --------------------------------------------------


@private
@login_required
def action_plan(request, pk):
    access = _review(request, pk, "sees_action_plan")
    return _action_page(request, access, action=None)


@private
@login_required
def edit_action(request, pk, action_pk):
    access = _review(request, pk, "edits_action_plan")
    return _action_page(request, access, action=_found(selectors.action_for(access, action_pk)))


def _action_page(request, access, *, action: Action | None):
    review = access.review
    form = None
    if access.edits_action_plan:
        initial = None
        if action is not None:
            initial = {
                "text": action.text,
                "owner": action.owner,
                "due_on": action.due_on,
                "recommendation": action.recommendation_id,
                "status": action.status,
                "progress": action.progress,
            }
        form = ActionForm(
            _posted(request),
            recommendations=selectors.recommendations_of(access),
            initial=initial,
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.save_action(
                    review=review, by=request.user, action=action, **form.cleaned_data
                )
            except AcademyError as error:
                _refused(form, error)
            else:
                return _done(
                    request, _("The action is saved."), "peer_review:action-plan", review.pk
                )
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "peer_review/action_plan.html",
        {
            "access": access,
            "review": review,
            "actions": selectors.action_plan_for(access),
            "form": form,
            "editing": action,
        },
    )


@private
@login_required
@require_POST
def delete_action(request, pk, action_pk):
    access = _review(request, pk, "edits_action_plan")
    action = _found(selectors.action_for(access, action_pk))
    return _carry_out(
        request,
        lambda: services.delete_action(action=action, by=request.user),
        _("The action is removed from the plan."),
        "peer_review:action-plan",
        pk,
    )


@private
@login_required
@require_POST
def submit_action_plan(request, pk):
    access = _review(request, pk, "edits_action_plan")
    return _carry_out(
        request,
        lambda: services.submit_action_plan(review=access.review, by=request.user),
        _("The action plan is submitted."),
        "peer_review:action-plan",
        pk,
    )


@private
@login_required
def progress_review(request, pk):
    access = _review(request, pk, "records_progress_review")
    review = access.review
    form = ProgressReviewForm(
        _posted(request),
        initial={"held_on": review.progress_review_held_on, "notes": review.progress_review_notes},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_progress_review(review=review, by=request.user, **form.cleaned_data)
        except AcademyError as error:
            _refused(form, error)
        else:
            return _done(request, _("The progress review is recorded."), "peer_review:review", pk)
    return render(request, "peer_review/progress_review.html", {"form": form, "review": review})


# --- Sector insight ---------------------------------------------------------------------------


@private
@login_required
@require_safe
def insight(request):
    found = _found(sector_insight(viewer=request.user))
    return render(request, "peer_review/insight.html", {"insight": found})
