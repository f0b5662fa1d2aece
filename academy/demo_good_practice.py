"""Demo content for the digital good-practice database: its search page, seventy-one published
entries (frameworks that generalise, implementation case studies, reports and lessons on what
to avoid) from councils of every type, the police, the NHS, fire and rescue, central
government, voluntary groups, companies and bodies outside England; and one case study a
member has sent in, waiting for the LGA team.

The organisations are real or plainly generic; their figures, costs and stories are invented
for the demo. Everything is made only if it is missing: entries are found by slug, and the
member's submission goes through `good_practice.services` like any other."""

import re
from dataclasses import dataclass
from datetime import timedelta
from html import escape as html_escape

from django.utils import timezone
from wagtail.log_actions import log

from cms_pages.models import (
    CaseStudyOrganisation,
    CaseStudyOutcome,
    CaseStudyPage,
    GoodPracticeIndexPage,
    OutcomeMeasure,
    PracticeKind,
    PracticeRegion,
    ProgrammePage,
    ProgrammePart,
    Theme,
)
from good_practice import services as good_practice
from good_practice.models import CouncilType, Sector, ServiceArea, Submission

from .models import User

INDEX_SLUG = "practice"
INDEX_INTRO = (
    "Search examples of good practice, case studies and reports from across the public sector "
    "and beyond. Frameworks that generalise are kept apart from single implementations, every "
    "entry says what to avoid as well as what worked, and a search in one service also finds "
    "practice from other services that could apply to it."
)
SUBMIT_INTRO = (
    "<p>Tell us about something your organisation has done, whether it worked or not. The "
    "lessons on what to avoid are often the most useful to others.</p>"
    "<ul><li>Say what the problem was, what you did and what changed, with figures if you "
    "have them and how you measured them.</li><li>Tell us which other services or types of "
    "council could use it.</li><li>The LGA team reads every submission, may edit it and will "
    "email you when it is published.</li></ul>"
)

K = PracticeKind
R = PracticeRegion


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    sector: str  # a Sector's slug
    council_type: str = ""  # a CouncilType's slug, for a council only


@dataclass(frozen=True)
class DemoOutcome:
    measure: str
    figure: str
    description: str
    how_measured: str = ""


@dataclass(frozen=True)
class DemoPractice:
    """One entry. Texts are written as paragraphs separated by blank lines; lines starting
    with "- " make a list."""

    slug: str
    title: str
    kind: str
    region: str
    organisations: tuple[DemoOrganisation, ...]
    service_areas: tuple[str, ...]
    themes: tuple[str, ...]
    summary: str
    problem: str
    approach: str
    outcomes: tuple[DemoOutcome, ...] = ()
    cost: str = ""
    what_worked: str = ""
    what_to_avoid: str = ""
    applies_to: tuple[str, ...] = ()
    applies_to_councils: tuple[str, ...] = ()
    published_days_ago: int = 30
    reviewed_days_ago: int | None = None
    champion: bool = False  # the demo digital champion is its contact
    contact: str = ""


def _council(name: str, council_type: str) -> DemoOrganisation:
    return DemoOrganisation(name, "local-government", council_type)


def _body(name: str, sector: str) -> DemoOrganisation:
    return DemoOrganisation(name, sector)


def _money(figure, description, how_measured=""):
    return DemoOutcome(OutcomeMeasure.MONEY, figure, description, how_measured)


def _time(figure, description, how_measured=""):
    return DemoOutcome(OutcomeMeasure.TIME, figure, description, how_measured)


def _satisfaction(figure, description, how_measured=""):
    return DemoOutcome(OutcomeMeasure.SATISFACTION, figure, description, how_measured)


def _other(figure, description, how_measured=""):
    return DemoOutcome(OutcomeMeasure.OTHER, figure, description, how_measured)


ALL_COUNCIL_TYPES = (
    "county",
    "district",
    "unitary",
    "metropolitan",
    "london-borough",
    "combined-authority",
    "parish",
)

# The practice that carries a lesson across silos: done in transport, and tagged as applying
# to meals on wheels and refuse collection. Searching for meals on wheels finds it, marked.
VEHICLE_TRACKING = "real-time-tracking-of-demand-responsive-buses"

