"""Sending the academy's plain-text emails: one template pair per email in templates/emails/."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string


def send_email(*, template: str, to: str, context: dict, sent_record=None, attachments=()) -> None:
    """Render `emails/<template>_subject.txt` and `emails/<template>.txt` and send them to one
    person, with any `attachments` as (filename, content, MIME type). `sent_record` is a row
    whose `email_sent_at` the caller set to claim the send; if sending fails it is cleared
    again, so that the task's retry sends the email."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    try:
        EmailMessage(
            subject=render_to_string(f"emails/{template}_subject.txt", context).strip(),
            body=render_to_string(f"emails/{template}.txt", context),
            to=[to],
            attachments=list(attachments),
        ).send()
    except Exception:
        if sent_record is not None:
            type(sent_record).objects.filter(pk=sent_record.pk).update(email_sent_at=None)
        raise
