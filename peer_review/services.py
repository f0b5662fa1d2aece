"""Every change to the peer challenge: its reference data and its reviews. Views, the admin,
tasks and the demo loader call these. The admin logs who added or edited a question; a new
version is logged here, with its number."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from academy.models import Organisation, User

from . import exceptions, notifications
from .models import (
    Action,
    AskedQuestion,
    CoreElement,
    Correction,
    Finding,
    Notification,
    Participant,
    Question,
    QuestionContent,
    QuestionVersion,
    Review,
)
from .selectors import ReviewAccess, not_ready, review_for, runs_every_review

NotificationKind = Notification.Kind


def _signposts(content: QuestionContent) -> dict[str, set[int]]:
    return {
        name: set(getattr(content, name).values_list("pk", flat=True))
        for name in QuestionContent.SIGNPOSTS
    }


def _asks_the_same(question: Question, version: QuestionVersion | None) -> bool:
    if version is None:
        return False
    same_fields = all(
        getattr(question, name) == getattr(version, name) for name in QuestionContent.FIELDS
    )
    return same_fields and _signposts(question) == _signposts(version)


def save_question(*, question: Question, by: User, signposts: dict | None = None) -> Question:
    """Save a new or edited question (its fields set on `question`, its signposts given by
    name), and keep what it asks as a new version when that changed. Earlier versions, and
    so every past review's questions, stay as they were."""
    for name in ("text", "prompts", "good_looks_like"):
        # Browsers send \r\n: the same words typed again are the same question.
        setattr(question, name, getattr(question, name).replace("\r\n", "\n").strip())
    with transaction.atomic():
        if question.pk is not None:
            # One editor at a time makes each version, so numbers never clash.
            Question.objects.select_for_update().filter(pk=question.pk).first()
        question.full_clean()
        question.save()
        for name, chosen in (signposts or {}).items():
            if name not in QuestionContent.SIGNPOSTS:
                raise ValueError(f"{name} is not a signpost")
            getattr(question, name).set(chosen)
        current = question.current
        if not _asks_the_same(question, current):
            version = QuestionVersion.objects.create(
                question=question,
                number=(current.number + 1) if current else 1,
                created_by=by,
                **{name: getattr(question, name) for name in QuestionContent.FIELDS},
            )
            for name in QuestionContent.SIGNPOSTS:
                getattr(version, name).set(getattr(question, name).all())
            log(
                question,
                "peer_review.question.version",
                user=by,
                data={"version": version.number},
            )
    return question


# --- Reviews ----------------------------------------------------------------------------------
# Each use case takes the person doing it (`by`), finds the review again for them through
# `selectors.review_for` with its row locked, and refuses what their part and the stage do
# not allow. Every change that matters is written to the audit log.

Stage = Review.Stage
Role = Participant.Role
Kind = Finding.Kind
NEXT_STAGE = dict(zip(Stage.values, Stage.values[1:], strict=False))


def _access(review: Review | int, by: User, allowed: str) -> ReviewAccess:
    """The review, locked, for `by`, who must be allowed `allowed` at its stage now."""
    access = review_for(viewer=by, pk=getattr(review, "pk", review), lock=True)
    if access is None or not getattr(access, allowed):
        raise exceptions.NotAllowed
    return access


def _clean(text: str) -> str:
    return (text or "").replace("\r\n", "\n").strip()


def create_review(
    *,
    council: Organisation,
    on_site_starts,
    on_site_ends,
    by: User,
    title: str = "",
    focus_areas: str = "",
    manager: User | None = None,
) -> Review:
    """Set up a review of a council, with `manager` (by default, whoever sets it up) as its
    LGA peer challenge manager."""
    if not runs_every_review(by):
        raise exceptions.NotAllowed
    if not council.is_council:
        raise exceptions.Refused(_("Choose a council: only councils have a peer challenge."))
    _check_dates(on_site_starts, on_site_ends)
    with transaction.atomic():
        review = Review.objects.create(
            council=council,
            title=_clean(title) or str(Review._meta.get_field("title").default),
            focus_areas=_clean(focus_areas),
            on_site_starts=on_site_starts,
            on_site_ends=on_site_ends,
            created_by=by,
        )
        Participant.objects.create(
            review=review, person=manager or by, role=Role.MANAGER, added_by=by
        )
        log(review, "peer_review.review.create", user=by)
    return review


