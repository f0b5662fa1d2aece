"""Every change to a learner's progress: finishing a section, writing a reflection, earning a
certificate. Views, the demo loader and tests all call these."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from academy.emails import send_email
from academy.models import User
from cms_pages.models import ModuleIndexPage, ModulePage, ModuleSection
from cms_pages.selectors import can_read_module

from . import exceptions
from .models import (
    REFLECTION_MAX_LENGTH,
    Certificate,
    ModuleProgress,
    Reflection,
    SectionCompletion,
)


@dataclass(frozen=True)
class SectionDone:
    """What finishing a section led to."""

    module_completed: bool
    certificate: Certificate | None


def mark_section_done(*, person: User, section: ModuleSection) -> SectionDone:
    """Record that a person has finished a section. Finishing the last one completes the
    module, and completing the last required module awards the programme's certificate.
    Doing it twice changes nothing."""
    module = _readable_live_module(person=person, section=section)
    now = timezone.now()
    with transaction.atomic():
        progress = _progress_for_update(person=person, module=module)
        SectionCompletion.objects.get_or_create(
            progress=progress, section=section, defaults={"completed_at": now}
        )
        progress.last_activity_at = now
        progress.last_section = section
        module_completed = False
        if progress.completed_at is None:
            sections = set(ModuleSection.objects.filter(page=module).values_list("pk", flat=True))
            done = set(progress.completions.values_list("section_id", flat=True))
            if sections <= done:
                progress.completed_at = now
                module_completed = True
        progress.save(update_fields=["last_activity_at", "last_section", "completed_at"])
        certificate = None
        if module_completed:
            log(progress, "learning.module.complete", user=person, data={"module": module.title})
            certificate = _award_certificate_if_earned(person=person, module=module)
    return SectionDone(module_completed=module_completed, certificate=certificate)


def save_reflection(
    *, person: User, section: ModuleSection, prompt_id: str, text: str
) -> Reflection | None:
    """Keep a person's private answer to one of a section's reflect questions. An empty
    answer removes the one they had. Returns the reflection, or None when there is none."""
    module = _readable_live_module(person=person, section=section)
    question = _reflect_question(section, prompt_id)
    text = text.strip()
    if len(text) > REFLECTION_MAX_LENGTH:
        raise exceptions.ReflectionTooLong()
    now = timezone.now()
    with transaction.atomic():
        progress = _progress_for_update(person=person, module=module)
        if not text:
            Reflection.objects.filter(progress=progress, prompt_id=prompt_id).delete()
            return None
        reflection, created = Reflection.objects.get_or_create(
            progress=progress,
            prompt_id=prompt_id,
            defaults={"section": section, "question": question, "text": text, "created_at": now},
        )
        if not created:
            reflection.section = section
            reflection.question = question
            reflection.text = text
            reflection.updated_at = now
            reflection.save(update_fields=["section", "question", "text", "updated_at"])
        progress.last_activity_at = now
        progress.last_section = section
        progress.save(update_fields=["last_activity_at", "last_section"])
    return reflection


def _readable_live_module(*, person, section) -> ModulePage:
    module = ModulePage.objects.filter(pk=section.page_id).live().first()
    if module is None:
        raise exceptions.ModuleNotAvailable()
    if not person.is_authenticated or not can_read_module(viewer=person, module=module):
        raise exceptions.MembersOnly()
    return module


def _progress_for_update(*, person, module) -> ModuleProgress:
    try:
        with transaction.atomic():
            ModuleProgress.objects.get_or_create(person=person, module=module)
    except IntegrityError:  # someone (the same person, in another tab) made it a moment ago
        pass
    return ModuleProgress.objects.select_for_update().get(person=person, module=module)


def _reflect_question(section, prompt_id) -> str:
    for block in section.body:
        if block.block_type == "reflect" and block.id == prompt_id:
            return block.value["question"]
    raise exceptions.QuestionGone()


def _award_certificate_if_earned(*, person, module) -> Certificate | None:
    programme = ModuleIndexPage.objects.filter(pk=module.get_parent().pk).live().first()
    if programme is None:
        return None
    return _award_certificate(person=person, programme=programme)


def _award_certificate(*, person, programme: ModuleIndexPage) -> Certificate | None:
    """The programme's certificate, if the person has completed every required module; made
    the first time. Call inside a transaction."""
    if not programme.awards_certificate:
        return None
    # Two tabs finishing a person's last two modules at once must not each miss the other's:
    # whoever checks second waits here, then sees the first one's completion.
    User.objects.select_for_update().filter(pk=person.pk).first()
    required = list(
        programme.modules().filter(required_for_certificate=True).values_list("pk", "title")
    )
    if not required:
        return None
    completed = ModuleProgress.objects.filter(
        person=person, module_id__in=[pk for pk, _title in required], completed_at__isnull=False
    ).count()
    if completed < len(required):
        return None
    certificate, created = Certificate.objects.get_or_create(
        person=person,
        programme=programme,
        defaults={
            "holder_name": person.full_name,
            "programme_name": programme.programme_name,
            "modules": [title for _pk, title in required],
        },
    )
    if created:
        log(certificate, "learning.certificate.award", user=person)
        from .tasks import send_certificate_email

        send_certificate_email.delay_on_commit(certificate.pk)
    return certificate


def catch_up_after_module_change(*, module_id: int) -> int:
    """After an editor publishes a module whose sections changed: complete it for learners who
    have now done every section it has (a section they had left was removed), then award the
    programme's certificate to anyone who has now earned it. Returns modules completed."""
    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None:
        return 0
    sections = list(module.sections.values_list("pk", flat=True))
    now_finished = (
        ModuleProgress.objects.filter(module=module, completed_at__isnull=True)
        .annotate(done=Count("completions", filter=Q(completions__section_id__in=sections)))
        .filter(done=len(sections))
        .values_list("pk", flat=True)
    )
    completed = 0
    for progress_id in list(now_finished) if sections else []:
        with transaction.atomic():
            progress = (
                ModuleProgress.objects.select_for_update()
                .select_related("person")
                .get(pk=progress_id)
            )
            if progress.completed_at is not None:
                continue
            progress.completed_at = timezone.now()
            progress.save(update_fields=["completed_at"])
            log(progress, "learning.module.complete", data={"module": module.title})
            completed += 1
    programme = module.get_parent().specific
    if isinstance(programme, ModuleIndexPage):
        award_earned_certificates(programme_id=programme.pk)
    return completed


