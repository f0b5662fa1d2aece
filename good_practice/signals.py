"""Wagtail's moderation and publishing signals, passed to the services that tell submitters
where their case study has got to."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, task_rejected

from cms_pages.models import CaseStudyPage

from . import services


@receiver(page_published, sender=CaseStudyPage)
def case_study_published(sender, instance, **kwargs):
    services.record_published(page=instance)


@receiver(page_unpublished, sender=CaseStudyPage)
def case_study_unpublished(sender, instance, **kwargs):
    services.record_unpublished(page=instance)


@receiver(task_rejected)
def case_study_sent_back(sender, instance, **kwargs):
    page = instance.workflow_state.content_object
    page = getattr(page, "specific", page)
    if isinstance(page, CaseStudyPage):
        services.record_changes_requested(
            page=page, comment=instance.comment or "", occasion=f"task-{instance.pk}"
        )