def _check_dates(starts, ends) -> None:
    if ends < starts:
        raise exceptions.Refused(
            _("The last day on site must be the same as or after the first day.")
        )
    if (ends - starts).days > 14:
        raise exceptions.Refused(_("A visit on site lasts two weeks at most."))


def change_scope(
    *, review: Review, by: User, title: str, focus_areas: str, on_site_starts, on_site_ends
) -> Review:
    with transaction.atomic():
        review = _access(review, by, "changes_dates").review
        _check_dates(on_site_starts, on_site_ends)
        review.title = _clean(title) or review.title
        review.focus_areas = _clean(focus_areas)
        review.on_site_starts, review.on_site_ends = on_site_starts, on_site_ends
        review.save(update_fields=["title", "focus_areas", "on_site_starts", "on_site_ends"])
        log(review, "peer_review.review.scope", user=by)
    return review


def add_participant(
    *, review: Review, person: User, role: str, by: User, political_group: str = ""
) -> Participant:
    """Put someone on the peer team or make them one of the council's nominated contacts."""
    if role not in Role.values:
        raise exceptions.Refused(_("Choose one of the roles in a peer challenge."))
    with transaction.atomic():
        review = _access(review, by, "changes_people").review
        from_council = person.organisation_id == review.council_id
        if role == Role.COUNCIL_CONTACT and not from_council:
            raise exceptions.Refused(
                _("A nominated contact must work for %(council)s.") % {"council": review.council}
            )
        if role != Role.COUNCIL_CONTACT and from_council:
            raise exceptions.Refused(
                _("Peers come from other councils: %(name)s works for the council under review.")
                % {"name": person.full_name}
            )
        if review.participants.filter(person=person).exists():
            raise exceptions.Refused(
                _("%(name)s already has a part in this review.") % {"name": person.full_name}
            )
        if role == Role.LEAD_PEER and review.participants.filter(role=Role.LEAD_PEER).exists():
            raise exceptions.Refused(_("The review has a lead peer already. Remove them first."))
        group = political_group or person.political_group
        if role == Role.MEMBER_PEER and not group:
            raise exceptions.Refused(_("Choose the member peer's political group."))
        participant = Participant.objects.create(
            review=review,
            person=person,
            role=role,
            political_group=group if role == Role.MEMBER_PEER else "",
            added_by=by,
        )
        log(
            review,
            "peer_review.review.add_person",
            user=by,
            data={"person": person.pk, "role": role},
        )
        if role == Role.COUNCIL_CONTACT and review.stage == Stage.POSITION_STATEMENT:
            notifications.notify(
                review=review, kind=NotificationKind.STATEMENT_REQUESTED, people=[person.pk]
            )
    return participant


def remove_participant(*, participant: Participant, by: User) -> None:
    with transaction.atomic():
        review = _access(participant.review_id, by, "changes_people").review
        managers = review.participants.filter(role=Role.MANAGER)
        if participant.role == Role.MANAGER and managers.count() == 1:
            raise exceptions.Refused(
                _("A review needs an LGA peer challenge manager. Add another one first.")
            )
        participant.delete()
        log(
            review,
            "peer_review.review.remove_person",
            user=by,
            data={"person": participant.person_id, "role": participant.role},
        )


def pick_questions(*, review: Review, questions, by: User) -> Review:
    """Set the digital questions in the review's lines of enquiry. A question picked keeps
    the version it was picked at; a new one is asked as the bank has it now."""
    with transaction.atomic():
        review = _access(review, by, "scopes").review
        wanted = {question.pk: question for question in questions}
        kept = set(review.asked.filter(question__in=wanted).values_list("question", flat=True))
        new = [question for pk, question in wanted.items() if pk not in kept]
        retired = [question.code for question in new if not question.is_active]
        if retired:
            raise exceptions.Refused(
                _("%(codes)s is no longer offered to new reviews.") % {"codes": ", ".join(retired)}
            )
        review.asked.exclude(question__in=wanted).delete()
        AskedQuestion.objects.bulk_create(
            [
                AskedQuestion(review=review, question=question, version=question.current)
                for question in new
            ]
        )
        log(
            review,
            "peer_review.review.questions",
            user=by,
            data={"questions": sorted(question.code for question in wanted.values())},
        )
    return review


