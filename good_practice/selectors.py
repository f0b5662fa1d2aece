"""Reads of the good-practice database. Only published entries that anyone may read are ever
found, whoever is looking: drafts, submissions waiting for moderation and pages behind
Wagtail's privacy never reach search, feeds, downloads or signposts. Views, page contexts and
other parts of the programme ask here; nothing else decides.

A search is a full-text query (ranked by the configured Wagtail search backend) narrowed by
filters. Filters on what an entry has many of (sectors, service areas, outcome themes, types
of council) all apply together, so the count beside each option is exactly the number of
results ticking it would leave. Kind and region are one each per entry: choosing another
replaces the choice, so their counts leave their own choice out."""

import re
from collections import Counter
from dataclasses import dataclass, field
from html import unescape
from itertools import chain

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import (
    CharField,
    Count,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from cms_pages.models import (
    CaseStudyOrganisation,
    CaseStudyPage,
    PracticeKind,
    PracticeRegion,
    Theme,
)

from .models import CouncilType, Sector, ServiceArea

RESULTS_PER_PAGE = 20
QUERY_MAX_LENGTH = 200
EXPORT_MAX_ROWS = 5_000
FEED_ENTRIES = 50
EXCERPT_WORDS = 36


def practice_visible_to(viewer) -> QuerySet[CaseStudyPage]:
    """Entries the viewer may find: live and not behind Wagtail's page privacy. The same for
    everyone today; the viewer is taken so that no caller builds its own rule."""
    return CaseStudyPage.objects.live().public()


# --- Reading what was asked -------------------------------------------------------------------


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"


@dataclass(frozen=True)
class Chosen:
    """The search a person asked for, cleaned: unknown values are dropped, never an error."""

    query: str = ""
    kind: str = ""
    region: str = ""
    sectors: tuple[Sector, ...] = ()
    areas: tuple[ServiceArea, ...] = ()
    themes: tuple[Theme, ...] = ()
    council_types: tuple[CouncilType, ...] = ()
    sort: str = Sort.RELEVANCE

    @property
    def filters(self) -> bool:
        return bool(
            self.kind
            or self.region
            or self.sectors
            or self.areas
            or self.themes
            or self.council_types
        )

    @property
    def by_relevance(self) -> bool:
        return bool(self.query) and self.sort == Sort.RELEVANCE


def clean_query(text: str | None) -> str:
    # SQLite's full-text search fails on a stray double quote or NUL: search for the words.
    words = (text or "").replace('"', " ").replace("\0", " ").split()
    return " ".join(words)[:QUERY_MAX_LENGTH].strip()


def _terms(model, slugs: list[str]) -> tuple:
    slugs = [slug for slug in dict.fromkeys(slugs) if slug][:20]
    if not slugs:
        return ()
    found = {term.slug: term for term in model.objects.filter(slug__in=slugs)}
    return tuple(found[slug] for slug in slugs if slug in found)


def read_search(params) -> Chosen:
    """What `params` (a QueryDict: q, kind, region, sector, area, theme, council, sort) ask."""
    kind = params.get("kind", "")
    region = params.get("region", "")
    query = clean_query(params.get("q"))
    sort = params.get("sort")
    if sort not in (Sort.RELEVANCE, Sort.NEWEST):
        sort = Sort.RELEVANCE if query else Sort.NEWEST
    return Chosen(
        query=query,
        kind=kind if kind in PracticeKind.values else "",
        region=region if region in PracticeRegion.values else "",
        sectors=_terms(Sector, params.getlist("sector")),
        areas=_terms(ServiceArea, params.getlist("area")),
        themes=_terms(Theme, params.getlist("theme")),
        council_types=_terms(CouncilType, params.getlist("council")),
        sort=sort,
    )


# --- Finding ----------------------------------------------------------------------------------


def _matching(queryset: QuerySet, query: str) -> QuerySet:
    """What matches `query`, as a queryset of the database, so that filters and counts run
    in SQL. Wagtail's database backends build one; others (Elasticsearch, OpenSearch) give
    their matches, which are looked up by id."""
    if not query:
        return queryset
    results = queryset.search(query, order_by_relevance=False)
    if hasattr(results, "get_queryset"):
        return results.get_queryset()
    return queryset.filter(pk__in=[page.pk for page in results[:EXPORT_MAX_ROWS]])


def _ids(model, **lookups) -> QuerySet:
    return model.objects.filter(**lookups).values("pk")


def _filtered(
    queryset: QuerySet, chosen: Chosen, *, leave_out: str = ""
) -> QuerySet[CaseStudyPage]:
    """`queryset` narrowed by every filter chosen, except the one named `leave_out`. Each
    is a subquery of ids, so that entries never repeat however many terms they carry."""
    if chosen.kind and leave_out != "kind":
        queryset = queryset.filter(kind=chosen.kind)
    if chosen.region and leave_out != "region":
        queryset = queryset.filter(region=chosen.region)
    for sector in chosen.sectors:
        queryset = queryset.filter(pk__in=_ids(CaseStudyPage, organisations__sector=sector))
    for area in chosen.areas:
        # Done in the service, or tagged as one it could also apply to: marked as such.
        queryset = queryset.filter(
            pk__in=CaseStudyPage.objects.filter(
                Q(service_areas=area) | Q(applies_to_service_areas=area)
            ).values("pk")
        )
    for theme in chosen.themes:
        queryset = queryset.filter(pk__in=_ids(CaseStudyPage, themes=theme))
    for council_type in chosen.council_types:
        queryset = queryset.filter(
            pk__in=CaseStudyPage.objects.filter(
                Q(organisations__council_type=council_type)
                | Q(applies_to_council_types=council_type)
            ).values("pk")
        )
    return queryset


LISTING_PREFETCH = (
    Prefetch(
        "organisations",
        queryset=CaseStudyOrganisation.objects.select_related("sector", "council_type"),
    ),
    "service_areas",
    "applies_to_service_areas",
)
EXPORT_PREFETCH = (*LISTING_PREFETCH, "applies_to_council_types", "themes", "outcomes")


def _for_listing(ids: list[int], *, prefetch=LISTING_PREFETCH) -> list[CaseStudyPage]:
    """Entries by id, in that order, with everything a listing shows: a few queries."""
    pages = CaseStudyPage.objects.filter(pk__in=ids).prefetch_related(*prefetch)
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


# --- Facets -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    legend: str
    multiple: bool
    options: list[Option]

    @property
    def shown(self) -> list[Option]:
        """Options with results, and any chosen one, so that it can be unticked."""
        return [option for option in self.options if option.count or option.selected]

    @property
    def any_selected(self) -> bool:
        return any(option.selected for option in self.options)


# Each many-valued facet as (its name, the table joining entries to its terms, the entry's
# column there, the term's column there). An entry never lists a service (or type of
# council) both as its own and as one it could also apply to (the forms refuse it), so the
# two counts of each add up.
_THROUGH = CaseStudyPage
_FACET_TABLES = (
    ("sector", CaseStudyOrganisation, "page_id", "sector_id"),
    ("area", _THROUGH.service_areas.through, "casestudypage_id", "servicearea_id"),
    ("area", _THROUGH.applies_to_service_areas.through, "casestudypage_id", "servicearea_id"),
    ("theme", _THROUGH.themes.through, "casestudypage_id", "theme_id"),
    ("council", CaseStudyOrganisation, "page_id", "council_type_id"),
    ("council", _THROUGH.applies_to_council_types.through, "casestudypage_id", "counciltype_id"),
)


def _term_counts(pages: QuerySet) -> dict[str, Counter]:
    """For every many-valued facet, how many of `pages` carry each term: one query. The
    pages are a subquery that does not depend on the term, so the database finds them once
    per table rather than once per term (which, with a full-text match, is the difference
    between milliseconds and seconds at 50,000 entries)."""
    ids = pages.order_by().values("pk")
    grouped = [
        through.objects.filter(**{f"{page_column}__in": ids, f"{term_column}__isnull": False})
        .order_by()
        .values_list(Value(facet, output_field=CharField()), term_column)
        .annotate(count=Count(page_column, distinct=True))
        for facet, through, page_column, term_column in _FACET_TABLES
    ]
    counts = {facet: Counter() for facet, *_rest in _FACET_TABLES}
    for facet, term_id, count in grouped[0].union(*grouped[1:], all=True):
        counts[facet][term_id] += count
    return counts


def _single_valued_counts(matches: QuerySet, chosen: Chosen) -> tuple[Counter, Counter]:
    """Counts of kind and of region, each among the results with its own choice left out
    (one query when neither is chosen)."""

    def grouped(pages, *names):
        return pages.order_by().values_list(*names).annotate(count=Count("pk"))

    if not chosen.kind and not chosen.region:
        kinds, regions = Counter(), Counter()
        for kind, region, count in grouped(_filtered(matches, chosen), "kind", "region"):
            kinds[kind] += count
            regions[region] += count
        return kinds, regions
    return (
        Counter(dict(grouped(_filtered(matches, chosen, leave_out="kind"), "kind"))),
        Counter(dict(grouped(_filtered(matches, chosen, leave_out="region"), "region"))),
    )


def _facets(matches: QuerySet, chosen: Chosen, results: QuerySet) -> list[Facet]:
    """Each option's count among the results (or, for kind and region, among the results
    with another choice of it instead)."""
    kinds, regions = _single_valued_counts(matches, chosen)
    counts = _term_counts(results)

    def options(facet, model, chosen_terms):
        return [
            Option(t.slug, t.name, counts[facet][t.pk], t in chosen_terms)
            for t in model.objects.all()
        ]

    def choices(values, tally, chosen_value):
        return [Option(v, label, tally[v], v == chosen_value) for v, label in values]

    return [
        Facet("kind", "Kind", False, choices(PracticeKind.choices, kinds, chosen.kind)),
        Facet("sector", "Sector", True, options("sector", Sector, chosen.sectors)),
        Facet("area", "Service area", True, options("area", ServiceArea, chosen.areas)),
        Facet("theme", "Outcome theme", True, options("theme", Theme, chosen.themes)),
        Facet(
            "council",
            "Type of council",
            True,
            options("council", CouncilType, chosen.council_types),
        ),
        Facet("region", "Region", False, choices(PracticeRegion.choices, regions, chosen.region)),
    ]


# --- Showing a result -------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
_STOP_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with"})


def _stems(query: str) -> list[str]:
    """The query's words, cut back roughly to their stems, as full-text search matches
    them: "tracking" finds "tracked" and "tracks"."""
    stems = []
    for word in _WORD.findall(query.lower()):
        if word in _STOP_WORDS:
            continue
        for ending in ("ing", "ed", "es", "s"):
            if len(word) > len(ending) + 3 and word.endswith(ending):
                word = word[: -len(ending)]
                break
        stems.append(word)
    return stems


def highlight(text: str, stems: list[str]) -> SafeString:
    """`text`, escaped, with the words that start with any of `stems` marked."""
    if not stems:
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(stem) for stem in stems) + r")\w*", re.I)
    marked, last = [], 0
    for found in pattern.finditer(text):
        marked.append(escape(text[last : found.start()]))
        marked.append(f"<mark>{escape(found.group(0))}</mark>")
        last = found.end()
    marked.append(escape(text[last:]))
    return mark_safe("".join(marked))  # noqa: S308 - every piece is escaped above


