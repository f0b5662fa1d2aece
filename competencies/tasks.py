"""Thin Celery tasks: take ids, call a service. Each is safe to run twice."""

from celery import shared_task

from . import notifications


@shared_task(acks_late=True)  # safe: each email is recorded and sent once
def deliver_competency_emails() -> int:
    return notifications.deliver_pending().sent


@shared_task(acks_late=True)  # safe: decisions are unique, sends are marked in the same commit
def send_plan_reminders() -> dict:
    return notifications.sweep()