PRACTICE: tuple[DemoPractice, ...] = (
    # --- Implementation case studies -------------------------------------------------------
    DemoPractice(
        slug=VEHICLE_TRACKING,
        title="Real-time tracking of demand-responsive buses",
        kind=K.CASE_STUDY,
        region=R.EAST,
        organisations=(_council("Norfolk County Council", "county"),),
        service_areas=("transport",),
        themes=("services", "data", "value"),
        summary="""GPS trackers and a live map on Norfolk's on-demand minibuses show passengers,
            drivers and the control room where every vehicle is, so pick-ups run to time,
            fewer journeys are wasted and rural routes cost less to run.""",
        problem="""
            Our demand-responsive minibuses serve villages that lost their fixed bus routes.
            Passengers booked a half-hour pick-up window and then waited at the roadside with
            no idea whether the bus was five minutes away or forty. Missed pick-ups were
            common, and the control room spent much of the day phoning drivers to find out
            where they were.

            Without location data we could not see which routes ran empty or why journeys
            overran, so every timetable change was guesswork.""",
        approach="""
            We fitted every vehicle with a low-cost GPS tracker that reports its position every
            15 seconds over the mobile network, and put the feed on a live map in the control
            room. Passengers get a text with a link showing their bus approaching and an
            updated arrival time.

            The same data feeds a weekly report on late running, dead mileage and occupancy.
            We publish vehicle positions as open data in the standard format journey planners
            use, so the buses also appear in national apps. Drivers chose where the tablet sits
            in the cab and what the screen shows.""",
        outcomes=(
            _time(
                "38% fewer",
                "missed pick-ups: from 1 booking in 12 to 1 in 19",
                "Booking system records for six months before and after go-live.",
            ),
            _money(
                "£96,000 a year",
                "saved in dead mileage and control-room staff time",
                "Fleet fuel cards and staff timesheets, year on year.",
            ),
            _satisfaction(
                "89%",
                "of passengers rate the service good or very good, up from 71%",
                "Passenger survey by text message, 640 replies.",
            ),
        ),
        cost="£64,000 to set up (trackers, tablets and integration), then £11,000 a year for "
        "data and the mapping service.",
        what_worked="""
            - Asking drivers first: they wanted fewer radio calls, and became the project's
              best advocates.
            - Publishing the feed in an open standard, so a journey planner picked it up
              without a contract.
            - Reviewing late running with the operator every week, not once a quarter.""",
        what_to_avoid="""
            - Do not buy trackers locked to one supplier's software: our first quote would have
              made us pay to get our own data out.
            - Check mobile coverage along the routes before promising live times. Two valleys
              have no signal, so the map says when a vehicle was last seen.""",
        applies_to=("meals-on-wheels", "waste-and-refuse", "libraries"),
        applies_to_councils=("unitary", "district", "metropolitan"),
        published_days_ago=410,
        reviewed_days_ago=45,
        contact="Passenger transport manager, transport.data@norfolk.example",
    ),
    DemoPractice(
        slug="route-planning-and-check-ins-for-a-community-meals-service",
        title="Route planning and doorstep check-ins for a community meals service",
        kind=K.CASE_STUDY,
        region=R.YORKSHIRE,
        organisations=(
            _council("Calderdale Council", "metropolitan"),
            _body("Calderdale Community Meals", "voluntary"),
        ),
        service_areas=("meals-on-wheels", "adult-social-care"),
        themes=("services", "inclusion", "partnership"),
        summary="""Volunteer drivers delivering hot meals use a simple phone app that plans the
            round, records that each person was seen and passes any concern to adult social
            care the same day.""",
        problem="""
            Meals on wheels here is delivered by a charity with 60 volunteer drivers and paid
            for by the council. Rounds were planned on paper each morning, so drivers doubled
            back across the valley and meals arrived lukewarm.

            When a driver found someone unwell or not answering, the concern went on a paper
            sheet that reached social care days later, if at all.""",
        approach="""
            We chose an off-the-shelf route-planning app that volunteers run on their own
            phones, and added three buttons at each door: meal delivered, person seen,
            something worries me. A concern goes straight to the adult social care front door
            as a referral, with the person's record attached.

            The charity kept control of its volunteers and rounds; the council paid for the
            licences and the integration.""",
        outcomes=(
            _time(
                "22 minutes",
                "shorter average round, so meals arrive hot",
                "App logs for 12 weeks against the old paper round sheets.",
            ),
            _other(
                "140",
                "concerns raised in the first year, 31 of which led to a care review",
                "Adult social care referral records.",
            ),
        ),
        cost="£18,500 in the first year, including licences for 60 drivers; £9,000 a year "
        "after that.",
        what_worked="""
            - Three buttons, not a form: volunteers in their seventies used it from day one.
            - Agreeing with social care what counts as a concern, and promising a call back
              within a working day.""",
        what_to_avoid="""
            - Do not assume every volunteer has a smartphone with data: we lent eight handsets.
            - Do not let the app replace the chat on the doorstep. For many people it is the
              only conversation of the day.""",
        applies_to=("housing", "public-health"),
        applies_to_councils=("county", "unitary"),
        published_days_ago=300,
        contact="Community meals coordinator, meals@calderdale.example",
    ),
    DemoPractice(
        slug="in-cab-tablets-for-refuse-crews",
        title="In-cab tablets for refuse crews: missed bins and blocked roads reported from the "
        "cab",
        kind=K.CASE_STUDY,
        region=R.SOUTH_EAST,
        organisations=(_council("Maidstone Borough Council", "district"),),
        service_areas=("waste-and-refuse",),
        themes=("services", "data", "value"),
        summary="""Tablets in every bin lorry let crews record a missed bin, a blocked road or
            fly-tipping with a photo, and let the contact centre see where each round has got
            to, so residents get a true answer first time.""",
        problem="""
            Residents rang to report a missed bin before the crew had reached their street,
            and the contact centre could not tell. Crews noted blocked roads and contaminated
            bins on paper at the end of the shift, so missed collections were disputed and
            fly-tipping sat for days.""",
        approach="""
            We put rugged tablets in all 28 vehicles, with round sheets that update as each
            street is done. Crews tap an exception (bin not out, access blocked, contaminated,
            fly-tip) and take a photo.

            The website's missed-bin form checks the round's progress first: it tells the
            resident when the crew will arrive, or shows the photo of why the bin was left.""",
        outcomes=(
            _time(
                "41% fewer",
                "calls about missed bins",
                "Contact centre call categories, 12 months before and after.",
            ),
            _money(
                "£120,000 a year",
                "saved in return trips and call handling",
                "Fleet mileage, and the contact centre's cost per call.",
            ),
        ),
        cost="£210,000 over two years, including tablets, software and back-office integration.",
        what_worked="""
            - Showing residents the photo ended most disputes in one step.
            - Crew supervisors chose the exception categories, so crews used them.""",
        what_to_avoid="""
            - Do not switch off the paper sheets on day one: we ran both for a month while
              crews learned the system.
            - Budget for replacement tablets. We lost six in the first year.""",
        applies_to=("transport", "environment", "community-safety"),
        applies_to_councils=("unitary", "metropolitan", "london-borough"),
        published_days_ago=700,
        reviewed_days_ago=200,
        contact="Waste services manager, waste@maidstone.example",
    ),
    DemoPractice(
        slug="booking-slots-at-household-waste-recycling-centres",
        title="Booking slots at household waste recycling centres online",
        kind=K.CASE_STUDY,
        region=R.SOUTH_EAST,
        organisations=(_council("Kent County Council", "county"),),
        service_areas=("waste-and-refuse", "environment"),
        themes=("services", "value", "ethics-and-sustainability"),
        summary="""Kent's 18 recycling centres moved to online booking during the pandemic and
            kept it: queues onto main roads disappeared, trade waste dumped at the council's
            cost fell, and residents book a slot in under two minutes.""",
        problem="""
            Queues at the busiest sites backed onto main roads at weekends, and traders used
            the free sites for commercial waste. When the sites reopened after lockdown we had
            to limit numbers quickly and fairly.""",
        approach="""
            We built a booking service on our existing forms platform in three weeks, tested
            with residents in libraries, and kept a phone line for people who cannot book
            online. Number plate cameras at the gate check the booking.

            After a public consultation we kept booking, with walk-in hours at quieter
            sites.""",
        outcomes=(
            _money(
                "£1.1m a year",
                "less trade waste disposed of at the council's cost",
                "Tonnages at the sites against the three years before booking.",
            ),
            _satisfaction(
                "84%",
                "of residents say booking is easy",
                "Survey sent with the booking confirmation, 9,200 replies.",
            ),
        ),
        cost="£140,000 to build the service and fit cameras at 18 sites; £35,000 a year to run.",
        what_worked="""
            - A phone route and walk-in hours answered most of councillors' objections.
            - Cameras at the gate meant staff no longer argued with drivers.""",
        what_to_avoid="""
            - Do not release slots weeks ahead: people booked just in case and did not come.
              Opening bookings seven days ahead halved no-shows.
            - Consult before making an emergency measure permanent.""",
        applies_to=("leisure", "libraries"),
        applies_to_councils=("unitary", "metropolitan"),
        published_days_ago=980,
        reviewed_days_ago=120,
        champion=True,
    ),
    DemoPractice(
        slug="sensors-that-spot-damp-and-mould",
        title="Sensors that spot damp and mould in tenants' homes before it harms health",
        kind=K.CASE_STUDY,
        region=R.NORTH_WEST,
        organisations=(
            _body("A housing association in Greater Manchester", "other"),
            _council("Salford City Council", "metropolitan"),
        ),
        service_areas=("housing", "public-health"),
        themes=("data", "services", "ethics-and-sustainability"),
        summary="""Humidity and temperature sensors in 1,200 homes warn the landlord when mould
            is likely, so surveyors visit before a tenant has to complain, and the council's
            public health team targets cold-homes advice.""",
        problem="""
            New legal duties require social landlords to investigate damp and mould within
            fixed times, but the association heard about most cases only when a tenant
            complained, often months in. The tenants least likely to complain, older people
            and those with little English, were often in the worst homes.""",
        approach="""
            We fitted small sensors measuring humidity, temperature and carbon dioxide in the
            homes our stock condition survey rated most at risk. When readings stay in the
            danger zone for a week, the tenant's housing officer gets an alert and calls.

            Tenants agreed in writing, can see their own readings, and the data is used for
            nothing else. The council's public health team sees only an anonymised pattern by
            neighbourhood.""",
        outcomes=(
            _other(
                "310",
                "homes visited before any complaint, with repairs done in 240",
                "Sensor alerts matched to the repairs system over 12 months.",
            ),
            _money(
                "£390,000",
                "estimated saving from repairs done before mould spread",
                "Average cost of early and late damp repairs under the repairs contract.",
            ),
        ),
        cost="About £150 a home for sensors and £2 a month for data: £210,000 over three years "
        "for 1,200 homes.",
        what_worked="""
            - Treating tenants as the owners of their readings built trust: 78% agreed.
            - Alerts go to a named housing officer, not a shared inbox.""",
        what_to_avoid="""
            - Do not let sensors become surveillance: we refused requests to use the data to
              check for subletting.
            - Do not install sensors without a repairs budget to act on what they show.""",
        applies_to=("adult-social-care", "education"),
        applies_to_councils=("district", "london-borough", "unitary"),
        published_days_ago=210,
    ),
    DemoPractice(
        slug="map-based-planning-applications",
        title="Map-based planning applications that check themselves",
        kind=K.CASE_STUDY,
        region=R.SOUTH_EAST,
        organisations=(_council("Buckinghamshire Council", "unitary"),),
        service_areas=("planning",),
        themes=("services", "economic-productivity-and-growth", "data"),
        summary="""Householders draw their extension on a map and answer only the questions
            their site's constraints need, so far fewer applications arrive invalid and
            planners spend their time on judgement, not chasing missing plans.""",
        problem="""
            Four in ten householder applications arrived invalid, mostly for missing plans or
            the wrong fee. Each cost a validation officer half an hour and the applicant two
            weeks.""",
        approach="""
            We joined a group of councils building open-source planning services with central
            government funding. Applicants draw the site on a map; the service looks up
            conservation areas, listed buildings and tree preservation orders, asks only the
            questions that apply and works out the fee. The back-office system receives a
            complete, structured application.""",
        outcomes=(
            _time(
                "from 40% to 12%",
                "of householder applications invalid on arrival",
                "Validation records for nine months before and after.",
            ),
            _time(
                "11 days",
                "quicker on average from submission to validation",
                "Timestamps in the planning system.",
            ),
        ),
        cost="£95,000 of our own staff time over 18 months, alongside shared national funding "
        "for the open-source code.",
        what_worked="""
            - Reusing code other councils had already tested with applicants.
            - Planners sat with the designers every week, so the questions match the
              policy.""",
        what_to_avoid="""
            - Do not assume your constraint data is clean: our tree preservation order layer
              was 15 years out of date and had to be fixed first.""",
        applies_to=("licensing", "environment"),
        applies_to_councils=("district", "london-borough", "metropolitan"),
        published_days_ago=560,
        reviewed_days_ago=90,
        contact="Digital planning lead, planning.digital@buckinghamshire.example",
    ),
    DemoPractice(
        slug="enrolling-children-for-free-school-meals-automatically",
        title="Enrolling children for free school meals automatically, from benefits data",
        kind=K.CASE_STUDY,
        region=R.NORTH_WEST,
        organisations=(_council("Blackpool Council", "unitary"),),
        service_areas=("education", "revenues-and-benefits"),
        themes=("data", "inclusion", "value"),
        summary="""The council matches its housing benefit and council tax reduction records
            with the school census to find eligible children whose families never applied, and
            registers them with the right to opt out.""",
        problem="""
            About one eligible child in nine was not registered for free school meals, because
            families did not know they qualified, found the form hard or feared stigma. Each
            unregistered child also means their school misses pupil premium funding.""",
        approach="""
            With a data protection impact assessment and legal advice on our powers, we match
            benefit records with the school census each term. Families who qualify get a
            letter saying their child has been registered and how to opt out. Schools see the
            change in their next funding statement.""",
        outcomes=(
            _other(
                "1,340",
                "more children registered in the first year",
                "School census before and after the first match.",
            ),
            _money(
                "£1.8m",
                "more pupil premium for the town's schools in a year",
                "Department for Education allocations.",
            ),
        ),
        cost="£12,000 of analyst time to build the match; under £3,000 a term to run.",
        what_worked="""
            - Doing the legal groundwork before the technical work, and publishing it.
            - School business managers chose the wording that would reassure parents.""",
        what_to_avoid="""
            - Do not send a letter that needs a reply and call it automatic: our first trial
              did, and only a quarter came back.""",
        applies_to=("childrens-services", "public-health"),
        applies_to_councils=("county", "metropolitan", "london-borough"),
        published_days_ago=820,
        reviewed_days_ago=300,
    ),
    DemoPractice(
        slug="digital-champions-in-libraries",
        title="Digital champions in libraries helping residents get online",
        kind=K.CASE_STUDY,
        region=R.NORTH_EAST,
        organisations=(_council("Newcastle City Council", "metropolitan"),),
        service_areas=("libraries",),
        themes=("inclusion", "connectivity", "services"),
        summary="""Library staff and trained volunteers run drop-ins and one-to-one appointments
            for residents who struggle online, from setting up an email address to keeping a
            Universal Credit journal.""",
        problem="""
            Around one adult in seven in the city lacks the basic skills to use the internet
            safely, and as services move online they are shut out. Contact centre advisers
            were talking people through online forms on the phone, slowly and
            expensively.""",
        approach="""
            We trained 45 library staff and 60 volunteers as digital champions on a free
            national course, and offer drop-ins in every library plus appointments booked by
            the contact centre. Every champion knows where to send someone for money, housing
            or health advice. We lend tablets with data for six weeks to people with nothing
            at home.""",
        outcomes=(
            _other(
                "4,800",
                "residents helped in a year, 62% of them over 60",
                "Session records kept by champions.",
            ),
            _satisfaction(
                "93%",
                "say they feel more confident online",
                "A three-question card at the end of each session.",
            ),
        ),
        cost="£48,000 a year, mostly a coordinator and devices; the training was free.",
        what_worked="""
            - Booking appointments from the contact centre turned a hard phone call into a
              visit.
            - Champions who had learned late themselves were the most patient teachers.""",
        what_to_avoid="""
            - Do not count sessions delivered: count what people could do afterwards.
            - Do not lend devices without a plan for getting them back and wiping them.""",
        applies_to=("adult-social-care", "housing", "revenues-and-benefits"),
        applies_to_councils=("county", "district", "unitary"),
        published_days_ago=760,
    ),
    DemoPractice(
        slug="targeting-safe-and-well-visits-with-shared-data",
        title="Targeting safe and well visits with shared data",
        kind=K.CASE_STUDY,
        region=R.SOUTH_EAST,
        organisations=(_body("Kent Fire and Rescue Service", "fire-and-rescue"),),
        service_areas=("community-safety",),
        themes=("data", "partnership", "security-and-resilience"),
        summary="""The fire service combines its incident data with council and NHS lists of
            who lives alone, uses oxygen at home or has a care package, and offers home safety
            visits to the people most at risk first.""",
        problem="""
            Most people who die in house fires are older, live alone and have other needs,
            yet our visits went to whoever asked for one. The people at greatest risk were
            known to social care or the NHS, but not to us.""",
        approach="""
            Under a data-sharing agreement with the county council and the NHS, we receive a
            monthly list of addresses that meet agreed risk factors, with no medical detail. A
            simple risk model ranks them and crews plan visits from it.

            Every visit covers falls, warmth and scams as well as smoke alarms, and crews
            refer back to social care when they find a problem.""",
        outcomes=(
            _other(
                "3.2 times",
                "as many visits to the highest-risk homes",
                "Visit records against the risk score.",
            ),
            _other(
                "27% fewer",
                "accidental dwelling fires in visited homes over two years",
                "Incident data compared with similar homes not yet visited.",
            ),
        ),
        cost="£85,000 to build the model and agreements; £40,000 a year for an analyst.",
        what_worked="""
            - A short, plain data-sharing agreement signed off by all three organisations'
              data protection officers in one meeting.
            - Training crews to spot what to refer on.""",
        what_to_avoid="""
            - Do not ask for more data than you need: asking for diagnoses delayed the
              agreement by six months before we dropped it.""",
        applies_to=("adult-social-care", "housing"),
        applies_to_councils=("county", "district", "unitary"),
        published_days_ago=900,
        reviewed_days_ago=365,
        contact="Head of community safety, prevention@kentfire.example",
    ),
    DemoPractice(
        slug="digital-evidence-sent-to-prosecutors-without-discs",
        title="Sending body-worn video and digital evidence to prosecutors without discs",
        kind=K.CASE_STUDY,
        region=R.SOUTH_WEST,
        organisations=(_body("Devon and Cornwall Police", "police"),),
        service_areas=("community-safety",),
        themes=("security-and-resilience", "partnership", "value"),
        summary="""Body-worn video, CCTV and phone footage now reach the Crown Prosecution
            Service and the courts through a secure evidence platform, instead of being burned
            to discs and driven across two counties.""",
        problem="""
            Digital evidence was copied onto DVDs and couriered between stations, prosecutors
            and courts. Discs went missing, files would not play in court and cases were
            adjourned. Council CCTV footage of the same incidents came the same way.""",
        approach="""
            We adopted a cloud evidence management system that meets policing security
            standards and links to the national prosecution case system. Officers upload from
            their devices; prosecutors and defence view through secure links that expire.
            Council CCTV control rooms were given accounts to send footage directly.""",
        outcomes=(
            _time(
                "9,000 hours",
                "of officer time saved a year on copying and driving",
                "A time-and-motion study in two stations, scaled to the force.",
            ),
            _money(
                "£410,000 a year",
                "saved in discs, couriers and mileage",
                "Procurement and fleet costs, year on year.",
            ),
        ),
        cost="£1.2m over three years across the force.",
        what_worked="""
            - Bringing councils' CCTV teams in early, so their footage arrives the same way.
            - Piloting in one command area before rolling out.""",
        what_to_avoid="""
            - Do not forget defence solicitors: their access was an afterthought and delayed
              trials.""",
        applies_to=("licensing", "environment"),
        applies_to_councils=("district", "unitary"),
        published_days_ago=1030,
    ),
    DemoPractice(
        slug="virtual-wards-with-council-reablement",
        title="Virtual wards: monitoring people at home, with council reablement",
        kind=K.CASE_STUDY,
        region=R.SOUTH_EAST,
        organisations=(
            _body("NHS Kent and Medway", "nhs"),
            _council("Kent County Council", "county"),
        ),
        service_areas=("adult-social-care", "public-health"),
        themes=("services", "partnership", "data"),
        summary="""Patients who would otherwise stay in hospital go home with monitoring kit
            watched by a clinical hub, while the council's reablement team helps them regain
            independence, working from one shared plan.""",
        problem="""
            Older people who were medically fit to leave hospital waited days for care at
            home, losing strength in bed. The NHS was setting up virtual wards on its own:
            patients went home to monitoring with nobody to help them wash or cook.""",
        approach="""
            We made the virtual ward a joint service. Patients go home with blood pressure,
            oxygen and temperature devices linked to a clinical hub, and reablement workers see
            the same care plan and add notes from a phone. A daily video huddle agrees who
            needs what.""",
        outcomes=(
            _time(
                "2.4 days",
                "shorter average hospital stay for people on the pathway",
                "Discharge data against a matched group.",
            ),
            _satisfaction(
                "91%",
                "of patients would choose it again",
                "Follow-up calls at 30 days.",
            ),
        ),
        cost="£2.1m a year for 120 virtual beds from the NHS budget, using reablement hours "
        "the council already commissions.",
        what_worked="""
            - One shared plan and one daily huddle mattered more than any device.
            - Clinicians and social workers chose the equipment together.""",
        what_to_avoid="""
            - Do not launch a virtual ward without social care: our first month had avoidable
              readmissions because nobody was visiting.""",
        applies_to=("housing",),
        applies_to_councils=("unitary", "metropolitan"),
        published_days_ago=350,
        reviewed_days_ago=40,
        champion=True,
    ),
    DemoPractice(
        slug="a-shared-care-record-in-cornwall",
        title="A shared care record for health and social care",
        kind=K.CASE_STUDY,
        region=R.SOUTH_WEST,
        organisations=(
            _body("NHS Cornwall and Isles of Scilly", "nhs"),
            _council("Cornwall Council", "unitary"),
        ),
        service_areas=("adult-social-care",),
        themes=("data", "partnership", "security-and-resilience"),
        summary="""GPs, hospitals, community nurses and council social workers see one
            read-only view of a person's care, with access by role and every look audited, so
            people tell their story once.""",
        problem="""
            A person leaving hospital might be asked the same questions by five professionals
            in a week. Social workers could not see medication or discharge letters; GPs could
            not see care packages.""",
        approach="""
            We joined the regional shared care record and connected the council's social care
            system, starting with a core set: care package, key worker, carers and safeguarding
            flags (visible to permitted roles only). Every view is logged and sampled monthly.
            Residents were told through a campaign and can ask what is shared.""",
        outcomes=(
            _time(
                "35 minutes",
                "saved per hospital discharge assessment",
                "Timed observations of 80 assessments before and after.",
            ),
            _other(
                "2,300",
                "staff and clinicians using it each month",
                "Audit logs.",
            ),
        ),
        cost="£380,000 over two years for the council's connection and training.",
        what_worked="""
            - Starting with a small data set everyone agreed on, then adding to it.""",
        what_to_avoid="""
            - Do not switch on safeguarding flags before agreeing who may see them: we paused
              for three months to fix the access rules.""",
        applies_to=("childrens-services", "housing"),
        applies_to_councils=("county", "metropolitan"),
        published_days_ago=1060,
        reviewed_days_ago=500,
    ),
    DemoPractice(
        slug="a-council-tax-reduction-claim-in-ten-minutes",
        title="A council tax reduction claim that takes ten minutes",
        kind=K.CASE_STUDY,
        region=R.EAST,
        organisations=(_council("Stevenage Borough Council", "district"),),
        service_areas=("revenues-and-benefits",),
        themes=("services", "inclusion", "value"),
        summary="""Rewriting the council tax reduction claim with claimants, in plain English
            and with evidence uploaded from a phone, cut the time to claim fourfold and
            cleared the backlog of half-finished claims.""",
        problem="""
            Our 14-page online form took most people over 40 minutes and two thirds gave up
            part-way. Incomplete claims waited for payslips while people fell into
            arrears.""",
        approach="""
            We watched claimants use the old form, then rebuilt it question by question,
            asking only what the scheme needs and reusing what we already hold. Evidence is
            photographed and uploaded from a phone. Every version was tested with claimants in
            the library and on the phone.""",
        outcomes=(
            _time(
                "from 42 to 10 minutes",
                "median time to complete a claim",
                "The form's analytics.",
            ),
            _other(
                "from 64% to 21%",
                "of claims started but not finished",
                "The form's analytics.",
            ),
            _satisfaction(
                "4.5 out of 5",
                "average rating from claimants",
                "A rating question at the end of the form.",
            ),
        ),
        cost="£38,000, mostly a designer for four months.",
        what_worked="""
            - Testing with real claimants every fortnight.
            - Cutting questions the scheme did not need, with the policy officer in the
              room.""",
        what_to_avoid="""
            - Do not copy the paper form onto a screen. That is what we had, and why it
              failed.""",
        applies_to=("housing", "education"),
        applies_to_councils=("county", "unitary"),
        published_days_ago=480,
    ),
    DemoPractice(
        slug="a-single-view-of-what-a-resident-owes",
        title="A single view of what a resident owes the council",
        kind=K.CASE_STUDY,
        region=R.YORKSHIRE,
        organisations=(_council("Barnsley Council", "metropolitan"),),
        service_areas=("revenues-and-benefits", "housing"),
        themes=("data", "inclusion", "services"),
        summary="""One screen brings together council tax, rent, overpaid benefit and other
            council debts, so one officer agrees one affordable plan with a resident instead
            of three teams chasing them separately.""",
        problem="""
            A resident in hardship could get reminders from council tax, rents and sundry
            debts in the same week, each team unaware of the others, and meet enforcement
            agents over one debt while paying off another.""",
        approach="""
            The data team matched records across the three systems and gave the single view
            to a small fair-debt team. Residents in difficulty agree one plan, prioritised by
            law and hardship, and enforcement pauses while it is agreed. The local advice
            service helped design it from the start.""",
        outcomes=(
            _other(
                "31% fewer",
                "cases passed to enforcement agents",
                "Enforcement referrals, year on year.",
            ),
            _money(
                "£640,000",
                "more collected in a year from residents on agreed plans",
                "Collection from residents on a plan against the year before.",
            ),
        ),
        cost="£160,000 over 18 months, including matching software and two officers.",
        what_worked="""
            - Working with the advice service built trust with residents who avoided us.""",
        what_to_avoid="""
            - Do not use the single view to chase harder: residents will stop talking to
              you.""",
        applies_to=("adult-social-care",),
        applies_to_councils=("unitary", "london-borough"),
        published_days_ago=250,
    ),
    DemoPractice(
        slug="online-participatory-budgeting-in-a-town-council",
        title="Online participatory budgeting in a town council",
        kind=K.CASE_STUDY,
        region=R.SOUTH_WEST,
        organisations=(_council("A town council in Somerset", "parish"),),
        service_areas=("democratic-services",),
        themes=("democracy-and-participation", "inclusion"),
        summary="""A town council put a fifth of its community grants to a public vote, online
            and at the Saturday market, and residents taking part in spending decisions went
            from a few dozen to nearly three thousand.""",
        problem="""
            Grants were decided at committee meetings that a handful of residents attended,
            and the same groups won most years.""",
        approach="""
            Groups pitched their projects in short videos. Residents aged 11 and over voted
            online with a code posted to every household, or on paper at the market and the
            library. We used a free, open-source participation platform looked after by a
            volunteer.""",
        outcomes=(
            _other(
                "2,900",
                "residents voted, against about 40 who came to meetings",
                "Platform and paper counts.",
            ),
            _other(
                "19",
                "projects funded, 11 from groups that had never applied before",
                "Grant records.",
            ),
        ),
        cost="£4,500 a year, plus a volunteer's time.",
        what_worked="""
            - Paper voting at the market alongside the online vote.
            - Letting young people vote brought the schools in.""",
        what_to_avoid="""
            - Do not depend on one volunteer to run the platform: we nearly lost it when ours
              moved away.""",
        applies_to=("leisure", "environment"),
        applies_to_councils=("district", "unitary", "county"),
        published_days_ago=590,
        contact="Town clerk, clerk@towncouncil.example",
    ),
    DemoPractice(
        slug="gigabit-broadband-to-rural-schools-and-libraries",
        title="Gigabit broadband to rural schools and libraries through a public-sector network",
        kind=K.CASE_STUDY,
        region=R.NORTH_WEST,
        organisations=(_council("Cumberland Council", "unitary"),),
        service_areas=("education", "libraries", "economic-development"),
        themes=("connectivity", "economic-productivity-and-growth", "partnership"),
        summary="""Buying full-fibre connections for 90 schools, libraries and council
            buildings in one contract brought a gigabit network into remote villages, which
            the provider then extended to homes and businesses nearby.""",
        problem="""
            Rural schools and libraries struggled on old copper lines, and providers saw no
            commercial case for fibre in sparse villages.""",
        approach="""
            We used national funding for public buildings to connect 90 sites as anchor
            tenants, requiring the provider to open the network to others. The provider then
            used national voucher schemes to reach homes and businesses from each site.""",
        outcomes=(
            _other(
                "6,400",
                "homes and businesses able to get gigabit broadband near the anchor sites",
                "The provider's build reports.",
            ),
            _money(
                "£190,000 a year",
                "saved on the old school and library lines",
                "Telecoms invoices.",
            ),
        ),
        cost="£4.8m, of which £4.1m was national grant.",
        what_worked="""
            - Putting schools, libraries and health sites into one contract.""",
        what_to_avoid="""
            - Do not underestimate wayleaves: permission to cross private land delayed a
              third of the sites.""",
        applies_to=("adult-social-care", "leisure"),
        applies_to_councils=("county", "district"),
        published_days_ago=870,
        reviewed_days_ago=180,
    ),
    DemoPractice(
        slug="open-data-for-buses-and-active-travel",
        title="Open data for buses and active travel across a combined authority",
        kind=K.CASE_STUDY,
        region=R.YORKSHIRE,
        organisations=(_council("West Yorkshire Combined Authority", "combined-authority"),),
        service_areas=("transport",),
        themes=("data", "partnership", "economic-productivity-and-growth"),
        summary="""The combined authority publishes bus punctuality, cycle counts and road
            works from five councils as open data, so councils, operators and developers plan
            from the same figures.""",
        problem="""
            Five councils, several bus operators and the combined authority each held part of
            the picture, in different formats. Nobody could say reliably which corridors were
            getting slower.""",
        approach="""
            We agreed a common data model with the five councils, built a small open data
            platform and publish the feeds under an open licence with plain documentation. A
            monthly data surgery answers questions from officers and developers.""",
        outcomes=(
            _other(
                "23",
                "apps and tools built on the data by others",
                "Registrations on the platform.",
            ),
            _time(
                "3 weeks",
                "saved preparing each bus corridor business case",
                "Estimate by the transport planning team.",
            ),
        ),
        cost="£420,000 over three years.",
        what_worked="""
            - Agreeing the data model with the councils before building anything.""",
        what_to_avoid="""
            - Do not publish data nobody maintains: two early feeds went stale and damaged
              trust.""",
        applies_to=("environment", "economic-development", "public-health"),
        applies_to_councils=("metropolitan", "county", "unitary"),
        published_days_ago=1000,
    ),
    DemoPractice(
        slug="taxi-and-private-hire-licensing-online",
        title="Taxi and private hire licensing online, with digital checks",
        kind=K.CASE_STUDY,
        region=R.YORKSHIRE,
        organisations=(_council("Leeds City Council", "metropolitan"),),
        service_areas=("licensing",),
        themes=("services", "value", "security-and-resilience"),
        summary="""Drivers apply and renew online, with identity and criminal record checks
            done digitally and medicals uploaded, cutting the time to license a new driver
            from ten weeks to three.""",
        problem="""
            Applications were on paper, with appointments to check documents in person.
            Backlogs left drivers without income and tempted some to work on lapsed
            licences.""",
        approach="""
            We redesigned the application with drivers, added digital identity checks and the
            online criminal record check, and let drivers track their application.
            Enforcement officers check a licence's status on a phone at the roadside.""",
        outcomes=(
            _time(
                "from 10 to 3 weeks",
                "to license a new driver",
                "Licensing system records.",
            ),
            _money(
                "£85,000 a year",
                "saved in officer time and printing",
                "Staff time recorded before and after.",
            ),
        ),
        cost="£110,000.",
        what_worked="""
            - Drivers' associations tested every version of the form.""",
        what_to_avoid="""
            - Do not make online the only route: some drivers needed help, so we kept
              appointments.""",
        applies_to=("community-safety", "environment"),
        applies_to_councils=("district", "unitary"),
        published_days_ago=440,
    ),
    DemoPractice(
        slug="litter-bins-that-say-when-they-are-full",
        title="Smart litter bins that say when they are full",
        kind=K.CASE_STUDY,
        region=R.SOUTH_WEST,
        organisations=(_council("Bournemouth, Christchurch and Poole Council", "unitary"),),
        service_areas=("waste-and-refuse", "leisure"),
        themes=("data", "value", "ethics-and-sustainability"),
        summary="""Sensors in 600 litter bins on the seafront and in parks report how full they
            are, so crews empty the bins that need it instead of driving a fixed route, and
            the busiest spots get bigger bins.""",
        problem="""
            On hot days seafront bins overflowed by midday while crews drove fixed routes
            emptying half-full bins in quieter places.""",
        approach="""
            We fitted ultrasonic sensors that report over a low-power network. Crews' routes
            are planned each morning from fill levels and the weather forecast, and a year's
            data told us where to move and resize bins.""",
        outcomes=(
            _other(
                "46% fewer",
                "overflowing bins reported by the public",
                "Reports through the website and app.",
            ),
            _money(
                "£72,000 a year",
                "saved in vehicle mileage and crew time",
                "Fleet data.",
            ),
        ),
        cost="£180,000 over two years.",
        what_worked="""
            - Using the data to move bins, not just to empty them.""",
        what_to_avoid="""
            - Do not buy sensors before checking the network: we had to install our own
              gateways.""",
        applies_to=("environment", "transport"),
        applies_to_councils=("district", "metropolitan"),
        published_days_ago=520,
        reviewed_days_ago=60,
    ),
    DemoPractice(
        slug="a-family-hub-app-with-consent-based-sharing",
        title="A family hub app with consent-based information sharing",
        kind=K.CASE_STUDY,
        region=R.NORTH_WEST,
        organisations=(_council("Wigan Council", "metropolitan"),),
        service_areas=("childrens-services",),
        themes=("partnership", "inclusion", "ethics-and-sustainability"),
        summary="""Families choose what to share with which professionals through an app, so
            health visitors, schools and early help workers work from one plan and the family
            tells its story once.""",
        problem="""
            Families getting early help repeated their story to every new worker, and did not
            know who knew what about them.""",
        approach="""
            We designed an app with parents in two family hubs. Families see their plan, the
            people working with them and what each can see, and can give or withdraw consent.
            Professionals see only what is shared with them.""",
        outcomes=(
            _satisfaction(
                "82%",
                "of parents say they understand who knows what",
                "Survey at each plan review.",
            ),
            _time(
                "45 minutes",
                "saved per family at the first multi-agency meeting",
                "Practitioners' logs.",
            ),
        ),
        cost="£240,000 over two years.",
        what_worked="""
            - Parents designed the consent screens.""",
        what_to_avoid="""
            - Do not rely on consent where the law requires sharing: safeguarding concerns
              still go through the usual route, and the app says so plainly.""",
        applies_to=("public-health", "education", "housing"),
        applies_to_councils=("county", "unitary"),
        published_days_ago=380,
    ),
    DemoPractice(
        slug="finding-households-at-risk-of-homelessness-early",
        title="Finding households at risk of homelessness before the eviction notice",
        kind=K.CASE_STUDY,
        region=R.LONDON,
        organisations=(_council("London Borough of Barking and Dagenham", "london-borough"),),
        service_areas=("housing",),
        themes=("data", "ethics-and-sustainability", "services"),
        summary="""A monthly analysis of council tax, housing benefit and rent arrears flags
            households likely to lose their home, and a prevention officer calls to offer help
            months before they would have come to the council.""",
        problem="""
            Most households came for help only once they had an eviction notice, when the
            options were few and temporary accommodation was costly.""",
        approach="""
            With legal advice and a published impact assessment, we combined arrears and
            benefit data into a simple, explainable risk score, and prevention officers get a
            weekly list to contact. An independent ethics panel reviewed the model and the
            letters. People are offered help; the score decides nothing.""",
        outcomes=(
            _other(
                "410",
                "households helped to stay in their home in a year",
                "Prevention case records.",
            ),
            _money(
                "£2.3m",
                "estimated saving on temporary accommodation",
                "Average cost of a placement, times placements avoided.",
            ),
        ),
        cost="£190,000 a year, mostly prevention officers.",
        what_worked="""
            - An explainable score: officers can say why they are calling.""",
        what_to_avoid="""
            - Do not send a letter that reads like a threat. Our first version did, and
              nobody replied.""",
        applies_to=("revenues-and-benefits", "adult-social-care"),
        applies_to_councils=("metropolitan", "unitary"),
        published_days_ago=600,
        reviewed_days_ago=150,
    ),
    DemoPractice(
        slug="reporting-a-repair-with-photos",
        title="Reporting a repair with photos and choosing the appointment",
        kind=K.CASE_STUDY,
        region=R.NORTH_EAST,
        organisations=(_council("Gateshead Council", "metropolitan"),),
        service_areas=("housing",),
        themes=("services", "value"),
        summary="""Council tenants report repairs on a phone with a photo and pick an
            appointment slot, so the right trade arrives with the right parts and more jobs
            are fixed first time.""",
        problem="""
            Repairs were reported by phone and described in a few words. The wrong trade often
            arrived, and a quarter of jobs needed a second visit.""",
        approach="""
            A guided online form with pictures helps tenants say what is wrong and add a
            photo. Schedulers see it before booking, and tenants choose from real slots.
            Operatives get the photo on their phone.""",
        outcomes=(
            _other(
                "from 74% to 88%",
                "of repairs fixed first time",
                "Repairs system.",
            ),
            _money(
                "£430,000 a year",
                "saved in repeat visits",
                "Average cost of a visit from the repairs contract.",
            ),
        ),
        cost="£95,000.",
        what_worked="""
            - Pictures of common problems helped tenants describe theirs.""",
        what_to_avoid="""
            - Do not close the phone line: a third of tenants still ring, and that is
              fine.""",
        applies_to=("waste-and-refuse", "transport"),
        applies_to_councils=("district", "london-borough"),
        published_days_ago=150,
    ),
    DemoPractice(
        slug="text-reminders-through-gov-uk-notify",
        title="Text reminders through GOV.UK Notify cut missed payments and appointments",
        kind=K.CASE_STUDY,
        region=R.YORKSHIRE,
        organisations=(
            _council("Hull City Council", "unitary"),
            _body("Government Digital Service", "central-government"),
        ),
        service_areas=("customer-services", "revenues-and-benefits"),
        themes=("value", "services", "partnership"),
        summary="""Using the government's free messaging platform, the council texts residents
            before a council tax instalment or an appointment, with fewer missed payments and
            no-shows at almost no cost.""",
        problem="""
            Reminder letters cost 70p each and often arrived too late; many residents missed
            an instalment and went into recovery.""",
        approach="""
            We connected our revenues and booking systems to GOV.UK Notify, which public
            bodies use free within a generous allowance of texts. A text goes three days
            before an instalment with a link to pay. The content team wrote the templates and
            tested them with residents.""",
        outcomes=(
            _money(
                "£210,000 a year",
                "saved in letters and recovery costs",
                "Print costs and summons numbers, year on year.",
            ),
            _other(
                "18% fewer",
                "missed instalments",
                "Revenues system.",
            ),
        ),
        cost="£20,000 of developer time; the platform is free within its allowance.",
        what_worked="""
            - Clear documentation: one developer connected it in a fortnight.""",
        what_to_avoid="""
            - Do not text without checking numbers are current: we checked first and still had
              6% fail.""",
        applies_to=("adult-social-care", "housing", "waste-and-refuse", "licensing"),
        applies_to_councils=("county", "district", "metropolitan"),
        published_days_ago=920,
        reviewed_days_ago=210,
    ),
    DemoPractice(
        slug="joint-digital-support-for-universal-credit-claimants",
        title="Jobcentre and council digital support for Universal Credit claimants, in one place",
        kind=K.CASE_STUDY,
        region=R.SOUTH_EAST,
        organisations=(
            _body("Jobcentre Plus Kent", "central-government"),
            _council("Maidstone Borough Council", "district"),
        ),
        service_areas=("revenues-and-benefits", "libraries"),
        themes=("inclusion", "partnership"),
        summary="""Work coaches and council staff run a joint weekly drop-in at the town's
            library, where claimants get help with their online Universal Credit account,
            council tax reduction and getting online, in one visit.""",
        problem="""
            Claimants who could not manage their online account were passed between the
            jobcentre, the council and advice services, and some had payments stopped.""",
        approach="""
            A work coach, a council benefits officer and a digital champion sit together in
            the library every Tuesday. Claimants book or walk in, and each partner refers to
            the others on the spot.""",
        outcomes=(
            _other(
                "1,100",
                "visits in a year",
                "Drop-in records.",
            ),
            _other(
                "40% fewer",
                "sanctions among claimants helped, against similar claimants",
                "Jobcentre data.",
            ),
        ),
        cost="£15,000 a year of staff time; the library room is free.",
        what_worked="""
            - One room, three organisations, and no referrals by letter.""",
        what_to_avoid="""
            - Do not assume you may share data because you share a room: we needed an
              agreement first.""",
        applies_to=("housing", "customer-services"),
        applies_to_councils=("county", "unitary"),
        published_days_ago=270,
    ),
    DemoPractice(
        slug="moving-local-land-charges-to-the-national-register",
        title="Moving local land charges to the national register",
        kind=K.CASE_STUDY,
        region=R.EAST_MIDLANDS,
        organisations=(
            _body("HM Land Registry", "central-government"),
            _council("Rushcliffe Borough Council", "district"),
        ),
        service_areas=("planning",),
        themes=("data", "value", "economic-productivity-and-growth"),
        summary="""A district council's local land charges moved to the national digital
            register, so conveyancers get searches online at once, and the council's own land
            data was cleaned up on the way.""",
        problem="""
            Searches for house buyers took up to ten days, done by hand from paper records
            and spreadsheets.""",
        approach="""
            We worked with the national register's migration team to digitise 60 years of
            charges, map them and check them against planning and highways records. Searches
            now come from the register online.""",
        outcomes=(
            _time(
                "from 8 days to instant",
                "for a local land charges search",
                "Search records.",
            ),
            _other(
                "4,200",
                "errors and gaps fixed in our records",
                "Data quality report.",
            ),
        ),
        cost="£85,000 of our staff time; the migration was funded nationally.",
        what_worked="""
            - Fixing our own data, which helped planning too.""",
        what_to_avoid="""
            - Do not forget the search fees you will lose: plan for them in the budget.""",
        applies_to=("licensing", "environment"),
        applies_to_councils=("unitary", "london-borough"),
        published_days_ago=800,
    ),
    DemoPractice(
        slug="volunteer-befriending-through-social-prescribing",
        title="Volunteer befriending, matched online through social prescribing",
        kind=K.CASE_STUDY,
        region=R.NORTH_WEST,
        organisations=(
            _body("A council for voluntary service in Lancashire", "voluntary"),
            _council("Lancashire County Council", "county"),
        ),
        service_areas=("adult-social-care", "public-health"),
        themes=("inclusion", "partnership"),
        summary="""Social prescribers in GP surgeries refer lonely residents through a shared
            online directory of befriending and community groups; volunteers are matched
            within a week and the outcome comes back to the referrer.""",
        problem="""
            Referrals to community groups were made by leaflet. Nobody knew whether the
            person went, and small groups were either overwhelmed or never heard of.""",
        approach="""
            We built a shared directory of 900 groups that keep their own entries up to date,
            with a simple referral each group accepts and reports back on. Volunteers are
            matched by interest and distance.""",
        outcomes=(
            _other(
                "2,600",
                "referrals in a year, 71% taken up",
                "Referral records.",
            ),
            _satisfaction(
                "from 4.1 to 6.3",
                "average wellbeing score out of 10 after three months",
                "A short wellbeing scale at referral and at follow-up.",
            ),
        ),
        cost="£90,000 a year, funded jointly.",
        what_worked="""
            - Letting groups update their own entries kept the directory alive.""",
        what_to_avoid="""
            - Do not overload the smallest groups: cap the referrals each one gets.""",
        applies_to=("libraries", "leisure", "meals-on-wheels"),
        applies_to_councils=("unitary", "metropolitan"),
        published_days_ago=330,
    ),
    DemoPractice(
        slug="food-bank-referrals-shared-with-councils",
        title="A food bank network's referral system shared with councils",
        kind=K.CASE_STUDY,
        region=R.WEST_MIDLANDS,
        organisations=(_body("A food bank network in the West Midlands", "voluntary"),),
        service_areas=("revenues-and-benefits", "public-health"),
        themes=("partnership", "inclusion", "data"),
        summary="""Council, housing and school staff refer families to food banks through one
            online system that also offers a benefits check, so emergency food becomes a route
            into longer-term help.""",
        problem="""
            Paper vouchers gave food banks no picture of why people came, and councils no way
            to follow up.""",
        approach="""
            We moved to an online referral used by 240 referring agencies. With the family's
            consent, the council's welfare benefits team calls within a week. Anonymised data
            shows what is driving demand.""",
        outcomes=(
            _money(
                "£1.4m",
                "in unclaimed benefits found for families in a year",
                "Welfare benefits team records.",
            ),
            _other(
                "2,100",
                "families given a benefits check",
                "Referral records.",
            ),
        ),
        cost="£25,000 a year.",
        what_worked="""
            - Asking for consent once, at referral, in plain words.""",
        what_to_avoid="""
            - Do not ask families for information the food bank does not need.""",
        applies_to=("housing", "childrens-services"),
        applies_to_councils=("metropolitan", "district", "unitary"),
        published_days_ago=450,
        contact="Network coordinator, hello@foodbanks.example",
    ),
    DemoPractice(
        slug="sharing-a-priority-services-register-in-an-outage",
        title="Sharing a utility's priority services register with councils in an outage",
        kind=K.CASE_STUDY,
        region=R.SOUTH_WEST,
        organisations=(_body("A water company in the South West", "private"),),
        service_areas=("community-safety",),
        themes=("security-and-resilience", "partnership", "data"),
        summary="""When the water goes off, the company shares the addresses of affected
            customers on its priority register with councils and the local resilience forum,
            so bottled water reaches the most vulnerable people first.""",
        problem="""
            In an outage, councils and the company each tried to find vulnerable residents,
            with overlapping lists and gaps.""",
        approach="""
            An agreement made in advance under the emergency planning rules lets us send
            councils the affected priority customers during an incident. Councils add
            residents known to social care, and deliveries are planned from one list.""",
        outcomes=(
            _time(
                "from 2 days to 6 hours",
                "to reach every priority customer in an outage",
                "Incident logs.",
            ),
            _other(
                "14,000",
                "priority customers reached in one major outage",
                "Delivery records.",
            ),
        ),
        cost="Staff time only.",
        what_worked="""
            - Agreeing the sharing before an incident, and testing it in exercises.""",
        what_to_avoid="""
            - Do not wait for an incident to find councils' out-of-hours contacts.""",
        applies_to=("adult-social-care", "meals-on-wheels"),
        applies_to_councils=("county", "unitary", "district"),
        published_days_ago=560,
    ),
    DemoPractice(
        slug="one-hour-visit-windows-from-parcel-delivery",
        title="One-hour visit windows: what councils took from parcel delivery",
        kind=K.CASE_STUDY,
        region=R.ENGLAND,
        organisations=(_body("A national parcel carrier", "private"),),
        service_areas=("customer-services",),
        themes=("services", "value"),
        summary="""A parcel carrier's one-hour delivery window and live progress halved failed
            deliveries; councils adopting the same pattern give residents a window for home
            visits from repairs teams and bulky waste crews.""",
        problem="""
            A failed delivery costs the carrier a second trip, and a day-long window meant
            people were out.""",
        approach="""
            Customers get a one-hour window on the morning of delivery and can follow the
            driver's progress, choose a safe place or pick another day. Councils in our user
            group adapted the pattern for repairs and bulky waste appointments.""",
        outcomes=(
            _other(
                "from 9% to 4%",
                "of deliveries failing first time",
                "The carrier's delivery data.",
            ),
            _satisfaction(
                "12 points",
                "higher customer satisfaction",
                "The carrier's customer survey.",
            ),
        ),
        cost="Not published by the company.",
        what_worked="""
            - Sending the window on the day, when it is reliable, not weeks ahead.""",
        what_to_avoid="""
            - Do not give a window you cannot keep: late updates lose trust faster than no
              window at all.""",
        applies_to=("housing", "waste-and-refuse", "adult-social-care"),
        applies_to_councils=("county", "district", "unitary", "metropolitan", "london-borough"),
        published_days_ago=240,
    ),
    DemoPractice(
        slug="university-climate-research-in-flood-planning",
        title="University climate research that shapes a council's flood planning",
        kind=K.CASE_STUDY,
        region=R.SOUTH_WEST,
        organisations=(
            _body("A university climate research centre in the South West", "other"),
            _council("Devon County Council", "county"),
        ),
        service_areas=("environment", "planning"),
        themes=("data", "security-and-resilience", "ethics-and-sustainability"),
        summary="""Researchers and the council's flood engineers turned local climate
            projections into surface-water flood maps, now used to rank drainage schemes and
            to advise on planning applications in places at risk.""",
        problem="""
            Flood risk maps were based on past floods, while the places flooding most often
            were ones the maps said were safe. Drainage money went where complaints were
            loudest.""",
        approach="""
            Two PhD researchers worked inside the flood team for a year, combining climate
            projections, rainfall radar and the council's own records of flooded homes. The
            maps and method are published, and the planning team uses them as a
            consultee.""",
        outcomes=(
            _other(
                "17",
                "drainage schemes re-ranked by risk, 6 brought forward",
                "Capital programme before and after.",
            ),
            _time(
                "2 weeks",
                "faster flood advice on planning applications",
                "Consultation response times.",
            ),
        ),
        cost="£60,000 towards two studentships over three years.",
        what_worked="""
            - Researchers sitting with engineers, not sending a report at the end.""",
        what_to_avoid="""
            - Do not treat a model as certain: we publish the uncertainty with every map.""",
        applies_to=("transport", "housing"),
        applies_to_councils=("unitary", "district"),
        published_days_ago=660,
    ),
    DemoPractice(
        slug="digital-by-default-with-help-at-hand-in-denmark",
        title="Digital by default with help at hand: a Danish municipality's citizen service",
        kind=K.CASE_STUDY,
        region=R.ELSEWHERE,
        organisations=(_body("A Danish municipality", "other"),),
        service_areas=("customer-services", "libraries"),
        themes=("inclusion", "services"),
        summary="""Where digital post from the public sector is the norm, a Danish
            municipality's citizen service centres and libraries help those who are exempt or
            struggling; what English councils moving services online can take from it.""",
        problem="""
            National rules made digital post and self-service the default for almost every
            public service. Around one resident in ten could not, or would not, use them.""",
        approach="""
            The municipality made helping people a named service, not a favour. Libraries and
            citizen service centres offer appointments to set up and use digital post, staff
            can act for a resident with their written permission, and anyone may apply to be
            exempt and receive paper. Help is measured like any other service.""",
        outcomes=(
            _other(
                "93%",
                "of residents using digital post",
                "National statistics for the municipality.",
            ),
            _satisfaction(
                "88%",
                "of people helped rate the help good",
                "The municipality's survey at the end of appointments.",
            ),
        ),
        cost="About four staff in the citizen service centre, funded from savings in post.",
        what_worked="""
            - A right to an exemption made the default fair, and few people used it.""",
        what_to_avoid="""
            - Do not make digital the default before the help is in place.""",
        applies_to=("revenues-and-benefits", "adult-social-care"),
        applies_to_councils=("unitary", "metropolitan", "district"),
        published_days_ago=720,
    ),
    DemoPractice(
        slug="bilingual-online-services-designed-in-welsh-first",
        title="Bilingual online services designed in Welsh and English together",
        kind=K.CASE_STUDY,
        region=R.ELSEWHERE,
        organisations=(_council("Gwynedd Council", "unitary"),),
        service_areas=("customer-services", "democratic-services"),
        themes=("inclusion", "services", "democracy-and-participation"),
        summary="""A Welsh council designs each online service in both languages at once,
            tested with speakers of both, instead of translating at the end; a method for any
            council serving residents in more than one language.""",
        problem="""
            Services were designed in English and translated just before launch. The Welsh
            versions read awkwardly, lagged behind changes and were used less than the number
            of Welsh speakers suggested.""",
        approach="""
            Content designers write both versions side by side from the first sketch, and
            every round of testing includes Welsh speakers. Changes go live in both languages
            together or not at all.""",
        outcomes=(
            _other(
                "from 11% to 29%",
                "of online transactions completed in Welsh",
                "Web analytics by language.",
            ),
        ),
        cost="No more than translating at the end, once the team had learned the method.",
        what_worked="""
            - Bilingual content designers, rather than a separate translation queue.""",
        what_to_avoid="""
            - Do not treat the second language as a finishing step: it will always be
              late.""",
        applies_to=("libraries", "education"),
        applies_to_councils=("county", "metropolitan", "london-borough"),
        published_days_ago=840,
        reviewed_days_ago=270,
    ),
    DemoPractice(
        slug="video-consultations-across-remote-areas",
        title="Video consultations across remote areas: a national service in Scotland",
        kind=K.CASE_STUDY,
        region=R.ELSEWHERE,
        organisations=(_body("NHS Scotland", "nhs"),),
        service_areas=("adult-social-care", "public-health"),
        themes=("connectivity", "services", "inclusion"),
        summary="""Scotland's national video consulting service lets people join appointments
            from home or a local hub, saving long journeys in remote areas; social work teams
            and councils now use the same platform.""",
        problem="""
            In the Highlands and islands, a 20-minute appointment could mean a day's travel,
            often by ferry.""",
        approach="""
            A single national platform, free to patients, works in a web browser with no
            account. Boards set up waiting rooms for each clinic; councils' social work teams
            joined for reviews and assessments. Local hubs in libraries and community centres
            serve those without a good connection at home.""",
        outcomes=(
            _time(
                "a day's travel",
                "saved for many patients per appointment",
                "Travel estimates from patient postcodes.",
            ),
            _satisfaction(
                "over 90%",
                "of patients rate video appointments good or very good",
                "National evaluation survey.",
            ),
        ),
        cost="Funded nationally.",
        what_worked="""
            - No account and no download: a link in a text message is enough.""",
        what_to_avoid="""
            - Do not assume video suits every appointment: people choose, and some need to be
              seen in person.""",
        applies_to=("childrens-services", "housing"),
        applies_to_councils=("county", "unitary"),
        published_days_ago=1040,
    ),
    DemoPractice(
        slug="fire-safety-inspections-on-a-tablet",
        title="Fire safety inspections of businesses recorded on a tablet",
        kind=K.CASE_STUDY,
        region=R.NORTH_WEST,
        organisations=(_body("Greater Manchester Fire and Rescue Service", "fire-and-rescue"),),
        service_areas=("community-safety",),
        themes=("services", "value", "data"),
        summary="""Inspectors record fire safety audits on a tablet at the premises, with the
            building's history to hand, and share findings with council licensing and housing
            teams who inspect the same buildings.""",
        problem="""
            Audits were written up back at the station, days later. Council licensing and
            private-sector housing officers inspected the same takeaways and flats above shops
            without knowing what we had found.""",
        approach="""
            Inspectors use a tablet with the building's history, plans and previous notices.
            Findings that matter to the council go to a shared inbox the same day under an
            agreed protocol.""",
        outcomes=(
            _time(
                "1.5 hours",
                "saved per audit on writing up",
                "Inspectors' time records.",
            ),
            _other(
                "220",
                "joint visits arranged with council officers in a year",
                "Protocol records.",
            ),
        ),
        cost="£140,000, including 60 tablets and the audit software.",
        what_worked="""
            - A one-page protocol with councils on what gets shared.""",
        what_to_avoid="""
            - Do not rely on mobile signal in basements: the app had to work offline.""",
        applies_to=("licensing", "housing", "environment"),
        applies_to_councils=("district", "unitary", "london-borough"),
        published_days_ago=180,
    ),
    DemoPractice(
        slug="a-joint-police-and-council-cctv-control-room",
        title="A joint police and council CCTV control room",
        kind=K.CASE_STUDY,
        region=R.NORTH_WEST,
        organisations=(
            _body("Lancashire Constabulary", "police"),
            _council("Preston City Council", "district"),
        ),
        service_areas=("community-safety",),
        themes=("security-and-resilience", "partnership", "value"),
        summary="""The police and the city council share one CCTV control room, with cameras
            on a secure network and footage stored in the cloud, so operators and officers see
            the same picture and footage goes straight to investigators.""",
        problem="""
            The council ran an ageing control room with analogue cameras, and footage reached
            the police on discs. Operators phoned the force control room to describe what they
            could see.""",
        approach="""
            We moved to digital cameras on the public-sector network, cloud storage with
            policing security controls, and one room staffed by council operators with a
            police liaison officer. Footage is shared by secure link.""",
        outcomes=(
            _money(
                "£95,000 a year",
                "saved in maintenance, storage and staffing",
                "Budgets before and after.",
            ),
            _time(
                "from 3 days to 1 hour",
                "for footage to reach an investigator",
                "Evidence request logs.",
            ),
        ),
        cost="£680,000 over three years, shared by the police and the council.",
        what_worked="""
            - A police officer in the room built trust faster than any protocol.""",
        what_to_avoid="""
            - Do not add cameras without a plan to watch them: we removed 30 that nobody
              monitored.""",
        applies_to=("leisure", "licensing", "transport"),
        applies_to_councils=("unitary", "metropolitan"),
        published_days_ago=1070,
        reviewed_days_ago=330,
    ),
    DemoPractice(
        slug="air-quality-sensors-outside-schools",
        title="Air quality sensors outside schools, with the data in the open",
        kind=K.CASE_STUDY,
        region=R.SOUTH_WEST,
        organisations=(_council("Bristol City Council", "unitary"),),
        service_areas=("environment",),
        themes=("data", "ethics-and-sustainability", "democracy-and-participation"),
        summary="""Low-cost sensors outside 40 schools publish air quality readings openly;
            pupils use them in lessons, and parents and councillors used them to choose where
            school streets close to traffic at drop-off.""",
        problem="""
            The council's few reference monitors sat on main roads, and parents had no way to
            know what their children breathed at the school gate.""",
        approach="""
            We installed sensors at 40 schools, checked against a reference monitor, and
            publish the readings on an open map. Schools got lesson plans; ward councillors
            got a monthly summary.""",
        outcomes=(
            _other(
                "12",
                "school streets introduced, with nitrogen dioxide down 23% at the gate",
                "Sensor readings a year before and after.",
            ),
        ),
        cost="£75,000 over two years.",
        what_worked="""
            - Publishing the data openly made it a shared fact rather than an argument.""",
        what_to_avoid="""
            - Do not present low-cost sensor readings as exact: we show ranges and explain
              them.""",
        applies_to=("education", "public-health", "transport"),
        applies_to_councils=("county", "metropolitan", "london-borough"),
        published_days_ago=95,
    ),
    DemoPractice(
        slug="one-front-door-for-business-support",
        title="One front door for business support across a city region",
        kind=K.CASE_STUDY,
        region=R.NORTH_WEST,
        organisations=(_council("Liverpool City Region Combined Authority", "combined-authority"),),
        service_areas=("economic-development",),
        themes=("economic-productivity-and-growth", "partnership", "services"),
        summary="""Businesses answer a few questions once and are routed to the right grant,
            adviser or council team across six councils, instead of finding their way through
            dozens of schemes.""",
        problem="""
            A small business could choose from over 60 support schemes run by six councils,
            the growth hub, universities and national bodies, and most gave up.""",
        approach="""
            We built one triage service with all the partners, a shared customer record and
            agreed hand-offs. Advisers follow up every enquiry within two working days.""",
        outcomes=(
            _other(
                "3,700",
                "businesses supported in a year, up 40%",
                "Shared customer record.",
            ),
            _satisfaction(
                "86%",
                "of businesses say they reached the right help first time",
                "Survey a month after the enquiry.",
            ),
        ),
        cost="£350,000 over two years from shared prosperity funding.",
        what_worked="""
            - Agreeing hand-offs between partners before building the front door.""",
        what_to_avoid="""
            - Do not let every partner keep its own intake form as well.""",
        applies_to=("licensing", "planning"),
        applies_to_councils=("unitary", "county", "metropolitan"),
        published_days_ago=390,
    ),
    DemoPractice(
        slug="optimising-home-to-school-transport-routes",
        title="Optimising home-to-school transport routes",
        kind=K.CASE_STUDY,
        region=R.WEST_MIDLANDS,
        organisations=(_council("Warwickshire County Council", "county"),),
        service_areas=("transport", "education"),
        themes=("value", "data", "ethics-and-sustainability"),
        summary="""Route optimisation software plans taxis and minibuses for 6,000 pupils,
            many with special educational needs, cutting cost and carbon while keeping journey
            times within what each child's plan allows.""",
        problem="""
            Home-to-school transport costs were rising by a fifth a year, and routes had been
            planned by hand over years, one child at a time.""",
        approach="""
            We bought route optimisation software, loaded every pupil's needs and limits, and
            re-planned all routes over a summer with the transport team checking each one.
            Parents were told their new times a month before term.""",
        outcomes=(
            _money(
                "£1.9m a year",
                "saved on contracts",
                "Contract values before and after re-planning.",
            ),
            _other(
                "310 tonnes",
                "less carbon a year",
                "Vehicle mileage and emissions factors.",
            ),
        ),
        cost="£120,000 for the software and a summer of staff time.",
        what_worked="""
            - Officers checked every route against the child's needs before it was
              offered.""",
        what_to_avoid="""
            - Do not re-plan in September: parents need a month's notice.""",
        applies_to=("adult-social-care",),
        applies_to_councils=("unitary", "metropolitan"),
        published_days_ago=540,
    ),
    DemoPractice(
        slug="a-device-bank-for-donated-laptops",
        title="A device bank that gives donated laptops a second life",
        kind=K.CASE_STUDY,
        region=R.WEST_MIDLANDS,
        organisations=(_council("West Midlands Combined Authority", "combined-authority"),),
        service_areas=("economic-development", "libraries"),
        themes=("inclusion", "ethics-and-sustainability", "partnership"),
        summary="""Businesses and public bodies donate old laptops, which are wiped to a
            recognised standard, refurbished and given with free data to residents who need
            one for work, learning or services.""",
        problem="""
            Thousands of residents had no device at home, while employers and councils sent
            working laptops for recycling.""",
        approach="""
            A social enterprise wipes and refurbishes donated devices; libraries and job
            clubs refer residents and give a first lesson. Each laptop comes with six months
            of free data from a national scheme.""",
        outcomes=(
            _other(
                "8,500",
                "devices given out in two years",
                "Device bank records.",
            ),
            _other(
                "60 tonnes",
                "of electronic waste avoided",
                "Weights of refurbished devices.",
            ),
        ),
        cost="£400,000 over two years, mostly refurbishment and data.",
        what_worked="""
            - Asking councils to donate their own old laptops first.""",
        what_to_avoid="""
            - Do not give a device without help to use it.""",
        applies_to=("education", "adult-social-care", "housing"),
        applies_to_councils=("metropolitan", "county", "unitary"),
        published_days_ago=610,
    ),
    DemoPractice(
        slug="tap-on-tap-off-capped-bus-fares",
        title="Tap on, tap off: contactless capped bus fares",
        kind=K.CASE_STUDY,
        region=R.NORTH_EAST,
        organisations=(
            _body("A regional bus operator in the North East", "private"),
            _council("North East Combined Authority", "combined-authority"),
        ),
        service_areas=("transport",),
        themes=("services", "value", "data"),
        summary="""Passengers tap a bank card or phone when they board and leave, and are
            charged the best fare for the day across every operator, without needing to know
            which ticket to buy.""",
        problem="""
            Passengers faced dozens of tickets from different operators and often paid more
            than they needed to; boarding was slow while drivers sold tickets.""",
        approach="""
            Operators and the combined authority agreed a common fare cap and a back office
            that shares income between operators. Readers were fitted to 1,400 buses.""",
        outcomes=(
            _time(
                "9 seconds",
                "quicker boarding per passenger",
                "Dwell times from vehicle tracking data.",
            ),
            _other(
                "7%",
                "more journeys in the first year",
                "Operator patronage data.",
            ),
        ),
        cost="£6m, shared by operators and national bus funding.",
        what_worked="""
            - One cap across every operator, so passengers never have to choose.""",
        what_to_avoid="""
            - Do not leave cash passengers behind: cash fares are capped too.""",
        applies_to=("leisure", "education"),
        applies_to_councils=("county", "unitary", "metropolitan"),
        published_days_ago=60,
    ),
    DemoPractice(
        slug="virtual-parking-permits",
        title="Virtual parking permits, checked by number plate",
        kind=K.CASE_STUDY,
        region=R.LONDON,
        organisations=(_council("London Borough of Islington", "london-borough"),),
        service_areas=("transport",),
        themes=("services", "value", "ethics-and-sustainability"),
        summary="""Residents apply for and renew parking permits online, with proof of address
            checked against council records; wardens check number plates on a handheld, and
            paper permits are gone.""",
        problem="""
            Paper permits were posted, lost and forged, and every renewal needed documents
            that the council already held.""",
        approach="""
            Permits are linked to a number plate. Residents apply online, we check address
            and council tax records automatically, and charges vary with vehicle emissions. A
            phone and counter route remains.""",
        outcomes=(
            _money(
                "£180,000 a year",
                "saved in printing, post and handling",
                "Budgets year on year.",
            ),
            _time(
                "from 10 days to same day",
                "for a new permit",
                "Permit system records.",
            ),
        ),
        cost="£90,000.",
        what_worked="""
            - Reusing council tax records instead of asking for documents.""",
        what_to_avoid="""
            - Do not forget visitors' permits: carers and tradespeople need them to work
              too.""",
        applies_to=("licensing", "environment"),
        applies_to_councils=("district", "unitary", "metropolitan"),
        published_days_ago=25,
    ),
    # --- Frameworks that generalise --------------------------------------------------------
    DemoPractice(
        slug="common-patterns-for-council-transactions",
        title="Report it, apply for it, pay for it: common patterns for council transactions",
        kind=K.FRAMEWORK,
        region=R.LONDON,
        organisations=(_body("London Office of Technology and Innovation", "other"),),
        service_areas=("customer-services", "revenues-and-benefits", "licensing"),
        themes=("services", "organisational-capability", "partnership"),
        summary="""Most council transactions are one of a few patterns: report a problem, apply
            for something, pay for something, book something. A shared set of tested patterns
            lets a council build each new service from parts that already work.""",
        problem="""
            London boroughs were each designing hundreds of forms from scratch, with the same
            mistakes made and fixed again and again.""",
        approach="""
            Designers from 14 boroughs sorted their transactions and found four patterns
            covering nine in ten of them. For each we wrote the steps, the questions to ask and
            not to ask, content that tested well and the accessibility checks, all openly
            licensed.

            - Report it: where, what, a photo, updates until it is done.
            - Apply for it: eligibility first, then evidence, then a decision date.
            - Pay for it: amount, reference, receipt, what happens next.
            - Book it: real availability, confirmation, reminders, easy changes.""",
        outcomes=(
            _other(
                "14 boroughs",
                "using the patterns in their own services",
                "The network's adoption survey.",
            ),
            _time(
                "6 weeks",
                "saved on a typical new service's design",
                "Estimates from three boroughs' service teams.",
            ),
        ),
        cost="£85,000 of pooled funding over a year.",
        what_worked="""
            - Starting from real transactions, not a theory of services.""",
        what_to_avoid="""
            - Do not turn patterns into a mandatory template: teams adapt them, and should.""",
        applies_to=("planning", "housing", "waste-and-refuse", "transport"),
        applies_to_councils=("county", "district", "unitary", "metropolitan"),
        published_days_ago=860,
        reviewed_days_ago=100,
    ),
    DemoPractice(
        slug="a-maturity-model-for-data-in-social-care",
        title="A maturity model for using data in adult and children's social care",
        kind=K.FRAMEWORK,
        region=R.NORTH_WEST,
        organisations=(
            _council("Greater Manchester Combined Authority", "combined-authority"),
            _body("NHS Greater Manchester", "nhs"),
        ),
        service_areas=("adult-social-care", "childrens-services"),
        themes=("data", "ethics-and-sustainability", "partnership"),
        summary="""Five levels, from data kept for returns to data used with residents to plan
            care, with the behaviours, skills and safeguards that mark each level; ten councils
            used it to agree where to invest first.""",
        problem="""
            Every council thought its social care data was either hopeless or fine, and none
            could compare. Investment went on dashboards before basic data quality.""",
        approach="""
            Analysts, social workers and NHS colleagues described what good looks like at five
            levels across six areas: data quality, sharing, analysis, ethics, skills and
            leadership. Each council rates itself with evidence and a peer checks it.""",
        outcomes=(
            _other(
                "10",
                "councils assessed, each with a shared plan",
                "Assessment records.",
            ),
        ),
        cost="£60,000 to develop; free to use.",
        what_worked="""
            - Social workers wrote the levels with analysts, so practice comes first.""",
        what_to_avoid="""
            - Do not use the levels as a league table: councils stop rating honestly.""",
        applies_to=("housing", "public-health", "education"),
        applies_to_councils=("county", "unitary", "london-borough", "metropolitan"),
        published_days_ago=500,
    ),
    DemoPractice(
        slug="governing-digital-in-a-small-council",
        title="Governing digital in a small council: one board, three responsibilities",
        kind=K.FRAMEWORK,
        region=R.SOUTH_WEST,
        organisations=(_council("Teignbridge District Council", "district"),),
        service_areas=("democratic-services", "customer-services"),
        themes=("leadership", "organisational-capability"),
        summary="""A small council cannot run a digital board, an architecture group and a
            service development group, but each responsibility still needs an owner. How one
            board with three standing items covers all of them.""",
        problem="""
            With 400 staff, we had copied a large council's three-tier governance and none of
            the groups met often enough to decide anything.""",
        approach="""
            One monthly board, chaired by the chief executive, with service directors, finance
            and the head of ICT, and a standing agenda in three parts:

            - Strategy and investment: what we fund and stop, and the benefits we expect.
            - Standards and architecture: what every system must meet.
            - Service development: choosing applications within those standards.

            Decisions are minuted against the part they belong to, so each responsibility
            stays visible.""",
        outcomes=(
            _time(
                "from 14 to 4 weeks",
                "for a digital investment decision",
                "Board minutes before and after.",
            ),
        ),
        cost="None beyond directors' time.",
        what_worked="""
            - The chief executive in the chair made it a business meeting, not an IT one.""",
        what_to_avoid="""
            - Do not merge the responsibilities along with the meetings: each needs an
              owner.""",
        applies_to_councils=("parish", "unitary"),
        published_days_ago=1090,
        reviewed_days_ago=20,
    ),
    DemoPractice(
        slug="checking-a-suppliers-exit-plan-before-you-sign",
        title="Checking a supplier's exit plan before you sign: a checklist",
        kind=K.FRAMEWORK,
        region=R.ENGLAND,
        organisations=(_body("Crown Commercial Service", "central-government"),),
        service_areas=("revenues-and-benefits", "housing"),
        themes=("value", "security-and-resilience"),
        summary="""Twelve questions to ask of any software contract before signing it: how you
            get your data out, in what format, at what cost, and who helps you move, so that a
            future change of supplier is possible.""",
        problem="""
            Public bodies found themselves unable to leave systems whose contracts gave them no
            practical way to take their data elsewhere.""",
        approach="""
            Buyers, lawyers and technical architects wrote a checklist that works for any
            software contract: data ownership, export formats, documented interfaces, the
            supplier's help at exit and its price, and rehearsing an export before the contract
            renews.""",
        cost="Free to use.",
        what_worked="""
            - Rehearsing a data export in the first year of the contract.""",
        what_to_avoid="""
            - Do not accept ‘export on request’ without a format and a price in the
              contract.""",
        applies_to=("adult-social-care", "childrens-services", "planning"),
        applies_to_councils=ALL_COUNCIL_TYPES,
        published_days_ago=640,
    ),
    DemoPractice(
        slug="a-data-ethics-framework-for-predictive-tools",
        title="A data ethics framework for predictive tools in children's services",
        kind=K.FRAMEWORK,
        region=R.YORKSHIRE,
        organisations=(_body("A northern universities' data ethics group", "other"),),
        service_areas=("childrens-services",),
        themes=("ethics-and-sustainability", "data", "leadership"),
        summary="""Seven questions a council should answer in public before using a predictive
            model about families, from whether prediction is needed at all to how a family can
            challenge what the model said about them.""",
        problem="""
            Councils were being offered predictive models of risk to children with little to
            judge them by, and families had no say.""",
        approach="""
            Researchers worked with social workers, families and three councils to write
            seven questions, each with examples of good and poor answers:

            - Is prediction needed, or would better practice do?
            - What data, about whom, and with what consent?
            - How accurate is it, for which groups?
            - Who decides, and can they overrule it?
            - How can a family see and challenge it?
            - Who reviews it, and how often?
            - When will you stop using it?""",
        outcomes=(
            _other(
                "3",
                "councils that paused or stopped a model after answering the questions",
                "Follow-up interviews.",
            ),
        ),
        cost="Research funded by a national grant.",
        what_worked="""
            - Families on the writing group.""",
        what_to_avoid="""
            - Do not answer the questions after you have bought the tool.""",
        applies_to=("adult-social-care", "housing", "revenues-and-benefits", "community-safety"),
        applies_to_councils=("county", "unitary", "metropolitan", "london-borough"),
        published_days_ago=430,
        reviewed_days_ago=30,
    ),
    DemoPractice(
        slug="the-residents-journey-as-the-unit-of-change",
        title="The resident's journey as the unit of change: finding what services share",
        kind=K.FRAMEWORK,
        region=R.WEST_MIDLANDS,
        organisations=(_council("Shropshire Council", "unitary"),),
        service_areas=("customer-services", "housing", "adult-social-care"),
        themes=("services", "organisational-capability", "partnership"),
        summary="""Map a few common life events (moving home, a new baby, a bereavement, a
            crisis) across every service a resident meets, and the shared fixes appear:
            one address change, one proof of identity, one assessment.""",
        problem="""
            Each service improved its own forms, but residents in a crisis still dealt with
            six teams that could not see each other.""",
        approach="""
            Mixed teams of front-line staff mapped four life events from the resident's point
            of view, marking every repeat question and hand-off. The fixes that recurred across
            journeys went into the corporate programme, ahead of any single service's
            wishes.""",
        outcomes=(
            _other(
                "23",
                "repeat questions removed across services",
                "Journey maps before and after.",
            ),
        ),
        cost="Staff time: four two-day workshops.",
        what_worked="""
            - Front-line staff, not managers, mapping the journeys.""",
        what_to_avoid="""
            - Do not hand the findings back to services one by one: the shared fixes get
              lost.""",
        applies_to=("revenues-and-benefits", "public-health", "childrens-services"),
        applies_to_councils=("county", "district", "metropolitan"),
        published_days_ago=950,
    ),
    DemoPractice(
        slug="a-cyber-incident-playbook-for-district-councils",
        title="A cyber incident playbook for district councils",
        kind=K.FRAMEWORK,
        region=R.EAST_MIDLANDS,
        organisations=(
            _council("Newark and Sherwood District Council", "district"),
            _council("Bassetlaw District Council", "district"),
        ),
        service_areas=("customer-services", "revenues-and-benefits", "democratic-services"),
        themes=("security-and-resilience", "leadership"),
        summary="""The first 72 hours of a ransomware attack, hour by hour: who decides, who
            tells residents, which services go to paper, and how to pay staff and suppliers
            with the network down.""",
        problem="""
            Our business continuity plans assumed the building would be lost, not the
            systems, and nobody had rehearsed running the council without them.""",
        approach="""
            Two councils wrote a shared playbook with their emergency planners, tested it in a
            day-long exercise with the National Cyber Security Centre's Exercise in a Box, and
            keep printed copies off the network.""",
        outcomes=(
            _other(
                "38",
                "gaps found and fixed in the first exercise",
                "Exercise report.",
            ),
        ),
        cost="Staff time, and £2,000 for printing and the exercise day.",
        what_worked="""
            - Rehearsing with councillors in the room, because they will be asked first.""",
        what_to_avoid="""
            - Do not keep the only copy of the plan on the network it is meant to replace.""",
        applies_to=("housing", "waste-and-refuse"),
        applies_to_councils=("county", "unitary", "parish"),
        published_days_ago=280,
        reviewed_days_ago=15,
    ),
    DemoPractice(
        slug="a-digital-skills-framework-for-frontline-staff",
        title="A pick-and-mix digital skills framework for frontline staff, mapped to SFIA",
        kind=K.FRAMEWORK,
        region=R.NORTH_EAST,
        organisations=(_council("Sunderland City Council", "metropolitan"),),
        service_areas=("customer-services", "libraries", "leisure"),
        themes=("organisational-capability", "inclusion", "leadership"),
        summary="""Twelve digital skills for staff who serve residents, each described by what
            someone does at four levels, which managers pick and mix into job descriptions and
            appraisals; each skill is mapped to SFIA for those moving into digital roles.""",
        problem="""
            Staff training was about systems, not skills, and nobody could say which staff
            needed what.""",
        approach="""
            We described twelve skills by behaviours, not courses, at four levels from using
            IT to redesigning a service with it. Managers choose the skills a role needs.
            Each skill points to free learning and, where it applies, the matching SFIA
            skill.""",
        outcomes=(
            _other(
                "1,900",
                "staff assessed against the framework in a year",
                "Learning system records.",
            ),
        ),
        cost="£30,000 to write and test.",
        what_worked="""
            - Behaviours that staff recognised from their own work.""",
        what_to_avoid="""
            - Do not turn it into a test: staff rate themselves with their manager.""",
        applies_to=("adult-social-care", "housing"),
        applies_to_councils=("county", "district", "unitary"),
        published_days_ago=1010,
    ),
    DemoPractice(
        slug="discovery-in-six-weeks",
        title="Discovery in six weeks: a standard for public bodies starting digital projects",
        kind=K.FRAMEWORK,
        region=R.ELSEWHERE,
        organisations=(_body("A digital public services centre in Wales", "other"),),
        service_areas=("customer-services", "housing"),
        themes=("services", "organisational-capability"),
        summary="""Before buying or building anything, spend six weeks finding out what users
            need and what the problem really is; a short standard, templates and coaching
            that Welsh councils use to start projects well.""",
        problem="""
            Projects began with a solution already chosen, often a product seen at a
            conference, and discovered the real problem after the money was spent.""",
        approach="""
            A six-week discovery with a small mixed team, weekly show-and-tells and a decision
            at the end: stop, change or go on. The centre coaches teams through their first
            one.""",
        outcomes=(
            _money(
                "£2.4m",
                "of planned spending stopped or changed after discovery",
                "Decisions recorded at the end of 31 discoveries.",
            ),
        ),
        cost="Coaching provided free to Welsh public bodies.",
        what_worked="""
            - A decision at the end, including stop, made discovery safe to do honestly.""",
        what_to_avoid="""
            - Do not treat discovery as a box to tick after the purchase order.""",
        applies_to=("adult-social-care", "planning", "revenues-and-benefits"),
        applies_to_councils=("county", "district", "unitary", "metropolitan"),
        published_days_ago=700,
    ),
    # --- Reports ---------------------------------------------------------------------------
    DemoPractice(
        slug="the-analogue-switch-off-and-telecare",
        title="The analogue phone switch-off and telecare: how ready are councils?",
        kind=K.REPORT,
        region=R.ENGLAND,
        organisations=(_body("Local Government Association", "other"),),
        service_areas=("adult-social-care",),
        themes=("connectivity", "security-and-resilience", "inclusion"),
        summary="""A survey of 120 councils on moving telecare alarms from analogue phone lines
            before the national switch-off: who has started, what it costs, and the risks to
            people whose alarm may stop working without anyone noticing.""",
        problem="""
            Around 1.8 million people rely on telecare alarms, most of them on analogue lines
            that telecoms providers are switching off. Many councils do not know which of their
            residents' alarms will fail.""",
        approach="""
            We surveyed councils' telecare services and interviewed twelve in depth, with
            telecoms providers and alarm suppliers. The report sets out a checklist for
            councils and what they should ask of providers.""",
        outcomes=(
            _other(
                "43%",
                "of councils had a complete list of their residents' analogue alarms",
                "Survey of 120 councils.",
            ),
        ),
        cost="Funded by the LGA's improvement programme.",
        what_worked="""
            - Councils that tested alarms on digital lines early found faults while there was
              time to fix them.""",
        what_to_avoid="""
            - Do not assume the provider will tell you which lines carry alarms: most cannot
              see them.""",
        applies_to=("housing", "community-safety"),
        applies_to_councils=ALL_COUNCIL_TYPES,
        published_days_ago=560,
        reviewed_days_ago=70,
    ),
    DemoPractice(
        slug="rural-broadband-vouchers-an-evaluation",
        title="Rural broadband vouchers: an evaluation of three years' schemes",
        kind=K.REPORT,
        region=R.YORKSHIRE,
        organisations=(_council("North Yorkshire Council", "unitary"),),
        service_areas=("economic-development",),
        themes=("connectivity", "economic-productivity-and-growth"),
        summary="""What three years of top-up vouchers for gigabit broadband in rural
            communities achieved, which villages were still left out, and why community
            schemes stalled where no one local led them.""",
        problem="""
            National vouchers alone were not enough to reach the most remote premises, so the
            council added a top-up. We needed to know whether it was working.""",
        approach="""
            We analysed 4,200 voucher claims, interviewed community champions in 20 villages
            and compared take-up with similar places without top-ups.""",
        outcomes=(
            _other(
                "2.6 times",
                "the take-up in villages with a local champion",
                "Voucher claims by parish.",
            ),
        ),
        cost="£24,000 for the evaluation.",
        what_worked="""
            - A local champion in each village, supported by the council.""",
        what_to_avoid="""
            - Do not expect residents to organise a scheme alone: most stalled at the
              paperwork.""",
        applies_to=("libraries", "education"),
        applies_to_councils=("county", "district"),
        published_days_ago=1000,
    ),
    DemoPractice(
        slug="who-is-offline-and-why",
        title="Who is offline, and why: digital exclusion in a rural county",
        kind=K.REPORT,
        region=R.SOUTH_WEST,
        organisations=(
            _council("Cornwall Council", "unitary"),
            _body("Volunteer Cornwall", "voluntary"),
        ),
        service_areas=("libraries", "public-health", "customer-services"),
        themes=("inclusion", "data"),
        summary="""A door-step survey of 2,000 households and interviews with people who are
            offline found cost, confidence and coverage mattered in different places, so one
            county-wide answer would not work.""",
        problem="""
            National estimates of digital exclusion said little about which residents here
            were offline, or why.""",
        approach="""
            Volunteers surveyed households in every area, and researchers interviewed 60
            people who do not use the internet. We mapped the results against coverage and
            deprivation data.""",
        outcomes=(
            _other(
                "1 in 6",
                "households in the most remote areas had no usable connection",
                "Household survey and coverage data.",
            ),
        ),
        cost="£40,000, including volunteers' expenses.",
        what_worked="""
            - Volunteers known locally got answers a council survey never would.""",
        what_to_avoid="""
            - Do not survey online about being offline: our first attempt did.""",
        applies_to=("adult-social-care", "housing", "revenues-and-benefits"),
        applies_to_councils=("county", "district"),
        published_days_ago=880,
        reviewed_days_ago=240,
    ),
    DemoPractice(
        slug="eighteen-months-of-automation-in-revenues-and-benefits",
        title="Eighteen months of robotic process automation in revenues and benefits",
        kind=K.REPORT,
        region=R.EAST_MIDLANDS,
        organisations=(_council("Leicester City Council", "unitary"),),
        service_areas=("revenues-and-benefits",),
        themes=("value", "organisational-capability"),
        summary="""An honest review of 24 automated processes: which saved time, which cost more
            to maintain than they saved, and the rule we now use to decide what to
            automate.""",
        problem="""
            Automation was sold as a quick win, but nobody had measured whether it was paying
            for itself.""",
        approach="""
            We measured staff time, error rates and maintenance for each automation, including
            the hours spent fixing bots after system updates.""",
        outcomes=(
            _money(
                "£340,000 a year",
                "net saving from 15 automations worth keeping",
                "Staff time and maintenance logs.",
            ),
            _other(
                "9",
                "automations switched off because they cost more than they saved",
                "The same review.",
            ),
        ),
        cost="£280,000 over 18 months, including licences.",
        what_worked="""
            - Automating high-volume, stable, rules-based work only.""",
        what_to_avoid="""
            - Do not automate a broken process: fix it first, or you automate the
              mistakes.""",
        applies_to=("housing", "customer-services", "licensing"),
        applies_to_councils=("district", "metropolitan", "london-borough"),
        published_days_ago=350,
    ),
    DemoPractice(
        slug="police-and-council-data-sharing-on-antisocial-behaviour",
        title="Police and council data sharing on antisocial behaviour: an evaluation",
        kind=K.REPORT,
        region=R.WEST_MIDLANDS,
        organisations=(
            _body("West Midlands Police", "police"),
            _council("Coventry City Council", "metropolitan"),
        ),
        service_areas=("community-safety", "housing"),
        themes=("data", "partnership", "ethics-and-sustainability"),
        summary="""An evaluation of two years of shared case records on antisocial behaviour
            between the police, the council and housing providers: quicker action for
            victims, and the safeguards that kept it lawful.""",
        problem="""
            Victims reported the same behaviour to the police, the council and their landlord,
            and each started a separate case.""",
        approach="""
            Partners moved to a shared case management system with an agreed data-sharing
            protocol. Independent evaluators compared cases before and after.""",
        outcomes=(
            _time(
                "from 47 to 19 days",
                "from first report to a partnership action",
                "Case records.",
            ),
            _satisfaction(
                "from 52% to 74%",
                "of victims satisfied with how they were kept informed",
                "Victim survey.",
            ),
        ),
        cost="£220,000 over two years.",
        what_worked="""
            - One named lead for each case, whichever partner it was.""",
        what_to_avoid="""
            - Do not share everything with everyone: access by role kept the protocol
              lawful.""",
        applies_to=("childrens-services", "licensing"),
        applies_to_councils=("district", "unitary", "london-borough"),
        published_days_ago=740,
    ),
    DemoPractice(
        slug="what-scottish-councils-learned-from-a-shared-digital-office",
        title="What Scottish councils learned from a shared digital office",
        kind=K.REPORT,
        region=R.ELSEWHERE,
        organisations=(_body("A shared digital office for Scottish councils", "other"),),
        service_areas=("customer-services", "democratic-services"),
        themes=("partnership", "leadership", "organisational-capability"),
        summary="""Councils across Scotland fund one small digital office to buy, build and
            learn together; a review of what it has done well, where councils still went their
            own way, and what English groupings of councils could copy.""",
        problem="""
            Thirty-two councils were buying the same systems separately, at different prices,
            with little shared learning.""",
        approach="""
            The report draws on interviews with chief executives and digital leaders in 20
            councils and the office's own records of joint purchases and programmes.""",
        outcomes=(
            _money(
                "£5m",
                "saved through joint purchases over five years",
                "The office's procurement records.",
            ),
        ),
        cost="Councils fund the office by subscription.",
        what_worked="""
            - Chief executives owning the office, not only heads of IT.""",
        what_to_avoid="""
            - Do not expect every council to join every project: let coalitions form.""",
        applies_to=("revenues-and-benefits", "adult-social-care"),
        applies_to_councils=("combined-authority", "county", "district"),
        published_days_ago=480,
    ),
    DemoPractice(
        slug="the-carbon-cost-of-council-it",
        title="The carbon cost of council IT: measuring emissions from devices and data",
        kind=K.REPORT,
        region=R.LONDON,
        organisations=(_council("London Borough of Camden", "london-borough"),),
        service_areas=("environment",),
        themes=("ethics-and-sustainability", "value"),
        summary="""A first measure of the emissions from a council's laptops, phones, data
            centre and cloud services, and the changes that cut them most: keeping devices
            longer, and switching off what nobody uses.""",
        problem="""
            The council's climate plan covered buildings and vehicles, but nobody had counted
            the emissions of its technology.""",
        approach="""
            We counted the emissions in making, running and disposing of 6,000 devices, and
            the energy of our data centre and cloud services, using published methods.""",
        outcomes=(
            _other(
                "62%",
                "of IT emissions came from making devices, not running them",
                "The review's own count.",
            ),
            _money(
                "£210,000 a year",
                "saved by keeping laptops for five years instead of three",
                "Replacement budget.",
            ),
        ),
        cost="£15,000 of consultancy, and staff time.",
        what_worked="""
            - Counting making and disposal, not only electricity.""",
        what_to_avoid="""
            - Do not refresh devices on a fixed cycle regardless of their condition.""",
        applies_to=("leisure", "libraries", "education"),
        applies_to_councils=("county", "unitary", "district"),
        published_days_ago=190,
    ),
    DemoPractice(
        slug="lessons-from-a-national-bereavement-service",
        title="Lessons from a national service built with councils: telling government once "
        "about a death",
        kind=K.REPORT,
        region=R.ENGLAND,
        organisations=(_body("Department for Work and Pensions", "central-government"),),
        service_areas=("revenues-and-benefits", "customer-services"),
        themes=("partnership", "services"),
        summary="""How a national service lets a bereaved family report a death once to
            register offices and have it passed to benefits, tax, passports, council tax and
            libraries, and what it took for councils and departments to run it together.""",
        problem="""
            After a death, families had to contact up to 40 public bodies separately, often
            while grieving.""",
        approach="""
            Councils' register offices offer the service at the appointment to register a
            death; the department passes the information to every body the family chooses.
            The review draws on take-up data and interviews with registrars and families.""",
        outcomes=(
            _other(
                "over 80%",
                "of families registering a death choose to use it",
                "National take-up data.",
            ),
        ),
        cost="Run nationally; councils provide registrars' time.",
        what_worked="""
            - Offering it at the registration appointment, in person.""",
        what_to_avoid="""
            - Do not let a council service drop off the list unnoticed: check your
              connection every year.""",
        applies_to=("libraries", "democratic-services", "adult-social-care"),
        applies_to_councils=ALL_COUNCIL_TYPES,
        published_days_ago=1050,
        reviewed_days_ago=400,
    ),
    DemoPractice(
        slug="asking-once-what-estonia-can-teach-councils",
        title="Asking once: what Estonia's once-only principle means for English councils",
        kind=K.REPORT,
        region=R.ELSEWHERE,
        organisations=(_body("Information System Authority, Estonia", "other"),),
        service_areas=("customer-services",),
        themes=("data", "services", "security-and-resilience"),
        summary="""A study visit report on the rule that the state may ask a person for the
            same information only once, the data exchange that makes it work, and which parts
            English councils could adopt without new law.""",
        problem="""
            Residents in England give the same details to their council again and again, often
            for services where the council already holds them.""",
        approach="""
            A group of council digital leaders visited Tallinn, met the agency that runs the
            national data exchange and the city's services team, and compared practice with
            their own councils.""",
        outcomes=(
            _other(
                "7",
                "practical steps councils could take now",
                "The group's report.",
            ),
        ),
        cost="£9,000 for the visit, shared by five councils.",
        what_worked="""
            - Seeing the logging: residents can see who looked at their data, and why.""",
        what_to_avoid="""
            - Do not copy the technology without the trust: the exchange works because
              people can see who used their data.""",
        applies_to=("revenues-and-benefits", "adult-social-care", "housing"),
        applies_to_councils=ALL_COUNCIL_TYPES,
        published_days_ago=320,
    ),
    # --- Lessons on what to avoid ----------------------------------------------------------
    DemoPractice(
        slug="a-chatbot-launched-before-the-content-was-fixed",
        title="Lesson: a chatbot launched before the content was fixed",
        kind=K.LESSON,
        region=R.EAST,
        organisations=(_council("A district council in Essex", "district"),),
        service_areas=("customer-services",),
        themes=("services", "value"),
        summary="""A chatbot meant to cut calls gave out-of-date answers taken from an
            out-of-date website, and calls rose. What we should have done first, and what the
            relaunch did differently.""",
        problem="""
            Contact centre demand was high and a supplier offered a chatbot that would answer
            the top 50 questions. It was trained on our website.""",
        approach="""
            We launched in six weeks. Within a month, residents were being told the wrong bin
            days and the old council tax bands, and rang to check. We switched it off after
            three months, rewrote the 50 most-visited pages and relaunched with a person
            reviewing answers weekly.""",
        outcomes=(
            _other(
                "12% more",
                "calls in the first three months",
                "Contact centre call volumes.",
            ),
            _other(
                "19% fewer",
                "calls on those topics after the relaunch",
                "The same, six months on.",
            ),
        ),
        cost="£45,000 for the first launch; £20,000 more to fix the content and relaunch.",
        what_worked="""
            - After the relaunch: one owner for every answer, reviewed weekly.""",
        what_to_avoid="""
            - Do not put a chatbot in front of content you would not trust a new adviser to
              read out.
            - Do not measure success by conversations: measure calls that did not need to
              happen.""",
        applies_to=("revenues-and-benefits", "housing", "waste-and-refuse"),
        applies_to_councils=("county", "unitary"),
        published_days_ago=400,
        reviewed_days_ago=35,
    ),
    DemoPractice(
        slug="a-big-bang-replacement-of-a-social-care-system",
        title="Lesson: replacing a social care case management system in one weekend",
        kind=K.LESSON,
        region=R.SOUTH_EAST,
        organisations=(_council("A unitary council in the South East", "unitary"),),
        service_areas=("childrens-services", "adult-social-care"),
        themes=("organisational-capability", "value", "leadership"),
        summary="""Switching adults' and children's social care to a new system over one
            weekend left social workers unable to find cases for weeks. Why the plan looked
            safe, and what a phased move would have cost instead.""",
        problem="""
            The old system's contract was ending and an extension was expensive, so the
            programme board chose a single cut-over to save months.""",
        approach="""
            Data was migrated over a weekend. Thousands of records had mismatched case
            numbers, and training had happened months earlier on a test system with different
            screens. Managers ran safeguarding checks on paper lists for five weeks.""",
        outcomes=(
            _time(
                "5 weeks",
                "of reduced service while records were fixed",
                "Programme incident log.",
            ),
            _money(
                "£600,000",
                "in agency staff and overtime to recover",
                "Finance records.",
            ),
        ),
        cost="£3.2m for the programme, including recovery.",
        what_worked="""
            - Daily safeguarding checks from paper lists kept children safe while the system
              could not.""",
        what_to_avoid="""
            - Do not trade migration rehearsals for contract savings: rehearse until the data
              reconciles.
            - Do not train months before go-live on screens that will change.
            - Do not let the programme board go without a practising social worker.""",
        applies_to=("housing", "education"),
        applies_to_councils=("county", "metropolitan", "london-borough"),
        published_days_ago=1020,
    ),
    DemoPractice(
        slug="an-app-nobody-downloaded",
        title="Lesson: an app nobody downloaded",
        kind=K.LESSON,
        region=R.YORKSHIRE,
        organisations=(_council("A metropolitan council in South Yorkshire", "metropolitan"),),
        service_areas=("waste-and-refuse", "leisure"),
        themes=("services", "value", "inclusion"),
        summary="""A council app for bin days, leisure bookings and reporting problems was
            downloaded by 2% of households. The same features on the mobile website are used
            by over half.""",
        problem="""
            Councillors wanted the council in residents' pockets, and an app seemed the
            modern way to do it.""",
        approach="""
            We commissioned an app that duplicated the website's main tasks. It needed its
            own updates for every change, for two phone platforms, and most residents only
            needed it twice a year.""",
        outcomes=(
            _other(
                "2%",
                "of households downloaded it in two years",
                "App store statistics.",
            ),
            _money(
                "£70,000 a year",
                "saved by retiring it",
                "Supplier contract.",
            ),
        ),
        cost="£180,000 over two years before it was withdrawn.",
        what_worked="""
            - Putting the effort into the mobile website instead.""",
        what_to_avoid="""
            - Do not build an app for tasks people do twice a year.
            - Ask residents what they need before councillors decide how it is
              delivered.""",
        applies_to=("customer-services", "libraries"),
        applies_to_councils=("district", "unitary", "county"),
        published_days_ago=990,
        reviewed_days_ago=460,
    ),
    DemoPractice(
        slug="hybrid-meetings-without-a-plan",
        title="Lesson: going back to the chamber without planning for hybrid meetings",
        kind=K.LESSON,
        region=R.WEST_MIDLANDS,
        organisations=(_council("A county council in the West Midlands", "county"),),
        service_areas=("democratic-services",),
        themes=("democracy-and-participation", "connectivity", "inclusion"),
        summary="""When meetings returned to the chamber, remote attendance for the public and
            speakers was an afterthought: sound failed, remote speakers were cut off, and a
            planning decision had to be retaken.""",
        problem="""
            During lockdown, online meetings had brought far more residents to watch and speak.
            The return to the chamber was planned around the law, not around them.""",
        approach="""
            An old webcam and the chamber's microphones were connected to a video call. Remote
            speakers could not hear the debate, and a speaker's objection was lost. The
            decision was challenged and retaken.""",
        outcomes=(
            _other(
                "1",
                "planning decision retaken after a challenge",
                "Committee records.",
            ),
        ),
        cost="£95,000 later for proper chamber equipment, and the cost of retaking the decision.",
        what_worked="""
            - After the refit: a rehearsal before every committee with remote speakers.""",
        what_to_avoid="""
            - Do not treat remote attendance as a video call on a laptop.
            - Do not let the public's access depend on one officer's goodwill.""",
        applies_to=("planning", "licensing"),
        applies_to_councils=("district", "unitary", "parish"),
        published_days_ago=780,
    ),
    DemoPractice(
        slug="a-ransomware-attack-and-an-untested-paper-fallback",
        title="Lesson: a ransomware attack and the paper fallback nobody had tested",
        kind=K.LESSON,
        region=R.NORTH_EAST,
        organisations=(_council("A unitary council in the North East", "unitary"),),
        service_areas=("customer-services", "revenues-and-benefits", "adult-social-care"),
        themes=("security-and-resilience", "leadership", "organisational-capability"),
        summary="""Ransomware took down most systems for weeks. Backups were there but took far
            longer to restore than planned, and paper procedures existed only on the network
            that was down.""",
        problem="""
            We had backups and a business continuity plan, and believed we could recover in
            days.""",
        approach="""
            Restoring took weeks because systems had to be rebuilt and checked in order, and
            nobody had agreed that order. Services improvised on paper; payments to care
            providers were made by hand.""",
        outcomes=(
            _money(
                "£7m",
                "in recovery and rebuild costs",
                "Finance records.",
            ),
            _time(
                "7 weeks",
                "before the main systems were fully back",
                "Incident log.",
            ),
        ),
        cost="£7m in recovery, largely unplanned.",
        what_worked="""
            - Staff who knew the services well improvised safely, and said what they had
              done.""",
        what_to_avoid="""
            - Do not assume backups mean recovery: rehearse restoring, in order, against the
              clock.
            - Keep paper procedures and contact lists off the network.
            - Agree which services come back first before you need to.""",
        applies_to=("housing", "childrens-services"),
        applies_to_councils=("county", "district", "metropolitan", "london-borough"),
        published_days_ago=1075,
        reviewed_days_ago=180,
    ),
    DemoPractice(
        slug="sensors-installed-but-nobody-owned-the-data",
        title="Lesson: sensors installed, but nobody owned the data",
        kind=K.LESSON,
        region=R.EAST_MIDLANDS,
        organisations=(_council("A city council in the East Midlands", "unitary"),),
        service_areas=("environment",),
        themes=("data", "ethics-and-sustainability", "value"),
        summary="""A smart city grant paid for 300 sensors on lamp posts measuring traffic,
            noise and air quality. Two years later most readings had never been looked at, and
            the contract to keep the network running had lapsed.""",
        problem="""
            A national grant had to be spent within a year, and the sensors were chosen by the
            technology team before any service said what it needed to know.""",
        approach="""
            The network went live and the data went to a platform nobody in environmental
            health or transport had been trained to use. When the grant ended, no service
            budget picked up the running cost.""",
        outcomes=(
            _other(
                "2 of 300",
                "sensors' data used in a decision",
                "Platform access logs.",
            ),
        ),
        cost="£450,000 of grant.",
        what_worked="""
            - The two sensors that were used answered a question a service had asked.""",
        what_to_avoid="""
            - Do not install sensors until a service owns the question and the budget.
            - Do not accept a grant whose deadline forces the decision.""",
        applies_to=("transport", "public-health"),
        applies_to_councils=("county", "metropolitan", "london-borough"),
        published_days_ago=690,
    ),
    DemoPractice(
        slug="paperless-council-tax-bills-that-left-people-behind",
        title="Lesson: paperless council tax bills that left older residents behind",
        kind=K.LESSON,
        region=R.SOUTH_WEST,
        organisations=(_council("A district council in Gloucestershire", "district"),),
        service_areas=("revenues-and-benefits",),
        themes=("inclusion", "services"),
        summary="""Making e-billing the default for council tax saved postage, but residents who
            never opened the email missed instalments and were summonsed. How we put it
            right.""",
        problem="""
            We moved every household with an email address to e-bills by default, with a
            notice on the old paper bill.""",
        approach="""
            Many of those addresses were old or belonged to a relative. Missed instalments rose
            among older residents, and councillors' postbags filled. We reinstated paper for
            anyone who asked, checked email addresses and now send the first e-bill with a
            paper copy.""",
        outcomes=(
            _other(
                "340",
                "summonses withdrawn and costs refunded",
                "Revenues system.",
            ),
            _money(
                "£60,000 a year",
                "still saved in printing and postage after the changes",
                "Print and post costs.",
            ),
        ),
        cost="£25,000 in refunds and staff time to put right.",
        what_worked="""
            - Sending the first e-bill with a paper copy, and asking people to confirm.""",
        what_to_avoid="""
            - Do not switch people to digital by default without checking they receive it.""",
        applies_to=("licensing", "housing"),
        applies_to_councils=("unitary", "metropolitan"),
        published_days_ago=620,
    ),
    DemoPractice(
        slug="a-patient-portal-designed-for-the-organisation",
        title="Lesson from the NHS: a patient portal designed for the organisation, not the "
        "patient",
        kind=K.LESSON,
        region=R.NORTH_WEST,
        organisations=(_body("An acute NHS trust in the North West", "nhs"),),
        service_areas=("public-health", "adult-social-care"),
        themes=("services", "inclusion"),
        summary="""A hospital trust's portal mirrored its departments, so patients had to know
            which department held their appointment; after a redesign around patients' own
            questions, use tripled.""",
        problem="""
            The portal was organised by specialty, with separate logins for some services.
            Patients could not find their appointments or letters.""",
        approach="""
            We tested the portal with patients and rebuilt the navigation around four
            questions: when is my appointment, what do I need to bring, what did they find,
            who do I call.""",
        outcomes=(
            _other(
                "3 times",
                "as many patients using the portal each month",
                "Portal analytics.",
            ),
            _money(
                "£290,000 a year",
                "saved in posted letters",
                "Print and post contract.",
            ),
        ),
        cost="£160,000 for the redesign.",
        what_worked="""
            - Patients' questions as the navigation.""",
        what_to_avoid="""
            - Do not organise a public service by your own structure chart.""",
        applies_to=("customer-services", "housing"),
        applies_to_councils=ALL_COUNCIL_TYPES,
        published_days_ago=230,
    ),
    DemoPractice(
        slug="a-loyalty-app-and-the-consent-it-did-not-ask-for",
        title="Lesson from a retailer: a loyalty app and the consent it did not ask for",
        kind=K.LESSON,
        region=R.ENGLAND,
        organisations=(_body("A national grocery retailer", "private"),),
        service_areas=("customer-services",),
        themes=("ethics-and-sustainability", "data"),
        summary="""A retailer's app used customers' location history for marketing without
            clear consent, and the backlash cost it more than the campaign earned. What
            councils using residents' data for new purposes can learn.""",
        problem="""
            The marketing team wanted to send offers as customers walked past a store, using
            location data the app already collected for another reason.""",
        approach="""
            The change went into an updated privacy notice few people read. When customers
            noticed, complaints and press coverage followed, and the regulator asked
            questions. The feature was withdrawn and consent rebuilt from scratch.""",
        outcomes=(
            _other(
                "11%",
                "of app users deleted it in a month",
                "The company's app statistics.",
            ),
        ),
        cost="Not published by the company.",
        what_worked="""
            - The rebuilt consent screens, tested with customers, are now used across the
              company.""",
        what_to_avoid="""
            - Do not reuse data for a new purpose because you can: ask first, in plain
              words.""",
        applies_to=("revenues-and-benefits", "leisure"),
        applies_to_councils=ALL_COUNCIL_TYPES,
        published_days_ago=460,
    ),
    DemoPractice(
        slug="a-shared-service-that-split-up",
        title="Lesson: a shared ICT service between two councils that split up",
        kind=K.LESSON,
        region=R.EAST,
        organisations=(
            _council("A district council in Suffolk", "district"),
            _council("A neighbouring district council", "district"),
        ),
        service_areas=("customer-services", "revenues-and-benefits"),
        themes=("partnership", "organisational-capability", "leadership"),
        summary="""Two councils shared an ICT service for eight years, then separated when
            their priorities diverged. Unpicking it cost more than the savings it made in its
            last three years.""",
        problem="""
            The shared service was set up for savings, with one manager reporting to both
            chief executives and no agreed way to settle differences.""",
        approach="""
            When one council chose a new revenues system and the other did not, the service
            could not serve both. A new leadership at one council ended the agreement, and
            systems, staff and contracts had to be split.""",
        outcomes=(
            _money(
                "£900,000",
                "to separate systems, contracts and staff",
                "Both councils' finance records.",
            ),
        ),
        cost="£900,000 to separate.",
        what_worked="""
            - A joint exit team that kept both councils' services running during the
              split.""",
        what_to_avoid="""
            - Do not set up a shared service without a way to resolve disagreements and an
              exit plan.
            - Do not share systems without a shared roadmap.""",
        applies_to=("housing", "planning"),
        applies_to_councils=("county", "unitary", "parish"),
        published_days_ago=830,
    ),
    DemoPractice(
        slug="a-data-warehouse-built-before-anyone-asked-a-question",
        title="Lesson: a data warehouse built before anyone asked a question",
        kind=K.LESSON,
        region=R.SOUTH_EAST,
        organisations=(_council("Kent County Council", "county"),),
        service_areas=("adult-social-care", "childrens-services"),
        themes=("data", "leadership", "value"),
        summary="""Two years spent loading every system into a data warehouse produced
            dashboards few people opened. Starting again from five questions directors needed
            answered made the data useful within months.""",
        problem="""
            Directors wanted better data, and the first response was to collect all of it in
            one place before deciding what it was for.""",
        approach="""
            The warehouse grew to 40 sources and 200 reports. Most were never opened. We
            paused, asked each director for the five questions they most needed answered, and
            rebuilt around those.""",
        outcomes=(
            _other(
                "from 200 to 35",
                "reports, with monthly use up fivefold",
                "Reporting platform logs.",
            ),
        ),
        cost="£1.4m over two years before the reset; £250,000 for the rebuild.",
        what_worked="""
            - Directors' questions, not data sources, deciding what to build.""",
        what_to_avoid="""
            - Do not start with the data: start with the decisions it must inform.""",
        applies_to=("housing", "public-health"),
        applies_to_councils=("unitary", "metropolitan", "london-borough"),
        published_days_ago=160,
        reviewed_days_ago=10,
        champion=True,
    ),
    DemoPractice(
        slug="two-control-rooms-that-could-not-share-a-map",
        title="Lesson: two control rooms that could not share a map during a flood",
        kind=K.LESSON,
        region=R.YORKSHIRE,
        organisations=(
            _body("A fire and rescue service in Yorkshire", "fire-and-rescue"),
            _council("A metropolitan council in West Yorkshire", "metropolitan"),
        ),
        service_areas=("community-safety", "transport"),
        themes=("security-and-resilience", "partnership", "connectivity"),
        summary="""In a major flood, the fire service and the council each kept their own map
            of incidents and road closures, and crews were sent down roads the council had
            closed. What went wrong, and what both now share.""",
        problem="""
            Each control room used its own system, and the link between them was the
            telephone.""",
        approach="""
            During the flood, road closures reached the fire control room hours late. After a
            joint debrief, both now publish closures and incidents to a shared map that
            partners can read, tested in every exercise.""",
        outcomes=(
            _time(
                "from hours to minutes",
                "for a road closure to reach the fire control room",
                "Exercise timings after the change.",
            ),
        ),
        cost="£30,000 for the shared map.",
        what_worked="""
            - A joint debrief without blame, within a fortnight.""",
        what_to_avoid="""
            - Do not rely on phone calls between control rooms in an emergency.""",
        applies_to=("adult-social-care", "housing"),
        applies_to_councils=("county", "unitary", "district"),
        published_days_ago=1035,
    ),
)

