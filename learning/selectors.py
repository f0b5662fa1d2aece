"""Reads of learners' progress. Each takes the viewer and shows them only their own progress
and reflections; the staff reports need the `learning.view_learning_reports` permission.

Every read here costs the same number of queries however many modules a programme has."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import Group
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.http import urlencode

from academy.models import Organisation, User
from academy.roles import COUNCILLOR
from cms_pages.models import ModuleIndexPage, ModulePage, ModuleSection
from cms_pages.selectors import can_read_module, is_member

from .models import Certificate, ModuleProgress, Reflection, SectionCompletion


def sign_in_url(next_url: str | None) -> str:
    url = reverse("account:sign-in")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _section_url(module_url: str | None, number: int) -> str | None:
    return f"{module_url}sections/{number}/" if module_url else None


@dataclass(frozen=True)
class SectionStatus:
    section: ModuleSection
    number: int
    done: bool
    url: str | None


@dataclass
class ModuleView:
    """One module as the viewer sees it: whether they may read it, and how far they have got."""

    page: ModulePage
    can_read: bool
    signed_in: bool
    sections: list[SectionStatus]
    completed_at: datetime | None = None
    started: bool = False
    reflections: list[Reflection] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.sections)

    @property
    def done_count(self) -> int:
        return sum(1 for status in self.sections if status.done)

    @property
    def next_section(self) -> SectionStatus | None:
        """Where to pick up: the first section not yet done."""
        return next((status for status in self.sections if not status.done), None)

    @property
    def sign_in_url(self) -> str:
        return sign_in_url(self.page.url)


def module_progress_for(*, viewer, module: ModulePage) -> ModuleView:
    """A module's sections with the viewer's own progress and reflections. Works on an
    unsaved page too, for the editor's preview."""
    module_url = module.get_url() if module.pk else None
    sections = list(module.sections.all())
    progress = None
    done_ids: set[int] = set()
    reflections: list[Reflection] = []
    if is_member(viewer) and module.pk:
        progress = ModuleProgress.objects.filter(person=viewer, module=module).first()
        if progress is not None:
            done_ids = set(progress.completions.values_list("section_id", flat=True))
            reflections = list(
                progress.reflections.select_related("section").order_by("created_at")
            )
    return ModuleView(
        page=module,
        can_read=can_read_module(viewer=viewer, module=module),
        signed_in=is_member(viewer),
        sections=[
            SectionStatus(
                section=section,
                number=number,
                done=section.pk in done_ids,
                url=_section_url(module_url, number),
            )
            for number, section in enumerate(sections, start=1)
        ],
        completed_at=progress.completed_at if progress else None,
        started=progress is not None,
        reflections=reflections,
    )


@dataclass
class ModuleStatus:
    page: ModulePage
    section_count: int
    completed_sections: int = 0
    completed_at: datetime | None = None
    started: bool = False

    @property
    def status(self) -> str:
        if self.completed_at:
            return "completed"
        return "in-progress" if self.started else "not-started"


@dataclass(frozen=True)
class ResumePoint:
    module: ModulePage
    number: int
    section: ModuleSection
    url: str | None
    starting: bool  # the first section of a module not begun yet


@dataclass
class ProgrammeView:
    """A programme's modules, with the viewer's progress towards its certificate."""

    page: ModuleIndexPage
    modules: list[ModuleStatus]
    signed_in: bool
    certificate: Certificate | None = None
    resume: ResumePoint | None = None

    @property
    def required(self) -> list[ModuleStatus]:
        return [status for status in self.modules if status.page.required_for_certificate]

    @property
    def required_completed(self) -> int:
        return sum(1 for status in self.required if status.completed_at)

    @property
    def percent(self) -> int:
        required = len(self.required)
        return round(100 * self.required_completed / required) if required else 0

    @property
    def finished(self) -> bool:
        return bool(self.required) and self.required_completed == len(self.required)


def programme_progress_for(*, viewer, programme: ModuleIndexPage) -> ProgrammeView:
    """A programme's live modules in order, with the viewer's progress, certificate and where
    to pick up. Four queries for someone signed in, one for anyone else."""
    modules = list(programme.modules().annotate(section_count=Count("sections")))
    statuses = {
        module.pk: ModuleStatus(page=module, section_count=module.section_count)
        for module in modules
    }
    view = ProgrammeView(page=programme, modules=list(statuses.values()), signed_in=False)
    if not is_member(viewer) or not programme.pk:
        return view
    view.signed_in = True
    progress_rows = list(
        ModuleProgress.objects.filter(person=viewer, module_id__in=statuses).annotate(
            done=Count("completions")
        )
    )
    for progress in progress_rows:
        status = statuses[progress.module_id]
        status.started = True
        status.completed_sections = progress.done
        status.completed_at = progress.completed_at
    view.certificate = Certificate.objects.filter(person=viewer, programme=programme).first()
    view.resume = _resume_point(view, progress_rows)
    return view


