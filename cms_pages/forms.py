"""Admin forms for page types whose rules span more than one field."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model

from .blocks import document_ids_in


def kept_rows(form, name: str) -> list[dict]:
    """The cleaned rows of an inline panel that are not being deleted. Wagtail cleans the
    inline formsets after the page form, so a rule spanning both cleans them first."""
    formset = form.formsets[name]
    formset.is_valid()
    return [
        row.cleaned_data
        for row in formset.forms
        if getattr(row, "cleaned_data", None) and not row.cleaned_data.get("DELETE")
    ]


class ModulePageForm(WagtailAdminPageForm):
    """A members-only module may offer only documents that need signing in to download;
    otherwise its members-only files would be open to anyone with the link."""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("access") != "members":
            return cleaned_data
        streams = [cleaned_data.get("body")] + [
            row.get("body") for row in kept_rows(self, "sections")
        ]
        ids = set().union(*(document_ids_in(stream) for stream in streams if stream))
        open_to_all = [
            document.title
            for document in get_document_model()
            .objects.filter(pk__in=ids)
            .select_related("collection")
            .order_by("title")
            if not document.collection.get_view_restrictions().exists()
        ]
        if open_to_all:
            self.add_error(
                "access",
                _(
                    "A members-only module can only offer documents that need signing in to "
                    "download, and anyone can download %(documents)s. Move %(them)s to a "
                    "collection with privacy set to signed-in people (Documents, then the "
                    "collection's Privacy), or make this module public."
                )
                % {
                    "documents": ", ".join(f"“{title}”" for title in open_to_all),
                    "them": _("it") if len(open_to_all) == 1 else _("them"),
                },
            )
        return cleaned_data


class CaseStudyPageForm(WagtailAdminPageForm):
    """Where else it could apply names other services, and other types of council, than the
    ones that did it."""

    def clean(self):
        cleaned_data = super().clean()
        own = set(cleaned_data.get("service_areas") or [])
        elsewhere = set(cleaned_data.get("applies_to_service_areas") or [])
        both = sorted(str(area) for area in own & elsewhere)
        if both:
            self.add_error(
                "applies_to_service_areas",
                _(
                    "%(areas)s %(verb)s already among the services it was done in. Choose "
                    "other services it could apply to."
                )
                % {"areas": ", ".join(both), "verb": _("is") if len(both) == 1 else _("are")},
            )
        own_types = {
            row["council_type"]
            for row in kept_rows(self, "organisations")
            if row.get("council_type")
        }
        repeated = sorted(
            str(kind)
            for kind in own_types & set(cleaned_data.get("applies_to_council_types") or [])
        )
        if repeated:
            self.add_error(
                "applies_to_council_types",
                _("%(types)s already did it. Choose other types of council it could apply to.")
                % {"types": ", ".join(repeated)},
            )
        return cleaned_data
