"""Round-table pages. Invitees: their invitations, the round table, their answer (also from
the link in the email, without signing in), who else is coming (those who agreed to be
shown) and the notes once sent. Organisers: answers and the waiting list, inviting by role
and region, attendance, notes, cancelling. LGA staff: response and attendance by region.

Every read goes through a selector that takes the viewer; a round table the viewer has no
part in is a 404. Every page says `noindex` and is never cached."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from academy.exceptions import AcademyError
from academy.http import found as _found
from academy.http import posted as _posted
from academy.http import private

from . import exceptions, selectors, services
from .forms import ACCEPT, AnswerForm, AttendanceForm, FindPeopleForm, InviteForm, NoteForm
from .models import Invitation

PER_PAGE = 25


def _managed(request, pk):
    return _found(selectors.round_table_managed(viewer=request.user, pk=pk))


# --- Invitees ---------------------------------------------------------------------------------


@private
@login_required
@require_safe
def round_table_list(request):
    managed = Paginator(selectors.round_tables_managed_by(request.user), PER_PAGE)
    return render(
        request,
        "roundtables/list.html",
        {
            "invitations": selectors.invitations_of(request.user),
            "managed": managed.get_page(request.GET.get("page")),
            "runs_every": selectors.runs_every_round_table(request.user),
            "now": timezone.now(),
        },
    )


def _answered(request, invitation, form, *, by):
    """Record a valid answer; a refusal comes back on the form."""
    data = form.cleaned_data
    try:
        if data["answer"] == ACCEPT:
            invitation = services.accept(
                invitation=invitation,
                agrees_to_rule=data["agrees_to_rule"],
                listed=data["listed"],
                by=by,
            )
        else:
            invitation = services.decline(invitation=invitation, by=by)
    except AcademyError as error:
        form.add_error(None, error.message)
        return None
    messages.success(request, _answer_message(invitation))
    return invitation


def _answer_message(invitation: Invitation) -> str:
    Status = Invitation.Status
    if invitation.status == Status.ACCEPTED:
        return _(
            "Thank you. Your place is confirmed; an email with a calendar entry is on its way."
        )
    if invitation.status == Status.WAITLISTED:
        return _(
            "All places are taken, so you are on the waiting list. You will get an email if a "
            "place comes up."
        )
    return _("Thank you for letting us know that you cannot come.")


def _initial_answer(invitation):
    if invitation and invitation.status in (
        Invitation.Status.ACCEPTED,
        Invitation.Status.WAITLISTED,
    ):
        return {"answer": ACCEPT, "agrees_to_rule": True, "listed": invitation.listed}
    return None


@private
@login_required
def round_table_detail(request, pk):
    view = _found(selectors.round_table_for(viewer=request.user, pk=pk))
    form = None
    if view.invitation is not None:
        form = AnswerForm(_posted(request), initial=_initial_answer(view.invitation))
        answered = request.method == "POST" and form.is_valid()
        if answered and _answered(request, view.invitation, form, by=request.user):
            return redirect("roundtables:round-table", pk)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "roundtables/detail.html",
        {"view": view, "round_table": view.round_table, "form": form, "now": timezone.now()},
    )


@private
def answer_by_link(request, token):
    """The link in the invitation email: answers this one invitation, without signing in.
    It shows the round table, never who else is coming, and does nothing else."""
    invitation = selectors.invitation_for_token(token)
    if invitation is None:
        return render(request, "roundtables/link_not_valid.html", status=404)
    form = AnswerForm(_posted(request), initial=_initial_answer(invitation))
    if request.method == "POST" and form.is_valid():
        answered = _answered(request, invitation, form, by=None)
        if answered:
            return render(
                request,
                "roundtables/answered.html",
                {"invitation": answered, "round_table": answered.round_table},
            )
    return render(
        request,
        "roundtables/answer.html",
        {
            "invitation": invitation,
            "round_table": invitation.round_table,
            "form": form,
            "now": timezone.now(),
        },
    )


# --- Organisers -------------------------------------------------------------------------------


@private
@login_required
@require_safe
def manage(request, pk):
    overview = _found(selectors.overview_for_manager(viewer=request.user, pk=pk))
    return render(
        request,
        "roundtables/manage.html",
        {"overview": overview, "round_table": overview.round_table, "now": timezone.now()},
    )


@private
@login_required
def invite(request, pk):
    round_table = _managed(request, pk)
    finder = FindPeopleForm(
        request.GET or {"region": round_table.region, "roles": list(selectors.INVITABLE_ROLES)}
    )
    finder.is_valid()
    chosen = getattr(finder, "cleaned_data", {})
    candidates = selectors.candidates_for(
        viewer=request.user,
        round_table=round_table,
        roles=chosen.get("roles") or selectors.INVITABLE_ROLES,
        region=chosen.get("region", ""),
    )
    form = InviteForm(_posted(request), candidates=candidates)
    if request.method == "POST" and form.is_valid():
        invited, refused = [], []
        for person in form.cleaned_data["people"]:
            try:
                services.invite(round_table=round_table, person=person, by=request.user)
            except AcademyError as error:
                refused.append(str(error.message))
            else:
                invited.append(person.full_name)
        if invited:
            messages.success(
                request,
                _("Invited %(names)s. Each gets an email with a link to answer.")
                % {"names": ", ".join(invited)},
            )
        if not refused:
            return redirect("roundtables:manage", pk)
        for message in refused:
            form.add_error("people", message)
    return render(
        request,
        "roundtables/invite.html",
        {
            "round_table": round_table,
            "manage": True,
            "finder": finder,
            "form": form,
            "count": len(form.fields["people"].queryset),
        },
    )


@private
@login_required
def withdraw(request, pk, invitation_pk):
    round_table = _managed(request, pk)
    invitation = _found(
        round_table.invitations.select_related("person").filter(pk=invitation_pk).first()
    )
    if request.method == "POST":
        try:
            services.withdraw_invitation(invitation=invitation, by=request.user)
        except AcademyError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(name)s's invitation has been withdrawn.") % {"name": invitation.person},
            )
        return redirect("roundtables:manage", pk)
    return render(
        request,
        "roundtables/withdraw.html",
        {"round_table": round_table, "invitation": invitation, "manage": True},
    )


@private
@login_required
def attendance(request, pk):
    round_table = _managed(request, pk)
    coming = list(
        round_table.invitations.filter(status=Invitation.Status.ACCEPTED)
        .select_related("person__organisation")
        .order_by("person__full_name")
    )
    form = AttendanceForm(_posted(request), invitations=coming)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.record_attendance(
                round_table=round_table, attended_ids=form.cleaned_data["attended"], by=request.user
            )
        except AcademyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Attendance is saved (%(count)s changed).") % {"count": changed}
            )
            return redirect("roundtables:manage", pk)
    return render(
        request,
        "roundtables/attendance.html",
        {
            "round_table": round_table,
            "manage": True,
            "form": form,
            "coming": coming,
            "started": round_table.starts_at <= timezone.now(),
        },
    )


@private
@login_required
def notes(request, pk):
    """Record the notes: a theme and an insight each, checked for names before saving."""
    round_table = _managed(request, pk)
    flagged = request.method == "POST" and "keep_names" in request.POST
    form = NoteForm(_posted(request), flagged=flagged)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_note(
                round_table=round_table,
                theme=form.cleaned_data["theme"],
                insight=form.cleaned_data["insight"],
                keep_names=form.cleaned_data.get("keep_names", False),
                by=request.user,
            )
        except exceptions.NotesNameSomeone as error:
            # Shown again with the names, and the choice to keep them, the text as typed.
            form = NoteForm(request.POST, flagged=True)
            form.is_valid()
            form.add_error("insight", error.message)
        except AcademyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The note is saved."))
            return redirect("roundtables:notes", pk)
    return render(
        request,
        "roundtables/notes.html",
        {
            "round_table": round_table,
            "manage": True,
            "notes": list(round_table.notes.all()),
            "form": form,
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def delete_note(request, pk, note_pk):
    round_table = _managed(request, pk)
    note = _found(round_table.notes.filter(pk=note_pk).first())
    services.delete_note(note=note, by=request.user)
    messages.success(request, _("The note is deleted."))
    return redirect("roundtables:notes", pk)


@login_required
@require_POST
def share_notes(request, pk):
    round_table = _managed(request, pk)
    try:
        count = services.share_notes(round_table=round_table, by=request.user)
    except AcademyError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext(
                "The notes are being sent to the %(count)s person who came.",
                "The notes are being sent to the %(count)s people who came.",
                count,
            )
            % {"count": count},
        )
    return redirect("roundtables:notes", pk)


@private
@login_required
def cancel(request, pk):
    round_table = _managed(request, pk)
    if request.method == "POST":
        try:
            services.cancel_round_table(round_table=round_table, by=request.user)
        except AcademyError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("The round table is cancelled. Everyone invited is being told.")
            )
        return redirect("roundtables:manage", pk)
    return render(request, "roundtables/cancel.html", {"round_table": round_table, "manage": True})


# --- LGA staff --------------------------------------------------------------------------------


@private
@login_required
@require_safe
def by_region(request):
    if not selectors.runs_every_round_table(request.user):
        raise Http404
    return render(
        request,
        "roundtables/by_region.html",
        {"regions": selectors.response_rates_by_region(viewer=request.user)},
    )
