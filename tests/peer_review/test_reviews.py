"""A review's lifecycle and the rules each stage keeps: who may take part, what must be done
before the review moves on, the position statement, findings that signpost good practice,
factual corrections only, publication and the action plan. Each change is audited."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from academy.models import Organisation
from peer_review import exceptions, services
from peer_review.models import Correction, Finding, Participant, Review
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    case_study,
    committed,
    digital_question,
    lga_administrator,
    peer_review_at,
    peer_reviewer,
)

pytestmark = pytest.mark.django_db
Stage, Role = Review.Stage, Participant.Role


def actions_logged(review):
    return list(
        ModelLogEntry.objects.filter(object_id=str(review.pk)).values_list("action", "user_id")
    )


# --- Setting up ------------------------------------------------------------------------------


def test_only_lga_staff_who_run_reviews_set_one_up_and_only_of_a_council():
    today = timezone.localdate()
    police = OrganisationFactory(kind=Organisation.Kind.POLICE)
    with pytest.raises(exceptions.NotAllowed):
        services.create_review(
            council=OrganisationFactory(),
            on_site_starts=today,
            on_site_ends=today,
            by=UserFactory(),
        )
    with pytest.raises(exceptions.Refused, match="only councils"):
        services.create_review(
            council=police, on_site_starts=today, on_site_ends=today, by=lga_administrator()
        )
    with pytest.raises(exceptions.Refused, match="same as or after"):
        services.create_review(
            council=OrganisationFactory(),
            on_site_starts=today,
            on_site_ends=today - timedelta(days=1),
            by=lga_administrator(),
        )


def test_peers_come_from_elsewhere_and_contacts_from_the_council():
    made = peer_review_at("scoping")
    review, manager = made.review, made.manager
    with pytest.raises(exceptions.Refused, match="Peers come from other councils"):
        services.add_participant(
            review=review,
            person=UserFactory(organisation=review.council),
            role=Role.OFFICER_PEER,
            by=manager,
        )
    with pytest.raises(exceptions.Refused, match="must work for"):
        services.add_participant(
            review=review, person=peer_reviewer(), role=Role.COUNCIL_CONTACT, by=manager
        )
    with pytest.raises(exceptions.Refused, match="lead peer already"):
        services.add_participant(
            review=review, person=peer_reviewer(), role=Role.LEAD_PEER, by=manager
        )
    with pytest.raises(exceptions.Refused, match="political group"):
        services.add_participant(
            review=review, person=peer_reviewer(), role=Role.MEMBER_PEER, by=manager
        )
    with pytest.raises(exceptions.NotAllowed):
        services.add_participant(
            review=review, person=peer_reviewer(), role=Role.OFFICER_PEER, by=made.lead
        )
    only_manager = review.participants.get(role=Role.MANAGER)
    with pytest.raises(exceptions.Refused, match="needs an LGA peer challenge manager"):
        services.remove_participant(participant=only_manager, by=manager)


def test_a_review_moves_on_only_when_its_stage_is_done():
    manager = lga_administrator()
    council = OrganisationFactory(kind=Organisation.Kind.COUNTY_COUNCIL)
    starts = timezone.localdate() + timedelta(days=30)
    review = services.create_review(
        council=council, on_site_starts=starts, on_site_ends=starts, by=manager
    )
    with pytest.raises(exceptions.NotYetReady, match="Pick at least one digital question"):
        services.advance(review=review, by=manager)
    services.pick_questions(review=review, questions=[digital_question()], by=manager)
    with pytest.raises(exceptions.NotYetReady, match="lead peer"):
        services.advance(review=review, by=manager)
    services.add_participant(review=review, person=peer_reviewer(), role=Role.LEAD_PEER, by=manager)
    with pytest.raises(exceptions.NotYetReady, match="nominated contact"):
        services.advance(review=review, by=manager)
    contact = UserFactory(organisation=council)
    services.add_participant(review=review, person=contact, role=Role.COUNCIL_CONTACT, by=manager)
    with committed():
        services.advance(review=review, by=manager)
    review.refresh_from_db()
    assert review.stage == Stage.POSITION_STATEMENT
    # The contact is asked for the position statement, once.
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([contact.email], "Your position statement for Corporate peer challenge, please")
    ]
    with pytest.raises(exceptions.NotYetReady, match="position statement"):
        services.advance(review=review, by=manager)
    assert ("peer_review.review.stage", manager.pk) in actions_logged(review)


# --- The position statement ------------------------------------------------------------------


def test_a_submission_with_an_answer_missing_is_refused_and_keeps_the_draft(client):
    made = peer_review_at("position-statement")
    first, second = made.asked
    client.force_login(made.contact)
    url = reverse("peer_review:statement", args=[made.review.pk])

    response = client.post(
        url,
        {"action": "submit", "overview": "Where we are.", f"answer_{first.pk}": "A digital board."},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Answer every question before you submit: 1 is not answered yet." in page
    assert "A digital board." in page  # what they typed is on the form again
    first.refresh_from_db()
    assert first.answer == "A digital board."  # and saved as a draft
    made.review.refresh_from_db()
    assert made.review.statement_submitted_at is None
    # The team cannot read the draft.
    client.force_login(made.lead)
    assert client.get(url).status_code == 404

    client.force_login(made.contact)
    too_long = "x" * 6001
    response = client.post(url, {"action": "save", f"answer_{second.pk}": too_long})
    assert "must be 6,000 characters or fewer" in response.content.decode()
    response = client.post(
        url,
        {
            "action": "submit",
            f"answer_{first.pk}": "A digital board.",
            f"answer_{second.pk}": "IT.",
        },
    )
    assert response.status_code == 302
    client.force_login(made.lead)
    assert "A digital board." in client.get(url).content.decode()


# --- Findings --------------------------------------------------------------------------------


def test_a_recommendation_signposts_good_practice(client):
    made = peer_review_at("on-site")
    practice = case_study(title="Cornwall's digital board", themes=("leadership",))
    client.force_login(made.officer)
    url = reverse("peer_review:new-finding", args=[made.review.pk])
    asked = made.asked[0]

    refused = client.post(
        f"{url}?question={asked.pk}", {"kind": "recommendation", "text": "Set up a board."}
    )
    assert (
        "Signpost at least one piece of good practice for a recommendation."
        in refused.content.decode()
    )
    assert not Finding.objects.exists()

    # The good-practice selector finds it by a search from the form, which keeps what was
    # written and saves nothing.
    searched = client.post(
        f"{url}?question={asked.pk}",
        {
            "kind": "recommendation",
            "text": "Set up a board.",
            "practice": "digital board",
            "search": "search",
        },
    )
    body = searched.content.decode()
    assert "Cornwall&#x27;s digital board" in body
    assert "Set up a board.</textarea>" in body
    assert 'value="recommendation" checked' in body
    assert "There is a problem" not in body
    assert not Finding.objects.exists()
    saved = client.post(
        f"{url}?question={asked.pk}",
        {"kind": "recommendation", "text": "Set up a board.", "signposts": [practice.pk]},
    )
    assert saved.status_code == 302
    finding = Finding.objects.get()
    assert finding.core_element == asked.version.core_element
    assert list(finding.signposts.all()) == [practice]
    assert finding.recorded_by == made.officer
    assert ("peer_review.finding.add", made.officer.pk) in actions_logged(made.review)

    bogus = client.post(
        f"{url}?question={asked.pk}", {"kind": "verdict", "text": "x", "signposts": ["999999"]}
    )
    page = bogus.content.decode()
    assert "Choose whether it is a strength, an area to explore or a recommendation." in page
    assert "Choose good practice from the list." in page


def test_findings_are_closed_once_the_report_is_being_written():
    made = peer_review_at("report")
    with pytest.raises(exceptions.NotAllowed):
        services.record_finding(
            review=made.review,
            by=made.lead,
            kind=Finding.Kind.STRENGTH,
            text="Late.",
            asked=made.asked[0],
        )


# --- The report: factual corrections only ----------------------------------------------------


def test_the_council_corrects_facts_and_the_manager_decides():
    made = peer_review_at("report", report="sent")
    finding = made.strength
    with committed():
        correction = services.raise_correction(
            finding=finding,
            by=made.contact,
            reason="Our chief executive has led digital since 2019, not 2021.",
            proposed_text="A chief executive who has spoken for digital since 2019.",
        )
    assert mail.outbox[-1].to == [made.manager.email]
    assert "factual correction" in mail.outbox[-1].subject
    # The council cannot agree while a correction waits, nor change a finding itself.
    with pytest.raises(exceptions.Refused, match="not decided every correction"):
        services.agree_report(review=made.review, by=made.contact)
    with pytest.raises(exceptions.NotAllowed):
        services.change_finding(finding=finding, by=made.contact, kind="strength", text="Ours.")
    with pytest.raises(exceptions.NotAllowed):
        services.decide_correction(correction=correction, by=made.contact, accept=True)

    services.decide_correction(correction=correction, by=made.manager, accept=True)
    finding.refresh_from_db()
    assert finding.text == "A chief executive who has spoken for digital since 2019."
    assert finding.kind == Finding.Kind.STRENGTH  # a correction never changes a judgement
    with pytest.raises(exceptions.Refused, match="decided already"):
        services.decide_correction(correction=correction, by=made.manager, accept=False)

    second = services.raise_correction(
        finding=made.recommendation,
        by=made.contact,
        reason="We do not need a board.",
        proposed_text="Carry on as now.",
    )
    with pytest.raises(exceptions.Refused, match="Say why"):
        services.decide_correction(correction=second, by=made.manager, accept=False)
    services.decide_correction(
        correction=second, by=made.manager, accept=False, response="A judgement, not a fact."
    )
    made.recommendation.refresh_from_db()
    assert made.recommendation.text == "Set up a board that owns digital strategy and investment."
    assert Correction.objects.filter(status=Correction.Status.DECLINED).count() == 1

    services.agree_report(review=made.review, by=made.contact)
    with committed():
        services.publish(review=made.review, by=made.manager)
    made.review.refresh_from_db()
    assert made.review.stage == Stage.ACTION_PLAN
    assert made.review.published_by == made.manager
    published = [m for m in mail.outbox if "is published" in m.subject]
    assert sorted(m.to[0] for m in published) == sorted(
        p.email for p in (made.manager, made.lead, made.member, made.officer, made.contact)
    )
    logged = actions_logged(made.review)
    assert ("peer_review.correction.decide", made.manager.pk) in logged
    assert ("peer_review.report.agree", made.contact.pk) in logged
    assert ("peer_review.report.publish", made.manager.pk) in logged


def test_a_report_is_published_only_once_the_council_agrees():
    made = peer_review_at("report", report="sent")
    with pytest.raises(exceptions.NotAllowed):
        services.publish(review=made.review, by=made.manager)


def test_correction_forms_refuse_bad_input(client):
    made = peer_review_at("report", report="sent")
    client.force_login(made.contact)
    url = reverse("peer_review:correct", args=[made.review.pk, made.strength.pk])
    response = client.post(url, {"reason": "", "proposed_text": made.strength.text})
    page = response.content.decode()
    assert "Say what is factually wrong." in page
    response = client.post(url, {"reason": "Wrong year.", "proposed_text": made.strength.text})
    assert "The corrected wording is the same as the report&#x27;s." in response.content.decode()
    assert not Correction.objects.exists()


# --- The action plan and the progress review -------------------------------------------------


def test_the_action_plan_answers_recommendations_and_refuses_bad_dates(client):
    made = peer_review_at("action-plan")
    client.force_login(made.contact)
    url = reverse("peer_review:action-plan", args=[made.review.pk])
    past = made.review.on_site_ends - timedelta(days=1)

    response = client.post(
        url,
        {
            "text": "Appoint a data lead.",
            "owner": "",
            "due_on-day": "31",
            "due_on-month": "2",
            "due_on-year": "2027",
            "status": "planned",
        },
    )
    page = response.content.decode()
    assert "Enter who owns the action." in page
    assert "Appoint a data lead." in page
    response = client.post(
        url,
        {
            "text": "Appoint a data lead.",
            "owner": "Director of Digital",
            "due_on-day": past.day,
            "due_on-month": past.month,
            "due_on-year": past.year,
            "status": "planned",
            "recommendation": made.recommendation.pk,
        },
    )
    assert "must be after the visit" in response.content.decode()
    with pytest.raises(exceptions.Refused, match="at least one action"):
        services.submit_action_plan(review=made.review, by=made.contact)
    with pytest.raises(exceptions.NotYetReady, match="action plan"):
        services.advance(review=made.review, by=made.manager)


def test_the_progress_review_completes_the_review():
    made = peer_review_at("progress-review")
    review = made.review
    with pytest.raises(exceptions.Refused, match="once it has been held"):
        services.record_progress_review(
            review=review,
            by=made.manager,
            held_on=timezone.localdate() + timedelta(days=1),
            notes="Early.",
        )
    services.record_progress_review(
        review=review, by=made.manager, held_on=timezone.localdate(), notes="Good progress."
    )
    services.advance(review=review, by=made.manager)
    review.refresh_from_db()
    assert review.stage == Stage.COMPLETED
    with pytest.raises(exceptions.NotAllowed):
        services.advance(review=review, by=made.manager)
