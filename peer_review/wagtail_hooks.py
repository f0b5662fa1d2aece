"""The peer challenge area of the Wagtail admin: the core elements and the bank of digital
questions, each edit of which is kept as a version (see `models`)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from academy.audit import register_log_actions

from . import services
from .models import CoreElement, Question, QuestionContent

LOG_ACTIONS = [
    ("peer_review.question.version", _("New question version"), _("New version of the question")),
    ("peer_review.review.create", _("Review set up"), _("Set up the review")),
    ("peer_review.review.scope", _("Review details changed"), _("Changed the review's details")),
    ("peer_review.review.add_person", _("Person added to review"), _("Added a person")),
    ("peer_review.review.remove_person", _("Person removed from review"), _("Removed a person")),
    ("peer_review.review.questions", _("Lines of enquiry set"), _("Picked the digital questions")),
    ("peer_review.review.stage", _("Review moved on"), _("Moved the review to its next stage")),
    ("peer_review.statement.save", _("Position statement saved"), _("Saved the draft statement")),
    ("peer_review.statement.submit", _("Position statement submitted"), _("Submitted it")),
    ("peer_review.finding.add", _("Finding recorded"), _("Recorded a finding")),
    ("peer_review.finding.edit", _("Finding changed"), _("Changed a finding")),
    ("peer_review.finding.delete", _("Finding deleted"), _("Deleted a finding")),
    ("peer_review.report.save", _("Report summary saved"), _("Saved the report's summary")),
    ("peer_review.report.send", _("Report sent to the council"), _("Sent the draft report")),
    ("peer_review.correction.raise", _("Factual correction raised"), _("Raised a correction")),
    ("peer_review.correction.decide", _("Factual correction decided"), _("Decided a correction")),
    ("peer_review.report.agree", _("Report agreed by the council"), _("Agreed the report")),
    ("peer_review.report.publish", _("Report published"), _("Published the report")),
    ("peer_review.action.add", _("Action added"), _("Added an action")),
    ("peer_review.action.edit", _("Action changed"), _("Changed an action")),
    ("peer_review.action.delete", _("Action removed"), _("Removed an action")),
    ("peer_review.action_plan.submit", _("Action plan submitted"), _("Submitted the action plan")),
    ("peer_review.progress_review.record", _("Progress review recorded"), _("Recorded it")),
]


register_log_actions(LOG_ACTIONS)


class QuestionAdminForm(WagtailAdminModelForm):
    """Saves through the service, which keeps a version of what the question asks."""

    def save(self, commit=True):
        question = super().save(commit=False)
        if commit:
            signposts = {
                name: self.cleaned_data[name]
                for name in QuestionContent.SIGNPOSTS
                if name in self.cleaned_data
            }
            services.save_question(question=question, by=self.for_user, signposts=signposts)
        return question


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Digital questions")
    list_display = ["code", "text", "core_element", "is_active"]
    list_filter = ["core_element", "is_active"]
    search_fields = ["code", "text"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["code", "core_element", "text", "prompts", "good_looks_like"]
    name = "digital_question"
    edit_handler = ObjectList(Question.panels, base_form_class=QuestionAdminForm)


class CoreElementViewSet(ModelViewSet):
    model = CoreElement
    icon = "list-ul"
    menu_label = _("Core elements")
    list_display = ["name", "description"]
    copy_view_enabled = False
    name = "core_element"


class PeerChallengeViewSetGroup(ModelViewSetGroup):
    menu_label = _("Peer challenge")
    menu_icon = "help"
    menu_order = 270
    items = (QuestionViewSet, CoreElementViewSet)


@hooks.register("register_admin_viewset")
def register_peer_challenge_viewsets():
    return PeerChallengeViewSetGroup()
