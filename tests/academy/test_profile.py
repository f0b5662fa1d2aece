import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from academy import exceptions, services
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PROFILE = reverse("account:profile")


def details(person, **changes):
    data = {
        "full_name": person.full_name,
        "job_title": person.job_title,
        "organisation": person.organisation_id,
        "political_group": person.political_group,
    }
    data.update(changes)
    return data


def test_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account:sign-in"))


def test_person_edits_their_details_and_the_change_is_audited(client, officer):
    client.force_login(officer)
    new_organisation = OrganisationFactory(name="Kent Police")

    response = client.post(
        PROFILE, details(officer, job_title="Director of digital", organisation=new_organisation.pk)
    )

    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.job_title == "Director of digital"
    assert officer.organisation == new_organisation
    page = client.get(PROFILE).content.decode()
    assert "Your profile has been saved." in page
    entry = ModelLogEntry.objects.get(action="academy.profile.edit")
    assert entry.user_id == officer.pk
    assert sorted(entry.data["fields"]) == ["job_title", "organisation"]


def test_empty_name_is_refused_with_a_message_and_nothing_changes(client, officer):
    client.force_login(officer)
    name = officer.full_name

    response = client.post(PROFILE, details(officer, full_name="", job_title="Changed"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert 'href="#id_full_name">Enter your full name.' in body
    assert 'value="Changed"' in body  # what they typed is kept on the form
    officer.refresh_from_db()
    assert (officer.full_name, officer.job_title) == (name, "Head of service")
    assert not ModelLogEntry.objects.filter(action="academy.profile.edit").exists()


def test_unknown_organisation_is_refused_with_a_message(client, officer):
    client.force_login(officer)
    response = client.post(PROFILE, details(officer, organisation="999999"))
    assert response.status_code == 200
    assert "Choose an organisation from the list." in response.content.decode()


def test_only_councillors_have_a_political_group(client, officer, councillor):
    client.force_login(officer)
    assert "political_group" not in client.get(PROFILE).context["form"].fields
    client.post(PROFILE, details(officer, political_group="labour"))
    officer.refresh_from_db()
    assert officer.political_group == ""

    client.force_login(councillor)
    response = client.post(PROFILE, details(councillor, political_group="labour"))
    assert response.status_code == 302
    councillor.refresh_from_db()
    assert councillor.political_group == "labour"
    bad = client.post(PROFILE, details(councillor, political_group="whig"))
    assert "Choose a political group from the list." in bad.content.decode()


def test_profile_page_query_count_does_not_grow_with_organisations(
    client, officer, django_assert_num_queries
):
    client.force_login(officer)
    OrganisationFactory.create_batch(30)
    # session, person, profile with roles (2), permissions for the menu (2), organisations,
    # and saving the session (3, for the idle timeout)
    with django_assert_num_queries(10):
        response = client.get(PROFILE)
    assert response.status_code == 200
    assert response.content.decode().count("<option") == 32  # 31 and the prompt


def test_nobody_changes_someone_elses_profile_without_the_permission(officer, councillor):
    with pytest.raises(exceptions.PermissionDenied):
        services.update_profile(person=councillor, by=officer, job_title="Mayor")
    councillor.refresh_from_db()
    assert councillor.job_title != "Mayor"
