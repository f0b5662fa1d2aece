"""Reads of peer challenges, each through the viewer.

A review exists only for the people with a part in it (its peer team and the council's
nominated contacts) and for LGA staff who run peer challenges, until its report is
published; then the report, and only the report, is public. `review_for` is the one way in:
it says what the viewer has to do with the review, and each page's selector below takes what
it answered and gives only what that allows. For anyone else the review does not exist."""

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models import Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from academy.models import Organisation, User

from .models import (
    Action,
    AskedQuestion,
    CoreElement,
    Correction,
    Finding,
    Participant,
    Question,
    Review,
)

MANAGE_PERMISSION = "peer_review.manage_reviews"
Stage = Review.Stage
Role = Participant.Role


def runs_every_review(viewer) -> bool:
    return bool(
        viewer
        and viewer.is_authenticated
        and viewer.is_active
        and viewer.has_perm(MANAGE_PERMISSION)
    )


def reviews_visible_to(viewer) -> QuerySet[Review]:
    """Every review the viewer may know of: those they have a part in and published ones
    (LGA staff who run peer challenges: all of them)."""
    reviews = Review.objects.select_related("council")
    if runs_every_review(viewer):
        return reviews
    published = Q(published_at__isnull=False)
    if viewer and viewer.is_authenticated and viewer.is_active:
        return reviews.filter(
            published | Q(pk__in=Participant.objects.filter(person=viewer).values("review"))
        )
    return reviews.filter(published)


@dataclass(frozen=True)
class ReviewAccess:
    """What one viewer may do with one review at its stage now."""

    review: Review
    viewer: User | None
    roles: frozenset[str] = frozenset()
    staff: bool = False  # runs every peer challenge

    # Who they are in it.
    @property
    def manages(self) -> bool:
        return self.staff or Role.MANAGER in self.roles

    @property
    def on_team(self) -> bool:
        return bool(self.roles & set(Participant.TEAM))

    @property
    def council(self) -> bool:
        return Role.COUNCIL_CONTACT in self.roles

    @property
    def has_part(self) -> bool:
        return self.staff or bool(self.roles)

    def _at(self, *stages) -> bool:
        return self.review.stage in stages

    # What they may see.
    @property
    def sees_review(self) -> bool:
        return self.has_part

    @property
    def sees_statement(self) -> bool:
        """The council drafts it in private; everyone with a part reads it once submitted."""
        review = self.review
        drafting = self.council and review.reached(Stage.POSITION_STATEMENT)
        return drafting or (self.has_part and review.statement_submitted_at is not None)

    @property
    def sees_findings(self) -> bool:
        """The team's own working from the visit on; the council's from the feedback."""
        review = self.review
        team = (self.staff or self.on_team) and review.reached(Stage.ON_SITE)
        return team or (self.council and review.reached(Stage.FEEDBACK))

    @property
    def sees_report(self) -> bool:
        review = self.review
        if review.is_published:
            return True
        drafting = (self.staff or self.on_team) and review.reached(Stage.REPORT)
        return drafting or (self.council and review.report_sent_at is not None)

    @property
    def sees_corrections(self) -> bool:
        return self.has_part and self.review.report_sent_at is not None

    @property
    def sees_action_plan(self) -> bool:
        return self.has_part and self.review.reached(Stage.ACTION_PLAN)

    # What they may change.
    @property
    def scopes(self) -> bool:
        """Picks the questions into the lines of enquiry."""
        return self.manages and self._at(Stage.SCOPING)

    @property
    def changes_dates(self) -> bool:
        return self.manages and self._at(Stage.SCOPING, Stage.POSITION_STATEMENT)

    @property
    def changes_people(self) -> bool:
        return self.manages and not self._at(Stage.COMPLETED)

    @property
    def answers_statement(self) -> bool:
        review = self.review
        return (
            self.council
            and self._at(Stage.POSITION_STATEMENT)
            and review.statement_submitted_at is None
        )

    @property
    def records_findings(self) -> bool:
        return (self.staff or self.on_team) and self._at(Stage.ON_SITE, Stage.FEEDBACK)

    @property
    def writes_report(self) -> bool:
        return self.manages and self._at(Stage.REPORT) and self.review.report_sent_at is None

    @property
    def corrects_report(self) -> bool:
        """The council may point out factual errors, and only that, in the draft it is sent."""
        review = self.review
        return (
            self.council
            and self._at(Stage.REPORT)
            and review.report_sent_at is not None
            and review.report_agreed_at is None
        )

    @property
    def decides_corrections(self) -> bool:
        return self.manages and self._at(Stage.REPORT) and self.review.report_sent_at is not None

    @property
    def publishes(self) -> bool:
        return self.manages and self._at(Stage.REPORT) and self.review.report_agreed_at is not None

    @property
    def edits_action_plan(self) -> bool:
        return (self.council or self.manages) and self._at(Stage.ACTION_PLAN, Stage.PROGRESS_REVIEW)

    @property
    def records_progress_review(self) -> bool:
        return self.manages and self._at(Stage.PROGRESS_REVIEW)

    @property
    def advances(self) -> bool:
        """Moves the review on (from the report stage, publishing does)."""
        return self.manages and not self._at(Stage.REPORT, Stage.COMPLETED)


