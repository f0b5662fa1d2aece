"""The cohort reminder sweep grows with the reminders that are due, not with how many people
are enrolled: the same few reminders cost about the same with 1,000 enrolments as with
100,000, and many more reminders cost proportionally more.

The cohorts whose sessions are due are made through the services, as the site makes them;
the mass of other cohorts, sessions and enrolments (nothing due for months) is bulk-inserted,
which is quicker and exercises the same tables and indexes."""

import statistics
import time
from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from academy import roles
from academy.models import Organisation, Place, Region, User
from cohorts import notifications, services
from cohorts.models import (
    Cohort,
    CohortSession,
    Curriculum,
    Enrolment,
    Notification,
    Weekday,
)

from .run import Row

NAME = "reminder sweep"
REPEATS = 5
PER_COHORT = 50  # enrolments in each background cohort
SMALL, LARGE = 1_000, 100_000  # background enrolments
FEW_DUE = (2, 10)  # cohorts with a session due, people in each: 20 reminders
MANY_DUE = (20, 20)  # 400 reminders
# With few reminders due, 100 times the enrolments may cost at most this much more time.
MAX_GROWTH = 2.0


def run() -> list[Row]:
    world = World()
    world.due_cohorts(*FEW_DUE)
    world.background(SMALL, people=1_000)
    few_small = world.measure()
    world.background(LARGE, people=20_000)
    few_large = world.measure()
    world.due_cohorts(*MANY_DUE)
    many_large = world.measure()

    growth = few_large.seconds / few_small.seconds
    per_reminder_few = few_large.seconds / few_large.due
    per_reminder_many = many_large.seconds / many_large.due
    rows = []
    for label, result in (
        ("1,000 enrolled, 20 due", few_small),
        ("100,000 enrolled, 20 due", few_large),
        ("100,000 enrolled, 420 due", many_large),
    ):
        rows.append(
            Row(
                NAME,
                f"{label}: median sweep",
                f"{result.seconds * 1000:.1f} ms ({result.queries_deciding} queries to decide)",
            )
        )
    rows += [
        Row(
            NAME,
            "100,000 over 1,000 enrolled, same 20 due",
            f"{growth:.2f}x",
            f"at most {MAX_GROWTH:.1f}x",
            growth <= MAX_GROWTH,
        ),
        Row(
            NAME,
            "queries to decide, 100,000 vs 1,000 enrolled",
            f"{few_large.queries_deciding} vs {few_small.queries_deciding}",
            "the same",
            few_large.queries_deciding == few_small.queries_deciding,
        ),
        Row(
            NAME,
            "420 over 20 due, with 100,000 enrolled",
            f"{many_large.seconds / few_large.seconds:.1f}x "
            f"({per_reminder_many * 1000:.2f} vs {per_reminder_few * 1000:.2f} ms a reminder)",
            "grows with what is due",
            many_large.seconds > few_large.seconds,
        ),
    ]
    return rows


class Result:
    def __init__(self, seconds, due, queries_deciding):
        self.seconds = seconds
        self.due = due
        self.queries_deciding = queries_deciding