def award_earned_certificates(*, programme_id: int) -> int:
    """After a programme's rules change (a required module unpublished or made optional, its
    certificate switched on): award the certificate to everyone who has now earned it.
    Returns how many were awarded."""
    programme = ModuleIndexPage.objects.live().filter(pk=programme_id).first()
    if programme is None or not programme.awards_certificate:
        return 0
    required = list(
        programme.modules().filter(required_for_certificate=True).values_list("pk", flat=True)
    )
    if not required:
        return 0
    # Only those who have completed every required module; the award checks again, locked.
    candidates = (
        User.objects.filter(is_active=True)
        .exclude(certificates__programme=programme)
        .annotate(
            required_done=Count(
                "module_progress",
                filter=Q(
                    module_progress__module__in=required,
                    module_progress__completed_at__isnull=False,
                ),
            )
        )
        .filter(required_done=len(required))
    )
    awarded = 0
    for person in candidates:
        with transaction.atomic():
            if _award_certificate(person=person, programme=programme):
                awarded += 1
    return awarded


def certificate_url(certificate: Certificate) -> str:
    return settings.SITE_URL + reverse("learning:certificate", args=[certificate.pk])


def verification_url(certificate: Certificate) -> str:
    return settings.SITE_URL + reverse("learning:verify-certificate", args=[certificate.code])


def deliver_certificate_email(*, certificate_id: int) -> bool:
    """Tell a learner they have earned a certificate, once. Returns whether an email went out.

    The send is recorded first, so a retried or redelivered task never sends it twice; if
    sending fails the record is undone for the retry."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("person")
            .filter(pk=certificate_id, email_sent_at__isnull=True)
            .first()
        )
        if certificate is None or not certificate.person.is_active:
            return False
        certificate.email_sent_at = timezone.now()
        certificate.save(update_fields=["email_sent_at"])
    context = {
        "certificate": certificate,
        "url": certificate_url(certificate),
        "verification_url": verification_url(certificate),
    }
    send_email(
        template="certificate",
        to=certificate.person.email,
        context=context,
        sent_record=certificate,
    )
    return True
