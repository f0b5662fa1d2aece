"""The framework in the Wagtail admin, as LGA staff use it: versions listed with what can be
done to each, a new version drafted from the published one, competencies with behaviours and
mappings added to the draft only, publishing by publishers and administrators only, and files
in and out. Published versions never change."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from academy import roles
from competencies.models import Competency, Framework, Proficiency
from tests.factories import UserFactory, competency_framework, lga_administrator

pytestmark = pytest.mark.django_db


def versions(path: str = "") -> str:
    """An address in the admin's framework versions, below where Wagtail mounts them."""
    return reverse("framework_version:index") + path


def competencies(path: str = "") -> str:
    return reverse("competency:index") + path


def competency_form(version, **overrides):
    data = {
        "name": "Leading with data",
        "code": "leading-with-data",
        "framework": version.pk,
        "description": "Uses evidence to decide and to explain decisions.",
        "level": 5,
        "sort_order": 1,
        "behaviours": inline_formset(
            [
                {"text": "Asks for the data behind a proposal.", "proficiency": ""},
                {"text": "Sets the council's data strategy.", "proficiency": Proficiency.EXPERT},
            ]
        ),
        "mappings": inline_formset(
            [{"scheme": "sfia", "code": "DATM", "name": "Data management", "level": "6"}]
        ),
        "themes": [],
        "service_areas": [],
        "modules": [],
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_drafts_a_new_version_and_adds_a_competency_to_it(client):
    published = competency_framework(competencies=2)
    client.force_login(UserFactory(role=roles.LGA_EDITOR))

    index = client.get(versions()).content.decode()
    assert "Leading digital change" in index and "Make a new version" in index
    response = client.post(versions(f"new-version/{published.pk}/"), follow=True)
    assert "is a draft copy of version 1" in response.content.decode()
    draft = Framework.objects.get(status=Framework.Status.DRAFT)
    assert draft.competencies.count() == 2

    response = client.post(competencies("new/"), competency_form(draft))
    assert response.status_code == 302, response.content.decode()[:2000]
    added = draft.competencies.get(code="leading-with-data")
    assert [b.proficiency for b in added.behaviours.order_by("sort_order")] == [
        None,
        Proficiency.EXPERT,
    ]
    assert added.mappings.get().code == "DATM"
    assert published.competencies.count() == 2  # the version in use is untouched


def test_a_competency_can_only_be_added_to_the_draft(client):
    published = competency_framework(competencies=1)
    client.force_login(UserFactory(role=roles.LGA_EDITOR))

    response = client.post(competencies("new/"), competency_form(published))

    assert response.status_code == 200
    assert "make a new version" in response.content.decode().lower()
    assert published.competencies.count() == 1


def test_a_published_competency_is_shown_not_edited(client):
    published = competency_framework(competencies=1)
    competency = published.competencies.get()
    client.force_login(UserFactory(role=roles.LGA_EDITOR))

    response = client.get(competencies(f"edit/{competency.pk}/"), follow=True)
    assert response.redirect_chain[-1][0].endswith(f"inspect/{competency.pk}/")

    form = competency_form(published, name="Changed after publishing")
    client.post(competencies(f"edit/{competency.pk}/"), form)
    assert client.post(competencies(f"delete/{competency.pk}/")).status_code == 302
    competency.refresh_from_db()
    assert competency.name == "Competency 1"
    assert Competency.objects.filter(pk=competency.pk).exists()


def test_only_publishers_and_administrators_publish_from_the_admin(client):
    draft = competency_framework(competencies=1, status="draft")

    client.force_login(UserFactory(role=roles.LGA_EDITOR))
    assert "Publish this version" not in client.get(versions()).content.decode()
    # Wagtail sends people back to the dashboard, with a message, from what they may not do.
    assert client.post(versions(f"publish/{draft.pk}/")).url == "/admin/"
    draft.refresh_from_db()
    assert draft.is_draft

    client.force_login(UserFactory(role=roles.LGA_PUBLISHER))
    page = client.get(versions(f"publish/{draft.pk}/")).content.decode()
    assert "Diagnostics will use it from now on" in page
    response = client.post(versions(f"publish/{draft.pk}/"), follow=True)
    assert "is published" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Framework.Status.PUBLISHED


def test_a_version_exports_as_a_file_and_a_bad_file_is_refused_with_its_problems(client):
    published = competency_framework(competencies=2)
    client.force_login(lga_administrator())

    response = client.get(versions(f"export/{published.pk}/csv/"))
    assert response["Content-Disposition"] == (
        'attachment; filename="competency-framework-version-1.csv"'
    )
    exported = response.content
    assert b"Competency 2" in exported

    bad = SimpleUploadedFile("framework.csv", b"code,levle\nc1,4\n", content_type="text/csv")
    response = client.post(versions("import/"), {"file": bad})
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file could not be imported." in page
    assert "The header row has columns" in page
    assert not Framework.objects.filter(status=Framework.Status.DRAFT).exists()

    good = SimpleUploadedFile("framework.csv", exported, content_type="text/csv")
    response = client.post(versions("import/"), {"file": good}, follow=True)
    assert "is a new draft with 2 competencies from the file" in response.content.decode()
    assert Framework.objects.get(status=Framework.Status.DRAFT).competencies.count() == 2


def test_people_without_a_role_in_the_framework_cannot_reach_it(client):
    published = competency_framework(competencies=1)
    client.force_login(UserFactory(role=roles.SENIOR_OFFICER))

    for url in (versions(), versions(f"export/{published.pk}/json/"), versions("import/")):
        assert client.get(url).url.startswith("/account/sign-in/"), url
    client.force_login(UserFactory(role=roles.LGA_EDITOR))
    assert client.get(versions(f"export/{published.pk}/json/")).url == "/admin/"
    assert client.get(versions("import/")).url == "/admin/"


def test_lga_staff_set_an_organisations_pick_and_mix_from_a_published_version(client):
    from competencies.models import OrganisationFramework
    from competencies.selectors import competencies_for
    from tests.factories import OrganisationFactory

    published = competency_framework(competencies=3)
    draft = competency_framework(competencies=1, status="draft")
    council = OrganisationFactory(name="Medway Council")
    first, second, _third = published.competencies.order_by("sort_order")
    picks = reverse("organisation_framework:index")
    client.force_login(UserFactory(role=roles.LGA_PUBLISHER))

    response = client.post(
        picks + "new/",
        {
            "organisation": council.pk,
            "framework": published.pk,
            "competencies": [first.pk, draft.competencies.get().pk],
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    response = client.post(picks + "new/", {"organisation": council.pk, "framework": published.pk})
    assert "Pick at least one competency." in response.content.decode()
    assert not OrganisationFramework.objects.exists()

    response = client.post(
        picks + "new/",
        {
            "organisation": council.pk,
            "framework": published.pk,
            "competencies": [first.pk, second.pk],
        },
    )
    assert response.status_code == 302
    assert [c.code for c in competencies_for(framework=published, organisation=council)] == [
        "c1",
        "c2",
    ]
    listing = client.get(picks).content.decode()
    assert "Medway Council" in listing

    client.force_login(UserFactory(role=roles.LGA_EDITOR))
    assert client.get(picks).url == "/admin/"
