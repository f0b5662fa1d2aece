"""The competency framework for leading digital change, the diagnostics that show a person or
a council where they stand on it, and the development plans that say what to do next.

A framework is versioned: a published version never changes (a diagnostic keeps meaning what
it asked), and LGA staff edit a new draft version, then publish it. Self-assessments and
plans are private to their person (and LGA staff); an organisational diagnostic's answers
carry no link to whoever gave them, so its results show only aggregates. All are read only
through `selectors`, which take the viewer."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from academy.outbox import OutboxEmail


class SkillLevel(models.IntegerChoices):
    """The framework's five levels of skill for digital change, lowest to highest."""

    USING_IT = 1, _("Using IT")
    ICT_TECHNICAL = 2, _("ICT technical skills")
    EXPLOITING_ICT = 3, _("Exploiting ICT")
    TRANSFORMATION = 4, _("Business transformation through ICT")
    STRATEGIC = 5, _("Achieving strategic objectives through ICT")


class Proficiency(models.IntegerChoices):
    """How well someone (or a council) does a competency: the scale every rating uses,
    the same four points as the government digital and data capability framework."""

    AWARENESS = 1, _("Awareness")
    WORKING = 2, _("Working")
    PRACTITIONER = 3, _("Practitioner")
    EXPERT = 4, _("Expert")


PROFICIENCY_HINTS = {
    Proficiency.AWARENESS: _("You know what it is and why it matters."),
    Proficiency.WORKING: _("You do it with support, and know when to ask for help."),
    Proficiency.PRACTITIONER: _("You do it well on your own and help others to."),
    Proficiency.EXPERT: _("You lead it, set the direction and others learn from you."),
}


def _rating_validators():
    message = _("Choose a point on the scale from 1 (Awareness) to 4 (Expert).")
    return [MinValueValidator(1, message), MaxValueValidator(4, message)]


