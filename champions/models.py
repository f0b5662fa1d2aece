"""The digital champions network: champions' public profiles, the open sessions they host,
and the mentoring they give.

Profiles and open sessions are public. A mentoring relationship, its meeting log and the
feedback that ends it are private to the mentee, the champion and LGA staff: they are read
only through `selectors`, which take the viewer."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from academy.models import Region
from academy.outbox import OutboxEmail

MAX_MENTEES = 10
# The directory's own addresses, which a profile's cannot be.
RESERVED_SLUGS = frozenset({"sessions", "mentoring", "your-profile"})


class ChampionProfile(models.Model):
    """A known digital leader, as peers find them: what they know and have delivered, and
    whether they have room to mentor someone."""

    class Kind(models.TextChoices):
        MEMBER = "member", _("Elected member")
        OFFICER = "officer", _("Officer")

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="champion_profile",
    )
    slug = models.SlugField(
        _("address"),
        max_length=150,
        unique=True,
        help_text=_("The end of the profile's address, for example: priya-shah."),
    )
    kind = models.CharField(_("member or officer"), max_length=10, choices=Kind.choices)
    role = models.CharField(
        _("role"),
        max_length=200,
        help_text=_("For example: Cabinet member for digital, or Chief digital officer."),
    )
    organisation = models.ForeignKey(
        "academy.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="champions",
    )
    region = models.CharField(_("region"), max_length=30, choices=Region.choices)
    themes = models.ManyToManyField(
        "cms_pages.Theme",
        verbose_name=_("outcome themes"),
        related_name="champions",
        blank=True,
        help_text=_("The digital outcomes they know most about."),
    )
    service_areas = models.ManyToManyField(
        "good_practice.ServiceArea",
        verbose_name=_("service areas"),
        related_name="champions",
        blank=True,
    )
    delivered = models.TextField(
        _("what they have delivered"),
        max_length=3000,
        help_text=_("The digital change they led, and what it achieved."),
    )
    case_studies = models.ManyToManyField(
        "cms_pages.CaseStudyPage",
        verbose_name=_("case studies"),
        related_name="champions",
        blank=True,
        help_text=_(
            "Good practice they were part of. Entries naming them as the champion to contact "
            "are shown too."
        ),
    )
    accepting_mentees = models.BooleanField(_("accepting mentees"), default=True)
    mentee_capacity = models.PositiveSmallIntegerField(
        _("mentees at once"),
        default=2,
        validators=[
            MinValueValidator(1, _("A champion mentors at least one person at a time.")),
            MaxValueValidator(
                MAX_MENTEES,
                _("A champion mentors no more than %(limit)s people at a time.")
                % {"limit": MAX_MENTEES},
            ),
        ],
        help_text=_("Requests cannot be accepted beyond this."),
    )
    is_listed = models.BooleanField(
        _("shown in the directory"),
        default=True,
        help_text=_("Untick to take the profile off the site without deleting it."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    panels = [
        FieldPanel("person"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        FieldPanel("delivered"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("service_areas")], heading=_("Expertise")
        ),
        FieldPanel("case_studies"),
        FieldRowPanel([FieldPanel("accepting_mentees"), FieldPanel("mentee_capacity")]),
        FieldPanel("is_listed"),
    ]

    class Meta:
        ordering = ["person__full_name"]
        verbose_name = _("champion profile")
        permissions = [("manage_champions", _("Can see and run all mentoring"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(mentee_capacity__gte=1, mentee_capacity__lte=MAX_MENTEES),
                name="champions_capacity_in_range",
            ),
        ]

    def __str__(self):
        return self.person.full_name

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by the directory itself.")})


class OpenSession(models.Model):
    """An open session a champion hosts: anyone signed in may register while places last."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Going ahead")
        CANCELLED = "cancelled", _("Cancelled")

    champion = models.ForeignKey(
        ChampionProfile,
        verbose_name=_("hosted by"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("what it is about"), max_length=2000)
    starts_at = models.DateTimeField(_("starts"), help_text=_("UK time."))
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"),
        default=60,
        validators=[
            MinValueValidator(15, _("A session lasts at least 15 minutes.")),
            MaxValueValidator(480, _("A session lasts no more than 8 hours (480 minutes).")),
        ],
    )
    location = models.CharField(
        _("where"),
        max_length=300,
        help_text=_("A venue, or 'Online': the joining link goes only to those registered."),
    )
    joining_link = models.URLField(
        _("joining link"),
        blank=True,
        help_text=_("For online sessions. Only people registered see it."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        validators=[
            MinValueValidator(2, _("A session needs at least two places.")),
            MaxValueValidator(500, _("A session has no more than 500 places.")),
        ],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    # Goes up with each change people's calendars must take: a calendar keeps the entry with
    # the highest sequence.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [
        FieldPanel("champion"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("joining_link")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("status")]),
    ]

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("open session")
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=2), name="champions_session_places"),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return self.title

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def ical_uid(self) -> str:
        return f"open-session-{self.pk}@{urlsplit(settings.SITE_URL).hostname}"


