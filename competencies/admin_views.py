"""The competency framework's part of the Wagtail admin, for LGA staff: versions of the
framework and their competencies, making a new version, publishing it, and moving a version
in and out as a file. Every change goes through `framework`; only a draft can change, and the
views offer edits only where they would be allowed."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from academy.admin_views import ConfirmActionView, ServiceFormMixin

from . import exceptions, framework
from .models import Competency, Framework, Proficiency
from .selectors import MANAGE_PERMISSION

FRAMEWORK_URLS = "framework_version"
COMPETENCY_URLS = "competency"
# An import with many problems lists this many on the form, then says how many more.
ERRORS_SHOWN = 50


def _url(view: str, *args, viewset: str = FRAMEWORK_URLS) -> str:
    return reverse(f"{viewset}:{view}", args=args)


def _draft() -> Framework | None:
    return Framework.objects.filter(status=Framework.Status.DRAFT).first()


# --- Who may change what ----------------------------------------------------------------------


class FrameworkPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that only a draft version can be changed or deleted."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and not instance.is_draft:
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class CompetencyPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that only a draft version's competencies can be changed or
    deleted: diagnostics point at the competencies of published and replaced versions."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and not instance.framework.is_draft:
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class DraftOnlyMixin:
    """For edit and delete views: a version that is not a draft is shown, not changed. A form
    already on someone's screen when its version was published still posts, and its `clean`
    says why nothing was saved; a delete is refused outright."""

    refuse_posts = False
    inspect_url_name = None

    def framework_of(self, instance) -> Framework:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        instance = self.get_object()
        if not self.framework_of(instance).is_draft and (
            request.method != "POST" or self.refuse_posts
        ):
            messages.warning(request, exceptions.NotADraft.message)
            return redirect(self.inspect_url_name, instance.pk)
        self.object = instance
        return super().dispatch(request, *args, **kwargs)


class DraftListingMixin:
    """Index views: Edit and Delete only on what can change."""

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)
        return None


class DraftInspectMixin:
    def get_edit_url(self):
        if self.user_has_permission_for_instance("change", self.object):
            return super().get_edit_url()
        return None

    def get_delete_url(self):
        if self.user_has_permission_for_instance("delete", self.object):
            return super().get_delete_url()
        return None


# --- Framework versions -----------------------------------------------------------------------


class FrameworkAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if (
            self.instance.pk
            and not Framework.objects.filter(
                pk=self.instance.pk, status=Framework.Status.DRAFT
            ).exists()
        ):
            raise ValidationError(exceptions.NotADraft.message)
        return cleaned


def _framework_actions(user, version: Framework, *, draft_exists: bool) -> list[Button]:
    """The things that can be done to a version, as buttons, for this user."""
    buttons = []
    if version.is_draft and user.has_perm(MANAGE_PERMISSION):
        buttons.append(
            Button(
                _("Publish this version"),
                url=_url("publish", version.pk),
                icon_name="upload",
                priority=5,
            )
        )
    if version.is_draft and user.has_perm("competencies.add_competency"):
        buttons.append(
            Button(
                _("Add a competency"),
                url=f"{_url('add', viewset=COMPETENCY_URLS)}?framework={version.pk}",
                icon_name="plus",
                priority=6,
            )
        )
    if not draft_exists and user.has_perm(framework.ADD_PERMISSION):
        buttons.append(
            Button(
                _("Make a new version"),
                url=_url("new_version", version.pk),
                icon_name="copy",
                priority=7,
            )
        )
    buttons.append(
        Button(
            _("Its competencies"),
            url=f"{_url('index', viewset=COMPETENCY_URLS)}?framework={version.pk}",
            icon_name="list-ul",
            priority=8,
        )
    )
    if user.has_perm(MANAGE_PERMISSION):
        for kind, label in (("csv", _("Export as CSV")), ("json", _("Export as JSON"))):
            buttons.append(
                Button(label, url=_url("export", version.pk, kind), icon_name="download")
            )
    return buttons


class FrameworkIndexView(DraftListingMixin, IndexView):
    @cached_property
    def draft_exists(self) -> bool:
        return Framework.objects.filter(status=Framework.Status.DRAFT).exists()

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.draft_exists:
            # One draft at a time: starting another is refused, so it is not offered.
            buttons = [button for button in buttons if button is not self.add_button]
        if self.request.user.has_perm(MANAGE_PERMISSION):
            buttons.append(
                HeaderButton(_("Import a framework"), url=_url("import"), icon_name="upload")
            )
        return buttons

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *_framework_actions(self.request.user, instance, draft_exists=self.draft_exists),
        ]


class FrameworkCreateView(ServiceFormMixin, CreateView):
    """Starts an empty draft; "Make a new version" on a version starts a draft copy of it."""

    def save_instance(self):
        data = self.form.cleaned_data
        return framework.create_framework(
            name=data["name"],
            summary=data.get("summary", ""),
            changes=data.get("changes", ""),
            by=self.request.user,
        )


class FrameworkEditView(DraftOnlyMixin, ServiceFormMixin, EditView):
    def framework_of(self, instance):
        return instance

    def save_instance(self):
        data = self.form.cleaned_data
        return framework.edit_framework(
            framework=self.object,
            by=self.request.user,
            **{name: data[name] for name in ("name", "summary", "changes") if name in data},
        )


class FrameworkDeleteView(DraftOnlyMixin, DeleteView):
    refuse_posts = True

    def framework_of(self, instance):
        return instance

    def delete_action(self):
        framework.delete_draft(framework=self.object, by=self.request.user)


class FrameworkInspectView(DraftInspectMixin, InspectView):
    """A version, its competencies, and what can be done with it."""

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            *_framework_actions(
                self.request.user,
                self.object,
                draft_exists=Framework.objects.filter(status=Framework.Status.DRAFT).exists(),
            ),
        ]

    def get_field_label(self, field_name, field):
        if field_name == "competencies":
            return _("Competencies")
        return super().get_field_label(field_name, field)

    def get_competencies_display_value(self):
        competencies = list(self.object.competencies.order_by("sort_order", "name"))
        if not competencies:
            return _("None yet.")
        view = "edit" if self.object.is_draft else "inspect"
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({}, {})</li>',
                (
                    (
                        _url(view, competency.pk, viewset=COMPETENCY_URLS),
                        competency.name,
                        competency.code,
                        competency.get_level_display(),
                    )
                    for competency in competencies
                ),
            ),
        )


FRAMEWORK_LIST_COLUMNS = [
    "name",  # the title column, which carries each version's buttons
    Column("version", label=_("Version"), accessor="version", sort_key="version"),
    StatusTagColumn(
        "status",
        label=_("Status"),
        accessor="get_status_display",
        primary=lambda version: version.status == Framework.Status.PUBLISHED,
    ),
    DateColumn("published_at", label=_("Published"), sort_key="published_at"),
]


class FrameworkActionView(ConfirmActionView):
    """Asks to confirm an action on a version, for people with `permission`."""

    header_icon = "list-ol"
    inspect_url_name = f"{FRAMEWORK_URLS}:inspect"
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, request, pk):
        return get_object_or_404(Framework, pk=pk)

    def message_values(self):
        return {"object": self.object, "version": self.object.version}


class NewVersionView(FrameworkActionView):
    name = "new_version"
    icon = "copy"
    permission = framework.ADD_PERMISSION
    button_label = _("Make a new version")
    confirmation = _(
        "Make a draft copy of %(object)s, with all its competencies? You change the draft; "
        "this version stays as it is until the draft is published."
    )
    success_message = _("Version %(version)s is a draft copy of version %(from)s. Change it here.")

    def post(self, request, *args, **kwargs):
        try:
            draft = framework.new_version(framework=self.object, by=request.user)
        except exceptions.AcademyError as error:
            messages.error(request, error.message)
            return redirect(self.inspect_url)
        messages.success(
            request, self.success_message % {"version": draft.version, "from": self.object.version}
        )
        return redirect(self.inspect_url_name, draft.pk)


class PublishView(FrameworkActionView):
    name = "publish"
    icon = "upload"
    permission = MANAGE_PERMISSION
    button_label = _("Publish this version")
    success_message = _("Version %(version)s is published: new diagnostics use it from now on.")

    @cached_property
    def in_use(self) -> Framework | None:
        return Framework.objects.filter(status=Framework.Status.PUBLISHED).first()

    @property
    def confirmation(self):
        if self.in_use is None:
            return _("Publish %(object)s? Diagnostics will use it from now on.")
        return _(
            "Publish %(object)s? Diagnostics will use it from now on, and version %(old)s is "
            "replaced: diagnostics already taken keep it. Neither version can change again."
        )

    def message_values(self):
        return {**super().message_values(), "old": self.in_use and self.in_use.version}

    def perform(self, *, by):
        framework.publish(framework=self.object, by=by)


class ExportView(View):
    """A version as a file to download: CSV for a spreadsheet, JSON for another site."""

    def get(self, request, pk, kind):
        if not request.user.has_perm(MANAGE_PERMISSION):
            raise PermissionDenied
        version = get_object_or_404(Framework, pk=pk)
        if kind == "csv":
            # The byte order mark makes Excel read the file as UTF-8.
            body = "\ufeff" + framework.export_csv(version)
            content_type = "text/csv; charset=utf-8"
        else:
            body = framework.export_json(version)
            content_type = "application/json; charset=utf-8"
        response = HttpResponse(body, content_type=content_type)
        filename = f"competency-framework-version-{version.version}.{kind}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Framework file"),
        help_text=_(
            "A CSV or JSON file like the ones “Export as CSV” and “Export as JSON” give, at most "
            "1 MB. In the CSV, put each behaviour on its own line of the behaviours cell, "
            "starting with the point of the scale it shows: “Practitioner: …”."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.json,text/csv,application/json"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > framework.MAX_IMPORT_BYTES:
            raise ValidationError(
                _("The file is too large: an import can be at most %(size)s MB.")
                % {"size": framework.MAX_IMPORT_BYTES // (1024 * 1024)}
            )
        return upload


class ImportView(WagtailAdminTemplateMixin, FormView):
    """Upload a file to make a new draft version. Every problem comes back on the form, and
    nothing is written unless the whole file is right."""

    template_name = "competencies/admin/import.html"
    form_class = ImportForm
    page_title = _("Import a framework")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(MANAGE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": _url("index"), "label": Framework._meta.verbose_name_plural.capitalize()},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=_url("import"),
            submit_button_label=_("Import as a new draft"),
            submit_button_active_label=_("Importing…"),
            draft=_draft(),
        )
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            draft = framework.import_framework(
                data=upload.read(framework.MAX_IMPORT_BYTES + 1),
                filename=upload.name,
                by=self.request.user,
            )
        except exceptions.FrameworkFileNotValid as error:
            shown = error.errors[:ERRORS_SHOWN]
            if len(error.errors) > ERRORS_SHOWN:
                shown.append(
                    _("And %(count)s more problems.") % {"count": len(error.errors) - ERRORS_SHOWN}
                )
            form.add_error("file", [str(error.message), *shown])
            return self.form_invalid(form)
        except exceptions.AcademyError as error:
            form.add_error("file", str(error.message))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Version %(version)s is a new draft with %(count)s competencies from the file. "
                "Check it, then publish it."
            )
            % {"version": draft.version, "count": draft.competencies.count()},
        )
        return redirect(f"{FRAMEWORK_URLS}:inspect", draft.pk)

    def form_invalid(self, form):
        messages.error(self.request, _("The file could not be imported."))
        return super().form_invalid(form)


# --- Competencies -----------------------------------------------------------------------------


class CompetencyAdminForm(WagtailAdminModelForm):
    """Competencies are added to the draft version only, and stay in the version they were
    added to. A competency of a published or replaced version is never saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "framework" in self.fields:
            field = self.fields["framework"]
            if self.instance.pk:
                field.disabled = True
                field.help_text = _("A competency stays in the version it was added to.")
            else:
                field.queryset = Framework.objects.filter(status=Framework.Status.DRAFT)
                field.error_messages["invalid_choice"] = exceptions.NotADraft.message
                field.help_text = _(
                    "Competencies are added to the draft version. If there is none, make a new "
                    "version of the framework first."
                )

    def clean(self):
        cleaned = super().clean()
        version = self.instance.framework if self.instance.pk else cleaned.get("framework")
        if (
            version is not None
            and not Framework.objects.filter(pk=version.pk, status=Framework.Status.DRAFT).exists()
        ):
            raise ValidationError(exceptions.NotADraft.message)
        return cleaned


