"""What each learner has done in the self-paced modules: sections finished, modules completed,
private reflections, and the certificates they have earned. Private to the learner; LGA staff
see progress (never reflections) in the admin's reports."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REFLECTION_MAX_LENGTH = 5000


class ModuleProgress(models.Model):
    """One person's progress through one module, from the first thing they did in it."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="module_progress",
    )
    module = models.ForeignKey(
        "cms_pages.ModulePage",
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="learner_progress",
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    last_section = models.ForeignKey(
        "cms_pages.ModuleSection",
        verbose_name=_("last section worked on"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["person", "module"], name="learning_one_progress")
        ]
        indexes = [models.Index(fields=["module", "completed_at"])]
        permissions = [("view_learning_reports", _("Can see learners' progress reports"))]

    def __str__(self):
        return f"{self.person} in {self.module_id}"


class SectionCompletion(models.Model):
    """A section a learner has marked done, and when."""

    progress = models.ForeignKey(
        ModuleProgress, on_delete=models.CASCADE, related_name="completions"
    )
    section = models.ForeignKey(
        "cms_pages.ModuleSection", on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        verbose_name = _("finished section")
        constraints = [
            models.UniqueConstraint(fields=["progress", "section"], name="learning_section_once")
        ]

    def __str__(self):
        return f"{self.section_id} by {self.progress_id}"


class Reflection(models.Model):
    """A learner's private answer to one of a module's "reflect" questions."""

    progress = models.ForeignKey(
        ModuleProgress, on_delete=models.CASCADE, related_name="reflections"
    )
    section = models.ForeignKey(
        "cms_pages.ModuleSection",
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    # The reflect block's id: stable while editors keep the question in the section.
    prompt_id = models.CharField(max_length=64)
    question = models.TextField(_("question"), help_text=_("As it was asked."))
    text = models.TextField(_("reflection"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("reflection")
        constraints = [
            models.UniqueConstraint(fields=["progress", "prompt_id"], name="learning_one_answer")
        ]

    def __str__(self):
        return f"Reflection {self.pk}"


def _new_verification_code():
    return secrets.token_urlsafe(18)


class Certificate(models.Model):
    """Awarded once, when a person has completed every required module of a programme, or
    has attended enough of a Digital Academy cohort's sessions. What it certifies is copied
    in, so that it reads the same whatever editors change later."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    programme = models.ForeignKey(
        "cms_pages.ModuleIndexPage",
        verbose_name=_("programme"),
        on_delete=models.SET_NULL,
        related_name="certificates",
        null=True,
        blank=True,
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("Digital Academy cohort"),
        on_delete=models.SET_NULL,
        related_name="certificates",
        null=True,
        blank=True,
    )
    holder_name = models.CharField(_("awarded to"), max_length=150)
    programme_name = models.CharField(_("programme"), max_length=200)
    modules = models.JSONField(_("modules completed"), default=list)
    issued_at = models.DateTimeField(_("awarded"), default=timezone.now)
    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=_new_verification_code
    )
    email_sent_at = models.DateTimeField(_("email sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "programme"],
                condition=models.Q(programme__isnull=False),
                name="learning_one_certificate_per_programme",
            ),
            models.UniqueConstraint(
                fields=["person", "cohort"],
                condition=models.Q(cohort__isnull=False),
                name="learning_one_certificate_per_cohort",
            ),
        ]

    def __str__(self):
        return f"{self.programme_name}: {self.holder_name}"
