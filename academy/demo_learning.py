"""Demo content for the Member Leadership Academy: themes, the programme of eight modules
(written in `demo_modules`), its documents and face-to-face dates, a search page and an
accessibility statement; then one councillor midway through and one who has finished.

Everything is made only if it is missing, and learners' progress goes through the services."""

from datetime import date, timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from cms_pages.models import (
    Audience,
    ModuleAccess,
    ModuleIndexPage,
    ModuleLearningOutcome,
    ModulePage,
    ModuleSection,
    ProgrammeDate,
    ProgrammePage,
    ProgrammePart,
    SearchPage,
    StandardPage,
    Theme,
)
from learning import services as learning
from learning.models import ModuleProgress

from . import demo_modules
from .models import User

SITE_NAME = "Digital Leadership Academy"
PROGRAMME_SLUG = "modules"
MEMBERS_ONLY_COLLECTION = "Members-only module documents"

PROGRAMME_INTRO = (
    "Eight short modules for senior councillors on the opportunities and risks of digital. "
    "Take them at your own pace, in any order; finish the seven required modules to earn "
    "the certificate."
)
PROGRAMME_BODY = (
    "<p>Each module takes under an hour and is split into sections you mark as done. Your "
    "progress is saved as you go, and the reflections you write are private to you.</p>"
    "<p>Alongside the modules, the programme meets in person for two two-day modules a month "
    "apart, where you work through real decisions with councillors from other councils.</p>"
)

ACCESSIBILITY_BODY = [
    (
        "rich_text",
        "<p>The Local Government Association runs this website. We want as many people as "
        "possible to be able to use it. You should be able to change colours, contrast levels "
        "and fonts; zoom in up to 400% without the text spilling off the screen; navigate the "
        "whole site using just a keyboard or speech recognition software; and listen to it "
        "using a screen reader.</p>"
        "<h2>How accessible this website is</h2>"
        "<p>We test every page against the Web Content Accessibility Guidelines (WCAG) 2.2 "
        "at level AA, by hand and with automated checks. Videos come with a transcript.</p>"
        "<h2>Reporting problems</h2>"
        "<p>If you find a problem that is not listed on this page, or you need something in "
        "a different format, tell the LGA team. We will reply within five working days.</p>",
    ),
    (
        "callout",
        {
            "kind": "key-point",
            "heading": "Enforcement procedure",
            "text": "<p>The Equality and Human Rights Commission enforces the accessibility "
            "regulations. If you are not happy with how we respond to your complaint, contact "
            "the Equality Advisory and Support Service.</p>",
        },
    ),
]

# The demo councillors' learning: (email, modules finished in full, sections done in the next)
LEARNERS = [
    ("councillor@academy.example", 3, 2),
    ("finished.councillor@academy.example", None, 0),  # None: every module
]
REFLECTIONS = {
    "councillor@academy.example": [
        (
            0,
            "We put the council tax forms online but nobody asked why people phoned. I want "
            "scrutiny to start with the top ten reasons residents contact us.",
        ),
        (
            3,
            "Our own evidence of benefit is thin. Ask the director for one measured before "
            "and after for the waste app, not just downloads.",
        ),
    ],
}


def load_learning(*, home, publisher: User) -> ModuleIndexPage:
    themes = _themes()
    programme = _programme(home)
    _search_and_accessibility_pages(home)
    documents = _documents()
    for spec in demo_modules.MODULES:
        _module(programme, spec, themes=themes, documents=documents, publisher=publisher)
    _learners(programme)
    return programme


def _themes():
    themes = {}
    for name, slug, description in demo_modules.THEMES:
        themes[slug], _ = Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    return themes


def _programme(home):
    landing = ProgrammePage.objects.get(part=ProgrammePart.MEMBER_LEADERSHIP)
    programme = ModuleIndexPage.objects.child_of(landing).filter(slug=PROGRAMME_SLUG).first()
    if programme is not None:
        return programme
    first = _next_weekday(timezone.localdate() + timedelta(days=21), weekday=2)  # a Wednesday
    second = first + timedelta(weeks=4)
    programme = landing.add_child(
        instance=ModuleIndexPage(
            title="Digital modules for councillors",
            slug=PROGRAMME_SLUG,
            intro=PROGRAMME_INTRO,
            body=PROGRAMME_BODY,
            search_description="Eight self-paced modules on the opportunities and risks of "
            "digital, with a certificate when you finish.",
            certificate_title="Member Leadership Academy: leading digital councils",
            dates=[
                ProgrammeDate(
                    title=f"Leading digital councils: face-to-face module, part {number}",
                    starts_on=start,
                    ends_on=start + timedelta(days=1),
                    location="Local Government House, Smith Square, London",
                    details="Two days, 10am to 4pm. Places are booked through the LGA's "
                    "member development team.",
                )
                for number, start in enumerate((first, second), start=1)
            ],
        )
    )
    programme.save_revision().publish()
    return programme


