"""Organisational diagnostic pages. A coordinator opens one for their council, invites its
leadership team and closes answering; each invited person answers once; the results are
aggregates only, shown once answering has closed and at least 3 people answered.

Every read goes through a selector that takes the viewer: a diagnostic the viewer has no part
in is a 404, and so is the coordinator's page to anyone but its coordinator and the LGA team.
Only the coordinator's page names people, and only who answered, never what they said."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from academy.exceptions import AcademyError
from academy.forms import GovUKCheckboxes, GovUKDateField, GovUKFormMixin, text
from academy.http import found as _found
from academy.http import posted as _posted
from academy.http import private

from . import exceptions, selectors, services
from .forms import GovernanceForm, OrganisationRatingsForm
from .models import Proficiency

PER_PAGE = 20
# The chart's rows: a name above a bar, each row this tall, under a scale this tall.
CHART_ROW = 64
CHART_TOP = 34


# --- Forms ------------------------------------------------------------------------------------


class StartDiagnosticForm(GovUKFormMixin, forms.Form):
    title = text(
        gettext_lazy("Title"),
        name=gettext_lazy("the title"),
        max_length=150,
        rows=None,
        help_text=gettext_lazy(
            "The leadership team sees it in their invitation. For example: Corporate "
            "leadership team, spring 2026."
        ),
    )
    closes_on = GovUKDateField(
        label=gettext_lazy("Answers close on"),
        label_for_errors=gettext_lazy("the closing date"),
        help_text=gettext_lazy(
            "Give people 2 to 4 weeks. You close answering yourself, on or after this date. "
            "For example, 27 3 2027"
        ),
    )


class InviteForm(GovUKFormMixin, forms.Form):
    """The organisation's people to invite. Only those not invited yet are offered, but
    anyone of the organisation is accepted, so that sending the form twice does no harm."""

    def __init__(self, *args, diagnostic, invited: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        people = selectors.invitable_people(diagnostic)
        invalid = _(
            "Choose people from %(organisation)s: only its own people can answer its diagnostic."
        ) % {"organisation": diagnostic.organisation}
        field = forms.ModelMultipleChoiceField(
            label=_("Who will you invite?"),
            help_text=_("Each gets one email with a link to answer."),
            queryset=people,
            widget=GovUKCheckboxes,
            error_messages={
                "required": _("Choose at least one person to invite."),
                "invalid_choice": invalid,
                "invalid_pk_value": invalid,
            },
        )
        field.label_from_instance = _person_label
        self.offered = [person for person in people if person.pk not in invited]
        field.widget.choices = [(person.pk, _person_label(person)) for person in self.offered]
        self.fields["people"] = field


def _person_label(person) -> str:
    name = person.full_name or person.email
    return f"{name}, {person.job_title}" if person.job_title else name


# --- Helpers ----------------------------------------------------------------------------------


def _diagnostic(request, pk):
    return _found(selectors.diagnostic_for(viewer=request.user, pk=pk))


def _coordinated(request, pk):
    """The diagnostic, for its coordinator and the LGA team; a 404 to everyone else."""
    diagnostic = _diagnostic(request, pk)
    if not selectors.coordinates(request.user, diagnostic):
        raise Http404
    return diagnostic


def _coordinator_page(request, diagnostic, *, invite_form=None):
    respondents = list(
        diagnostic.respondents.select_related("person").order_by(
            "person__full_name", "person__email"
        )
    )
    invited = {respondent.person_id for respondent in respondents}
    if invite_form is None and diagnostic.is_open:
        invite_form = InviteForm(diagnostic=diagnostic, invited=invited)
    return render(
        request,
        "competencies/organisation/coordinate.html",
        {
            "diagnostic": diagnostic,
            "respondents": respondents,
            "answered": sum(1 for r in respondents if r.responded_at is not None),
            "enough": selectors.MIN_RESPONSES,
            "form": invite_form,
            "mine": next((r for r in respondents if r.person_id == request.user.pk), None),
        },
    )


# --- Pages ------------------------------------------------------------------------------------


@private
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisations(request):
    """The viewer's diagnostics, and the form to open one for their own organisation."""
    form = StartDiagnosticForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            diagnostic = services.start_diagnostic(
                coordinator=request.user,
                title=form.cleaned_data["title"],
                closes_on=form.cleaned_data["closes_on"],
            )
        except exceptions.DateNotValid as error:
            form.add_error("closes_on", error.message)
        except AcademyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("“%(title)s” is open. Invite the leadership team to answer.")
                % {"title": diagnostic.title},
            )
            return redirect("competencies:organisation", diagnostic.pk)
    listing = Paginator(selectors.diagnostics_visible_to(request.user), PER_PAGE)
    return render(
        request,
        "competencies/organisation/list.html",
        {
            "diagnostics": listing.get_page(request.GET.get("page")),
            "form": form,
            "can_start": selectors.can_start_diagnostic(request.user),
            "framework": selectors.current_framework(),
        },
    )


