"""Digital questions inside the corporate peer challenge, and the reviews that ask them.

Reference data: the five core elements every challenge covers, and the bank of digital
questions LGA staff keep. A question is edited in place, and every edit that changes what a
review would ask is kept as a new `QuestionVersion`, which never changes afterwards: a review
records the versions it asked, so editing the bank never rewrites what a past review asked.

A review: the council under review, the people with a part in it (the peer team and the
council's nominated contacts), the questions picked into its lines of enquiry (answered by
the council in its position statement), the team's findings, factual corrections to the
report, and the council's action plan. Who may see or change each of these, at each stage,
is decided in `selectors.review_for`."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from academy.models import PoliticalGroup
from academy.outbox import OutboxEmail


class CoreElement(models.Model):
    """One of the five things every corporate peer challenge looks at."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("address"), max_length=150, unique=True)
    description = models.TextField(_("what it covers"), max_length=2000, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("core element")

    def __str__(self):
        return self.name


class QuestionContent(models.Model):
    """What a digital question asks, shared by the question and each of its versions."""

    core_element = models.ForeignKey(
        CoreElement,
        verbose_name=_("core element"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The line of enquiry the question sits in."),
    )
    text = models.TextField(_("question"), max_length=500)
    prompts = models.TextField(
        _("probing prompts"),
        max_length=3000,
        blank=True,
        help_text=_("One prompt a line: what the team asks to get beneath the first answer."),
    )
    good_looks_like = models.TextField(_("what good looks like"), max_length=3000)
    themes = models.ManyToManyField(
        "cms_pages.Theme",
        verbose_name=_("outcome themes"),
        related_name="+",
        blank=True,
        help_text=_("Good practice on these themes is signposted from findings."),
    )
    case_studies = models.ManyToManyField(
        "cms_pages.CaseStudyPage",
        verbose_name=_("good practice"),
        related_name="+",
        blank=True,
    )
    modules = models.ManyToManyField(
        "cms_pages.ModulePage", verbose_name=_("modules"), related_name="+", blank=True
    )
    champions = models.ManyToManyField(
        "champions.ChampionProfile",
        verbose_name=_("champions"),
        related_name="+",
        blank=True,
        help_text=_("People who have done this well elsewhere."),
    )

    # What a version copies; what an edit must change to make a new one.
    FIELDS = ("core_element", "text", "prompts", "good_looks_like")
    SIGNPOSTS = ("themes", "case_studies", "modules", "champions")

    class Meta:
        abstract = True

    @property
    def prompt_list(self) -> list[str]:
        return [line.strip() for line in self.prompts.splitlines() if line.strip()]


class Question(QuestionContent):
    """A digital question in the bank, as it reads now."""

    code = models.SlugField(
        _("reference"),
        max_length=20,
        unique=True,
        help_text=_("A short, lasting reference, for example: d-leadership-3."),
    )
    is_active = models.BooleanField(
        _("offered to new reviews"),
        default=True,
        help_text=_("Untick to retire the question. Reviews that asked it keep it."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("core_element")]),
        FieldPanel("text"),
        FieldPanel("prompts"),
        FieldPanel("good_looks_like"),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("case_studies"),
                FieldPanel("modules"),
                FieldPanel("champions"),
            ],
            heading=_("Signposts"),
        ),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["core_element__sort_order", "code"]
        verbose_name = _("digital question")

    def __str__(self):
        return f"{self.code}: {self.text[:80]}"

    @property
    def current(self) -> "QuestionVersion | None":
        return self.versions.order_by("-number").first()


class QuestionVersion(QuestionContent):
    """A question as it was asked from a moment on. Written once, never changed."""

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        ordering = ["question", "-number"]
        verbose_name = _("digital question version")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "number"], name="peer_review_one_version_number"
            ),
        ]

    def __str__(self):
        return f"{self.question.code} version {self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValidationError(_("A question version is never changed once written."))
        super().save(*args, **kwargs)


# --- Reviews ---------------------------------------------------------------------------------

TEXT_MAX_LENGTH = 3000
ANSWER_MAX_LENGTH = 6000
# After the last day on site: the report is published within three months, the action plan
# is due within five, and the progress review falls about ten months after.
REPORT_WITHIN = relativedelta(months=3)
ACTION_PLAN_WITHIN = relativedelta(months=5)
PROGRESS_REVIEW_AFTER = relativedelta(months=10)


