"""The peer challenge's reference data: the five core elements, and digital questions whose
every edit is kept as a version that never changes, so that editing the bank never rewrites
what a past review asked."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from academy import roles
from cms_pages.models import Theme
from peer_review import services
from peer_review.models import CoreElement, Question, QuestionVersion
from tests.factories import UserFactory, case_study, champion, lga_administrator

pytestmark = pytest.mark.django_db

FIVE = [
    "Local priorities and outcomes",
    "Organisational and place leadership",
    "Governance and culture",
    "Financial planning and management",
    "Capacity for improvement",
]


def element(slug="organisational-and-place-leadership"):
    return CoreElement.objects.get(slug=slug)


def question(by, **fields):
    fields.setdefault("code", "d-leadership-1")
    fields.setdefault("core_element", element())
    fields.setdefault("text", "Who leads digital change, and how do they share the vision?")
    fields.setdefault("prompts", "Who owns the digital strategy?\nHow do members take part?")
    fields.setdefault("good_looks_like", "A named leader and a strategy people can repeat.")
    signposts = fields.pop("signposts", None)
    return services.save_question(question=Question(**fields), by=by, signposts=signposts)


def test_every_challenge_covers_the_five_core_elements_in_order():
    assert [e.name for e in CoreElement.objects.all()] == FIVE


def test_a_new_question_is_version_one():
    admin = lga_administrator()
    made = question(admin, signposts={"themes": [Theme.objects.get(slug="leadership")]})

    [version] = made.versions.all()
    assert version.number == 1
    assert version.text == made.text
    assert version.prompt_list == ["Who owns the digital strategy?", "How do members take part?"]
    assert [t.slug for t in version.themes.all()] == ["leadership"]
    assert version.created_by == admin


def test_editing_a_question_leaves_the_version_a_past_review_asked_unchanged():
    admin = lga_administrator()
    study = case_study(title="A shared digital vision in Kent")
    made = question(admin, signposts={"case_studies": [study]})
    asked = made.current  # what a review scoped today records

    made.text = "How does the leadership team own digital change?"
    made.core_element = element("governance-and-culture")
    services.save_question(question=made, by=admin, signposts={"case_studies": []})

    asked.refresh_from_db()
    assert asked.number == 1
    assert asked.text == "Who leads digital change, and how do they share the vision?"
    assert asked.core_element.slug == "organisational-and-place-leadership"
    assert list(asked.case_studies.all()) == [study]
    now = made.current
    assert now.number == 2
    assert now.text == "How does the leadership team own digital change?"
    assert not now.case_studies.exists()
    assert ModelLogEntry.objects.filter(action="peer_review.question.version").count() == 2


def test_saving_without_a_change_to_what_is_asked_makes_no_version():
    admin = lga_administrator()
    made = question(admin)

    made.is_active = False  # retiring it changes nothing a review asked
    services.save_question(question=made, by=admin)

    assert made.versions.count() == 1


def test_the_same_words_sent_by_a_browser_make_no_version(client):
    admin = lga_administrator()
    made = question(admin)
    client.force_login(admin)

    response = client.post(
        f"/admin/digital_question/edit/{made.pk}/",
        {
            "code": made.code,
            "core_element": made.core_element_id,
            "text": made.text,
            "prompts": made.prompts.replace("\n", "\r\n"),
            "good_looks_like": made.good_looks_like,
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert made.versions.count() == 1


def test_a_new_signpost_alone_makes_a_version():
    admin = lga_administrator()
    made = question(admin)

    services.save_question(question=made, by=admin, signposts={"champions": [champion()]})

    assert [v.number for v in made.versions.all()] == [2, 1]
    assert not made.versions.get(number=1).champions.exists()


def test_a_version_cannot_be_changed_once_written():
    version = question(lga_administrator()).current
    version.text = "Rewritten history"

    with pytest.raises(ValidationError):
        version.save()
    assert QuestionVersion.objects.get(pk=version.pk).text != "Rewritten history"


def admin_form(**changes):
    data = {
        "code": "d-data-1",
        "core_element": element("capacity-for-improvement").pk,
        "text": "How does the council use data to decide where to act?",
        "prompts": "Show us a decision data changed.",
        "good_looks_like": "Decisions cite the data; the data is owned and trusted.",
        "themes": [Theme.objects.get(slug="data").pk],
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_an_administrator_adds_and_edits_a_question_in_the_admin(client):
    admin = lga_administrator()
    client.force_login(admin)

    assert client.get("/admin/digital_question/").status_code == 200
    added = client.post("/admin/digital_question/new/", admin_form())
    assert added.status_code == 302, added.content.decode()[:2000]
    made = Question.objects.get(code="d-data-1")
    assert made.current.number == 1
    assert [t.slug for t in made.current.themes.all()] == ["data"]

    edited = client.post(
        f"/admin/digital_question/edit/{made.pk}/",
        admin_form(text="How does data shape where the council acts first?"),
    )

    assert edited.status_code == 302, edited.content.decode()[:2000]
    assert [v.text for v in made.versions.all()] == [
        "How does data shape where the council acts first?",
        "How does the council use data to decide where to act?",
    ]
    assert made.current.created_by == admin


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text": ""}, "This field is required."),
        ({"code": "not a slug!"}, "Enter a valid “slug”"),
        ({"core_element": "999999"}, "Select a valid choice."),
        ({"text": "x" * 501}, "Ensure this value has at most 500 characters"),
    ],
)
def test_the_admin_refuses_a_bad_question_with_a_message(client, changes, message):
    client.force_login(lga_administrator())

    response = client.post("/admin/digital_question/new/", admin_form(**changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists()
    assert not QuestionVersion.objects.exists()


def test_only_lga_administrators_keep_the_bank(client):
    client.force_login(UserFactory(role=roles.LGA_EDITOR))

    assert client.get("/admin/digital_question/").status_code in (302, 403)
