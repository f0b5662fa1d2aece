"""The learning reports in the admin's Reports menu, and the audit log's names for learners'
milestones."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import selectors
from .admin_views import REPORTS


@hooks.register("register_admin_urls")
def register_learning_report_urls():
    patterns = []
    for route, name, view in REPORTS:
        patterns += [
            path(route, view.as_view(), name=name),
            path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
        ]
    return [path("reports/learning/", include((patterns, "learning_reports")))]


class LearningReportMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.can_see_reports(request.user)


def _menu_item(view, name, order):
    def register():
        url = reverse(f"learning_reports:{name}")
        return LearningReportMenuItem(view.menu_label, url, icon_name="table", order=order)

    return register


for order, (_route, name, view) in enumerate(REPORTS, start=1100):
    hooks.register("register_reports_menu_item", _menu_item(view, name, order))


@hooks.register("register_log_actions")
def register_learning_log_actions(actions):
    actions.register_action("learning.module.complete", _("Complete module"), _("Module completed"))
    actions.register_action(
        "learning.certificate.award", _("Award certificate"), _("Certificate awarded")
    )
