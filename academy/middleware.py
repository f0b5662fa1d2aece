"""Middleware of our own."""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.utils.cache import patch_cache_control


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


class PrivateWhenSignedIn:
    """Pages for someone signed in may show what only they may see (their progress, their
    reflections): no shared cache may keep them, and no browser may keep them for the next
    person at a shared computer after sign-out. Views that set their own policy keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
