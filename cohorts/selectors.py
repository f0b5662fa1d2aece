"""Reads of cohorts that depend on who is looking. Participants see the cohorts they belong to
and each other; facilitators see the cohorts they run; LGA staff with `manage_cohorts` see
every cohort. Views ask here; nothing else decides."""

import re
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, Prefetch, Q, Sum, Value, When
from django.utils import timezone

from academy.models import Organisation, User
from learning.models import Certificate

from .models import (
    ActionPlan,
    Attendance,
    CalendarFeed,
    Cohort,
    CohortSession,
    Enrolment,
    PublicBody,
    SessionFeedback,
)

Status = Enrolment.Status


def _signed_in(viewer) -> bool:
    return bool(viewer and viewer.is_authenticated and viewer.is_active)


def runs_every_cohort(viewer) -> bool:
    return _signed_in(viewer) and viewer.has_perm("cohorts.manage_cohorts")


def can_manage_cohort(*, viewer, cohort: Cohort) -> bool:
    """LGA staff who run cohorts, and the cohort's own facilitators."""
    if not _signed_in(viewer):
        return False
    return runs_every_cohort(viewer) or cohort.facilitators.filter(pk=viewer.pk).exists()


def is_member(*, viewer, cohort: Cohort) -> bool:
    """Enrolled in the cohort (or completed it): sees its timetable and fellow participants."""
    return (
        _signed_in(viewer)
        and Enrolment.objects.filter(
            cohort=cohort, person=viewer, status__in=Enrolment.MEMBER_STATUSES
        ).exists()
    )


def _public_body_of(kind_path: str) -> Case:
    """In SQL, the kind of public body an organisation kind counts as (NULL for none)."""
    kinds = {}
    for kind in Organisation.Kind.values:
        body = PublicBody.of(kind)
        if body:
            kinds.setdefault(body, []).append(kind)
    return Case(
        *(
            When(**{f"{kind_path}__in": members}, then=Value(body))
            for body, members in kinds.items()
        ),
        default=None,
        output_field=CharField(),
    )


def cohorts_managed_by(viewer):
    """Cohorts the viewer runs, newest first, with what their lists show."""
    if not _signed_in(viewer):
        return Cohort.objects.none()
    cohorts = Cohort.objects.select_related("place", "curriculum").annotate(
        enrolled=Count("enrolments", filter=Q(enrolments__status=Status.ENROLLED), distinct=True),
        waitlisted=Count(
            "enrolments", filter=Q(enrolments__status=Status.WAITLISTED), distinct=True
        ),
        public_body_kinds=Count(
            _public_body_of("enrolments__person__organisation__kind"),
            filter=Q(enrolments__status__in=Enrolment.MEMBER_STATUSES),
            distinct=True,
        ),
    )
    if not runs_every_cohort(viewer):
        cohorts = cohorts.filter(facilitators=viewer)
    return cohorts.order_by("-start_date", "name")


@dataclass
class MyCohort:
    cohort: Cohort
    enrolment: Enrolment
    next_session: CohortSession | None


def cohorts_of(viewer) -> list[MyCohort]:
    """The cohorts the viewer is invited to, waiting for, enrolled in or has completed."""
    if not _signed_in(viewer):
        return []
    now = timezone.now()
    enrolments = (
        Enrolment.objects.filter(person=viewer)
        .exclude(status__in=[Status.DECLINED, Status.WITHDRAWN])
        .select_related("cohort__place")
        .prefetch_related(
            Prefetch(
                "cohort__sessions",
                queryset=CohortSession.objects.filter(starts_at__gt=now).order_by("starts_at"),
                to_attr="upcoming",
            )
        )
        .order_by("-cohort__start_date")
    )
    return [
        MyCohort(
            cohort=enrolment.cohort,
            enrolment=enrolment,
            next_session=next(iter(enrolment.cohort.upcoming), None),
        )
        for enrolment in enrolments
    ]


@dataclass
class SessionRow:
    session: CohortSession
    attendance: str | None  # the viewer's own, once registered
    feedback_given: bool
    can_give_feedback: bool

    @property
    def is_past(self) -> bool:
        return self.session.ends_at <= timezone.now()


@dataclass
class Fellow:
    full_name: str
    job_title: str
    organisation: str


