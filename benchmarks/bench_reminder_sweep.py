"""The cohort reminder sweep grows with the reminders that are due, not with how many people
are enrolled: the same 20 reminders cost about the same with 1,000 enrolments as with
100,000, in the same number of queries, and 420 reminders cost about 20 times as much.

The cohorts whose first session is due a reminder are made through the services, as the site
makes them, with a curriculum of live modules. The mass of other cohorts (sessions every 30
days, none within a fortnight of "now"), their enrolments and the invitation and timetable
emails already sent to everyone are bulk-inserted: quicker, and the same tables and indexes.

Every sweep is given the same `now`, fixed when the run starts, so the reminder windows never
move; the sessions are days away, so delivery (which checks the real time) sends every
reminder."""

import gc
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from time import perf_counter

from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from academy import roles
from academy.models import Organisation, Place, Region, User
from benchmarks import Row
from cohorts import notifications, scheduling, services
from cohorts.models import Cohort, CohortSession, Enrolment, Notification
from tests.factories import curriculum as curriculum_of_live_modules

NAME = "reminder sweep"
SWEEP_REPEATS = 7
DECIDE_REPEATS = 15
SMALL, LARGE = 1_000, 100_000  # enrolments in the background cohorts
PER_COHORT = 50  # so 2,000 background cohorts at the large size
POOL = 20_000  # people the background enrolments are drawn from
FEW_DUE = (2, 10)  # cohorts whose first session is 2 to 6 days away, participants in each
MORE_DUE = (20, 20)  # added for the "many due" figure: 20 + 400 = 420 reminders
# The bound on 100,000 / 1,000 enrolments, for the whole sweep and for deciding alone. What
# may grow is index look-ups (with the logarithm) and the database outgrowing its caches: about
# 1.0 to 1.2 here, and runs on this shared 2-core machine vary by a fifth or more. Work that
# grows with the enrolments grows 100 times: a query per cohort, or loading every enrolment,
# goes far past 2. Sending dominates the sweep, so its ratio is the blunter of the two: even
# one bare read of every enrolment shows in deciding alone (the "for scale" row).
MAX_GROWTH = 2.0
# Many due over few: no worse than in proportion to the reminders, with half again to spare
# for noise. Anything worse than linear (a query over everything already decided for each
# reminder) grows with the square and goes far past it.
PROPORTION_SLACK = 1.5


def run() -> list[Row]:
    now = timezone.now().replace(second=0, microsecond=0)
    world = World(now)
    world.add_due_cohorts(*FEW_DUE)
    world.add_background(SMALL)
    few_small = world.measure()
    world.add_background(LARGE)
    few_large = world.measure()
    read_all = world.time_reading_every_enrolment()
    world.add_due_cohorts(*MORE_DUE)
    many_large = world.measure()
    idle_large = world.measure_nothing_new()

    growth = few_large.sweep / few_small.sweep
    decide_growth = few_large.decide / few_small.decide
    more = many_large.sweep / few_large.sweep
    proportion = many_large.due / few_large.due
    rows = [
        Row(NAME, f"{SMALL:,} enrolled, {few_small.due} due", few_small.summary()),
        Row(NAME, f"{LARGE:,} enrolled, {few_large.due} due", few_large.summary()),
        Row(NAME, f"{LARGE:,} enrolled, {many_large.due} due", many_large.summary()),
        Row(
            NAME,
            f"{LARGE:,} enrolled, nothing new (all {many_large.due} sent)",
            idle_large.summary(),
        ),
        Row(
            NAME,
            f"sweep, {LARGE:,} / {SMALL:,} enrolled, same {few_large.due} due",
            f"{growth:.2f}x",
            f"at most {MAX_GROWTH:.1f}x",
            growth <= MAX_GROWTH,
        ),
        Row(
            NAME,
            f"deciding alone, {LARGE:,} / {SMALL:,} enrolled",
            f"{decide_growth:.2f}x",
            f"at most {MAX_GROWTH:.1f}x",
            decide_growth <= MAX_GROWTH,
        ),
        Row(
            NAME,
            f"queries a sweep, {LARGE:,} vs {SMALL:,} enrolled",
            f"{few_large.queries} vs {few_small.queries}",
            "the same",
            few_large.queries == few_small.queries,
        ),
        Row(
            NAME,
            f"sweep, {many_large.due} / {few_large.due} due, {LARGE:,} enrolled",
            f"{more:.1f}x ({proportion:.0f}x the reminders)",
            f"more than 1x, at most {proportion * PROPORTION_SLACK:.1f}x",
            1 < more <= proportion * PROPORTION_SLACK,
        ),
        Row(
            NAME,
            f"for scale: one read of all {LARGE:,} enrolments",
            f"{read_all * 1000:.1f} ms: a sweep doing it would show "
            f"{(few_large.sweep + read_all) / few_small.sweep:.1f}x, deciding "
            f"{(few_large.decide + read_all) / few_small.decide:.0f}x",
        ),
    ]
    return rows