def _plain(html: str) -> str:
    """Rich text as the words a reader sees: tags gone, entities (&#x27;) back to text, so
    that `highlight` escapes each character once."""
    return " ".join(unescape(strip_tags(html or "")).split())


def excerpt(page: CaseStudyPage, stems: list[str]) -> SafeString:
    """The summary, or where the query's words appear in the entry's text, marked."""
    pieces = [
        page.summary,
        _plain(page.problem),
        _plain(page.approach),
        _plain(page.what_worked),
        _plain(page.what_to_avoid),
    ]
    if stems:
        pattern = re.compile(r"\b(" + "|".join(re.escape(stem) for stem in stems) + r")", re.I)
        for text in pieces:
            found = pattern.search(text)
            if found is None:
                continue
            words_before = text[: found.start()].split()
            if len(words_before) > 8:
                text = "… " + " ".join(words_before[-8:]) + " " + text[found.start() :]
            return highlight(Truncator(text).words(EXCERPT_WORDS), stems)
    return highlight(Truncator(page.summary).words(EXCERPT_WORDS), stems)


@dataclass(frozen=True)
class Listed:
    """An entry as a search result or a signpost shows it."""

    page: CaseStudyPage
    title: SafeString
    excerpt: SafeString
    organisations: str
    service_areas: list[ServiceArea]
    # The services it comes from when it was found for another it could also apply to.
    from_elsewhere: list[ServiceArea] = field(default_factory=list)
    applies_to: list[ServiceArea] = field(default_factory=list)


