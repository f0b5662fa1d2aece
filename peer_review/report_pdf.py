"""The report as a PDF: the same report as the page (the summary, the team, the findings by
core element with the good practice each signposts), for councils to circulate and file."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from .selectors import Report

ACCENT = colors.HexColor("#4c2c92")  # the site's header colour


def _styles():
    sheet = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=sheet["Title"], alignment=0, fontSize=22),
        "h2": ParagraphStyle("h2", parent=sheet["Heading2"], textColor=ACCENT, spaceBefore=10),
        "h3": ParagraphStyle("h3", parent=sheet["Heading3"], spaceBefore=6),
        "body": ParagraphStyle("body", parent=sheet["BodyText"], fontSize=10.5, leading=14),
        "small": ParagraphStyle("small", parent=sheet["BodyText"], fontSize=9, leading=12),
    }


def _paragraphs(text: str, style) -> list[Paragraph]:
    return [Paragraph(escape(part), style) for part in text.split("\n\n") if part.strip()]


def render_report_pdf(report: Report, *, url: str) -> bytes:
    review = report.review
    styles = _styles()
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{review.title}: {review.council}",
        author=settings.WAGTAIL_SITE_NAME,
        subject=url,
        creator=settings.WAGTAIL_SITE_NAME,
    )
    story = [
        Paragraph(escape(f"{review.title}: {review.council}"), styles["title"]),
        Paragraph(
            escape(
                f"On site {review.on_site_starts:%-d %B %Y} to {review.on_site_ends:%-d %B %Y}. "
                + (
                    f"Published {timezone.localtime(review.published_at):%-d %B %Y}."
                    if review.is_published
                    else "Draft: not published."
                )
            ),
            styles["small"],
        ),
        Spacer(1, 6 * mm),
    ]
    if review.report_summary:
        story += [
            Paragraph("Summary", styles["h2"]),
            *_paragraphs(review.report_summary, styles["body"]),
        ]
    if report.people:
        story.append(Paragraph("The peer team", styles["h2"]))
        story.append(
            ListFlowable(
                [
                    ListItem(
                        Paragraph(
                            escape(
                                f"{part.person.full_name}, {part.get_role_display()}"
                                + (
                                    f", {part.person.organisation}"
                                    if part.person.organisation_id
                                    else ""
                                )
                            ),
                            styles["body"],
                        )
                    )
                    for part in report.people
                ],
                bulletType="bullet",
            )
        )
    for element in report.elements:
        story.append(Paragraph(escape(element.core_element.name), styles["h2"]))
        for group in element.questions:
            if not group.findings:
                continue
            heading = group.asked.version.text if group.asked else "Across the element"
            story.append(Paragraph(escape(heading), styles["h3"]))
            for finding in group.findings:
                story.append(
                    Paragraph(
                        f"<b>{escape(finding.get_kind_display())}.</b> {escape(finding.text)}",
                        styles["body"],
                    )
                )
                if finding.signposted:
                    story.append(
                        Paragraph(
                            "Good practice: "
                            + "; ".join(
                                f'<link href="{escape(settings.SITE_URL + page.url)}">'
                                f"{escape(page.title)}</link>"
                                for page in finding.signposted
                            ),
                            styles["small"],
                        )
                    )
                story.append(Spacer(1, 2 * mm))
    if not report.elements:
        story.append(Paragraph("No findings are recorded yet.", styles["body"]))
    story += [Spacer(1, 6 * mm), Paragraph(escape(f"Read online: {url}"), styles["small"])]
    document.build(story)
    return buffer.getvalue()
