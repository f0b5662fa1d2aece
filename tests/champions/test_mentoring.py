"""Mentoring from a member's request to both sides' feedback, through the pages the pair
use: what each sees, the emails each is sent (once, without the meeting log), the audit
trail, and the messages bad input gets."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions import services
from champions.models import Feedback, Meeting, Mentoring
from cms_pages.models import Theme
from tests.factories import (
    UserFactory,
    champion,
    committed,
    mentoring_request,
    mentoring_under_way,
)

pytestmark = pytest.mark.django_db
Status = Mentoring.Status


def page(pk):
    return reverse("champions:mentoring", args=[pk])


def post_as(client, person, path, data):
    client.force_login(person)
    with committed():
        return client.post(path, data)


def test_a_member_asks_a_champion_and_the_champion_is_emailed(client):
    data_theme = Theme.objects.get(slug="data")
    the_champion = champion(themes=[data_theme])
    mentee = UserFactory(full_name="Sam Okafor", job_title="Head of transformation")
    client.force_login(mentee)

    form = client.get(reverse("champions:ask", args=[the_champion.slug]))
    assert form.status_code == 200
    response = post_as(
        client,
        mentee,
        reverse("champions:ask", args=[the_champion.slug]),
        {"topic": "A data strategy", "goals": "A strategy the cabinet adopts.", "themes": ["data"]},
    )

    mentoring = Mentoring.objects.get()
    assert response.status_code == 302
    assert response.url == page(mentoring.pk)
    assert mentoring.status == Status.REQUESTED
    assert list(mentoring.themes.all()) == [data_theme]
    [email] = mail.outbox
    assert email.to == [the_champion.person.email]
    assert "Sam Okafor" in email.subject
    assert "A strategy the cabinet adopts." in email.body
    assert page(mentoring.pk) in email.body
    assert ModelLogEntry.objects.filter(action="champions.mentoring.request", user=mentee).exists()
    shown = client.get(response.url).content.decode()
    assert "Waiting for the champion" in shown
    assert "Withdraw the request" in shown
    assert 'content="noindex, nofollow"' in shown


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"topic": "", "goals": "x"}, "Say what you would like help with."),
        ({"topic": "x", "goals": ""}, "Say what you want to achieve."),
        (
            {"topic": "x" * 151, "goals": "x"},
            "What you would like help with must be 150 characters or fewer.",
        ),
        ({"topic": "x", "goals": "x", "themes": ["no-such-theme"]}, "Choose themes from the list."),
    ],
)
def test_a_request_with_bad_input_is_refused_with_a_message(client, data, message):
    the_champion = champion(themes=[Theme.objects.get(slug="data")])
    client.force_login(UserFactory())

    response = client.post(reverse("champions:ask", args=[the_champion.slug]), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not Mentoring.objects.exists()


def test_asking_twice_goes_to_the_request_already_made(client):
    the_champion = champion()
    request = mentoring_request(the_champion)
    client.force_login(request.mentee)

    response = client.get(reverse("champions:ask", args=[the_champion.slug]))

    assert response.status_code == 302
    assert response.url == page(request.pk)


def test_a_champion_cannot_ask_themselves(client):
    the_champion = champion()
    client.force_login(the_champion.person)

    response = client.post(
        reverse("champions:ask", args=[the_champion.slug]), {"topic": "x", "goals": "y"}
    )

    assert response.status_code == 200
    assert "You cannot ask yourself" in response.content.decode()
    assert not Mentoring.objects.exists()


def test_asking_needs_signing_in(client):
    the_champion = champion()

    response = client.get(reverse("champions:ask", args=[the_champion.slug]))

    assert response.status_code == 302
    assert reverse("account:sign-in") in response.url


def test_the_champion_accepts_and_the_mentee_is_emailed_once(client):
    request = mentoring_request(champion())
    mail.outbox.clear()

    response = post_as(
        client,
        request.champion.person,
        page(request.pk),
        {"action": "answer", "answer-answer": "accept", "answer-note": "Tuesdays suit me."},
    )
    # A second click on a stale page changes nothing and sends nothing more.
    again = post_as(
        client,
        request.champion.person,
        page(request.pk),
        {"action": "answer", "answer-answer": "accept"},
    )

    request.refresh_from_db()
    assert response.status_code == 302
    assert request.status == Status.ACTIVE
    assert request.answer_note == "Tuesdays suit me."
    [email] = mail.outbox
    assert email.to == [request.mentee.email]
    assert "Tuesdays suit me." in email.body
    assert again.status_code == 302
    assert "moved on since you opened the page" in client.get(again.url).content.decode()


def test_the_answer_form_refuses_no_choice(client):
    request = mentoring_request(champion())

    response = post_as(client, request.champion.person, page(request.pk), {"action": "answer"})

    assert response.status_code == 200
    assert "Choose whether you will mentor them." in response.content.decode()
    request.refresh_from_db()
    assert request.status == Status.REQUESTED


def test_a_declined_mentee_is_pointed_to_other_champions(client):
    data_theme = Theme.objects.get(slug="data")
    asked = champion(themes=[data_theme])
    other = champion(themes=[data_theme], person=UserFactory(full_name="Priya Shah"))
    request = mentoring_request(asked)
    mail.outbox.clear()

    post_as(
        client,
        asked.person,
        page(request.pk),
        {"action": "answer", "answer-answer": "decline", "answer-note": "Too busy this term."},
    )

    request.refresh_from_db()
    assert request.status == Status.DECLINED
    [email] = mail.outbox
    assert email.to == [request.mentee.email]
    assert "Too busy this term." in email.body
    client.force_login(request.mentee)
    shown = client.get(page(request.pk)).content.decode()
    assert "Other champions who could help" in shown
    assert "Priya Shah" in shown
    assert reverse("champions:profile", args=[other.slug]) in shown


def test_the_mentee_withdraws_and_the_champion_is_told(client):
    request = mentoring_request(champion())
    mail.outbox.clear()

    response = post_as(client, request.mentee, page(request.pk), {"action": "withdraw"})

    request.refresh_from_db()
    assert response.status_code == 302
    assert request.status == Status.WITHDRAWN
    [email] = mail.outbox
    assert email.to == [request.champion.person.email]


def test_both_log_meetings_then_one_finishes_and_both_give_feedback(client):
    mentoring = mentoring_under_way(champion())
    mentee, champ = mentoring.mentee, mentoring.champion.person
    today = timezone.localdate()
    met = today
    mail.outbox.clear()

    for person, summary in ((mentee, "Mapped the data we hold."), (champ, "Agreed a sponsor.")):
        response = post_as(
            client,
            person,
            page(mentoring.pk),
            {
                "action": "meeting",
                "meeting-met_on-day": met.day,
                "meeting-met_on-month": met.month,
                "meeting-met_on-year": met.year,
                "meeting-summary": summary,
                "meeting-next_steps": "Draft the case.",
            },
        )
        assert response.status_code == 302
    assert Meeting.objects.filter(mentoring=mentoring).count() == 2
    assert not mail.outbox  # the log is never emailed

    response = post_as(
        client,
        mentee,
        page(mentoring.pk),
        {"action": "close", "close-usefulness": "very", "close-comment": "Exactly what I needed."},
    )
    mentoring.refresh_from_db()
    assert response.status_code == 302
    assert mentoring.status == Status.CLOSED
    assert mentoring.closed_by == mentee
    [email] = mail.outbox
    assert email.to == [champ.email]
    assert "Mapped the data we hold." not in email.body
    assert "Agreed a sponsor." not in email.body

    client.force_login(champ)
    shown = client.get(page(mentoring.pk)).content.decode()
    assert "Exactly what I needed." in shown
    assert "Send your feedback" in shown
    post_as(
        client, champ, page(mentoring.pk), {"action": "feedback", "feedback-usefulness": "quite"}
    )
    assert Feedback.objects.filter(mentoring=mentoring).count() == 2
    shown = client.get(page(mentoring.pk)).content.decode()
    assert "Send your feedback" not in shown
    assert "Quite useful" in shown
    assert ModelLogEntry.objects.filter(action="champions.mentoring.close", user=mentee).exists()
    assert ModelLogEntry.objects.filter(action="champions.mentoring.feedback", user=champ).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"meeting-summary": "x"}, "Enter the date of the meeting"),
        (
            {
                "meeting-met_on-day": "31",
                "meeting-met_on-month": "2",
                "meeting-met_on-year": "2027",
                "meeting-summary": "x",
            },
            "must be a real date",
        ),
        (
            {
                "meeting-met_on-day": "1",
                "meeting-met_on-month": "1",
                "meeting-met_on-year": "2099",
                "meeting-summary": "x",
            },
            "cannot be in the future",
        ),
        (
            {"meeting-met_on-day": "1", "meeting-met_on-month": "1", "meeting-met_on-year": "2020"},
            "Say what you talked about.",
        ),
    ],
)
def test_a_meeting_with_bad_input_is_refused_with_a_message(client, data, message):
    mentoring = mentoring_under_way(champion())

    response = post_as(client, mentoring.mentee, page(mentoring.pk), {"action": "meeting", **data})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_meeting_logged_after_the_other_finished_gives_back_what_was_typed(client):
    mentoring = mentoring_under_way(champion())
    with committed():
        services.close(mentoring=mentoring, by=mentoring.champion.person, usefulness="very")
    today = timezone.localdate()

    response = post_as(
        client,
        mentoring.mentee,
        page(mentoring.pk),
        {
            "action": "meeting",
            "meeting-met_on-day": today.day,
            "meeting-met_on-month": today.month,
            "meeting-met_on-year": today.year,
            "meeting-summary": "Our notes from Tuesday's call.",
        },
    )

    shown = response.content.decode()
    assert response.status_code == 200
    assert "Meetings can be logged only while the mentoring is under way." in shown
    assert "Our notes from Tuesday&#x27;s call." in shown
    assert "What you wrote was not saved." in shown
    assert not Meeting.objects.exists()


def test_feedback_is_given_once(client):
    mentoring = mentoring_under_way(champion())
    with committed():
        services.close(mentoring=mentoring, by=mentoring.mentee, usefulness="very")

    response = post_as(
        client,
        mentoring.mentee,
        page(mentoring.pk),
        {"action": "feedback", "feedback-usefulness": "not"},
    )

    assert response.status_code == 302
    assert "You have already given your feedback." in client.get(response.url).content.decode()
    assert Feedback.objects.get(mentoring=mentoring).usefulness == "very"


def test_my_mentoring_lists_requests_both_ways(client):
    the_champion = champion(UserFactory(full_name="Chris Champion"))
    asked_of_me = mentoring_request(
        the_champion, UserFactory(full_name="Mo Mentee"), topic="Asked of the champion"
    )
    other = champion(UserFactory(full_name="Olu Other"))
    asked_by_me = mentoring_request(other, the_champion.person, topic="Asked by the champion")
    client.force_login(the_champion.person)

    shown = client.get(reverse("champions:my-mentoring")).content.decode()

    assert "Asked of the champion" in shown
    assert "Asked by the champion" in shown
    assert page(asked_of_me.pk) in shown
    assert page(asked_by_me.pk) in shown
    # Each table names the other person: the mentee who asked, the champion asked.
    assert "Mo Mentee" in shown
    assert "Olu Other" in shown
    assert "Chris Champion" not in shown.split("</header>")[1].split("<h1")[1]


def test_my_mentoring_has_an_empty_state(client):
    client.force_login(UserFactory())

    shown = client.get(reverse("champions:my-mentoring")).content.decode()

    assert reverse("champions:find-mentor") in shown
