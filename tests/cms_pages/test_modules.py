"""Module pages as visitors, members and editors meet them: who may read what, the blocks,
the tree rules and the editor's preview."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page

from academy import roles
from cms_pages.blocks import GoodPracticeLinkBlock, VideoBlock, video_source
from cms_pages.models import (
    HomePage,
    ModuleIndexPage,
    ModulePage,
    ProgrammeDate,
    ProgrammePage,
    SearchPage,
    StandardPage,
)
from tests.factories import UserFactory, home_page, module, programme_of_modules, reflect

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return programme_of_modules()


def test_anonymous_visitor_sees_a_members_only_modules_summary_but_not_its_body(client, programme):
    page = module(
        programme,
        title="Buying well",
        access="members",
        summary="How to buy technology without being locked in.",
        body=[("rich_text", "<p>INTRODUCTION-CANARY</p>")],
        section_body=[("rich_text", "<p>SECTION-CANARY</p>")],
    )

    body = client.get(page.url).content.decode()

    assert "How to buy technology without being locked in." in body
    assert "Buying well, section 1" in body  # the contents are shown
    assert "INTRODUCTION-CANARY" not in body
    assert "SECTION-CANARY" not in body
    assert "Sign in to read it" in body
    response = client.get(f"{page.url}sections/1/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/?next=")


def test_a_signed_in_member_reads_a_members_only_module(client, programme, councillor):
    page = module(
        programme,
        access="members",
        body=[("rich_text", "<p>INTRODUCTION-CANARY</p>")],
        section_body=[("rich_text", "<p>SECTION-CANARY</p>")],
    )
    client.force_login(councillor)

    assert "INTRODUCTION-CANARY" in client.get(page.url).content.decode()
    assert "SECTION-CANARY" in client.get(f"{page.url}sections/1/").content.decode()


def test_a_deactivated_account_is_not_a_member(programme):
    from cms_pages.selectors import can_read_module

    page = module(programme, access="members")
    person = UserFactory(is_active=False)

    assert not can_read_module(viewer=person, module=page)


def test_anyone_reads_a_public_module_and_is_asked_to_sign_in_to_keep_progress(client, programme):
    page = module(programme, access="public", section_body=[("rich_text", "<p>Open text</p>")])

    body = client.get(f"{page.url}sections/1/").content.decode()

    assert "Open text" in body
    assert "Mark as done" not in body
    assert "to mark sections as done and keep your progress" in body


def test_a_section_that_does_not_exist_is_not_found(client, programme):
    page = module(programme, sections=2)

    assert client.get(f"{page.url}sections/3/").status_code == 404
    assert client.get(f"{page.url}sections/0/").status_code == 404


def test_an_unpublished_module_is_not_found(client, programme):
    page = module(programme, access="public")
    page.unpublish()

    assert client.get(page.url).status_code == 404
    assert client.get(f"{page.url}sections/1/").status_code == 404


def test_module_index_lists_live_modules_in_order_with_their_facts(client, programme):
    module(programme, title="First", estimated_minutes=30)
    module(programme, title="Second", access="members", required=False)
    hidden = module(programme, title="Withdrawn")
    hidden.unpublish()

    body = client.get(programme.url).content.decode()

    assert body.index("First") < body.index("Second")
    assert "Withdrawn" not in body
    assert "About 30 minutes" in body
    assert "Members only" in body and "Optional" in body
    assert "Sign in</a> to keep track of your progress" in body


def test_module_index_with_no_modules_says_so(client, programme):
    assert "No modules have been published yet" in client.get(programme.url).content.decode()


def test_module_index_shows_upcoming_face_to_face_dates_only(client, programme, time_machine):
    time_machine.move_to("2026-11-23 09:00 +00:00")
    programme.dates = [
        ProgrammeDate(
            title="Residential, part 1",
            starts_on=date(2026, 12, 2),
            ends_on=date(2026, 12, 3),
            location="Local Government House",
        ),
        ProgrammeDate(title="Last year's", starts_on=date(2025, 12, 2), location="Leeds"),
    ]
    programme.save_revision().publish()

    body = client.get(programme.url).content.decode()

    assert "Residential, part 1" in body
    assert "2 to 3 December 2026" in body
    assert "Last year's" not in body


@pytest.mark.parametrize(
    "starts_on,ends_on,shown",
    [
        (date(2026, 12, 2), None, "Wednesday 2 December 2026"),
        (date(2026, 12, 2), date(2026, 12, 2), "Wednesday 2 December 2026"),
        (date(2026, 11, 30), date(2026, 12, 1), "30 November to 1 December 2026"),
        (date(2026, 12, 31), date(2027, 1, 1), "31 December 2026 to 1 January 2027"),
    ],
)
def test_face_to_face_dates_read_as_people_write_them(starts_on, ends_on, shown):
    assert ProgrammeDate(starts_on=starts_on, ends_on=ends_on).when == shown


def test_a_face_to_face_date_cannot_end_before_it_starts():
    meeting = ProgrammeDate(
        title="Part 1", starts_on=date(2027, 2, 10), ends_on=date(2027, 2, 9), location="X"
    )

    with pytest.raises(ValidationError) as error:
        meeting.full_clean(exclude=["page"])

    assert error.value.message_dict["ends_on"] == [
        "The last day must be on or after the first day."
    ]


def test_every_block_renders_with_its_own_template(client, programme, councillor):
    page = module(
        programme,
        access="public",
        section_body=[
            ("rich_text", "<h2>A subheading</h2><p>Prose.</p>"),
            ("callout", {"kind": "warning", "heading": "Watch out", "text": "<p>Lock-in.</p>"}),
            ("callout", {"kind": "key-point", "heading": "", "text": "<p>Key point.</p>"}),
            ("quote", {"quote": "Start with users.", "attribution": "A leader", "role": "X"}),
            (
                "video",
                {
                    "title": "Leading change",
                    "url": "https://www.youtube.com/watch?v=abcdefghijk",
                    "transcript": "<p>Transcript words.</p>",
                },
            ),
            (
                "try_this",
                {
                    "title": "Ask three questions",
                    "activity": "<p>Ask.</p>",
                    "time_needed": "20 minutes",
                },
            ),
            (
                "good_practice",
                {
                    "heading": "Where to find out more",
                    "links": [
                        {
                            "page": None,
                            "title": "Service Standard",
                            "url": "https://www.gov.uk/service-manual/service-standard",
                            "description": "How to design services.",
                        },
                        {"page": programme, "title": "", "url": "", "description": ""},
                    ],
                },
            ),
            reflect("Which service would residents use first?", "Think of calls."),
        ],
    )

    body = client.get(f"{page.url}sections/1/").content.decode()

    assert "<h2>A subheading</h2>" in body
    assert 'class="govuk-warning-text academy-callout"' in body and "Watch out" in body
    assert 'class="govuk-inset-text academy-callout"' in body
    assert "“Start with users.”" in body and "A leader, X" in body
    # The video loads nothing from YouTube until asked: a link, and an address for the script.
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/abcdefghijk"' in body
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in body
    assert "<iframe" not in body
    assert "Transcript words." in body
    assert "Try this: Ask three questions" in body and "Time needed: 20 minutes" in body
    assert 'href="https://www.gov.uk/service-manual/service-standard"' in body
    assert f'href="{programme.url}"' in body and "Digital modules" in body
    # Anonymous: the question, and an invitation to sign in rather than a form.
    assert "Which service would residents use first?" in body
    assert "to write a reflection that only you can read" in body
    assert "<textarea" not in body

    client.force_login(councillor)
    body = client.get(f"{page.url}sections/1/").content.decode()
    assert "<textarea" in body and "Only you can read what you write here." in body


def test_video_block_accepts_youtube_and_vimeo_and_refuses_other_addresses():
    assert video_source("https://youtu.be/abcdefghijk")["provider"] == "YouTube"
    assert video_source("https://www.youtube.com/embed/abcdefghijk")["embed_url"].endswith(
        "/embed/abcdefghijk"
    )
    assert video_source("https://vimeo.com/123456")["embed_url"].startswith(
        "https://player.vimeo.com/video/123456"
    )
    block = VideoBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(
            block.to_python(
                {"title": "T", "url": "https://example.com/video", "transcript": "<p>t</p>"}
            )
        )
    assert "Enter a YouTube or Vimeo address" in str(error.value.block_errors["url"])


def test_a_good_practice_link_needs_a_page_or_an_address_with_its_text():
    block = GoodPracticeLinkBlock()

    def errors(**value):
        value = {"page": None, "title": "", "url": "", "description": "", **value}
        with pytest.raises(ValidationError) as error:
            block.clean(block.to_python(value))
        return {name: str(message) for name, message in error.value.block_errors.items()}

    assert "Choose a page or enter an address." in errors()["page"]
    assert "Enter the link text" in errors(url="https://www.gov.uk/")["title"]


def test_pages_may_only_be_created_where_they_belong(programme):
    home = home_page()
    landing = programme.get_parent().specific

    assert ModulePage.can_create_at(programme)
    assert not ModulePage.can_create_at(landing)
    assert not ModulePage.can_create_at(home)
    assert ModuleIndexPage.can_create_at(landing)
    assert not ModuleIndexPage.can_create_at(home)
    assert StandardPage.can_create_at(home) and StandardPage.can_create_at(landing)
    assert not StandardPage.can_create_at(programme)
    assert SearchPage.can_create_at(home)
    assert ModulePage.allowed_subpage_models() == []
    assert set(HomePage.allowed_subpage_models()) == {ProgrammePage, StandardPage, SearchPage}
    assert not SearchPage.can_create_at(Page.get_first_root_node())


def test_only_one_search_page(programme):
    home = home_page()
    home.add_child(instance=SearchPage(title="Search", slug="search"))

    assert not SearchPage.can_create_at(home)


def test_the_editors_preview_shows_every_section_of_an_unsaved_module(rf, programme):
    from cms_pages.models import ModuleSection

    page = module(programme, sections=1, access="members")
    # An edit not yet saved: previews render the page as it is in the editor's form.
    page.sections.add(
        ModuleSection(title="A section still in draft", body=[("rich_text", "<p>Draft words.</p>")])
    )
    request = rf.get("/")
    request.user = UserFactory(role=roles.LGA_EDITOR)

    response = page.make_preview_request(request, "sections")

    body = response.render().content.decode()
    assert "Module preview: every section" in body
    assert f"{page.title}, section 1" in body and "The body of" in body
    assert "2. A section still in draft" in body and "Draft words." in body
    assert dict(page.preview_modes) == {"": "Overview", "sections": "Every section"}


def test_every_block_has_a_preview_in_the_block_picker(client):
    from cms_pages.models import ModuleSection

    client.force_login(UserFactory(role=roles.LGA_EDITOR))
    stream_block = ModuleSection._meta.get_field("body").stream_block
    for name, block in stream_block.child_blocks.items():
        preview = {"id": block.definition_prefix}
        response = client.get(reverse("wagtailadmin_block_preview"), preview)
        assert response.status_code == 200, name


def test_a_module_introduction_takes_no_reflect_questions():
    from cms_pages.models import ModulePage, ModuleSection

    assert "reflect" not in ModulePage._meta.get_field("body").stream_block.child_blocks
    assert "reflect" in ModuleSection._meta.get_field("body").stream_block.child_blocks