def _listed(page: CaseStudyPage, *, stems=(), focus=()) -> Listed:
    own = list(page.service_areas.all())
    elsewhere = list(page.applies_to_service_areas.all())
    found_for = [area for area in elsewhere if area in focus and area not in own]
    return Listed(
        page=page,
        title=highlight(page.title, list(stems)),
        excerpt=excerpt(page, list(stems)),
        organisations=", ".join(organisation.name for organisation in page.organisations.all()),
        service_areas=own,
        from_elsewhere=own if found_for else [],
        applies_to=found_for,
    )


def areas_named_in(query: str) -> list[ServiceArea]:
    """Service areas whose every word is in the query: "meals on wheels" names Meals on
    wheels, so entries that could also apply to it are marked as coming from elsewhere."""
    words = set(_WORD.findall(query.lower()))
    if not words:
        return []
    return [
        area
        for area in ServiceArea.objects.all()
        if set(_WORD.findall(area.name.lower())) - _STOP_WORDS <= words
        and set(_WORD.findall(area.name.lower())) - _STOP_WORDS
    ]


# --- The search page --------------------------------------------------------------------------


@dataclass
class PracticeSearch:
    chosen: Chosen
    total: int
    results: list[Listed]
    facets: list[Facet]
    paginator: Paginator
    page_obj: object
    suggestions: list[Option]
    # Every filter chosen, as (label, the query string without it) for "remove" links.
    removals: list[tuple[str, str]]
    query_string: str  # the search without its page, for downloads and the feed


