from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from academy import services
from academy.models import WorkerHeartbeat
from academy.tasks import record_heartbeat

pytestmark = pytest.mark.django_db


def test_health_reports_the_database_the_cache_and_a_silent_worker(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "cache": "ok",
        "worker": {"last_seen": None, "alive": False},
    }


def test_health_shows_the_worker_alive_after_a_heartbeat_and_stale_later(client):
    services.record_heartbeat(source="beat")
    assert client.get("/health/").json()["worker"]["alive"] is True
    with time_machine.travel(timezone.now() + timedelta(minutes=4)):
        assert client.get("/health/").json()["worker"]["alive"] is False


def test_the_heartbeat_task_records_through_the_service():
    record_heartbeat.delay(source="beat")  # eager in tests
    assert WorkerHeartbeat.objects.get(source="beat").last_seen <= timezone.now()
