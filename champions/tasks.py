"""Thin Celery tasks: take ids, call a service. Each is safe to run twice."""

from celery import shared_task

from . import notifications


@shared_task(acks_late=True)  # safe: each email is recorded and sent once
def deliver_champion_emails() -> int:
    return notifications.deliver_pending().sent