# Sent in by the demo senior officer through the site's form, so the admin has one to moderate.
SUBMISSION = DemoPractice(
    slug="",  # the service picks a free one
    title="Video check-in calls for people waiting for a home care package",
    kind=K.CASE_STUDY,
    region=R.SOUTH_EAST,
    organisations=(_council("Kent County Council", "county"),),
    service_areas=("adult-social-care",),
    themes=("services", "inclusion"),
    summary="""While people wait for a home care package, a short video call twice a week from
        a care assessor checks how they are managing, so problems are spotted before they
        become a crisis.""",
    problem="""
        At busy times people assessed as needing home care waited up to three weeks for a
        package to start. Some were readmitted to hospital in that time, and families told us
        nobody checked on them while they waited.""",
    approach="""
        Care assessors call each person on the waiting list twice a week by video, or by phone
        if they prefer, using tablets lent by the council where needed. The call follows a
        short script on eating, medication, falls and mood, and anything worrying is passed to
        the duty social worker the same day.""",
    outcomes=(
        _other(
            "26% fewer",
            "hospital readmissions among people waiting for care",
            "Readmissions over six months against the same months a year before.",
        ),
    ),
    cost="£42,000 over a year, mostly assessors' time and 50 tablets.",
    what_worked="""
        Letting people choose video or phone. Using the same assessor each time, so people
        got to know them.""",
    what_to_avoid="""
        Do not send tablets without setting them up first: our first batch sat in boxes.""",
    applies_to=("housing",),
    applies_to_councils=("unitary", "metropolitan"),
    contact="Director of adult social care, adult.social.care@kent.example",
)