class Framework(models.Model):
    """One version of the competency framework. Only drafts change; publishing one retires
    the version before it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("In use")
        RETIRED = "retired", _("Replaced")

    name = models.CharField(_("name"), max_length=150)
    version = models.PositiveSmallIntegerField(_("version"), unique=True, editable=False)
    summary = models.TextField(
        _("summary"),
        max_length=2000,
        blank=True,
        help_text=_("What the framework is for. Shown above the diagnostic."),
    )
    changes = models.TextField(
        _("what changed in this version"),
        max_length=2000,
        blank=True,
        help_text=_("For people who took the diagnostic on the version before."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        editable=False,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        editable=False,
    )

    panels = [FieldPanel("name"), FieldPanel("summary"), FieldPanel("changes")]

    class Meta:
        ordering = ["-version"]
        verbose_name = _("framework version")
        permissions = [("manage_framework", _("Can publish, import and export the framework"))]
        constraints = [
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status="published"),
                name="competencies_one_framework_in_use",
            ),
        ]

    def __str__(self):
        return f"{self.name} (version {self.version})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Competency(ClusterableModel):
    """One competency of a framework version, with behaviours that illustrate it and where it
    sits in other frameworks. Its code stays the same from version to version, so a person's
    diagnostics on two versions can still be compared."""

    framework = models.ForeignKey(
        Framework,
        verbose_name=_("framework version"),
        on_delete=models.CASCADE,
        related_name="competencies",
    )
    code = models.SlugField(
        _("code"),
        max_length=60,
        help_text=_(
            "Short and lasting, for example: data-led-decisions. Keep it the same in later "
            "versions so that results can be compared."
        ),
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("what it means"), max_length=1500)
    level = models.PositiveSmallIntegerField(
        _("level of skill"),
        choices=SkillLevel.choices,
        default=SkillLevel.TRANSFORMATION,
        help_text=_("Most of the framework sits at the top two levels."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    themes = ParentalManyToManyField(
        "cms_pages.Theme",
        verbose_name=_("outcome themes"),
        related_name="competencies",
        blank=True,
        help_text=_("Used to recommend champions and good practice on the same themes."),
    )
    service_areas = ParentalManyToManyField(
        "good_practice.ServiceArea",
        verbose_name=_("service areas"),
        related_name="competencies",
        blank=True,
    )
    modules = ParentalManyToManyField(
        "cms_pages.ModulePage",
        verbose_name=_("modules that address it"),
        related_name="competencies",
        blank=True,
        help_text=_("Recommended to people who want to get better at this competency."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldPanel("framework"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("sort_order")]),
        InlinePanel(
            "behaviours",
            heading=_("Behaviours that illustrate it"),
            label=_("behaviour"),
            min_num=1,
        ),
        InlinePanel("mappings", heading=_("In other frameworks (SFIA, DDaT)"), label=_("mapping")),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("service_areas"), FieldPanel("modules")],
            heading=_("What the academy recommends for it"),
        ),
    ]

    class Meta:
        ordering = ["framework", "sort_order", "name"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="competencies_code_once_per_version"
            ),
        ]

    def __str__(self):
        return self.name


class Behaviour(Orderable):
    """A behaviour that illustrates a competency, optionally at one point of the scale: the
    diagnostic shows it as the anchor for that point."""

    competency = ParentalKey(Competency, on_delete=models.CASCADE, related_name="behaviours")
    text = models.CharField(_("behaviour"), max_length=400)
    proficiency = models.PositiveSmallIntegerField(
        _("illustrates"),
        choices=Proficiency.choices,
        null=True,
        blank=True,
        help_text=_("The point of the scale it shows. Leave empty for the competency as a whole."),
    )

    panels = [FieldPanel("text"), FieldPanel("proficiency")]

    class Meta(Orderable.Meta):
        verbose_name = _("behaviour")

    def __str__(self):
        return self.text


class Mapping(Orderable):
    """Where a competency sits in another framework, kept as data."""

    class Scheme(models.TextChoices):
        SFIA = "sfia", _("SFIA")
        DDAT = "ddat", _("Government digital and data capability framework")
        OTHER = "other", _("Other")

    competency = ParentalKey(Competency, on_delete=models.CASCADE, related_name="mappings")
    scheme = models.CharField(_("framework"), max_length=10, choices=Scheme.choices)
    code = models.CharField(
        _("code"), max_length=20, blank=True, help_text=_("For SFIA, the skill code: ITSP.")
    )
    name = models.CharField(_("skill"), max_length=150)
    level = models.CharField(
        _("level"),
        max_length=40,
        blank=True,
        help_text=_("For SFIA 1 to 7; for DDaT a role level, for example: Practitioner."),
    )

    panels = [
        FieldRowPanel([FieldPanel("scheme"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("level")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("mapping")

    def __str__(self):
        return f"{self.get_scheme_display()} {self.code or self.name}"


class OrganisationFramework(models.Model):
    """The competencies an organisation has picked from a framework version for its own
    framework (pick and mix). Its people's diagnostics ask about these only."""

    organisation = models.ForeignKey(
        "academy.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="framework_choices",
    )
    framework = models.ForeignKey(
        Framework, verbose_name=_("framework version"), on_delete=models.CASCADE, related_name="+"
    )
    competencies = models.ManyToManyField(
        Competency, verbose_name=_("competencies"), related_name="+"
    )
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    chosen_at = models.DateTimeField(_("chosen"), default=timezone.now)

    class Meta:
        verbose_name = _("organisation's framework")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "framework"], name="competencies_one_choice_per_version"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} on {self.framework}"


# --- Individual diagnostic --------------------------------------------------------------------


