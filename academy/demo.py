"""Demo content: places, organisations, a person for every role, the home page and a landing
page for each part of the programme. Built through the services; loading it twice changes
nothing. Later parts of the programme add their own demo content here."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Site

from cms_pages.models import HomePage, ProgrammePage, ProgrammePart

from . import roles, services
from .demo_champions import load_champions
from .demo_cohorts import load_cohorts
from .demo_competencies import load_competencies
from .demo_good_practice import load_good_practice
from .demo_learning import load_learning
from .demo_peer_review import load_peer_review
from .demo_roundtables import load_round_tables
from .models import Organisation, Place, PoliticalGroup, Region, User

DEMO_PASSWORD = "digital-leadership-demo"

PLACES = [
    ("Greater Manchester", "greater-manchester", Place.Kind.CITY_REGION, Region.NORTH_WEST),
    ("Kent and Medway", "kent-and-medway", Place.Kind.COUNTY, Region.SOUTH_EAST),
    ("Cornwall", "cornwall", Place.Kind.COUNTY, Region.SOUTH_WEST),
]

K = Organisation.Kind
ORGANISATIONS = [
    # (name, kind, place slug or None for national bodies, region)
    ("Manchester City Council", K.METROPOLITAN_BOROUGH, "greater-manchester", Region.NORTH_WEST),
    ("Salford City Council", K.METROPOLITAN_BOROUGH, "greater-manchester", Region.NORTH_WEST),
    (
        "Greater Manchester Combined Authority",
        K.COMBINED_AUTHORITY,
        "greater-manchester",
        Region.NORTH_WEST,
    ),
    ("Greater Manchester Police", K.POLICE, "greater-manchester", Region.NORTH_WEST),
    ("NHS Greater Manchester", K.NHS, "greater-manchester", Region.NORTH_WEST),
    (
        "Greater Manchester Fire and Rescue Service",
        K.FIRE_AND_RESCUE,
        "greater-manchester",
        Region.NORTH_WEST,
    ),
    ("Kent County Council", K.COUNTY_COUNCIL, "kent-and-medway", Region.SOUTH_EAST),
    ("Maidstone Borough Council", K.DISTRICT_COUNCIL, "kent-and-medway", Region.SOUTH_EAST),
    ("Medway Council", K.UNITARY_COUNCIL, "kent-and-medway", Region.SOUTH_EAST),
    ("Kent Police", K.POLICE, "kent-and-medway", Region.SOUTH_EAST),
    ("Kent Fire and Rescue Service", K.FIRE_AND_RESCUE, "kent-and-medway", Region.SOUTH_EAST),
    ("NHS Kent and Medway", K.NHS, "kent-and-medway", Region.SOUTH_EAST),
    ("Jobcentre Plus Kent", K.CENTRAL_GOVERNMENT, "kent-and-medway", Region.SOUTH_EAST),
    ("Cornwall Council", K.UNITARY_COUNCIL, "cornwall", Region.SOUTH_WEST),
    ("Devon and Cornwall Police", K.POLICE, "cornwall", Region.SOUTH_WEST),
    ("Cornwall Fire and Rescue Service", K.FIRE_AND_RESCUE, "cornwall", Region.SOUTH_WEST),
    ("NHS Cornwall and Isles of Scilly", K.NHS, "cornwall", Region.SOUTH_WEST),
    ("Volunteer Cornwall", K.VOLUNTARY, "cornwall", Region.SOUTH_WEST),
    ("London Borough of Camden", K.LONDON_BOROUGH, None, Region.LONDON),
    ("Local Government Association", K.OTHER, None, ""),
]


@dataclass(frozen=True)
class DemoPerson:
    email: str
    full_name: str
    role: str
    job_title: str
    organisation: str
    political_group: str = ""
    shows: str = ""  # what signing in as this person shows, printed with the logins


PEOPLE = [
    DemoPerson(
        "admin@academy.example",
        "Priya Shah",
        roles.LGA_ADMINISTRATOR,
        "Programme manager, Digital Leadership Academy",
        "Local Government Association",
        shows="the competency framework's two versions in the admin; Medway's closed "
        "organisational diagnostic, with its results",
    ),
    DemoPerson(
        "editor@academy.example",
        "Tom Hughes",
        roles.LGA_EDITOR,
        "Content designer",
        "Local Government Association",
    ),
    DemoPerson(
        "publisher@academy.example",
        "Grace Okafor",
        roles.LGA_PUBLISHER,
        "Head of digital content",
        "Local Government Association",
    ),
    DemoPerson(
        "facilitator@academy.example",
        "Martin Clarke",
        roles.FACILITATOR,
        "Digital Academy facilitator",
        "Local Government Association",
        shows="runs both Digital Academy cohorts: attendance, feedback, moving a session",
    ),
    DemoPerson(
        "peer.manager@academy.example",
        "Nicola Grant",
        roles.LGA_ADMINISTRATOR,
        "Peer challenge manager",
        "Local Government Association",
        shows="manages four peer challenges: scoping, position statement, report with the "
        "council, published with an action plan",
    ),
    DemoPerson(
        "reviewer@academy.example",
        "Helen Brooks",
        roles.PEER_REVIEWER,
        "Chief executive",
        "Maidstone Borough Council",
        shows="lead peer on three peer challenges: being scoped, report with the council, "
        "published",
    ),
    DemoPerson(
        "champion@academy.example",
        "Aisha Rahman",
        roles.DIGITAL_CHAMPION,
        "Chief digital officer",
        "Kent County Council",
        shows="mentors officer@ (two meetings logged), a request to answer, one finished; "
        "hosts two open sessions",
    ),
    DemoPerson(
        "councillor@academy.example",
        "Cllr David Penrose",
        roles.COUNCILLOR,
        "Cabinet member for resources",
        "Cornwall Council",
        PoliticalGroup.INDEPENDENT,
        shows="midway through the councillors' modules, with private reflections",
    ),
    DemoPerson(
        "finished.councillor@academy.example",
        "Cllr Amina Patel",
        roles.COUNCILLOR,
        "Leader of the council",
        "Salford City Council",
        PoliticalGroup.LABOUR,
        shows="has finished the modules and holds a certificate",
    ),
    DemoPerson(
        "ceo@academy.example",
        "Jonathan Marsh",
        roles.SENIOR_OFFICER,
        "Chief executive",
        "Maidstone Borough Council",
        shows="invited to three round tables: notes of one held, one to answer, one waiting",
    ),
    DemoPerson(
        "officer@academy.example",
        "Sam Whitfield",
        roles.SENIOR_OFFICER,
        "Director of adult social care",
        "Manchester City Council",
        shows="in the Greater Manchester cohort, which is about to start; mentored by champion@; "
        "two competency diagnostics to compare, a development plan under way, and invited to "
        "Manchester's organisational diagnostic",
    ),
    DemoPerson(
        "kent.officer@academy.example",
        "Rachel Osei",
        roles.SENIOR_OFFICER,
        "Director of adult social care",
        "Kent County Council",
        shows="halfway through the Kent and Medway cohort, with attendance and a 100-day plan",
    ),
]

HOME_INTRO = (
    "Where English local government builds digital leadership: senior officers, councillors, "
    "chief executives and digital champions learning from each other and from what has worked."
)
HOME_BODY = (
    "<p>Digital is service transformation enabled by technology, not the preserve of the head "
    "of ICT. The academy helps the people who lead councils and their partners to understand "
    "what digital can do for residents, the workforce and the organisation, and to lead that "
    "change together.</p>"
    "<p>The programme is run by the Local Government Association with councils, Solace and "
    "partners across the public sector. It has seven parts; start with the one that fits you.</p>"
)

LANDING_PAGES = [
    (
        ProgrammePart.DIGITAL_ACADEMY,
        "Digital Academy",
        "Senior officers from the council, police, NHS, fire and rescue and government agencies "
        "of one place learn together over six to nine months.",
        "Senior officers in the public bodies of one place",
        "<p>A cadre of senior officers from the public bodies of one place goes through the "
        "academy's modules together, over six to eight sessions spread across six to nine "
        "months. Learning side by side with the people you commission and deliver with is the "
        "point: the aim is to apply digital tools to joint working, such as integrating health "
        "and social care.</p>"
        "<h2>How it works</h2><ul><li>A cohort belongs to one place and draws from at least two "
        "kinds of public body.</li><li>Sessions are scheduled for the whole cohort, avoiding "
        "weekends and bank holidays, with reminders before each one.</li><li>Each organisation "
        "leaves with an action plan, such as a 100-day plan, and checks in on it after the "
        "cohort ends.</li></ul>"
        "<p>The model follows the joint Cabinet Office and LGA Commissioning Academy.</p>",
    ),
    (
        ProgrammePart.MEMBER_LEADERSHIP,
        "Member Leadership Academy",
        "Digital modules for senior councillors, taken at your own pace, with a certificate "
        "when you finish.",
        "Councillors, especially cabinet members and committee chairs",
        "<p>Further modules in the LGA's member leadership programme help senior councillors "
        "understand the opportunities and risks of digital, so that they can set direction and "
        "hold decisions to account.</p>"
        "<h2>What the modules cover</h2><ul><li>What digital can do for residents, the "
        "workforce and the council</li><li>Understanding the technology market and buying "
        "well</li><li>User insight before you start</li><li>Where digital has delivered real "
        "benefits</li><li>Skills and resources needed</li><li>Data, information sharing and "
        "cyber risk</li><li>Digital inclusion</li></ul>"
        "<p>Your progress is saved as you go and your reflections are private to you.</p>",
    ),
    (
        ProgrammePart.ROUND_TABLES,
        "Chief executive round tables",
        "Invitation-only regional round tables where chief executives and corporate directors "
        "talk openly about digital.",
        "Chief executives and corporate directors",
        "<p>Run with Solace, each regional round table is addressed by a chief executive or "
        "senior officer who has delivered digital solutions, followed by open discussion. "
        "Themes include devolution, health and care integration and welfare reform.</p>"
        "<h2>The Chatham House rule</h2><p>Participants may use what is said, but never reveal "
        "who said it or which organisation they are from. Notes record themes and insights "
        "only, and are shared with those who attended.</p>"
        "<p>Round tables are by invitation from the LGA team.</p>",
    ),
    (
        ProgrammePart.PEER_CHALLENGE,
        "Peer review and challenge",
        "Digital questions inside the corporate peer challenge, signposting good practice and "
        "people who have done it elsewhere.",
        "Peer challenge teams and councils under review",
        "<p>Digital belongs inside the corporate peer challenge, not in a separate review. A "
        "bank of digital questions sits within the challenge's key lines of enquiry and probes "
        "what digital tools and approaches the council uses to transform its services.</p>"
        "<h2>The five core elements</h2><ul><li>Local priorities and outcomes</li><li>"
        "Organisational and place leadership</li><li>Governance and culture</li><li>Financial "
        "planning and management</li><li>Capacity for improvement</li></ul>"
        "<p>Each finding can point to good practice and to people who have delivered it. A "
        "review and its findings stay private to the peer team, the council and LGA staff "
        "until the council agrees to publish the report.</p>",
    ),
    (
        ProgrammePart.CHAMPIONS,
        "Digital champions' network",
        "Known digital leaders share what they know in open sessions and mentor their peers.",
        "Councillors and senior officers who have led digital programmes, and their peers",
        "<p>Digital champions are members and officers in senior roles who have overseen "
        "digital programmes in their own organisations. They keep a profile of what they know "
        "and have delivered, host open sessions such as round-table discussions, and act as "
        "advisers and mentors.</p>"
        "<h2>Finding a champion</h2><p>Search the network by outcome theme, service area and "
        "region, join a champion's open session, or ask them to mentor you.</p>",
    ),
    (
        ProgrammePart.GOOD_PRACTICE,
        "Digital good-practice database",
        "Search examples of good practice, case studies and reports from across the public "
        "sector and beyond.",
        "Anyone working in or with local government",
        "<p>Good ideas rarely travel between councils, and least of all between services: a "
        "bus-tracking scheme in transport seldom reaches the people who run meals on wheels. "
        "The database is built to carry lessons across those silos.</p>"
        "<h2>What you will find</h2><ul><li>Frameworks that generalise, kept apart from "
        "implementation case studies</li><li>What worked, and what to avoid</li><li>Where else "
        "a practice could apply: another service, another type of council</li><li>Outcomes "
        "with figures and how they were measured</li></ul>",
    ),
    (
        ProgrammePart.COMPETENCY_FRAMEWORK,
        "Competency framework, diagnostic and development plan",
        "Find out where you or your council stand on digital leadership, and what to do next.",
        "Individual leaders and council leadership teams",
        "<p>The competency framework sets out the core competencies for leading digital "
        "change, illustrated by behaviours, across five levels of skill: using IT; ICT "
        "technical skills; exploiting ICT; transforming the business through ICT; and achieving "
        "strategic objectives, where ICT is one building block among many.</p>"
        "<h2>From diagnostic to plan</h2><p>The diagnostic shows a person or a council where "
        "they are now. The development plan says how to get where they want to be, pointing "
        "at the academy's modules, champions, round tables and good practice.</p>"
        "<p>Councils can pick and mix the competencies into their own frameworks; each is "
        "mapped to SFIA and other frameworks.</p>",
    ),
]


@transaction.atomic
def load_demo() -> list[DemoPerson]:
    """Create whatever of the demo content is missing. Returns the demo people."""
    roles.sync_roles()
    places = _places()
    organisations = _organisations(places)
    _people(organisations)
    home = _pages()
    load_learning(home=home, publisher=User.objects.get(email="publisher@academy.example"))
    load_good_practice(
        home=home,
        publisher=User.objects.get(email="publisher@academy.example"),
        champion=User.objects.get(email="champion@academy.example"),
        member=User.objects.get(email="kent.officer@academy.example"),
    )
    load_cohorts(admin=User.objects.get(email=PEOPLE[0].email))
    load_round_tables(admin=User.objects.get(email=PEOPLE[0].email))
    load_champions(admin=User.objects.get(email=PEOPLE[0].email))
    load_peer_review(admin=User.objects.get(email=PEOPLE[0].email))
    load_competencies(admin=User.objects.get(email=PEOPLE[0].email))
    return PEOPLE


def _places():
    places = {}
    for name, slug, kind, region in PLACES:
        places[slug], _ = Place.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "region": region}
        )
    return places


def _organisations(places):
    organisations = {}
    for name, kind, place_slug, region in ORGANISATIONS:
        organisations[name], _ = Organisation.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "region": region, "place": places.get(place_slug)},
        )
    return organisations


def _people(organisations):
    admin_spec = PEOPLE[0]
    admin = User.objects.filter(email=admin_spec.email).first()
    if admin is None:
        # The first administrator has nobody to invite them.
        admin = User.objects.create_user(
            admin_spec.email,
            DEMO_PASSWORD,
            full_name=admin_spec.full_name,
            job_title=admin_spec.job_title,
            organisation=organisations[admin_spec.organisation],
        )
        admin.groups.add(Group.objects.get(name=admin_spec.role))
    for spec in PEOPLE[1:]:
        if User.objects.filter(email=spec.email).exists():
            continue
        invitation = services.invite_person(
            email=spec.email,
            full_name=spec.full_name,
            job_title=spec.job_title,
            organisation=organisations[spec.organisation],
            role=Group.objects.get(name=spec.role),
            political_group=spec.political_group,
            by=admin,
        )
        services.accept_invitation(
            token=services.invitation_token(invitation), password=DEMO_PASSWORD
        )


def _pages():
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Digital Leadership Academy", slug="academy", intro=HOME_INTRO, body=HOME_BODY
            )
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        placeholder = site.root_page if site else None
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Digital Leadership Academy",
            )
        else:
            site.root_page = home
            site.site_name = "Digital Leadership Academy"
            site.save()
        # Wagtail's own "Welcome to your new Wagtail site!" page, if nothing has been built on it.
        if placeholder and placeholder.specific_class is Page and not placeholder.get_children():
            placeholder.delete()
    for part, title, summary, audience, body in LANDING_PAGES:
        if ProgrammePage.objects.filter(part=part).exists():
            continue
        page = home.add_child(
            instance=ProgrammePage(
                title=title,
                slug=part.value,
                part=part,
                summary=summary,
                audience=audience,
                body=body,
            )
        )
        page.save_revision().publish()
    return home
