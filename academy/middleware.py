"""Middleware of our own."""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts


class AcademyCSPMiddleware(CSPMiddleware):
    """The site's Content-Security-Policy, letting the Wagtail admin frame its own previews.

    Wagtail renders a preview through a stand-in request for the page's public address, so the
    public policy's `frame-ancestors 'none'` would stop the editor's preview panel showing it.
    A preview may be framed by this site only; everything else in the policy still applies."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