def _resume_point(view: ProgrammeView, progress_rows) -> ResumePoint | None:
    unfinished = [row for row in progress_rows if row.completed_at is None]
    if unfinished:
        latest = max(unfinished, key=lambda row: row.last_activity_at)
        module = next(s.page for s in view.modules if s.page.pk == latest.module_id)
        sections = list(
            ModuleSection.objects.filter(page_id=module.pk)
            .annotate(
                done=Exists(
                    SectionCompletion.objects.filter(progress=latest, section=OuterRef("pk"))
                )
            )
            .order_by("sort_order")
        )
        for number, section in enumerate(sections, start=1):
            if not section.done:
                url = _section_url(module.get_url(), number)
                return ResumePoint(module, number, section, url, starting=False)
    not_started = [s for s in view.modules if not s.started and s.section_count]
    if not_started:
        # Required modules first: they lead to the certificate.
        first = min(not_started, key=lambda s: not s.page.required_for_certificate)
        section = ModuleSection.objects.filter(page_id=first.page.pk).order_by("sort_order")[0]
        url = _section_url(first.page.get_url(), 1)
        return ResumePoint(first.page, 1, section, url, starting=True)
    return None


def learning_overview_for(*, viewer) -> list[ProgrammeView]:
    """Every live programme of modules, with the viewer's own progress in each."""
    programmes = ModuleIndexPage.objects.live().public().order_by("path")
    return [programme_progress_for(viewer=viewer, programme=page) for page in programmes]


def certificates_of(*, viewer):
    """The viewer's own certificates, newest first."""
    if not is_member(viewer):
        return Certificate.objects.none()
    return Certificate.objects.filter(person=viewer)


def certificate_for(*, viewer, pk: int) -> Certificate | None:
    """One of the viewer's own certificates, or None: nobody else's, whoever is asking."""
    return certificates_of(viewer=viewer).filter(pk=pk).first()


def certificate_by_code(code: str) -> Certificate | None:
    """For the public verification page: the certificate a verification link names."""
    if not code or len(code) > 64:
        return None
    return Certificate.objects.filter(code=code).first()


# --- Reports for LGA staff ----------------------------------------------------------------


def can_see_reports(viewer) -> bool:
    return is_member(viewer) and viewer.has_perm("learning.view_learning_reports")


def _subquery_count(queryset, outer_field: str):
    """A correlated count, so that several counts on one row never multiply each other."""
    counted = (
        queryset.order_by()
        .values(outer_field)
        .annotate(count=Count("pk", distinct=True))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _module_ids(programme) -> tuple[list[int], list[int]]:
    """The ids of a programme's modules, and of those required for its certificate."""
    modules = list(programme.modules().values_list("pk", "required_for_certificate"))
    return [pk for pk, _required in modules], [pk for pk, required in modules if required]


def councillor_progress_report(*, viewer, programme: ModuleIndexPage):
    """Every councillor, with how far they have got in the programme. Staff only."""
    if not can_see_reports(viewer):
        return User.objects.none()
    module_ids, required_ids = _module_ids(programme)
    in_programme = Q(module_progress__module__in=module_ids)
    completed_required = ModuleProgress.objects.filter(
        person=OuterRef("pk"),
        module__in=required_ids,
        completed_at__isnull=False,
    )
    sections_done = SectionCompletion.objects.filter(
        progress__person=OuterRef("pk"), progress__module__in=module_ids
    )
    certificate = Certificate.objects.filter(person=OuterRef("pk"), programme=programme)
    return (
        User.objects.filter(groups__name=COUNCILLOR)
        .select_related("organisation")
        .annotate(
            modules_started=Count("module_progress", filter=in_programme, distinct=True),
            modules_completed=_subquery_count(completed_required, "person"),
            sections_completed=_subquery_count(sections_done, "progress__person"),
            last_activity=Max("module_progress__last_activity_at", filter=in_programme),
            certificate_awarded=Subquery(certificate.values("issued_at")[:1]),
        )
        .order_by("organisation__name", "full_name", "pk")
    )


def council_progress_report(*, viewer, programme: ModuleIndexPage):
    """Each council with councillors, and how many have started and finished. Staff only."""
    if not can_see_reports(viewer):
        return Organisation.objects.none()
    councillors = Group.objects.get(name=COUNCILLOR)
    people = User.objects.filter(organisation=OuterRef("pk"), groups=councillors)
    started = people.filter(
        Exists(
            ModuleProgress.objects.filter(
                person=OuterRef("pk"), module__in=_module_ids(programme)[0]
            )
        )
    )
    certified = people.filter(
        Exists(Certificate.objects.filter(person=OuterRef("pk"), programme=programme))
    )
    return (
        Organisation.objects.annotate(
            councillors=_subquery_count(people, "organisation"),
            started=_subquery_count(started, "organisation"),
            certified=_subquery_count(certified, "organisation"),
        )
        .filter(councillors__gt=0)
        .order_by("name")
    )


def module_progress_report(*, viewer, programme: ModuleIndexPage):
    """Each live module of the programme, with how many have started and completed it."""
    if not can_see_reports(viewer):
        return ModulePage.objects.none()
    everyone = ModuleProgress.objects.filter(module=OuterRef("pk"))
    return (
        ModulePage.objects.child_of(programme)
        .live()
        .annotate(
            learners_started=_subquery_count(everyone, "module"),
            learners_completed=_subquery_count(
                everyone.filter(completed_at__isnull=False), "module"
            ),
            section_count=_subquery_count(
                ModuleSection.objects.filter(page=OuterRef("pk")), "page"
            ),
        )
        .order_by("path")
    )
