import time
import uuid

import pytest
from django.conf import settings

from academy import request_ids
from academy.celery import app
from academy.models import WorkerHeartbeat
from academy.tasks import record_heartbeat
from tests.workers import start_worker, stop_worker, tasks_to_the_broker


def test_celery_takes_json_only_and_limits_task_time():
    assert app.conf.task_serializer == "json"
    assert app.conf.accept_content == ["json"]
    assert app.conf.task_time_limit and app.conf.task_soft_time_limit
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit
    assert app.conf.beat_scheduler == "django_celery_beat.schedulers:DatabaseScheduler"


def test_every_periodic_task_names_a_registered_task():
    app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, name


@pytest.mark.worker
# Put back the rows migrations made (root page, roles) for any transactional test after this.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_process_runs_a_task_enqueued_here_under_the_same_request_id():
    queue = f"test-{uuid.uuid4().hex[:12]}"
    source = f"worker-test-{uuid.uuid4().hex[:12]}"
    request_id = uuid.uuid4().hex
    worker = start_worker(queue)
    try:
        with tasks_to_the_broker():
            token = request_ids.current.set(request_id)  # as the web process does per request
            try:
                record_heartbeat.apply_async(kwargs={"source": source}, queue=queue)
            finally:
                request_ids.current.reset(token)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and worker.poll() is None:
            if WorkerHeartbeat.objects.filter(source=source).exists():
                break
            time.sleep(0.25)
        seen = WorkerHeartbeat.objects.filter(source=source).exists()
    finally:
        output = stop_worker(worker)
    assert seen, f"The worker never ran the task. Its output:\n{output}"
    # The worker's log line for the task carries the id of the request that queued it.
    [finished] = [line for line in output.splitlines() if "succeeded" in line]
    assert f"[{request_id}] " in finished