def access_to(review: Review, viewer) -> ReviewAccess:
    """What `viewer` may do with a review already found for them."""
    signed_in = bool(viewer and viewer.is_authenticated and viewer.is_active)
    roles = frozenset(
        Participant.objects.filter(review=review, person=viewer).values_list("role", flat=True)
        if signed_in
        else ()
    )
    return ReviewAccess(
        review=review,
        viewer=viewer if signed_in else None,
        roles=roles,
        staff=runs_every_review(viewer),
    )


def review_for(*, viewer, pk, lock: bool = False) -> ReviewAccess | None:
    """A review and what the viewer may do with it, or None when it is not theirs to know
    of. `lock` holds the review's row until the transaction ends (for a change)."""
    reviews = reviews_visible_to(viewer)
    if lock:
        reviews = reviews.select_for_update(of=("self",))
    review = reviews.filter(pk=pk).first()
    return None if review is None else access_to(review, viewer)


def not_ready(review: Review) -> str:
    """Why the review cannot move on from its stage yet, or "" when it can."""
    people = set(review.participants.values_list("role", flat=True))
    if review.stage == Stage.SCOPING:
        if not review.asked.exists():
            return _("Pick at least one digital question into the lines of enquiry.")
        if Role.LEAD_PEER not in people:
            return _("Add the lead peer to the team.")
        if Role.COUNCIL_CONTACT not in people:
            return _("Add at least one nominated contact at the council.")
    if review.stage == Stage.POSITION_STATEMENT and review.statement_submitted_at is None:
        return _("The council has not submitted its position statement yet.")
    if review.stage in (Stage.ON_SITE, Stage.FEEDBACK) and not review.findings.exists():
        return _("Record at least one finding first.")
    if review.stage == Stage.ACTION_PLAN and review.action_plan_submitted_at is None:
        return _("The council has not submitted its action plan yet.")
    if review.stage == Stage.PROGRESS_REVIEW and review.progress_review_held_on is None:
        return _("Record what the progress review found first.")
    return ""


# --- The lists --------------------------------------------------------------------------------


def reviews_of(viewer) -> QuerySet[Review]:
    """The reviews the viewer has a part in (LGA staff who run them: all), newest first."""
    reviews = reviews_visible_to(viewer)
    if runs_every_review(viewer):
        return reviews
    return reviews.filter(participants__person=viewer).distinct()


def published_reports(viewer) -> QuerySet[Review]:
    return (
        reviews_visible_to(viewer)
        .filter(published_at__isnull=False)
        .order_by("-published_at", "-pk")
    )


# --- One review's parts -----------------------------------------------------------------------


