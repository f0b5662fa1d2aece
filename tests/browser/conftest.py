"""The browser lane: a real headless Chromium against pytest-django's live server.

One browser for the whole session; a fresh context (cookies, storage) for every test. Each test
runs against a transactional database that is put back as migrations left it afterwards, so
Wagtail's root page, the default site and the role groups are there for the next test.
"""

import json
import os
import shutil
import threading
import time

import pytest
from django.core.cache import cache
from django.db import connections
from playwright.sync_api import expect, sync_playwright

from .helpers import BrowserProblems

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000  # generous: the lane shares two cores with the live server

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def chromium_executable():
    found = shutil.which(os.environ.get("CHROMIUM") or "chromium")
    if not found:
        pytest.skip("No Chromium found: install Debian's chromium to run the browser lane")
    return found


def _migrated_rows() -> dict[str, str]:
    """The rows migrations left, as the test database setup serialised them, per database.

    Content types go first: Wagtail's pages and tasks look theirs up while they are being
    rebuilt, and a miss would create the row under a new id and break the restore.
    """
    rows_by_alias = {}
    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            rows = json.loads(contents)
            rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
            rows_by_alias[connection.alias] = json.dumps(rows)
    return rows_by_alias


@pytest.fixture(scope="package")
def browser(chromium_executable, django_db_setup):
    """One Chromium for the lane, closed when the lane is done."""
    migrated_rows = _migrated_rows()
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's sync API keeps an event loop running in this thread, so Django takes the
        # thread for async code: its async-safety check would refuse database access, and its
        # connections live in per-context storage, apart from the ones the database setup used.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, contents in migrated_rows.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _database(browser, django_db_serialized_rollback, transactional_db):
    """The live server needs committed data; put the migrated rows back after each test."""
    cache.clear()  # Wagtail caches site root paths, which would outlive the rows they name
    yield
    cache.clear()


@pytest.fixture
def new_context(browser, live_server):
    """Make browser contexts on the live server; every one is closed after the test."""
    contexts = []

    def make(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    _wait_for_the_live_server_to_answer_what_is_in_flight()


def _wait_for_the_live_server_to_answer_what_is_in_flight(settle=0.2, timeout=10.0):
    """Pages send a last request as they close (Wagtail's editor releases its editing session),
    and the database is emptied after the test: on PostgreSQL the two deadlock if they meet.
    So the test ends only when the live server has no request left to answer."""
    time.sleep(settle)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        thread.name.endswith("(process_request_thread)") for thread in threading.enumerate()
    ):
        time.sleep(0.05)


@pytest.fixture
def page(new_context):
    """A page for axe: the Content-Security-Policy is bypassed so axe can be injected."""
    return new_context(bypass_csp=True).new_page()


@pytest.fixture
def strict_page(new_context):
    """A page with the site's Content-Security-Policy enforced, as people get it."""
    return new_context().new_page()


@pytest.fixture
def problems(strict_page, live_server):
    """Console errors, uncaught exceptions and requests to other sites on `strict_page`."""
    return BrowserProblems(strict_page, live_server.url)