@private
@login_required
@require_safe
def organisation(request, pk):
    """The coordinator's page; to the invited, what the diagnostic is and where they are."""
    diagnostic = _diagnostic(request, pk)
    if selectors.coordinates(request.user, diagnostic):
        return _coordinator_page(request, diagnostic)
    respondent = _found(selectors.respondent_of(request.user, diagnostic))
    return render(
        request,
        "competencies/organisation/summary.html",
        {"diagnostic": diagnostic, "respondent": respondent},
    )


@private
@login_required
@require_POST
def invite(request, pk):
    diagnostic = _coordinated(request, pk)
    invited = set(diagnostic.respondents.values_list("person_id", flat=True))
    form = InviteForm(request.POST, diagnostic=diagnostic, invited=invited)
    if form.is_valid():
        try:
            count = services.invite(
                diagnostic=diagnostic, people=form.cleaned_data["people"], by=request.user
            )
        except exceptions.Closed as error:
            messages.error(request, error.message)
            return redirect("competencies:organisation", pk)
        except AcademyError as error:
            form.add_error("people", error.message)
        else:
            if count:
                messages.success(
                    request,
                    _("%(count)s invited. Each gets an email with a link to answer.")
                    % {"count": _people(count)},
                )
            else:
                messages.info(request, _("They were invited already."))
            return redirect("competencies:organisation", pk)
    return _coordinator_page(request, diagnostic, invite_form=form)


def _people(count: int) -> str:
    return _("1 person") if count == 1 else _("%(count)s people") % {"count": count}


@private
@login_required
@require_POST
def close(request, pk):
    diagnostic = _coordinated(request, pk)
    try:
        services.close(diagnostic=diagnostic, by=request.user)
    except AcademyError as error:
        messages.error(request, error.message)
        return redirect("competencies:organisation", pk)
    messages.success(
        request,
        _("Answering has closed. Here are the results; everyone invited has been told by email."),
    )
    return redirect("competencies:organisation-result", pk)


@private
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, pk):
    """An invited person's answers, given once. Sent answers are checked by the service,
    which refuses a second answer or one after closing; what was typed is kept."""
    diagnostic = _diagnostic(request, pk)
    respondent = selectors.respondent_of(request.user, diagnostic)
    if respondent is None:
        if selectors.coordinates(request.user, diagnostic):
            messages.info(
                request,
                _(
                    "You are not among the people invited to answer. If you are part of the "
                    "leadership team, invite yourself."
                ),
            )
            return redirect("competencies:organisation", pk)
        raise Http404
    context = {"diagnostic": diagnostic, "respondent": respondent}
    if request.method != "POST":
        if respondent.responded_at is not None:
            return render(request, "competencies/organisation/answered.html", context)
        if not diagnostic.is_open:
            return render(request, "competencies/organisation/closed.html", context)
    asked = selectors.competencies_for(
        framework=diagnostic.framework, organisation=diagnostic.organisation
    )
    form = OrganisationRatingsForm(_posted(request), competencies=asked)
    governance_form = GovernanceForm(_posted(request))
    if request.method == "POST":
        # Both checked, so that every mistake shows at once.
        ratings_valid, governance_valid = form.is_valid(), governance_form.is_valid()
        if ratings_valid and governance_valid:
            try:
                services.answer(
                    diagnostic=diagnostic,
                    person=request.user,
                    ratings=form.ratings(),
                    **governance_form.answers(),
                )
            except AcademyError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Thank you: your answers are in."))
                return redirect("competencies:answer", pk)
    return render(
        request,
        "competencies/organisation/answer.html",
        context
        | {
            "form": form,
            "governance_form": governance_form,
            "has_errors": bool(form.errors or governance_form.errors),
        },
    )


@private
@login_required
@require_safe
def result(request, pk):
    result = _found(selectors.organisational_result_for(viewer=request.user, pk=pk))
    diagnostic = result.diagnostic
    context = {"result": result, "diagnostic": diagnostic, "enough": selectors.MIN_RESPONSES}
    if result.ready:
        shown = [spread for spread in result.spreads if spread.shown]
        context |= {
            "scale": Proficiency.choices,
            "chart_height": CHART_TOP + CHART_ROW * len(result.spreads),
            "chart_title": _(
                "Chart of what %(responded)s people said about %(count)s competencies: for "
                "each, a bar to the middle answer for where the council is now, a line from "
                "the lowest answer to the highest, and a mark at the middle answer for where "
                "it needs to be. %(gaps)s gaps, %(strengths)s strengths, %(hidden)s with too "
                "few answers to show. The table gives each figure."
            )
            % {
                "responded": result.responded,
                "count": len(result.spreads),
                "gaps": len(result.gaps),
                "strengths": len(result.strengths),
                "hidden": len(result.spreads) - len(shown),
            },
            "has_plan": selectors.coordinates(request.user, diagnostic)
            or selectors.organisation_plan_for(viewer=request.user, diagnostic=diagnostic)
            is not None,
        }
    return render(request, "competencies/organisation/results.html", context)
