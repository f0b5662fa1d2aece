"""Thin Celery tasks: take ids, call a service. Each is safe to run twice."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)  # safe: each email is recorded and marked sent in one commit
def deliver_submission_emails() -> int:
    return services.deliver_pending()
