"""The good-practice database in the Wagtail admin: the taxonomies LGA staff keep, and the
case studies members have sent in, with where each has got to."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CouncilType, Sector, ServiceArea, Submission


@hooks.register("register_log_actions")
def register_good_practice_log_actions(actions):
    actions.register_action(
        "good_practice.submit", _("Submit case study"), _("Case study sent in by a member")
    )


class TaxonomyViewSet(SnippetViewSet):
    icon = "tag"
    list_display = ["name", "slug", "description"]
    search_fields = ["name"]
    copy_view_enabled = False


class ServiceAreaViewSet(TaxonomyViewSet):
    model = ServiceArea
    menu_label = _("Service areas")


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    menu_label = _("Sectors")
    list_display = ["name", "slug", "is_local_government"]


class CouncilTypeViewSet(TaxonomyViewSet):
    model = CouncilType
    menu_label = _("Types of council")


class GoodPracticeTaxonomies(SnippetViewSetGroup):
    """Outcome themes are the shared Themes snippet, kept in its own menu."""

    items = (ServiceAreaViewSet, SectorViewSet, CouncilTypeViewSet)
    menu_icon = "doc-full"
    menu_label = _("Good practice")
    menu_name = "good-practice"
    menu_order = 310


register_snippet(GoodPracticeTaxonomies)


class SubmissionViewSet(ModelViewSet):
    """Read-only: a submission changes as its page moves through moderation."""

    model = Submission
    icon = "mail"
    menu_label = _("Submitted case studies")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["page", "submitted_by", "submitted_at", "status"]
    list_filter = ["status"]
    inspect_view_enabled = True
    inspect_view_fields = ["page", "submitted_by", "submitted_at", "status", "comment"]
    exclude_form_fields = ["page", "submitted_by", "submitted_at", "status", "comment"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Submission.objects.select_related("page", "submitted_by")


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return SubmissionViewSet("good_practice_submissions")
