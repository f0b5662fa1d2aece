"""Factories for test data. People with a role are made the way the site makes them."""

from datetime import timedelta

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from academy import roles
from academy.models import Invitation, Organisation, Place, Region, User

TEST_PASSWORD = "correct-horse-battery-staple"


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Place {n}")
    slug = factory.Sequence(lambda n: f"place-{n}")
    kind = Place.Kind.COUNTY
    region = Region.SOUTH_EAST


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Borough Council {n}")
    kind = Organisation.Kind.DISTRICT_COUNCIL
    region = Region.SOUTH_EAST
    place = factory.SubFactory(PlaceFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@council.example")
    full_name = factory.Faker("name", locale="en_GB")
    job_title = "Head of service"
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """`UserFactory(role=roles.COUNCILLOR)` puts the person in that role's group."""
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


def lga_administrator(**kwargs):
    return UserFactory(role=roles.LGA_ADMINISTRATOR, **kwargs)


class InvitationFactory(factory.django.DjangoModelFactory):
    """A bare invitation row; tests of behaviour use `services.invite_person` instead."""

    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@council.example")
    full_name = factory.Faker("name", locale="en_GB")
    role = factory.LazyFunction(lambda: Group.objects.get(name=roles.SENIOR_OFFICER))
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


# --- Content ------------------------------------------------------------------------------


def home_page():
    """The site's home page, made the way the demo makes it if there is none yet."""
    from wagtail.models import Page, Site

    from cms_pages.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Digital Leadership Academy", slug="academy", intro="Intro")
        )
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
    return home


def landing_page(part, title):
    """The landing page of one part of the programme, made if there is none yet."""
    from cms_pages.models import ProgrammePage

    landing = ProgrammePage.objects.filter(part=part).first()
    if landing is None:
        landing = home_page().add_child(
            instance=ProgrammePage(
                title=title,
                slug=part.value,
                part=part,
                summary=f"What {title} is, in a sentence.",
                audience="Anyone",
                body=f"<p>About {title}.</p>",
            )
        )
    return landing


def programme_of_modules(*, title="Digital modules", slug="modules", **fields):
    """A module index under the Member Leadership Academy's landing page."""
    from cms_pages.models import ModuleIndexPage, ProgrammePart

    landing = landing_page(ProgrammePart.MEMBER_LEADERSHIP, "Member Leadership Academy")
    fields.setdefault("intro", "Modules that help councillors lead digital change.")
    return landing.add_child(instance=ModuleIndexPage(title=title, slug=slug, **fields))


def reflect(question="What would residents notice first?", hint=""):
    return ("reflect", {"question": question, "hint": hint})


def module(
    programme,
    *,
    title=None,
    sections=3,
    access="public",
    required=True,
    section_body=None,
    publish=True,
    **fields,
):
    """A module with numbered sections. `publish` saves a revision and publishes it, as an
    editor would; otherwise the page is simply live, which is quicker for big data sets."""
    from cms_pages.models import ModuleLearningOutcome, ModulePage, ModuleSection

    count = ModulePage.objects.count() + 1
    title = title or f"Module {count}"
    page = ModulePage(
        title=title,
        slug=fields.pop("slug", f"module-{count}"),
        summary=fields.pop("summary", f"What {title} covers, in a sentence."),
        audience=fields.pop("audience", "councillors"),
        access=access,
        estimated_minutes=fields.pop("estimated_minutes", 45),
        required_for_certificate=required,
        learning_outcomes=[ModuleLearningOutcome(text="explain what digital can do")],
        sections=[
            ModuleSection(
                title=f"{title}, section {number}",
                body=section_body
                or [("rich_text", f"<p>The body of {title}, section {number}.</p>")],
            )
            for number in range(1, sections + 1)
        ],
        **fields,
    )
    programme.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


# --- The good-practice database ------------------------------------------------------------


