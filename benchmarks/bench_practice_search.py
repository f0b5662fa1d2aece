"""Searching the good-practice database at 50,000 entries on PostgreSQL (5,000 on SQLite, so
that `make bench` stays quick): p50 and p95 of server time for ten varied searches, each
timed through a whole request to the search page (middleware, page, template) and through
the selector alone, against the page with nothing chosen; whether each makes as many queries
at 500 entries as at the full size; and issue 10's target, which holds on PostgreSQL only.

The database, its landing page and its first few entries are made through the factories, as
the site makes them, with revisions published. The mass is bulk-inserted: pages in the tree
with the paths, depths and child counts treebeard would give them (the tree is checked
afterwards), their terms, organisations and outcomes alongside. They are indexed between the
search backend's own rebuilder's start and finish; see `World.add_to_search_index` for how,
and how that is checked. Then the planner gets statistics (VACUUM ANALYZE on PostgreSQL, as
autovacuum would; ANALYZE on SQLite, as `PRAGMA optimize` would); on SQLite one search is
also timed without them, for the record.

The text is generated from vocabularies of service areas, technologies, problems and
outcomes (several hundred distinct words), each drawn with a skewed (Zipf-like)
distribution, so that some words are in most entries and some in a few, and ranking has
something to do. Searches are timed round-robin; one that takes seconds gets one or two
samples rather than twenty, and counts as much as any other in the figures for all ten."""

import gc
import random
import statistics
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate, islice
from time import perf_counter

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, TextField
from django.db.models.functions import Cast
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from benchmarks import Row
from cms_pages.models import (
    CaseStudyOrganisation,
    CaseStudyOutcome,
    CaseStudyPage,
    PracticeKind,
    PracticeRegion,
    Theme,
)
from good_practice import selectors
from good_practice.models import CouncilType, Sector, ServiceArea
from tests.factories import case_study, practice_database

NAME = "practice search"
SMALL = 500
LARGE = {"postgresql": 50_000, "sqlite": 5_000}
MADE_BY_FACTORY = 5  # the first entries, published through revisions as the site does
REPEATS = 20  # of every search, for a p95 that stays put from one run to the next
# A search gets at least this many samples, and no more once its requests and selector calls
# have taken this long: room for all 20 of a search that meets issue 10's target, while a
# search of several seconds cannot hold the run up for an hour.
MIN_REPEATS, BUDGET_SECONDS = 1, 6.0
UNTUNED_QUERY = "q=geofencing"  # timed once on SQLite without planner statistics
CHUNK = 1_000  # entries generated, inserted and indexed at a time
SEED = 2026
# Issue 10: "search at 50,000 entries on PostgreSQL: p95 server time at most 100 ms". The one
# target here that is not a ratio: it is the issue's own figure, held only where it applies.
TARGET_P95_MS = 100
TARGET_DATABASE, TARGET_ENTRIES = "postgresql", 50_000

# (what it is, the query string), as a person would arrive at them from the search form.
SEARCHES: tuple[tuple[str, str], ...] = (
    ("two words, one service area", "q=vehicle+tracking&area=meals-on-wheels"),
    ("one word, one sector", "q=chatbot&sector=local-government"),
    ("filters only: service area and theme", "area=adult-social-care&theme=data"),
    ("many words", "q=manual+data+entry+in+rural+villages"),
    ("a rare word", "q=geofencing"),
    ("a very common word", "q=residents"),
    ("newest first, with a region", "q=sensors&region=north-west&sort=newest"),
    ("page 3, with a kind", "q=data&kind=case-study&page=3"),
    ("two words, type of council and theme", "q=digital+skills&council=county&theme=inclusion"),
    ("nothing found: suggestions", "q=hovercraft&area=libraries"),
)
BARE = ("nothing chosen: the page as first opened", "")