class World:
    """The data the sweep runs over, built up in stages between measurements."""

    def __init__(self):
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
        self.curriculum = Curriculum.objects.create(name="Bench curriculum")
        self.people_made = 0
        self.background_enrolments = 0
        self.due = 0

    def people(self, count) -> list[User]:
        first = self.people_made
        self.people_made += count
        User.objects.bulk_create(
            [
                User(
                    email=f"officer{n}@bench.example",
                    full_name=f"Officer {n}",
                    organisation=self.council,
                    password="!",  # no usable password
                )
                for n in range(first, first + count)
            ],
            batch_size=2000,
        )
        return list(User.objects.filter(email__endswith="@bench.example").order_by("pk")[first:])

    def due_cohorts(self, cohorts, people_each):
        """Cohorts made through the services, whose first session is three days away: each of
        their participants is due a reminder a week before."""
        for number in range(cohorts):
            cohort = services.create_cohort(
                by=self.admin,
                facilitators=[self.facilitator],
                curriculum=self.curriculum,
                place=self.place,
                name=f"Due cohort {Cohort.objects.count() + 1}",
                start_date=timezone.localdate() - timedelta(days=1),
                span_months=6,
                session_count=6,
                weekday=Weekday.TUESDAY,
                local_start_time=timezone.localtime().time().replace(microsecond=0),
                capacity=people_each,
            )
            services.confirm_cohort(cohort=cohort, by=self.admin)
            for person in self.people(people_each):
                services.invite_to_cohort(cohort=cohort, person=person, by=self.facilitator)
                services.accept_place(cohort=cohort, person=person)
            # The state the sweep meets: the first session three days from now.
            starts = timezone.now() + timedelta(days=3, minutes=number)
            CohortSession.objects.filter(cohort=cohort, number=1).update(
                starts_at=starts, ends_at=starts + timedelta(hours=3)
            )
            self.due += people_each
        Notification.objects.update(sent_at=timezone.now())  # their invitations went long ago

    def background(self, enrolments, *, people):
        """Bulk-insert confirmed cohorts whose sessions are all months away, until there are
        `enrolments` enrolled in them, drawn from a pool of `people` more people."""
        needed = enrolments - self.background_enrolments
        cohorts = needed // PER_COHORT
        start = timezone.localdate() + timedelta(days=120)
        Cohort.objects.bulk_create(
            [
                Cohort(
                    curriculum=self.curriculum,
                    place=self.place,
                    name=f"Background cohort {self.background_enrolments // PER_COHORT + n}",
                    start_date=start,
                    span_months=6,
                    session_count=6,
                    weekday=Weekday.TUESDAY,
                    local_start_time=timezone.localtime().time(),
                    capacity=PER_COHORT,
                    status=Cohort.Status.CONFIRMED,
                    scheduled_at=timezone.now(),
                )
                for n in range(cohorts)
            ],
            batch_size=1000,
        )
        made = list(Cohort.objects.filter(name__startswith="Background").order_by("-pk")[:cohorts])
        first = timezone.now() + timedelta(days=120)
        CohortSession.objects.bulk_create(
            [
                CohortSession(
                    cohort=cohort,
                    number=n + 1,
                    title=f"Session {n + 1}",
                    starts_at=first + timedelta(days=30 * n),
                    ends_at=first + timedelta(days=30 * n, hours=3),
                )
                for cohort in made
                for n in range(6)
            ],
            batch_size=5000,
        )
        pool = self.people(people)
        now = timezone.now()
        Enrolment.objects.bulk_create(
            [
                Enrolment(
                    cohort=cohort,
                    person=pool[(index * PER_COHORT + position) % len(pool)],
                    status=Enrolment.Status.ENROLLED,
                    invited_at=now,
                    responded_at=now,
                    enrolled_at=now,
                    queue_number=position + 1,
                )
                for index, cohort in enumerate(made)
                for position in range(PER_COHORT)
            ],
            batch_size=5000,
        )
        self.background_enrolments += cohorts * PER_COHORT

    def measure(self) -> Result:
        """The median time of a whole sweep (decide, then send), each time from the same
        state, and the queries its deciding made."""
        times = []
        queries = 0
        for _ in range(REPEATS):
            before = Notification.objects.order_by("-pk").values_list("pk", flat=True).first()
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as deciding:
                notifications.decide_due()
            queries = len(deciding)
            Notification.objects.filter(pk__gt=before or 0).delete()
            started = time.perf_counter()
            outcome = notifications.sweep()
            times.append(time.perf_counter() - started)
            assert outcome["sent"] >= self.due, outcome  # each due reminder went, once
            Notification.objects.filter(pk__gt=before or 0).delete()
        return Result(statistics.median(times), self.due, queries)