@dataclass
class ParticipantView:
    """A cohort as one participant sees it. `member` is False for someone invited or on
    the waiting list: they see what the cohort is, not who is in it or where it meets."""

    cohort: Cohort
    enrolment: Enrolment
    member: bool
    sessions: list[SessionRow] = field(default_factory=list)
    fellows: list[Fellow] = field(default_factory=list)
    attended: int = 0
    waitlist_position: int | None = None
    plan: ActionPlan | None = None
    facilitators: list[User] = field(default_factory=list)
    certificate: Certificate | None = None

    @property
    def needed(self) -> int:
        return self.cohort.sessions_needed_to_complete

    @property
    def percent(self) -> int:
        total = self.cohort.session_count
        return round(100 * self.attended / total) if total else 0

    @property
    def next_session(self) -> CohortSession | None:
        return next((row.session for row in self.sessions if not row.is_past), None)


def cohort_for_participant(*, viewer, pk: int) -> ParticipantView | None:
    """The cohort `pk` as the viewer sees it, or None if they have no part in it."""
    if not _signed_in(viewer):
        return None
    enrolment = (
        Enrolment.objects.filter(cohort_id=pk, person=viewer)
        .exclude(status__in=[Status.DECLINED, Status.WITHDRAWN])
        .select_related("cohort__place", "cohort__curriculum")
        .first()
    )
    if enrolment is None:
        return None
    cohort = enrolment.cohort
    view = ParticipantView(
        cohort=cohort,
        enrolment=enrolment,
        member=enrolment.status in Enrolment.MEMBER_STATUSES,
        facilitators=list(cohort.facilitators.order_by("full_name")),
    )
    sessions = list(cohort.sessions.select_related("module").order_by("number"))
    if enrolment.status == Status.WAITLISTED:
        view.waitlist_position = cohort.enrolments.filter(
            status=Status.WAITLISTED, queue_number__lte=enrolment.queue_number
        ).count()
    if not view.member:
        view.sessions = [SessionRow(s, None, False, False) for s in sessions]
        return view
    mine = dict(
        Attendance.objects.filter(session__cohort=cohort, person=viewer).values_list(
            "session_id", "status"
        )
    )
    given = set(
        SessionFeedback.objects.filter(session__cohort=cohort, person=viewer).values_list(
            "session_id", flat=True
        )
    )
    now = timezone.now()
    view.sessions = [
        SessionRow(
            session=session,
            attendance=mine.get(session.pk),
            feedback_given=session.pk in given,
            can_give_feedback=session.ends_at <= now
            and mine.get(session.pk) in (None, Attendance.Status.ATTENDED),
        )
        for session in sessions
    ]
    view.attended = sum(1 for status in mine.values() if status == Attendance.Status.ATTENDED)
    view.fellows = _fellows(cohort)
    if enrolment.status == Status.COMPLETED:
        view.certificate = Certificate.objects.filter(person=viewer, cohort=cohort).first()
    if viewer.organisation_id:
        view.plan = (
            ActionPlan.objects.filter(cohort=cohort, organisation_id=viewer.organisation_id)
            .prefetch_related("check_ins")
            .first()
        )
    return view


def fellow_participants(*, viewer, cohort: Cohort) -> list[Fellow]:
    """Who else is in the cohort (name, organisation and role), for its own members and those
    who run it only."""
    if not (
        is_member(viewer=viewer, cohort=cohort) or can_manage_cohort(viewer=viewer, cohort=cohort)
    ):
        return []
    return _fellows(cohort)


def _fellows(cohort: Cohort) -> list[Fellow]:
    people = (
        User.objects.filter(
            cohort_enrolments__cohort=cohort,
            cohort_enrolments__status__in=Enrolment.MEMBER_STATUSES,
        )
        .select_related("organisation")
        .order_by("organisation__name", "full_name")
    )
    return [
        Fellow(
            full_name=person.full_name,
            job_title=person.job_title,
            organisation=person.organisation.name if person.organisation else "",
        )
        for person in people
    ]


def session_for_participant(*, viewer, cohort_pk: int, number: int) -> CohortSession | None:
    """One session of a cohort the viewer is a member of."""
    if not _signed_in(viewer):
        return None
    return (
        CohortSession.objects.select_related("cohort", "module")
        .filter(
            cohort_id=cohort_pk,
            number=number,
            cohort__enrolments__person=viewer,
            cohort__enrolments__status__in=Enrolment.MEMBER_STATUSES,
        )
        .first()
    )