def run() -> list[Row]:
    large = LARGE.get(connection.vendor, LARGE["postgresql"])
    world = World()
    world.grow_to(SMALL)
    small = world.measure()
    world.grow_to(large)
    full = world.measure()
    world.check_the_bulk_entries_are_whole()

    where = f"{large:,} entries" + ("" if connection.vendor == "postgresql" else ", SQLite")
    rows = [
        Row(
            NAME,
            f"building {large:,} entries",
            f"{world.inserting:.0f} s inserting, {world.indexing:.0f} s indexing "
            f"({world.indexing / (large - MADE_BY_FACTORY) * 1000:.1f} ms an entry)",
        ),
        Row(
            NAME,
            f"{where}: {BARE[0]} (the reference)",
            full.bare.summary(),
        ),
        Row(
            NAME,
            f"{where}: for scale, its landing page (a small page)",
            f"{full.floor.summary()}; the reference is "
            f"{full.bare.request_p50 / full.floor.request_p50:.1f}x",
        ),
    ]
    for (label, _query), timing in zip(SEARCHES, full.searches, strict=True):
        rows.append(
            Row(
                NAME,
                f"{where}: {label}",
                f"{timing.summary()}; "
                f"{timing.request_p95 / full.bare.request_p95:.1f}x the reference at p95",
            )
        )
    overall = full.overall()
    overall_small = small.overall()
    slowest_label, slowest = max(
        zip((label for label, _ in SEARCHES), full.searches, strict=True),
        key=lambda pair: pair[1].request_p95,
    )
    rows += [
        Row(
            NAME,
            f"{where}: all ten searches",
            f"request p50 {overall.request_p50 * 1000:.1f} ms, p95 "
            f"{overall.request_p95 * 1000:.1f} ms; selector p50 "
            f"{overall.selector_p50 * 1000:.1f} ms, p95 {overall.selector_p95 * 1000:.1f} ms; "
            f"{overall.request_p95 / full.bare.request_p95:.1f}x the reference at p95",
        ),
        Row(
            NAME,
            f"all ten searches, {large:,} / {SMALL:,} entries",
            f"{overall.request_p50 / overall_small.request_p50:.1f}x at p50, "
            f"{overall.request_p95 / overall_small.request_p95:.1f}x at p95 "
            f"(slowest: {slowest_label}, {slowest.request_p95 * 1000:.0f} ms at p95)",
        ),
    ]
    if connection.vendor == "sqlite":
        untuned = world.time_without_statistics()
        tuned = full.searches[[query for _, query in SEARCHES].index(UNTUNED_QUERY)]
        rows.append(
            Row(
                NAME,
                f"{where}: for scale, the rare word's selector without planner statistics "
                "(no ANALYZE ever)",
                f"{untuned * 1000:.0f} ms once, {untuned / tuned.selector_p50:.0f}x the same "
                "after ANALYZE",
            )
        )
    p95_ms = overall.request_p95 * 1000
    if connection.vendor == TARGET_DATABASE and large >= TARGET_ENTRIES:
        rows.append(
            Row(
                NAME,
                f"p95 server time, all ten searches, {large:,} entries (issue 10)",
                f"{p95_ms:.0f} ms",
                f"at most {TARGET_P95_MS} ms",
                p95_ms <= TARGET_P95_MS,
            )
        )
    else:
        rows.append(
            Row(
                NAME,
                f"p95 server time, all ten searches, {where} (issue 10 sets its target at "
                f"{TARGET_ENTRIES:,} on PostgreSQL)",
                f"{p95_ms:.0f} ms",
            )
        )
    different = [
        f"{label}: {a.request_queries} vs {b.request_queries}"
        for (label, _), a, b in zip(SEARCHES, full.searches, small.searches, strict=True)
        if (a.request_queries, a.selector_queries) != (b.request_queries, b.selector_queries)
    ]
    counts = sorted(timing.request_queries for timing in full.searches)
    rows.append(
        Row(
            NAME,
            f"queries a request, {large:,} vs {SMALL:,} entries, each search",
            "; ".join(different)
            or f"all ten the same, {counts[0]} to {counts[-1]} ({full.bare.request_queries} "
            "with nothing chosen)",
            "the same",
            not different and full.bare.request_queries == small.bare.request_queries,
        )
    )
    return rows


# --- Timing -----------------------------------------------------------------------------------


def percentile(times: Sequence[float], share: float) -> float:
    """The time below which `share` of `times` fall, interpolated between the samples."""
    if len(times) == 1:
        return times[0]
    return statistics.quantiles(times, n=100, method="inclusive")[round(share * 100) - 1]


@dataclass
class Timing:
    """One search, timed `REPEATS` times through a request and through the selector alone."""

    results: int
    request_queries: int
    selector_queries: int
    request: list[float] = field(default_factory=list)
    selector: list[float] = field(default_factory=list)

    @property
    def request_p50(self) -> float:
        return statistics.median(self.request)

    @property
    def request_p95(self) -> float:
        return percentile(self.request, 0.95)

    @property
    def selector_p50(self) -> float:
        return statistics.median(self.selector)

    @property
    def selector_p95(self) -> float:
        return percentile(self.selector, 0.95)

    def summary(self) -> str:
        text = f"request p50 {self.request_p50 * 1000:.1f} ms, p95 {self.request_p95 * 1000:.1f} ms"
        if self.selector:
            text += (
                f"; selector p50 {self.selector_p50 * 1000:.1f} ms, "
                f"p95 {self.selector_p95 * 1000:.1f} ms"
            )
        if self.results >= 0:
            text += f"; {self.results:,} found"
        text += f"; {self.request_queries} queries ({self.selector_queries} selector)"
        if len(self.request) < REPEATS:
            count = len(self.request)
            text += f"; {count} sample{'' if count == 1 else 's'}, being slow"
        return text


@dataclass
class Measurement:
    bare: Timing
    floor: Timing
    searches: list[Timing]

    def overall(self) -> "Overall":
        """Every search's samples together, each search weighing the same however many
        samples it has (a slow one has fewer)."""
        requests = [timing.request for timing in self.searches]
        selectors_alone = [timing.selector for timing in self.searches]
        return Overall(
            request_p50=pooled_percentile(requests, 0.5),
            request_p95=pooled_percentile(requests, 0.95),
            selector_p50=pooled_percentile(selectors_alone, 0.5),
            selector_p95=pooled_percentile(selectors_alone, 0.95),
        )


@dataclass
class Overall:
    request_p50: float
    request_p95: float
    selector_p50: float
    selector_p95: float


def pooled_percentile(groups: Sequence[Sequence[float]], share: float) -> float:
    """The time below which `share` of all the samples fall, each group weighing the same:
    the first whose cumulative weight reaches `share`."""
    weighted = sorted((time, 1 / len(group)) for group in groups for time in group)
    total = len(groups)
    reached = 0.0
    for time, weight in weighted:
        reached += weight
        if reached >= share * total - 1e-9:
            return time
    return weighted[-1][0]