@dataclass
class Measurement:
    due: int
    sweep: float  # median seconds of a whole sweep: decide, then send
    decide: float  # median seconds of deciding alone
    queries: int  # in one sweep
    deciding_queries: int

    def summary(self) -> str:
        return (
            f"{self.sweep * 1000:.1f} ms a sweep ({self.decide * 1000:.1f} deciding), "
            f"{self.queries} queries ({self.deciding_queries} deciding)"
        )


def median_seconds(action: Callable[[], object], *, repeats: int, reset: Callable[[], None]):
    """The median time of `action`, run `repeats` times from the same state. The objects
    the benchmark itself holds are frozen out of the garbage collector's way, so that its
    cost follows what the sweep allocates, as in a worker, not the size of the test data."""
    times = []
    for _ in range(repeats):
        gc.collect()
        gc.freeze()
        started = perf_counter()
        action()
        times.append(perf_counter() - started)
        gc.unfreeze()
        reset()
    return statistics.median(times)


def insert(model, rows: Iterable, *, chunk: int = 5_000) -> None:
    """Bulk-insert rows a chunk at a time, so that 200,000 of them never sit in memory."""
    rows = iter(rows)
    while batch := list(islice(rows, chunk)):
        model.objects.bulk_create(batch)


class World:
    """The data the sweep runs over, built up in stages between measurements."""

    def __init__(self, now: datetime):
        self.now = now
        self.admin = User.objects.create_user(
            "bench.admin@academy.example", None, full_name="Bench Administrator"
        )
        self.admin.groups.add(Group.objects.get(name=roles.LGA_ADMINISTRATOR))
        self.facilitator = User.objects.create_user(
            "bench.facilitator@academy.example", None, full_name="Bench Facilitator"
        )
        self.facilitator.groups.add(Group.objects.get(name=roles.FACILITATOR))
        self.place = Place.objects.create(
            name="Benchshire", slug="benchshire", kind=Place.Kind.COUNTY, region=Region.EAST
        )
        self.council = Organisation.objects.create(
            name="Benchshire County Council",
            kind=Organisation.Kind.COUNTY_COUNCIL,
            place=self.place,
        )
        self.curriculum = curriculum_of_live_modules(modules=6, name="Bench curriculum")
        self.first_day = first_session_day(now)
        self.people_made = 0
        self.background_cohorts = 0
        self.pool: list[int] = []  # ids of the people background cohorts are drawn from
        self.due = 0

    def people(self, count: int) -> list[User]:
        first = self.people_made
        self.people_made += count
        return User.objects.bulk_create(
            [
                User(
                    email=f"officer{n}@bench.example",
                    full_name=f"Officer {n}",
                    organisation=self.council,
                    password="!",  # unusable, and no time spent hashing
                )
                for n in range(first, first + count)
            ],
            batch_size=5_000,
        )

    def add_due_cohorts(self, cohorts: int, people_each: int) -> None:
        """Cohorts set up, confirmed (which schedules their sessions) and filled through the
        services, their first session on `first_day`: a week's reminder is due to each
        participant. This week's digest to their facilitator has gone already."""
        opens, closes = notifications.REMINDER_WINDOWS[Notification.Kind.REMINDER_WEEK]
        for _ in range(cohorts):
            cohort = services.create_cohort(
                by=self.admin,
                facilitators=[self.facilitator],
                curriculum=self.curriculum,
                place=self.place,
                name=f"Due cohort {Cohort.objects.filter(name__startswith='Due').count() + 1}",
                start_date=self.first_day,
                span_months=6,
                session_count=6,
                weekday=self.first_day.weekday(),
                local_start_time=time(10, 0),
                capacity=people_each,
            )
            cohort = services.confirm_cohort(cohort=cohort, by=self.admin)
            for person in self.people(people_each):
                services.invite_to_cohort(cohort=cohort, person=person, by=self.facilitator)
                services.accept_place(cohort=cohort, person=person)
            first = cohort.sessions.get(number=1)
            assert self.now + closes < first.starts_at <= self.now + opens, first
            assert first.module_id, "Each session covers a live module, as in the demo."
            self.due += people_each
        week = notifications.digest_week(self.now)
        if week:
            Notification.objects.bulk_create(
                [
                    Notification(
                        person=self.facilitator,
                        cohort=cohort,
                        kind=Notification.Kind.DIGEST,
                        occasion=week,
                        sent_at=self.now,
                        attempts=1,
                    )
                    for cohort in Cohort.objects.filter(name__startswith="Due")
                ],
                ignore_conflicts=True,
            )
        # Invitations and timetables went as people accepted (tasks run in-process here).
        assert not Notification.objects.filter(sent_at__isnull=True).exists()

    def add_background(self, enrolments: int) -> None:
        """Bulk-insert confirmed cohorts of `PER_COHORT` people until the background holds
        `enrolments`. Some cohorts are under way and some yet to start, with sessions every
        30 days, none within a fortnight of `now` (the widest window the sweep looks at)."""
        if len(self.pool) < POOL:
            self.pool += [
                person.pk for person in self.people(min(POOL, enrolments) - len(self.pool))
            ]
        first = self.background_cohorts
        wanted = enrolments // PER_COHORT
        self.background_cohorts = wanted

        def starts(cohort_number, session_number):
            months = session_number - cohort_number % 4  # up to three sessions in the past
            return self.now + timedelta(days=15 + 30 * months)

        cohorts = Cohort.objects.bulk_create(
            [
                Cohort(
                    curriculum=self.curriculum,
                    place=self.place,
                    name=f"Background cohort {number}",
                    start_date=starts(number, 0).date(),
                    span_months=6,
                    session_count=6,
                    weekday=self.first_day.weekday(),
                    local_start_time=time(10, 0),
                    capacity=PER_COHORT,
                    status=Cohort.Status.CONFIRMED,
                    scheduled_at=self.now,
                    last_queue_number=PER_COHORT,
                )
                for number in range(first, wanted)
            ]
        )
        insert(
            Cohort.facilitators.through,
            (
                Cohort.facilitators.through(cohort_id=cohort.pk, user_id=self.facilitator.pk)
                for cohort in cohorts
            ),
        )
        insert(
            CohortSession,
            (
                CohortSession(
                    cohort=cohort,
                    number=session + 1,
                    title=f"Session {session + 1}",
                    starts_at=starts(first + index, session),
                    ends_at=starts(first + index, session) + timedelta(hours=3),
                )
                for index, cohort in enumerate(cohorts)
                for session in range(6)
            ),
        )
        # `PER_COHORT` different people in each cohort, the pool reused across cohorts.
        members = [
            (
                cohort,
                [self.pool[(index * PER_COHORT + n) % len(self.pool)] for n in range(PER_COHORT)],
            )
            for index, cohort in enumerate(cohorts, start=first)
        ]
        long_ago = self.now - timedelta(days=200)
        insert(
            Enrolment,
            (
                Enrolment(
                    cohort=cohort,
                    person_id=person,
                    status=Enrolment.Status.ENROLLED,
                    invited_by=self.facilitator,
                    invited_at=long_ago,
                    responded_at=long_ago,
                    enrolled_at=long_ago,
                    queue_number=place + 1,
                )
                for cohort, person_ids in members
                for place, person in enumerate(person_ids)
            ),
        )
        insert(
            Notification,
            (
                Notification(
                    person_id=person,
                    cohort=cohort,
                    kind=kind,
                    occasion=occasion,
                    created_at=long_ago,
                    sent_at=long_ago,
                    attempts=1,
                )
                for cohort, person_ids in members
                for person in person_ids
                for kind, occasion in (
                    (Notification.Kind.INVITATION, "invitation-1"),
                    (Notification.Kind.TIMETABLE, ""),
                )
            ),
        )
        if connection.vendor == "postgresql":
            # Fresh statistics for the planner, as autovacuum would have within a minute.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def reset(self, mark: int) -> None:
        """Back to the state before the measured sweep: its notifications and emails gone."""
        Notification.objects.filter(pk__gt=mark).delete()
        mail.outbox = []

    def last_notification(self) -> int:
        return Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def measure(self) -> Measurement:
        """Times whole sweeps, and deciding alone, each from the same state: every due
        reminder decided and sent exactly once. One untimed sweep first counts the queries
        (and warms the caches)."""
        mark = self.last_notification()
        expected = {"decided": self.due, "sent": self.due, "skipped": 0, "failed": 0}

        def sweep():
            outcome = notifications.sweep(now=self.now)
            assert outcome == expected, outcome
            assert len(mail.outbox) == self.due, len(mail.outbox)

        with CaptureQueriesContext(connection) as deciding:
            notifications.decide_due(now=self.now)
        with CaptureQueriesContext(connection) as sending:
            notifications.deliver_pending()
        self.reset(mark)
        return Measurement(
            due=self.due,
            sweep=median_seconds(sweep, repeats=SWEEP_REPEATS, reset=lambda: self.reset(mark)),
            decide=median_seconds(
                lambda: notifications.decide_due(now=self.now),
                repeats=DECIDE_REPEATS,
                reset=lambda: self.reset(mark),
            ),
            queries=len(deciding) + len(sending),
            deciding_queries=len(deciding),
        )

    def measure_nothing_new(self) -> Measurement:
        """The sweep as it runs most of the time, every 10 minutes: everything due has been
        decided and sent already."""
        notifications.sweep(now=self.now)
        nothing = {"decided": 0, "sent": 0, "skipped": 0, "failed": 0}

        def sweep():
            assert notifications.sweep(now=self.now) == nothing

        with CaptureQueriesContext(connection) as deciding:
            notifications.decide_due(now=self.now)
        with CaptureQueriesContext(connection) as sending:
            notifications.deliver_pending()
        return Measurement(
            due=0,
            sweep=median_seconds(sweep, repeats=SWEEP_REPEATS, reset=lambda: None),
            decide=median_seconds(
                lambda: notifications.decide_due(now=self.now),
                repeats=DECIDE_REPEATS,
                reset=lambda: None,
            ),
            queries=len(deciding) + len(sending),
            deciding_queries=len(deciding),
        )

    def time_reading_every_enrolment(self) -> float:
        """What a sweep that read every enrolled person once would pay on top, for scale."""

        def read():
            return list(
                Enrolment.objects.filter(status=Enrolment.Status.ENROLLED)
                .order_by()
                .values_list("cohort_id", "person_id")
            )

        return median_seconds(read, repeats=3, reset=lambda: None)


def first_session_day(now: datetime) -> date:
    """A working day two to six days after `now`, not a bank holiday: a session at 10am UK
    time on it falls in the window of the reminder a week before, and has not started yet."""
    today = timezone.localdate(now)
    avoid = scheduling.days_to_avoid(today, today + timedelta(days=7))
    for offset in range(2, 7):
        day = today + timedelta(days=offset)
        if day.weekday() < 5 and day not in avoid:
            return day
    raise RuntimeError(f"No working day between 2 and 6 days after {today}.")
