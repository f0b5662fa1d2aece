"""How LGA staff publish: editors draft and submit, publishers approve, schedule and unpublish,
and the history shows who did what."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, ModelLogEntry, PageLogEntry
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from academy import roles
from cms_pages.models import Theme
from cms_pages.tasks import publish_scheduled_pages
from tests.factories import UserFactory, module, programme_of_modules

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    page = module(programme_of_modules(), title="Buying well", sections=2, publish=False)
    page.unpublish()
    page.save_revision()
    return page


def edit_form(page, body=(), section_body=None, **changes):
    """The edit form's fields as Wagtail's editor posts them, with `changes` applied."""
    text = rich_text("<p>What the section says.</p>")
    section_body = section_body or [("rich_text", text)]
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "audience": page.audience,
            "access": page.access,
            "estimated_minutes": page.estimated_minutes,
            "required_for_certificate": "on",
            "body": streamfield(list(body)),
            "learning_outcomes": inline_formset(
                [{"id": o.pk, "text": o.text} for o in page.learning_outcomes.all()],
                initial=page.learning_outcomes.count(),
            ),
            "sections": inline_formset(
                [
                    {"id": s.pk, "title": s.title, "body": streamfield(list(section_body))}
                    for s in page.sections.all()
                ],
                initial=page.sections.count(),
            ),
        }
    )
    data.update(changes)
    return data


def test_an_editor_cannot_publish_even_by_posting_the_publish_action(client, draft):
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    client.force_login(UserFactory(role=roles.LGA_EDITOR))
    client.post(url, edit_form(draft, **{"action-publish": "1"}))
    draft.refresh_from_db()
    assert not draft.live

    # The same form from a publisher does publish: the refusal above is the editor's role.
    client.force_login(UserFactory(role=roles.LGA_PUBLISHER))
    client.post(url, edit_form(draft, **{"action-publish": "1"}))
    draft.refresh_from_db()
    assert draft.live


def test_a_publisher_schedules_a_module_and_beat_publishes_it_when_the_time_comes(
    client, draft, time_machine
):
    go_live = timezone.now() + timedelta(days=2)
    publisher = UserFactory(role=roles.LGA_PUBLISHER)
    draft.go_live_at = go_live
    draft.save_revision(user=publisher).publish(user=publisher)  # a future go-live schedules
    draft.refresh_from_db()
    assert not draft.live

    publish_scheduled_pages.delay()
    draft.refresh_from_db()
    assert not draft.live, "published before its time"

    time_machine.move_to(go_live + timedelta(minutes=1))
    publish_scheduled_pages.delay()
    draft.refresh_from_db()
    assert draft.live
    assert client.get(draft.url).status_code == 200


def test_an_expiry_time_unpublishes_the_module(client, draft, time_machine):
    publisher = UserFactory(role=roles.LGA_PUBLISHER)
    draft.expire_at = timezone.now() + timedelta(days=30)
    draft.save_revision(user=publisher).publish(user=publisher)
    assert client.get(draft.url).status_code == 200

    time_machine.move_to(draft.expire_at + timedelta(minutes=1))
    publish_scheduled_pages.delay()
    draft.refresh_from_db()
    assert not draft.live


def test_the_history_shows_who_drafted_and_who_published(client, draft):
    editor = UserFactory(role=roles.LGA_EDITOR, full_name="Tom Hughes")
    publisher = UserFactory(role=roles.LGA_PUBLISHER, full_name="Grace Okafor")
    draft.title = "Buying technology well"
    draft.save_revision(user=editor, log_action=True)
    draft.get_latest_revision().publish(user=publisher)

    actions = list(
        PageLogEntry.objects.filter(page=draft)
        .order_by("timestamp")
        .values_list("action", "user__full_name")
    )
    assert ("wagtail.edit", "Tom Hughes") in actions
    assert ("wagtail.publish", "Grace Okafor") in actions

    client.force_login(editor)
    history = client.get(reverse("wagtailadmin_pages:history", args=[draft.pk]))
    assert history.status_code == 200
    body = history.content.decode()
    assert "Grace Okafor" in body and "Tom Hughes" in body
    earlier = draft.revisions.order_by("created_at").first()
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[draft.pk, earlier.pk, "live"])
    )
    assert compare.status_code == 200
    assert "Buying technology well" in compare.content.decode()


def test_editors_keep_the_shared_themes_and_only_publishers_delete_them(client):
    editor = UserFactory(role=roles.LGA_EDITOR)
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_cms_pages_theme:add"),
        {"name": "Cyber security", "slug": "cyber-security", "description": "Keeping data safe."},
    )
    assert response.status_code == 302
    theme = Theme.objects.get(slug="cyber-security")
    assert ModelLogEntry.objects.filter(
        object_id=str(theme.pk), action="wagtail.create", user=editor
    ).exists()

    duplicate = client.post(
        reverse("wagtailsnippets_cms_pages_theme:add"),
        {"name": "Cyber security", "slug": "cyber-security-2", "description": ""},
    )
    assert duplicate.status_code == 200
    assert "already exists" in duplicate.content.decode()

    refused = client.post(reverse("wagtailsnippets_cms_pages_theme:delete", args=[theme.pk]))
    assert refused.status_code in (302, 403)
    assert Theme.objects.filter(pk=theme.pk).exists()

    client.force_login(UserFactory(role=roles.LGA_PUBLISHER))
    client.post(reverse("wagtailsnippets_cms_pages_theme:delete", args=[theme.pk]))
    assert not Theme.objects.filter(pk=theme.pk).exists()


def test_a_councillor_cannot_reach_the_themes(client, councillor):
    client.force_login(councillor)
    response = client.get(reverse("wagtailsnippets_cms_pages_theme:list"))
    assert response.status_code in (302, 403)
    assert "Cyber" not in response.content.decode()


def document(title, collection=None):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4 demo", name=f"{title.lower().replace(' ', '-')}.pdf"),
        collection=collection or Collection.get_first_root_node(),
    )


def members_only_collection():
    collection = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_a_members_only_module_cannot_offer_a_document_anyone_can_download(client, draft):
    checklist = document("Supplier checklist")
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    client.force_login(UserFactory(role=roles.LGA_EDITOR))
    offer = [("document", {"document": checklist.pk, "title": "", "description": ""})]

    response = client.post(url, edit_form(draft, body=offer, access="members"))

    assert response.status_code == 200
    assert "anyone can download “Supplier checklist”" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.body  # nothing saved

    checklist.collection = members_only_collection()
    checklist.save()
    response = client.post(url, edit_form(draft, body=offer, access="members"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().body[0].value["document"] == checklist


def test_a_document_anyone_can_download_is_refused_in_a_section_too(client, draft):
    checklist = document("Supplier checklist")
    client.force_login(UserFactory(role=roles.LGA_EDITOR))
    offer = [("document", {"document": checklist.pk, "title": "", "description": ""})]

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        edit_form(draft, section_body=offer, access="members"),
    )

    assert response.status_code == 200
    assert "anyone can download “Supplier checklist”" in response.content.decode()


def test_document_links_in_text_count_as_documents_offered():
    from wagtail.rich_text import RichText

    from cms_pages.blocks import document_ids_in

    text = RichText(
        '<p>See <a id="7" linktype="document">the checklist</a> and <a href="/x">x</a></p>'
    )
    assert document_ids_in(text) == {7}