def load_good_practice(
    *, home, publisher: User, champion: User, member: User
) -> GoodPracticeIndexPage:
    """Create whatever of the database's demo content is missing: the search page, the
    published entries (those naming a champion name `champion`) and `member`'s submission."""
    index = _index(home, publisher=publisher)
    terms = _terms()
    existing = set(CaseStudyPage.objects.child_of(index).values_list("slug", flat=True))
    for spec in PRACTICE:
        if spec.slug not in existing:
            _publish(index, _page(spec, terms=terms, champion=champion), publisher=publisher)
    _submission(index, member=member, terms=terms)
    return index


def _publish(index, page: CaseStudyPage, *, publisher: User) -> None:
    """Add an entry live, with one revision recorded as published by `publisher`: what
    publishing leaves behind, in a third of the saves (a demo load makes seventy)."""
    page.live = True
    page.last_published_at = page.first_published_at
    index.add_child(instance=page)
    revision = page.save_revision(user=publisher, log_action=False)
    CaseStudyPage.objects.filter(pk=page.pk).update(
        live_revision=revision, has_unpublished_changes=False
    )
    log(page, "wagtail.publish", user=publisher, revision=revision)


def _index(home, *, publisher: User) -> GoodPracticeIndexPage:
    index = GoodPracticeIndexPage.objects.first()  # there may be only one
    if index is not None:
        return index
    landing = ProgrammePage.objects.child_of(home).get(part=ProgrammePart.GOOD_PRACTICE)
    index = landing.add_child(
        instance=GoodPracticeIndexPage(
            title="Search good practice",
            slug=INDEX_SLUG,
            intro=INDEX_INTRO,
            submit_intro=SUBMIT_INTRO,
        )
    )
    index.save_revision(user=publisher).publish(user=publisher)
    return index