class SelfAssessment(models.Model):
    """One time a person rated themselves: where they are and where they need to be on each
    competency. Private to them and LGA staff. Taken again later, it is a new one."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_assessments"
    )
    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="self_assessments"
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    submitted_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["person", "-started_at"]
        verbose_name = _("self-assessment")
        constraints = [
            # One unfinished at a time: coming back to the diagnostic resumes it.
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(submitted_at__isnull=True),
                name="competencies_one_unfinished_assessment",
            ),
        ]

    def __str__(self):
        return f"{self.person} on {self.started_at:%d %B %Y}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class RatingFields(models.Model):
    """Where someone is now and needs to be on one competency. Either may be skipped."""

    current = models.PositiveSmallIntegerField(
        _("where you are now"),
        choices=Proficiency.choices,
        null=True,
        blank=True,
        validators=_rating_validators(),
    )
    target = models.PositiveSmallIntegerField(
        _("where you need to be"),
        choices=Proficiency.choices,
        null=True,
        blank=True,
        validators=_rating_validators(),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.competency_id}: {self.current} now, {self.target} needed"


def _ratings_in_range(prefix: str) -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(**{f"{column}__isnull": True})
            | Q(**{f"{column}__gte": 1, f"{column}__lte": 4}),
            name=f"{prefix}_{column}_on_scale",
        )
        for column in ("current", "target")
    ]


class Rating(RatingFields):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("rating")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competency"], name="competencies_rate_once"
            ),
            *_ratings_in_range("competencies_rating"),
        ]


# --- Organisational diagnostic ----------------------------------------------------------------


class StrategyGroup(models.TextChoices):
    YES = "yes", _("Yes, a group owns digital strategy, investment and priorities")
    PARTLY = "partly", _("Partly: some of these are owned, or only informally")
    NO = "no", _("No group owns them")
    UNSURE = "unsure", _("I do not know")


class ArchitectureDecisions(models.TextChoices):
    GROUP = "group", _("A group that sets architecture and standards for the whole council")
    HEAD_OF_ICT = "head-of-ict", _("The head of ICT, on their own")
    SERVICES = "services", _("Each service, for itself")
    SUPPLIERS = "suppliers", _("Our suppliers, in practice")
    UNSURE = "unsure", _("Nobody clearly, or I do not know")


class Ownership(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    UNSURE = "unsure", _("I do not know")


class Outlook(models.TextChoices):
    """How a leadership team regards digital, from sceptical to convinced and acting on it.
    A question for reflection: only ever shown as counts over the whole team."""

    LITTLE_VALUE = "little-value", _("Sees little value in it")
    SAYS_NOT_DOES = "says-not-does", _("Says it matters, but acts otherwise")
    NEEDS_CONVINCING = "needs-convincing", _("Has to be convinced again and again")
    DELEGATES = "delegates", _("Hands it to a strong technology leader")
    ENTHUSIASTIC_REALIST = (
        "enthusiastic-realist",
        _("Is convinced, but unsure how to set up the structures"),
    )
    ACTS_ON_IT = "acts-on-it", _("Believes in it and shows it by how it behaves")


class OrganisationalDiagnostic(models.Model):
    """A council's leadership team answering the diagnostic together: each invited person
    answers once; the results are aggregates only."""

    organisation = models.ForeignKey(
        "academy.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="diagnostics",
    )
    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="organisational_diagnostics"
    )
    title = models.CharField(_("title"), max_length=150)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        on_delete=models.PROTECT,
        related_name="coordinated_diagnostics",
    )
    closes_on = models.DateField(_("answers close on"))
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("organisational diagnostic")

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Respondent(models.Model):
    """Someone invited to answer an organisational diagnostic, and whether they have: never
    what they said (a `Response` has no link back to them)."""

    diagnostic = models.ForeignKey(
        OrganisationalDiagnostic, on_delete=models.CASCADE, related_name="respondents"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diagnostic_invitations"
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["diagnostic", "person__full_name"]
        verbose_name = _("respondent")
        constraints = [
            models.UniqueConstraint(
                fields=["diagnostic", "person"], name="competencies_invite_once"
            ),
        ]

    def __str__(self):
        return f"{self.person} for {self.diagnostic}"


class Response(models.Model):
    """One leader's answers, with nothing that says whose: no person, no time."""

    diagnostic = models.ForeignKey(
        OrganisationalDiagnostic, on_delete=models.CASCADE, related_name="responses"
    )
    strategy_group = models.CharField(
        _("Does a group own digital strategy, investment and priorities?"),
        max_length=20,
        choices=StrategyGroup.choices,
        blank=True,
    )
    architecture = models.CharField(
        _("Who decides the technical architecture and standards?"),
        max_length=20,
        choices=ArchitectureDecisions.choices,
        blank=True,
    )
    information_owned = models.CharField(
        _("Is information management owned by someone senior?"),
        max_length=20,
        choices=Ownership.choices,
        blank=True,
    )
    jointly_accountable = models.CharField(
        _("Are service leaders and ICT leaders jointly accountable for digital change?"),
        max_length=20,
        choices=Ownership.choices,
        blank=True,
    )
    outlook = models.CharField(
        _("How does the leadership team regard digital?"),
        max_length=30,
        choices=Outlook.choices,
        blank=True,
    )

    class Meta:
        verbose_name = _("response")

    def __str__(self):
        return f"A response to {self.diagnostic}"


