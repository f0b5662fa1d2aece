"""Thin Celery tasks: take ids, call a service."""

from celery import shared_task

from academy.tasks import MAIL_RETRY

from . import services


@shared_task(acks_late=True, **MAIL_RETRY)  # safe: the send is recorded, never repeated
def send_certificate_email(certificate_id: int) -> bool:
    return services.deliver_certificate_email(certificate_id=certificate_id)


@shared_task(acks_late=True)  # safe: completing and awarding are each done once
def catch_up_after_module_change(module_id: int) -> int:
    return services.catch_up_after_module_change(module_id=module_id)


@shared_task(acks_late=True)  # safe: a certificate is awarded once
def award_earned_certificates(programme_id: int) -> int:
    return services.award_earned_certificates(programme_id=programme_id)
