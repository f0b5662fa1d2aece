"""When editors change modules or programmes, learners' progress catches up in the worker:
nobody is left unable to finish a module or stranded without a certificate they have earned."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from cms_pages.models import ModuleIndexPage, ModulePage

from . import tasks


@receiver(page_published, sender=ModulePage)
def module_published(sender, instance, **kwargs):
    tasks.catch_up_after_module_change.delay_on_commit(instance.pk)


@receiver(page_unpublished, sender=ModulePage)
def module_unpublished(sender, instance, **kwargs):
    tasks.award_earned_certificates.delay_on_commit(instance.get_parent().pk)


@receiver(page_published, sender=ModuleIndexPage)
def programme_published(sender, instance, **kwargs):
    tasks.award_earned_certificates.delay_on_commit(instance.pk)
