"""Thin Celery tasks: take ids, call a service."""

from celery import shared_task

from academy.tasks import MAIL_RETRY

from . import services


@shared_task(acks_late=True, **MAIL_RETRY)  # safe: the send is recorded, never repeated
def send_certificate_email(certificate_id: int) -> bool:
    return services.deliver_certificate_email(certificate_id=certificate_id)