def cohort_for_manager(*, viewer, pk: int) -> Cohort | None:
    """A cohort the viewer runs, or None."""
    return cohorts_managed_by(viewer).filter(pk=pk).first()


def session_for_manager(*, viewer, cohort_pk: int, number: int) -> CohortSession | None:
    """One session of a cohort the viewer runs."""
    if not _signed_in(viewer):
        return None
    sessions = CohortSession.objects.select_related("cohort").filter(
        cohort_id=cohort_pk, number=number
    )
    if not runs_every_cohort(viewer):
        sessions = sessions.filter(cohort__facilitators=viewer)
    return sessions.first()


def enrolment_for_manager(*, viewer, cohort_pk: int, person_pk: int) -> Enrolment | None:
    """Someone's current place in a cohort the viewer runs (not one they declined or left)."""
    cohort = cohort_for_manager(viewer=viewer, pk=cohort_pk)
    if cohort is None:
        return None
    return (
        cohort.enrolments.select_related("cohort", "person__organisation")
        .filter(person_id=person_pk)
        .exclude(status__in=[Status.DECLINED, Status.WITHDRAWN])
        .first()
    )


def own_feedback(*, viewer, session: CohortSession) -> SessionFeedback | None:
    """The viewer's own feedback on a session, to change it."""
    if not _signed_in(viewer):
        return None
    return SessionFeedback.objects.filter(session=session, person=viewer).first()


def calendar_feed_of(viewer) -> CalendarFeed | None:
    """The viewer's own private calendar address, if they have turned it on."""
    if not _signed_in(viewer):
        return None
    return CalendarFeed.objects.filter(person=viewer).first()


@dataclass
class PlanView:
    cohort: Cohort
    organisation: Organisation
    plan: ActionPlan | None
    managing: bool


def action_plan_for(*, viewer, cohort_pk: int, organisation_id=None) -> PlanView | None:
    """An organisation's action plan in a cohort, for those who keep it: a participant, their
    own organisation's only; those who run the cohort, any organisation taking part."""
    managed = cohort_for_manager(viewer=viewer, pk=cohort_pk)
    if managed is not None and organisation_id is not None:
        cohort = managed
        organisation = Organisation.objects.filter(
            pk=organisation_id if re.fullmatch(r"[0-9]{1,18}", str(organisation_id)) else None,
            people__cohort_enrolments__cohort=cohort,
            people__cohort_enrolments__status__in=Enrolment.MEMBER_STATUSES,
        ).first()
    elif _signed_in(viewer) and viewer.organisation_id:
        cohort = Cohort.objects.filter(
            pk=cohort_pk,
            enrolments__person=viewer,
            enrolments__status__in=Enrolment.MEMBER_STATUSES,
        ).first()
        organisation = viewer.organisation
    else:
        return None
    if cohort is None or organisation is None:
        return None
    plan = (
        ActionPlan.objects.filter(cohort=cohort, organisation=organisation)
        .prefetch_related("check_ins__by")
        .first()
    )
    return PlanView(cohort=cohort, organisation=organisation, plan=plan, managing=bool(managed))


def public_bodies(cohort: Cohort) -> set[str]:
    """The kinds of public body the cohort's enrolled participants come from."""
    kinds = (
        cohort.enrolments.filter(status__in=Enrolment.MEMBER_STATUSES)
        .values_list("person__organisation__kind", flat=True)
        .distinct()
    )
    return {body for kind in kinds if (body := PublicBody.of(kind))}


def needs_more_agencies(cohort: Cohort) -> bool:
    """The academy is place-based and multi-agency: until participants come from at least two
    kinds of public body, staff are warned."""
    return len(public_bodies(cohort)) < 2


@dataclass
class ManagerView:
    cohort: Cohort
    enrolments: list[Enrolment]
    sessions: list[CohortSession]
    bodies: set[str]
    registered: dict[int, int]
    feedback: dict[int, dict]
    plans: list[ActionPlan]
    marks: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def by_status(self) -> dict[str, list[Enrolment]]:
        grouped: dict[str, list[Enrolment]] = {status: [] for status in Status.values}
        for enrolment in self.enrolments:
            grouped[enrolment.status].append(enrolment)
        return grouped

    @property
    def enrolled(self) -> int:
        return len(self.by_status[Status.ENROLLED]) + len(self.by_status[Status.COMPLETED])

    @property
    def needs_more_agencies(self) -> bool:
        return len(self.bodies) < 2

    @property
    def body_names(self) -> list[str]:
        return [PublicBody(body).label for body in sorted(self.bodies)]


