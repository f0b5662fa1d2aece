from django.urls import path

from . import views

app_name = "cohorts"

urlpatterns = [
    path("", views.cohort_list, name="list"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
    path("<int:pk>/", views.cohort_detail, name="cohort"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/decline/", views.decline, name="decline"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/sessions/<int:number>/feedback/", views.feedback, name="feedback"),
    path("<int:pk>/plan/", views.action_plan, name="plan"),
    path("<int:pk>/manage/", views.manage, name="manage"),
    path("<int:pk>/manage/invite/", views.invite, name="invite"),
    path("<int:pk>/manage/people/<int:person_pk>/remove/", views.remove_person, name="remove"),
    path(
        "<int:pk>/manage/sessions/<int:number>/attendance/",
        views.attendance,
        name="attendance",
    ),
    path("<int:pk>/manage/sessions/<int:number>/move/", views.move_session, name="move"),
    path("<int:pk>/manage/confirm/", views.confirm, name="confirm"),
    path("<int:pk>/manage/close/", views.close, name="close"),
    path("<int:pk>/manage/feedback/", views.feedback_summary, name="feedback-summary"),
    path("<int:pk>/manage/attendance.csv", views.attendance_csv, name="attendance-csv"),
    path("<int:pk>/manage/feedback.csv", views.feedback_csv, name="feedback-csv"),
]