def seconds(action: Callable[[], object]) -> float:
    """How long `action` takes. The objects the benchmark holds are frozen out of the garbage
    collector's way, so that its cost follows what the request allocates, as in a worker."""
    gc.collect()
    gc.freeze()
    started = perf_counter()
    action()
    taken = perf_counter() - started
    gc.unfreeze()
    return taken


# --- The entries ------------------------------------------------------------------------------


class Skewed:
    """Draws from `items` with the first far likelier than the last (weight 1/rank), as
    words are used in real text: a few everywhere, most in a handful of places."""

    def __init__(self, rng: random.Random, items: Sequence, exponent: float = 1.0):
        self.rng = rng
        self.items = list(items)
        self.cumulative = list(accumulate(1 / (rank + 1) ** exponent for rank in range(len(items))))

    def __call__(self):
        return self.rng.choices(self.items, cum_weights=self.cumulative)[0]

    def some(self, low: int, high: int) -> list:
        wanted = self.rng.randint(low, high)
        chosen: list = []
        for _ in range(wanted * 4):
            if len(chosen) == wanted:
                break
            item = self()
            if item not in chosen:
                chosen.append(item)
        return chosen


# Most used first: the order is the skew.
TECHNOLOGIES = (
    "data dashboards", "online forms", "a chatbot", "a mobile app", "text message reminders",
    "sensors", "vehicle tracking", "route optimisation", "robotic process automation",
    "shared care records", "telecare", "predictive analytics", "open data", "cloud hosting",
    "digital skills sessions", "a self-service portal", "electronic signatures", "webchat",
    "video consultations", "smart meters", "a digital twin", "machine learning",
    "a low-code platform", "a customer relationship system", "mapping software",
    "internet of things networks", "single sign-on", "electronic rostering",
    "body-worn cameras", "drones", "virtual reality training", "voice assistants",
    "damp and mould sensors", "QR codes", "automated translation", "digital vouchers",
    "solar compacting bins", "a LoRaWAN network", "geofencing",
)  # fmt: skip
# What each service deals with, for titles and sentences.
AREA_OBJECTS = {
    "adult-social-care": ("home care visits", "care packages", "carers' assessments"),
    "childrens-services": ("early help referrals", "foster placements", "family support"),
    "education": ("school admissions", "special needs plans", "school transport"),
    "housing": ("repairs", "homelessness applications", "void properties"),
    "planning": ("planning applications", "building control inspections", "local plans"),
    "waste-and-refuse": ("bin collections", "missed collections", "fly-tipping reports"),
    "transport": ("bus services", "pothole repairs", "parking permits"),
    "revenues-and-benefits": ("council tax bills", "benefit claims", "business rates"),
    "customer-services": ("phone calls", "online requests", "complaints"),
    "public-health": ("health checks", "stop smoking support", "vaccination uptake"),
    "libraries": ("library loans", "community hubs", "computer sessions"),
    "leisure": ("leisure centre bookings", "park maintenance", "events"),
    "environment": ("air quality readings", "energy use", "tree planting"),
    "meals-on-wheels": ("meal deliveries", "delivery rounds", "hot meals"),
    "licensing": ("taxi licences", "premises licences", "street trading"),
    "community-safety": ("antisocial behaviour reports", "CCTV", "flood warnings"),
    "economic-development": ("business grants", "job fairs", "high street footfall"),
    "democratic-services": ("committee papers", "elections", "councillor casework"),
}
AREAS = (
    "adult-social-care", "housing", "customer-services", "transport", "waste-and-refuse",
    "childrens-services", "revenues-and-benefits", "public-health", "planning",
    "environment", "education", "libraries", "community-safety", "leisure",
    "economic-development", "meals-on-wheels", "democratic-services", "licensing",
)  # fmt: skip
THEMES = (
    "services", "data", "organisational-capability", "inclusion", "value", "partnership",
    "connectivity", "security-and-resilience", "leadership", "ethics-and-sustainability",
    "economic-productivity-and-growth", "democracy-and-participation",
)  # fmt: skip
PLACES = (
    "Kent", "Leeds", "Manchester", "Essex", "Bristol", "Norfolk", "Birmingham", "Surrey",
    "Hampshire", "Liverpool", "Devon", "Cornwall", "Sheffield", "Newcastle", "Lancashire",
    "Nottingham", "Derbyshire", "Suffolk", "Warrington", "Halton", "Salford", "Trafford",
    "Wiltshire", "Somerset", "Dorset", "Cumbria", "Durham", "Northumberland", "Wigan",
    "Stockport", "Bolton", "Sunderland", "Gateshead", "Plymouth", "Exeter", "Oxford",
    "Cambridge", "Peterborough", "Leicester", "Coventry", "Wolverhampton", "Telford",
    "Shropshire", "Herefordshire", "Worcester", "Gloucester", "Swindon", "Reading", "Slough",
    "Luton", "Bedford", "Milton Keynes", "Northampton", "Lincoln", "Hull", "York",
    "Harrogate", "Bradford", "Calderdale", "Kirklees", "Rotherham", "Barnsley", "Doncaster",
)  # fmt: skip
COUNCIL_NAMES = {
    "county": "{} County Council",
    "district": "{} District Council",
    "unitary": "{} Council",
    "metropolitan": "{} Metropolitan Borough Council",
    "london-borough": "London Borough of {}",
    "combined-authority": "{} Combined Authority",
    "parish": "{} Town Council",
}
COUNCIL_TYPES = tuple(COUNCIL_NAMES)
LONDON_BOROUGHS = ("Camden", "Hackney", "Croydon", "Barnet", "Lambeth", "Newham", "Ealing")
COST_YEARS = ("one year", "two years", "three years", "four years")
OTHER_NAMES = {
    "police": "{} Police",
    "nhs": "{} NHS Foundation Trust",
    "fire-and-rescue": "{} Fire and Rescue Service",
    "central-government": "The {} jobcentre",
    "voluntary": "Age UK {}",
    "private": "{} Water",
    "other": "University of {}",
}
SECTORS = ("local-government", "nhs", "voluntary", "police", "private", "central-government",
           "fire-and-rescue", "other")  # fmt: skip