@dataclass(frozen=True)
class Terms:
    """The taxonomies the demo's entries name by slug (a migration adds them)."""

    areas: dict[str, ServiceArea]
    sectors: dict[str, Sector]
    council_types: dict[str, CouncilType]
    themes: dict[str, Theme]


def _terms() -> Terms:
    def by_slug(model):
        return {term.slug: term for term in model.objects.all()}

    return Terms(
        areas=by_slug(ServiceArea),
        sectors=by_slug(Sector),
        council_types=by_slug(CouncilType),
        themes=by_slug(Theme),
    )


def _page(spec: DemoPractice, *, terms: Terms, champion: User) -> CaseStudyPage:
    """An unsaved entry, dated as if published `published_days_ago` (Wagtail keeps a first
    publication date that is already set)."""
    page = CaseStudyPage(
        title=spec.title,
        slug=spec.slug,
        kind=spec.kind,
        region=spec.region,
        summary=_words(spec.summary),
        problem=_rich(spec.problem),
        approach=_rich(spec.approach),
        cost=spec.cost,
        what_worked=_rich(spec.what_worked),
        what_to_avoid=_rich(spec.what_to_avoid),
        contact_champion=champion if spec.champion else None,
        contact_details=spec.contact,
        first_published_at=timezone.now() - timedelta(days=spec.published_days_ago),
        last_reviewed_on=(
            None
            if spec.reviewed_days_ago is None
            else timezone.localdate() - timedelta(days=spec.reviewed_days_ago)
        ),
        live=False,
    )
    page.organisations = [_organisation(each, terms) for each in spec.organisations]
    page.outcomes = [
        CaseStudyOutcome(
            measure=outcome.measure,
            figure=outcome.figure,
            description=outcome.description,
            how_measured=outcome.how_measured,
        )
        for outcome in spec.outcomes
    ]
    page.service_areas = [terms.areas[slug] for slug in spec.service_areas]
    page.themes = [terms.themes[slug] for slug in spec.themes]
    page.applies_to_service_areas = [terms.areas[slug] for slug in spec.applies_to]
    page.applies_to_council_types = [terms.council_types[slug] for slug in spec.applies_to_councils]
    return page


