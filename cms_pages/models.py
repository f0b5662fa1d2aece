"""Page types. Pages hold content and routing only; rules about people live in services."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


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
    subpage_types = ["cms_pages.ProgrammePage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme_pages"] = (
            ProgrammePage.objects.child_of(self).live().public().specific().order_by("path")
        )
        return context


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
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("programme landing page")
        constraints = [
            models.UniqueConstraint(fields=["part"], name="cms_pages_one_landing_page_per_part")
        ]
