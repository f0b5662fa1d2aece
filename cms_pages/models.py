"""Page types. Pages hold content and routing only; rules about people live in services and
selectors (who may read a module: `cms_pages.selectors`; learners' progress: `learning`)."""

from django.conf import settings
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

from academy.models import Region
from academy.roles import DIGITAL_CHAMPION

from .blocks import DocumentBlock, ModuleBodyBlock, ModuleIntroBlock, StandardBodyBlock
from .forms import CaseStudyPageForm, ModulePageForm


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
    subpage_types = [
        "cms_pages.ModuleIndexPage",
        "cms_pages.StandardPage",
        "cms_pages.GoodPracticeIndexPage",
    ]

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


# --- The digital good-practice database -------------------------------------------------------


class PracticeKind(models.TextChoices):
    """Frameworks that generalise are kept apart from single implementations, and lessons on
    what to avoid count as much as what worked."""

    FRAMEWORK = "framework", _("Framework that generalises")
    CASE_STUDY = "case-study", _("Implementation case study")
    REPORT = "report", _("Report")
    LESSON = "lesson", _("Lesson on what to avoid")


class PracticeRegion(models.TextChoices):
    """The English regions, and practice that belongs to none of them."""

    NORTH_EAST = Region.NORTH_EAST.value, Region.NORTH_EAST.label
    NORTH_WEST = Region.NORTH_WEST.value, Region.NORTH_WEST.label
    YORKSHIRE = Region.YORKSHIRE.value, Region.YORKSHIRE.label
    EAST_MIDLANDS = Region.EAST_MIDLANDS.value, Region.EAST_MIDLANDS.label
    WEST_MIDLANDS = Region.WEST_MIDLANDS.value, Region.WEST_MIDLANDS.label
    EAST = Region.EAST.value, Region.EAST.label
    LONDON = Region.LONDON.value, Region.LONDON.label
    SOUTH_EAST = Region.SOUTH_EAST.value, Region.SOUTH_EAST.label
    SOUTH_WEST = Region.SOUTH_WEST.value, Region.SOUTH_WEST.label
    ENGLAND = "england", _("Across England")
    ELSEWHERE = "outside-england", _("Outside England")


