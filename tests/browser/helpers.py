"""What the browser tests do to a page: sign in, run axe, watch the console."""

from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Error, Locator, Page, Route

from academy.models import User
from tests.factories import TEST_PASSWORD

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TARGETS_SHOWN = 3
# How Chromium reports a response with an error status, the page's own included.
_ERROR_STATUS = "Failed to load resource: the server responded with a status of"


def sign_in(page: Page, user: User | str, password: str = TEST_PASSWORD) -> None:
    """Sign in through the real sign-in form, as a person would, and wait for where it leads."""
    email = user if isinstance(user, str) else user.email
    page.goto("/account/sign-in/")
    page.fill('input[name="username"]', email)
    page.fill('input[name="password"]', password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in", exact=True).click()


def submit(page: Page, button: str) -> None:
    """Press a form's button by its text and wait for the page the form leads to."""
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()


def success_banner(page: Page) -> Locator:
    return page.locator(".govuk-notification-banner--success")


def error_summary(page: Page) -> Locator:
    """The error summary's alert: what a screen reader announces when a form is refused."""
    return page.locator(".govuk-error-summary").get_by_role("alert")


def path_of(url: str) -> str:
    """The path and query of an absolute URL, for links built on settings.SITE_URL."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@cache
def _axe_source() -> str:
    if not AXE_PATH.exists():
        pytest.fail(f"axe-core is missing at {AXE_PATH}: run `npm ci` first.")
    return AXE_PATH.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core against the page as it is now, on the WCAG 2.2 A and AA rules.

    It waits for the page to finish loading first: a test that follows a link goes on as soon
    as the new page's text is there, and axe run before the stylesheet arrives judges the
    browser's default colours and sizes, not ours.
    """
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # evaluate, unlike a script tag, is not subject to the page's Content-Security-Policy
        page.evaluate(_axe_source())
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                targets: v.nodes.map((node) => node.target.join(" ")),
                summary: v.nodes.length ? v.nodes[0].failureSummary : "",
            }));
        }""",
        WCAG_TAGS,
    )


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe found {len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        targets = violation["targets"]
        shown = ", ".join(targets[:TARGETS_SHOWN])
        more = f" and {len(targets) - TARGETS_SHOWN} more" if len(targets) > TARGETS_SHOWN else ""
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"    at: {shown}{more}")
        if violation["summary"]:
            summary = "; ".join(line.strip() for line in violation["summary"].splitlines())
            lines.append(f"    why: {summary}")
        lines.append(f"    see: {violation['helpUrl']}")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fail, listing every violation, if axe finds anything on the page."""
    violations = axe_violations(page)
    if violations:
        pytest.fail(format_violations(page.url, violations), pytrace=False)


class BrowserProblems:
    """What goes wrong in the browser while a test drives a page.

    Console errors (a blocked script or style, an asset that is not found), uncaught
    exceptions, and any request to another site: those are refused, since the academy loads
    nothing from elsewhere. A page that answers with an error status on purpose (a 404 page,
    a used invitation) is not itself a problem; what it loads still is.
    """

    def __init__(self, page: Page, origin: str, *, run_axe: bool = True):
        self.page = page
        self.origin = origin.rstrip("/")
        self.run_axe = run_axe
        self.errors: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)
        page.route("**/*", self._on_request)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        source = message.location.get("url") or ""
        if source == self.page.url and message.text.startswith(_ERROR_STATUS):
            return  # the page's own status, which the test checks
        self.errors.append(f"console error on {self._where()}: {message.text} [{source}]")

    def _on_page_error(self, error: Error) -> None:
        self.errors.append(f"uncaught exception on {self._where()}: {error}")

    def _on_request(self, route: Route) -> None:
        url = route.request.url
        if url == self.origin or url.startswith(f"{self.origin}/"):
            route.continue_()
        else:
            self.errors.append(f"request to another site from {self._where()}: {url}")
            route.abort("blockedbyclient")

    def _where(self) -> str:
        return path_of(self.page.url) if self.page.url.startswith(self.origin) else self.page.url

    def assert_none(self) -> None:
        """Nothing went wrong in the browser, and axe finds nothing on the page as it is now.

        Wagtail admin pages are Wagtail's own interface, not ours, so axe leaves them out.
        """
        if self.run_axe and not path_of(self.page.url).startswith("/admin/"):
            assert_accessible(self.page)
        if self.errors:
            problems = "\n".join(f"- {error}" for error in dict.fromkeys(self.errors))
            self.errors.clear()
            pytest.fail(f"The browser reported problems:\n{problems}", pytrace=False)
