"""The Wagtail admin's round tables: set-up and changes go through the services; running a
round table (invitations, attendance, notes) happens on its page on the site."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView, InspectView
from wagtail.admin.widgets import Button

from academy.admin_views import ServiceFormMixin
from academy.models import User
from academy.roles import LGA_STAFF_ROLES

from . import selectors, services


class RoundTableAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organisers" in self.fields:
            self.fields["organisers"].queryset = (
                User.objects.filter(groups__name__in=LGA_STAFF_ROLES, is_active=True)
                .distinct()
                .order_by("full_name")
            )


def _fields(form) -> dict:
    return {
        name: form.cleaned_data[name]
        for name in services.ROUND_TABLE_FIELDS
        if name in form.cleaned_data
    }


class RoundTableIndexView(IndexView):
    def get_base_queryset(self):
        return selectors.round_tables_managed_by(self.request.user)


class RoundTableCreateView(ServiceFormMixin, CreateView):
    def save_instance(self):
        return services.create_round_table(
            by=self.request.user,
            themes=self.form.cleaned_data.get("themes", []),
            organisers=self.form.cleaned_data.get("organisers", []),
            **_fields(self.form),
        )


class RoundTableEditView(ServiceFormMixin, EditView):
    def get_object(self, queryset=None):
        return get_object_or_404(selectors.round_tables_managed_by(self.request.user), pk=self.pk)

    def save_instance(self):
        return services.update_round_table(
            round_table=self.object,
            by=self.request.user,
            themes=self.form.cleaned_data.get("themes"),
            organisers=self.form.cleaned_data.get("organisers"),
            **_fields(self.form),
        )


class RoundTableInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(selectors.round_tables_managed_by(self.request.user), pk=self.pk)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                _("Run this round table on the site"),
                url=reverse("roundtables:manage", args=[self.object.pk]),
                icon_name="group",
                priority=5,
            )
        )
        return buttons


class PlacesColumn(Column):
    def get_value(self, instance):
        return _("%(capacity)s places") % {"capacity": instance.capacity}


ROUND_TABLE_LIST_COLUMNS = [
    Column("title", label=_("Round table"), accessor="title"),
    Column("region", label=_("Region"), accessor="get_region_display"),
    Column("starts_at", label=_("Starts")),
    StatusTagColumn("status", label=_("Status"), accessor="get_status_display", primary=True),
    PlacesColumn("places", label=_("Places")),
]
