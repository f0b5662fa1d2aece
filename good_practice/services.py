"""Changes to the good-practice database that members make, and what follows: a member submits
a case study through the site; it waits, unpublished, in the LGA's moderation workflow; LGA
staff edit and publish it in Wagtail; the submitter hears by email at each step.

Each email is recorded as a `SubmissionEmail` row (unique per step and occasion) in the same
transaction as the step, and sent after the commit by `deliver_pending`, once."""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from academy.emails import send_email
from academy.exceptions import AcademyError, PermissionDenied
from academy.models import User
from cms_pages.models import (
    CaseStudyOrganisation,
    CaseStudyOutcome,
    CaseStudyPage,
    GoodPracticeIndexPage,
    OutcomeMeasure,
    PracticeKind,
    PracticeRegion,
    Theme,
)

from .models import CouncilType, Sector, ServiceArea, Submission, SubmissionEmail

logger = logging.getLogger(__name__)

SUBMISSIONS_PER_DAY = 5
MAX_ATTEMPTS = 5
TEXT_MAX_LENGTH = 4000


class InvalidSubmission(AcademyError):
    message = _("Check the case study and try again.")


class TooManySubmissions(AcademyError):
    message = _(
        "You have sent in %(count)s case studies in the last day. Wait until tomorrow, or "
        "email the LGA team, who can add more for you."
    ) % {"count": SUBMISSIONS_PER_DAY}


@dataclass(frozen=True)
class Outcome:
    measure: str
    figure: str
    description: str
    how_measured: str = ""


@dataclass(frozen=True)
class CaseStudyDetails:
    """What a member tells us about their practice."""

    title: str
    kind: str
    summary: str
    organisation: str
    sector: Sector
    region: str
    service_areas: list[ServiceArea]
    themes: list[Theme]
    problem: str
    approach: str
    council_type: CouncilType | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    cost: str = ""
    what_worked: str = ""
    what_to_avoid: str = ""
    applies_to_service_areas: list[ServiceArea] = field(default_factory=list)
    applies_to_council_types: list[CouncilType] = field(default_factory=list)
    contact_details: str = ""


def _as_rich_text(text: str) -> str:
    """Plain text as paragraphs of rich text, every character escaped."""
    return linebreaks(escape(text.strip())) if text.strip() else ""


def check_details(details: CaseStudyDetails) -> None:
    """The rules the form checks too, kept here so that every caller keeps them."""
    problems = []
    if details.kind not in PracticeKind.values:
        problems.append(_("Choose what kind of practice it is."))
    if details.region not in PracticeRegion.values:
        problems.append(_("Choose the region."))
    if not details.service_areas:
        problems.append(_("Choose at least one service area it was done in."))
    if not details.themes:
        problems.append(_("Choose at least one outcome theme."))
    if details.sector.is_local_government and details.council_type is None:
        problems.append(_("Choose the type of council."))
    if not details.sector.is_local_government and details.council_type is not None:
        problems.append(_("Only a council has a type of council."))
    both = set(details.service_areas) & set(details.applies_to_service_areas)
    if both:
        problems.append(
            _("%(areas)s cannot be both a service it was done in and one it could apply to.")
            % {"areas": ", ".join(sorted(area.name for area in both))}
        )
    if details.council_type is not None and details.council_type in set(
        details.applies_to_council_types
    ):
        problems.append(
            _("It was done by a %(type)s: choose other types of council it could apply to.")
            % {"type": details.council_type.name.lower()}
        )
    for name, text in (
        ("problem", details.problem),
        ("approach", details.approach),
        ("what worked", details.what_worked),
        ("what to avoid", details.what_to_avoid),
    ):
        if len(text) > TEXT_MAX_LENGTH:
            problems.append(
                _("%(name)s must be %(limit)s characters or fewer.")
                % {"name": name.capitalize(), "limit": f"{TEXT_MAX_LENGTH:,}"}
            )
    for outcome in details.outcomes:
        if outcome.measure not in OutcomeMeasure.values:
            problems.append(_("Choose what the outcome measures."))
    if problems:
        raise InvalidSubmission(" ".join(problems))


