"""Thin Celery tasks: take ids, call a service. Each is safe to run twice."""

from celery import shared_task

from . import notifications, services


@shared_task(acks_late=True)  # safe: a cohort with sessions is never scheduled again
def schedule_cohort_sessions(cohort_id: int) -> int:
    return len(services.schedule_sessions(cohort_id=cohort_id))


@shared_task(acks_late=True)  # safe: each email is recorded and sent once
def deliver_cohort_emails() -> int:
    return notifications.deliver_pending().sent


@shared_task(acks_late=True)  # safe: decisions are unique, sends are marked in the same commit
def send_cohort_reminders() -> dict:
    return notifications.sweep()


@shared_task(acks_late=True)  # safe: a completed cohort is not completed again
def complete_cohort(cohort_id: int) -> int:
    return services.complete_cohort(cohort_id=cohort_id)
