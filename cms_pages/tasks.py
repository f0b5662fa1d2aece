from celery import shared_task
from django.core.management import call_command


@shared_task(acks_late=True)  # safe: publishing a page that is already live does nothing
def publish_scheduled_pages() -> None:
    """Publish pages whose go-live time has come and unpublish those that have expired."""
    call_command("publish_scheduled")