# --- Moving on --------------------------------------------------------------------------------


def advance(*, review: Review, by: User) -> Review:
    """Move the review to its next stage, when what this stage needs is done. (From the
    report stage, `publish` moves it on.)"""
    with transaction.atomic():
        review = _access(review, by, "advances").review
        reason = not_ready(review)
        if reason:
            raise exceptions.NotYetReady(reason)
        _move(review, NEXT_STAGE[review.stage], by=by)
        if review.stage == Stage.POSITION_STATEMENT:
            notifications.notify(
                review=review,
                kind=NotificationKind.STATEMENT_REQUESTED,
                people=_people(review, Role.COUNCIL_CONTACT),
            )
    return review


def _move(review: Review, stage: str, *, by: User, fields=()) -> None:
    was = review.stage
    review.stage, review.stage_changed_at = stage, timezone.now()
    review.save(update_fields=["stage", "stage_changed_at", *fields])
    log(review, "peer_review.review.stage", user=by, data={"from": was, "to": stage})


def _people(review: Review, *roles) -> list[int]:
    return list(
        review.participants.filter(role__in=roles, person__is_active=True).values_list(
            "person", flat=True
        )
    )


# --- The position statement -------------------------------------------------------------------


def save_statement(
    *, review: Review, by: User, overview: str, answers: dict, submit: bool = False
) -> Review:
    """Save the council's answers (by asked question's id) as a draft, or submit them. What
    is typed is saved even when a submission is refused for a missing answer."""
    with transaction.atomic():
        review = _access(review, by, "answers_statement").review
        now = timezone.now()
        review.statement_overview = _clean(overview)
        review.save(update_fields=["statement_overview"])
        for asked in review.asked.filter(pk__in=answers):
            text = _clean(answers[asked.pk])
            if text != asked.answer:
                asked.answer, asked.answered_at, asked.answered_by = text, now, by
                asked.save(update_fields=["answer", "answered_at", "answered_by"])
        log(review, "peer_review.statement.save", user=by)
    if not submit:
        return review
    with transaction.atomic():
        review = _access(review, by, "answers_statement").review
        missing = review.asked.filter(answer="").count()
        if missing:
            raise exceptions.Refused(
                ngettext(
                    "Answer every question before you submit: %(n)d is not answered yet. "
                    "Your answers are saved as a draft.",
                    "Answer every question before you submit: %(n)d are not answered yet. "
                    "Your answers are saved as a draft.",
                    missing,
                )
                % {"n": missing}
            )
        review.statement_submitted_at, review.statement_submitted_by = timezone.now(), by
        review.save(update_fields=["statement_submitted_at", "statement_submitted_by"])
        log(review, "peer_review.statement.submit", user=by)
    return review


# --- Findings ---------------------------------------------------------------------------------


def _check_finding(kind: str, text: str, signposts) -> str:
    if kind not in Kind.values:
        raise exceptions.Refused(
            _("Choose whether it is a strength, an area to explore or a recommendation.")
        )
    text = _clean(text)
    if not text:
        raise exceptions.Refused(_("Enter the finding."))
    if kind == Kind.RECOMMENDATION and not signposts:
        raise exceptions.Refused(
            _("Signpost at least one piece of good practice for a recommendation.")
        )
    return text


def record_finding(
    *,
    review: Review,
    by: User,
    kind: str,
    text: str,
    asked: AskedQuestion | None = None,
    core_element: CoreElement | None = None,
    signposts=(),
) -> Finding:
    """Record a finding for a question asked, or for a core element as a whole."""
    text = _check_finding(kind, text, signposts)
    with transaction.atomic():
        review = _access(review, by, "records_findings").review
        if asked is not None:
            if asked.review_id != review.pk:
                raise exceptions.NotAllowed
            core_element = asked.version.core_element
        if core_element is None:
            raise exceptions.Refused(_("Choose the core element the finding is about."))
        now = timezone.now()
        finding = Finding.objects.create(
            review=review,
            core_element=core_element,
            asked=asked,
            kind=kind,
            text=text,
            recorded_by=by,
            recorded_at=now,
            updated_by=by,
            updated_at=now,
        )
        finding.signposts.set(signposts)
        log(review, "peer_review.finding.add", user=by, data={"finding": finding.pk})
    return finding