def practice_database(**fields):
    """The good-practice database's search page, under its programme landing page."""
    from cms_pages.models import GoodPracticeIndexPage, ProgrammePart

    existing = GoodPracticeIndexPage.objects.first()
    if existing is not None:
        return existing
    landing = landing_page(ProgrammePart.GOOD_PRACTICE, "Digital good-practice database")
    fields.setdefault("intro", "Search good practice from across the public sector and beyond.")
    index = landing.add_child(
        instance=GoodPracticeIndexPage(title="Good practice", slug="practice", **fields)
    )
    index.save_revision().publish()
    return index


def case_study(
    *,
    title=None,
    areas=("adult-social-care",),
    applies_to=(),
    councils_elsewhere=(),
    themes=("services",),
    organisation="Kent County Council",
    sector="local-government",
    council="county",
    publish=True,
    index=None,
    **fields,
):
    """A good-practice entry, its terms given by slug: live and in the search index when
    `publish` (quicker than publishing a revision, which the moderation tests do for real);
    otherwise a draft with one revision, as an editor leaves it."""
    from wagtail.search.index import insert_or_update_object

    from cms_pages.models import CaseStudyOrganisation, CaseStudyPage, Theme
    from good_practice.models import CouncilType, Sector, ServiceArea

    index = index or practice_database()
    count = CaseStudyPage.objects.count() + 1
    title = title or f"Practice {count}"
    page = CaseStudyPage(
        title=title,
        slug=fields.pop("slug", f"practice-{count}"),
        kind=fields.pop("kind", "case-study"),
        summary=fields.pop("summary", f"What {title} did, in a sentence."),
        region=fields.pop("region", "south-east"),
        problem=fields.pop("problem", "<p>A problem worth solving.</p>"),
        approach=fields.pop("approach", "<p>An approach that others could copy.</p>"),
        organisations=[
            CaseStudyOrganisation(
                name=organisation,
                sector=Sector.objects.get(slug=sector),
                council_type=CouncilType.objects.get(slug=council) if council else None,
            )
        ],
        live=publish,
        first_published_at=fields.pop("first_published_at", timezone.now() if publish else None),
        **fields,
    )
    page.last_published_at = page.first_published_at
    page.service_areas = list(ServiceArea.objects.filter(slug__in=areas))
    page.applies_to_service_areas = list(ServiceArea.objects.filter(slug__in=applies_to))
    page.applies_to_council_types = list(CouncilType.objects.filter(slug__in=councils_elsewhere))
    page.themes = list(Theme.objects.filter(slug__in=themes))
    index.add_child(instance=page)
    if publish:
        insert_or_update_object(page)  # now that its terms are saved too
    else:
        page.save_revision()
    return page


# --- Digital Academy cohorts --------------------------------------------------------------


