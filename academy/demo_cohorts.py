"""Demo content for the Digital Academy: its six modules, a curriculum, and two cohorts in two
places with officers from several kinds of public body. Kent and Medway is halfway through,
with attendance, feedback and an action plan under way; Greater Manchester is about to start.

Everything goes through the services, dated from the day the demo is loaded, and is made only
if it is missing."""

from datetime import time, timedelta

from django.utils import timezone

from cms_pages.models import ModuleIndexPage, ModulePage, ProgrammePage, ProgrammePart
from cohorts import services as cohorts
from cohorts.models import Cohort, Curriculum, CurriculumModule, Notification, Weekday

from . import demo_academy_modules, roles
from .demo_learning import _module, _themes
from .demo_people import add_people
from .models import Place, User

CURRICULUM = "Digital Academy: leading digital change together"
FACILITATOR = "facilitator@academy.example"

# (email, full name, job title, organisation)
OFFICERS = {
    "kent-and-medway": [
        ("kent.officer@academy.example", None, None, None),  # a demo login already made
        ("j.hart@kent.example", "James Hart", "Head of digital services", "Medway Council"),
        ("p.nair@kent.example", "Priti Nair", "Chief inspector, partnerships", "Kent Police"),
        (
            "l.morgan@kent.example",
            "Laura Morgan",
            "Director of integrated care",
            "NHS Kent and Medway",
        ),
        (
            "d.ellis@kent.example",
            "Dan Ellis",
            "Assistant chief fire officer",
            "Kent Fire and Rescue Service",
        ),
        ("s.king@kent.example", "Sophie King", "Partnership manager", "Jobcentre Plus Kent"),
        (
            "m.ahmed@kent.example",
            "Mo Ahmed",
            "Head of customer services",
            "Maidstone Borough Council",
        ),
        ("c.wood@kent.example", "Clare Wood", "Head of children's services", "Kent County Council"),
    ],
    "greater-manchester": [
        ("officer@academy.example", None, None, None),  # a demo login already made
        ("a.byrne@gm.example", "Aoife Byrne", "Director of place", "Salford City Council"),
        (
            "t.hughes@gm.example",
            "Tariq Hughes",
            "Head of data",
            "Greater Manchester Combined Authority",
        ),
        (
            "e.clarke@gm.example",
            "Emma Clarke",
            "Superintendent, neighbourhoods",
            "Greater Manchester Police",
        ),
        ("r.patel@gm.example", "Ravi Patel", "Chief digital officer", "NHS Greater Manchester"),
        (
            "h.jones@gm.example",
            "Hannah Jones",
            "Area manager",
            "Greater Manchester Fire and Rescue Service",
        ),
    ],
}
FEEDBACK = [
    (
        5,
        "Hearing how the police see the same families we do.",
        "More time for the journey mapping exercise.",
    ),
    (4, "The examples of shared care records.", "Fewer slides, more discussion."),
    (4, "Agreeing our two shared priorities as a group.", ""),
    (3, "", "The room was too small for group work."),
]


def load_cohorts(*, admin: User) -> list[Cohort]:
    """The Digital Academy's modules and curriculum, and the two demo cohorts."""
    curriculum = _curriculum(admin)
    _officers(admin)
    today = timezone.localdate()
    made = [
        _cohort(
            name="Kent and Medway: first cohort",
            place="kent-and-medway",
            curriculum=curriculum,
            start=today - timedelta(days=130),
            weekday=Weekday.TUESDAY,
            capacity=6,
            summary="Joining up health, care and the police around families who need help "
            "from all of us.",
            venue="Sessions House, County Road, Maidstone",
            admin=admin,
        ),
        _cohort(
            name="Greater Manchester: first cohort",
            place="greater-manchester",
            curriculum=curriculum,
            start=today + timedelta(days=5),
            weekday=None,
            capacity=12,
            summary="Using data and digital tools to help people leave hospital sooner and "
            "stay well at home.",
            venue="Tootal Buildings, Oxford Street, Manchester",
            admin=admin,
        ),
    ]
    return made


