"""Reads of content that depend on who is looking: which modules they may read, what the
site search may show them. Views and page contexts ask here; nothing else decides."""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from wagtail.models import Page

from .models import ModuleAccess, ModulePage, SearchPage, page_description

SEARCH_RESULTS_PER_PAGE = 20
SEARCH_QUERY_MAX_LENGTH = 200


def is_member(viewer) -> bool:
    """Anyone signed in to an active account: the audience of members-only modules."""
    return bool(viewer and viewer.is_authenticated and viewer.is_active)


def can_read_module(*, viewer, module: ModulePage) -> bool:
    """Whether the viewer may read a module's introduction and sections, not only its summary."""
    return module.access == ModuleAccess.PUBLIC or is_member(viewer)


def pages_searchable_by(viewer):
    """Live pages the viewer may find in search. Members-only modules are left out for people
    who have not signed in, so that their words cannot be probed for one search at a time."""
    pages = Page.objects.live().public().not_type(SearchPage)
    if not is_member(viewer):
        members_only = ModulePage.objects.filter(access=ModuleAccess.MEMBERS).values("pk")
        pages = pages.exclude(pk__in=members_only)
    return pages


@dataclass(frozen=True)
class SearchResult:
    page: Page
    kind: str
    description: str
    members_only: bool


def _as_result(page) -> SearchResult:
    return SearchResult(
        page=page,
        kind=str(page.get_verbose_name()),
        description=page_description(page),
        members_only=isinstance(page, ModulePage) and page.is_members_only,
    )


def search_results(*, viewer, params) -> dict:
    """One page of results for the query in `params` (`q`, `page`), ready for the template."""
    # SQLite's full-text search fails on a stray double quote or NUL: search for the words.
    words = (params.get("q") or "").replace('"', " ").replace("\0", " ").split()
    query = " ".join(words)[:SEARCH_QUERY_MAX_LENGTH]
    context = {"query": query, "results": None, "paginator": None, "page_obj": None}
    if not query:
        return context
    matches = pages_searchable_by(viewer).search(query)
    paginator = Paginator(matches, SEARCH_RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(params.get("page") or 1)
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    # One query per page type for the specific pages, however many results there are.
    specific = Page.objects.filter(pk__in=[page.pk for page in page_obj]).specific().in_bulk()
    context.update(
        results=[_as_result(specific[page.pk]) for page in page_obj if page.pk in specific],
        paginator=paginator,
        page_obj=page_obj,
        members_only_hidden=not is_member(viewer),
    )
    return context
