"""Small pieces every part's views share."""

from functools import wraps

from django.http import Http404
from django.views.decorators.cache import never_cache


def found(value):
    """What a selector found for the viewer, or a 404: a page they have no part in does not
    exist for them."""
    if value is None:
        raise Http404
    return value


def posted(request):
    """The form data of a POST, even an empty one (nothing ticked), else None."""
    return request.POST if request.method == "POST" else None


def private(view):
    """Never cached, never indexed: for pages that are not for the public or search engines."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapped)