def _free_slug(index: Page, title: str) -> str:
    base = slugify(title)[:70] or "case-study"
    taken = set(
        Page.objects.child_of(index).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def submit_case_study(
    *, index: GoodPracticeIndexPage, details: CaseStudyDetails, by: User
) -> Submission:
    """Send in a case study: it becomes a draft under the database, submitted to the
    moderation workflow, and stays out of search and feeds until LGA staff publish it. The
    submitter is told it has arrived."""
    if not (by.is_authenticated and by.is_active):
        raise PermissionDenied(_("Sign in to send in a case study."))
    check_details(details)
    since = timezone.now() - timedelta(days=1)
    if Submission.objects.filter(submitted_by=by, submitted_at__gte=since).count() >= (
        SUBMISSIONS_PER_DAY
    ):
        raise TooManySubmissions()
    with transaction.atomic():
        # One submission at a time per index: two at once would pick the same free slug.
        index = GoodPracticeIndexPage.objects.select_for_update().get(pk=index.pk)
        page = CaseStudyPage(
            title=details.title.strip(),
            slug=_free_slug(index, details.title),
            kind=details.kind,
            summary=details.summary.strip(),
            region=details.region,
            problem=_as_rich_text(details.problem),
            approach=_as_rich_text(details.approach),
            cost=details.cost.strip(),
            what_worked=_as_rich_text(details.what_worked),
            what_to_avoid=_as_rich_text(details.what_to_avoid),
            contact_details=details.contact_details.strip(),
            live=False,
            owner=by,
        )
        page.organisations = [
            CaseStudyOrganisation(
                name=details.organisation.strip(),
                sector=details.sector,
                council_type=details.council_type,
            )
        ]
        page.outcomes = [
            CaseStudyOutcome(
                measure=outcome.measure,
                figure=outcome.figure.strip(),
                description=outcome.description.strip(),
                how_measured=outcome.how_measured.strip(),
            )
            for outcome in details.outcomes
        ]
        page.service_areas = details.service_areas
        page.themes = details.themes
        page.applies_to_service_areas = details.applies_to_service_areas
        page.applies_to_council_types = details.applies_to_council_types
        index.add_child(instance=page)
        revision = page.save_revision(user=by, log_action=True)
        submission = Submission.objects.create(page=page, submitted_by=by)
        workflow = page.get_workflow()
        if workflow is not None:
            _quiet_wagtail_notifications(by)
            workflow.start(page, by)
        log(page, "good_practice.submit", user=by, revision=revision)
        _owe(submission, SubmissionEmail.Step.RECEIVED)
    return submission


def _quiet_wagtail_notifications(person: User) -> None:
    """Wagtail emails whoever started a workflow when it is approved or rejected, with links
    into the admin. A member cannot reach the admin, so they hear from us instead."""
    if person.has_perm("wagtailadmin.access_admin"):
        return
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(person)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


# --- Moderation steps (from Wagtail's signals) ------------------------------------------------


def _submission_of(page) -> Submission | None:
    return (
        Submission.objects.select_for_update()
        .select_related("submitted_by")
        .filter(page_id=page.pk)
        .first()
    )


def record_changes_requested(*, page, comment: str, occasion: str) -> None:
    """The LGA team sent a submission back with a question: tell the submitter what it is."""
    with transaction.atomic():
        submission = _submission_of(page)
        if submission is None:
            return
        submission.status = Submission.Status.CHANGES_REQUESTED
        submission.status_changed_at = timezone.now()
        submission.comment = comment.strip()
        submission.save(update_fields=["status", "status_changed_at", "comment"])
        _owe(submission, SubmissionEmail.Step.CHANGES_REQUESTED, occasion=occasion)


def record_published(*, page) -> None:
    """A submission went live: the submitter gets its address. Later edits tell nobody."""
    with transaction.atomic():
        submission = _submission_of(page)
        if submission is None or submission.status == Submission.Status.PUBLISHED:
            return
        submission.status = Submission.Status.PUBLISHED
        submission.status_changed_at = timezone.now()
        submission.comment = ""
        submission.save(update_fields=["status", "status_changed_at", "comment"])
        times = submission.emails.filter(step=SubmissionEmail.Step.PUBLISHED).count()
        _owe(submission, SubmissionEmail.Step.PUBLISHED, occasion=f"live-{times + 1}")


def record_unpublished(*, page) -> None:
    """A published submission was taken down: the submitter is told."""
    with transaction.atomic():
        submission = _submission_of(page)
        if submission is None or submission.status != Submission.Status.PUBLISHED:
            return
        submission.status = Submission.Status.UNPUBLISHED
        submission.status_changed_at = timezone.now()
        submission.save(update_fields=["status", "status_changed_at"])
        taken_down = submission.emails.filter(step=SubmissionEmail.Step.UNPUBLISHED).count()
        _owe(submission, SubmissionEmail.Step.UNPUBLISHED, occasion=f"down-{taken_down + 1}")


# --- Emails -----------------------------------------------------------------------------------


def _owe(submission: Submission, step: str, *, occasion: str = "") -> None:
    """Record that an email is owed (once per step and occasion), to be sent after commit."""
    from .tasks import deliver_submission_emails

    try:
        with transaction.atomic():
            SubmissionEmail.objects.create(submission=submission, step=step, occasion=occasion)
    except IntegrityError:
        return  # owed already: a signal delivered twice
    deliver_submission_emails.delay_on_commit()


def deliver_pending(*, limit: int = 200) -> int:
    """Send owed emails, oldest first; one that fails is retried on later runs."""
    sent = 0
    pending = list(
        SubmissionEmail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in pending:
        try:
            sent += deliver(email_id=pk)
        except Exception as error:
            logger.warning("Good-practice email %s was not sent: %r", pk, error)
            SubmissionEmail.objects.filter(pk=pk).update(
                attempts=F("attempts") + 1, last_error=repr(error)[:300]
            )
    return sent


def deliver(*, email_id: int) -> bool:
    """Send one owed email if nobody has yet, and mark it sent in the same transaction."""
    from django.conf import settings

    with transaction.atomic():
        email = (
            SubmissionEmail.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("submission__submitted_by", "submission__page")
            .filter(pk=email_id, sent_at__isnull=True)
            .first()
        )
        if email is None:
            return False
        submission = email.submission
        page = submission.page
        index = page.get_parent()
        context = {
            "person": submission.submitted_by,
            "submission": submission,
            "title": page.title,
            "page_url": f"{settings.SITE_URL}{page.url}" if page.live else "",
            "submissions_url": f"{settings.SITE_URL}{index.url}submissions/",
        }
        send_email(
            template=f"good_practice_{email.step.replace('-', '_')}",
            to=submission.submitted_by.email,
            context=context,
        )
        email.sent_at = timezone.now()
        email.attempts += 1
        email.save(update_fields=["sent_at", "attempts"])
    return True