def _ranked_ids(chosen: Chosen, base: QuerySet, filtered: QuerySet):
    """Something a paginator can slice: entries by relevance, or newest first."""
    if chosen.by_relevance:
        return base.filter(id__in=_filtered(base, chosen).values("pk")).search(chosen.query)
    return filtered.order_by("-first_published_at", "-pk")


def _page(paginator: Paginator, number):
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def _without(params, key: str, value: str | None = None) -> str:
    copy = params.copy()
    copy.pop("page", None)
    if value is None:
        copy.pop(key, None)
    else:
        copy.setlist(key, [v for v in copy.getlist(key) if v != value])
    return copy.urlencode()


def _removals(chosen: Chosen, params) -> list[tuple[str, str]]:
    removals = []
    if chosen.query:
        removals.append((f"‘{chosen.query}’", _without(params, "q")))
    if chosen.kind:
        removals.append((PracticeKind(chosen.kind).label, _without(params, "kind")))
    for key, terms in (
        ("sector", chosen.sectors),
        ("area", chosen.areas),
        ("theme", chosen.themes),
        ("council", chosen.council_types),
    ):
        removals += [(term.name, _without(params, key, term.slug)) for term in terms]
    if chosen.region:
        removals.append((PracticeRegion(chosen.region).label, _without(params, "region")))
    return removals


def search_practice(*, viewer, params, index=None) -> PracticeSearch:
    """One page of the good-practice search in `params`, with counts for every filter."""
    chosen = read_search(params)
    base = practice_visible_to(viewer)
    if index is not None:
        base = base.child_of(index)
    matches = _matching(base, chosen.query)
    filtered = _filtered(matches, chosen)
    paginator = Paginator(_ranked_ids(chosen, base, filtered), RESULTS_PER_PAGE)
    page_obj = _page(paginator, params.get("page"))
    stems = _stems(chosen.query)
    focus = set(chosen.areas) | set(areas_named_in(chosen.query))
    results = [
        _listed(page, stems=stems, focus=focus)
        for page in _for_listing([page.pk for page in page_obj])
    ]
    facets = _facets(matches, chosen, filtered)
    suggestions = []
    if not paginator.count:
        # Where there is practice to find: the service areas with the most entries.
        everything = _facets(base, Chosen(), base)
        areas = next(facet for facet in everything if facet.param == "area")
        suggestions = sorted(areas.shown, key=lambda option: -option.count)[:6]
    return PracticeSearch(
        chosen=chosen,
        total=paginator.count,
        results=results,
        facets=facets,
        paginator=paginator,
        page_obj=page_obj,
        suggestions=suggestions,
        removals=_removals(chosen, params),
        query_string=_without(params, "page"),
    )


def practice_to_export(*, viewer, params, index=None) -> list[CaseStudyPage]:
    """Every entry of a search (up to `EXPORT_MAX_ROWS`), in the order the page shows them."""
    chosen = read_search(params)
    base = practice_visible_to(viewer)
    if index is not None:
        base = base.child_of(index)
    ranked = _ranked_ids(chosen, base, _filtered(_matching(base, chosen.query), chosen))
    return _for_listing([page.pk for page in ranked[:EXPORT_MAX_ROWS]], prefetch=EXPORT_PREFETCH)


def newest_practice(*, viewer, params=None, index=None, limit: int = FEED_ENTRIES):
    """The newest entries, for the Atom feed, narrowed by any filters in `params`."""
    base = practice_visible_to(viewer)
    if index is not None:
        base = base.child_of(index)
    if params is not None:
        base = _filtered(base, read_search(params))
    ids = list(base.order_by("-first_published_at", "-pk").values_list("pk", flat=True)[:limit])
    return _for_listing(ids)


