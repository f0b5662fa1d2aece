"""Thin Celery tasks: take ids, call a service."""

from celery import shared_task
from django.core.management import call_command

from . import services


@shared_task(
    acks_late=True,  # safe: the service records the send and never sends twice
    autoretry_for=(ConnectionError, OSError),
    retry_backoff=30,
    retry_backoff_max=60 * 30,
    max_retries=8,
)
def send_invitation_email(invitation_id: int) -> bool:
    return services.deliver_invitation_email(invitation_id=invitation_id)


@shared_task(acks_late=True)
def record_heartbeat(source: str = "beat") -> None:
    services.record_heartbeat(source=source)


@shared_task(acks_late=True)
def clear_expired_sessions() -> None:
    call_command("clearsessions")
