from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("learning/", views.progress, name="progress"),
    path("learning/certificates/<int:pk>/", views.certificate, name="certificate"),
    path("learning/certificates/<int:pk>/pdf/", views.certificate_pdf, name="certificate-pdf"),
    path("certificates/<str:code>/", views.verify_certificate, name="verify-certificate"),
]
