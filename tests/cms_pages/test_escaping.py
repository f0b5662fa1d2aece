"""Content with script in it, from the editor or from a member's form, reaches people as
text: escaped on the page and in the editor's preview, never run. Rich text arrives from
Wagtail's editor as its content state, which is turned into the HTML that is stored; the
other blocks are plain text, which the templates escape."""

import json
from html.parser import HTMLParser

import pytest
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from cms_pages.blocks import PROSE_FEATURES
from tests.factories import module, programme_of_modules

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('stolen')</script>"
HANDLER = '<img src=x onerror="alert(1)">'
CRAFTED = '" onmouseover="alert(2)" data-x="'
LINKED = "read the guidance"


def as_the_editor_saves_it(text: str, url: str) -> str:
    """What Wagtail's rich text editor sends, for one paragraph with a link, as stored."""
    start = text.index(LINKED)
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": start, "length": len(LINKED), "key": 0}],
                "data": {"onclick": "alert(3)"},
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
    }
    return ContentstateConverter(features=PROSE_FEATURES).to_database_format(
        json.dumps(contentstate)
    )


class Elements(HTMLParser):
    """Every element of a page with its attributes, as a browser would parse them."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_nothing_runs(html: str) -> None:
    """No inline script, no event handler and no address that runs script, on any element:
    whatever the content said is in the page's text."""
    for tag, attrs in Elements(html).found:
        assert not (tag == "script" and "src" not in attrs), attrs
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), attrs
        assert not (tag == "img" and attrs.get("src") == "x"), attrs


@pytest.fixture
def hostile_module():
    text = f"{SCRIPT} {HANDLER} {CRAFTED} Please {LINKED} first."
    body = [
        ("rich_text", as_the_editor_saves_it(text, "javascript:alert(document.cookie)")),
        ("quote", {"quote": SCRIPT + HANDLER, "attribution": CRAFTED, "role": HANDLER}),
        ("callout", {"kind": "info", "heading": SCRIPT, "text": "<p>Calm text.</p>"}),
    ]
    return module(programme_of_modules(), title=f"Data {SCRIPT}", sections=1, section_body=body)


def test_script_in_content_is_shown_as_text_on_the_page(client, hostile_module):
    response = client.get(f"{hostile_module.url}sections/1/")

    assert response.status_code == 200
    html = response.content.decode()
    assert_nothing_runs(html)
    assert "&lt;script&gt;alert(&#x27;stolen&#x27;)&lt;/script&gt;" in html  # shown, as text
    assert "&lt;img src=x onerror=" in html
    assert LINKED in html  # the link's text stays, without the address that would run


@pytest.mark.parametrize("mode", ["", "sections"])
def test_script_in_content_is_shown_as_text_in_the_preview(hostile_module, mode):
    """The editor's preview, of the overview and of every section, as Wagtail renders it."""
    response = hostile_module.make_preview_request(preview_mode=mode)

    assert response.status_code == 200
    html = response.render().content.decode() if hasattr(response, "render") else ""
    html = html or response.content.decode()
    assert_nothing_runs(html)
    assert "Data &lt;script&gt;alert(&#x27;stolen&#x27;)&lt;/script&gt;" in html  # the title
    if mode == "sections":
        assert "&lt;img src=x onerror=" in html
