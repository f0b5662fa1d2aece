"""Names for what happens in diagnostics and plans, as Wagtail's audit log shows them. An
organisational diagnostic's answers are never logged: who answered what is not recorded."""

from django.utils.translation import gettext_lazy as _

from academy.audit import register_log_actions

LOG_ACTIONS = [
    ("competencies.assessment.start", _("Start diagnostic"), _("Diagnostic started")),
    ("competencies.assessment.finish", _("Finish diagnostic"), _("Diagnostic finished")),
    ("competencies.diagnostic.open", _("Open diagnostic"), _("Organisational diagnostic opened")),
    ("competencies.diagnostic.invite", _("Invite leaders"), _("Leaders invited to answer")),
    ("competencies.diagnostic.close", _("Close diagnostic"), _("Organisational diagnostic closed")),
    ("competencies.plan.create", _("Start plan"), _("Development plan started")),
    ("competencies.plan.goal", _("Add competency"), _("Competency added to plan")),
    ("competencies.plan.remove-goal", _("Remove competency"), _("Competency removed from plan")),
    ("competencies.plan.action", _("Add action"), _("Action added to plan")),
    ("competencies.plan.done", _("Tick off action"), _("Plan action done")),
    ("competencies.plan.undone", _("Reopen action"), _("Plan action reopened")),
    ("competencies.plan.move", _("Move action"), _("Plan action given a new date")),
    ("competencies.plan.remove-action", _("Remove action"), _("Plan action removed")),
]

register_log_actions(LOG_ACTIONS)