def change_finding(*, finding: Finding, by: User, kind: str, text: str, signposts=()) -> Finding:
    text = _check_finding(kind, text, signposts)
    with transaction.atomic():
        _access(finding.review_id, by, "records_findings")
        finding.kind, finding.text = kind, text
        finding.updated_by, finding.updated_at = by, timezone.now()
        finding.save(update_fields=["kind", "text", "updated_by", "updated_at"])
        finding.signposts.set(signposts)
        log(finding.review, "peer_review.finding.edit", user=by, data={"finding": finding.pk})
    return finding


def delete_finding(*, finding: Finding, by: User) -> None:
    with transaction.atomic():
        review = _access(finding.review_id, by, "records_findings").review
        if finding.actions.exists():
            raise exceptions.Refused(_("An action in the plan answers this finding."))
        log(review, "peer_review.finding.delete", user=by, data={"text": finding.text[:200]})
        finding.delete()


# --- The report -------------------------------------------------------------------------------


def save_report(*, review: Review, by: User, summary: str, send: bool = False) -> Review:
    """Save the manager's summary and, when `send`, send the draft to the council's
    contacts to check for factual errors."""
    with transaction.atomic():
        review = _access(review, by, "writes_report").review
        review.report_summary = _clean(summary)
        review.save(update_fields=["report_summary"])
        log(review, "peer_review.report.save", user=by)
        if send:
            if not review.report_summary:
                raise exceptions.Refused(_("Write the summary before you send the report."))
            review.report_sent_at = timezone.now()
            review.save(update_fields=["report_sent_at"])
            log(review, "peer_review.report.send", user=by)
            notifications.notify(
                review=review,
                kind=NotificationKind.REPORT_TO_CHECK,
                people=_people(review, Role.COUNCIL_CONTACT),
            )
    return review


def raise_correction(*, finding: Finding, by: User, proposed_text: str, reason: str) -> Correction:
    """The council points out a factual error in a finding and proposes the right words."""
    proposed_text, reason = _clean(proposed_text), _clean(reason)
    if not reason:
        raise exceptions.Refused(_("Say what is factually wrong."))
    if not proposed_text:
        raise exceptions.Refused(_("Enter the corrected wording."))
    if proposed_text == finding.text:
        raise exceptions.Refused(_("The corrected wording is the same as the report's."))
    with transaction.atomic():
        review = _access(finding.review_id, by, "corrects_report").review
        correction = Correction.objects.create(
            review=review,
            finding=finding,
            was_text=finding.text,
            proposed_text=proposed_text,
            reason=reason,
            raised_by=by,
        )
        log(review, "peer_review.correction.raise", user=by, data={"finding": finding.pk})
        notifications.notify(
            review=review,
            kind=NotificationKind.CORRECTION_RAISED,
            people=_people(review, Role.MANAGER),
            occasion=f"correction-{correction.pk}",
        )
    return correction


def decide_correction(
    *, correction: Correction, by: User, accept: bool, response: str = ""
) -> Correction:
    """Accept a correction (the finding takes the corrected words) or decline it, saying
    why: a correction that changes a judgement rather than a fact is declined."""
    response = _clean(response)
    with transaction.atomic():
        review = _access(correction.review_id, by, "decides_corrections").review
        correction = Correction.objects.select_for_update().get(pk=correction.pk)
        if correction.status != Correction.Status.OPEN:
            raise exceptions.Refused(_("This correction has been decided already."))
        if not accept and not response:
            raise exceptions.Refused(_("Say why the correction is declined."))
        correction.status = Correction.Status.ACCEPTED if accept else Correction.Status.DECLINED
        correction.response, correction.decided_by = response, by
        correction.decided_at = timezone.now()
        correction.save(update_fields=["status", "response", "decided_by", "decided_at"])
        if accept:
            finding = correction.finding
            finding.text, finding.updated_by, finding.updated_at = (
                correction.proposed_text,
                by,
                correction.decided_at,
            )
            finding.save(update_fields=["text", "updated_by", "updated_at"])
        log(
            review,
            "peer_review.correction.decide",
            user=by,
            data={"correction": correction.pk, "accepted": accept},
        )
    return correction


