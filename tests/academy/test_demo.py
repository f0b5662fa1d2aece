import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.http import QueryDict
from django.urls import reverse

from academy import roles
from academy.demo import DEMO_PASSWORD, PEOPLE
from academy.demo_champions import CHAMPIONS
from academy.demo_good_practice import PRACTICE, VEHICLE_TRACKING
from academy.demo_peer_review import EDITED, QUESTIONS
from academy.models import Organisation, Place, User
from cms_pages.models import HomePage, ProgrammePage, ProgrammePart

# In one test process, so the demo this module loads once is loaded once (tests/loading.py).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


def snapshot():
    """Every row of every table the demo touches, as plain values."""
    tables = {}
    for model in apps.get_models():
        rows = model._default_manager.order_by("pk").values()
        tables[model._meta.label] = [
            {k: v for k, v in row.items() if k not in {"last_login"}} for row in rows
        ]
    return tables


def test_load_demo_refuses_to_run_without_debug_unless_forced(settings):
    # Before any test below asks for the demo, which this module loads once for them all.
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("load_demo")
    assert not User.objects.exists()


def test_loading_the_demo_twice_leaves_the_same_data_as_once(demo, capsys, settings):
    once = snapshot()
    # The good-practice database and its waiting submission are part of what must not change.
    assert len(once["cms_pages.CaseStudyPage"]) > len(PRACTICE)
    assert len(once["good_practice.Submission"]) == 1
    # So are the champions, their mentoring and the places taken at their sessions.
    assert len(once["champions.ChampionProfile"]) == len(CHAMPIONS)
    assert len(once["champions.Meeting"]) >= 3
    assert len(once["champions.Registration"]) >= 10
    # And the bank of digital questions, each version of which a review may have asked.
    assert len(once["peer_review.Question"]) == len(QUESTIONS)
    assert len(once["peer_review.QuestionVersion"]) == len(QUESTIONS) + 1
    settings.DEBUG = True
    call_command("load_demo")
    assert snapshot() == once
    # and says again how to sign in as each demo person
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out
    for person in PEOPLE:
        assert person.email in out


def test_demo_has_the_places_organisations_people_and_pages_it_promises(demo):
    assert Place.objects.count() >= 3
    for place in Place.objects.all():
        assert place.organisations.count() >= 2
    assert Organisation.objects.count() >= 8
    assert Organisation.objects.values("kind").distinct().count() >= 8
    for person in PEOPLE:
        user = User.objects.get(email=person.email)
        assert user.check_password(DEMO_PASSWORD)
        assert list(user.groups.values_list("name", flat=True)) == [person.role]
    home = HomePage.objects.get()
    assert home.live
    parts = set(ProgrammePage.objects.child_of(home).live().values_list("part", flat=True))
    assert parts == set(ProgrammePart.values)


