"""StreamField blocks for the academy's pages. Each block has its own template in
`templates/blocks/`, a preview value and a description for the block picker."""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.struct_block import StructBlockValidationError, StructValue
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.models import AbstractDocument
from wagtail.rich_text import RichText

PROSE_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]
INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ProseBlock(blocks.RichTextBlock):
    """Paragraphs, headings, lists and links."""

    def __init__(self, **kwargs):
        super().__init__(features=PROSE_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Rich text")
        template = "blocks/rich_text.html"
        description = _("Paragraphs, subheadings, lists and links.")
        preview_value = (
            "<h2>Why digital matters to residents</h2><p>Most residents now expect to report a "
            "problem, pay a bill or book an appointment online, at a time that suits them.</p>"
        )


class CalloutBlock(blocks.StructBlock):
    """A key point to remember, or a warning about a common mistake."""

    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("key-point", _("Key point")), ("warning", _("Warning"))],
        default="key-point",
    )
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=INLINE_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "blocks/callout.html"
        description = _("A key point to remember, or a warning about a common mistake.")
        preview_value = {
            "kind": "key-point",
            "heading": "Digital is not only for the head of ICT",
            "text": "<p>Service and ICT leaders are jointly accountable for what digital "
            "delivers.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation, attributed by role: who said it, never a private conversation."""

    quote = blocks.TextBlock(label=_("quotation"), max_length=800)
    attribution = blocks.CharBlock(
        label=_("attribution"),
        max_length=150,
        help_text=_("Who said it, for example: Council leader, a unitary authority."),
    )
    role = blocks.CharBlock(label=_("role or organisation"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        description = _("A quotation with who said it.")
        preview_value = {
            "quote": "We stopped asking which system to buy and started asking what residents "
            "were trying to do.",
            "attribution": "Cabinet member for resources",
            "role": "a district council in the East of England",
        }


_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def video_source(url: str) -> dict | None:
    """The provider, id and privacy-preserving embed address of a YouTube or Vimeo link."""
    parts = urlsplit(url or "")
    host = parts.hostname or ""
    path = [part for part in parts.path.split("/") if part]
    if host in _YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = path[0] if path else ""
        elif path[:1] in (["embed"], ["shorts"], ["live"]):
            video_id = path[1] if len(path) > 1 else ""
        else:
            video_id = (parse_qs(parts.query).get("v") or [""])[0]
        if _VIDEO_ID.match(video_id):
            return {
                "provider": "YouTube",
                "watch_url": f"https://www.youtube.com/watch?v={video_id}",
                "embed_url": f"https://www.youtube-nocookie.com/embed/{video_id}",
            }
    if host in _VIMEO_HOSTS:
        video_id = next((part for part in reversed(path) if part.isdigit()), "")
        if video_id:
            return {
                "provider": "Vimeo",
                "watch_url": f"https://vimeo.com/{video_id}",
                "embed_url": f"https://player.vimeo.com/video/{video_id}?dnt=1",
            }
    return None


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video with its transcript. Nothing loads from the video site until
    the viewer chooses to play it there or here, so no cookies are set without a choice."""

    title = blocks.CharBlock(label=_("title"), max_length=150)
    url = blocks.URLBlock(
        label=_("video address"),
        help_text=_("A YouTube or Vimeo link, like https://www.youtube.com/watch?v=…"),
    )
    transcript = blocks.RichTextBlock(
        label=_("transcript"),
        features=INLINE_FEATURES,
        help_text=_("Everything said and shown, for people who cannot watch or hear the video."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and video_source(value["url"]) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _(
                            "Enter a YouTube or Vimeo address, like "
                            "https://www.youtube.com/watch?v=abc123 or https://vimeo.com/123456."
                        )
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["source"] = video_source(value.get("url"))
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        description = _("A YouTube or Vimeo video, with a transcript.")
        preview_value = {
            "title": "What digital leadership looks like",
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "transcript": "<p>A council leader describes how the cabinet set digital goals.</p>",
        }


class DocumentBlock(blocks.StructBlock):
    """A document to download, with its type and size."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=150,
        help_text=_("Leave blank to use the document's own title."),
    )
    description = blocks.TextBlock(label=_("description"), required=False, max_length=300)

    def get_preview_value(self):
        from wagtail.documents import get_document_model

        return self.normalize(
            {
                "document": get_document_model().objects.order_by("-created_at").first(),
                "title": "Questions to ask a supplier",
                "description": "A checklist to take to your next briefing on a contract.",
            }
        )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "blocks/document.html"
        description = _("A document to download, such as a checklist or a report.")


class ReflectBlock(blocks.StructBlock):
    """A question each learner answers in writing; their answer is private to them."""

    question = blocks.TextBlock(label=_("question"), max_length=400)
    hint = blocks.CharBlock(label=_("hint"), required=False, max_length=250)

    class Meta:
        icon = "edit"
        label = _("Reflect")
        template = "blocks/reflect.html"
        description = _(
            "A question learners answer in writing. Only they can read what they write."
        )
        preview_value = {
            "question": "Which service in your council would residents most like to use online?",
            "hint": "Think about what residents contact you about most often.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Set by includes/streamfield.html; absent in the admin's block preview.
        context.setdefault("block_id", None)
        return context


class TryThisBlock(blocks.StructBlock):
    """An activity to do away from the screen, with how long it takes."""

    title = blocks.CharBlock(label=_("title"), max_length=150)
    activity = blocks.RichTextBlock(label=_("activity"), features=INLINE_FEATURES)
    time_needed = blocks.CharBlock(
        label=_("time needed"),
        required=False,
        max_length=50,
        help_text=_("For example: 20 minutes."),
    )

    class Meta:
        icon = "tick"
        label = _("Try this")
        template = "blocks/try_this.html"
        description = _("A practical activity to do this week, with how long it takes.")
        preview_value = {
            "title": "Ask three questions at your next scrutiny meeting",
            "activity": "<p>Ask who the service's users are, how they were asked and what "
            "changed as a result.</p>",
            "time_needed": "20 minutes",
        }


class GoodPracticeLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page on this site"), required=False)
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=150,
        help_text=_("Needed for an address elsewhere; leave blank to use the page's title."),
    )
    url = blocks.URLBlock(label=_("or an address elsewhere"), required=False)
    description = blocks.CharBlock(label=_("description"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("page") and not value.get("url"):
            errors["page"] = ValidationError(_("Choose a page or enter an address."))
        elif value.get("page") and value.get("url"):
            errors["url"] = ValidationError(_("Choose a page or enter an address, not both."))
        elif value.get("url") and not value.get("title"):
            errors["title"] = ValidationError(_("Enter the link text for the address."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class GoodPracticeBlock(blocks.StructBlock):
    """Links to good practice and further reading, on this site or elsewhere."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120, default="Related good practice")
    links = blocks.ListBlock(GoodPracticeLinkBlock(), label=_("links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Related good practice")
        template = "blocks/good_practice.html"
        description = _("Links to good practice and further reading.")
        preview_value = {
            "heading": "Related good practice",
            "links": [
                {
                    "title": "The Service Standard",
                    "url": "https://www.gov.uk/service-manual/service-standard",
                    "description": "How government designs services that meet users' needs.",
                }
            ],
        }


class StandardBodyBlock(blocks.StreamBlock):
    """The content of a standard page."""

    rich_text = ProseBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
    good_practice = GoodPracticeBlock()


class ModuleIntroBlock(StandardBodyBlock):
    """A module's introduction: a standard page's blocks, plus activities to try."""

    try_this = TryThisBlock()


class ModuleBodyBlock(ModuleIntroBlock):
    """A module section: the introduction's blocks, plus questions to reflect on, which only
    sections can take answers to."""

    reflect = ReflectBlock()


_LINK_TAG = re.compile(r"<a\b[^>]*>")
_DOCUMENT_ID = re.compile(r'\bid="(\d+)"')


def document_ids_in(value) -> set[int]:
    """The ids of every document a stream offers, as a download block or a link in its text,
    however deeply the blocks nest."""
    if isinstance(value, AbstractDocument):
        return {value.pk}
    if isinstance(value, RichText):
        tags = (tag for tag in _LINK_TAG.findall(value.source) if 'linktype="document"' in tag)
        return {int(match[1]) for tag in tags if (match := _DOCUMENT_ID.search(tag))}
    if isinstance(value, StreamValue):
        children = [child.value for child in value]
    elif isinstance(value, ListValue):
        children = list(value)
    elif isinstance(value, StructValue):
        children = list(value.values())
    else:
        return set()
    return set().union(*(document_ids_in(child) for child in children))