def _next_weekday(day: date, *, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _search_and_accessibility_pages(home):
    if not SearchPage.objects.exists():
        page = home.add_child(
            instance=SearchPage(
                title="Search",
                slug="search",
                intro="Search the academy's modules and pages.",
            )
        )
        page.save_revision().publish()
    if not StandardPage.objects.filter(slug="accessibility").exists():
        page = home.add_child(
            instance=StandardPage(
                title="Accessibility statement",
                slug="accessibility",
                summary="How accessible the Digital Leadership Academy website is, and how "
                "to report a problem.",
                body=ACCESSIBILITY_BODY,
            )
        )
        page.save_revision().publish()


def _documents():
    """The modules' downloads, as small PDFs. Those used only by members-only modules go in a
    collection that needs signing in, so their links do not work for anyone else."""
    Document = get_document_model()
    public_keys = {
        value["document"]
        for spec in demo_modules.MODULES
        if spec.access == ModuleAccess.PUBLIC
        for _type, value in _all_blocks(spec)
        if _type == "document"
    }
    documents = {}
    for spec in demo_modules.DOCUMENTS:
        document = Document.objects.filter(title=spec.title).first()
        if document is None:
            collection = (
                Collection.get_first_root_node()
                if spec.key in public_keys
                else _members_only_collection()
            )
            document = Document(title=spec.title, collection=collection)
            document.file = ContentFile(_pdf(spec), name=spec.filename)
            document._set_document_file_metadata()
            document.save()
        documents[spec.key] = document
    return documents


def _members_only_collection():
    collection = Collection.objects.filter(name=MEMBERS_ONLY_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=MEMBERS_ONLY_COLLECTION)
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def _pdf(spec) -> bytes:
    buffer = BytesIO()
    styles = getSampleStyleSheet()
    story = [Paragraph(spec.title, styles["Title"]), Spacer(1, 12)]
    story += [Paragraph(paragraph, styles["BodyText"]) for paragraph in spec.paragraphs]
    document = SimpleDocTemplate(buffer, pagesize=A4, title=spec.title, author=SITE_NAME)
    document.build(story)
    return buffer.getvalue()


def _all_blocks(spec):
    yield from spec.introduction
    for section in spec.sections:
        yield from section.body


def _stream(blocks, documents):
    """Demo blocks as StreamField data: document blocks name a document by key."""
    stream = []
    for block_type, value in blocks:
        if block_type == "document":
            value = {**value, "document": documents[value["document"]], "title": ""}
        stream.append((block_type, value))
    return stream


def _module(programme, spec, *, themes, documents, publisher):
    if ModulePage.objects.child_of(programme).filter(slug=spec.slug).exists():
        return
    page = ModulePage(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        search_description=spec.summary,
        audience=Audience(spec.audience),
        access=spec.access,
        estimated_minutes=spec.estimated_minutes,
        required_for_certificate=spec.required,
        body=_stream(spec.introduction, documents),
        learning_outcomes=[ModuleLearningOutcome(text=text) for text in spec.learning_outcomes],
        sections=[
            ModuleSection(title=section.title, body=_stream(section.body, documents))
            for section in spec.sections
        ],
        themes=[themes[slug] for slug in spec.themes],
    )
    programme.add_child(instance=page)
    page.save_revision(user=publisher).publish(user=publisher)


def _learners(programme):
    modules = list(ModulePage.objects.child_of(programme).live().order_by("path"))
    for email, finished, sections_in_next in LEARNERS:
        person = User.objects.get(email=email)
        if ModuleProgress.objects.filter(person=person).exists():
            continue  # their learning is already there: leave it as they left it
        if finished is None:
            to_finish = [module for module in modules if module.required_for_certificate]
        else:
            to_finish = modules[:finished]
        for module in to_finish:
            for section in module.sections.all():
                learning.mark_section_done(person=person, section=section)
        if finished is not None and sections_in_next:
            for section in modules[finished].sections.all()[:sections_in_next]:
                learning.mark_section_done(person=person, section=section)
        for index, text in REFLECTIONS.get(email, []):
            _reflect(person, modules[index], text)


def _reflect(person, module, text):
    for section in module.sections.all():
        for block in section.body:
            if block.block_type == "reflect":
                learning.save_reflection(
                    person=person, section=section, prompt_id=block.id, text=text
                )
                return