def cohort_overview_for_manager(*, viewer, pk: int, with_marks=False) -> ManagerView | None:
    """Everything a facilitator's page shows about one cohort they run, in a fixed number of
    queries however many people and sessions it has; `with_marks`, every attendance mark by
    (session, person) as well."""
    cohort = cohort_for_manager(viewer=viewer, pk=pk)
    if cohort is None:
        return None
    enrolments = list(
        cohort.enrolments.select_related("person__organisation").order_by(
            "status", "queue_number", "person__full_name"
        )
    )
    sessions = list(cohort.sessions.select_related("module").order_by("number"))
    registered = dict(
        Attendance.objects.filter(session__cohort=cohort)
        .values_list("session")
        .annotate(count=Count("pk"))
        .order_by()
    )
    feedback = {
        row["session"]: row
        for row in SessionFeedback.objects.filter(session__cohort=cohort)
        .values("session")
        .annotate(count=Count("pk"), total=Count("rating"), score=Sum("rating"))
        .order_by()
    }
    bodies = {
        body
        for enrolment in enrolments
        if enrolment.status in Enrolment.MEMBER_STATUSES and enrolment.person.organisation
        if (body := PublicBody.of(enrolment.person.organisation.kind))
    }
    return ManagerView(
        cohort=cohort,
        enrolments=enrolments,
        sessions=sessions,
        bodies=bodies,
        registered=registered,
        feedback=feedback,
        plans=list(cohort.action_plans.select_related("organisation")),
        marks={
            (session_id, person_id): status
            for session_id, person_id, status in Attendance.objects.filter(
                session__cohort=cohort
            ).values_list("session_id", "person_id", "status")
        }
        if with_marks
        else {},
    )


def attendance_register(*, viewer, cohort_pk: int, number: int):
    """A session of a cohort the viewer runs, with its participants and their marks so far."""
    cohort = cohort_for_manager(viewer=viewer, pk=cohort_pk)
    if cohort is None:
        return None
    session = cohort.sessions.select_related("module").filter(number=number).first()
    if session is None:
        return None
    marks = dict(session.attendance.values_list("person_id", "status"))
    people = list(
        User.objects.filter(
            cohort_enrolments__cohort=cohort,
            cohort_enrolments__status__in=Enrolment.MEMBER_STATUSES,
        )
        .select_related("organisation")
        .order_by("full_name")
    )
    return cohort, session, people, marks


def feedback_for_manager(*, viewer, cohort_pk: int):
    """A cohort's feedback, session by session, without the names of who gave it."""
    cohort = cohort_for_manager(viewer=viewer, pk=cohort_pk)
    if cohort is None:
        return None
    sessions = list(
        cohort.sessions.order_by("number").prefetch_related(
            Prefetch(
                "feedback",
                queryset=SessionFeedback.objects.only(
                    "session_id", "rating", "most_useful", "improve", "submitted_at"
                ).order_by("submitted_at"),
            )
        )
    )
    return cohort, sessions


def sessions_in_feed(token: str) -> tuple[User, list[CohortSession]] | None:
    """The sessions of every cohort the feed's owner belongs to, or None for an address that
    is not (or no longer) a feed."""
    feed = CalendarFeed.objects.select_related("person").filter(token=token).first()
    if feed is None or not feed.person.is_active:
        return None
    sessions = list(
        CohortSession.objects.filter(
            cohort__enrolments__person=feed.person,
            cohort__enrolments__status__in=Enrolment.MEMBER_STATUSES,
        )
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .select_related("cohort", "module")
        .order_by("starts_at")
    )
    return feed.person, sessions


def can_edit_action_plan(*, viewer, cohort: Cohort, organisation) -> bool:
    """An organisation's own participants in the cohort, and those who run it."""
    if can_manage_cohort(viewer=viewer, cohort=cohort):
        return True
    return (
        organisation is not None
        and viewer.organisation_id == organisation.pk
        and is_member(viewer=viewer, cohort=cohort)
    )
