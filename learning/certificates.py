"""The certificate as a PDF: one A4 landscape page saying who completed what and when, with
the verification address written out and as a QR code."""

from io import BytesIO

from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as format_date
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from .models import Certificate

ACCENT = HexColor("#4c2c92")  # the site's header colour
INK = HexColor("#0b0c0c")
SECONDARY = HexColor("#484949")


def awarded_on(certificate: Certificate) -> str:
    return format_date(timezone.localtime(certificate.issued_at), "j F Y")


def render_certificate_pdf(certificate: Certificate, *, verification_url: str) -> bytes:
    buffer = BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height), pageCompression=1)
    pdf.setTitle(f"Certificate: {certificate.programme_name}, {certificate.holder_name}")
    pdf.setAuthor(settings.WAGTAIL_SITE_NAME)
    pdf.setSubject(f"Verify at {verification_url}")
    pdf.setCreator(settings.WAGTAIL_SITE_NAME)

    pdf.setStrokeColor(ACCENT)
    pdf.setLineWidth(6)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)

    centre = width / 2
    line = _Lines(pdf, centre, top=height - 40 * mm)
    line.write(settings.WAGTAIL_SITE_NAME.upper(), "Helvetica-Bold", 14, ACCENT, after=14)
    line.write("Certificate of completion", "Helvetica-Bold", 34, INK, after=16)
    line.write("This is to certify that", "Helvetica", 14, SECONDARY, after=12)
    line.write(certificate.holder_name, "Helvetica-Bold", 28, INK, after=14)
    line.write("has completed", "Helvetica", 14, SECONDARY, after=10)
    line.write(certificate.programme_name, "Helvetica-Bold", 20, INK, after=8)
    count = len(certificate.modules)
    if count:
        if certificate.cohort_id:
            noun = "session" if count == 1 else "sessions"
            summary = f"(a Digital Academy cohort of {count} {noun})"
        else:
            noun = "module" if count == 1 else "modules"
            summary = f"({count} required {noun})"
        line.write(summary, "Helvetica", 12, SECONDARY, after=12)
    line.write(f"Awarded on {awarded_on(certificate)}", "Helvetica", 14, INK, after=0)

    qr = QrCodeWidget(verification_url)
    left, bottom, right, top = qr.getBounds()
    size = 30 * mm
    drawing = Drawing(
        size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    )
    drawing.add(qr)
    renderPDF.draw(drawing, pdf, width - 24 * mm - size, 20 * mm)

    pdf.setFillColor(SECONDARY)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(24 * mm, 30 * mm, "Check this certificate is genuine at:")
    pdf.setFillColor(INK)
    pdf.drawString(24 * mm, 24 * mm, verification_url)
    pdf.linkURL(verification_url, (24 * mm, 22 * mm, width / 2, 28 * mm), relative=0)

    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


class _Lines:
    """Centred lines down the page, each in its own font, shrunk to fit the border."""

    def __init__(self, pdf, centre, *, top):
        self.pdf = pdf
        self.centre = centre
        self.y = top
        self.max_width = 2 * centre - 60 * mm

    def write(self, text, font, size, colour, *, after):
        while size > 8 and self.pdf.stringWidth(text, font, size) > self.max_width:
            size -= 1
        self.pdf.setFont(font, size)
        self.pdf.setFillColor(colour)
        self.pdf.drawCentredString(self.centre, self.y, text)
        self.y -= size + after
