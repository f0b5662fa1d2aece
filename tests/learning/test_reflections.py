"""Reflections: a learner's private answers to a module's questions."""

import pytest

from learning import services
from learning.exceptions import QuestionGone, ReflectionTooLong
from learning.models import Reflection, SectionCompletion
from tests.factories import UserFactory, module, programme_of_modules, reflect

pytestmark = pytest.mark.django_db

QUESTION = "Which service would residents most like to use online?"


@pytest.fixture
def page():
    return module(
        programme_of_modules(),
        access="members",
        sections=2,
        section_body=[("rich_text", "<p>Read this first.</p>"), reflect(QUESTION, "Think.")],
    )


def prompt_of(section):
    return next(block.id for block in section.body if block.block_type == "reflect")


def save(client, page, text, number=1, action=None):
    section = page.sections.all()[number - 1]
    prompt = prompt_of(section)
    return client.post(
        f"{page.url}sections/{number}/",
        {
            "section": section.pk,
            "action": action or f"reflect:{prompt}",
            f"reflect-{prompt[:8]}-text": text,
        },
    )


def test_a_learner_saves_a_reflection_and_finds_it_again(client, page, councillor):
    client.force_login(councillor)

    response = save(client, page, "Council tax and bins, from what residents phone about.")

    section = page.sections.first()
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}sections/1/#reflect-{prompt_of(section)}"
    body = client.get(f"{page.url}sections/1/").content.decode()
    assert "Your reflection has been saved. Only you can read it." in body
    assert "Council tax and bins, from what residents phone about." in body
    overview = client.get(page.url).content.decode()
    assert "Your reflections" in overview and QUESTION in overview
    reflection = Reflection.objects.get()
    assert reflection.question == QUESTION and reflection.section == section


def test_another_learner_never_sees_someone_elses_reflection(client, page, councillor):
    services.save_reflection(
        person=councillor,
        section=page.sections.first(),
        prompt_id=prompt_of(page.sections.first()),
        text="PRIVATE-REFLECTION-CANARY",
    )
    client.force_login(UserFactory())

    for url in [page.url, f"{page.url}sections/1/", "/learning/"]:
        assert "PRIVATE-REFLECTION-CANARY" not in client.get(url).content.decode(), url


def test_saving_again_replaces_the_answer_and_an_empty_answer_removes_it(page, councillor):
    section = page.sections.first()
    prompt = prompt_of(section)

    services.save_reflection(person=councillor, section=section, prompt_id=prompt, text="One")
    services.save_reflection(person=councillor, section=section, prompt_id=prompt, text="Two")
    assert list(Reflection.objects.values_list("text", flat=True)) == ["Two"]

    assert (
        services.save_reflection(person=councillor, section=section, prompt_id=prompt, text="  ")
        is None
    )
    assert not Reflection.objects.exists()


def test_a_reflection_that_is_too_long_is_refused_with_a_message_and_kept(client, page, councillor):
    client.force_login(councillor)
    text = "x" * 5001

    response = save(client, page, text)

    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Your reflection must be 5,000 characters or fewer. It has 5001." in body
    assert text in body  # what they wrote is still in the box
    assert "<title>Error: " in body
    assert not Reflection.objects.exists()


def test_the_service_refuses_an_overlong_reflection_too(page, councillor):
    section = page.sections.first()

    with pytest.raises(ReflectionTooLong):
        services.save_reflection(
            person=councillor, section=section, prompt_id=prompt_of(section), text="x" * 5001
        )


def test_a_question_that_is_not_in_the_section_is_refused(page, councillor):
    with pytest.raises(QuestionGone):
        services.save_reflection(
            person=councillor, section=page.sections.first(), prompt_id="made-up", text="Hi"
        )
    assert not Reflection.objects.exists()


def test_an_answer_to_a_question_changed_meanwhile_is_shown_back_not_lost(client, page, councillor):
    client.force_login(councillor)
    section = page.sections.first()

    response = client.post(
        f"{page.url}sections/1/",
        {"section": section.pk, "action": "complete", "reflect-0ld1d000-text": "My long answer."},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "questions have changed since you opened the page" in body
    assert "My long answer." in body
    assert not Reflection.objects.exists()
    assert not SectionCompletion.objects.exists()  # not marked done while something is unsaved


def test_marking_a_section_done_saves_what_was_typed_in_its_questions(client, page, councillor):
    client.force_login(councillor)

    response = save(client, page, "Typed, then pressed Mark as done.", action="complete")

    assert response.status_code == 302
    assert Reflection.objects.get().text == "Typed, then pressed Mark as done."
    assert SectionCompletion.objects.filter(section=page.sections.first()).exists()


def test_an_answer_over_the_limit_stops_the_section_being_marked_done(client, page, councillor):
    client.force_login(councillor)

    response = save(client, page, "x" * 5001, action="complete")

    assert response.status_code == 200
    assert "x" * 5001 in response.content.decode()
    assert not SectionCompletion.objects.exists()


def test_a_post_from_a_page_opened_before_the_sections_moved_changes_nothing(
    client, page, councillor
):
    client.force_login(councillor)
    second = page.sections.all()[1]

    response = client.post(f"{page.url}sections/1/", {"section": second.pk, "action": "complete"})

    assert response.status_code == 302
    assert not SectionCompletion.objects.exists()
    body = client.get(response["Location"]).content.decode()
    assert "sections have changed since you opened the page" in body


def test_anonymous_visitors_cannot_write_reflections(client):
    public = module(programme_of_modules(), access="public", section_body=[reflect(QUESTION)])

    response = save(client, public, "Hello")

    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")
    assert not Reflection.objects.exists()


def test_an_unknown_action_changes_nothing(client, page, councillor):
    client.force_login(councillor)

    response = client.post(
        f"{page.url}sections/1/",
        {"section": page.sections.first().pk, "action": "delete-everything"},
    )

    assert response.status_code == 302
    assert not Reflection.objects.exists()


def test_pages_with_a_learners_own_answers_are_kept_out_of_shared_caches(client, page, councillor):
    client.force_login(councillor)
    save(client, page, "Mine alone.")

    for url in [page.url, f"{page.url}sections/1/", "/learning/"]:
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url
