from django.urls import path

from . import views

app_name = "roundtables"

urlpatterns = [
    path("", views.round_table_list, name="list"),
    path("answer/<str:token>/", views.answer_by_link, name="answer"),
    path("by-region/", views.by_region, name="by-region"),
    path("<int:pk>/", views.round_table_detail, name="round-table"),
    path("<int:pk>/manage/", views.manage, name="manage"),
    path("<int:pk>/manage/invite/", views.invite, name="invite"),
    path(
        "<int:pk>/manage/invitations/<int:invitation_pk>/withdraw/",
        views.withdraw,
        name="withdraw",
    ),
    path("<int:pk>/manage/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/manage/notes/", views.notes, name="notes"),
    path("<int:pk>/manage/notes/<int:note_pk>/delete/", views.delete_note, name="delete-note"),
    path("<int:pk>/manage/notes/send/", views.share_notes, name="share-notes"),
    path("<int:pk>/manage/cancel/", views.cancel, name="cancel"),
]