def people_of(access: ReviewAccess) -> list[Participant]:
    """The team and the council's contacts, for those with a part in the review."""
    if not access.sees_review:
        return []
    return list(
        access.review.participants.select_related("person", "person__organisation").order_by(
            "role", "person__full_name"
        )
    )


@dataclass
class ElementQuestions:
    core_element: CoreElement
    asked: list[AskedQuestion] = field(default_factory=list)


def _asked(review: Review) -> list[AskedQuestion]:
    return list(
        review.asked.select_related("version", "version__core_element", "question").order_by(
            "version__core_element__sort_order", "question__code"
        )
    )


def _by_element(asked: list[AskedQuestion]) -> list[ElementQuestions]:
    groups: dict[int, ElementQuestions] = {}
    for one in asked:
        element = one.version.core_element
        groups.setdefault(element.pk, ElementQuestions(element)).asked.append(one)
    return list(groups.values())


def lines_of_enquiry(access: ReviewAccess) -> list[ElementQuestions]:
    """The digital questions the review asks, as they were asked, by core element."""
    if not access.sees_review:
        return []
    return _by_element(_asked(access.review))


def questions_to_pick(access: ReviewAccess) -> QuerySet[Question]:
    """The bank's questions offered at scoping: active ones, and any already picked."""
    if not access.scopes:
        return Question.objects.none()
    picked = access.review.asked.values("question")
    return Question.objects.filter(Q(is_active=True) | Q(pk__in=picked)).select_related(
        "core_element"
    )


def statement_for(access: ReviewAccess) -> list[ElementQuestions] | None:
    """The position statement: the questions with the council's answers."""
    if not access.sees_statement:
        return None
    return _by_element(_asked(access.review))


# --- Findings ---------------------------------------------------------------------------------


@dataclass
class QuestionFindings:
    asked: AskedQuestion | None  # None: about the core element as a whole
    findings: list[Finding] = field(default_factory=list)


@dataclass
class ElementFindings:
    core_element: CoreElement
    questions: list[QuestionFindings] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(group.findings) for group in self.questions)


def _findings(review: Review) -> list[Finding]:
    return list(
        review.findings.select_related(
            "core_element", "asked__question", "asked__version", "recorded_by"
        ).prefetch_related(
            Prefetch("signposts", to_attr="signposted"),
            Prefetch(
                "corrections",
                queryset=Correction.objects.order_by("raised_at", "pk"),
                to_attr="all_corrections",
            ),
        )
    )


def _findings_by_element(review: Review, *, all_elements: bool) -> list[ElementFindings]:
    """Every finding under its core element and question, in the order of the elements and
    then the questions, those about the element as a whole first."""
    asked = _asked(review)
    findings = _findings(review)
    elements = list(CoreElement.objects.all())
    by_question: dict[tuple[int, int | None], list[Finding]] = defaultdict(list)
    for finding in findings:
        by_question[(finding.core_element_id, finding.asked_id)].append(finding)
    result = []
    for element in elements:
        groups = [QuestionFindings(None, by_question.get((element.pk, None), []))]
        groups += [
            QuestionFindings(one, by_question.get((element.pk, one.pk), []))
            for one in asked
            if one.version.core_element_id == element.pk
        ]
        group = ElementFindings(element, groups)
        if all_elements or group.count:
            result.append(group)
    return result


def findings_for(access: ReviewAccess) -> list[ElementFindings] | None:
    """The team's findings, by core element and question, with every question asked (so
    the team sees where it has found nothing yet)."""
    if not access.sees_findings:
        return None
    return _findings_by_element(access.review, all_elements=True)


def finding_for(access: ReviewAccess, pk) -> Finding | None:
    if not access.sees_findings:
        return None
    return (
        access.review.findings.select_related("asked__question", "asked__version")
        .filter(pk=pk)
        .first()
    )


def asked_for(access: ReviewAccess, pk) -> AskedQuestion | None:
    if not access.sees_review:
        return None
    return (
        access.review.asked.select_related("version", "version__core_element", "question")
        .filter(pk=pk)
        .first()
    )