# --- Signposts --------------------------------------------------------------------------------


def practice_for(
    *, viewer, themes=(), service_areas=(), limit: int = 5, exclude=()
) -> list[Listed]:
    """Good practice to signpost for some outcome themes and service areas (a peer
    challenge finding, a development plan): entries done in or applying to the service
    areas, sharing the most themes first, then the newest. Marks those from elsewhere."""
    [listed] = practice_for_each(
        viewer=viewer, asks=[(themes, service_areas)], limit=limit, exclude=exclude
    )
    return listed


def practice_for_each(*, viewer, asks, limit: int = 5, exclude=()) -> list[list[Listed]]:
    """`practice_for` each of `asks`, (themes, service areas) pairs, in order: one ranked
    query for each, and the entries they list read once for them all."""
    wanted = [
        ([getattr(t, "pk", t) for t in themes], [getattr(a, "pk", a) for a in areas])
        for themes, areas in asks
    ]
    pages = practice_visible_to(viewer).exclude(pk__in=[getattr(p, "pk", p) for p in exclude])
    ranked = [_signposted_ids(pages, theme_ids, area_ids, limit) for theme_ids, area_ids in wanted]
    listed = {page.pk: page for page in _for_listing(list(dict.fromkeys(chain(*ranked))))}
    all_areas = {pk for _themes, area_ids in wanted for pk in area_ids}
    areas = {area.pk: area for area in ServiceArea.objects.filter(pk__in=all_areas)}
    return [
        [
            _listed(listed[pk], focus={areas[a] for a in area_ids if a in areas})
            for pk in ids
            if pk in listed
        ]
        for ids, (_themes, area_ids) in zip(ranked, wanted, strict=True)
    ]


def _signposted_ids(pages, theme_ids: list[int], area_ids: list[int], limit: int) -> list[int]:
    if not theme_ids and not area_ids:
        return []
    wanted = Q()
    if area_ids:
        wanted |= Q(service_areas__in=area_ids) | Q(applies_to_service_areas__in=area_ids)
    if theme_ids:
        wanted |= Q(themes__in=theme_ids)
    candidates = pages.filter(pk__in=CaseStudyPage.objects.filter(wanted).values("pk"))
    # An empty list in a filtered count would empty the whole query: count only what is asked.
    nothing = Value(0, output_field=IntegerField())
    ranked = candidates.annotate(
        own_area=Count("service_areas", filter=Q(service_areas__in=area_ids), distinct=True)
        if area_ids
        else nothing,
        shared_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True)
        if theme_ids
        else nothing,
    ).order_by("-own_area", "-shared_themes", "-first_published_at", "-pk")
    return list(ranked.values_list("pk", flat=True)[:limit])


@dataclass(frozen=True)
class PracticePage:
    """What a case study's page shows besides its own fields."""

    organisations: list[CaseStudyOrganisation]
    service_areas: list[ServiceArea]
    themes: list[Theme]
    applies_to_service_areas: list[ServiceArea]
    applies_to_council_types: list[CouncilType]
    # Practice on the same outcome themes from other service areas: across the silos.
    related: list[Listed]
    index: object


def practice_page_for(*, viewer, page: CaseStudyPage) -> PracticePage:
    own_areas = list(page.service_areas.all())
    themes = list(page.themes.all())
    related_ids = list(
        practice_visible_to(viewer)
        .exclude(pk=page.pk)
        .filter(pk__in=_ids(CaseStudyPage, themes__in=themes))
        .exclude(pk__in=_ids(CaseStudyPage, service_areas__in=own_areas))
        .annotate(shared=Count("themes", filter=Q(themes__in=themes), distinct=True))
        .order_by("-shared", "-first_published_at", "-pk")
        .values_list("pk", flat=True)[:4]
    )
    return PracticePage(
        organisations=list(
            page.organisations.select_related("sector", "council_type").order_by("sort_order")
        ),
        service_areas=own_areas,
        themes=themes,
        applies_to_service_areas=list(page.applies_to_service_areas.all()),
        applies_to_council_types=list(page.applies_to_council_types.all()),
        related=[_listed(related) for related in _for_listing(related_ids)],
        index=page.get_parent().specific,
    )


def submissions_of(*, viewer):
    """The case studies the viewer has sent in, newest first, with where each has got to."""
    from .models import Submission

    if not (viewer and viewer.is_authenticated):
        return Submission.objects.none()
    return Submission.objects.filter(submitted_by=viewer).select_related("page")
