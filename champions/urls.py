from django.urls import path

from . import views

app_name = "champions"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("sessions/", views.sessions, name="sessions"),
    path("sessions/new/", views.session_form, name="new-session"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("sessions/<int:pk>/edit/", views.session_form, name="edit-session"),
    path("sessions/<int:pk>/cancel/", views.cancel_session, name="cancel-session"),
    path("mentoring/", views.my_mentoring, name="my-mentoring"),
    path("mentoring/find/", views.find_mentor, name="find-mentor"),
    path("mentoring/all/", views.all_mentoring, name="all-mentoring"),
    path("mentoring/<int:pk>/", views.mentoring, name="mentoring"),
    path("your-profile/", views.edit_profile, name="edit-profile"),
    path("<slug:slug>/", views.profile, name="profile"),
    path("<slug:slug>/ask/", views.ask, name="ask"),
]
