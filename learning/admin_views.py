"""Reports for LGA staff in the Wagtail admin: completion by councillor, by council and by
module, each for one programme, with Wagtail's CSV and Excel export."""

import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from academy.models import Organisation, User
from academy.spreadsheets import no_formula
from cms_pages.models import ModuleIndexPage, ModulePage

from . import selectors


def _programmes(request=None):
    """Live programmes, those that award a certificate first: the first is the default."""
    return ModuleIndexPage.objects.live().order_by("-awards_certificate", "path")


def _yes_no(value):
    return str(_("Yes") if value else _("No"))


def _local_time(value):
    return timezone.localtime(value).replace(tzinfo=None)


class ProgrammeFilterSet(WagtailFilterSet):
    """Chooses the programme a report is about; the view builds its figures for it."""

    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        queryset=_programmes,
        empty_label=None,
        method="keep_all",
    )

    def keep_all(self, queryset, name, value):
        return queryset


class ProgrammeReportView(ReportView):
    """A report on one programme, for people with `learning.view_learning_reports`."""

    header_icon = "table"
    filterset_class = ProgrammeFilterSet
    paginate_by = 50
    # Times in UK time as people read them, yes/no for flags; see also each list_export's
    # get_*_display for choices.
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        bool: {ReportView.FORMAT_CSV: _yes_no, ReportView.FORMAT_XLSX: _yes_no},
        str: {ReportView.FORMAT_CSV: no_formula},  # Wagtail guards the Excel download itself
        datetime.datetime: {
            ReportView.FORMAT_CSV: lambda value: f"{_local_time(value):%Y-%m-%d %H:%M}",
            ReportView.FORMAT_XLSX: _local_time,
        },
    }

    def dispatch(self, request, *args, **kwargs):
        if not selectors.can_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def filters(self):
        filterset = self.filterset_class(
            **self.get_filterset_kwargs(), queryset=self.model._default_manager.none()
        )
        filterset.form.fields["programme"].queryset = _programmes()
        return filterset

    @cached_property
    def programme(self):
        chosen = None
        if self.filters.is_valid():
            chosen = self.filters.form.cleaned_data.get("programme")
        return chosen or _programmes().first()

    def get_page_subtitle(self):
        return self.programme.title if self.programme else ""

    def get_filename(self):
        name = self.programme.slug if self.programme else "programme"
        return f"{name}-{self.report_name}-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        if self.programme is None:
            return self.model.objects.none()
        return self.rows(viewer=self.request.user, programme=self.programme)

    def order_queryset(self, queryset):
        return queryset  # each report keeps its own order

    # Headings for exported fields that are not also columns on the page.
    export_only_headings: dict = {}

    def get_heading(self, queryset, field):
        """A download's headings are the page's column labels, so that the two agree."""
        labels = {column.name: column.label for column in self.columns}
        labels.update(self.export_only_headings)
        if field in labels:
            return str(labels[field])
        return super().get_heading(queryset, field)

    no_learners_message = _("Nobody has started this programme yet.")

    @property
    def no_results_message(self):
        if self.programme is None:
            return _("No programme of modules has been published yet.")
        return self.no_learners_message


def _percent(part, whole):
    return f"{round(100 * part / whole)}%" if whole else "n/a"


class CouncillorProgressView(ProgrammeReportView):
    page_title = _("Learning progress by councillor")
    menu_label = _("Learning by councillor")
    report_name = "by-councillor"
    model = User
    index_url_name = "learning_reports:by_councillor"
    index_results_url_name = "learning_reports:by_councillor_results"
    columns = [
        Column("full_name", label=_("Councillor")),
        Column("organisation", label=_("Council")),
        Column("modules_started", label=_("Modules started")),
        Column("modules_completed", label=_("Required modules completed")),
        Column("sections_completed", label=_("Sections completed")),
        DateColumn("last_activity", label=_("Last activity")),
        DateColumn("certificate_awarded", label=_("Certificate awarded")),
    ]
    list_export = [
        "full_name",
        "email",
        "organisation",
        "get_political_group_display",
        "modules_started",
        "modules_completed",
        "sections_completed",
        "last_activity",
        "certificate_awarded",
    ]
    export_only_headings = {
        "email": _("Email address"),
        "get_political_group_display": _("Political group"),
    }

    def rows(self, **kwargs):
        return selectors.councillor_progress_report(**kwargs)


class CouncilProgressView(ProgrammeReportView):
    page_title = _("Learning progress by council")
    menu_label = _("Learning by council")
    report_name = "by-council"
    model = Organisation
    index_url_name = "learning_reports:by_council"
    index_results_url_name = "learning_reports:by_council_results"
    columns = [
        Column("name", label=_("Council")),
        Column("councillors", label=_("Councillors with an account")),
        Column("started", label=_("Started")),
        Column("certified", label=_("Awarded the certificate")),
        Column("certified_percent", label=_("Share awarded")),
    ]
    list_export = [
        "name",
        "get_kind_display",
        "councillors",
        "started",
        "certified",
        "certified_percent",
    ]
    export_only_headings = {"get_kind_display": _("Kind")}

    def rows(self, **kwargs):
        return selectors.council_progress_report(**kwargs)

    def decorate_paginated_queryset(self, object_list):
        for council in object_list:
            council.certified_percent = _percent(council.certified, council.councillors)
        return object_list


class ModuleProgressView(ProgrammeReportView):
    page_title = _("Learning progress by module")
    menu_label = _("Learning by module")
    report_name = "by-module"
    model = ModulePage
    index_url_name = "learning_reports:by_module"
    index_results_url_name = "learning_reports:by_module_results"
    columns = [
        Column("title", label=_("Module")),
        Column("section_count", label=_("Sections")),
        Column("learners_started", label=_("Learners started")),
        Column("learners_completed", label=_("Learners completed")),
        Column("completion_rate", label=_("Completed of those started")),
    ]
    list_export = [
        "title",
        "required_for_certificate",
        "section_count",
        "learners_started",
        "learners_completed",
        "completion_rate",
    ]
    export_only_headings = {"required_for_certificate": _("Required for the certificate")}

    no_learners_message = _("This programme has no published modules yet.")

    def rows(self, **kwargs):
        return selectors.module_progress_report(**kwargs)

    def decorate_paginated_queryset(self, object_list):
        for module in object_list:
            module.completion_rate = _percent(module.learners_completed, module.learners_started)
        return object_list


REPORTS = [
    ("by-councillor/", "by_councillor", CouncillorProgressView),
    ("by-council/", "by_council", CouncilProgressView),
    ("by-module/", "by_module", ModuleProgressView),
]
