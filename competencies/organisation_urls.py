from django.urls import path

from . import organisation_views as views

urlpatterns = [
    path("organisation/", views.organisations, name="organisations"),
    path("organisation/<int:pk>/", views.organisation, name="organisation"),
    path("organisation/<int:pk>/invite/", views.invite, name="organisation-invite"),
    path("organisation/<int:pk>/close/", views.close, name="organisation-close"),
    path("organisation/<int:pk>/answer/", views.answer, name="answer"),
    path("organisation/<int:pk>/results/", views.result, name="organisation-result"),
]
