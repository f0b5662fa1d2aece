"""Documents uploaded in the admin: Wagtail checks the extension and the size
(`WAGTAILDOCS_MAX_UPLOAD_SIZE`); this checks that what is inside the file is what its
extension says. A page of HTML renamed `.pdf`, or a program renamed `.docx`, is refused with
a message before anything is stored. Every document is served as an attachment, never shown
in the browser (`WAGTAILDOCS_INLINE_CONTENT_TYPES`)."""

import codecs
import zipfile

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents.forms import BaseDocumentForm

SNIFF_BYTES = 64 * 1024

# What each allowed extension holds: a signature at the start of the file, or, for the
# office formats that are zip packages, the part a real one always has.
KINDS = {
    "pdf": gettext_lazy("a PDF"),
    "rtf": gettext_lazy("a rich text (RTF) document"),
    "txt": gettext_lazy("a text file"),
    "csv": gettext_lazy("a CSV file"),
    "docx": gettext_lazy("a Word document"),
    "xlsx": gettext_lazy("an Excel workbook"),
    "pptx": gettext_lazy("a PowerPoint presentation"),
    "odt": gettext_lazy("an OpenDocument text"),
    "key": gettext_lazy("a Keynote presentation"),
    "zip": gettext_lazy("a zip file"),
}
_PACKAGE_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _is_text(start: bytes) -> bool:
    """UTF-8 (with or without a byte-order mark) and no NUL bytes, as far as was read."""
    if b"\x00" in start:
        return False
    try:
        # the read may end inside a character, unless it is the whole file
        codecs.getincrementaldecoder("utf-8-sig")().decode(start, final=len(start) < SNIFF_BYTES)
    except UnicodeDecodeError:
        return False
    return True


def _package_matches(file, extension: str) -> bool:
    """A zip package, holding what a real file of the kind always holds."""
    try:
        with zipfile.ZipFile(file) as package:
            names = set(package.namelist())
            if extension in _PACKAGE_PART:
                return "[Content_Types].xml" in names and _PACKAGE_PART[extension] in names
            if extension == "odt":
                return "mimetype" in names and package.read("mimetype").strip() == _ODT_MIMETYPE
            return True  # key and zip: a zip package is all they promise
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def content_matches(file, extension: str) -> bool:
    """Whether the uploaded `file` holds what `extension` says. Reads it from the start and
    leaves it there."""
    file.seek(0)
    start = file.read(SNIFF_BYTES)
    file.seek(0)
    try:
        if extension == "pdf":
            return start.startswith(b"%PDF-")
        if extension == "rtf":
            return start.startswith(b"{\\rtf")
        if extension in ("txt", "csv"):
            return _is_text(start)
        return start.startswith(b"PK\x03\x04") and _package_matches(file, extension)
    finally:
        file.seek(0)


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not file or file == self.original_file:
            return file  # nothing new uploaded
        extension = file.name.rsplit(".", 1)[-1].casefold() if "." in file.name else ""
        if extension in KINDS and not content_matches(file, extension):
            raise forms.ValidationError(
                _(
                    "The file is called .%(extension)s but is not %(kind)s inside. Upload the "
                    "document itself, saved in that format."
                )
                % {"extension": extension, "kind": KINDS[extension]}
            )
        return file