def test_every_demo_role_can_sign_in(demo, client):
    assert {person.role for person in PEOPLE} == set(roles.ROLES)
    for person in PEOPLE:
        response = client.post(
            reverse("account:sign-in"), {"username": person.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, person.email
        assert response.url == reverse("account:profile")
        client.post(reverse("account:sign-out"))


def test_demo_publishes_the_councillors_modules_with_one_learner_midway_and_one_finished(
    demo, client
):
    from cms_pages.models import ModuleAccess, ModuleIndexPage, ModulePage
    from learning import selectors as learning
    from learning.models import Certificate, Reflection

    landing = ProgrammePage.objects.get(part=ProgrammePart.MEMBER_LEADERSHIP)
    programme = ModuleIndexPage.objects.child_of(landing).live().get()
    modules = ModulePage.objects.child_of(programme).live()
    assert modules.count() >= 8
    assert {m.access for m in modules} == set(ModuleAccess.values)  # some public, some not
    for module in modules:
        assert module.sections.count() >= 2, module.title
        assert module.learning_outcomes.exists(), module.title
    assert programme.dates.count() == 2

    midway = User.objects.get(email="councillor@academy.example")
    view = learning.programme_progress_for(viewer=midway, programme=programme)
    assert 0 < view.required_completed < len(view.required)
    assert view.resume is not None
    assert Reflection.objects.filter(progress__person=midway).count() == 2
    assert not Certificate.objects.filter(person=midway).exists()

    finished = User.objects.get(email="finished.councillor@academy.example")
    assert learning.programme_progress_for(viewer=finished, programme=programme).finished
    assert Certificate.objects.filter(person=finished, programme=programme).exists()

    client.force_login(midway)
    assert "Continue where you left off" in client.get("/learning/").content.decode()


def test_demo_has_two_cohorts_one_halfway_and_one_about_to_start(demo, client):
    from django.utils import timezone

    from cohorts import selectors as cohorts
    from cohorts.models import Attendance, Cohort, Enrolment, SessionFeedback

    now = timezone.now()
    halfway = Cohort.objects.get(place__slug="kent-and-medway")
    starting = Cohort.objects.get(place__slug="greater-manchester")
    for cohort in (halfway, starting):
        assert cohort.status == Cohort.Status.CONFIRMED
        assert cohort.sessions.count() == 8
        assert len(cohorts.public_bodies(cohort)) >= 3  # council, police, NHS and more
        assert cohort.enrolments.filter(status=Enrolment.Status.INVITED).exists()
    past = halfway.sessions.filter(ends_at__lte=now).count()
    assert 3 <= past <= 5
    assert Attendance.objects.filter(session__cohort=halfway).count() >= 3 * past
    assert SessionFeedback.objects.filter(session__cohort=halfway).exists()
    assert halfway.enrolments.filter(status=Enrolment.Status.WAITLISTED).exists()
    assert halfway.action_plans.get().check_ins.exists()
    first = starting.sessions.order_by("starts_at").first()
    assert now < first.starts_at < now + timezone.timedelta(days=14)
    assert not Attendance.objects.filter(session__cohort=starting).exists()

    client.force_login(User.objects.get(email="kent.officer@academy.example"))
    page = client.get(f"/cohorts/{halfway.pk}/").content.decode()
    assert "You have attended" in page and "Kent Police" in page
    client.force_login(User.objects.get(email="facilitator@academy.example"))
    assert client.get(f"/cohorts/{starting.pk}/manage/").status_code == 200


def test_demo_practice_never_could_also_apply_to_its_own_service_or_type_of_council():
    for spec in PRACTICE:
        own_types = {organisation.council_type for organisation in spec.organisations}
        assert not set(spec.applies_to) & set(spec.service_areas), spec.slug
        assert not set(spec.applies_to_councils) & own_types, spec.slug


def test_demo_good_practice_database_is_searchable_across_service_silos(demo, client):
    from cms_pages.models import CaseStudyPage, GoodPracticeIndexPage, PracticeKind
    from good_practice import selectors
    from good_practice.models import Sector, Submission

    index = GoodPracticeIndexPage.objects.live().get()
    assert index.url == "/good-practice-database/practice/"
    published = CaseStudyPage.objects.child_of(index).live()
    assert published.count() >= 60
    assert set(published.values_list("kind", flat=True)) == set(PracticeKind.values)
    assert published.values("service_areas").distinct().count() >= 10
    assert published.values("organisations__sector").distinct().count() == Sector.objects.count()
    assert published.filter(contact_champion__email="champion@academy.example").exists()

    waiting = Submission.objects.get(submitted_by__email="kent.officer@academy.example")
    assert waiting.status == Submission.Status.AWAITING_MODERATION
    assert not waiting.page.live

    search = selectors.search_practice(
        viewer=AnonymousUser(), params=QueryDict("q=meals+on+wheels")
    )
    found = {result.page.slug: result for result in search.results}
    assert VEHICLE_TRACKING in found
    tracking = found[VEHICLE_TRACKING]
    assert [area.slug for area in tracking.applies_to] == ["meals-on-wheels"]
    assert [area.slug for area in tracking.from_elsewhere] == ["transport"]
    assert waiting.page.slug not in found

    page = client.get("/good-practice-database/practice/?q=meals+on+wheels").content.decode()
    assert "Real-time tracking of demand-responsive buses" in page
    assert "From another service" in page


def test_demo_has_three_round_tables_held_open_and_full(demo, client):
    from django.utils import timezone

    from roundtables.models import Invitation, RoundTable

    now = timezone.now()
    Status = Invitation.Status
    held, open_, full = (
        RoundTable.objects.get(title__startswith=start)
        for start in ("Health and care", "Devolution", "Welfare reform")
    )
    assert held.ends_at < now and held.notes_shared_at and held.notes.count() == 3
    assert held.invitations.filter(attended=True).count() == 5
    assert open_.invitation_deadline > now
    assert open_.invitations.filter(status=Status.INVITED).exists()
    assert open_.invitations.filter(status=Status.ACCEPTED).exists()
    assert full.invitations.filter(status=Status.ACCEPTED).count() == full.capacity
    assert full.invitations.filter(status=Status.WAITLISTED).count() == 2

    client.force_login(User.objects.get(email="ceo@academy.example"))
    listing = client.get("/round-tables/").content.decode()
    assert all(table.title in listing for table in (held, open_, full))
    notes = client.get(f"/round-tables/{held.pk}/").content.decode()
    assert "Shared care records" in notes and "Kemi Adeyemi" in notes
    # Helen Brooks was registered as absent: no notes for her.
    client.force_login(User.objects.get(email="reviewer@academy.example"))
    assert "Shared care records" not in client.get(f"/round-tables/{held.pk}/").content.decode()


def test_demo_has_champions_mentoring_and_open_sessions(demo, client):
    from django.utils import timezone

    from champions import selectors
    from champions.models import ChampionProfile, Mentoring, OpenSession

    now = timezone.now()
    Status = Mentoring.Status
    listed = selectors.listed_profiles()
    assert listed.count() == len(CHAMPIONS) - 1 >= 10
    assert set(listed.values_list("kind", flat=True)) == set(ChampionProfile.Kind.values)
    assert listed.values("region").distinct().count() >= 4
    assert listed.filter(accepting_mentees=False).exists()
    assert listed.values("mentee_capacity").distinct().count() >= 3
    for spec in CHAMPIONS:
        profile = ChampionProfile.objects.get(person__email=spec.email)
        assert profile.themes.count() == len(spec.themes) >= 2, spec.email
        assert profile.service_areas.count() == len(spec.service_areas) >= 1, spec.email
        assert profile.case_studies.count() == len(spec.case_studies), spec.email
    unlisted = ChampionProfile.objects.get(is_listed=False)

    aisha = ChampionProfile.objects.get(person__email="champion@academy.example")
    active = aisha.mentoring.get(status=Status.ACTIVE)
    assert active.mentee.email == "officer@academy.example"
    assert active.meetings.count() == 2
    assert {m.logged_by for m in active.meetings.all()} == {aisha.person, active.mentee}
    waiting = aisha.mentoring.get(status=Status.REQUESTED)
    finished = aisha.mentoring.get(status=Status.CLOSED)
    assert {f.author for f in finished.feedback.all()} == {aisha.person, finished.mentee}
    assert finished.closed_at < now and finished.meetings.exists()
    assert selectors.spare_places(aisha) == 1
    full = ChampionProfile.objects.get(person__email="r.penhaligon@champions.example")
    assert selectors.spare_places(full) == 0 and full.accepting_mentees

    hers = selectors.upcoming_sessions().filter(champion=aisha)
    assert len(hers) == 2 and all(session.taken for session in hers)
    assert min(session.capacity - session.taken for session in hers) == 1  # one nearly full
    others = selectors.upcoming_sessions().exclude(champion=aisha)
    assert others.values("champion").distinct().count() >= 3
    assert any(session.taken for session in others)
    assert not OpenSession.objects.filter(starts_at__lte=now).exists()
    for session in OpenSession.objects.all():
        assert timezone.localtime(session.starts_at).weekday() < 5, session.title

    directory = client.get("/champions/").content.decode()
    assert aisha.person.full_name in directory
    assert unlisted.person.full_name not in directory
    assert (
        "Virtual wards: what the council brings"
        in client.get("/champions/sessions/").content.decode()
    )
    client.force_login(aisha.person)
    mine = client.get("/champions/mentoring/").content.decode()
    assert all(m.topic in mine for m in (active, waiting, finished))
    client.force_login(active.mentee)
    log = client.get(f"/champions/mentoring/{active.pk}/").content.decode()
    assert "virtual ward" in log and "Draft the pilot proposal" in log


def test_demo_has_a_bank_of_digital_questions_for_every_core_element(demo, client):
    from champions.models import ChampionProfile
    from peer_review.models import CoreElement, Question

    questions = Question.objects.filter(code__in=[spec.code for spec in QUESTIONS])
    assert questions.count() == len(QUESTIONS) >= 25
    for element in CoreElement.objects.all():
        assert questions.filter(core_element=element).count() >= 4, element.slug
    admin = User.objects.get(email=PEOPLE[0].email)
    for spec in QUESTIONS:
        question = questions.get(code=spec.code)
        assert question.is_active
        assert 2 <= len(question.prompt_list) <= 4, spec.code
        assert question.good_looks_like, spec.code
        current = question.current
        assert current.number == (2 if spec.code == EDITED else 1), spec.code
        assert current.created_by == admin
        assert current.text == question.text == spec.text
        # Every signpost named is found: the demo's slugs and emails are not out of date.
        assert sorted(t.slug for t in current.themes.all()) == sorted(spec.themes), spec.code
        assert {p.slug for p in current.case_studies.all()} == set(spec.case_studies), spec.code
        assert {p.slug for p in current.modules.all()} == set(spec.modules), spec.code
        assert {p.person.email for p in current.champions.all()} == set(spec.champions)
    assert questions.exclude(case_studies=None).count() >= 20
    assert questions.exclude(champions=None).count() >= 15
    assert questions.exclude(modules=None).count() >= 15
    assert not questions.filter(champions__in=ChampionProfile.objects.filter(is_listed=False))

    # The edited question keeps the wording a past review would have asked.
    edited = questions.get(code=EDITED)
    first, now = edited.versions.order_by("number")
    assert first.text != now.text == edited.text
    assert first.prompts == now.prompts and first.core_element == now.core_element
    assert set(first.case_studies.all()) == set(now.case_studies.all())

    client.force_login(admin)
    listing = client.get("/admin/digital_question/").content.decode()
    assert EDITED in listing and "d-priorities-1" in listing


def test_demo_has_the_framework_a_person_with_two_diagnostics_and_a_plan_and_a_council_result(
    demo, client
):
    from academy.demo_competencies import ADDED_IN_2, COMPETENCIES, MEDWAY
    from competencies.models import (
        DevelopmentPlan,
        Framework,
        Notification,
        OrganisationalDiagnostic,
        SelfAssessment,
    )

    in_use = Framework.objects.get(status=Framework.Status.PUBLISHED)
    retired = Framework.objects.get(status=Framework.Status.RETIRED)
    assert (retired.version, in_use.version) == (1, 2)
    assert in_use.competencies.count() == len(COMPETENCIES) == retired.competencies.count() + 1
    assert in_use.competencies.filter(code=ADDED_IN_2).exists()
    # Concentrated at the two upper levels, each with behaviours, mappings and modules.
    assert in_use.competencies.filter(level__gte=4).count() >= len(COMPETENCIES) - 1
    for competency in in_use.competencies.all():
        assert competency.behaviours.count() == 4, competency.code
        assert {m.scheme for m in competency.mappings.all()} == {"sfia", "ddat"}
        assert competency.themes.exists(), competency.code
    assert in_use.competencies.exclude(modules=None).count() == len(COMPETENCIES) - 1

    officer = User.objects.get(email="officer@academy.example")
    first, second = SelfAssessment.objects.filter(person=officer).order_by("submitted_at")
    assert (first.framework, second.framework) == (retired, in_use)
    client.force_login(officer)
    result = client.get(f"/competencies/results/{second.pk}/").content.decode()
    assert "Making decisions with data" in result
    # compared with the earlier diagnostic, competency by competency
    assert f"how they compare with {first.submitted_at:%-d %B %Y}" in result
    assert "Up 1" in result

    plan = DevelopmentPlan.objects.get(person=officer)
    actions = [a for goal in plan.goals.all() for a in goal.actions.all()]
    assert sum(a.is_done for a in actions) == 1 and len(actions) == 3
    assert any(a.kind == "module" for a in actions)
    page = client.get("/competencies/plan/").content.decode()
    assert "Agree the five questions our data must answer" in page
    # officer@ is also waiting to answer Manchester's diagnostic: the one email not yet sent.
    assert list(Notification.objects.filter(sent_at=None).values_list("person", "kind")) == [
        (officer.pk, "invited")
    ]

    medway = OrganisationalDiagnostic.objects.get(organisation__name=MEDWAY)
    assert not medway.is_open
    assert medway.respondents.count() == 6
    assert medway.respondents.exclude(responded_at=None).count() == 5
    client.force_login(User.objects.get(email=PEOPLE[0].email))
    results = client.get(f"/competencies/organisation/{medway.pk}/results/").content.decode()
    assert "5 of 6 people invited answered" in results
    assert "Governing digital investment" in results
    assert "Robert Lane" not in results  # nobody's own answers, and no names
