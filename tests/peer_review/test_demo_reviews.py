"""The demo's four peer challenges, one at each point of a review's year, loaded on top of the
demo's organisations and people and the good practice their findings signpost (made here by
slug, quicker than the whole good-practice demo, which `test_demo` loads)."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from academy import demo, roles
from academy.demo_good_practice import PRACTICE
from academy.demo_peer_review import CONTACTS, MANAGER, REVIEWS, load_peer_review
from academy.models import User
from peer_review.models import Action, Correction, Finding, Notification, Participant, Review
from peer_review.selectors import published_reports, review_for, reviews_of, reviews_visible_to
from tests.factories import case_study, practice_database
from tests.loading import loaded_for_module

# In one test process, so the demo this module loads once is loaded once (tests/loading.py).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-reviews")]

Stage, Role, Kind = Review.Stage, Participant.Role, Finding.Kind
TITLES = {spec.slug: spec.title for spec in PRACTICE}


def load():
    admin = User.objects.get(email=demo.PEOPLE[0].email)
    load_peer_review(admin=admin)


def load_with_what_they_need():
    roles.sync_roles()
    demo._people(demo._organisations(demo._places()))
    index = practice_database()
    for slug in sorted({slug for spec in REVIEWS for f in spec.findings for slug in f.signposts}):
        case_study(slug=slug, title=TITLES[slug], index=index)
    load()


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    with loaded_for_module(django_db_blocker, tmp_path_factory, load_with_what_they_need):
        yield


@pytest.fixture
def reviews(_loaded, db):
    """The demo reviews by council, loaded once for this module."""
    return {review.council.name: review for review in Review.objects.select_related("council")}


def snapshot():
    """Every row of the tables the reviews and their people touch, as plain values."""
    labels = [
        "academy.User",
        "academy.Invitation",
        "wagtailcore.ModelLogEntry",
        *(
            f"peer_review.{model.__name__}"
            for model in apps.get_app_config("peer_review").get_models()
        ),
    ]
    tables = {}
    for label in labels:
        rows = apps.get_model(label)._default_manager.order_by("pk").values()
        tables[label] = [{k: v for k, v in row.items() if k != "last_login"} for row in rows]
    return tables


def test_the_reviews_signpost_demo_good_practice_never_the_councils_own():
    practice = {spec.slug: spec for spec in PRACTICE}
    for review in REVIEWS:
        for finding in review.findings:
            for slug in finding.signposts:
                assert slug in practice
                assert review.council not in {org.name for org in practice[slug].organisations}


def test_the_demo_has_four_councils_at_four_points_of_a_review(reviews):
    assert {name: review.stage for name, review in reviews.items()} == {
        "Salford City Council": Stage.SCOPING,
        "Medway Council": Stage.POSITION_STATEMENT,
        "Cornwall Council": Stage.REPORT,
        "London Borough of Camden": Stage.PROGRESS_REVIEW,
    }
    for review in reviews.values():
        asked = review.asked.select_related("version")
        assert 4 <= asked.count() <= 8
        assert len({one.version.core_element_id for one in asked}) >= 3
        roles_in = list(review.participants.values_list("role", flat=True))
        assert {Role.MANAGER, Role.LEAD_PEER, Role.MEMBER_PEER, Role.OFFICER_PEER} <= set(roles_in)
        assert 1 <= roles_in.count(Role.COUNCIL_CONTACT) <= 2
        for part in review.participants.select_related("person"):
            from_council = part.person.organisation_id == review.council_id
            assert from_council == (part.role == Role.COUNCIL_CONTACT)
        for member in review.participants.filter(role=Role.MEMBER_PEER).select_related("person"):
            assert member.political_group == member.person.political_group != ""
    # Nothing waits to be sent: the emails went out at the time.
    assert not Notification.objects.filter(sent_at=None, skipped_at=None).exists()


def test_the_visits_are_dated_from_the_day_the_demo_is_loaded(reviews):
    today = timezone.localdate()
    salford, medway = reviews["Salford City Council"], reviews["Medway Council"]
    cornwall, camden = reviews["Cornwall Council"], reviews["London Borough of Camden"]
    assert timedelta(weeks=5) < salford.on_site_starts - today < timedelta(weeks=7)
    assert timedelta(days=8) < medway.on_site_starts - today < timedelta(days=16)
    assert today < cornwall.report_due  # the report is not late yet
    assert camden.published_at.date() < camden.report_due
    assert camden.action_plan_submitted_at.date() < camden.action_plan_due
    for review in reviews.values():
        assert review.on_site_starts.weekday() == 1  # a Tuesday
        assert review.created_at.date() < today
        assert review.stage_changed_at.date() <= today


def test_the_scoped_review_has_its_team_and_questions_and_nothing_more(reviews):
    salford = reviews["Salford City Council"]
    assert salford.asked.exists()
    assert not salford.findings.exists()
    assert salford.statement_overview == ""


def test_the_position_statement_is_a_draft_the_council_has_half_answered(reviews):
    medway = reviews["Medway Council"]
    assert medway.statement_submitted_at is None
    assert medway.statement_overview
    answered = medway.asked.exclude(answer="")
    assert 0 < answered.count() < medway.asked.count()
    contacts = medway.participants.filter(role=Role.COUNCIL_CONTACT)
    writers = set(answered.values_list("answered_by", flat=True))
    assert writers == set(contacts.values_list("person", flat=True))  # both contacts drafted
    # It is the council's draft: the team does not see it yet.
    lead = medway.participants.get(role=Role.LEAD_PEER).person
    assert not review_for(viewer=lead, pk=medway.pk).sees_statement


def assert_findings_of_each_kind_signposting_their_questions_practice(review):
    findings = review.findings.select_related("asked__version").prefetch_related("signposts")
    kinds = {finding.kind for finding in findings}
    assert kinds == set(Kind.values)
    assert any(finding.asked_id is None for finding in findings)  # about an element as a whole
    for finding in findings:
        if finding.kind != Kind.RECOMMENDATION:
            continue
        signposts = set(finding.signposts.all())
        assert signposts
        assert finding.asked is not None
        assert signposts <= set(finding.asked.version.case_studies.all())


def test_the_report_with_the_council_has_findings_and_one_open_correction(reviews):
    cornwall = reviews["Cornwall Council"]
    assert cornwall.statement_submitted_at is not None
    assert cornwall.report_summary
    assert cornwall.report_sent_at is not None
    assert cornwall.report_agreed_at is None
    assert not cornwall.is_published
    assert_findings_of_each_kind_signposting_their_questions_practice(cornwall)
    [correction] = cornwall.corrections.all()
    assert correction.status == Correction.Status.OPEN
    assert correction.raised_by.organisation == cornwall.council
    assert correction.finding.text == correction.was_text  # still as the team wrote it
    contact = cornwall.participants.get(role=Role.COUNCIL_CONTACT).person
    access = review_for(viewer=contact, pk=cornwall.pk)
    assert access.corrects_report and access.sees_report


def test_the_published_review_has_its_action_plan_and_its_progress_review_to_come(reviews):
    camden = reviews["London Borough of Camden"]
    today = timezone.localdate()
    assert camden.is_published
    assert camden.action_plan_submitted_at is not None
    assert camden.progress_review_held_on is None
    due = camden.progress_review_due
    assert today + relativedelta(months=2) < due < today + relativedelta(months=4)
    assert_findings_of_each_kind_signposting_their_questions_practice(camden)
    [correction] = camden.corrections.all()
    assert correction.status == Correction.Status.ACCEPTED
    assert correction.finding.text == correction.proposed_text
    actions = list(camden.actions.select_related("recommendation"))
    assert 4 <= len(actions) <= 5
    recommendations = set(camden.findings.filter(kind=Kind.RECOMMENDATION))
    assert {action.recommendation for action in actions} == recommendations
    assert {action.status for action in actions} == set(Action.Status.values)
    assert all(action.owner and action.due_on > camden.on_site_ends for action in actions)
    assert all(action.progress for action in actions if action.status != Action.Status.PLANNED)


def test_only_the_published_report_is_public(reviews):
    camden = reviews["London Borough of Camden"]
    anonymous = AnonymousUser()
    assert list(published_reports(anonymous)) == [camden]
    assert list(reviews_visible_to(anonymous)) == [camden]
    for name, review in reviews.items():
        if review != camden:
            assert review_for(viewer=anonymous, pk=review.pk) is None, name


def test_the_demo_logins_reach_their_reviews(reviews):
    manager = User.objects.get(email=MANAGER)
    assert manager.check_password(demo.DEMO_PASSWORD)
    for review in reviews.values():
        assert review.participants.filter(person=manager, role=Role.MANAGER).exists()
    lead = User.objects.get(email="reviewer@academy.example")
    assert {review.council.name for review in reviews_of(lead)} == {
        "Salford City Council",
        "Cornwall Council",
        "London Borough of Camden",
    }
    for email, _name, _job, council in CONTACTS:
        contact = User.objects.get(email=email)
        assert contact.check_password(demo.DEMO_PASSWORD)
        assert [review.council.name for review in reviews_of(contact)] == [council]


def test_loading_the_reviews_again_changes_nothing(reviews):
    once = snapshot()
    assert len(once["peer_review.Review"]) == 4
    load()
    assert snapshot() == once
