from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ProgrammePage, Theme


@hooks.register("before_copy_page")
def refuse_second_landing_page(request, page):
    """Each part of the programme has one landing page; a copy or an alias would be a second."""
    if page.specific_class is ProgrammePage:
        messages.error(
            request,
            _(
                "Each part of the programme has exactly one landing page, so “%(title)s” "
                "cannot be copied."
            )
            % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return None


class ThemeViewSet(SnippetViewSet):
    """Themes shared by modules and, later, good practice, round tables and champions."""

    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "description"]
    search_fields = ["name"]
    copy_view_enabled = False


register_snippet(ThemeViewSet)