class Registration(models.Model):
    """One person's place at an open session."""

    session = models.ForeignKey(OpenSession, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_registrations"
    )
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["session", "registered_at"]
        verbose_name = _("session registration")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="champions_register_once"),
        ]

    def __str__(self):
        return f"{self.person} at {self.session}"

    @property
    def is_active(self) -> bool:
        return self.cancelled_at is None


class Mentoring(models.Model):
    """A mentee's request to a champion and, once accepted, the relationship it becomes."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for the champion")
        ACTIVE = "active", _("Under way")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CLOSED = "closed", _("Finished")

    OPEN = (Status.REQUESTED, Status.ACTIVE)

    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentee"),
        on_delete=models.CASCADE,
        related_name="mentoring_asked",
    )
    champion = models.ForeignKey(
        ChampionProfile,
        verbose_name=_("champion"),
        on_delete=models.CASCADE,
        related_name="mentoring",
    )
    topic = models.CharField(_("topic"), max_length=150)
    goals = models.TextField(_("what they want to achieve"), max_length=2000)
    themes = models.ManyToManyField(
        "cms_pages.Theme", verbose_name=_("outcome themes"), related_name="+", blank=True
    )
    service_areas = models.ManyToManyField(
        "good_practice.ServiceArea", verbose_name=_("service areas"), related_name="+", blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    requested_at = models.DateTimeField(_("asked"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answer_note = models.TextField(_("message from the champion"), max_length=1000, blank=True)
    closed_at = models.DateTimeField(_("finished"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("mentoring")
        verbose_name_plural = _("mentoring")
        constraints = [
            models.UniqueConstraint(
                fields=["mentee", "champion"],
                condition=Q(status__in=("requested", "active")),
                name="champions_one_open_mentoring_per_pair",
            ),
        ]
        indexes = [models.Index(fields=["champion", "status"])]

    def __str__(self):
        return f"{self.mentee} with {self.champion}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class Meeting(models.Model):
    """One entry in a relationship's meeting log, which only the pair and LGA staff read."""

    mentoring = models.ForeignKey(Mentoring, on_delete=models.CASCADE, related_name="meetings")
    met_on = models.DateField(_("date of the meeting"))
    summary = models.TextField(_("what you talked about"), max_length=3000)
    next_steps = models.TextField(_("next steps"), max_length=1000, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    logged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["mentoring", "-met_on", "-logged_at"]
        verbose_name = _("mentoring meeting")

    def __str__(self):
        return f"{self.mentoring} on {self.met_on}"


class Feedback(models.Model):
    """What one of the pair said about the mentoring when it ended."""

    class Usefulness(models.TextChoices):
        VERY = "very", _("Very useful")
        QUITE = "quite", _("Quite useful")
        NOT = "not", _("Not useful")

    mentoring = models.ForeignKey(Mentoring, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_feedback"
    )
    usefulness = models.CharField(_("how useful it was"), max_length=10, choices=Usefulness)
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["mentoring", "given_at"]
        verbose_name = _("mentoring feedback")
        constraints = [
            models.UniqueConstraint(fields=["mentoring", "author"], name="champions_feedback_once"),
        ]

    def __str__(self):
        return f"{self.author} on {self.mentoring}"


class Notification(OutboxEmail):
    """One email the network owes one person, recorded before it is sent, so that it goes
    once whatever happens to the worker."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", _("A request for mentoring")
        ACCEPTED = "accepted", _("Your request was accepted")
        DECLINED = "declined", _("Your request was declined")
        WITHDRAWN = "withdrawn", _("A request was withdrawn")
        CLOSED = "closed", _("The mentoring has finished")
        REGISTERED = "registered", _("Your place at an open session")
        PLACE_CANCELLED = "place-cancelled", _("You gave up your place at an open session")
        SESSION_CHANGED = "session-changed", _("An open session has moved")
        SESSION_CANCELLED = "session-cancelled", _("An open session is cancelled")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="champion_emails"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    mentoring = models.ForeignKey(
        Mentoring, on_delete=models.CASCADE, related_name="notifications", null=True
    )
    session = models.ForeignKey(
        OpenSession, on_delete=models.CASCADE, related_name="notifications", null=True
    )
    # What it is about ("mentoring-3", "session-7") and which occasion of it: the unique
    # constraint reads these, since nullable keys never clash in one.
    about = models.CharField(max_length=40)
    occasion = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        verbose_name = _("champions email")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "about", "occasion"], name="champions_email_once"
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True, skipped_at__isnull=True),
                name="champions_email_unsent",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.person_id}"
