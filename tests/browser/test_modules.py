"""Learning modules in a real browser: an editor drafts one and a publisher approves it in the
Wagtail admin; councillors work through a programme to its certificate, write reflections only
they can read, and find that members-only modules keep their words for members.

Public pages run with the site's own Content-Security-Policy (`strict_page`, `problems`) or are
checked with axe (`page`); the Wagtail admin is Wagtail's own interface and is only driven.
"""

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from academy import roles
from cms_pages.models import ModulePage, ModuleSection, SearchPage
from learning import services
from learning.models import Certificate, Reflection
from tests.factories import (
    UserFactory,
    home_page,
    module,
    programme_of_modules,
    reflect,
)

from .helpers import BrowserProblems, assert_accessible, path_of, sign_in, submit

pytestmark = pytest.mark.browser

INDEX = "/member-leadership-academy/modules/"
QUESTION = "What would residents notice first?"
REFLECTION_LIMIT = 5000
SAVED = "Your reflection has been saved. Only you can read it."


def councillor(**fields):
    return UserFactory(role=roles.COUNCILLOR, political_group="independent", **fields)


def section_url(page_of_module: ModulePage, number: int) -> str:
    return f"{page_of_module.url}sections/{number}/"


def sections_of(page_of_module: ModulePage) -> list[ModuleSection]:
    return list(ModuleSection.objects.filter(page=page_of_module).order_by("sort_order"))


def reflect_block_id(section: ModuleSection) -> str:
    return next(block.id for block in section.body if block.block_type == "reflect")


def two_module_programme():
    """A programme of two required modules of two sections each; the second is members-only."""
    programme = programme_of_modules()
    first = module(programme, title="Why digital matters", slug="why-digital", sections=2)
    second = module(
        programme,
        title="Leading digital change",
        slug="leading-change",
        sections=2,
        access="members",
    )
    return programme, first, second


def module_with_reflection(access="members"):
    programme = programme_of_modules()
    return module(
        programme,
        title="Listening to residents",
        slug="listening",
        sections=2,
        access=access,
        section_body=[
            ("rich_text", "<p>Start from what residents ask for.</p>"),
            reflect(QUESTION),
        ],
    )


def progress_bar(page: Page):
    """The native <progress> of a programme: its value is the required modules completed."""
    return page.get_by_role("progressbar")


def admin_field(page: Page, label: str):
    """A Wagtail admin field by its label, which ends with a "*" when the field is required."""
    # The label's text keeps the template's line breaks around it. Not re.escape: it escapes
    # spaces, which Playwright's JavaScript regular expressions do not take.
    labelled = page.get_by_label(re.compile(rf"^\s*{label}\s*\*?\s*$"))
    return labelled.and_(page.locator("input, textarea, select"))  # not the panel it sits in


def open_footer_actions(page: Page):
    """The edit view's footer: the main action, and the others behind the arrow beside it."""
    footer = page.locator("footer")
    footer.locator(".w-dropdown__toggle").click()
    return footer


def wait_for_autosave(page: Page, seconds: float = 10) -> None:
    """Until Wagtail's autosave indicator says "Saved": no autosave is on its way."""
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved", timeout=seconds * 1000
    )


# --- 1. Editorial journey in the Wagtail admin --------------------------------------------