KINDS = tuple(
    kind.value
    for kind in (
        PracticeKind.CASE_STUDY,
        PracticeKind.REPORT,
        PracticeKind.LESSON,
        PracticeKind.FRAMEWORK,
    )
)
REGIONS = tuple(PracticeRegion.values)
SUBJECTS = (
    "Residents", "Staff", "Carers", "Drivers", "Tenants", "Families", "Businesses",
    "Officers", "Volunteers", "Older people", "Young people", "Patients", "Councillors",
    "Contact centre staff", "Social workers", "Crews", "Landlords", "Visitors",
)  # fmt: skip
STRUGGLES = (
    "waited weeks for", "kept chasing", "struggled to book", "could not track",
    "re-keyed the details of", "lost track of", "phoned again and again about", "missed",
    "complained about", "duplicated", "filled in paper forms for", "had no view of",
)  # fmt: skip
WHEN = (
    "", " outside office hours", " across three depots", " in rural villages",
    " during the winter", " after budgets were cut", " because systems did not talk to "
    "each other", " on paper", " at the busiest times", " when demand doubled",
    " after the pandemic", " with no shared record",
)  # fmt: skip
TASKS = (
    "manual data entry", "chasing paperwork", "answering the same questions",
    "planning routes by hand", "printing and posting letters", "matching records",
    "booking appointments", "checking spreadsheets", "scanning documents",
    "reconciling payments",
)  # fmt: skip
TEAMS = ("service", "contact centre", "operations", "finance", "social care", "fleet",
         "digital", "business support", "housing", "customer")  # fmt: skip
METHODS = (
    "ran a twelve-week pilot", "tested a prototype with", "mapped the whole journey with",
    "co-designed the service with", "trained digital champions among", "worked in the open "
    "with", "ran workshops with", "interviewed", "shadowed", "asked for feedback from",
)  # fmt: skip
PARTNERS = (
    "residents", "frontline staff", "a local university", "neighbouring councils",
    "a small supplier", "the voluntary sector", "the NHS trust", "the police",
    "housing associations", "schools", "the fire service", "local businesses",
)  # fmt: skip
BOUGHT = ("bought an off-the-shelf product", "built it in house", "reused a common platform",
          "joined a regional framework", "extended an existing contract",
          "shared a supplier with a neighbour")  # fmt: skip
NOW_DOES = (
    "now shows where", "now warns staff about", "now books", "now schedules",
    "now predicts", "now reports", "now routes", "now checks",
)  # fmt: skip
WORKED = (
    "Involving frontline staff early", "Starting small", "A named product owner",
    "Clear data sharing agreements", "Training everyone who used it", "Publishing progress "
    "every week", "A senior sponsor", "Keeping a phone line for those who need it",
    "Measuring a baseline first", "Working with the trade unions",
)  # fmt: skip
BECAUSE = (
    "people trusted the change", "problems surfaced within days", "it kept the scope tight",
    "the data was right from the start", "adoption was quick", "savings could be shown",
)  # fmt: skip
AVOID = (
    "buy before understanding the problem", "underestimate cleaning the data", "skip the "
    "equality impact assessment", "leave residents without a phone line", "sign a long "
    "contract without an exit plan", "assume everyone has a smartphone", "launch during the "
    "busiest season", "forget to switch off the old system", "rely on one enthusiast",
)  # fmt: skip
SAVINGS = ("fuel", "drivers' time", "postage", "agency staff", "overtime", "printing",
           "missed appointments", "office space", "licence fees", "mileage")  # fmt: skip
FEWER = ("missed collections", "complaints", "hospital admissions", "phone calls",
         "repeat visits", "failed deliveries", "late payments", "falls at home")  # fmt: skip
HOW_MEASURED = (
    "fuel cards over 12 months, against the year before", "a survey of 400 residents",
    "timesheets before and after", "contact centre records", "an independent evaluation",
    "the finance system", "case records over six months", "a randomised trial",
)  # fmt: skip


@dataclass
class Entry:
    """One generated entry: its page's fields and what it is tagged with, by slug."""

    title: str
    summary: str
    kind: str
    region: str
    problem: str
    approach: str
    what_worked: str
    what_to_avoid: str
    cost: str
    published: datetime
    areas: list[str]
    applies_to: list[str]
    themes: list[str]
    councils_elsewhere: list[str]
    organisations: list[tuple[str, str, str | None]]  # (name, sector, type of council)
    outcomes: list[tuple[str, str, str, str]]  # (measure, figure, description, how measured)
    technologies: list[str]