class ResponseRating(RatingFields):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="ratings")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("response rating")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "competency"], name="competencies_response_rates_once"
            ),
            *_ratings_in_range("competencies_response"),
        ]


# --- Development plans ------------------------------------------------------------------------


class DevelopmentPlan(models.Model):
    """How a person, or a council's leadership, will get where they need to be: the
    competencies they chose to work on, each with actions and dates."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="development_plans",
        null=True,
        blank=True,
    )
    organisation = models.ForeignKey(
        "academy.Organisation",
        on_delete=models.CASCADE,
        related_name="development_plans",
        null=True,
        blank=True,
    )
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    # What the plan started from, for the "where you are" beside each competency.
    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    diagnostic = models.ForeignKey(
        OrganisationalDiagnostic,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("development plan")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organisation__isnull=True)
                | Q(person__isnull=True, organisation__isnull=False),
                name="competencies_plan_for_person_or_organisation",
            ),
            models.UniqueConstraint(fields=["person"], name="competencies_one_plan_per_person"),
            models.UniqueConstraint(
                fields=["organisation"], name="competencies_one_plan_per_organisation"
            ),
        ]

    def __str__(self):
        return f"Development plan for {self.person or self.organisation}"


class PlanGoal(models.Model):
    """One competency a plan works on, and the point of the scale it aims for."""

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="goals")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    current = models.PositiveSmallIntegerField(
        _("where you are now"), choices=Proficiency.choices, null=True, blank=True
    )
    target = models.PositiveSmallIntegerField(
        _("where you want to be"), choices=Proficiency.choices, validators=_rating_validators()
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["plan", "added_at", "pk"]
        verbose_name = _("plan goal")
        constraints = [
            models.UniqueConstraint(fields=["plan", "competency"], name="competencies_goal_once"),
        ]

    def __str__(self):
        return str(self.competency)


class PlanAction(models.Model):
    """Something to do by a date towards a goal: one of the academy's recommendations taken
    up, or the person's own."""

    class Kind(models.TextChoices):
        OWN = "own", _("Your own action")
        MODULE = "module", _("Module")
        COHORT = "cohort", _("Digital Academy cohort")
        CHAMPION = "champion", _("Digital champion")
        PRACTICE = "practice", _("Good practice")
        ROUND_TABLE = "round-table", _("Round table")

    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OWN)
    title = models.CharField(_("what you will do"), max_length=200)
    link = models.CharField(_("link"), max_length=300, blank=True)
    # The recommendation it was taken from ("module-12"), so it is not offered again.
    source = models.CharField(max_length=40, blank=True, default="", editable=False)
    due_on = models.DateField(_("do it by"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        ordering = ["goal", "due_on", "pk"]
        verbose_name = _("plan action")
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "source"],
                condition=~Q(source=""),
                name="competencies_take_a_recommendation_once",
            ),
        ]
        indexes = [
            models.Index(
                fields=["due_on"], condition=Q(done_at__isnull=True), name="competencies_open_due"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class Notification(OutboxEmail):
    """One email the framework's part of the site owes one person, recorded before it is
    sent, so that it goes once whatever happens to the worker."""

    class Kind(models.TextChoices):
        INVITED = "invited", _("Invited to an organisational diagnostic")
        RESULTS = "results", _("An organisational diagnostic's results are ready")
        DUE_SOON = "due-soon", _("A plan action is due in a week")
        DUE_TOMORROW = "due-tomorrow", _("A plan action is due tomorrow")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="competency_emails"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    diagnostic = models.ForeignKey(
        OrganisationalDiagnostic, on_delete=models.CASCADE, related_name="+", null=True
    )
    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="+", null=True)
    # What it is about ("diagnostic-3", "action-7") and which occasion (a due date): a
    # reminder for a date that moved is a new one.
    about = models.CharField(max_length=40)
    occasion = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        verbose_name = _("competency framework email")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "about", "occasion"], name="competencies_email_once"
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True, skipped_at__isnull=True),
                name="competencies_email_unsent",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.person_id}"