class Review(models.Model):
    """One corporate peer challenge of one council, with digital questions in its lines of
    enquiry."""

    class Stage(models.TextChoices):
        SCOPING = "scoping", _("Scoping")
        POSITION_STATEMENT = "position-statement", _("Position statement")
        ON_SITE = "on-site", _("On site")
        FEEDBACK = "feedback", _("Feedback")
        REPORT = "report", _("Report")
        ACTION_PLAN = "action-plan", _("Action plan")
        PROGRESS_REVIEW = "progress-review", _("Progress review")
        COMPLETED = "completed", _("Completed")

    council = models.ForeignKey(
        "academy.Organisation",
        verbose_name=_("council"),
        on_delete=models.PROTECT,
        related_name="peer_reviews",
    )
    title = models.CharField(_("title"), max_length=200, default=_("Corporate peer challenge"))
    focus_areas = models.TextField(
        _("the council's focus areas"),
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        help_text=_("What the council asked the team to look at beyond the core elements."),
    )
    stage = models.CharField(
        _("stage"), max_length=30, choices=Stage.choices, default=Stage.SCOPING
    )
    stage_changed_at = models.DateTimeField(default=timezone.now)
    on_site_starts = models.DateField(_("first day on site"))
    on_site_ends = models.DateField(_("last day on site"))
    # The position statement: the council's answers are on each `AskedQuestion`.
    statement_overview = models.TextField(
        _("the council in its own words"), max_length=ANSWER_MAX_LENGTH, blank=True
    )
    statement_submitted_at = models.DateTimeField(null=True, blank=True)
    statement_submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    # The report: assembled from the findings, with the manager's summary.
    report_summary = models.TextField(_("summary"), max_length=ANSWER_MAX_LENGTH, blank=True)
    report_sent_at = models.DateTimeField(null=True, blank=True)
    report_agreed_at = models.DateTimeField(null=True, blank=True)
    report_agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    action_plan_submitted_at = models.DateTimeField(null=True, blank=True)
    action_plan_submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    progress_review_held_on = models.DateField(_("date of the progress review"), null=True)
    progress_review_notes = models.TextField(
        _("what the progress review found"), max_length=ANSWER_MAX_LENGTH, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        ordering = ["-on_site_starts", "pk"]
        verbose_name = _("peer challenge")
        permissions = [("manage_reviews", _("Can run every peer challenge"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(on_site_ends__gte=models.F("on_site_starts")),
                name="peer_review_on_site_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.title}: {self.council}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def report_due(self):
        return self.on_site_ends + REPORT_WITHIN

    @property
    def action_plan_due(self):
        return self.on_site_ends + ACTION_PLAN_WITHIN

    @property
    def progress_review_due(self):
        return self.on_site_ends + PROGRESS_REVIEW_AFTER

    def reached(self, stage: str) -> bool:
        """Whether the review is at `stage` or past it."""
        order = list(self.Stage.values)
        return order.index(self.stage) >= order.index(stage)


class Participant(models.Model):
    """Someone with a part in a review: on the peer team, or a nominated contact at the
    council."""

    class Role(models.TextChoices):
        MANAGER = "manager", _("LGA peer challenge manager")
        LEAD_PEER = "lead-peer", _("Lead peer")
        MEMBER_PEER = "member-peer", _("Member peer")
        OFFICER_PEER = "officer-peer", _("Officer peer")
        COUNCIL_CONTACT = "council-contact", _("Nominated council contact")

    TEAM = (Role.MANAGER, Role.LEAD_PEER, Role.MEMBER_PEER, Role.OFFICER_PEER)

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="peer_review_parts"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    political_group = models.CharField(
        _("political group"),
        max_length=30,
        choices=PoliticalGroup.choices,
        blank=True,
        help_text=_("For member peers."),
    )
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        ordering = ["review", "role", "person__full_name"]
        verbose_name = _("peer challenge participant")
        constraints = [
            models.UniqueConstraint(fields=["review", "person"], name="peer_review_one_part"),
            models.UniqueConstraint(
                fields=["review"], condition=Q(role="lead-peer"), name="peer_review_one_lead"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    @property
    def on_team(self) -> bool:
        return self.role in self.TEAM


class AskedQuestion(models.Model):
    """A digital question picked into a review's lines of enquiry, as the version it was
    asked in, with the council's answer in its position statement."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="asked")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="asked_in")
    version = models.ForeignKey(QuestionVersion, on_delete=models.PROTECT, related_name="+")
    answer = models.TextField(_("your answer"), max_length=ANSWER_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["review", "version__core_element__sort_order", "question__code"]
        verbose_name = _("digital question asked")
        constraints = [
            models.UniqueConstraint(fields=["review", "question"], name="peer_review_ask_once"),
        ]

    def __str__(self):
        return f"{self.question.code} in {self.review_id}"


class Finding(models.Model):
    """What the team found, for one question or for a core element as a whole."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", _("Strength")
        TO_EXPLORE = "to-explore", _("Area to explore")
        RECOMMENDATION = "recommendation", _("Recommendation")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    core_element = models.ForeignKey(
        CoreElement, verbose_name=_("core element"), on_delete=models.PROTECT, related_name="+"
    )
    asked = models.ForeignKey(
        AskedQuestion,
        verbose_name=_("question"),
        on_delete=models.PROTECT,
        related_name="findings",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("finding"), max_length=TEXT_MAX_LENGTH)
    signposts = models.ManyToManyField(
        "cms_pages.CaseStudyPage",
        verbose_name=_("good practice signposted"),
        related_name="+",
        blank=True,
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        ordering = ["review", "core_element__sort_order", "asked__question__code", "pk"]
        verbose_name = _("finding")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Correction(models.Model):
    """A factual error the council points out in a finding of the draft report, with the
    words it proposes. The manager accepts it (the finding is corrected) or declines it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for the manager")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="corrections")
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="corrections")
    was_text = models.TextField(max_length=TEXT_MAX_LENGTH, editable=False)
    proposed_text = models.TextField(_("corrected wording"), max_length=TEXT_MAX_LENGTH)
    reason = models.TextField(_("what is factually wrong"), max_length=TEXT_MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    response = models.TextField(_("response"), max_length=TEXT_MAX_LENGTH, blank=True)
    raised_at = models.DateTimeField(default=timezone.now)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        ordering = ["review", "raised_at", "pk"]
        verbose_name = _("factual correction")

    def __str__(self):
        return f"Correction to finding {self.finding_id}"


class Action(models.Model):
    """One action in the council's action plan: what, who owns it, by when."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Not started")
        STARTED = "started", _("In progress")
        DONE = "done", _("Done")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="actions")
    recommendation = models.ForeignKey(
        Finding,
        verbose_name=_("recommendation it answers"),
        on_delete=models.SET_NULL,
        related_name="actions",
        null=True,
        blank=True,
    )
    text = models.TextField(_("action"), max_length=TEXT_MAX_LENGTH)
    owner = models.CharField(_("owner"), max_length=150)
    due_on = models.DateField(_("due by"))
    status = models.CharField(
        _("progress"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.TextField(_("progress so far"), max_length=TEXT_MAX_LENGTH, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        ordering = ["review", "due_on", "pk"]
        verbose_name = _("action")

    def __str__(self):
        return self.text[:80]


class Notification(OutboxEmail):
    """One email a review owes one person, recorded before it is sent, so that it goes once
    whatever happens to the worker."""

    class Kind(models.TextChoices):
        STATEMENT_REQUESTED = "statement-requested", _("Position statement requested")
        REPORT_TO_CHECK = "report-to-check", _("Draft report to check")
        CORRECTION_RAISED = "correction-raised", _("Factual correction raised")
        PUBLISHED = "published", _("Report published")
        REPORT_DUE = "report-due", _("Report due")
        ACTION_PLAN_DUE = "action-plan-due", _("Action plan due")
        PROGRESS_REVIEW_DUE = "progress-review-due", _("Progress review due")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_review_emails"
    )
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # Tells apart occasions of one kind: the deadline a reminder is for, should it move.
    occasion = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        verbose_name = _("peer challenge email")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "review", "kind", "occasion"], name="peer_review_email_once"
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True, skipped_at__isnull=True),
                name="peer_review_email_unsent",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.person_id}"