def _curriculum(admin) -> Curriculum:
    landing = ProgrammePage.objects.get(part=ProgrammePart.DIGITAL_ACADEMY)
    programme = ModuleIndexPage.objects.child_of(landing).first()
    if programme is None:
        programme = landing.add_child(
            instance=ModuleIndexPage(
                title="Digital Academy modules",
                slug="modules",
                intro="The six modules a Digital Academy cohort works through together, one "
                "a session. Read each before its session.",
                awards_certificate=False,  # a cohort's certificate comes from attendance
            )
        )
        programme.save_revision().publish()
    themes = _themes()
    publisher = User.objects.get(email="publisher@academy.example")
    for spec in demo_academy_modules.MODULES:
        _module(programme, spec, themes=themes, documents={}, publisher=publisher)
    curriculum = Curriculum.objects.filter(name=CURRICULUM).first()
    if curriculum is None:
        curriculum = Curriculum.objects.create(
            name=CURRICULUM,
            description="Six modules over six to eight sessions, ending with each "
            "organisation's 100-day plan.",
            default_session_count=8,
        )
        slugs = [spec.slug for spec in demo_academy_modules.MODULES]
        pages = {page.slug: page for page in ModulePage.objects.child_of(programme)}
        for order, slug in enumerate(slugs):
            CurriculumModule.objects.create(
                curriculum=curriculum, module=pages[slug], sort_order=order
            )
    return curriculum


def _officers(admin):
    for people in OFFICERS.values():
        add_people(admin=admin, people=people, role=roles.SENIOR_OFFICER)


def _cohort(*, name, place, curriculum, start, weekday, capacity, summary, venue, admin):
    existing = Cohort.objects.filter(name=name).first()
    if existing is not None:
        return existing
    if weekday is None:  # about to start: its first session within the week
        weekday = start.weekday() if start.weekday() < 5 else Weekday.MONDAY
    facilitator = User.objects.get(email=FACILITATOR)
    cohort = cohorts.create_cohort(
        by=admin,
        facilitators=[facilitator],
        curriculum=curriculum,
        place=Place.objects.get(slug=place),
        name=name,
        summary=summary,
        start_date=start,
        span_months=8,
        session_count=8,
        weekday=weekday,
        local_start_time=time(10, 0),
        duration_minutes=180,
        venue=venue,
        online_link="https://meet.example/digital-academy/" + place,
        capacity=capacity,
    )
    cohorts.confirm_cohort(cohort=cohort, by=facilitator)
    cohorts.schedule_sessions(cohort_id=cohort.pk)  # now, rather than when the worker starts
    people = [User.objects.get(email=email) for email, *_rest in OFFICERS[place]]
    for person in people:
        cohorts.invite_to_cohort(cohort=cohort, person=person, by=facilitator)
    # All but the last accept: the last has not answered yet. In Kent the places run out, so
    # the last to accept waits.
    for person in people[:-1]:
        cohorts.accept_place(cohort=cohort, person=person)
    _attendance_and_feedback(cohort, facilitator)
    # The emails for all this went out at the time; the worker sends what is due from now on.
    Notification.objects.filter(cohort=cohort, sent_at__isnull=True).update(sent_at=timezone.now())
    return cohort


def _attendance_and_feedback(cohort, facilitator):
    now = timezone.now()
    members = list(cohort.enrolments.filter(status="enrolled").order_by("queue_number"))
    for index, session in enumerate(cohort.sessions.filter(ends_at__lte=now).order_by("number")):
        marks = {}
        for position, enrolment in enumerate(members):
            missed = (position + index) % 6 == 5  # now and then someone sends apologies
            marks[enrolment.person_id] = "apologies" if missed else "attended"
        cohorts.record_attendance(session=session, marks=marks, by=facilitator)
        for enrolment, (rating, useful, improve) in zip(members, FEEDBACK, strict=False):
            if marks[enrolment.person_id] == "attended":
                cohorts.submit_feedback(
                    session=session,
                    person=enrolment.person,
                    rating=rating,
                    most_useful=useful,
                    improve=improve,
                )
    if members and cohort.sessions.filter(ends_at__lte=now).exists():
        first = members[0].person
        cohorts.save_action_plan(
            cohort=cohort,
            organisation=first.organisation,
            details=cohorts.PlanDetails(
                title="100-day plan",
                goals="Share one care record between adult social care and the NHS for "
                "people leaving Maidstone hospital, and measure how soon they get home.",
                starts_on=cohort.end_date + timedelta(days=1),
                ends_on=cohort.end_date + timedelta(days=100),
            ),
            by=first,
        )
        plan = cohort.action_plans.get()
        cohorts.check_in(
            plan=plan,
            progress="on-track",
            note="Agreed the data sharing agreement with the NHS; first joint triage meeting "
            "booked.",
            by=first,
        )
