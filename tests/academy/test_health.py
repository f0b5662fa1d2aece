"""The probes: /healthz answers without touching anything; /readyz answers 503 when the
database, the broker or the cache does not, and tells which only to LGA staff."""

import shutil
import socket
import subprocess
import time
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from academy import health, services
from academy.models import WorkerHeartbeat
from academy.tasks import record_heartbeat
from tests.factories import UserFactory, lga_administrator

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_a_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_readyz_tells_the_anonymous_and_members_only_that_it_is_ready(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}
    client.force_login(UserFactory())
    assert client.get("/readyz").json() == {"status": "ready"}


def test_readyz_shows_lga_staff_each_part_and_whether_the_worker_is_alive(client):
    client.force_login(lga_administrator())
    assert client.get("/readyz").json() == {
        "status": "ready",
        "database": "ok",
        "broker": "ok",
        "cache": "ok",
        "worker": {"last_seen": None, "alive": False},
    }
    services.record_heartbeat(source="beat")
    assert client.get("/readyz").json()["worker"]["alive"] is True
    with time_machine.travel(timezone.now() + timedelta(minutes=4)):
        assert client.get("/readyz").json()["worker"]["alive"] is False


def test_the_heartbeat_task_records_through_the_service():
    record_heartbeat.delay(source="beat")  # eager in tests
    assert WorkerHeartbeat.objects.get(source="beat").last_seen <= timezone.now()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis():
    """A Redis server of this test's own, so stopping it stops nothing anyone else uses."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (.ci/run's machine has it)")
    port = _free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield process, f"redis://127.0.0.1:{port}/0"
    process.kill()
    process.wait()


def test_readyz_is_unavailable_when_the_broker_stops(client, settings, own_redis):
    process, url = own_redis
    settings.CELERY_BROKER_URL = url
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    client.force_login(lga_administrator())
    assert client.get("/readyz").json()["broker"] == "ok"

    process.terminate()
    process.wait()
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["broker"] == "unavailable"
    assert response.json()["database"] == "ok"
    client.logout()
    assert client.get("/readyz").json() == {"status": "unavailable"}  # and nothing more


def test_a_database_that_does_not_answer_is_not_ready(tmp_path):
    """A connection like the site's to a database that cannot be reached: the check says so
    rather than raising."""
    from django.db import connection
    from django.db.utils import load_backend

    unreachable = dict(connection.settings_dict)
    if unreachable["ENGINE"].endswith("sqlite3"):
        unreachable["NAME"] = str(tmp_path / "no-such-folder" / "academy.sqlite3")
    else:
        unreachable.update(HOST="127.0.0.1", PORT=str(_free_port()))
    elsewhere = load_backend(unreachable["ENGINE"]).DatabaseWrapper(unreachable, "unreachable")
    try:
        assert health.database_ok() is True
        assert health.database_ok(elsewhere) is False
    finally:
        elsewhere.close()
