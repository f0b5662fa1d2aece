from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import ProgrammePage


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
