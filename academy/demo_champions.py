"""Demo content for the digital champions network: twelve champions, members and officers from
councils, the police, the NHS and fire and rescue in four regions (one of them taken off the
directory), the open sessions they host, and their mentoring.

The demo champion (champion@academy.example) mentors the demo officer (officer@academy.example),
with two meetings logged; has one request waiting for her answer and one relationship finished,
with feedback from both; and hosts two open sessions, one nearly full.

Made through `champions.services`, dated from the day the demo is loaded, and only if missing:
a profile is found by its person, mentoring by its pair and topic, a session by its host and
title. Mentoring that began weeks ago is asked for and accepted now and then moved back, as if
time had passed, before its meetings are logged: nobody can log a meeting before the mentoring
was asked for. Registrations come from people the cohort and round-table demos have made."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from champions import services as champions
from champions.models import ChampionProfile, Feedback, Meeting, Mentoring, OpenSession
from cms_pages.models import CaseStudyPage, Theme
from cohorts.scheduling import bank_holidays
from good_practice.models import ServiceArea

from . import roles
from .demo_people import add_people
from .models import User

CHAMPION = "champion@academy.example"
MENTEE = "officer@academy.example"
MEMBER, OFFICER = ChampionProfile.Kind.MEMBER, ChampionProfile.Kind.OFFICER
USEFUL = Feedback.Usefulness


@dataclass(frozen=True)
class DemoChampion:
    email: str
    full_name: str | None  # None: a demo login made elsewhere
    role: str
    organisation: str
    kind: str
    themes: tuple[str, ...]
    service_areas: tuple[str, ...]
    delivered: str
    case_studies: tuple[str, ...] = ()  # slugs of demo good-practice entries
    mentee_capacity: int = 2
    accepting_mentees: bool = True
    is_listed: bool = True


CHAMPIONS = (
    DemoChampion(
        CHAMPION,
        None,
        "Chief digital officer",
        "Kent County Council",
        OFFICER,
        themes=("services", "data", "partnership", "leadership"),
        service_areas=("adult-social-care", "waste-and-refuse", "customer-services"),
        delivered="Leads a digital team of about sixty, which sits with the chief executive "
        "rather than in IT. Moved booking at the county's 18 household waste recycling centres "
        "online in six weeks during the pandemic, and kept it once the queues had gone. "
        "Co-chaired the virtual wards programme with NHS Kent and Medway, which put council "
        "reablement workers on the same plan as the community nurses. Also took over a data "
        "warehouse that had cost £1.4 million and answered nobody's questions, and rebuilt it "
        "around five questions the directors actually asked. Happy to talk about the mistakes "
        "as much as what worked.",
        case_studies=(
            "booking-slots-at-household-waste-recycling-centres",
            "virtual-wards-with-council-reablement",
            "a-data-warehouse-built-before-anyone-asked-a-question",
        ),
    ),
    DemoChampion(
        "b.walsh@champions.example",
        "Cllr Bernadette Walsh",
        "Cabinet member for housing and digital",
        "Salford City Council",
        MEMBER,
        themes=("data", "ethics-and-sustainability", "democracy-and-participation"),
        service_areas=("housing", "public-health"),
        delivered="Pushed for damp and mould sensors in 1,200 council-owned and housing "
        "association homes after two tenants' complaints went unanswered for months, and "
        "chaired the tenants' panel that agreed what the sensors record and who sees it. "
        "Repairs now start before most tenants have to report anything. Has since taken "
        "a report on the council's use of data to scrutiny every year, in plain English, so "
        "that backbenchers can ask about it.",
        case_studies=("sensors-that-spot-damp-and-mould",),
    ),
    DemoChampion(
        "k.osullivan@champions.example",
        "Kieran O'Sullivan",
        "Chief digital officer",
        "Greater Manchester Combined Authority",
        OFFICER,
        themes=("data", "partnership", "organisational-capability", "leadership"),
        service_areas=("adult-social-care", "childrens-services"),
        delivered="Runs the combined authority's digital and data team, shared by ten "
        "councils. Led the work with NHS Greater Manchester on a five-level maturity model for "
        "data in adult and children's social care; all ten councils have assessed themselves "
        "against it and agreed where to invest first. Before that, moved three of the "
        "councils' care systems onto one contract, which took two years longer than planned "
        "and taught him a lot about exit clauses.",
        case_studies=("a-maturity-model-for-data-in-social-care",),
        mentee_capacity=3,
    ),
    DemoChampion(
        "r.penhaligon@champions.example",
        "Ruth Penhaligon",
        "Assistant chief constable, digital and data",
        "Devon and Cornwall Police",
        OFFICER,
        themes=("security-and-resilience", "partnership", "value"),
        service_areas=("community-safety",),
        delivered="Senior owner of the force's digital evidence programme: body-worn video, "
        "CCTV and phone footage now reach the Crown Prosecution Service and the courts through "
        "a secure platform instead of on discs driven across two counties, saving about 9,000 "
        "officer hours a year. Chairs the regional group on information sharing with councils "
        "for community safety, and has been through an inspection of it.",
        case_studies=("digital-evidence-sent-to-prosecutors-without-discs",),
        mentee_capacity=1,
    ),
    DemoChampion(
        "m.jenkin@champions.example",
        "Mark Jenkin",
        "Chief clinical information officer",
        "NHS Cornwall and Isles of Scilly",
        OFFICER,
        themes=("data", "partnership", "security-and-resilience"),
        service_areas=("adult-social-care", "public-health"),
        delivered="A GP by background. Clinical lead for the shared care record that GPs, "
        "hospitals, community nurses and the council's social workers use in Cornwall, now "
        "opened by about 2,300 staff a month. Spent most of the first year on the data "
        "sharing agreement, role-based access and the audit trail rather than the "
        "technology, and would do so again. Not taking on mentees until the record reaches "
        "the hospices, but glad to speak at sessions.",
        case_studies=("a-shared-care-record-in-cornwall",),
        mentee_capacity=1,
        accepting_mentees=False,
    ),
    DemoChampion(
        "l.tregear@champions.example",
        "Cllr Loveday Tregear",
        "Cabinet member for rural communities and digital inclusion",
        "Cornwall Council",
        MEMBER,
        themes=("connectivity", "inclusion", "democracy-and-participation"),
        service_areas=("libraries", "customer-services", "economic-development"),
        delivered="Chairs the council's digital inclusion board with Volunteer Cornwall and "
        "the libraries. Backed lending laptops and data from every library and training "
        "volunteers as digital helpers in village halls, and kept a phone line for council "
        "tax and benefits when the website was redesigned. Presses the broadband programme "
        "on the places where mobile coverage is still poor, and reports back to parish "
        "councils twice a year.",
    ),
    DemoChampion(
        "p.greenwood@champions.example",
        "Paul Greenwood",
        "Director of IT and digital",
        "Maidstone Borough Council",
        OFFICER,
        themes=("services", "value", "inclusion"),
        service_areas=("waste-and-refuse", "revenues-and-benefits", "customer-services"),
        delivered="Put tablets in every bin lorry so that crews report a missed bin or a "
        "blocked road with a photo and the contact centre can see where each round has got "
        "to; calls about missed bins fell by two-fifths. Worked with Jobcentre Plus on a "
        "weekly joint drop-in at the town library for people claiming Universal Credit. Runs "
        "a team of twelve, so most of what he knows is about doing this without a large "
        "budget.",
        case_studies=(
            "in-cab-tablets-for-refuse-crews",
            "joint-digital-support-for-universal-credit-claimants",
        ),
    ),
    DemoChampion(
        "f.adebayo@champions.example",
        "Folake Adebayo",
        "Chief digital and information officer",
        "London Borough of Camden",
        OFFICER,
        themes=("ethics-and-sustainability", "value", "security-and-resilience"),
        service_areas=("environment", "customer-services"),
        delivered="Measured the carbon cost of the council's laptops, phones, data centre and "
        "cloud services for the first time, and found most of it came from making devices, "
        "not running them. Keeping laptops for five years instead of three now saves about "
        "£210,000 a year. Also led the council's response to a phishing attack on its "
        "suppliers, and rewrote the incident plan with the services afterwards.",
        case_studies=("the-carbon-cost-of-council-it",),
    ),
    DemoChampion(
        "h.chaudhry@champions.example",
        "Hamza Chaudhry",
        "Director of digital transformation",
        "NHS Kent and Medway",
        OFFICER,
        themes=("services", "partnership", "data"),
        service_areas=("adult-social-care", "public-health"),
        delivered="NHS lead for the virtual wards programme across Kent and Medway: 120 beds' "
        "worth of people monitored at home from a clinical hub, with council reablement "
        "workers on the same plan. Average hospital stays on the pathway are 2.4 days "
        "shorter. Now working on a single discharge record with the county's councils, and "
        "happy to explain how NHS funding and governance look from the inside.",
        case_studies=("virtual-wards-with-council-reablement",),
    ),
    DemoChampion(
        "g.lees@champions.example",
        "Gemma Lees",
        "Head of ICT and digital",
        "Greater Manchester Fire and Rescue Service",
        OFFICER,
        themes=("services", "data", "security-and-resilience"),
        service_areas=("community-safety", "licensing"),
        delivered="Replaced paper fire safety audits with tablets that carry each building's "
        "history, saving inspectors about an hour and a half a visit, and set up the protocol "
        "for sharing findings with council licensing and housing teams, which led to 220 "
        "joint visits in a year. Moving the control room onto a new mobilising system this "
        "year, so not taking mentees for now.",
        case_studies=("fire-safety-inspections-on-a-tablet",),
        mentee_capacity=1,
        accepting_mentees=False,
    ),
    DemoChampion(
        "c.donnelly@champions.example",
        "Claire Donnelly",
        "Director of transformation",
        "Medway Council",
        OFFICER,
        themes=("organisational-capability", "leadership"),
        service_areas=("childrens-services",),
        delivered="Led the council's transformation programme for four years, including the "
        "move of children's services onto a new case management system. Her profile is off "
        "the directory while she changes role.",
        is_listed=False,
    ),
    DemoChampion(
        "i.akhtar@champions.example",
        "Cllr Imran Akhtar",
        "Executive member for finance and digital",
        "Manchester City Council",
        MEMBER,
        themes=("leadership", "value", "economic-productivity-and-growth", "connectivity"),
        service_areas=("economic-development", "revenues-and-benefits"),
        delivered="Took the council's digital strategy through the executive and kept it "
        "funded through three difficult budgets. Championed the resident account that ten "
        "Greater Manchester councils now share, and insisted that its savings were counted "
        "and reported to members each year. Sits on the combined authority's digital board "
        "and can speak to how members hold a digital programme to account.",
        mentee_capacity=1,
    ),
)

# Mentees beyond the demo logins: (email, full name, job title, organisation).
MENTEES = [
    ("t.rowe@peers.example", "Tamsin Rowe", "Head of customer services", "Cornwall Council"),
    ("d.okoro@peers.example", "Daniel Okoro", "Head of ICT", "Medway Council"),
    ("p.nair@kent.example", None, None, None),  # made by the cohort demo
]


def load_champions(*, admin: User) -> list[ChampionProfile]:
    members = [c for c in CHAMPIONS if c.full_name and c.kind == MEMBER]
    officers = [c for c in CHAMPIONS if c.full_name and c.kind == OFFICER]
    for people, role in ((members, roles.COUNCILLOR), (officers, roles.DIGITAL_CHAMPION)):
        add_people(
            admin=admin,
            people=[(c.email, c.full_name, c.role, c.organisation) for c in people],
            role=role,
        )
    add_people(admin=admin, people=MENTEES, role=roles.SENIOR_OFFICER)
    profiles = {spec.email: _profile(spec, admin) for spec in CHAMPIONS}
    today = timezone.localdate()
    _aishas_mentoring(profiles[CHAMPION], today)
    _mentoring_at_capacity(profiles["r.penhaligon@champions.example"], today)
    for email, sessions in SESSIONS.items():
        for spec in sessions:
            _session(profiles[email], spec, today)
    return list(profiles.values())


def _person(email: str) -> User:
    return User.objects.get(email=email)


def _profile(spec: DemoChampion, admin: User) -> ChampionProfile:
    person = _person(spec.email)
    existing = ChampionProfile.objects.filter(person=person).first()
    if existing is not None:
        return existing
    return champions.create_profile(
        person=person,
        by=admin,
        slug=slugify(person.full_name.removeprefix("Cllr ")),
        kind=spec.kind,
        role=spec.role,
        delivered=spec.delivered,
        mentee_capacity=spec.mentee_capacity,
        accepting_mentees=spec.accepting_mentees,
        is_listed=spec.is_listed,
        themes=Theme.objects.filter(slug__in=spec.themes),
        service_areas=ServiceArea.objects.filter(slug__in=spec.service_areas),
        case_studies=CaseStudyPage.objects.filter(slug__in=spec.case_studies),
    )


# --- Mentoring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoMeeting:
    days_ago: int
    by_mentee: bool
    summary: str
    next_steps: str = ""


def _ask(profile, mentee, *, topic, goals, themes=(), areas=()) -> Mentoring | None:
    """A new request, or None if this pair already has one about this topic."""
    if Mentoring.objects.filter(champion=profile, mentee=mentee, topic=topic).exists():
        return None
    return champions.request_mentoring(
        mentee=mentee,
        champion=profile,
        topic=topic,
        goals=goals,
        themes=Theme.objects.filter(slug__in=themes),
        areas=ServiceArea.objects.filter(slug__in=areas),
    )


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _under_way(mentoring, *, asked: date, note: str, meetings=()) -> Mentoring:
    """Accept now, move the request and the answer back to when they happened, then log the
    meetings held since."""
    mentoring = champions.accept(mentoring=mentoring, by=mentoring.champion.person, note=note)
    Mentoring.objects.filter(pk=mentoring.pk).update(
        requested_at=_at(asked, 9), answered_at=_at(asked + timedelta(days=2), 17)
    )
    mentoring.refresh_from_db()
    for meeting in meetings:
        met_on = timezone.localdate() - timedelta(days=meeting.days_ago)
        made = champions.log_meeting(
            mentoring=mentoring,
            by=mentoring.mentee if meeting.by_mentee else mentoring.champion.person,
            met_on=met_on,
            summary=meeting.summary,
            next_steps=meeting.next_steps,
        )
        Meeting.objects.filter(pk=made.pk).update(logged_at=_at(met_on, 18))
    return mentoring


FINISHED_MEETINGS = (
    DemoMeeting(
        140,
        by_mentee=True,
        summary="Went through the list of twenty things the team had been asked to do. Agreed "
        "to pick two services where demand is high and the fix is in our gift: missed bin "
        "reports and blue badge renewals.",
        next_steps="Tamsin to get call volumes for both from the contact centre.",
    ),
    DemoMeeting(
        98,
        by_mentee=False,
        summary="Looked at the first blue badge prototype and the call data. Talked about how "
        "to bring the head of parking in early, so it is their service that improves and not "
        "ours.",
        next_steps="Aisha to send Kent's show-and-tell format.",
    ),
    DemoMeeting(
        60,
        by_mentee=True,
        summary="Rehearsed the one-year report to cabinet. Cut it to three measures with "
        "figures and one story from a resident, and kept the phone line in the plan.",
    ),
)

ACTIVE_MEETINGS = (
    DemoMeeting(
        41,
        by_mentee=False,
        summary="Walked Sam through how Kent's reablement workers joined the virtual wards: "
        "who holds the plan, who answers the alerts at night, and what the data sharing "
        "agreement had to say. The hardest part for us was rotas, not technology.",
        next_steps="Sam to find out who owns the virtual ward business case at NHS Greater "
        "Manchester. Aisha to introduce Hamza Chaudhry at NHS Kent and Medway.",
    ),
    DemoMeeting(
        13,
        by_mentee=True,
        summary="Met the NHS lead last week and they are keen. Talked through a pilot on one "
        "discharge pathway in north Manchester with two reablement teams, and how to count "
        "what it saves on both sides before anyone asks.",
        next_steps="Draft the pilot proposal for the leadership team; next meeting in a month.",
    ),
)


def _aishas_mentoring(aisha: ChampionProfile, today: date) -> None:
    """Finished with Tamsin Rowe; under way with the demo officer; Daniel Okoro waiting."""
    finished = _ask(
        aisha,
        _person("t.rowe@peers.example"),
        topic="Starting a small digital team in customer services",
        goals="I have money for a team of four for two years. I want to know what they "
        "should work on first, how to win the service directors round, and what to show the "
        "cabinet after the first year.",
        themes=("services", "organisational-capability"),
        areas=("customer-services",),
    )
    if finished is not None:
        finished = _under_way(
            finished,
            asked=today - timedelta(days=150),
            note="Glad to. We did much the same in 2019; let's start with a call.",
            meetings=FINISHED_MEETINGS,
        )
        finished = champions.close(
            mentoring=finished,
            by=finished.mentee,
            usefulness=USEFUL.VERY,
            comment="Aisha saved us from building the wrong thing first. Having someone "
            "outside the council to test the business case against was worth a great deal.",
        )
        champions.give_feedback(
            mentoring=finished,
            by=aisha.person,
            usefulness=USEFUL.VERY,
            comment="Tamsin did the work between meetings, which is what makes this go. I "
            "learned from how Cornwall runs its phone line alongside the website.",
        )
        closed = _at(today - timedelta(days=45), 16)
        Mentoring.objects.filter(pk=finished.pk).update(closed_at=closed)
        Feedback.objects.filter(mentoring=finished, author=finished.mentee).update(given_at=closed)
        Feedback.objects.filter(mentoring=finished, author=aisha.person).update(
            given_at=closed + timedelta(days=2)
        )

    active = _ask(
        aisha,
        _person(MENTEE),
        topic="Bringing council reablement into a virtual ward",
        goals="NHS Greater Manchester wants to open virtual wards next year. I want our "
        "reablement team in them from the start, on one plan with the clinicians, and a "
        "proposal our leadership team will back by the spring.",
        themes=("services", "partnership"),
        areas=("adult-social-care",),
    )
    if active is not None:
        _under_way(
            active,
            asked=today - timedelta(days=50),
            note="Yes, happily. Kent's virtual wards are two years in, so there is plenty to "
            "share, good and bad.",
            meetings=ACTIVE_MEETINGS,
        )

    _ask(
        aisha,
        _person("d.okoro@peers.example"),
        topic="A business case for a council data platform",
        goals="Our cabinet will be asked in the spring to fund a data platform. Before the "
        "business case goes to them I want to know what to ask for, how to phase it and what "
        "to avoid. I have read Kent's lesson about the data warehouse.",
        themes=("data", "leadership", "value"),
        areas=("childrens-services", "adult-social-care"),
    )


def _mentoring_at_capacity(profile: ChampionProfile, today: date) -> None:
    """Ruth Penhaligon takes one mentee at a time and has one: her profile says she has no
    place free."""
    mentoring = _ask(
        profile,
        _person("p.nair@kent.example"),
        topic="Sending digital evidence to the CPS without discs",
        goals="Kent Police is about to replace its evidence system. I want to learn what it "
        "took to agree the process with the Crown Prosecution Service and the courts.",
        themes=("partnership", "value"),
        areas=("community-safety",),
    )
    if mentoring is not None:
        _under_way(
            mentoring,
            asked=today - timedelta(days=24),
            note="Of course. Bring your evidence manager to the first meeting.",
            meetings=(
                DemoMeeting(
                    16,
                    by_mentee=True,
                    summary="Went through the order in which Devon and Cornwall moved each "
                    "kind of evidence, and what the CPS needed to see before each step.",
                    next_steps="Ruth to share the evaluation and the project's risk log.",
                ),
            ),
        )


# --- Open sessions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoSession:
    title: str
    description: str
    days_ahead: int
    hour: int
    duration_minutes: int
    capacity: int
    registered: tuple[str, ...]  # email addresses
    location: str = "Online"
    online: bool = True


SESSIONS = {
    CHAMPION: (
        DemoSession(
            "Virtual wards: what the council brings",
            "How Kent's reablement workers joined the NHS virtual wards: the shared plan, the "
            "night-time alerts, the data sharing agreement and the rotas. Bring your questions; "
            "Hamza Chaudhry from NHS Kent and Medway joins for the second half hour.",
            days_ahead=9,
            hour=12,
            duration_minutes=60,
            capacity=12,
            registered=(
                MENTEE,
                "kent.officer@academy.example",
                "l.morgan@kent.example",
                "c.wood@kent.example",
                "f.quinn@leaders.example",
                "a.byrne@gm.example",
                "r.patel@gm.example",
                "n.hassan@leaders.example",
                "m.trelawny@leaders.example",
                "h.chaudhry@champions.example",
                "t.rowe@peers.example",
            ),
        ),
        DemoSession(
            "Booking slots at recycling centres, three years on",
            "Why Kent kept online booking at its 18 recycling centres after the pandemic, what "
            "residents and the trade said, and what we would change. A round-table "
            "discussion over coffee; suits waste, customer services and transport teams.",
            days_ahead=24,
            hour=10,
            duration_minutes=120,
            capacity=30,
            registered=(
                "m.ahmed@kent.example",
                "j.hart@kent.example",
                "d.ellis@kent.example",
                "p.greenwood@champions.example",
            ),
            location="Sessions House, County Road, Maidstone",
            online=False,
        ),
    ),
    "k.osullivan@champions.example": (
        DemoSession(
            "Where is your council on data in social care?",
            "A workshop on the five-level maturity model for data in adult and children's "
            "social care. Come with a rough idea of where your council stands; leave with the "
            "two things to invest in first.",
            days_ahead=17,
            hour=14,
            duration_minutes=90,
            capacity=40,
            registered=(
                "t.hughes@gm.example",
                "c.wood@kent.example",
                "d.okoro@peers.example",
            ),
        ),
    ),
    "r.penhaligon@champions.example": (
        DemoSession(
            "Digital evidence without discs: working with the CPS",
            "What it took for a police force, the Crown Prosecution Service and the courts to "
            "agree one way of sharing video evidence, and what councils sharing CCTV with the "
            "police can take from it.",
            days_ahead=31,
            hour=11,
            duration_minutes=60,
            capacity=25,
            registered=("p.nair@kent.example", "e.clarke@gm.example"),
        ),
    ),
    "b.walsh@champions.example": (
        DemoSession(
            "Damp and mould sensors: the questions councillors should ask",
            "For councillors and housing officers: what sensors in tenants' homes can and "
            "cannot tell you, the consent and data questions to settle first, and how to "
            "report results to scrutiny.",
            days_ahead=12,
            hour=18,
            duration_minutes=45,
            capacity=50,
            registered=("councillor@academy.example", "l.tregear@champions.example"),
        ),
    ),
    "f.adebayo@champions.example": (
        DemoSession(
            "Counting the carbon cost of your council's IT",
            "A practical hour on measuring the emissions from devices, data centres and cloud "
            "services, with the spreadsheet Camden used.",
            days_ahead=38,
            hour=13,
            duration_minutes=60,
            capacity=30,
            registered=(),
        ),
    ),
}


def _working_day(day: date) -> date:
    """The same day, or the next one that is neither a weekend nor a bank holiday."""
    holidays = bank_holidays([day.year, day.year + 1])
    while day.weekday() >= 5 or day in holidays:
        day += timedelta(days=1)
    return day


def _session(profile: ChampionProfile, spec: DemoSession, today: date) -> OpenSession:
    existing = OpenSession.objects.filter(champion=profile, title=spec.title).first()
    if existing is not None:
        return existing
    day = _working_day(today + timedelta(days=spec.days_ahead))
    session = champions.create_session(
        by=profile.person,
        champion=profile,
        title=spec.title,
        description=spec.description,
        starts_at=_at(day, spec.hour),
        duration_minutes=spec.duration_minutes,
        location=spec.location,
        joining_link=f"https://meet.example/champions/{slugify(spec.title)}" if spec.online else "",
        capacity=spec.capacity,
    )
    for email in spec.registered:
        champions.register(session=session, person=_person(email))
    return session
