from pathlib import Path

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("account/", include("academy.account_urls")),
    # Probes: no trailing slash, as load balancers and orchestrators ask for them.
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    # Live public pages only: nothing members-only, and round tables are not pages at all.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("learning.urls")),
    path("cohorts/", include("cohorts.urls")),
    path("round-tables/", include("roundtables.urls")),
    path("champions/", include("champions.urls")),
    path("peer-challenge/", include("peer_review.urls")),
    path("competencies/", include("competencies.urls")),
]


def development_media_urls():
    """The development server's uploads: images only. Documents go through /documents/,
    which checks their collection's privacy."""
    from django.conf.urls.static import static

    patterns = []
    for folder in ("images", "original_images"):
        patterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=Path(settings.MEDIA_ROOT) / folder
        )
    return patterns


if settings.DEBUG:
    urlpatterns += development_media_urls()

urlpatterns += [path("", include(wagtail_urls))]
