"""Digital Academy cohorts: a curriculum of modules, cohorts of senior officers from one place,
their scheduled sessions, enrolments, attendance, feedback, the action plans each organisation
keeps afterwards, private calendar feeds, and the record of every email the cohort sends.

Rules about who may do what live in `services` and `selectors`; these models hold the data and
the invariants the database itself can keep."""

import secrets
from datetime import date, timedelta
from urllib.parse import urlsplit

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from academy.models import Organisation
from academy.outbox import OutboxEmail
from academy.roles import FACILITATOR

MIN_SESSIONS, MAX_SESSIONS = 6, 8
MIN_SPAN_MONTHS, MAX_SPAN_MONTHS = 6, 9
DEFAULT_COMPLETION_PERCENT = 75
FEEDBACK_MAX_LENGTH = 2000
PLAN_TEXT_MAX_LENGTH = 4000


def _session_count_validators():
    message = _("A cohort has %(low)s to %(high)s sessions.") % {
        "low": MIN_SESSIONS,
        "high": MAX_SESSIONS,
    }
    return [MinValueValidator(MIN_SESSIONS, message), MaxValueValidator(MAX_SESSIONS, message)]


class Weekday(models.IntegerChoices):
    """Sessions are held on working days only."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")


class PublicBody(models.TextChoices):
    """The kinds of public body a place-based cohort draws on. Every kind of council counts as
    one kind: a cohort of three councils is not yet multi-agency."""

    COUNCIL = "council", _("Council")
    POLICE = "police", _("Police")
    NHS = "nhs", _("NHS")
    FIRE_AND_RESCUE = "fire-and-rescue", _("Fire and rescue")
    CENTRAL_GOVERNMENT = "central-government", _("Central government")

    @classmethod
    def of(cls, organisation_kind: str) -> "PublicBody | None":
        kinds = Organisation.Kind
        if organisation_kind in Organisation.COUNCIL_KINDS | {kinds.COMBINED_AUTHORITY}:
            return cls.COUNCIL
        return {
            kinds.POLICE: cls.POLICE,
            kinds.NHS: cls.NHS,
            kinds.FIRE_AND_RESCUE: cls.FIRE_AND_RESCUE,
            kinds.CENTRAL_GOVERNMENT: cls.CENTRAL_GOVERNMENT,
        }.get(organisation_kind)


class Curriculum(ClusterableModel):
    """A programme's curriculum: the modules its sessions cover, in order."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    default_session_count = models.PositiveSmallIntegerField(
        _("default number of sessions"),
        default=MIN_SESSIONS,
        validators=_session_count_validators(),
        help_text=_("New cohorts start with this many sessions: 6 to 8."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("default_session_count"),
        InlinePanel(
            "modules",
            heading=_("Modules, in the order sessions cover them"),
            label=_("module"),
            min_num=1,
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("curriculum")
        verbose_name_plural = _("curricula")

    def __str__(self):
        return self.name


class CurriculumModule(Orderable):
    curriculum = ParentalKey(Curriculum, on_delete=models.CASCADE, related_name="modules")
    module = models.ForeignKey(
        "cms_pages.ModulePage",
        verbose_name=_("module"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("module")]

    class Meta(Orderable.Meta):
        verbose_name = _("curriculum module")

    def __str__(self):
        return str(self.module)


class Cohort(models.Model):
    """Senior officers from the public bodies of one place, learning together over 6 to 8
    sessions spread across 6 to 9 months."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being set up")
        CONFIRMED = "confirmed", _("Confirmed")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    curriculum = models.ForeignKey(
        Curriculum, verbose_name=_("curriculum"), on_delete=models.PROTECT, related_name="cohorts"
    )
    place = models.ForeignKey(
        "academy.Place", verbose_name=_("place"), on_delete=models.PROTECT, related_name="cohorts"
    )
    name = models.CharField(_("name"), max_length=150, unique=True)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        blank=True,
        help_text=_("What this cohort will work on together. Shown to those invited."),
    )
    start_date = models.DateField(_("start date"))
    span_months = models.PositiveSmallIntegerField(
        _("length in months"),
        default=MIN_SPAN_MONTHS,
        validators=[
            MinValueValidator(MIN_SPAN_MONTHS, _("A cohort runs for 6 to 9 months.")),
            MaxValueValidator(MAX_SPAN_MONTHS, _("A cohort runs for 6 to 9 months.")),
        ],
        help_text=_("6 to 9 months. Sessions are spread evenly across it."),
    )
    session_count = models.PositiveSmallIntegerField(
        _("number of sessions"), validators=_session_count_validators(), help_text=_("6 to 8.")
    )
    weekday = models.PositiveSmallIntegerField(
        _("preferred day"),
        choices=Weekday.choices,
        default=Weekday.TUESDAY,
        error_messages={
            "invalid_choice": _("Sessions are held on a weekday: choose Monday to Friday.")
        },
    )
    local_start_time = models.TimeField(
        _("start time"), help_text=_("UK time, for example 10:00. It stays the same all year.")
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("length of each session in minutes"),
        default=180,
        validators=[
            MinValueValidator(30, _("A session lasts at least 30 minutes.")),
            MaxValueValidator(480, _("A session lasts no more than 8 hours (480 minutes).")),
        ],
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_link = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_("Shown only to people enrolled in the cohort, never to anyone else."),
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        related_name="facilitated_cohorts",
        blank=True,
        limit_choices_to={"groups__name": FACILITATOR, "is_active": True},
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        validators=[
            MinValueValidator(1, _("A cohort needs at least one place.")),
            MaxValueValidator(200, _("A cohort has no more than 200 places.")),
        ],
        help_text=_("When these are taken, more people who accept join the waiting list."),
    )
    completion_percent = models.PositiveSmallIntegerField(
        _("attendance needed to complete (%)"),
        default=DEFAULT_COMPLETION_PERCENT,
        validators=[
            MinValueValidator(1, _("Enter a percentage from 1 to 100.")),
            MaxValueValidator(100, _("Enter a percentage from 1 to 100.")),
        ],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    scheduled_at = models.DateTimeField(_("sessions scheduled"), null=True, blank=True)
    # Arrival order for the waiting list, handed out while the cohort's row is locked.
    last_queue_number = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("curriculum"), FieldPanel("place")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start_date"),
                        FieldPanel("span_months"),
                        FieldPanel("session_count"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("weekday"),
                        FieldPanel("local_start_time"),
                        FieldPanel("duration_minutes"),
                    ]
                ),
            ],
            heading=_("Timetable"),
        ),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("online_link")], heading=_("Where")),
        FieldPanel("facilitators"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("completion_percent")]),
    ]

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("cohort")
        permissions = [("manage_cohorts", _("Can run every Digital Academy cohort"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(session_count__gte=MIN_SESSIONS, session_count__lte=MAX_SESSIONS),
                name="cohorts_six_to_eight_sessions",
            ),
            models.CheckConstraint(
                condition=Q(span_months__gte=MIN_SPAN_MONTHS, span_months__lte=MAX_SPAN_MONTHS),
                name="cohorts_six_to_nine_months",
            ),
            models.CheckConstraint(condition=Q(weekday__lte=4), name="cohorts_weekday_only"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="cohorts_some_places"),
        ]

    def __str__(self):
        return self.name

    @property
    def end_date(self) -> date:
        """The last day of the cohort's span: sessions fall on or before it."""
        return self.start_date + relativedelta(months=self.span_months) - timedelta(days=1)

    @property
    def sessions_needed_to_complete(self) -> int:
        return -(-self.session_count * self.completion_percent // 100)  # rounded up


class CohortSession(models.Model):
    """One of a cohort's sessions. Stored in UTC; people see it in UK time."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("session"))
    module = models.ForeignKey(
        "cms_pages.ModulePage",
        verbose_name=_("module"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    # iCalendar's SEQUENCE: calendar apps replace their copy when it goes up.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["cohort", "number"]
        verbose_name = _("session")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "number"], name="cohorts_session_number"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="cohorts_session_ends_later"
            ),
        ]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["ends_at"])]

    def __str__(self):
        return _("Session %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    @property
    def ical_uid(self) -> str:
        """Stays the same when the session moves, so calendar apps update their copy."""
        return f"cohort-session-{self.pk}@{urlsplit(settings.SITE_URL).hostname}"


class Enrolment(models.Model):
    """One person's place in a cohort, from invitation to completion."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ENROLLED = "enrolled", _("Enrolled")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        COMPLETED = "completed", _("Completed")

    # Those who belong to the cohort: they see its timetable and each other.
    MEMBER_STATUSES = (Status.ENROLLED, Status.COMPLETED)

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrolments")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_enrolments"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    # How many times this person has been invited: each invitation email is sent once.
    invitation_count = models.PositiveSmallIntegerField(default=1)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    queue_number = models.PositiveIntegerField(_("arrival order"), null=True, blank=True)
    enrolled_at = models.DateTimeField(_("enrolled"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["cohort", "queue_number", "invited_at"]
        verbose_name = _("enrolment")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "person"], name="cohorts_enrol_once"),
            models.UniqueConstraint(
                fields=["cohort", "queue_number"], name="cohorts_one_place_in_the_queue"
            ),
        ]
        indexes = [models.Index(fields=["cohort", "status"])]

    def __str__(self):
        return f"{self.person} in {self.cohort}"


class Attendance(models.Model):
    """Whether one participant came to one session, as the facilitator registered it."""

    class Status(models.TextChoices):
        ATTENDED = "attended", _("Attended")
        APOLOGIES = "apologies", _("Sent apologies")
        ABSENT = "absent", _("Absent")

    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_attendance"
    )
    status = models.CharField(_("attendance"), max_length=20, choices=Status.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="cohorts_attend_once")
        ]

    def __str__(self):
        return f"{self.person_id} at {self.session_id}: {self.status}"


class SessionFeedback(models.Model):
    """A participant's feedback on a session. Facilitators read it without the name."""

    class Rating(models.IntegerChoices):
        VERY_POOR = 1, _("Very poor")
        POOR = 2, _("Poor")
        ADEQUATE = 3, _("Adequate")
        GOOD = 4, _("Good")
        EXCELLENT = 5, _("Excellent")

    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="feedback")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(_("overall"), choices=Rating.choices)
    most_useful = models.TextField(_("what was most useful"), blank=True)
    improve = models.TextField(_("what could be better"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        ordering = ["session", "submitted_at"]
        verbose_name = _("session feedback")
        verbose_name_plural = _("session feedback")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="cohorts_feedback_once"),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="cohorts_rating_one_to_five"
            ),
        ]

    def __str__(self):
        return f"Feedback {self.pk} on {self.session_id}"


