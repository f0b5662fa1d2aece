"""Page types. Pages hold content and routing only; rules about people live in services and
selectors (who may read a module: `cms_pages.selectors`; learners' progress: `learning`)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import ModuleBodyBlock, ModuleIntroBlock, StandardBodyBlock
from .forms import ModulePageForm


class ProgrammePart(models.TextChoices):
    """The seven parts of the programme, as DESIGN.md defines them."""

    DIGITAL_ACADEMY = "digital-academy", _("Digital Academy")
    MEMBER_LEADERSHIP = "member-leadership-academy", _("Member Leadership Academy")
    ROUND_TABLES = "chief-executive-round-tables", _("Chief executive round tables")
    PEER_CHALLENGE = "peer-review-and-challenge", _("Peer review and challenge")
    CHAMPIONS = "digital-champions-network", _("Digital champions' network")
    GOOD_PRACTICE = "good-practice-database", _("Digital good-practice database")
    COMPETENCY_FRAMEWORK = (
        "competency-framework",
        _("Competency framework, diagnostic and development plan"),
    )


class HomePage(Page):
    """The site's front page: what the academy is and the way into each part."""

    intro = models.TextField(_("introduction"), max_length=600)
    body = RichTextField(_("body"), blank=True, features=["h2", "h3", "bold", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms_pages.ProgrammePage", "cms_pages.StandardPage", "cms_pages.SearchPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme_pages"] = (
            ProgrammePage.objects.child_of(self).live().public().specific().order_by("path")
        )
        return context


def page_description(page) -> str:
    """A line about a page for listings and search results: the search description an editor
    wrote, else the page's summary or introduction, whichever its type has."""
    return page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "")


