from django.urls import path

from . import views

app_name = "peer_review"

urlpatterns = [
    path("", views.review_list, name="list"),
    path("reports/", views.published_list, name="reports"),
    path("new/", views.new_review, name="new"),
    path("insight/", views.insight, name="insight"),
    path("<int:pk>/", views.review_detail, name="review"),
    path("<int:pk>/advance/", views.advance, name="advance"),
    path("<int:pk>/scope/", views.scope, name="scope"),
    path("<int:pk>/questions/", views.questions, name="questions"),
    path("<int:pk>/people/", views.people, name="people"),
    path("<int:pk>/people/<int:part_pk>/remove/", views.remove_person, name="remove-person"),
    path("<int:pk>/position-statement/", views.statement, name="statement"),
    path("<int:pk>/findings/", views.findings, name="findings"),
    path("<int:pk>/findings/new/", views.new_finding, name="new-finding"),
    path("<int:pk>/findings/<int:finding_pk>/", views.edit_finding, name="finding"),
    path(
        "<int:pk>/findings/<int:finding_pk>/delete/",
        views.delete_finding,
        name="delete-finding",
    ),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/report.pdf", views.report_pdf, name="report-pdf"),
    path("<int:pk>/report/findings/<int:finding_pk>/correct/", views.correct, name="correct"),
    path("<int:pk>/report/corrections/<int:correction_pk>/", views.decide, name="decide"),
    path("<int:pk>/report/agree/", views.agree, name="agree"),
    path("<int:pk>/report/publish/", views.publish, name="publish"),
    path("<int:pk>/action-plan/", views.action_plan, name="action-plan"),
    path("<int:pk>/action-plan/<int:action_pk>/", views.edit_action, name="action"),
    path("<int:pk>/action-plan/<int:action_pk>/delete/", views.delete_action, name="delete-action"),
    path("<int:pk>/action-plan/submit/", views.submit_action_plan, name="submit-action-plan"),
    path("<int:pk>/progress-review/", views.progress_review, name="progress-review"),
]
