"""The good-practice database's own data: the taxonomies LGA staff keep (service areas,
sectors, types of council), and the record of each case study a member submits through the
site, with the emails it has owed them. The case study itself is a Wagtail page
(`cms_pages.CaseStudyPage`); the outcome themes are the shared `cms_pages.Theme`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Taxonomy(index.Indexed, models.Model):
    """A term LGA staff add, rename or describe in the admin; its slug is what search
    addresses carry, so renaming a term never breaks a shared link."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Used in the addresses of searches. Changing it breaks links people shared."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ServiceArea(Taxonomy):
    """A council service: adult social care, transport, waste and refuse, meals on wheels."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("service area")


class Sector(Taxonomy):
    """Where an organisation sits: local government, police, NHS, voluntary, private."""

    is_local_government = models.BooleanField(
        _("local government"),
        default=False,
        help_text=_("Organisations in this sector also say which type of council they are."),
    )

    panels = [*Taxonomy.panels, FieldPanel("is_local_government")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("sector")


class CouncilType(Taxonomy):
    """A type of council: county, district, unitary, metropolitan, London borough."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("type of council")
        verbose_name_plural = _("types of council")


class Submission(models.Model):
    """A case study a member sent in through the site, and where it has got to. The page
    stays a draft, out of search and feeds, until an LGA publisher publishes it."""

    class Status(models.TextChoices):
        AWAITING_MODERATION = "awaiting-moderation", _("Waiting for the LGA team")
        CHANGES_REQUESTED = "changes-requested", _("The LGA team has questions")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Taken down")

    page = models.OneToOneField(
        "cms_pages.CaseStudyPage", on_delete=models.CASCADE, related_name="submission"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="good_practice_submissions",
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=30, choices=Status.choices, default=Status.AWAITING_MODERATION
    )
    status_changed_at = models.DateTimeField(default=timezone.now)
    # What the LGA team said when they sent it back, shown to the submitter.
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("good-practice submission")

    def __str__(self):
        return f"{self.page.title} ({self.get_status_display()})"


class SubmissionEmail(models.Model):
    """An email a submission owes its submitter, recorded before it is sent so that each
    goes once: a retried or repeated task finds the row and sends nothing more."""

    class Step(models.TextChoices):
        RECEIVED = "received", _("Received")
        CHANGES_REQUESTED = "changes-requested", _("Changes requested")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Taken down")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="emails")
    step = models.CharField(max_length=30, choices=Step.choices)
    # Tells apart repeats of a step: the revision that was sent back or published.
    occasion = models.CharField(max_length=40, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("submission email")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "step", "occasion"], name="good_practice_email_once"
            )
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True),
                name="good_practice_email_unsent",
            )
        ]

    def __str__(self):
        return f"{self.get_step_display()} to {self.submission.submitted_by_id}"