class ProgrammePage(Page):
    """The landing page for one part of the programme."""

    part = models.CharField(_("part of the programme"), max_length=40, choices=ProgrammePart)
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences, shown on the home page.")
    )
    audience = models.CharField(
        _("who it is for"), max_length=250, help_text=_("For example: senior officers.")
    )
    body = RichTextField(_("body"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("part"),
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("part"),
    ]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.ModuleIndexPage", "cms_pages.StandardPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = [
            (child, page_description(child))
            for child in self.get_children().live().public().specific()
        ]
        return context

    class Meta:
        verbose_name = _("programme landing page")
        constraints = [
            models.UniqueConstraint(fields=["part"], name="cms_pages_one_landing_page_per_part")
        ]


class Theme(index.Indexed, models.Model):
    """A theme shared by modules and, later, good practice, round tables and champions."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")

    def __str__(self):
        return self.name


class Audience(models.TextChoices):
    SENIOR_OFFICERS = "senior-officers", _("Senior officers")
    COUNCILLORS = "councillors", _("Councillors")
    BOTH = "both", _("Councillors and senior officers")


class ModuleAccess(models.TextChoices):
    PUBLIC = "public", _("Anyone can read it")
    MEMBERS = "members", _("Members only: anyone can read the summary; signing in shows the rest")


class StandardPage(Page):
    """A page of information: about the academy, an accessibility statement, guidance."""

    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(StandardBodyBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["cms_pages.HomePage", "cms_pages.ProgrammePage", "cms_pages.StandardPage"]
    subpage_types = ["cms_pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ModuleIndexPage(Page):
    """A programme of learning modules (such as the Member Leadership Academy's), its
    face-to-face dates, and the certificate for finishing its required modules."""

    intro = models.TextField(_("introduction"), max_length=600)
    body = RichTextField(_("body"), blank=True, features=["h2", "h3", "bold", "link", "ol", "ul"])
    awards_certificate = models.BooleanField(
        _("award a certificate"),
        default=True,
        help_text=_("Learners who finish every required module get a certificate."),
    )
    certificate_title = models.CharField(
        _("certificate title"),
        max_length=150,
        blank=True,
        help_text=_("What the certificate says was completed. Leave blank to use the title."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("awards_certificate"), FieldPanel("certificate_title")],
            heading=_("Certificate"),
        ),
        InlinePanel("dates", heading=_("Face-to-face dates"), label=_("date")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms_pages.ProgrammePage"]
    subpage_types = ["cms_pages.ModulePage"]

    class Meta:
        verbose_name = _("module index")

    @property
    def programme_name(self):
        return self.certificate_title or self.title

    def modules(self):
        """The programme's modules as learners meet them: live, and not kept behind Wagtail's
        own page privacy (members-only modules use `access` instead), in the editors' order."""
        return ModulePage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        from learning import selectors as learning

        context = super().get_context(request, *args, **kwargs)
        context["programme"] = learning.programme_progress_for(viewer=request.user, programme=self)
        today = timezone.localdate()
        context["upcoming_dates"] = sorted(
            (date for date in self.dates.all() if (date.ends_on or date.starts_on) >= today),
            key=lambda date: date.starts_on,
        )
        return context


class ProgrammeDate(Orderable):
    """A face-to-face date of a programme, such as one of two-day modules a month apart."""

    page = ParentalKey(ModuleIndexPage, on_delete=models.CASCADE, related_name="dates")
    title = models.CharField(_("title"), max_length=150)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Leave blank for a one-day event.")
    )
    location = models.CharField(_("where"), max_length=200)
    details = models.CharField(
        _("details"),
        max_length=300,
        blank=True,
        help_text=_("For example, how to book, or who it is for."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("location"),
        FieldPanel("details"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("face-to-face date")

    def __str__(self):
        return self.title

    @property
    def when(self) -> str:
        """The days in GOV.UK style: "Tuesday 16 December 2026", "16 to 17 December 2026",
        "30 December 2026 to 2 January 2027"."""
        first, last = self.starts_on, self.ends_on
        if not last or last == first:
            return date_format(first, "l j F Y")
        if (first.year, first.month) == (last.year, last.month):
            start = date_format(first, "j")
        elif first.year == last.year:
            start = date_format(first, "j F")
        else:
            start = date_format(first, "j F Y")
        return _("%(first)s to %(last)s") % {"first": start, "last": date_format(last, "j F Y")}

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day must be on or after the first day.")})
        if self.starts_on and self.ends_on and (self.ends_on - self.starts_on).days > 13:
            raise ValidationError(
                {"ends_on": _("Enter dates no more than two weeks apart, or add a second date.")}
            )


class ModulePage(RoutablePageMixin, Page):
    """A learning module: an overview anyone may read, then sections a learner works through
    one at a time and marks done. Members-only modules show their body only to people who
    have signed in; `cms_pages.selectors.can_read_module` decides."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences. Everyone sees this, even for members-only modules."),
    )
    audience = models.CharField(_("who it is for"), max_length=20, choices=Audience.choices)
    access = models.CharField(
        _("who can read it"),
        max_length=10,
        choices=ModuleAccess.choices,
        default=ModuleAccess.MEMBERS,
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time in minutes"),
        validators=[
            MinValueValidator(5, _("Enter a time of at least 5 minutes.")),
            MaxValueValidator(600, _("Enter a time of no more than 600 minutes (10 hours).")),
        ],
    )
    required_for_certificate = models.BooleanField(
        _("required for the certificate"),
        default=True,
        help_text=_("Untick for an optional module that does not count towards the certificate."),
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    body = StreamField(
        ModuleIntroBlock(),
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("Shown above the list of sections to people who can read the module."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("estimated_minutes")]),
        FieldPanel("access"),
        FieldPanel("required_for_certificate"),
        FieldPanel("themes"),
        InlinePanel(
            "learning_outcomes",
            heading=_("Learning outcomes"),
            label=_("outcome"),
            min_num=1,
            help_text=_("What a learner will be able to do by the end."),
        ),
        FieldPanel("body"),
        InlinePanel("sections", heading=_("Sections"), label=_("section"), min_num=1),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.FilterField("access"),
        index.FilterField("audience"),
        index.RelatedFields("learning_outcomes", [index.SearchField("text")]),
        index.SearchField("body"),
        index.RelatedFields("sections", [index.SearchField("title"), index.SearchField("body")]),
    ]

    base_form_class = ModulePageForm
    parent_page_types = ["cms_pages.ModuleIndexPage"]
    subpage_types: list[str] = []

    preview_modes = [("", _("Overview")), ("sections", _("Every section"))]

    class Meta:
        verbose_name = _("module")

    @property
    def is_members_only(self):
        return self.access == ModuleAccess.MEMBERS

    def get_context(self, request, *args, **kwargs):
        from learning import selectors as learning

        context = super().get_context(request, *args, **kwargs)
        context["module"] = learning.module_progress_for(viewer=request.user, module=self)
        return context

    @path("sections/<int:number>/", name="section")
    def section(self, request, number):
        from learning.views import module_section

        return module_section(request, module=self, number=number)

    def serve_preview(self, request, mode_name):
        if mode_name == "sections":
            context = self.get_context(request)
            return TemplateResponse(request, "cms_pages/module_page_sections.html", context)
        return super().serve_preview(request, mode_name)


class ModuleLearningOutcome(Orderable):
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="learning_outcomes")
    text = models.CharField(
        _("outcome"),
        max_length=255,
        help_text=_("Completes “By the end you will be able to …”, for example: ask suppliers …"),
    )

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("learning outcome")

    def __str__(self):
        return self.text


class ModuleSection(Orderable):
    """One part of a module that a learner reads and marks done. Learners' progress points at
    it, so it keeps its id across revisions for as long as editors keep the section."""

    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("title"), max_length=150)
    body = StreamField(ModuleBodyBlock(), verbose_name=_("body"))

    panels = [FieldPanel("title"), FieldPanel("body")]

    class Meta(Orderable.Meta):
        verbose_name = _("section")

    def __str__(self):
        return self.title


class SearchPage(Page):
    """The site-wide search: pages the viewer may read that match what they typed."""

    intro = models.CharField(_("introduction"), max_length=250, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields: list = []  # the search page itself is never a result

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("search page")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.search_results(viewer=request.user, params=request.GET))
        return context