class ActionPlan(models.Model):
    """What one participating organisation commits to after the cohort, such as a 100-day plan.
    Its participants and the facilitators keep it up to date with check-ins."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="action_plans")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="cohort_action_plans"
    )
    title = models.CharField(_("title"), max_length=150, default="100-day plan")
    goals = models.TextField(_("what you will achieve"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("action plan")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "organisation"], name="cohorts_one_plan_per_organisation"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="cohorts_plan_ends_later"
            ),
        ]

    def __str__(self):
        return f"{self.title}: {self.organisation}"


class ActionPlanCheckIn(models.Model):
    """A dated note of how an action plan is going."""

    class Progress(models.TextChoices):
        ON_TRACK = "on-track", _("On track")
        AT_RISK = "at-risk", _("At risk")
        OFF_TRACK = "off-track", _("Off track")
        DONE = "done", _("Done")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="check_ins")
    progress = models.CharField(_("how it is going"), max_length=20, choices=Progress.choices)
    note = models.TextField(_("what has happened since the last check-in"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    created_at = models.DateTimeField(_("checked in"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("check-in")

    def __str__(self):
        return f"{self.plan_id} on {self.created_at:%Y-%m-%d}"


def _new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's private calendar address: anyone with it can read their cohort sessions,
    so it is long, random, and replaced or switched off whenever they ask."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")

    def __str__(self):
        return f"Calendar feed of {self.person_id}"


class NonWorkingDay(models.Model):
    """A day sessions must avoid on top of the bank holidays of England and Wales, which the
    academy works out for any year: a newly announced holiday, a national event."""

    date = models.DateField(_("date"), unique=True)
    reason = models.CharField(_("reason"), max_length=150)

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("day without sessions")
        verbose_name_plural = _("days without sessions")

    def __str__(self):
        return f"{self.date:%d %B %Y}: {self.reason}"


class Notification(OutboxEmail):
    """One email the cohort owes one person, recorded before it is sent. The unique constraints
    are the promise that each goes once: a retried, duplicated or killed task finds the row and
    sends only what has not gone."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Invitation to a cohort")
        PLACE_OFFERED = "place-offered", _("A place from the waiting list")
        TIMETABLE = "timetable", _("Your place and timetable")
        SESSION_MOVED = "session-moved", _("A session has moved")
        REMINDER_WEEK = "reminder-week", _("Reminder a week before")
        REMINDER_DAY = "reminder-day", _("Reminder the day before")
        FEEDBACK_REQUEST = "feedback-request", _("Feedback request")
        DIGEST = "digest", _("Weekly digest for facilitators")
        CANCELLED = "cancelled", _("The cohort is cancelled")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_notifications"
    )
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="notifications")
    session = models.ForeignKey(
        CohortSession,
        on_delete=models.CASCADE,
        related_name="notifications",
        null=True,
        blank=True,
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # Tells apart the occasions of one kind: the week of a digest, the move of a session, the
    # time a reminder is for (a moved session is reminded of again).
    occasion = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        verbose_name = _("cohort email")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "session", "kind", "occasion"],
                condition=Q(session__isnull=False),
                name="cohorts_session_email_once",
            ),
            models.UniqueConstraint(
                fields=["person", "cohort", "kind", "occasion"],
                condition=Q(session__isnull=True),
                name="cohorts_cohort_email_once",
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True, skipped_at__isnull=True),
                name="cohorts_email_unsent",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.person_id}"
