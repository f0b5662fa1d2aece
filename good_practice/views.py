"""The good-practice database's pages besides the search itself (which is the index page):
the submission form, a member's own submissions, the Atom feed and downloads of a search.
Each is a route of the index page, so it lives at the database's address."""

import json

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from academy.exceptions import AcademyError
from academy.spreadsheets import csv_download

from . import selectors, services
from .forms import CaseStudyForm


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url)


@never_cache
def submit(request, *, index):
    """A signed-in member sends in a case study; it waits for the LGA team to publish it."""
    if not (request.user.is_authenticated and request.user.is_active):
        return redirect_to_login(request.get_full_path())
    form = CaseStudyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.submit_case_study(
                index=index, details=form.details(), by=request.user
            )
        except AcademyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "Thank you. We have “%(title)s”. The LGA team will read it and email you "
                    "when it is published, or if they have questions."
                )
                % {"title": submission.page.title},
            )
            return redirect(index.url + index.reverse_subpage("submissions"))
    return TemplateResponse(request, "good_practice/submit.html", {"page": index, "form": form})


@never_cache
def my_submissions(request, *, index):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(
        request,
        "good_practice/submissions.html",
        {"page": index, "submissions": list(selectors.submissions_of(viewer=request.user))},
    )


def feed(request, *, index):
    """The newest practice as Atom, narrowed by any filters in the address."""
    entries = selectors.newest_practice(viewer=request.user, params=request.GET, index=index)
    atom = feedgenerator.Atom1Feed(
        title=_("New good practice – %(site)s") % {"site": index.get_site().site_name},
        link=_absolute(request, index.url),
        description=index.intro,
        language="en-gb",
        feed_url=_absolute(request, request.get_full_path()),
    )
    for page in entries:
        organisations = ", ".join(organisation.name for organisation in page.organisations.all())
        atom.add_item(
            title=page.title,
            link=_absolute(request, page.url),
            description=page.summary,
            unique_id=_absolute(request, page.url),
            pubdate=page.first_published_at,
            updateddate=page.last_published_at or page.first_published_at,
            categories=[area.name for area in page.service_areas.all()],
            author_name=organisations or None,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    atom.write(response, "utf-8")
    return response


EXPORT_COLUMNS = [
    "Title",
    "Address",
    "Kind",
    "Summary",
    "Organisations",
    "Sectors",
    "Types of council",
    "Region",
    "Service areas",
    "Could also apply to services",
    "Could also apply to types of council",
    "Outcome themes",
    "Outcomes",
    "Cost",
    "First published",
    "Last reviewed",
]


def _outcome(outcome) -> str:
    measured = f"({outcome.how_measured})" if outcome.how_measured else ""
    return " ".join(part for part in (outcome.figure, outcome.description, measured) if part)


def _row(request, page) -> list:
    organisations = list(page.organisations.all())
    return [
        page.title,
        _absolute(request, page.url),
        page.get_kind_display(),
        page.summary,
        "; ".join(organisation.name for organisation in organisations),
        "; ".join(dict.fromkeys(organisation.sector.name for organisation in organisations)),
        "; ".join(
            dict.fromkeys(
                organisation.council_type.name
                for organisation in organisations
                if organisation.council_type
            )
        ),
        page.get_region_display(),
        "; ".join(area.name for area in page.service_areas.all()),
        "; ".join(area.name for area in page.applies_to_service_areas.all()),
        "; ".join(kind.name for kind in page.applies_to_council_types.all()),
        "; ".join(theme.name for theme in page.themes.all()),
        "; ".join(_outcome(outcome) for outcome in page.outcomes.all()),
        page.cost,
        page.first_published_at.date().isoformat() if page.first_published_at else "",
        page.last_reviewed_on.isoformat() if page.last_reviewed_on else "",
    ]


def export(request, *, index, file_format):
    """Every entry of the search in the address, as CSV or JSON."""
    if file_format not in ("csv", "json"):
        raise Http404
    pages = selectors.practice_to_export(viewer=request.user, params=request.GET, index=index)
    rows = [_row(request, page) for page in pages]
    filename = f"good-practice-{timezone.localdate():%Y-%m-%d}.{file_format}"
    if file_format == "csv":
        return csv_download(filename=filename, header=EXPORT_COLUMNS, rows=rows)
    keys = [column.lower().replace(" ", "_") for column in EXPORT_COLUMNS]
    response = HttpResponse(
        json.dumps(
            {"results": [dict(zip(keys, row, strict=True)) for row in rows]},
            ensure_ascii=False,
            indent=1,
        ),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