class Writer:
    """Entries that read like the real thing, the same ones on every run."""

    def __init__(self, now: datetime):
        self.now = now
        self.rng = rng = random.Random(SEED)  # noqa: S311 - test data, the same every run
        self.technology = Skewed(rng, TECHNOLOGIES)
        self.area = Skewed(rng, AREAS, exponent=0.8)
        self.theme = Skewed(rng, THEMES, exponent=0.8)
        self.place = Skewed(rng, PLACES, exponent=0.5)
        self.council_type = Skewed(rng, COUNCIL_TYPES)
        self.sector = Skewed(rng, SECTORS, exponent=1.6)
        self.kind = Skewed(rng, KINDS, exponent=1.2)
        self.region = Skewed(rng, REGIONS, exponent=0.3)
        self.pick = {
            name: Skewed(rng, words)
            for name, words in (
                ("subject", SUBJECTS),
                ("struggle", STRUGGLES),
                ("when", WHEN),
                ("task", TASKS),
                ("team", TEAMS),
                ("method", METHODS),
                ("partner", PARTNERS),
                ("bought", BOUGHT),
                ("now_does", NOW_DOES),
                ("worked", WORKED),
                ("because", BECAUSE),
                ("avoid", AVOID),
                ("saving", SAVINGS),
                ("fewer", FEWER),
                ("how", HOW_MEASURED),
            )
        }

    def organisation(self) -> tuple[str, str, str | None]:
        sector = self.sector()
        if sector == "local-government":
            council_type = self.council_type()
            place = (
                self.rng.choice(LONDON_BOROUGHS)
                if council_type == "london-borough"
                else self.place()
            )
            return COUNCIL_NAMES[council_type].format(place), sector, council_type
        return OTHER_NAMES[sector].format(self.place()), sector, None

    def entry(self, **given) -> Entry:
        """A new entry; `given` fixes its technologies, areas, applies_to, themes or
        organisations instead of drawing them."""
        rng, pick = self.rng, self.pick
        technologies = given.get("technologies") or self.technology.some(1, 2)
        technology = technologies[0]
        areas = given.get("areas") or self.area.some(1, 2)
        applies_to = given.get("applies_to") or [
            area for area in self.area.some(0, 2) if area not in areas
        ]
        organisations = given.get("organisations") or [
            self.organisation() for _ in range(rng.choice((1, 1, 1, 2)))
        ]
        lead = organisations[0][0]
        thing = rng.choice(AREA_OBJECTS[areas[0]])
        bare_technology = technology.removeprefix("a ").removeprefix("an ")
        title = rng.choice(
            (
                f"{bare_technology.capitalize()} for {thing} in {self.place()}",
                f"How {lead} improved {thing} with {technology}",
                f"{thing.capitalize()}: what {technology} changed",
            )
        )
        problem = " ".join(
            (
                f"{pick['subject']()} {pick['struggle']()} {thing}{pick['when']()}.",
                f"Demand rose by {rng.randint(5, 60)}% in {rng.randint(2, 5)} years while "
                "the budget fell.",
                f"The {pick['team']()} team spent {rng.randint(4, 60)} hours a week on "
                f"{pick['task']()}.",
            )
        )
        approach_sentences = [
            f"{lead} introduced {technology} for {thing}.",
            f"They {pick['method']()} {pick['partner']()} and {pick['bought']()}.",
            f"{bare_technology.capitalize()} {pick['now_does']()} "
            f"{rng.choice(AREA_OBJECTS[rng.choice(areas)])}, so residents are told sooner.",
        ]
        if len(technologies) > 1:
            approach_sentences.append(f"It was joined up with {technologies[1]}.")
        outcomes = []
        for measure in rng.sample(("money", "time", "satisfaction", "other"), rng.randint(1, 3)):
            if measure == "money":
                figure = f"£{rng.randint(8, 900)},000 a year"
                description = f"saved in {pick['saving']()}"
            elif measure == "time":
                figure = f"{rng.randint(5, 400)} hours a week"
                description = f"of staff time freed from {pick['task']()}"
            elif measure == "satisfaction":
                figure = f"{rng.randint(60, 98)}%"
                description = f"of residents satisfied with {thing}"
            else:
                figure = f"{rng.randint(10, 70)}%"
                description = f"fewer {pick['fewer']()}"
            outcomes.append((measure, figure, description, pick["how"]()))
        return Entry(
            title=title[:250],
            summary=f"{lead} used {technology} to cut the time {thing} take and to help "
            f"residents{pick['when']()}.",
            kind=self.kind(),
            region=self.region(),
            problem=f"<p>{problem}</p>",
            approach=f"<p>{' '.join(approach_sentences)}</p>",
            what_worked=f"<p>{pick['worked']()} mattered most: {pick['because']()}.</p>",
            what_to_avoid=f"<p>Do not {pick['avoid']()}.</p>",
            cost=f"£{rng.randint(5, 500) * 1000:,} over {rng.choice(COST_YEARS)}",
            published=self.now - timedelta(minutes=rng.randint(60, 6 * 365 * 24 * 60)),
            areas=areas,
            applies_to=applies_to,
            themes=given.get("themes") or self.theme.some(1, 3),
            councils_elsewhere=[
                slug
                for slug in self.council_type.some(0, 2)
                if slug not in {council for _, _, council in organisations}
            ],
            organisations=organisations,
            outcomes=outcomes,
            technologies=technologies,
        )