def test_editor_drafts_previews_and_submits_a_module_then_a_publisher_approves_it(
    new_context, live_server
):
    programme = programme_of_modules()
    editor = UserFactory(role=roles.LGA_EDITOR)
    publisher = UserFactory(role=roles.LGA_PUBLISHER)
    module_path = f"{INDEX}data-for-decision-makers/"
    admin = new_context().new_page()

    sign_in(admin, editor)
    admin.goto(f"/admin/pages/{programme.pk}/")
    expect(admin.get_by_role("heading", name="Digital modules")).to_be_visible()
    with admin.expect_navigation():
        admin.get_by_role("link", name="Add child page").click()
    # A module index only takes modules, so Wagtail goes straight to the module form.
    assert path_of(admin.url) == f"/admin/pages/add/cms_pages/modulepage/{programme.pk}/"

    admin.get_by_placeholder("Page title*").fill("Data for decision makers")
    admin_field(admin, "Summary").fill("How to ask good questions about the numbers you see.")
    admin_field(admin, "Who it is for").select_option(label="Councillors")
    admin_field(admin, "Estimated time in minutes").fill("30")
    outcome = admin.locator("#inline_child_learning_outcomes-0")  # the form starts with one
    admin_field(outcome, "Outcome").fill("ask where a figure came from")
    section = admin.locator("#inline_child_sections-0")  # and with one section
    admin_field(section, "Title").fill("Where numbers come from")
    section.get_by_role("button", name="Insert a block").click()
    admin.get_by_role("option", name="Rich text", exact=True).click()
    rich_text = section.locator("[role=textbox][contenteditable=true]")
    rich_text.click()
    rich_text.type("Every figure has an owner and a date.")
    # Draftail writes what was typed into the form a moment later; saving before then loses it.
    expect(section.locator("input[name$='-value']")).to_have_value(re.compile("Every figure"))

    # Wagtail autosaves the new page as a draft while the editor types; from then on the form
    # saves to the page's edit view. Saving by hand while the autosave that creates the page is
    # still on its way posts to the create view a second time, which Wagtail 8.0 answers with a
    # server error (a race inside Wagtail's editor), so the editor waits for "Saved": the
    # autosave has landed, and the save by hand goes to the edit view with everything typed.
    expect(admin).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    draft = ModulePage.objects.get(title="Data for decision makers")
    assert not draft.live
    wait_for_autosave(admin)

    with admin.expect_navigation():
        admin.get_by_role("button", name="Save draft").click()
    assert path_of(admin.url) == f"/admin/pages/{draft.pk}/edit/"
    expect(admin.get_by_text("Page 'Data for decision makers' has been updated.")).to_be_visible()
    draft.refresh_from_db()
    assert not draft.live
    # Saved by hand, whatever the autosave had caught of it.
    assert "Every figure has an owner" in str(draft.get_latest_revision().content)

    # Opening the preview panel sends the form to the preview; "Preview in new tab" shows it
    # full size.
    admin.get_by_role("button", name="Toggle preview").click()
    admin.get_by_label("Preview mode").select_option(label="Every section")
    with admin.expect_popup() as opened:
        admin.get_by_role("link", name="Preview in new tab").click()
    preview = opened.value
    expect(preview.get_by_text("Module preview: every section")).to_be_visible()
    expect(preview.get_by_role("heading", name="1. Where numbers come from")).to_be_visible()
    expect(preview.get_by_text("Every figure has an owner and a date.")).to_be_visible()
    preview.close()

    footer = open_footer_actions(admin)
    with admin.expect_navigation():
        footer.get_by_role("button", name="Submit to LGA publisher approval").click()
    expect(
        admin.get_by_text("Page 'Data for decision makers' has been submitted for moderation.")
    ).to_be_visible()
    draft.refresh_from_db()
    assert draft.current_workflow_state.workflow.name == roles.APPROVAL_WORKFLOW

    visitor = new_context().new_page()
    visitor_problems = BrowserProblems(visitor, live_server.url)
    response = visitor.goto(module_path)
    assert response.status == 404, "the module is live before a publisher approved it"

    reviewer = new_context().new_page()
    sign_in(reviewer, publisher)
    reviewer.goto("/admin/")
    awaiting = reviewer.locator(
        "section", has=reviewer.get_by_role("heading", name="Awaiting your review")
    )
    expect(awaiting.get_by_role("link", name="Data for decision makers")).to_be_visible()
    awaiting.get_by_role("button", name="Actions").click()
    with reviewer.expect_navigation():
        awaiting.get_by_role("button", name="Approve", exact=True).click()
    # Back on the dashboard, with nothing left to review.
    assert path_of(reviewer.url) == "/admin/"
    expect(reviewer.get_by_role("link", name="Data for decision makers")).to_have_count(0)

    response = visitor.goto(module_path)
    assert response.status == 200
    expect(visitor.get_by_role("heading", name="Data for decision makers", level=1)).to_be_visible()
    expect(visitor.get_by_text("How to ask good questions about the numbers")).to_be_visible()
    expect(visitor.get_by_text("ask where a figure came from")).to_be_visible()
    visitor_problems.assert_none()


def test_the_preview_panel_shows_the_module_beside_the_editor(new_context):
    draft = module(programme_of_modules(), title="Data basics", sections=1)
    admin = new_context().new_page()
    sign_in(admin, UserFactory(role=roles.LGA_EDITOR))
    admin.goto(f"/admin/pages/{draft.pk}/edit/")

    admin.get_by_role("button", name="Toggle preview").click()

    frame = admin.frame_locator("#w-preview-iframe")  # Wagtail swaps in a fresh frame when it loads
    expect(frame.get_by_role("heading", name="Data basics", level=1)).to_be_visible(timeout=5000)


