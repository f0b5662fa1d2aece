"""Uploading documents in the admin: what is inside a file must be what its extension says,
a file has a size limit, every document downloads as an attachment, and privacy is never a
shared password."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from academy import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/documents/add/"
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def office_package(*parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        for part in parts:
            package.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.fixture
def editor(client):
    person = UserFactory(role=roles.LGA_EDITOR)
    client.force_login(person)
    return person


def upload(client, name: str, content: bytes, title="Members' checklist"):
    return client.post(
        ADD,
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("checklist.pdf", PDF),
        ("checklist.docx", office_package("word/document.xml")),
        ("figures.xlsx", office_package("xl/workbook.xml")),
        ("slides.pptx", office_package("ppt/presentation.xml")),
        ("figures.csv", "council,saved\nMedway,£120,000\n".encode()),
        ("notes.txt", "\ufeffNotes from the session.\n".encode()),
        ("notes.rtf", b"{\\rtf1\\ansi Notes}"),
    ],
)
def test_a_document_that_is_what_it_says_is_kept(client, editor, name, content):
    response = upload(client, name, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_document_model().objects.get(title="Members' checklist").file.read() == content


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("checklist.pdf", b"<html><script>alert(1)</script></html>", "a PDF"),
        ("checklist.docx", PDF, "a Word document"),
        ("checklist.docx", office_package("xl/workbook.xml"), "a Word document"),
        ("figures.xlsx", b"PK\x03\x04 not really a zip", "an Excel workbook"),
        ("figures.csv", b"MZ\x90\x00\x03\x00\x00\x00", "a CSV file"),
        ("notes.txt", "café au lait".encode("latin-1"), "a text file"),
    ],
)
def test_a_document_that_is_not_what_its_extension_says_is_refused(
    client, editor, name, content, kind
):
    response = upload(client, name, content)

    assert response.status_code == 200
    extension = name.rsplit(".", 1)[-1]
    assert f"The file is called .{extension} but is not {kind} inside." in response.content.decode()
    assert "Members&#x27; checklist" in response.content.decode()  # what was typed is kept
    assert not get_document_model().objects.exists()


def test_a_document_over_the_size_limit_is_refused(client, editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload(client, "big.pdf", PDF + b"0" * 2048)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_every_document_downloads_as_an_attachment(client, editor):
    upload(client, "checklist.pdf", PDF)
    document = get_document_model().objects.get()
    client.logout()

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("form_path", ["collections", "pages"])
def test_privacy_offers_sign_in_and_groups_but_never_a_shared_password(form_path):
    """What the admin's privacy dialogs offer, for a collection of documents and for a page."""
    if form_path == "collections":
        from wagtail.admin.forms.collections import CollectionViewRestrictionForm

        form = CollectionViewRestrictionForm()
    else:
        from wagtail.admin.forms.pages import PageViewRestrictionForm

        # what a page type offers by default, before the site's settings take the password out
        form = PageViewRestrictionForm(private_page_options=["password", "login", "groups"])
    offered = [value for value, _label in form.fields["restriction_type"].choices]
    assert "login" in offered and "groups" in offered
    assert "password" not in offered and "password" not in form.fields