class CompetencyIndexView(DraftListingMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("framework")


class SavesToDraftMixin:
    """Save the form under the version's lock (see `framework.lock_draft`), so a version
    being published at that moment is not changed."""

    def version_id(self) -> int:
        raise NotImplementedError

    def save_instance(self):
        with transaction.atomic():
            framework.lock_draft(framework_id=self.version_id())
            return super().save_instance()


class CompetencyCreateView(SavesToDraftMixin, ServiceFormMixin, CreateView):
    def get_initial(self):
        initial = super().get_initial()
        wanted = self.request.GET.get("framework", "")
        draft = _draft()
        if draft and (not wanted or wanted == str(draft.pk)):
            initial["framework"] = draft.pk
        return initial

    def version_id(self):
        return self.form.cleaned_data["framework"].pk


class CompetencyEditView(DraftOnlyMixin, SavesToDraftMixin, ServiceFormMixin, EditView):
    def framework_of(self, instance):
        return instance.framework

    def version_id(self):
        return self.object.framework_id


class CompetencyDeleteView(DraftOnlyMixin, DeleteView):
    refuse_posts = True

    def framework_of(self, instance):
        return instance.framework

    def delete_action(self):
        with transaction.atomic():
            try:
                framework.lock_draft(framework_id=self.object.framework_id)
            except exceptions.NotADraft as error:
                raise PermissionDenied(str(error.message)) from error
            super().delete_action()


class CompetencyInspectView(DraftInspectMixin, InspectView):
    def get_field_label(self, field_name, field):
        labels = {"behaviours": _("Behaviours"), "mappings": _("In other frameworks")}
        return labels.get(field_name) or super().get_field_label(field_name, field)

    def get_behaviours_display_value(self):
        behaviours = self.object.behaviours.order_by("sort_order", "pk")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}{}</li>",
                (
                    (
                        f"{Proficiency(b.proficiency).label}: " if b.proficiency else "",
                        b.text,
                    )
                    for b in behaviours
                ),
            ),
        )

    def get_mappings_display_value(self):
        mappings = list(self.object.mappings.order_by("sort_order", "pk"))
        if not mappings:
            return "-"
        return "; ".join(
            " ".join(part for part in (m.get_scheme_display(), m.code, m.name, m.level) if part)
            for m in mappings
        )