def committed():
    """Run what services queue for after the commit (tasks, emails) as they would run in
    production, at the end of the block, inside a test's transaction."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def facilitator(**kwargs):
    return UserFactory(role=roles.FACILITATOR, **kwargs)


def officer_of(organisation, **kwargs):
    """A senior officer working for `organisation`."""
    return UserFactory(role=roles.SENIOR_OFFICER, organisation=organisation, **kwargs)


def curriculum(*, modules=3, name=None):
    """A curriculum of live modules, made the way editors would publish them."""
    from cms_pages.models import ModuleIndexPage
    from cohorts.models import Curriculum, CurriculumModule

    programme = ModuleIndexPage.objects.filter(slug="academy-modules").first()
    if programme is None:
        programme = programme_of_modules(title="Digital Academy modules", slug="academy-modules")
    count = Curriculum.objects.count() + 1
    made = Curriculum.objects.create(name=name or f"Curriculum {count}", default_session_count=6)
    for number in range(modules):
        page = module(
            programme, title=f"Academy module {count}.{number + 1}", sections=1, publish=False
        )
        CurriculumModule.objects.create(curriculum=made, module=page, sort_order=number)
    return made


def cohort(*, by=None, confirm=False, facilitators=None, **fields):
    """A cohort set up by an LGA administrator through the service; `confirm` also schedules
    its sessions (the task runs at once in the tests)."""
    from datetime import date, time

    from cohorts import services
    from cohorts.models import Cohort, Weekday

    by = by or lga_administrator()
    if "curriculum" not in fields:
        fields["curriculum"] = curriculum()
    fields.setdefault("place", PlaceFactory())
    fields.setdefault("name", f"Cohort {Cohort.objects.count() + 1}")
    fields.setdefault("start_date", date(2027, 1, 4))
    fields.setdefault("span_months", 6)
    fields.setdefault("session_count", 6)
    fields.setdefault("weekday", Weekday.TUESDAY)
    fields.setdefault("local_start_time", time(10, 0))
    fields.setdefault("capacity", 20)
    fields.setdefault("venue", "Council chamber, County Hall")
    made = services.create_cohort(
        by=by, facilitators=facilitators if facilitators is not None else [facilitator()], **fields
    )
    if confirm:
        with committed():
            services.confirm_cohort(cohort=made, by=by)
        made.refresh_from_db()
    return made


def enrol(the_cohort, person, *, by=None):
    """Invite someone and accept for them, as they would on the site."""
    from cohorts import services

    by = by or the_cohort.facilitators.first()
    with committed():
        services.invite_to_cohort(cohort=the_cohort, person=person, by=by)
        return services.accept_place(cohort=the_cohort, person=person)


# --- Chief executive round tables -------------------------------------------------------------


def chief_executive(organisation=None, **kwargs):
    """A chief executive, whom round tables may invite."""
    from academy.models import LeadershipRole

    kwargs.setdefault("leadership_role", LeadershipRole.CHIEF_EXECUTIVE)
    kwargs.setdefault("job_title", "Chief executive")
    if organisation is not None:
        kwargs["organisation"] = organisation
    return UserFactory(role=roles.SENIOR_OFFICER, **kwargs)


def round_table(*, by=None, starts_in=timedelta(days=30), themes=(), organisers=(), **fields):
    """A round table set up by an LGA administrator through the service."""
    from roundtables import services
    from roundtables.models import RoundTable

    by = by or lga_administrator()
    starts_at = timezone.now().replace(microsecond=0) + starts_in
    fields.setdefault("title", f"Round table {RoundTable.objects.count() + 1}")
    fields.setdefault("region", Region.SOUTH_EAST)
    fields.setdefault("starts_at", starts_at)
    fields.setdefault("invitation_deadline", starts_at - timedelta(days=7))
    fields.setdefault("venue", "Smith Square, London")
    fields.setdefault("speaker_name", "Dana Whitfield")
    fields.setdefault("speaker_role", "Chief executive, Anyshire County Council")
    fields.setdefault("speaker_story", "Moved every resident-facing service onto one platform.")
    fields.setdefault("capacity", 12)
    return services.create_round_table(by=by, themes=themes, organisers=organisers, **fields)


def held(the_round_table, *, ago=timedelta(days=1)):
    """Move a round table into the past, as if time had passed since it was set up."""
    from roundtables.models import RoundTable

    starts_at = timezone.now() - ago
    RoundTable.objects.filter(pk=the_round_table.pk).update(
        starts_at=starts_at, invitation_deadline=starts_at - timedelta(days=7)
    )
    the_round_table.refresh_from_db()
    return the_round_table


def invited(the_round_table, person, *, by=None):
    from roundtables import services

    by = by or the_round_table.created_by
    with committed():
        return services.invite(round_table=the_round_table, person=person, by=by)


def attending(the_round_table, person, *, listed=True, by=None):
    """Invite someone and accept for them, agreeing to the Chatham House rule."""
    from roundtables import services

    invitation = invited(the_round_table, person, by=by)
    with committed():
        return services.accept(invitation=invitation, agrees_to_rule=True, listed=listed, by=person)


# --- Digital champions ------------------------------------------------------------------------


def champion(person=None, *, by=None, themes=(), service_areas=(), **fields):
    """A champion in the directory, added by an LGA administrator through the service."""
    from champions import services
    from champions.models import ChampionProfile

    person = person or UserFactory(job_title="Chief digital officer")
    fields.setdefault("kind", ChampionProfile.Kind.OFFICER)
    fields.setdefault("delivered", "Led the move of every council service onto one platform.")
    fields.setdefault("mentee_capacity", 2)
    return services.create_profile(
        person=person,
        by=by or lga_administrator(),
        themes=themes,
        service_areas=service_areas,
        **fields,
    )


def mentoring_request(the_champion, mentee=None, *, topic="Making the case for shared data"):
    """A member asks a champion for mentoring, as on the site."""
    from champions import services

    with committed():
        return services.request_mentoring(
            mentee=mentee or UserFactory(),
            champion=the_champion,
            topic=topic,
            goals="A business case the cabinet will back.",
        )


def mentoring_under_way(the_champion, mentee=None, **kwargs):
    """A request the champion has accepted."""
    from champions import services

    request = mentoring_request(the_champion, mentee, **kwargs)
    with committed():
        return services.accept(mentoring=request, by=the_champion.person)


def open_session(the_champion, *, starts_in=timedelta(days=14), **fields):
    """An open session a champion puts on, through the service."""
    from champions import services

    fields.setdefault("title", "How we joined up care records")
    fields.setdefault("description", "What we did, what it cost and what we would do again.")
    fields.setdefault("starts_at", timezone.now().replace(microsecond=0) + starts_in)
    fields.setdefault("duration_minutes", 60)
    fields.setdefault("location", "Online")
    fields.setdefault("joining_link", "https://meet.example/champions-1")
    fields.setdefault("capacity", 20)
    return services.create_session(by=the_champion.person, **fields)


# --- Peer challenge ---------------------------------------------------------------------------


def digital_question(
    code="d-leadership-1",
    *,
    element="organisational-and-place-leadership",
    by=None,
    text="Who leads digital change, and how do they share the vision?",
    signposts=None,
    **fields,
):
    """A question in the bank, saved through the service (so it has its first version)."""
    from peer_review import services
    from peer_review.models import CoreElement, Question

    fields.setdefault("prompts", "Who owns the digital strategy?\nHow do members take part?")
    fields.setdefault("good_looks_like", "A named leader and a strategy people can repeat.")
    question = Question(
        code=code, core_element=CoreElement.objects.get(slug=element), text=text, **fields
    )
    return services.save_question(
        question=question, by=by or lga_administrator(), signposts=signposts
    )


def peer_reviewer(**kwargs):
    """Someone who serves on peer teams, from a council other than any under review."""
    return UserFactory(role=roles.PEER_REVIEWER, **kwargs)


def peer_review_at(stage="scoping", *, council=None, manager=None, questions=None, report=""):
    """A review with a full team and a council contact, taken to `stage` through the
    services as its people would. At the report stage, `report` is "" (being written),
    "sent" (with the council) or "agreed". Returns the review and its people by role."""
    from types import SimpleNamespace

    from academy.models import PoliticalGroup
    from peer_review import services
    from peer_review.models import Finding, Participant, Review

    Stage, Role = Review.Stage, Participant.Role
    order = list(Stage.values)
    reached = lambda s: order.index(stage) >= order.index(s)  # noqa: E731
    today = timezone.localdate()
    manager = manager or lga_administrator(full_name="Morgan Manager")
    council = council or OrganisationFactory(kind=Organisation.Kind.UNITARY_COUNCIL)
    starts = today - timedelta(days=320) if reached(Stage.ON_SITE) else today + timedelta(days=40)
    with committed():
        review = services.create_review(
            council=council,
            on_site_starts=starts,
            on_site_ends=starts + timedelta(days=3),
            by=manager,
            focus_areas="Digital inclusion in rural areas.",
        )
        people = SimpleNamespace(review=review, manager=manager)
        for name, role, extra in (
            ("lead", Role.LEAD_PEER, {}),
            ("member", Role.MEMBER_PEER, {"political_group": PoliticalGroup.LABOUR}),
            ("officer", Role.OFFICER_PEER, {}),
        ):
            person = peer_reviewer(**extra)
            services.add_participant(review=review, person=person, role=role, by=manager)
            setattr(people, name, person)
        people.contact = UserFactory(organisation=council, job_title="Head of digital")
        services.add_participant(
            review=review, person=people.contact, role=Role.COUNCIL_CONTACT, by=manager
        )
        if questions is None:
            questions = [
                digital_question(f"d-test-{review.pk}-1", by=manager),
                digital_question(
                    f"d-test-{review.pk}-2",
                    element="governance-and-culture",
                    text="Who decides the technical architecture?",
                    by=manager,
                ),
            ]
        services.pick_questions(review=review, questions=questions, by=manager)
        people.asked = list(review.asked.order_by("pk"))
        if reached(Stage.POSITION_STATEMENT):
            services.advance(review=review, by=manager)
        if reached(Stage.ON_SITE):
            services.save_statement(
                review=review,
                by=people.contact,
                overview="A council that is starting out.",
                answers={
                    asked.pk: f"Our answer to {asked.question.code}." for asked in people.asked
                },
                submit=True,
            )
            services.advance(review=review, by=manager)
        if reached(Stage.FEEDBACK):
            people.practice = case_study(title="A digital board that owns the strategy")
            people.strength = services.record_finding(
                review=review,
                by=people.lead,
                kind=Finding.Kind.STRENGTH,
                text="A chief executive who speaks for digital.",
                asked=people.asked[0],
            )
            people.recommendation = services.record_finding(
                review=review,
                by=people.lead,
                kind=Finding.Kind.RECOMMENDATION,
                text="Set up a board that owns digital strategy and investment.",
                asked=people.asked[-1],
                signposts=[people.practice],
            )
            services.advance(review=review, by=manager)
        if reached(Stage.REPORT):
            services.advance(review=review, by=manager)
            if reached(Stage.ACTION_PLAN) or report in ("sent", "agreed"):
                services.save_report(
                    review=review, by=manager, summary="A council ready to lead.", send=True
                )
            if reached(Stage.ACTION_PLAN) or report == "agreed":
                services.agree_report(review=review, by=people.contact)
        if reached(Stage.ACTION_PLAN):
            services.publish(review=review, by=manager)
        if reached(Stage.PROGRESS_REVIEW):
            services.save_action(
                review=review,
                by=people.contact,
                text="Set up a digital board chaired by the chief executive.",
                owner="Chief executive",
                due_on=today + timedelta(days=30),
                recommendation=people.recommendation,
            )
            services.submit_action_plan(review=review, by=people.contact)
            services.advance(review=review, by=manager)
        if reached(Stage.COMPLETED):
            services.record_progress_review(
                review=review, by=manager, held_on=today, notes="The board meets monthly."
            )
            services.advance(review=review, by=manager)
    review.refresh_from_db()
    return people


# --- Competency framework ---------------------------------------------------------------------


def competency_framework(*, competencies=3, status="published", by=None):
    """A version of the framework with competencies coded c1..cN ("Competency 1", ...) at
    levels 4 and 5, each with one behaviour. Versions are started and published through the
    services; "retired" publishes it and then a copy, which replaces it."""
    from competencies import framework
    from competencies.models import Behaviour, Competency, Proficiency

    by = by or lga_administrator()
    made = framework.create_framework(
        name="Leading digital change", summary="What good digital leaders do.", by=by
    )
    for number in range(1, competencies + 1):
        competency = Competency.objects.create(
            framework=made,
            code=f"c{number}",
            name=f"Competency {number}",
            description=f"What competency {number} means.",
            level=4 if number % 2 else 5,
            sort_order=number,
        )
        Behaviour.objects.create(
            competency=competency,
            text=f"Does what competency {number} asks.",
            proficiency=Proficiency.PRACTITIONER,
            sort_order=0,  # first, as the admin's inline panel would number it
        )
    if status in ("published", "retired"):
        framework.publish(framework=made, by=by)
    if status == "retired":
        framework.publish(framework=framework.new_version(framework=made, by=by), by=by)
    made.refresh_from_db()
    return made