PRACTICE_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class GoodPracticeIndexPage(RoutablePageMixin, Page):
    """The good-practice database: search with filters over its case studies, which are its
    children, with an Atom feed, downloads of any search and a form for members to submit
    their own. `good_practice.selectors` decides what each search finds."""

    intro = models.TextField(_("introduction"), max_length=600)
    submit_intro = RichTextField(
        _("introduction to submitting"),
        features=["bold", "link", "ol", "ul"],
        blank=True,
        help_text=_("Shown above the form members use to send in a case study."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("submit_intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms_pages.ProgrammePage"]
    subpage_types = ["cms_pages.CaseStudyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("good-practice database")

    def get_context(self, request, *args, **kwargs):
        from good_practice import selectors

        context = super().get_context(request, *args, **kwargs)
        context["search"] = selectors.search_practice(
            viewer=request.user, params=request.GET, index=self
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from good_practice.views import feed

        return feed(request, index=self)

    @path("download/<str:file_format>/", name="export")
    def export(self, request, file_format):
        from good_practice.views import export

        return export(request, index=self, file_format=file_format)

    @path("submit/", name="submit")
    def submit(self, request):
        from good_practice.views import submit

        return submit(request, index=self)

    @path("submissions/", name="submissions")
    def submissions(self, request):
        from good_practice.views import my_submissions

        return my_submissions(request, index=self)


class CaseStudyPage(Page):
    """One piece of good practice: a framework, a case study, a report or a lesson; the
    problem, the approach, outcomes with figures, what worked and what to avoid, and where
    else it could apply. Members submit these through the site; LGA staff edit and publish."""

    kind = models.CharField(_("kind"), max_length=20, choices=PracticeKind.choices)
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences, shown in search results.")
    )
    region = models.CharField(_("region"), max_length=30, choices=PracticeRegion.choices)
    service_areas = ParentalManyToManyField(
        "good_practice.ServiceArea",
        verbose_name=_("service areas"),
        related_name="practice",
        help_text=_("The services this was done in."),
    )
    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("outcome themes"),
        related_name="practice",
        help_text=_("The digital outcomes it served."),
    )
    problem = RichTextField(_("the problem"), features=PRACTICE_TEXT_FEATURES)
    approach = RichTextField(_("the approach"), features=PRACTICE_TEXT_FEATURES)
    cost = models.CharField(
        _("cost"),
        max_length=300,
        blank=True,
        help_text=_("What it cost and over what time, for example: £120,000 over two years."),
    )
    what_worked = RichTextField(_("what worked"), features=PRACTICE_TEXT_FEATURES, blank=True)
    what_to_avoid = RichTextField(_("what to avoid"), features=PRACTICE_TEXT_FEATURES, blank=True)
    applies_to_service_areas = ParentalManyToManyField(
        "good_practice.ServiceArea",
        verbose_name=_("could also apply to these services"),
        related_name="practice_from_elsewhere",
        blank=True,
        help_text=_("Other services that could use it. Searches in them find it too, marked."),
    )
    applies_to_council_types = ParentalManyToManyField(
        "good_practice.CouncilType",
        verbose_name=_("could also apply to these types of council"),
        related_name="practice_from_elsewhere",
        blank=True,
    )
    contact_champion = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("digital champion to contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"groups__name": DIGITAL_CHAMPION, "is_active": True},
    )
    contact_details = models.CharField(
        _("other contact"),
        max_length=250,
        blank=True,
        help_text=_("A role and an email address, when there is no champion to contact."),
    )
    documents = StreamField(
        [("document", DocumentBlock())], verbose_name=_("documents"), blank=True
    )
    last_reviewed_on = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the LGA team last checked it is still right."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        FieldPanel("summary"),
        InlinePanel(
            "organisations",
            heading=_("Organisations"),
            label=_("organisation"),
            min_num=1,
            help_text=_("Who did it, and their sector."),
        ),
        FieldPanel("service_areas"),
        FieldPanel("themes"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        InlinePanel(
            "outcomes",
            heading=_("Outcomes"),
            label=_("outcome"),
            help_text=_("Figures, and how they were measured."),
        ),
        FieldPanel("cost"),
        FieldPanel("what_worked"),
        FieldPanel("what_to_avoid"),
        MultiFieldPanel(
            [FieldPanel("applies_to_service_areas"), FieldPanel("applies_to_council_types")],
            heading=_("Where else this could apply"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_champion"), FieldPanel("contact_details")],
            heading=_("Contact"),
        ),
        FieldPanel("documents"),
        FieldPanel("last_reviewed_on"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("what_worked"),
        index.SearchField("what_to_avoid"),
        index.SearchField("cost"),
        index.FilterField("kind"),
        index.FilterField("region"),
        index.RelatedFields("organisations", [index.SearchField("name")]),
        index.RelatedFields(
            "outcomes", [index.SearchField("figure"), index.SearchField("description")]
        ),
        index.RelatedFields("service_areas", [index.SearchField("name", boost=2)]),
        index.RelatedFields("applies_to_service_areas", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]

    base_form_class = CaseStudyPageForm
    parent_page_types = ["cms_pages.GoodPracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("good-practice entry")
        verbose_name_plural = _("good-practice entries")

    def get_context(self, request, *args, **kwargs):
        from good_practice import selectors

        context = super().get_context(request, *args, **kwargs)
        context["practice"] = selectors.practice_page_for(viewer=request.user, page=self)
        return context


class OutcomeMeasure(models.TextChoices):
    MONEY = "money", _("Money saved")
    TIME = "time", _("Time saved")
    SATISFACTION = "satisfaction", _("Satisfaction")
    OTHER = "other", _("Other outcome")


class CaseStudyOutcome(Orderable):
    """An outcome with its figure and how it was measured."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="outcomes")
    measure = models.CharField(_("measure"), max_length=20, choices=OutcomeMeasure.choices)
    figure = models.CharField(
        _("figure"), max_length=100, help_text=_("For example: £240,000 a year, or 92%.")
    )
    description = models.CharField(
        _("what changed"),
        max_length=250,
        help_text=_("For example: saved in fuel and drivers' time."),
    )
    how_measured = models.CharField(
        _("how it was measured"),
        max_length=300,
        blank=True,
        help_text=_("For example: fuel cards over 12 months, against the year before."),
    )

    panels = [
        FieldRowPanel([FieldPanel("measure"), FieldPanel("figure")]),
        FieldPanel("description"),
        FieldPanel("how_measured"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("outcome")

    def __str__(self):
        return f"{self.figure} {self.description}"


class CaseStudyOrganisation(Orderable):
    """An organisation that did the work, in its sector (and, for a council, its type)."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("name"), max_length=200)
    sector = models.ForeignKey(
        "good_practice.Sector",
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        related_name="practice_organisations",
    )
    council_type = models.ForeignKey(
        "good_practice.CouncilType",
        verbose_name=_("type of council"),
        on_delete=models.PROTECT,
        related_name="practice_organisations",
        null=True,
        blank=True,
        help_text=_("For a council only."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("council_type")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.sector_id:
            return
        if self.sector.is_local_government and not self.council_type_id:
            raise ValidationError(
                {"council_type": _("Choose the type of council for a local government body.")}
            )
        if not self.sector.is_local_government and self.council_type_id:
            raise ValidationError(
                {"council_type": _("Only a local government body has a type of council.")}
            )
