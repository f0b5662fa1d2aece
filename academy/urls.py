from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("account/", include("academy.account_urls")),
    path("health/", views.health, name="health"),
    path("", include("learning.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: documents go through /documents/, which checks their collection's privacy.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder
        )

urlpatterns += [path("", include(wagtail_urls))]