def chunks(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


def write_index_entries(backend, pages: list[CaseStudyPage], *, content_type_id: int) -> None:
    """Index entries for `pages` on PostgreSQL in one statement: each field's text and weight
    as the backend's own indexer extracts them, made into the same vectors its `add_items`
    makes (`setweight(to_tsvector(...))`, joined by `||`), without its per-entry Python."""
    from modelsearch.backends.database.postgres.postgres import ObjectIndexer
    from modelsearch.index import AutocompleteField, SearchField

    def vector(pieces: list[tuple[str, str]], config: str | None, params: list) -> str:
        if not pieces:
            return "to_tsvector('')"
        parts = []
        for text, weight in pieces:
            assert weight in "ABCD", weight
            if config:
                params.append(config)
            params.append(text)
            regconfig = "%s::regconfig, " if config else ""
            parts.append(f"setweight(to_tsvector({regconfig}COALESCE(%s, '')), '{weight}')")
        return f"({' || '.join(parts)})"

    rows, params = [], []
    for page in pages:
        indexer = ObjectIndexer(page, backend)
        title, body, autocomplete = [], [], []
        for search_field in indexer.search_fields:
            for indexed, weight, value in indexer.prepare_field(page, search_field):
                text = value.strip()
                if not text:
                    continue
                if isinstance(indexed, SearchField):
                    (title if indexed.field_name == "title" else body).append((text, weight))
                elif isinstance(indexed, AutocompleteField):
                    autocomplete.append((text, weight))
        params += [content_type_id, str(page.pk)]
        title_sql = vector(title, backend.config, params)
        autocomplete_sql = vector(autocomplete, backend.autocomplete_config, params)
        body_sql = vector(body, backend.config, params)
        params += [" ".join(text for text, _ in title), " ".join(text for text, _ in body)]
        rows.append(f"(%s, %s, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0, %s, %s)")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, "  # noqa: S608 - no outside input
            "autocomplete, body, title_norm, title_text, body_text) "
            f"VALUES {', '.join(rows)}",
            params,
        )


