from django.urls import path

from . import views
from .organisation_urls import urlpatterns as organisation_patterns

app_name = "competencies"

urlpatterns = [
    path("", views.framework, name="framework"),
    path("diagnostic/", views.diagnostic, name="diagnostic"),
    path("results/", views.results, name="results"),
    path("results/<int:pk>/", views.result, name="result"),
    path("results/<int:pk>/plan/", views.plan_from_result, name="plan-from-result"),
    path("plan/", views.plan, name="plan"),
    path("plan/goals/", views.add_goal, name="add-goal"),
    path("plan/goals/<int:goal_pk>/remove/", views.remove_goal, name="remove-goal"),
    path("plan/goals/<int:goal_pk>/actions/", views.add_action, name="add-action"),
    path("plan/goals/<int:goal_pk>/take/", views.take, name="take"),
    path("plan/actions/<int:pk>/", views.action, name="action"),
    path("organisation/<int:pk>/plan/", views.organisation_plan, name="organisation-plan"),
    path(
        "organisation/<int:pk>/plan/goals/",
        views.add_organisation_goal,
        name="add-organisation-goal",
    ),
    *organisation_patterns,
]