def _organisation(spec: DemoOrganisation, terms: Terms) -> CaseStudyOrganisation:
    organisation = CaseStudyOrganisation(
        name=spec.name,
        sector=terms.sectors[spec.sector],
        council_type=terms.council_types[spec.council_type] if spec.council_type else None,
    )
    organisation.clean()  # a council has a type of council, and nothing else has one
    return organisation


def _submission(index, *, member: User, terms: Terms) -> None:
    if Submission.objects.filter(submitted_by=member).exists():
        return
    spec = SUBMISSION
    organisation = spec.organisations[0]
    details = good_practice.CaseStudyDetails(
        title=spec.title,
        kind=spec.kind,
        summary=_words(spec.summary),
        organisation=organisation.name,
        sector=terms.sectors[organisation.sector],
        council_type=terms.council_types[organisation.council_type],
        region=spec.region,
        service_areas=[terms.areas[slug] for slug in spec.service_areas],
        themes=[terms.themes[slug] for slug in spec.themes],
        problem=_paragraphs(spec.problem),
        approach=_paragraphs(spec.approach),
        outcomes=[
            good_practice.Outcome(o.measure, o.figure, o.description, o.how_measured)
            for o in spec.outcomes
        ],
        cost=spec.cost,
        what_worked=_paragraphs(spec.what_worked),
        what_to_avoid=_paragraphs(spec.what_to_avoid),
        applies_to_service_areas=[terms.areas[slug] for slug in spec.applies_to],
        applies_to_council_types=[terms.council_types[slug] for slug in spec.applies_to_councils],
        contact_details=spec.contact,
    )
    good_practice.submit_case_study(index=index, details=details, by=member)


# --- Demo text as page content ----------------------------------------------------------------

_BLANK_LINE = re.compile(r"\n\s*\n")
_LIST_ITEM = re.compile(r"(?:^|\n)\s*- ")


def _words(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(text: str) -> str:
    """Plain text as a member would type it: paragraphs separated by blank lines."""
    return "\n\n".join(_words(block) for block in _BLANK_LINE.split(text.strip()))


def _rich(text: str) -> str:
    """Rich text: a paragraph for each block, and a list for a block of "- " lines. Only
    &, < and > are escaped, as the editor would store them."""
    html = []
    for block in _BLANK_LINE.split(text.strip()) if text.strip() else ():
        if block.lstrip().startswith("- "):
            items = [_words(item) for item in _LIST_ITEM.split(block) if item.strip()]
            html.append("<ul>" + "".join(f"<li>{_escape(item)}</li>" for item in items) + "</ul>")
        else:
            html.append(f"<p>{_escape(_words(block))}</p>")
    return "".join(html)


def _escape(text: str) -> str:
    return html_escape(text, quote=False)