def test_an_editor_cannot_publish_a_module(new_context):
    draft = module(programme_of_modules(), title="Data basics", slug="data-basics", sections=1)
    draft.unpublish()  # a draft that has never been approved
    draft.save_revision()
    anonymous = new_context().new_page()
    assert anonymous.goto(f"{INDEX}data-basics/").status == 404
    editor = new_context()
    admin = editor.new_page()
    sign_in(admin, UserFactory(role=roles.LGA_EDITOR))
    admin.goto(f"/admin/pages/{draft.pk}/edit/")

    footer = open_footer_actions(admin)
    expect(footer.get_by_role("button", name="Submit to LGA publisher approval")).to_be_visible()
    expect(footer.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)
    expect(admin.locator("[name='action-publish']")).to_have_count(0)

    # Asking for it anyway, with the editor's own session and the form's CSRF token.
    revisions = draft.revisions.count()
    fields = admin.evaluate(
        """() => [...new FormData(document.getElementById("page-edit-form")).entries()]
            .filter(([, value]) => typeof value === "string")"""
    )
    assert any(name == "csrfmiddlewaretoken" for name, _value in fields)
    response = editor.request.post(
        f"/admin/pages/{draft.pk}/edit/",
        data=urlencode([*map(tuple, fields), ("action-publish", "action-publish")]),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status < 400, response.status
    draft.refresh_from_db()
    assert not draft.live
    assert draft.revisions.count() == revisions + 1  # kept as a draft instead
    assert anonymous.goto(f"{INDEX}data-basics/").status == 404


# --- 2. Learner journey to the certificate ------------------------------------------------


def work_through(page: Page, module_title: str, sections: int = 2) -> None:
    """From a module's first section, mark each one done in turn."""
    for number in range(1, sections + 1):
        expect(
            page.get_by_role("heading", name=f"{module_title}, section {number}", level=1)
        ).to_be_visible()
        last = number == sections
        submit(page, "Mark as done and finish the module" if last else "Mark as done and continue")


def test_councillor_works_through_a_programme_and_downloads_the_certificate(
    strict_page, problems, new_context, live_server
):
    page = strict_page
    _programme, first, _second = two_module_programme()
    person = councillor(full_name="Priya Raman")
    sign_in(page, person)

    page.goto(INDEX)
    expect(progress_bar(page)).to_have_attribute("value", "0")
    expect(progress_bar(page)).to_have_attribute("max", "2")
    expect(page.get_by_text("You have completed 0 of 2 required modules.")).to_be_visible()

    page.get_by_role("link", name="Why digital matters").click()
    expect(page.get_by_role("heading", name="Why digital matters", level=1)).to_be_visible()
    page.get_by_role("link", name="Start this module").click()
    expect(page).to_have_url(re.compile(r"/why-digital/sections/1/$"))
    problems.assert_none()
    work_through(page, "Why digital matters")
    assert path_of(page.url) == first.url
    expect(page.get_by_text("You have completed this module.")).to_be_visible()

    page.goto(INDEX)
    expect(progress_bar(page)).to_have_attribute("value", "1")
    expect(page.get_by_text("You have completed 1 of 2 required modules.")).to_be_visible()
    page.get_by_role("link", name="Start the module").click()  # where to pick up: module 2
    work_through(page, "Leading digital change")

    certificate = Certificate.objects.get(person=person)
    assert path_of(page.url) == f"/learning/certificates/{certificate.pk}/"
    expect(
        page.get_by_text("You have completed every required module and earned your certificate.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Your certificate")).to_be_visible()
    expect(page.get_by_text("Priya Raman")).to_be_visible()
    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download as PDF").click()
    download = downloading.value
    assert download.suggested_filename.endswith(".pdf"), download.suggested_filename
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    verification_link = (
        page.get_by_text("Check this certificate is genuine at")
        .get_by_role("link")
        .get_attribute("href")
    )
    problems.assert_none()

    page.goto(INDEX)
    expect(progress_bar(page)).to_have_attribute("value", "2")
    expect(page.get_by_role("link", name="View your certificate")).to_be_visible()
    page.goto("/learning/")
    expect(progress_bar(page)).to_have_attribute("value", "2")
    problems.assert_none()

    anyone = new_context().new_page()
    anyone_problems = BrowserProblems(anyone, live_server.url)
    response = anyone.goto(path_of(verification_link))
    assert response.status == 200
    expect(anyone.get_by_role("heading", name="This certificate is genuine")).to_be_visible()
    expect(anyone.get_by_text("Priya Raman")).to_be_visible()
    expect(anyone.get_by_text("Digital modules")).to_be_visible()
    anyone_problems.assert_none()


# --- 3. Members-only modules ---------------------------------------------------------------


def test_anonymous_visitor_sees_only_the_summary_and_section_titles_of_a_members_only_module(
    strict_page, problems
):
    page = strict_page
    members_only = module(
        programme_of_modules(),
        title="Leading digital change",
        slug="leading-change",
        sections=2,
        access="members",
        summary="How leaders set the direction for digital services.",
        body=[("rich_text", "<p>An introduction only members may read.</p>")],
    )

    response = page.goto(members_only.url)

    assert response.status == 200
    expect(page.get_by_text("How leaders set the direction for digital services.")).to_be_visible()
    expect(page.get_by_text("Leading digital change, section 1")).to_be_visible()
    expect(page.get_by_text("Leading digital change, section 2")).to_be_visible()
    expect(page.get_by_text("This module is for members of the academy.")).to_be_visible()
    body = page.content()
    assert "An introduction only members may read." not in body
    assert "The body of Leading digital change" not in body
    expect(page.get_by_role("link", name="Leading digital change, section 1")).to_have_count(0)
    problems.assert_none()

    page.goto(section_url(members_only, 1))

    assert path_of(page.url).startswith("/account/sign-in/?next=")
    assert "The body of Leading digital change" not in page.content()
    problems.assert_none()


# --- 4 and 5. Reflections ------------------------------------------------------------------


def test_a_reflection_is_private_to_the_councillor_who_wrote_it(
    strict_page, problems, new_context, live_server
):
    page = strict_page
    listening = module_with_reflection()
    secret = "Residents notice the bin app first: 7f3c9a"
    sign_in(page, councillor())
    page.goto(section_url(listening, 1))

    page.get_by_label(QUESTION).fill(secret)
    submit(page, "Save your reflection")

    expect(page.get_by_text(SAVED)).to_be_visible()
    expect(page.get_by_label(QUESTION)).to_have_value(secret)
    page.goto(listening.url)
    expect(page.get_by_role("heading", name="Your reflections")).to_be_visible()
    expect(page.get_by_text(secret)).to_be_visible()
    problems.assert_none()

    other = new_context().new_page()
    other_problems = BrowserProblems(other, live_server.url)
    sign_in(other, councillor())
    other.goto(section_url(listening, 1))
    expect(other.get_by_label(QUESTION)).to_have_value("")
    assert "7f3c9a" not in other.content()
    other.goto(listening.url)
    expect(other.get_by_role("heading", name="Sections")).to_be_visible()
    expect(other.get_by_role("heading", name="Your reflections")).to_have_count(0)
    assert "7f3c9a" not in other.content()
    other_problems.assert_none()


def test_a_reflection_that_is_too_long_is_refused_and_kept(page):
    listening = module_with_reflection()
    sign_in(page, councillor())
    page.goto(section_url(listening, 1))
    too_long = "a" * (REFLECTION_LIMIT + 1)
    answer = page.get_by_label(QUESTION)
    # The server must refuse it, say why, and keep what was typed.
    answer.fill(too_long)
    submit(page, "Save your reflection")

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(
        summary.get_by_role("link", name=re.compile("must be 5,000 characters or fewer"))
    ).to_be_visible()
    expect(page.get_by_text("Your reflection has been saved")).to_have_count(0)
    assert page.get_by_label(QUESTION).input_value() == too_long
    assert not Reflection.objects.exists()
    assert_accessible(page)


def test_a_reflection_pasted_over_the_limit_is_not_cut_without_a_word(strict_page):
    page = strict_page
    listening = module_with_reflection()
    sign_in(page, councillor())
    page.goto(section_url(listening, 1))

    page.get_by_label(QUESTION).fill("a" * (REFLECTION_LIMIT + 1))
    submit(page, "Save your reflection")

    assert not Reflection.objects.exists(), "the answer was cut to 5,000 characters and saved"
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()


# --- 6. axe on the module pages --------------------------------------------------------------


def test_module_pages_for_an_anonymous_visitor_are_accessible(page):
    _programme, first, second = two_module_programme()

    page.goto(INDEX)
    expect(page.get_by_role("heading", name="Modules", exact=True)).to_be_visible()
    assert_accessible(page)
    page.goto(second.url)  # members-only: summary and section titles
    expect(page.get_by_text("This module is for members of the academy.")).to_be_visible()
    assert_accessible(page)
    page.goto(section_url(first, 1))
    expect(page.get_by_role("heading", name="Why digital matters, section 1")).to_be_visible()
    assert_accessible(page)


def test_module_pages_for_a_learner_with_progress_are_accessible(page):
    listening = module_with_reflection()
    person = councillor()
    first_section = sections_of(listening)[0]
    services.mark_section_done(person=person, section=first_section)
    services.save_reflection(
        person=person,
        section=first_section,
        prompt_id=reflect_block_id(first_section),
        text="Fewer calls about missed bins.",
    )
    sign_in(page, person)

    page.goto(INDEX)
    expect(progress_bar(page)).to_have_attribute("value", "0")
    expect(page.get_by_text("In progress")).to_be_visible()
    assert_accessible(page)
    page.goto(listening.url)
    expect(page.get_by_role("heading", name="Your reflections")).to_be_visible()
    assert_accessible(page)
    page.goto(section_url(listening, 1))  # done, with a saved reflection
    expect(page.get_by_label(QUESTION)).to_have_value("Fewer calls about missed bins.")
    assert_accessible(page)
    page.goto(section_url(listening, 2))  # not done yet
    expect(page.get_by_role("button", name="Mark as done and finish the module")).to_be_visible()
    assert_accessible(page)
    page.goto("/learning/")
    expect(page.get_by_role("heading", name="Your learning")).to_be_visible()
    assert_accessible(page)


def test_certificate_and_verification_pages_are_accessible(page):
    _programme, first, second = two_module_programme()
    person = councillor(full_name="Priya Raman")
    for section in [*sections_of(first), *sections_of(second)]:
        services.mark_section_done(person=person, section=section)
    certificate = Certificate.objects.get(person=person)
    sign_in(page, person)

    page.goto(f"/learning/certificates/{certificate.pk}/")
    expect(page.get_by_role("heading", name="Your certificate")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/certificates/{certificate.code}/")
    expect(page.get_by_role("heading", name="This certificate is genuine")).to_be_visible()
    assert_accessible(page)


def search_page_and_a_module():
    module(programme_of_modules(), title="Procurement for councillors", slug="buying", sections=1)
    search = home_page().add_child(instance=SearchPage(title="Search", slug="search"))
    search.save_revision().publish()


def test_search_page_and_its_no_results_state_are_accessible(page):
    search_page_and_a_module()

    page.goto("/search/")
    expect(page.get_by_label("Search the academy")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Search the academy").fill("zebra crossings")
    submit(page, "Search")
    expect(page.get_by_role("heading", name="No results for ‘zebra crossings’")).to_be_visible()
    assert_accessible(page)


def test_search_results_are_accessible(page):
    search_page_and_a_module()

    response = page.goto("/search/?q=procurement")

    assert response.status == 200, f"/search/?q=procurement answered {response.status}"
    expect(page.get_by_role("link", name="Procurement for councillors")).to_be_visible()
    assert_accessible(page)


# --- 7. Without JavaScript -------------------------------------------------------------------


def test_reflecting_and_marking_a_section_done_work_without_javascript(new_context, live_server):
    page = new_context(java_script_enabled=False).new_page()
    problems = BrowserProblems(page, live_server.url, run_axe=False)  # axe needs JavaScript
    listening = module_with_reflection()
    sign_in(page, councillor())
    page.goto(section_url(listening, 1))

    page.get_by_label(QUESTION).fill("Shorter queues at the contact centre.")
    submit(page, "Save your reflection")

    expect(page.get_by_text(SAVED)).to_be_visible()
    expect(page.get_by_label(QUESTION)).to_have_value("Shorter queues at the contact centre.")

    submit(page, "Mark as done and continue")

    assert path_of(page.url) == section_url(listening, 2)
    expect(page.get_by_role("heading", name="Listening to residents, section 2")).to_be_visible()
    page.goto(listening.url)
    expect(page.get_by_text("You have completed 1 of 2 sections.")).to_be_visible()
    expect(page.get_by_text("Shorter queues at the contact centre.")).to_be_visible()
    problems.assert_none()


def test_an_answer_typed_before_marking_the_section_done_is_kept(page):
    listening = module_with_reflection()
    sign_in(page, councillor())
    page.goto(section_url(listening, 1))

    page.get_by_label(QUESTION).fill("Typed, never saved on its own.")
    submit(page, "Mark as done and continue")

    assert path_of(page.url) == section_url(listening, 2)
    assert Reflection.objects.get().text == "Typed, never saved on its own."
    page.goto(listening.url)
    expect(page.get_by_text("Typed, never saved on its own.")).to_be_visible()
