"""One id for each request, on every log line it causes: in the web process, and in the
Celery tasks it queues, which carry it in their message headers. A request id sent by the
load balancer (`X-Request-ID`) is kept when it looks like one; otherwise a new one is made.
The response says which it was, so a person reporting a problem can quote it."""

import logging
import re
import uuid
from contextvars import ContextVar

from celery.signals import before_task_publish, task_postrun, task_prerun
from django.core.signals import request_finished, request_started
from django.dispatch import receiver

HEADER = "X-Request-ID"
_ACCEPTED = re.compile(r"^[A-Za-z0-9._-]{8,64}$")  # nothing a log line could be forged with

current: ContextVar[str] = ContextVar("request_id", default="")


def _from_client(value: str | None) -> str:
    return value if value and _ACCEPTED.match(value) else uuid.uuid4().hex


@receiver(request_started)
def _take_the_request_id(environ=None, scope=None, **kwargs):
    """Set when the request starts and cleared when its response is closed, so that what
    Django logs after the middleware has finished (a 404, a 500) carries it too."""
    if environ is not None:
        sent = environ.get("HTTP_X_REQUEST_ID")
    else:
        headers = dict((scope or {}).get("headers", []))
        sent = headers.get(b"x-request-id", b"").decode("latin-1")
    current.set(_from_client(sent))


@receiver(request_finished)
def _clear_the_request_id(**kwargs):
    current.set("")


class RequestIdMiddleware:
    """Tells the response, and the view (`request.request_id`), the request's id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = current.get() or _from_client(request.headers.get(HEADER))
        response = self.get_response(request)
        response[HEADER] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    """Puts the id of the request or task being handled on each record ("" outside both)."""

    def filter(self, record):
        record.request_id = current.get()
        return True


class PlainFormatter(logging.Formatter):
    """A line to read in a terminal: `%(request_tag)s` is "[id] ", or nothing outside a
    request or task."""

    def format(self, record):
        request_id = getattr(record, "request_id", "")
        record.request_tag = f"[{request_id}] " if request_id else ""
        return super().format(record)


@before_task_publish.connect
def _send_the_request_id_with_the_task(headers=None, **kwargs):
    if headers is not None and current.get():
        headers.setdefault("request_id", current.get())


_task_tokens = {}


@task_prerun.connect
def _take_the_request_id_from_the_task(task_id=None, task=None, **kwargs):
    # A task run in the same process (eagerly, in tests) keeps the id of what ran it.
    request_id = getattr(task.request, "request_id", None) or current.get()
    _task_tokens[task_id] = current.set(request_id)


@task_postrun.connect
def _forget_the_request_id(task_id=None, **kwargs):
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        current.reset(token)
