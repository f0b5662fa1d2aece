"""The reminder sweep on real worker processes and the real broker (Redis in CI's second lane):
killed in the middle of sending, then run again by two workers at once, it leaves every
participant with exactly one email of each kind that was due."""

import email
import time
import uuid
from collections import Counter
from datetime import timedelta
from email.header import decode_header, make_header

import pytest
from django.utils import timezone

from academy.models import Organisation
from cohorts.models import CohortSession, Notification
from cohorts.notifications import digest_week
from cohorts.tasks import send_cohort_reminders
from tests.factories import OrganisationFactory, cohort, enrol, officer_of
from tests.workers import start_worker, stop_worker, tasks_to_the_broker

PARTICIPANTS = 30
STALL_AFTER = 25  # emails sent before the provider stops answering and the worker is killed
KINDS = {"Next week:": "week", "Tomorrow:": "day", "How was session": "feedback"}


def outbox(folder):
    """(recipient, kind) of every email the workers handed to the provider."""
    found = []
    for path in folder.glob("*.eml"):
        message = email.message_from_bytes(path.read_bytes())
        subject = str(make_header(decode_header(message["Subject"])))
        kind = next((k for prefix, k in KINDS.items() if subject.startswith(prefix)), subject)
        if subject.startswith("Your week:"):
            kind = "digest"
        found.append((message["To"], kind))
    return found


def wait_for(condition, *, workers, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        if any(worker.poll() is not None for worker in workers):
            return False
        time.sleep(0.25)
    return False


def arrange_sessions_with_each_kind_due(the_cohort):
    """Session 1 ended an hour ago (feedback due), session 2 starts in 12 hours (the day
    reminder due), session 3 in 3 days (the week reminder due). Times are set directly:
    this is the state the sweep meets, not the way sessions get there."""
    now = timezone.now()
    for number, starts_at in (
        (1, now - timedelta(hours=4)),
        (2, now + timedelta(hours=12)),
        (3, now + timedelta(days=3)),
    ):
        CohortSession.objects.filter(cohort=the_cohort, number=number).update(
            starts_at=starts_at, ends_at=starts_at + timedelta(hours=3)
        )


@pytest.mark.worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_sweep_killed_mid_run_and_run_again_sends_each_reminder_exactly_once(tmp_path):
    the_cohort = cohort(
        start_date=timezone.localdate() - timedelta(days=30), capacity=PARTICIPANTS, confirm=True
    )
    council = OrganisationFactory(place=the_cohort.place, kind=Organisation.Kind.UNITARY_COUNCIL)
    police = OrganisationFactory(place=the_cohort.place, kind=Organisation.Kind.POLICE)
    people = [officer_of(council if i % 2 else police) for i in range(PARTICIPANTS)]
    for person in people:
        enrol(the_cohort, person)
    arrange_sessions_with_each_kind_due(the_cohort)
    facilitator = the_cohort.facilitators.get()
    digest_due = digest_week(timezone.now()) is not None
    expected = PARTICIPANTS * len(KINDS) + (1 if digest_due else 0)
    queue = f"test-{uuid.uuid4().hex[:12]}"
    provider = {"TEST_EMAIL_BACKEND": "tests.cohorts.email_backends.FolderBackend"}
    provider["TEST_OUTBOX"] = str(tmp_path)

    # The first worker's email provider hangs after some emails; the worker is killed there.
    first = start_worker(queue, TEST_OUTBOX_STALL_AFTER=str(STALL_AFTER), **provider)
    try:
        with tasks_to_the_broker():
            send_cohort_reminders.apply_async(queue=queue)
        stalled = wait_for(lambda: len(outbox(tmp_path)) >= STALL_AFTER, workers=[first])
        time.sleep(0.5)  # it is now waiting on the provider for the next one
    finally:
        first_output = stop_worker(first, kill=True)
    assert stalled, f"The first worker never got going. It printed:\n{first_output}"
    assert len(outbox(tmp_path)) == STALL_AFTER
    unsent = Notification.objects.filter(sent_at__isnull=True, skipped_at__isnull=True)
    assert unsent.count() == expected - STALL_AFTER, Counter(
        (n.kind, n.sent_at is None, n.skipped_at is None, n.last_error)
        for n in Notification.objects.all()
    )

    # Run again, twice over, on two workers at once: as beat's next run and a redelivery.
    second = start_worker(queue, **provider)
    third = start_worker(queue, **provider)
    try:
        with tasks_to_the_broker():
            send_cohort_reminders.apply_async(queue=queue)
            send_cohort_reminders.apply_async(queue=queue)
        finished = wait_for(
            lambda: len(outbox(tmp_path)) >= expected and not unsent.exists(),
            workers=[second, third],
        )
        time.sleep(1)  # anything sent twice would arrive now
    finally:
        outputs = [stop_worker(second), stop_worker(third)]
    assert finished, "The sweep did not finish. The workers printed:\n" + "\n".join(outputs)

    sent = Counter(outbox(tmp_path))
    assert set(sent.values()) == {1}, [item for item, count in sent.items() if count > 1]
    for person in people:
        for kind in KINDS.values():
            assert sent[(person.email, kind)] == 1, (person.email, kind)
    assert sent[(facilitator.email, "digest")] == (1 if digest_due else 0)
    assert sum(sent.values()) == expected