def agree_report(*, review: Review, by: User) -> Review:
    """The council agrees the report may be published, once its corrections are decided."""
    with transaction.atomic():
        review = _access(review, by, "corrects_report").review
        if review.corrections.filter(status=Correction.Status.OPEN).exists():
            raise exceptions.Refused(
                _("The manager has not decided every correction yet. Agree once they have.")
            )
        review.report_agreed_at, review.report_agreed_by = timezone.now(), by
        review.save(update_fields=["report_agreed_at", "report_agreed_by"])
        log(review, "peer_review.report.agree", user=by)
    return review


def publish(*, review: Review, by: User) -> Review:
    """Publish the report the council agreed: it becomes public, and the council's action
    plan is due next."""
    with transaction.atomic():
        review = _access(review, by, "publishes").review
        review.published_at, review.published_by = timezone.now(), by
        _move(review, Stage.ACTION_PLAN, by=by, fields=["published_at", "published_by"])
        log(review, "peer_review.report.publish", user=by)
        notifications.notify(
            review=review,
            kind=NotificationKind.PUBLISHED,
            people=_people(review, *Role.values),
        )
    return review


# --- The action plan and the progress review --------------------------------------------------


def save_action(
    *,
    review: Review,
    by: User,
    text: str,
    owner: str,
    due_on,
    recommendation: Finding | None = None,
    status: str = Action.Status.PLANNED,
    progress: str = "",
    action: Action | None = None,
) -> Action:
    """Add an action to the council's plan, or change one (its progress, later on)."""
    text, owner = _clean(text), _clean(owner)
    if not text:
        raise exceptions.Refused(_("Enter the action."))
    if not owner:
        raise exceptions.Refused(_("Enter who owns the action."))
    if status not in Action.Status.values:
        raise exceptions.Refused(_("Choose how far the action has got."))
    with transaction.atomic():
        review = _access(review, by, "edits_action_plan").review
        if recommendation is not None and (
            recommendation.review_id != review.pk or recommendation.kind != Kind.RECOMMENDATION
        ):
            raise exceptions.Refused(_("Choose one of the report's recommendations."))
        if due_on < review.on_site_ends:
            raise exceptions.Refused(_("The date an action is due must be after the visit."))
        if action is None:
            action = Action(review=review)
        elif action.review_id != review.pk:
            raise exceptions.NotAllowed
        action.text, action.owner, action.due_on = text, owner, due_on
        action.recommendation, action.status = recommendation, status
        action.progress = _clean(progress)
        action.updated_by, action.updated_at = by, timezone.now()
        adding = action.pk is None
        action.save()
        log(
            review,
            "peer_review.action.add" if adding else "peer_review.action.edit",
            user=by,
            data={"action": action.pk},
        )
    return action


def delete_action(*, action: Action, by: User) -> None:
    with transaction.atomic():
        review = _access(action.review_id, by, "edits_action_plan").review
        if review.action_plan_submitted_at is not None:
            raise exceptions.Refused(
                _("The plan is submitted: mark the action done or say what changed instead.")
            )
        log(review, "peer_review.action.delete", user=by, data={"text": action.text[:200]})
        action.delete()


def submit_action_plan(*, review: Review, by: User) -> Review:
    with transaction.atomic():
        review = _access(review, by, "edits_action_plan").review
        if review.action_plan_submitted_at is not None:
            raise exceptions.Refused(_("The action plan is submitted already."))
        if not review.actions.exists():
            raise exceptions.Refused(_("Add at least one action before you submit the plan."))
        review.action_plan_submitted_at, review.action_plan_submitted_by = timezone.now(), by
        review.save(update_fields=["action_plan_submitted_at", "action_plan_submitted_by"])
        log(review, "peer_review.action_plan.submit", user=by)
    return review


def record_progress_review(*, review: Review, by: User, held_on, notes: str) -> Review:
    notes = _clean(notes)
    if not notes:
        raise exceptions.Refused(_("Enter what the progress review found."))
    with transaction.atomic():
        review = _access(review, by, "records_progress_review").review
        if held_on < review.on_site_ends:
            raise exceptions.Refused(_("The progress review comes after the visit on site."))
        if held_on > timezone.localdate():
            raise exceptions.Refused(_("Record the progress review once it has been held."))
        review.progress_review_held_on, review.progress_review_notes = held_on, notes
        review.save(update_fields=["progress_review_held_on", "progress_review_notes"])
        log(review, "peer_review.progress_review.record", user=by)
    return review
