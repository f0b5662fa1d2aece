"""Thin Celery tasks: take ids, call a service."""

import smtplib

from celery import shared_task
from django.core.management import call_command

from . import services

# Worth trying again later; a refused recipient or a bad address is not.
TRANSIENT_MAIL_ERRORS = (
    ConnectionError,
    TimeoutError,
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
)
MAIL_RETRY = {
    "autoretry_for": TRANSIENT_MAIL_ERRORS,
    "retry_backoff": 30,
    "retry_backoff_max": 60 * 30,
    "max_retries": 8,
}


@shared_task(acks_late=True, **MAIL_RETRY)  # safe: the send is recorded, never repeated
def send_invitation_email(invitation_id: int) -> bool:
    return services.deliver_invitation_email(invitation_id=invitation_id)


@shared_task(**MAIL_RETRY)  # not acks_late: a redelivery would send a second email
def send_password_reset_email(person_id: int) -> bool:
    return services.deliver_password_reset_email(person_id=person_id)


@shared_task(acks_late=True)
def record_heartbeat(source: str = "beat") -> None:
    services.record_heartbeat(source=source)


@shared_task(acks_late=True)
def clear_expired_sessions() -> None:
    call_command("clearsessions")