class World:
    """The good-practice database, grown in stages between measurements."""

    def __init__(self):
        self.now = timezone.now()
        self.writer = Writer(self.now)
        self.index = practice_database()
        self.landing_url = self.index.get_parent().url
        self.client = Client(HTTP_HOST="localhost")
        self.terms = {
            model: dict(model.objects.values_list("slug", "pk"))
            for model in (ServiceArea, Theme, Sector, CouncilType)
        }
        self.content_type = ContentType.objects.get_for_model(CaseStudyPage)
        self.entries = 0
        self.inserting = self.indexing = 0.0
        # What two of the searches should find, counted as the entries are written.
        self.expected = {"rare": 0, "filters only": 0}
        # The example of issue 5, and one for a search with three conditions, so that each
        # search finds something at 500 entries too; then entries like any other.
        self.make_through_factory(
            self.writer.entry(
                technologies=["vehicle tracking"],
                areas=["transport"],
                applies_to=["meals-on-wheels", "waste-and-refuse"],
                organisations=[("Kent County Council", "local-government", "county")],
            )
        )
        self.make_through_factory(
            self.writer.entry(
                technologies=["digital skills sessions"],
                areas=["libraries"],
                themes=["inclusion", "connectivity"],
                organisations=[("Norfolk County Council", "local-government", "county")],
            )
        )
        for _ in range(MADE_BY_FACTORY - 2):
            self.make_through_factory(self.writer.entry())

    def tally(self, entry: Entry) -> None:
        self.entries += 1
        self.expected["rare"] += "geofencing" in entry.technologies
        self.expected["filters only"] += (
            "adult-social-care" in entry.areas + entry.applies_to and "data" in entry.themes
        )

    def make_through_factory(self, entry: Entry) -> None:
        name, sector, council = entry.organisations[0]
        page = case_study(
            title=entry.title,
            slug=f"{slugify(entry.title)[:60]}-{self.entries + 1}",
            areas=entry.areas,
            applies_to=entry.applies_to,
            councils_elsewhere=entry.councils_elsewhere,
            themes=entry.themes,
            organisation=name,
            sector=sector,
            council=council,
            index=self.index,
            summary=entry.summary,
            kind=entry.kind,
            region=entry.region,
            problem=entry.problem,
            approach=entry.approach,
            what_worked=entry.what_worked,
            what_to_avoid=entry.what_to_avoid,
            cost=entry.cost,
            outcomes=[
                CaseStudyOutcome(measure=m, figure=f, description=d, how_measured=h)
                for m, f, d, h in entry.outcomes
            ],
        )
        assert page.live, page
        self.tally(entry)

    def grow_to(self, total: int) -> None:
        """Bulk-insert entries until there are `total`, and index them."""
        ids: list[int] = []
        started = perf_counter()
        wanted = (self.writer.entry() for _ in range(total - self.entries))
        for batch in chunks(wanted, CHUNK):
            ids += self.insert(batch)
        inserted = perf_counter()
        self.add_to_search_index(ids)
        self.inserting += inserted - started
        self.indexing += perf_counter() - inserted
        assert CaseStudyPage.objects.live().count() == self.entries == total
        self.analyse()

    def analyse(self) -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Fresh statistics and visibility for the planner, as autovacuum would have.
                cursor.execute("VACUUM ANALYZE")
            else:
                # What `PRAGMA optimize` would do, as SQLite advises running now and then.
                cursor.execute("ANALYZE")

    def time_without_statistics(self) -> float:
        """One search on SQLite with the planner's statistics taken away, as in a database
        where nothing has run ANALYZE (nothing in the site does): without them SQLite runs
        the full-text match once for every index entry. Statistics are made again after."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_schema WHERE name LIKE 'sqlite_stat%'")
            for (table,) in cursor.fetchall():
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - SQLite's own tables
            cursor.execute("ANALYZE sqlite_schema")  # makes the planner read them again
        taken = seconds(lambda: self.select(UNTUNED_QUERY))
        self.analyse()
        return taken

    def insert(self, batch: list[Entry]) -> list[int]:
        """The entries' pages (with the paths treebeard would give them), then the rest."""
        parent = Page.objects.get(pk=self.index.pk)
        last = parent.get_last_child()
        position = last._get_lastpos_in_path() if last else 0
        pages = []
        for offset, entry in enumerate(batch, start=1):
            slug = f"{slugify(entry.title)[:60]}-{self.entries + offset}"
            pages.append(
                Page(
                    title=entry.title,
                    draft_title=entry.title,
                    slug=slug,
                    content_type=self.content_type,
                    url_path=f"{parent.url_path}{slug}/",
                    path=Page._get_path(parent.path, parent.depth + 1, position + offset),
                    depth=parent.depth + 1,
                    numchild=0,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=entry.published,
                    last_published_at=entry.published,
                    latest_revision_created_at=entry.published,
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
        pages = Page.objects.bulk_create(pages)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        # A multi-table child's own rows, inserted as Model.save inserts them.
        CaseStudyPage._base_manager._insert(
            [
                CaseStudyPage(
                    page_ptr_id=page.pk,
                    kind=entry.kind,
                    summary=entry.summary,
                    region=entry.region,
                    problem=entry.problem,
                    approach=entry.approach,
                    what_worked=entry.what_worked,
                    what_to_avoid=entry.what_to_avoid,
                    cost=entry.cost,
                )
                for page, entry in zip(pages, batch, strict=True)
            ],
            fields=CaseStudyPage._meta.local_concrete_fields,
            using=connection.alias,
        )
        areas, themes = self.terms[ServiceArea], self.terms[Theme]
        sectors, councils = self.terms[Sector], self.terms[CouncilType]
        for through, term_column, slugs_of, terms in (
            (CaseStudyPage.service_areas.through, "servicearea_id", "areas", areas),
            (CaseStudyPage.applies_to_service_areas.through, "servicearea_id", "applies_to", areas),
            (CaseStudyPage.themes.through, "theme_id", "themes", themes),
            (
                CaseStudyPage.applies_to_council_types.through,
                "counciltype_id",
                "councils_elsewhere",
                councils,
            ),
        ):
            through.objects.bulk_create(
                [
                    through(casestudypage_id=page.pk, **{term_column: terms[slug]})
                    for page, entry in zip(pages, batch, strict=True)
                    for slug in getattr(entry, slugs_of)
                ],
                batch_size=CHUNK,
            )
        CaseStudyOrganisation.objects.bulk_create(
            [
                CaseStudyOrganisation(
                    page_id=page.pk,
                    sort_order=order,
                    name=name,
                    sector_id=sectors[sector],
                    council_type_id=councils[council] if council else None,
                )
                for page, entry in zip(pages, batch, strict=True)
                for order, (name, sector, council) in enumerate(entry.organisations)
            ],
            batch_size=CHUNK,
        )
        CaseStudyOutcome.objects.bulk_create(
            [
                CaseStudyOutcome(
                    page_id=page.pk,
                    sort_order=order,
                    measure=measure,
                    figure=figure,
                    description=description,
                    how_measured=how,
                )
                for page, entry in zip(pages, batch, strict=True)
                for order, (measure, figure, description, how) in enumerate(entry.outcomes)
            ],
            batch_size=CHUNK,
        )
        for entry in batch:
            self.tally(entry)
        return [page.pk for page in pages]

    def add_to_search_index(self, ids: list[int]) -> None:
        """Index the new entries a chunk at a time between the backend's own rebuilder's
        start and finish (which sets every entry's title weighting afresh), as
        `rebuild_modelsearch_index` does. The backend's `add_items` spends 10 ms an entry in
        Python, more than eight minutes for 50,000, so on PostgreSQL the mass is written in
        one statement a chunk from the very texts and weights the backend extracts, and a
        sample is then indexed again by the backend itself and must come out the same."""
        backend = get_search_backend()
        index = backend.get_index_for_model(CaseStudyPage)
        rebuilder = backend.rebuilder_class(index)
        rebuilder.start()
        quick = connection.vendor == "postgresql" and len(ids) > SMALL
        for batch in chunks(iter(ids), CHUNK):
            pages = list(CaseStudyPage.get_indexed_objects().filter(pk__in=batch).order_by("pk"))
            self.load_terms(pages)
            if quick:
                write_index_entries(backend, pages, content_type_id=self.content_type.pk)
            else:
                index.add_items(CaseStudyPage, pages)
        rebuilder.finish()
        if quick:
            self.check_as_the_backend_indexes(index, ids[:: max(1, len(ids) // 200)])

    def check_as_the_backend_indexes(self, index, ids: list[int]) -> None:
        """The entries `write_index_entries` wrote are what the backend writes itself."""

        def read():
            as_text = {
                column: Cast(column, output_field=TextField())
                for column in ("title", "autocomplete", "body")
            }
            return list(
                IndexEntry.objects.filter(
                    content_type=self.content_type, object_id__in=[str(pk) for pk in ids]
                )
                .annotate(**{f"{column}_as_text": value for column, value in as_text.items()})
                .order_by("object_id")
                .values_list(
                    "object_id",
                    "title_as_text",
                    "autocomplete_as_text",
                    "body_as_text",
                    "title_text",
                    "body_text",
                )
            )

        written = read()
        pages = list(CaseStudyPage.get_indexed_objects().filter(pk__in=ids).order_by("pk"))
        self.load_terms(pages)
        index.add_items(CaseStudyPage, pages)
        assert len(written) == len(ids) and read() == written, "index entries differ"

    def load_terms(self, pages: list[CaseStudyPage]) -> None:
        """Each page's service areas and themes, loaded for the chunk in three queries.
        modelsearch prefetches what it indexes, except a ParentalManyToManyField, which it
        would read three times an entry (once each for title, body and autocomplete): nine
        queries an entry, half an hour at 50,000 on SQLite. A ParentalManyToManyField's
        manager reads what modelcluster holds for it, as a form's data; given the rows in
        the database, ordered as they are, the index gets the same words."""
        terms = {
            model: {term.pk: term for term in model.objects.all()} for model in (ServiceArea, Theme)
        }
        by_pk = {page.pk: page for page in pages}
        for page in pages:
            page._cluster_related_objects = {}
        for name, model, term_column in (
            ("service_areas", ServiceArea, "servicearea_id"),
            ("applies_to_service_areas", ServiceArea, "servicearea_id"),
            ("themes", Theme, "theme_id"),
        ):
            held = {pk: [] for pk in by_pk}
            rows = (
                getattr(CaseStudyPage, name)
                .through.objects.filter(casestudypage_id__in=by_pk)
                .values_list("casestudypage_id", term_column)
            )
            for page_pk, term_pk in rows:
                held[page_pk].append(terms[model][term_pk])
            for page_pk, held_terms in held.items():
                by_pk[page_pk]._cluster_related_objects[name] = sorted(
                    held_terms, key=lambda term: term.name
                )

    def check_the_bulk_entries_are_whole(self) -> None:
        """The bulk-inserted entries are what the site would have made: the tree is sound,
        every entry is in the search index, and an entry's own page shows."""
        problems = Page.find_problems()
        assert not any(problems), problems
        indexed = IndexEntry.objects.filter(content_type=self.content_type).count()
        assert indexed == self.entries, (indexed, self.entries)
        newest = CaseStudyPage.objects.live().order_by("-pk").first()
        response = self.client.get(newest.url)
        assert response.status_code == 200, response.status_code

    def search_url(self, query: str) -> str:
        return f"{self.index.url}?{query}" if query else self.index.url

    def first_sample(self, query: str) -> Timing:
        """One timed request and one timed selector call that also count their queries and
        what the search finds (recording each query costs microseconds)."""
        url = self.search_url(query)
        with CaptureQueriesContext(connection) as requesting:
            started = perf_counter()
            response = self.client.get(url)
            request = perf_counter() - started
        assert response.status_code == 200, (query, response.status_code)
        with CaptureQueriesContext(connection) as selecting:
            started = perf_counter()
            found = self.select(query)
            selector = perf_counter() - started
        return Timing(
            results=found.total,
            request_queries=len(requesting),
            selector_queries=len(selecting),
            request=[request],
            selector=[selector],
        )

    def select(self, query: str):
        return selectors.search_practice(
            viewer=AnonymousUser(), params=QueryDict(query), index=self.index
        )

    def measure(self) -> Measurement:
        """Every search `REPEATS` times (fewer when it is slow), round-robin, so that noise
        from anything else on the machine falls on all of them alike. One request to the
        page first, untimed, warms the caches and the templates."""
        assert self.client.get(self.index.url).status_code == 200
        with CaptureQueriesContext(connection) as landing:
            assert self.client.get(self.landing_url).status_code == 200
        floor = Timing(results=-1, request_queries=len(landing), selector_queries=0)
        timings = {query: self.first_sample(query) for _label, query in (*SEARCHES, BARE)}
        self.check_what_was_found(timings)
        for round_number in range(1, REPEATS):
            for query, timing in timings.items():
                spent = sum(timing.request) + sum(timing.selector)
                if round_number >= MIN_REPEATS and spent > BUDGET_SECONDS:
                    continue
                url = self.search_url(query)
                timing.request.append(seconds(lambda url=url: self.client.get(url)))
                timing.selector.append(seconds(lambda query=query: self.select(query)))
            floor.request.append(seconds(lambda: self.client.get(self.landing_url)))
        floor.request.append(seconds(lambda: self.client.get(self.landing_url)))
        return Measurement(
            bare=timings[BARE[1]],
            floor=floor,
            searches=[timings[query] for _label, query in SEARCHES],
        )

    def check_what_was_found(self, timings: dict[str, Timing]) -> None:
        """The searches find what the entries were written with, so the index is whole."""
        found = {label: timings[query].results for label, query in SEARCHES}
        assert found["a rare word"] == self.expected["rare"] > 0, (found, self.expected)
        assert found["filters only: service area and theme"] == self.expected["filters only"]
        assert timings[BARE[1]].results == self.entries
        assert found["nothing found: suggestions"] == 0
        assert found["page 3, with a kind"] > 2 * selectors.RESULTS_PER_PAGE, found
        assert all(found[label] for label, _ in SEARCHES[:-1]), found
