"""Small pieces every part's views share."""

from django.http import Http404


def found(value):
    """What a selector found for the viewer, or a 404: a page they have no part in does not
    exist for them."""
    if value is None:
        raise Http404
    return value


def posted(request):
    """The form data of a POST, even an empty one (nothing ticked), else None."""
    return request.POST if request.method == "POST" else None