def signpost_candidates(access: ReviewAccess, *, asked: AskedQuestion | None, query: str = ""):
    """Good practice a finding could signpost: what its question signposts, what the
    good-practice database holds on the question's themes, and what a search found."""
    from good_practice import selectors as good_practice

    viewer = access.viewer
    visible = good_practice.practice_visible_to(viewer)
    chosen_ids: list[int] = []
    if asked is not None:
        chosen_ids += list(
            asked.version.case_studies.filter(pk__in=visible.values("pk")).values_list(
                "pk", flat=True
            )
        )
        chosen_ids += [
            listed.page.pk
            for listed in good_practice.practice_for(
                viewer=viewer, themes=list(asked.version.themes.all()), limit=6
            )
        ]
    if query:
        found = good_practice.search_practice(viewer=viewer, params=QueryDict(f"q={quote(query)}"))
        chosen_ids += [listed.page.pk for listed in found.results]
    return visible, list(dict.fromkeys(chosen_ids))


# --- The report -------------------------------------------------------------------------------


@dataclass
class Report:
    review: Review
    elements: list[ElementFindings]
    people: list[Participant]
    recommendations: list[Finding]
    corrections: list[Correction]
    open_corrections: int


def report_for(access: ReviewAccess) -> Report | None:
    """The report, assembled from the findings: the team's names and roles, the summary,
    the findings by core element with their signposts. Corrections are for those with a
    part in the review, never the public."""
    if not access.sees_report:
        return None
    review = access.review
    elements = _findings_by_element(review, all_elements=False)
    recommendations = [
        finding
        for element in elements
        for group in element.questions
        for finding in group.findings
        if finding.kind == Finding.Kind.RECOMMENDATION
    ]
    corrections = []
    if access.sees_corrections:
        corrections = list(review.corrections.select_related("finding", "raised_by", "decided_by"))
    team = [
        person
        for person in review.participants.select_related("person", "person__organisation")
        if person.on_team
    ]
    return Report(
        review=review,
        elements=elements,
        people=team,
        recommendations=recommendations,
        corrections=corrections,
        open_corrections=sum(c.status == Correction.Status.OPEN for c in corrections),
    )


def correction_for(access: ReviewAccess, pk) -> Correction | None:
    if not access.sees_corrections:
        return None
    return access.review.corrections.select_related("finding").filter(pk=pk).first()


# --- The action plan --------------------------------------------------------------------------


def action_plan_for(access: ReviewAccess) -> list[Action] | None:
    if not access.sees_action_plan:
        return None
    return list(
        access.review.actions.select_related("recommendation", "updated_by").order_by(
            "due_on", "pk"
        )
    )


def action_for(access: ReviewAccess, pk) -> Action | None:
    if not access.sees_action_plan:
        return None
    return access.review.actions.filter(pk=pk).first()


def recommendations_of(access: ReviewAccess) -> QuerySet[Finding]:
    """The report's recommendations, which the council's actions answer."""
    if not access.sees_action_plan:
        return Finding.objects.none()
    return access.review.findings.filter(kind=Finding.Kind.RECOMMENDATION)


# --- Choosing people --------------------------------------------------------------------------


def people_to_add(access: ReviewAccess, *, role: str) -> QuerySet[User]:
    """Whom a manager may add in a role: council contacts from the council, peers from
    anywhere else; never someone already in the review."""
    if not access.changes_people:
        return User.objects.none()
    people = User.objects.filter(is_active=True).exclude(
        pk__in=access.review.participants.values("person")
    )
    if role == Role.COUNCIL_CONTACT:
        people = people.filter(organisation=access.review.council_id)
    else:
        people = people.exclude(organisation=access.review.council_id)
    return people.select_related("organisation").order_by("full_name")


def councils() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind__in=Organisation.COUNCIL_KINDS).order_by("name")
