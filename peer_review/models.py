"""Reference data for digital questions inside the corporate peer challenge: the five core
elements every challenge covers, and the bank of digital questions LGA staff keep.

A question is edited in place, and every edit that changes what a review would ask is kept
as a new `QuestionVersion`, which never changes afterwards: a review records the versions it
asked, so editing the bank never rewrites what a past review asked."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


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
