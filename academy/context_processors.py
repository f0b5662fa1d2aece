from django.conf import settings
from django.urls import reverse


def site_chrome(request):
    """What the header needs on every page: the service navigation, with the current item."""
    user = getattr(request, "user", None)
    items = [
        {"label": "Home", "url": "/"},
        {"label": "Digital champions", "url": reverse("champions:directory")},
        {"label": "Competencies", "url": reverse("competencies:framework")},
    ]
    if user is None or not user.is_authenticated:
        items.append({"label": "Peer challenge reports", "url": reverse("peer_review:reports")})
    else:
        items.append({"label": "Your learning", "url": reverse("learning:progress")})
        items.append({"label": "Your cohorts", "url": reverse("cohorts:list")})
        items.append({"label": "Peer challenges", "url": reverse("peer_review:list")})
        items.append({"label": "Your profile", "url": reverse("account:profile")})
        if user.has_perm("wagtailadmin.access_admin"):
            items.append({"label": "Admin", "url": reverse("wagtailadmin_home")})
    path = request.path
    for item in items:
        item["current"] = path == item["url"] or (
            item["url"] != "/" and path.startswith(item["url"])
        )
    return {"service_navigation": items, "service_name": settings.WAGTAIL_SITE_NAME}
