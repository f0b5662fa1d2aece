"""The Celery app: configured from Django settings (the CELERY_ namespace), tasks autodiscovered."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.local")

app = Celery("academy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

from . import request_ids  # noqa: E402, F401 - carries each request's id into the tasks it queues
