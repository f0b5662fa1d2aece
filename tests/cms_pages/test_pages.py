import pytest
from wagtail.models import Page

from cms_pages.models import (
    CaseStudyPage,
    GoodPracticeIndexPage,
    HomePage,
    ModuleIndexPage,
    ModulePage,
    ProgrammePage,
    ProgrammePart,
    SearchPage,
    StandardPage,
)

# In one test process, so the demo this module loads once is loaded once (tests/loading.py).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-pages")]


@pytest.fixture
def home(demo, db):
    """The demo's home page (the demo is loaded once for this module)."""
    return HomePage.objects.get()


def test_home_page_links_to_every_part_of_the_programme(client, home):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    for page in ProgrammePage.objects.all():
        assert f'href="{page.url}"' in body
        assert page.summary in body


def test_programme_landing_page_shows_its_text_with_breadcrumbs(client, home):
    page = ProgrammePage.objects.get(part=ProgrammePart.DIGITAL_ACADEMY)
    body = client.get(page.url).content.decode()
    assert '<h1 class="govuk-heading-xl">Digital Academy</h1>' in body
    assert "Commissioning Academy" in body
    assert 'aria-label="Breadcrumb"' in body


def test_public_pages_have_the_service_chrome_and_no_inline_script_or_style(client, home):
    for url in ["/", "/digital-academy/", "/account/sign-in/", "/account/password-reset/"]:
        body = client.get(url).content.decode()
        assert 'class="govuk-skip-link"' in body, url
        assert "govuk-phase-banner" in body, url
        assert "Digital Leadership Academy" in body, url
        assert "<script>" not in body and " style=" not in body and "<style" not in body, url
        assert "govuk-header__logotype" not in body, url  # no crown


# The landing page's three more than home: the pages beneath it (the Digital Academy's
# modules), which of them are private, and their specific types.
@pytest.mark.parametrize("url,queries", [("/", 8), ("/digital-academy/", 11)])
def test_public_page_query_counts_are_pinned(
    client, home, url, queries, django_assert_max_num_queries
):
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200


def test_landing_pages_live_only_under_the_home_page(home):
    assert ProgrammePage.can_create_at(home)
    assert not ProgrammePage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(Page.get_first_root_node())  # there is one already
    assert HomePage.allowed_subpage_models() == [ProgrammePage, StandardPage, SearchPage]
    assert ProgrammePage.allowed_subpage_models() == [
        ModuleIndexPage,
        StandardPage,
        GoodPracticeIndexPage,
    ]
    assert CaseStudyPage.allowed_parent_page_models() == [GoodPracticeIndexPage]
    assert ModulePage.allowed_parent_page_models() == [ModuleIndexPage]
    assert not ModulePage.can_create_at(home)


def test_unknown_page_is_a_friendly_404(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_public_pages_forbid_inline_scripts_and_styles(client, home):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


def test_copying_a_landing_page_is_refused_with_a_message(client, home, admin_user):
    page = ProgrammePage.objects.get(part=ProgrammePart.DIGITAL_ACADEMY)
    client.force_login(admin_user)
    response = client.post(
        f"/admin/pages/{page.pk}/copy/",
        {"new_title": "Copy", "new_slug": "copy", "new_parent_page": home.pk},
        follow=True,
    )
    assert response.status_code == 200
    assert "exactly one landing page" in response.content.decode()
    assert ProgrammePage.objects.filter(part=ProgrammePart.DIGITAL_ACADEMY).count() == 1