# --- Organisations' pick and mix --------------------------------------------------------------


class OrganisationFrameworkAdminForm(WagtailAdminModelForm):
    """An organisation's own framework: competencies picked from one published version. Its
    people's diagnostics then ask about those only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        in_use = Framework.objects.exclude(status=Framework.Status.DRAFT)
        if "framework" in self.fields:
            self.fields["framework"].queryset = in_use.order_by("-version")
            self.fields["framework"].help_text = _(
                "Pick from the version in use. Diagnostics already taken keep what they asked."
            )
        if "competencies" in self.fields:
            field = self.fields["competencies"]
            field.queryset = (
                Competency.objects.filter(framework__in=in_use)
                .select_related("framework")
                .order_by("-framework__version", "sort_order", "name")
            )
            field.label_from_instance = lambda c: (
                _("%(name)s (%(code)s), version %(version)s")
                % {
                    "name": c.name,
                    "code": c.code,
                    "version": c.framework.version,
                }
            )
            field.error_messages["required"] = _("Pick at least one competency.")
            field.help_text = _("Tick the competencies of that version the organisation uses.")

    def clean(self):
        cleaned = super().clean()
        version, picked = cleaned.get("framework"), cleaned.get("competencies")
        if version is not None and picked:
            others = [c.name for c in picked if c.framework_id != version.pk]
            if others:
                self.add_error(
                    "competencies",
                    _("Pick only competencies of version %(version)s. Not: %(names)s.")
                    % {"version": version.version, "names": ", ".join(others)},
                )
        return cleaned


class OrganisationFrameworkSaveMixin:
    def save_instance(self):
        instance = super().save_instance()
        instance.chosen_by = self.request.user
        instance.save(update_fields=["chosen_by"])
        return instance


class OrganisationFrameworkCreateView(OrganisationFrameworkSaveMixin, CreateView):
    pass


class OrganisationFrameworkEditView(OrganisationFrameworkSaveMixin, EditView):
    pass


class OrganisationFrameworkIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("organisation", "framework")
            .annotate(picked=Count("competencies"))
        )


class PickedColumn(Column):
    def get_value(self, instance):
        return instance.picked
