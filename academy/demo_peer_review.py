"""Demo content for peer review and challenge: a bank of digital questions, five or six for
each of the challenge's five core elements, each with its probing prompts, what good looks
like and signposts to outcome themes, demo good practice, champions and modules; and four
corporate peer challenges that ask them, one at each point of the year a review takes.

One question (`EDITED`) was reworded after it was first written, so it has two versions:
the first, as a past review would have asked it, and the wording now.

Made through `peer_review.services` by the demo administrator, and only if missing: a question
is found by its code and never saved again, so a second load makes no new version. Signposts
to demo content that is not there (a good-practice entry unpublished or renamed, say) are left
out without complaint.

The reviews, each found by its council and title and made only if missing, go through the
services as their people would: the LGA peer challenge manager sets each up and moves it on,
the council's nominated contacts write the position statement, raise corrections and keep the
action plan, and the peer team records the findings. Dates are counted from the day the demo
is loaded; what the services stamp with the time now is then moved back to when it would have
happened, as the champions demo does, and the emails they owed are marked as sent, as the
cohorts demo does (the audit log keeps the time of the load).

- Salford City Council: being scoped, on site in about six weeks.
- Medway Council: its contacts are drafting the position statement, on site in two weeks.
- Cornwall Council: the draft report is with the council, which has raised one correction.
- London Borough of Camden: published, action plan submitted, progress review to come."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from champions.models import ChampionProfile
from cms_pages.models import CaseStudyPage, ModulePage, Theme
from peer_review import services as peer_review
from peer_review.models import (
    Action,
    AskedQuestion,
    CoreElement,
    Correction,
    Finding,
    Notification,
    Participant,
    Question,
    Review,
)

from . import roles, services
from .demo_people import add_people
from .models import Organisation, PoliticalGroup, User

PRIORITIES = "local-priorities-and-outcomes"
LEADERSHIP = "organisational-and-place-leadership"
GOVERNANCE = "governance-and-culture"
FINANCE = "financial-planning-and-management"
CAPACITY = "capacity-for-improvement"


@dataclass(frozen=True)
class DemoQuestion:
    code: str
    element: str  # slug of a core element
    text: str
    prompts: tuple[str, ...]
    good_looks_like: str
    themes: tuple[str, ...]
    case_studies: tuple[str, ...] = ()  # slugs of demo good-practice entries
    champions: tuple[str, ...] = ()  # emails of demo champions
    modules: tuple[str, ...] = ()  # slugs of demo modules
    first_text: str = ""  # the wording before its one edit, if it was edited


QUESTIONS = (
    # --- Local priorities and outcomes ----------------------------------------------------
    DemoQuestion(
        "d-priorities-1",
        PRIORITIES,
        "How does digital appear in the council plan, and which of the plan's priorities does "
        "it help to deliver?",
        prompts=(
            "Where does the council plan mention digital: as a way of reaching its aims, or as "
            "an aim in itself?",
            "Which two or three priorities depend most on changing how services are delivered?",
            "Who would notice if the digital strategy were dropped tomorrow?",
        ),
        good_looks_like="The council plan names the outcomes the council wants for residents, "
        "and the digital strategy is plainly a way of reaching them rather than a separate plan "
        "with goals of its own. Cabinet members and senior officers can say which priorities "
        "rely on digital change and what that change is. The digital strategy is refreshed "
        "when the council plan is, not on a cycle of its own.",
        themes=("leadership", "services"),
        champions=("i.akhtar@champions.example",),
        modules=("what-digital-can-do",),
    ),
    DemoQuestion(
        "d-priorities-2",
        PRIORITIES,
        "What difference have digital changes made to outcomes for residents, and how does "
        "the council know?",
        prompts=(
            "Show us one service where a digital change improved an outcome for residents, "
            "not only the cost of a transaction.",
            "What was measured before the change, and who measured it?",
            "Where did a change make things worse for some residents, and what happened next?",
        ),
        good_looks_like="The council can point to a few changes where it measured something "
        "that matters to residents before and after: fewer repeat calls, help arriving sooner, "
        "fewer missed appointments. It reports mixed results as well as good ones. The "
        "measures come from the service, not only from the digital team's figures for "
        "website visits and online forms.",
        themes=("services", "value"),
        case_studies=(
            "enrolling-children-for-free-school-meals-automatically",
            "text-reminders-through-gov-uk-notify",
        ),
        champions=("champion@academy.example",),
        modules=("where-digital-delivered-benefits",),
    ),
    DemoQuestion(
        "d-priorities-3",
        PRIORITIES,
        "How does the council make sure that residents who cannot or will not go online still "
        "get the help they need?",
        prompts=(
            "Who in this area is offline, and how does the council know rather than assume?",
            "Which services still have a phone line or a face-to-face option, and who decided?",
            "How are people who struggle online involved in designing services?",
        ),
        good_looks_like="The council knows who is offline locally and why, from its own "
        "evidence rather than national estimates. Moving a service online comes with a plan, "
        "agreed beforehand, for those who cannot use it, and the phone and face-to-face routes "
        "are kept and staffed. Members see figures on who is being helped to get online "
        "alongside the figures for online take-up.",
        themes=("inclusion", "services"),
        case_studies=(
            "who-is-offline-and-why",
            "paperless-council-tax-bills-that-left-people-behind",
            "digital-champions-in-libraries",
        ),
        champions=("l.tregear@champions.example",),
        modules=("digital-inclusion",),
    ),
    DemoQuestion(
        "d-priorities-4",
        PRIORITIES,
        "How do residents' needs and experiences decide which services the council changes first?",
        prompts=(
            "What are the most common reasons residents contact the council, and what is being "
            "done about the first few?",
            "When did user research last change a decision about a service?",
            "How does the council look at a resident's journey across several services, or "
            "several organisations?",
        ),
        good_looks_like="Decisions about what to change first start from evidence of "
        "residents' needs, such as contact data, complaints and user research, not from the "
        "order in which contracts end. Services are looked at as residents meet them, across "
        "departments and partners. Members can see the evidence behind the priorities they "
        "agree.",
        themes=("services", "data"),
        case_studies=("the-residents-journey-as-the-unit-of-change", "discovery-in-six-weeks"),
        modules=("user-insight-before-you-start", "starting-from-residents"),
    ),
    DemoQuestion(
        "d-priorities-5",
        PRIORITIES,
        "How does the council use digital tools to involve residents in setting priorities "
        "and taking decisions?",
        prompts=(
            "Which decisions in the last year did residents shape through online consultation "
            "or participatory budgeting?",
            "How do residents who do not go online take part?",
            "What did the council do differently as a result?",
        ),
        good_looks_like="Residents can take part in decisions online as well as in person, "
        "and the council tells them what changed as a result. Online engagement is one route "
        "among several, never the only one. Members can see who took part, so they can tell "
        "whose voices are missing.",
        themes=("democracy-and-participation", "inclusion"),
        case_studies=(
            "online-participatory-budgeting-in-a-town-council",
            "hybrid-meetings-without-a-plan",
        ),
        champions=("b.walsh@champions.example",),
    ),
    # --- Organisational and place leadership ----------------------------------------------
    DemoQuestion(
        "d-leadership-1",
        LEADERSHIP,
        "Who leads digital change in the senior leadership team and the cabinet, and how do "
        "they share what they are trying to do with staff and partners?",
        prompts=(
            "Who in the senior leadership team answers for digital change, and who in the cabinet?",
            "How would a frontline manager describe what the council is trying to do with digital?",
            "How do leaders show the change in the way they work themselves?",
        ),
        good_looks_like="A named senior officer and a cabinet member lead digital change "
        "together, and it is on the chief executive's agenda rather than left to the head of "
        "ICT. Staff and partners can describe the aims in their own words. Leaders use the "
        "tools and ways of working they ask others to take up.",
        themes=("leadership",),
        champions=("champion@academy.example", "i.akhtar@champions.example"),
        modules=("leading-culture-change", "what-digital-can-do"),
    ),
    DemoQuestion(
        "d-leadership-2",
        LEADERSHIP,
        "How does the council work with the NHS, the police, fire and rescue and the voluntary "
        "sector to design services around residents rather than organisations?",
        prompts=(
            "Name a service redesigned with another public body. Who led it, and who paid?",
            "Where do residents still have to tell their story to several organisations?",
            "Which partnership boards discuss digital, and what have they decided?",
        ),
        good_looks_like="The council and its partners have a few pieces of joint work where "
        "residents' journeys cross organisations, such as leaving hospital or community "
        "safety, with shared leadership and shared funding. Partnership boards treat digital "
        "as a way of delivering their shared priorities. Partners see the council as willing "
        "and reliable to work with.",
        themes=("partnership", "services"),
        case_studies=("virtual-wards-with-council-reablement", "a-shared-care-record-in-cornwall"),
        champions=("h.chaudhry@champions.example", "m.jenkin@champions.example"),
        modules=("joining-up-health-and-care",),
    ),
    DemoQuestion(
        "d-leadership-3",
        LEADERSHIP,
        "How does the council share information with partners so that staff can act on it, "
        "and who agreed the rules?",
        prompts=(
            "Which information sharing agreements are used day to day, and which sit on a shelf?",
            "How long does it take to agree a new one with a partner?",
            "How do frontline staff know what they may share, and with whom?",
        ),
        good_looks_like="Information sharing agreements with partners are few, clear and "
        "used. Staff know what they may share and have systems that let them do it lawfully, "
        "with access controlled and audited. New sharing is agreed in weeks, not years, "
        "because the information governance team sees its job as helping services share "
        "safely, not only saying no.",
        themes=("data", "partnership"),
        case_studies=(
            "police-and-council-data-sharing-on-antisocial-behaviour",
            "targeting-safe-and-well-visits-with-shared-data",
        ),
        champions=("r.penhaligon@champions.example",),
        modules=("sharing-data-safely", "data-information-sharing-and-cyber-risk"),
    ),
    DemoQuestion(
        "d-leadership-4",
        LEADERSHIP,
        "What is the council doing, with others, to improve broadband and mobile coverage "
        "where it is poorest?",
        prompts=(
            "Which areas have the poorest coverage, and how does the council know?",
            "How does the council use its own buildings, land and contracts to help?",
            "Who speaks for the area to government and to the providers?",
        ),
        good_looks_like="The council knows where coverage is poor and has a plan with "
        "neighbouring councils, government programmes and providers to improve it. It uses "
        "what it owns, such as buildings, streets and its own contracts, to bring "
        "connectivity forward, and planning policy expects new development to be connected. "
        "Progress is reported to members and to the communities affected.",
        themes=("connectivity", "economic-productivity-and-growth"),
        case_studies=(
            "gigabit-broadband-to-rural-schools-and-libraries",
            "rural-broadband-vouchers-an-evaluation",
        ),
        champions=("l.tregear@champions.example",),
    ),
    DemoQuestion(
        "d-leadership-5",
        LEADERSHIP,
        "How does the council work with neighbouring councils and the combined authority to "
        "buy, build and learn once rather than many times?",
        prompts=(
            "What has the council bought or built with other councils in the last three years?",
            "Where does it still go its own way, and why?",
            "What would make a shared arrangement fail, and how would the council leave one?",
        ),
        good_looks_like="The council shares what it sensibly can with other councils: common "
        "platforms, joint buying, shared designs and code, and people who learn from each "
        "other. Each shared arrangement has clear governance and an agreed way out. Leaders "
        "can explain why they do some things alone.",
        themes=("partnership", "value"),
        case_studies=(
            "what-scottish-councils-learned-from-a-shared-digital-office",
            "a-shared-service-that-split-up",
            "one-front-door-for-business-support",
        ),
        champions=("k.osullivan@champions.example",),
        modules=("buying-technology-together",),
    ),
    # --- Governance and culture -----------------------------------------------------------
    DemoQuestion(
        "d-governance-1",
        GOVERNANCE,
        "Who owns the digital strategy, and who decides where digital investment goes?",
        prompts=(
            "Which board or person approves digital spending, and what have they turned down?",
            "How are service directors involved in setting digital priorities?",
            "When did the strategy last change a decision?",
        ),
        good_looks_like="One senior owner answers for the digital strategy, and a single "
        "board with service directors on it decides where investment goes, against the "
        "council's priorities. The board turns some requests down and records why. The "
        "strategy is short and current, and people refer to it when they decide.",
        themes=("leadership", "organisational-capability"),
        case_studies=("governing-digital-in-a-small-council",),
        champions=("p.greenwood@champions.example",),
        modules=("what-digital-can-do",),
    ),
    DemoQuestion(
        "d-governance-2",
        GOVERNANCE,
        "Who decides the council's technical architecture, and how are new systems made to fit it?",
        prompts=(
            "Who can say no to a system a service wants to buy, and has anyone done so?",
            "How do new contracts require open standards and interfaces?",
            "How many systems does the council run that do the same job?",
        ),
        good_looks_like="A named group, with people from services as well as technical staff, "
        "sets the council's architecture and standards, and every new system or contract is "
        "checked against them before it is bought. The council knows what systems it runs, "
        "what they cost and when their contracts end, and is reducing duplication over time. "
        "Contracts require open interfaces and a way to take the data out.",
        themes=("organisational-capability", "value"),
        case_studies=(
            "governing-digital-in-a-small-council",
            "checking-a-suppliers-exit-plan-before-you-sign",
        ),
        modules=("buying-technology-well", "buying-technology-together"),
        first_text="Does the council have a technical design authority?",
    ),
    DemoQuestion(
        "d-governance-3",
        GOVERNANCE,
        "Who owns the council's information and data, and how does that ownership show in "
        "practice?",
        prompts=(
            "Is there a senior information risk owner, and what do they report, and to whom?",
            "Does each major set of data have a named owner in the service that uses it?",
            "What happened after the last data breach or near miss?",
        ),
        good_looks_like="Information management has a senior owner, and each major set of "
        "data has a named owner in the service who answers for its quality, who can see it "
        "and how long it is kept. Data protection, records and security are treated as one "
        "job. Members get a regular, plain report on how information is managed, including "
        "breaches and what was learned from them.",
        themes=("data", "security-and-resilience"),
        case_studies=(
            "sensors-installed-but-nobody-owned-the-data",
            "a-data-ethics-framework-for-predictive-tools",
        ),
        champions=("b.walsh@champions.example",),
        modules=("data-information-sharing-and-cyber-risk",),
    ),
    DemoQuestion(
        "d-governance-4",
        GOVERNANCE,
        "Are service leaders and ICT leaders jointly accountable for what digital change delivers?",
        prompts=(
            "When a digital project runs late or misses its benefits, who answers for it?",
            "Do service directors' objectives include the changes that depend on technology?",
            "How do service and ICT staff work together day to day on a change?",
        ),
        good_looks_like="Service directors own the changes in their services, benefits "
        "included, and the ICT or digital lead owns delivering the technology well; they "
        "report on the same project together. Projects are run by mixed teams from the "
        "service and digital, not handed from one to the other. Nobody treats a missed "
        "benefit as an ICT problem alone.",
        themes=("leadership", "organisational-capability"),
        case_studies=("a-big-bang-replacement-of-a-social-care-system",),
        champions=("champion@academy.example",),
        modules=("leading-culture-change",),
    ),
    DemoQuestion(
        "d-governance-5",
        GOVERNANCE,
        "How do councillors scrutinise digital decisions and the risks that come with them?",
        prompts=(
            "When did a scrutiny committee last look at a digital programme or a technology "
            "contract?",
            "What do members receive about cyber risk, and do they feel able to question it?",
            "What support do members get to ask good questions about digital?",
        ),
        good_looks_like="Scrutiny looks at major digital programmes and contracts before "
        "decisions are taken as well as after, and members ask about benefits, risks and who "
        "is left out. Cyber risk is on the corporate risk register, and members get a plain "
        "briefing on it at least once a year. Members have had support to ask good questions, "
        "and officers welcome the challenge.",
        themes=("democracy-and-participation", "security-and-resilience"),
        champions=("i.akhtar@champions.example",),
        modules=("data-information-sharing-and-cyber-risk", "buying-technology-well"),
    ),
    DemoQuestion(
        "d-governance-6",
        GOVERNANCE,
        "How open is the council about digital projects that have not worked, and what does "
        "it learn from them?",
        prompts=(
            "Tell us about a digital project that was stopped or changed course. Who decided, "
            "and how early?",
            "Are lessons written down, and does the next project read them?",
            "Can staff raise concerns about a project without it counting against them?",
        ),
        good_looks_like="The council stops or changes projects when the evidence says so, "
        "and does not treat that as a failure of the people involved. Lessons are written up "
        "briefly and the next project reads them. Staff and members can raise concerns early, "
        "and leaders are seen to thank them for it.",
        themes=("leadership", "organisational-capability"),
        case_studies=(
            "a-chatbot-launched-before-the-content-was-fixed",
            "an-app-nobody-downloaded",
        ),
        champions=("champion@academy.example",),
    ),
    # --- Financial planning and management ------------------------------------------------
    DemoQuestion(
        "d-finance-1",
        FINANCE,
        "How are digital investments decided, and what does a business case have to show?",
        prompts=(
            "Take a recent digital investment: what did the business case promise, and who "
            "checked it?",
            "Are the costs of running a system after it goes live counted, not only the cost "
            "of buying it?",
            "How is small, early work paid for before a full case can be made?",
        ),
        good_looks_like="A digital business case sets out the problem, the options, the cost "
        "over the whole life of the system and the benefits, with a named owner in the "
        "service for each benefit. Finance and the service agree the case together. Small "
        "pieces of discovery work can be funded quickly, so that larger cases rest on "
        "evidence rather than a supplier's estimate.",
        themes=("value",),
        case_studies=("discovery-in-six-weeks",),
        champions=("i.akhtar@champions.example",),
        modules=("where-digital-delivered-benefits", "benefits-and-the-first-100-days"),
    ),
    DemoQuestion(
        "d-finance-2",
        FINANCE,
        "How does the council check that the benefits promised for digital investment are "
        "delivered?",
        prompts=(
            "Who owns each benefit, and where is it reported?",
            "Which savings have been taken out of budgets, and which have only been counted?",
            "What happened to a project whose benefits did not arrive?",
        ),
        good_looks_like="Benefits are measured against a baseline taken before the change "
        "and reported to the board that approved the spending, for at least a year after go-"
        "live. Cash savings are taken out of budgets in the medium-term financial plan; other "
        "benefits are tracked honestly and not counted twice. Projects that do not deliver "
        "are reviewed and, if need be, stopped.",
        themes=("value",),
        case_studies=(
            "eighteen-months-of-automation-in-revenues-and-benefits",
            "text-reminders-through-gov-uk-notify",
        ),
        champions=("i.akhtar@champions.example",),
        modules=("where-digital-delivered-benefits", "benefits-and-the-first-100-days"),
    ),
    DemoQuestion(
        "d-finance-3",
        FINANCE,
        "How does digital change feature in the medium-term financial plan and the savings "
        "the council is counting on?",
        prompts=(
            "What share of planned savings depends on digital change, and how sure is the "
            "council of it?",
            "Is money set aside to keep systems and devices up to date, not only to buy new ones?",
            "How is the risk of late delivery allowed for in the budget?",
        ),
        good_looks_like="The medium-term financial plan shows which savings depend on "
        "digital change, with realistic timings and room for delay. Budgets include the cost "
        "of keeping systems and devices current, so the council is not forced into rushed, "
        "expensive replacements when a contract ends. The section 151 officer is confident "
        "in the figures and can explain them.",
        themes=("value", "leadership"),
        case_studies=(
            "a-big-bang-replacement-of-a-social-care-system",
            "the-carbon-cost-of-council-it",
        ),
        champions=("f.adebayo@champions.example",),
        modules=("skills-and-resources-needed",),
    ),
    DemoQuestion(
        "d-finance-4",
        FINANCE,
        "How does the council manage its technology contracts so that it gets value and can "
        "change supplier?",
        prompts=(
            "Which major contracts end in the next three years, and what is the plan for each?",
            "Could the council take its data out of its main systems, in a usable form, at a "
            "known cost?",
            "How much of the technology budget goes to a handful of suppliers?",
        ),
        good_looks_like="The council keeps a current list of its technology contracts and "
        "when they end, and starts replacing major systems early enough to have a real "
        "choice. Contracts are shorter, with break points, open interfaces and exit plans "
        "agreed before signing. Procurement and ICT staff work together and know the market.",
        themes=("value", "organisational-capability"),
        case_studies=(
            "checking-a-suppliers-exit-plan-before-you-sign",
            "a-shared-service-that-split-up",
        ),
        champions=("k.osullivan@champions.example",),
        modules=("buying-technology-well", "buying-technology-together"),
    ),
    DemoQuestion(
        "d-finance-5",
        FINANCE,
        "How does the council use its own data to understand and manage spending and demand?",
        prompts=(
            "Which budget decisions last year were informed by data on demand, and what did it "
            "show?",
            "Can budget holders see up-to-date spending and activity without asking finance?",
            "Where does the council forecast demand, for example in social care or temporary "
            "accommodation, and how accurate have the forecasts been?",
        ),
        good_looks_like="Budget holders see current spending and activity side by side and "
        "use them to manage demand. Forecasts for the services under most pressure draw on "
        "the council's own data as well as national trends, and are checked against what "
        "happened. The finance and data teams work together, and their figures agree.",
        themes=("data", "value"),
        case_studies=(
            "finding-households-at-risk-of-homelessness-early",
            "a-data-warehouse-built-before-anyone-asked-a-question",
        ),
        champions=("champion@academy.example",),
    ),
    # --- Capacity for improvement ---------------------------------------------------------
    DemoQuestion(
        "d-capacity-1",
        CAPACITY,
        "Does the council have the digital skills it needs, from the frontline to the "
        "leadership team?",
        prompts=(
            "How does the council know what digital skills its staff have, and where the gaps are?",
            "What digital skills are expected of managers and of new starters?",
            "How are councillors helped to build their own confidence with digital?",
        ),
        good_looks_like="The council knows the digital skills it has and needs, using a "
        "framework that describes them by what people do. Skills are part of job "
        "descriptions and appraisals, and training is about doing the job, not only using a "
        "system. Leaders and councillors take part too.",
        themes=("organisational-capability",),
        case_studies=("a-digital-skills-framework-for-frontline-staff",),
        modules=("skills-and-resources-needed", "leading-culture-change"),
    ),
    DemoQuestion(
        "d-capacity-2",
        CAPACITY,
        "How does the council recruit, grow and keep the specialist digital, data and "
        "technology staff it needs?",
        prompts=(
            "Which specialist roles are hardest to fill, and what has the council tried?",
            "How much is spent on contractors and consultants for work that will last?",
            "Can existing staff move into digital and data roles, and have any done so?",
        ),
        good_looks_like="The council has a realistic plan for specialist roles: it grows some "
        "of its own, shares some with other councils and buys in the rest for defined pieces "
        "of work, with knowledge handed over before contractors leave. Pay and careers are "
        "looked at honestly against the local market. Existing staff can train into digital "
        "and data roles.",
        themes=("organisational-capability",),
        case_studies=("a-digital-skills-framework-for-frontline-staff",),
        champions=("p.greenwood@champions.example",),
        modules=("skills-and-resources-needed",),
    ),
    DemoQuestion(
        "d-capacity-3",
        CAPACITY,
        "How mature is the council's use of data, and what is it doing to improve it?",
        prompts=(
            "Has the council assessed how well it uses data, and what did it find?",
            "Which decisions are routinely taken with data, and which by habit?",
            "How good is the data in the main case management systems, and who puts it right?",
        ),
        good_looks_like="The council has assessed its use of data honestly against a "
        "recognised model and agreed a few steps to improve, starting where decisions matter "
        "most. The quality of data is owned in services. Analysts work on questions leaders "
        "actually ask, and their work shows up in decisions.",
        themes=("data", "organisational-capability"),
        case_studies=(
            "a-maturity-model-for-data-in-social-care",
            "a-data-warehouse-built-before-anyone-asked-a-question",
        ),
        champions=("k.osullivan@champions.example",),
        modules=("data-information-sharing-and-cyber-risk",),
    ),
    DemoQuestion(
        "d-capacity-4",
        CAPACITY,
        "How does the council deliver digital change: does it start from users' needs, test "
        "early and improve in small steps?",
        prompts=(
            "Show us how a recent project began: what was learned before anything was bought "
            "or built?",
            "Once work has started, how often do changes reach residents or staff?",
            "Does the council reuse common patterns and components, or design each service "
            "from scratch?",
        ),
        good_looks_like="Projects start with a short discovery into users' needs and the real "
        "problem before a solution is chosen. Teams put something in front of users early "
        "and improve it in small steps. The council reuses tested patterns and national "
        "components, such as GOV.UK Notify, rather than building each service afresh.",
        themes=("services", "organisational-capability"),
        case_studies=("discovery-in-six-weeks", "common-patterns-for-council-transactions"),
        modules=("user-insight-before-you-start", "starting-from-residents"),
    ),
    DemoQuestion(
        "d-capacity-5",
        CAPACITY,
        "How would the council keep essential services running if its systems were attacked "
        "or failed?",
        prompts=(
            "When was the plan for a cyber attack last tested, and what did the test find?",
            "Which services would go back to paper, and have they practised it?",
            "How would staff and suppliers be paid with the network down?",
        ),
        good_looks_like="The council has an incident plan for losing its systems, not only "
        "its buildings, and tests it at least once a year with the services, not just the "
        "ICT team. Services know their fallback and have practised it. Backups are kept "
        "where an attacker cannot reach them, and restoring from them has been tried.",
        themes=("security-and-resilience",),
        case_studies=(
            "a-cyber-incident-playbook-for-district-councils",
            "a-ransomware-attack-and-an-untested-paper-fallback",
        ),
        champions=("f.adebayo@champions.example",),
        modules=("data-information-sharing-and-cyber-risk",),
    ),
)

EDITED = "d-governance-2"


def load_peer_review(*, admin: User) -> list[Question]:
    """The bank of digital questions and the demo peer challenges that ask them, whichever
    are missing. Returns the demo questions there are."""
    questions = load_questions(admin=admin)
    load_reviews(admin=admin)
    return questions


def load_questions(*, admin: User) -> list[Question]:
    """Add whichever demo questions are missing from the bank, as `admin`. Returns the demo
    questions there are."""
    codes = [spec.code for spec in QUESTIONS]
    existing = set(Question.objects.filter(code__in=codes).values_list("code", flat=True))
    elements = {element.slug: element for element in CoreElement.objects.all()}
    signposts = _Signposts.load()
    for spec in QUESTIONS:
        # A core element renamed in the admin leaves its demo questions out.
        if spec.code in existing or spec.element not in elements:
            continue
        question = Question(
            code=spec.code,
            core_element=elements[spec.element],
            text=spec.first_text or spec.text,
            prompts="\n".join(spec.prompts),
            good_looks_like=spec.good_looks_like,
        )
        chosen = signposts.for_question(spec)
        peer_review.save_question(question=question, by=admin, signposts=chosen)
        if spec.first_text:
            question.text = spec.text
            peer_review.save_question(question=question, by=admin)
    return list(Question.objects.filter(code__in=codes))


@dataclass(frozen=True)
class _Signposts:
    """The primary keys of what the demo questions may point to, by slug (champions by
    email). Only published pages and listed champions are signposted."""

    themes: dict[str, int]
    case_studies: dict[str, int]
    modules: dict[str, int]
    champions: dict[str, int]

    @classmethod
    def load(cls) -> "_Signposts":
        return cls(
            themes=dict(Theme.objects.values_list("slug", "pk")),
            case_studies=dict(CaseStudyPage.objects.live().values_list("slug", "pk")),
            modules=dict(ModulePage.objects.live().values_list("slug", "pk")),
            champions=dict(
                ChampionProfile.objects.filter(is_listed=True).values_list("person__email", "pk")
            ),
        )

    def for_question(self, spec: DemoQuestion) -> dict[str, list[int]]:
        def pick(found: dict[str, int], keys: tuple[str, ...]) -> list[int]:
            return [found[key] for key in keys if key in found]

        return {
            "themes": pick(self.themes, spec.themes),
            "case_studies": pick(self.case_studies, spec.case_studies),
            "modules": pick(self.modules, spec.modules),
            "champions": pick(self.champions, spec.champions),
        }


# --- Reviews ---------------------------------------------------------------------------------

Role = Participant.Role
Kind = Finding.Kind
Status = Action.Status
TITLE = "Corporate peer challenge"
VISIT = timedelta(days=3)  # Tuesday to Friday on site

MANAGER = "peer.manager@academy.example"
LEAD_PEER = "reviewer@academy.example"  # Helen Brooks, a chief executive: a demo login already

# (email, full name, job title, organisation), as `add_people` takes them
MANAGERS = [(MANAGER, "Nicola Grant", "Peer challenge manager", "Local Government Association")]
PEERS = [
    (LEAD_PEER, None, None, None),
    ("d.whitlock@peers.example", "Debra Whitlock", "Chief executive", "Salford City Council"),
    (
        "h.morrison@peers.example",
        "Cllr Hugh Morrison",
        "Chair of the governance and audit committee",
        "Kent County Council",
    ),
    (
        "f.begum@peers.example",
        "Cllr Fatima Begum",
        "Chair of resources and governance scrutiny",
        "Manchester City Council",
    ),
    (
        "j.carver@peers.example",
        "Cllr Jenny Carver",
        "Lead member for corporate services",
        "Maidstone Borough Council",
    ),
    (
        "i.docherty@peers.example",
        "Ian Docherty",
        "Director of digital, data and technology",
        "Manchester City Council",
    ),
    ("m.kapoor@peers.example", "Meera Kapoor", "Head of data and analytics", "Kent County Council"),
    (
        "r.powell@peers.example",
        "Rhys Powell",
        "Assistant director, ICT and digital",
        "Cornwall Council",
    ),
]
MEMBER_PEERS = {
    "h.morrison@peers.example": PoliticalGroup.CONSERVATIVE,
    "f.begum@peers.example": PoliticalGroup.LABOUR,
    "j.carver@peers.example": PoliticalGroup.LIBERAL_DEMOCRAT,
}
CONTACTS = [
    (
        "l.doyle@salford.example",
        "Liam Doyle",
        "Assistant director, strategy and performance",
        "Salford City Council",
    ),
    (
        "n.fletcher@medway.example",
        "Natalie Fletcher",
        "Head of corporate strategy",
        "Medway Council",
    ),
    ("k.asante@medway.example", "Kwame Asante", "Digital transformation manager", "Medway Council"),
    (
        "j.polglase@cornwall.example",
        "Jess Polglase",
        "Head of policy and performance",
        "Cornwall Council",
    ),
    (
        "m.reid@camden.example",
        "Marcus Reid",
        "Head of strategy and change",
        "London Borough of Camden",
    ),
    (
        "y.farah@camden.example",
        "Yasmin Farah",
        "Digital programme manager",
        "London Borough of Camden",
    ),
]


@dataclass(frozen=True)
class DemoAnswer:
    question: str  # code
    text: str
    by: int = 0  # which of the review's contacts wrote it


@dataclass(frozen=True)
class DemoFinding:
    kind: str
    text: str
    question: str = ""  # code of a question the review asked; "" for the element as a whole
    element: str = ""  # slug of the core element, for a finding about it as a whole
    signposts: tuple[str, ...] = ()  # slugs of good practice, from the question's own


@dataclass(frozen=True)
class DemoCorrection:
    question: str  # the finding corrected: the one of `kind` on this question
    kind: str
    proposed_text: str
    reason: str
    response: str = ""  # the manager's, once accepted; "" while it waits


@dataclass(frozen=True)
class DemoAction:
    answers: str  # code of the question whose recommendation it answers
    text: str
    owner: str
    due_months_after_visit: int
    status: str = Status.PLANNED
    progress: str = ""


@dataclass(frozen=True)
class DemoReview:
    council: str
    focus_areas: str
    team: tuple[tuple[str, str], ...]  # (email, role)
    contacts: tuple[str, ...]  # emails; the first writes most
    questions: tuple[str, ...]  # codes
    overview: str = ""
    answers: tuple[DemoAnswer, ...] = ()
    findings: tuple[DemoFinding, ...] = ()
    summary: str = ""
    corrections: tuple[DemoCorrection, ...] = ()
    actions: tuple[DemoAction, ...] = ()
    title: str = TITLE


SALFORD = DemoReview(
    council="Salford City Council",
    focus_areas="How well the move to online services works for residents who are not online, "
    "particularly older residents and families in temporary accommodation. Joint work with NHS "
    "Greater Manchester on helping people leave hospital sooner. Whether the council has the "
    "data and digital skills to deliver the savings its medium-term financial plan counts on.",
    team=(
        (LEAD_PEER, Role.LEAD_PEER),
        ("j.carver@peers.example", Role.MEMBER_PEER),
        ("m.kapoor@peers.example", Role.OFFICER_PEER),
    ),
    contacts=("l.doyle@salford.example",),
    questions=("d-priorities-3", "d-leadership-2", "d-governance-3", "d-finance-2", "d-capacity-2"),
)

MEDWAY = DemoReview(
    council="Medway Council",
    focus_areas="The new customer strategy and the move of the contact centre to one front "
    "door. How information about vulnerable adults is shared with Kent Police and the NHS. "
    "Whether members are well placed to scrutinise the renewal of the major technology "
    "contracts, several of which end within three years.",
    team=(
        ("d.whitlock@peers.example", Role.LEAD_PEER),
        ("f.begum@peers.example", Role.MEMBER_PEER),
        ("r.powell@peers.example", Role.OFFICER_PEER),
    ),
    contacts=("n.fletcher@medway.example", "k.asante@medway.example"),
    questions=(
        "d-priorities-4",
        "d-leadership-3",
        "d-governance-1",
        "d-governance-5",
        "d-finance-4",
        "d-capacity-4",
    ),
    overview="Medway is a unitary council serving about 280,000 residents in Chatham, "
    "Gillingham, Rainham, Rochester, Strood and the villages of the Hoo Peninsula. Our council "
    "plan puts residents' needs first, and the customer and digital strategy cabinet agreed "
    "last year is how we mean to deliver it. More than half of council tax and housing repairs "
    "contacts now begin online. We know we have further to go in joining up with partners and "
    "in how we buy and manage technology, which is why we asked the team to look at both.\n\n"
    "[Draft: directors to comment by Friday; the chief executive signs off before we submit.]",
    answers=(
        DemoAnswer(
            "d-priorities-4",
            "Council tax, bins, housing repairs, parking and adult social care enquiries make "
            "up about 60% of the contact we get. User research with 40 residents on missed "
            "bin collections led us to send collection-day alerts rather than build a new "
            "online form, and missed-bin reports fell by a quarter. We have not yet looked "
            "systematically at journeys that cross services or partners.",
        ),
        DemoAnswer(
            "d-leadership-3",
            "We have 38 information sharing agreements with partners. The one most used is "
            "with Kent Police on antisocial behaviour, reviewed last year. A new agreement "
            "usually takes four to six months, and frontline staff tell us they are unsure "
            "what they may share. Information governance is writing a one-page guide for "
            "them.\n\n[Natalie: add what we are doing with the NHS on hospital discharge.]",
            by=1,
        ),
        DemoAnswer(
            "d-capacity-4",
            "Our digital team of 14 works in small teams with each service. The blue badge "
            "application began with a six-week discovery with applicants and the assessment "
            "team, which showed most delays came from missing evidence; the new form asks for "
            "it first. We use GOV.UK Notify for reminders and reuse shared patterns for "
            "council transactions where they fit.",
            by=1,
        ),
    ),
)

CORNWALL = DemoReview(
    council="Cornwall Council",
    focus_areas="How digital can help deliver services across a large rural area with long "
    "distances between communities. Digital inclusion, including for older residents and "
    "those without a reliable connection. Joint work with NHS Cornwall and Isles of Scilly on "
    "care at home.",
    team=(
        (LEAD_PEER, Role.LEAD_PEER),
        ("h.morrison@peers.example", Role.MEMBER_PEER),
        ("j.carver@peers.example", Role.MEMBER_PEER),
        ("i.docherty@peers.example", Role.OFFICER_PEER),
        ("m.kapoor@peers.example", Role.OFFICER_PEER),
    ),
    contacts=("j.polglase@cornwall.example",),
    questions=(
        "d-priorities-2",
        "d-priorities-3",
        "d-leadership-2",
        "d-leadership-4",
        "d-governance-4",
        "d-finance-3",
        "d-capacity-5",
    ),
    overview="Cornwall Council serves about 570,000 residents across a largely rural county, "
    "where many communities are an hour or more from the nearest main town. Our council plan "
    "commits us to services close to where people live and to leaving nobody behind. Digital "
    "is one of the main ways we mean to do both: it lets residents deal with us without "
    "travelling, and lets our staff and partners work together across the county. We have "
    "asked the team to test whether our digital work is reaching the people who need it "
    "most, and whether we are organised to keep it going.",
    answers=(
        DemoAnswer(
            "d-priorities-2",
            "Our assistive technology service measured falls, ambulance call-outs and hospital "
            "admissions for 300 people before and after sensors were fitted at home: "
            "admissions fell by about a fifth. For most other changes we report online "
            "take-up and call volumes, and we know that is not the same as outcomes.",
        ),
        DemoAnswer(
            "d-priorities-3",
            "Our survey with Volunteer Cornwall found that about one adult in eight does not "
            "use the internet, most of them over 75 or living in the far west of the county. "
            "Every service we have moved online keeps a phone line, and digital help sessions "
            "run in all 29 of our libraries, including the five run by town councils.",
        ),
        DemoAnswer(
            "d-leadership-2",
            "We work with NHS Cornwall and Isles of Scilly through the care at home "
            "programme, which has a joint board, a pooled budget for reablement and a shared "
            "care record used by hospital and social care staff.",
        ),
        DemoAnswer(
            "d-leadership-4",
            "Gigabit connections now reach all our secondary schools and most libraries, and "
            "the local plan expects new housing to be connected to full fibre. About 4% of "
            "premises still cannot get a decent broadband service; we publish a map of where "
            "they are.",
        ),
        DemoAnswer(
            "d-governance-4",
            "Digital projects are approved by the transformation board, chaired by the chief "
            "executive. Service directors sponsor projects in their areas; benefits are "
            "tracked by the digital programme office, which reports to the head of digital.",
        ),
        DemoAnswer(
            "d-finance-3",
            "The medium-term financial plan counts £6.2 million of savings over three years "
            "from digital change, with a fifth held back for slippage. Devices and systems are "
            "replaced from the ICT reserve when they reach the end of their life.",
        ),
        DemoAnswer(
            "d-capacity-5",
            "Our cyber incident plan was tested in a full-day exercise with every directorate, "
            "run with the regional cyber team. It showed that contact lists were held only on "
            "the network; we now keep printed copies. Back-ups are kept offline, and a full "
            "restore has been tested.",
        ),
    ),
    findings=(
        DemoFinding(
            Kind.STRENGTH,
            "Cabinet members and senior officers describe the same priorities for digital, "
            "tied to the council plan's aims for rural communities. Staff we met could say "
            "why the digital programme matters to residents.",
            element=PRIORITIES,
        ),
        DemoFinding(
            Kind.TO_EXPLORE,
            "The assistive technology service measured what changed for residents before and "
            "after, and can show fewer hospital admissions. Elsewhere the council reports "
            "take-up and call volumes, which say little about whether residents are better "
            "off.",
            question="d-priorities-2",
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Agree two or three outcome measures for each major digital change before it "
            "starts, taken from the service rather than web analytics, and report them "
            "alongside the programme's other figures.",
            question="d-priorities-2",
            signposts=(
                "text-reminders-through-gov-uk-notify",
                "enrolling-children-for-free-school-meals-automatically",
            ),
        ),
        DemoFinding(
            Kind.STRENGTH,
            "The council knows who is offline locally and why, from its own survey with "
            "Volunteer Cornwall, and has kept a phone route for every service moved online. "
            "Digital help sessions in 24 libraries are well used and well regarded.",
            question="d-priorities-3",
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Before the next service moves online, agree with residents and frontline staff "
            "how people who cannot use it will be helped, and publish that with the decision. "
            "The garden waste change was handled this way; the change to council tax bills "
            "was not.",
            question="d-priorities-3",
            signposts=(
                "paperless-council-tax-bills-that-left-people-behind",
                "digital-champions-in-libraries",
            ),
        ),
        DemoFinding(
            Kind.STRENGTH,
            "Care at home is a real partnership with NHS Cornwall and Isles of Scilly: one "
            "board, pooled funding for reablement and a named lead on each side. Partners "
            "told us the council is reliable to work with.",
            question="d-leadership-2",
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Extend the care at home work to the voluntary organisations that support people "
            "in their first weeks home from hospital, starting with Volunteer Cornwall, so "
            "that residents tell their story once.",
            question="d-leadership-2",
            signposts=("virtual-wards-with-council-reablement",),
        ),
        DemoFinding(
            Kind.STRENGTH,
            "The council has used its own buildings and contracts to bring gigabit "
            "connections to rural schools and libraries, and planning policy expects new "
            "housing to be connected.",
            question="d-leadership-4",
        ),
        DemoFinding(
            Kind.TO_EXPLORE,
            "Progress on coverage goes to cabinet but not to the parishes with the poorest "
            "coverage, who told us they do not know what is planned for them.",
            question="d-leadership-4",
        ),
        DemoFinding(
            Kind.TO_EXPLORE,
            "Digital decisions are taken in several places: the transformation board, the ICT "
            "steering group and directorate management teams. It was not always clear to us, "
            "or to staff, which of them decides.",
            element=GOVERNANCE,
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Make service directors the owners of the benefits of each digital change in "
            "their service, reported jointly with the head of digital to the transformation "
            "board, so that a missed benefit is not treated as an ICT problem.",
            question="d-governance-4",
            signposts=("a-big-bang-replacement-of-a-social-care-system",),
        ),
        DemoFinding(
            Kind.STRENGTH,
            "The medium-term financial plan shows which savings depend on digital change, "
            "with an allowance for slippage, and the section 151 officer could explain the "
            "assumptions behind them.",
            question="d-finance-3",
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Set aside a rolling budget for keeping devices and core systems current, so that "
            "replacing the social care case management system, whose contract ends within "
            "three years, is planned rather than rushed.",
            question="d-finance-3",
            signposts=("a-big-bang-replacement-of-a-social-care-system",),
        ),
        DemoFinding(
            Kind.STRENGTH,
            "The cyber incident plan was tested with every directorate, not only the ICT "
            "team, and the lessons were acted on. Back-ups are kept offline and a restore has "
            "been tried.",
            question="d-capacity-5",
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Practise the paper fallbacks for the services that cannot stop, such as adult "
            "social care referrals and homelessness, at least once a year.",
            question="d-capacity-5",
            signposts=(
                "a-ransomware-attack-and-an-untested-paper-fallback",
                "a-cyber-incident-playbook-for-district-councils",
            ),
        ),
    ),
    summary="Cornwall Council knows what digital is for: helping a large rural county deliver "
    "services close to residents, and making sure nobody is left behind. Its work on digital "
    "inclusion with Volunteer Cornwall and its care at home partnership with the NHS are "
    "among the strongest the team has seen.\n\n"
    "The council now needs to be as clear about who decides and who benefits. Digital "
    "decisions are spread across several boards, benefits are tracked by the digital team "
    "rather than owned by services, and there is no settled budget for keeping systems "
    "current. The team makes six recommendations, each pointing to councils that have done "
    "this well.",
    corrections=(
        DemoCorrection(
            "d-priorities-3",
            Kind.STRENGTH,
            proposed_text="The council knows who is offline locally and why, from its own "
            "survey with Volunteer Cornwall, and has kept a phone route for every service "
            "moved online. Digital help sessions in all 29 libraries, including the five run "
            "by town councils, are well used and well regarded.",
            reason="Digital help runs in 29 libraries, not 24: the five run by town councils "
            "offer the same sessions. The figure is in our position statement.",
        ),
    ),
)

CAMDEN = DemoReview(
    council="London Borough of Camden",
    focus_areas="How the digital, data and technology strategy supports the council's aims "
    "for a fairer borough. Whether the council uses its data well to manage demand in "
    "children's services and temporary accommodation. How it decides on technology "
    "investment, on its own and with other London boroughs.",
    team=(
        (LEAD_PEER, Role.LEAD_PEER),
        ("f.begum@peers.example", Role.MEMBER_PEER),
        ("i.docherty@peers.example", Role.OFFICER_PEER),
        ("r.powell@peers.example", Role.OFFICER_PEER),
    ),
    contacts=("m.reid@camden.example", "y.farah@camden.example"),
    questions=(
        "d-priorities-1",
        "d-leadership-5",
        "d-governance-2",
        "d-finance-1",
        "d-finance-5",
        "d-capacity-3",
    ),
    overview="Camden is an inner London borough of about 210,000 residents, with some of the "
    "greatest wealth and some of the deepest poverty in the country within a short walk of "
    "each other. Our council plan sets out what we want for residents, and our digital, data "
    "and technology strategy is one of the ways we deliver it. We have a strong central "
    "digital team and good relationships with other boroughs; we want the team's view on "
    "whether our decisions about technology, and our use of data, are as good as they need "
    "to be for the pressures ahead.",
    answers=(
        DemoAnswer(
            "d-priorities-1",
            "The digital, data and technology strategy names which of the council plan's "
            "aims each of its programmes serves. It was refreshed with the council plan, and "
            "the cabinet member for each aim sponsors the related digital work.",
        ),
        DemoAnswer(
            "d-leadership-5",
            "We are a member of the London Office of Technology and Innovation and have used "
            "its shared patterns for our online forms. We buy telephony jointly with two "
            "neighbouring boroughs. We run our own revenues and benefits system, because the "
            "shared options we looked at could not meet our timetable.",
        ),
        DemoAnswer(
            "d-governance-2",
            "Our design authority, chaired by the chief digital and information officer, "
            "reviews every technology purchase above the key decision threshold against our "
            "architecture principles. It turned down two proposals last year.",
        ),
        DemoAnswer(
            "d-finance-1",
            "Business cases go to the digital investment board, on which the finance "
            "business partner sits, and must show costs over five years, running costs "
            "included. There is no money set aside for early discovery work; services fund "
            "it from their own budgets.",
        ),
        DemoAnswer(
            "d-finance-5",
            "Children's services budget holders use a weekly dashboard of placements, costs "
            "and forecasts. For temporary accommodation we forecast from national trends and "
            "last year's figures, and the forecast has been 10 to 15% too low in each of the "
            "last two years.",
        ),
        DemoAnswer(
            "d-capacity-3",
            "We have not yet assessed our use of data against a maturity model. Our data and "
            "insight team of nine supports performance reporting and some analysis for "
            "services. Problems with data quality are logged with the ICT service desk.",
        ),
    ),
    findings=(
        DemoFinding(
            Kind.STRENGTH,
            "Digital is plainly a means to the council's aims, not a plan of its own. Cabinet "
            "members and directors could each say which priorities depend on digital change.",
            question="d-priorities-1",
        ),
        DemoFinding(
            Kind.TO_EXPLORE,
            "Residents and community groups know little of the digital strategy. The council "
            "could say more in public about what it is changing and why, and invite challenge.",
            question="d-priorities-1",
        ),
        DemoFinding(
            Kind.STRENGTH,
            "The council works well with other boroughs: it reuses shared patterns for online "
            "forms and buys telephony jointly, saving design and procurement time.",
            question="d-leadership-5",
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Agree with neighbouring boroughs which shared arrangements the council will "
            "lead, join or stay out of, each with clear governance and a way out, before the "
            "next round of contract renewals.",
            question="d-leadership-5",
            signposts=(
                "what-scottish-councils-learned-from-a-shared-digital-office",
                "a-shared-service-that-split-up",
            ),
        ),
        DemoFinding(
            Kind.TO_EXPLORE,
            "Purchases below the key decision threshold escape the design authority. The team "
            "found three case management systems doing much the same job in children's and "
            "adult services.",
            question="d-governance-2",
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Check every technology purchase, whatever its value, against the council's "
            "architecture and standards, with an exit plan agreed before signing.",
            question="d-governance-2",
            signposts=(
                "checking-a-suppliers-exit-plan-before-you-sign",
                "governing-digital-in-a-small-council",
            ),
        ),
        DemoFinding(
            Kind.STRENGTH,
            "Finance and digital work closely: the finance business partner sits on the "
            "digital investment board and signs off each business case, and the figures the "
            "two teams use agree.",
            element=FINANCE,
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Set aside a small fund for discovery work that services can draw on within "
            "weeks, so that larger business cases rest on evidence about users rather than a "
            "supplier's estimate.",
            question="d-finance-1",
            signposts=("discovery-in-six-weeks",),
        ),
        DemoFinding(
            Kind.STRENGTH,
            "Budget holders in children's services see spending and activity side by side, "
            "updated weekly, and use them in their monthly reviews.",
            question="d-finance-5",
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Forecast demand for temporary accommodation from the council's own data, check "
            "the forecast each quarter against what happened, and share it between housing "
            "and finance.",
            question="d-finance-5",
            signposts=("finding-households-at-risk-of-homelessness-early",),
        ),
        DemoFinding(
            Kind.TO_EXPLORE,
            "Data quality in the main case management systems is treated as a matter for the "
            "ICT service desk rather than owned in services.",
            question="d-capacity-3",
        ),
        DemoFinding(
            Kind.RECOMMENDATION,
            "Assess the council's use of data against a recognised maturity model, starting "
            "with children's and adult social care, and agree the three or four steps that "
            "matter most.",
            question="d-capacity-3",
            signposts=("a-maturity-model-for-data-in-social-care",),
        ),
    ),
    summary="Camden has a strong, well-led digital service that works for the council's "
    "priorities rather than alongside them. Leaders, from the cabinet to the directors, talk "
    "about digital as a way of delivering for residents, and the close work between finance "
    "and digital is something other councils could learn from.\n\n"
    "The next step is to bring the same discipline to decisions taken away from the centre. "
    "Smaller purchases escape the design authority, early discovery work has no money of its "
    "own, and the council has yet to assess how well it uses data. The team makes five "
    "recommendations, each pointing to councils that have tackled the same questions.",
    corrections=(
        DemoCorrection(
            "d-governance-2",
            Kind.TO_EXPLORE,
            proposed_text="Purchases below the key decision threshold escape the design "
            "authority. The team found two case management systems doing much the same job "
            "in children's and adult services, and a third being retired.",
            reason="The third system was switched off before the visit and its records moved "
            "into the adult social care system. The retirement report is in the evidence "
            "library.",
            response="Accepted: the retirement report confirms it. The finding stands for the "
            "two systems that remain.",
        ),
    ),
    actions=(
        DemoAction(
            "d-governance-2",
            "Bring every technology purchase, whatever its value, to the design authority, "
            "and add an exit plan to the contract checklist.",
            owner="Chief digital and information officer",
            due_months_after_visit=3,
            status=Status.DONE,
            progress="Contract standing orders changed by full council. Eleven purchases "
            "reviewed since; two stopped in favour of systems the council already has.",
        ),
        DemoAction(
            "d-finance-1",
            "Set up a discovery fund of £150,000 a year in the transformation reserve, with "
            "decisions on bids within four weeks.",
            owner="Director of finance (section 151 officer)",
            due_months_after_visit=5,
            status=Status.DONE,
            progress="Agreed in the budget. The first two discoveries, on school admissions "
            "appeals and pest control, are finished.",
        ),
        DemoAction(
            "d-capacity-3",
            "Assess data maturity in children's and adult social care with both directors, "
            "and agree the first steps.",
            owner="Head of data and insight",
            due_months_after_visit=8,
            status=Status.STARTED,
            progress="Adult social care assessed; children's services booked. First step "
            "agreed: a named owner in the service for each core data set.",
        ),
        DemoAction(
            "d-finance-5",
            "Forecast temporary accommodation demand from the council's own housing data, "
            "checked each quarter by housing and finance together.",
            owner="Director of housing",
            due_months_after_visit=10,
            status=Status.STARTED,
            progress="First forecast produced. The first check against what happened is due "
            "at the end of the quarter.",
        ),
        DemoAction(
            "d-leadership-5",
            "Agree with neighbouring boroughs which shared arrangements the council will lead, "
            "join or stay out of, with governance and a way out for each.",
            owner="Executive director, corporate services",
            due_months_after_visit=13,
        ),
    ),
)

REVIEWS = (SALFORD, MEDWAY, CORNWALL, CAMDEN)


def load_reviews(*, admin: User) -> list[Review]:
    """The four demo peer challenges, each made only if its council has none of that title,
    with the people they need. Returns them in the order of `REVIEWS`."""
    _people(admin)
    manager = User.objects.get(email=MANAGER)
    today = timezone.localdate()
    return [
        _existing(SALFORD) or _being_scoped(SALFORD, manager, today),
        _existing(MEDWAY) or _statement_in_draft(MEDWAY, manager, today),
        _existing(CORNWALL) or _report_with_the_council(CORNWALL, manager, today),
        _existing(CAMDEN) or _published(CAMDEN, manager, today),
    ]


def _people(admin: User) -> None:
    add_people(admin=admin, people=MANAGERS, role=roles.LGA_ADMINISTRATOR)
    add_people(admin=admin, people=PEERS, role=roles.PEER_REVIEWER)
    add_people(admin=admin, people=CONTACTS, role=roles.SENIOR_OFFICER)
    for email, group in MEMBER_PEERS.items():
        # An invitation cannot carry it through `add_people`; the person's profile can.
        services.update_profile(person=_person(email), by=admin, political_group=group)


def _person(email: str) -> User:
    return User.objects.get(email=email)


def _existing(spec: DemoReview) -> Review | None:
    return Review.objects.filter(council__name=spec.council, title=spec.title).first()


# --- Each review, taken as far as its stage ---------------------------------------------------


def _being_scoped(spec: DemoReview, manager: User, today: date) -> Review:
    """Set up twelve days ago: the team, the council's contact and the questions chosen."""
    review = _set_up(spec, manager, starts=_tuesday(today + timedelta(weeks=6)))
    _dated(review, created=today - timedelta(days=12), stage_changed_at=today - timedelta(days=12))
    _emails_sent(review)
    return review


def _statement_in_draft(spec: DemoReview, manager: User, today: date) -> Review:
    """Asked for its position statement three and a half weeks ago; two contacts have
    answered half the questions, not yet submitted."""
    review = _set_up(spec, manager, starts=_tuesday(today + timedelta(weeks=2)))
    peer_review.advance(review=review, by=manager)
    _statement(review, spec, submit=False)
    created, asked_for = today - timedelta(days=40), today - timedelta(days=25)
    _dated(review, created=created, stage_changed_at=asked_for)
    review.asked.exclude(answered_at=None).update(answered_at=_at(today - timedelta(days=3)))
    _emails_sent(review)
    return review


def _report_with_the_council(spec: DemoReview, manager: User, today: date) -> Review:
    """Visited six weeks ago; the draft report went to the council last week, and its
    contact has raised a correction the manager has yet to decide."""
    starts = _tuesday(today - timedelta(weeks=6))
    review, findings = _visited(spec, manager, starts=starts)
    contact = _person(spec.contacts[0])
    _corrections(spec, findings, contact=contact, manager=manager)
    ends = review.on_site_ends
    _dated(
        review,
        created=starts - timedelta(days=130),
        stage_changed_at=ends + timedelta(days=7),
        statement_submitted_at=starts - timedelta(days=16),
        report_sent_at=today - timedelta(days=6),
    )
    review.asked.update(answered_at=_at(starts - timedelta(days=17)))
    _findings_dated(review, starts)
    review.corrections.update(raised_at=_at(today - timedelta(days=2)))
    _emails_sent(review)
    return review


def _published(spec: DemoReview, manager: User, today: date) -> Review:
    """Visited seven months ago and published within the three months; one correction
    accepted; the action plan submitted before it was due and under way since, so the
    progress review, ten months after the visit, is the next thing to do."""
    starts = _tuesday(today - relativedelta(months=7))
    review, findings = _visited(spec, manager, starts=starts)
    contact, plan_keeper = _person(spec.contacts[0]), _person(spec.contacts[-1])
    _corrections(spec, findings, contact=contact, manager=manager)
    peer_review.agree_report(review=review, by=contact)
    peer_review.publish(review=review, by=manager)
    ends = review.on_site_ends
    for action in spec.actions:
        peer_review.save_action(
            review=review,
            by=plan_keeper,
            text=action.text,
            owner=action.owner,
            due_on=ends + relativedelta(months=action.due_months_after_visit),
            recommendation=findings.get((action.answers, Kind.RECOMMENDATION)),
            status=action.status,
            progress=action.progress,
        )
    peer_review.submit_action_plan(review=review, by=plan_keeper)
    peer_review.advance(review=review, by=manager)
    submitted = ends + timedelta(days=140)
    _dated(
        review,
        created=starts - timedelta(days=120),
        stage_changed_at=submitted,
        statement_submitted_at=starts - timedelta(days=14),
        report_sent_at=ends + timedelta(days=42),
        report_agreed_at=ends + timedelta(days=56),
        published_at=ends + timedelta(days=63),
        action_plan_submitted_at=submitted,
    )
    review.asked.update(answered_at=_at(starts - timedelta(days=15)))
    _findings_dated(review, starts)
    decided = _at(ends + timedelta(days=53))
    review.corrections.update(raised_at=_at(ends + timedelta(days=49)), decided_at=decided)
    review.findings.filter(corrections__status=Correction.Status.ACCEPTED).update(
        updated_at=decided
    )
    review.actions.update(updated_at=_at(submitted))
    review.actions.exclude(status=Status.PLANNED).update(updated_at=_at(today - timedelta(days=9)))
    _emails_sent(review)
    return review


# --- The steps they share ---------------------------------------------------------------------


def _set_up(spec: DemoReview, manager: User, *, starts: date) -> Review:
    """The review, its team and the council's contacts, and its questions picked."""
    review = peer_review.create_review(
        council=Organisation.objects.get(name=spec.council),
        on_site_starts=starts,
        on_site_ends=starts + VISIT,
        by=manager,
        title=spec.title,
        focus_areas=spec.focus_areas,
        manager=manager,
    )
    for email, role in spec.team:
        peer_review.add_participant(review=review, person=_person(email), role=role, by=manager)
    for email in spec.contacts:
        peer_review.add_participant(
            review=review, person=_person(email), role=Role.COUNCIL_CONTACT, by=manager
        )
    questions = Question.objects.filter(code__in=spec.questions)
    peer_review.pick_questions(review=review, questions=questions, by=manager)
    return review


def _statement(review: Review, spec: DemoReview, *, submit: bool) -> None:
    """Each contact saves the answers they wrote; the first submits, when `submit`."""
    asked = {one.question.code: one for one in review.asked.select_related("question")}
    contacts = [_person(email) for email in spec.contacts]
    for index, contact in enumerate(contacts):
        answers = {
            asked[answer.question].pk: answer.text
            for answer in spec.answers
            if answer.by == index and answer.question in asked
        }
        if answers or index == 0:
            peer_review.save_statement(
                review=review, by=contact, overview=spec.overview, answers=answers
            )
    if submit:
        peer_review.save_statement(
            review=review, by=contacts[0], overview=spec.overview, answers={}, submit=True
        )


def _visited(spec: DemoReview, manager: User, *, starts: date):
    """Taken through the statement, the visit and the feedback to the report, which is sent
    to the council. Returns the review and its findings by (question or element, kind)."""
    review = _set_up(spec, manager, starts=starts)
    peer_review.advance(review=review, by=manager)  # the position statement
    _statement(review, spec, submit=True)
    peer_review.advance(review=review, by=manager)  # on site
    findings = _findings(review, spec)
    peer_review.advance(review=review, by=manager)  # the feedback on the last day
    peer_review.advance(review=review, by=manager)  # the report
    peer_review.save_report(review=review, by=manager, summary=spec.summary, send=True)
    return review, findings


def _findings(review: Review, spec: DemoReview) -> dict[tuple[str, str], Finding]:
    """The team's findings, recorded by its peers in turn. A recommendation whose good
    practice is missing from the demo is left out, since it needs one signpost at least."""
    team = [
        part.person
        for part in review.participants.select_related("person").order_by("pk")
        if part.on_team and part.role != Role.MANAGER
    ]
    asked: dict[str, AskedQuestion] = {
        one.question.code: one for one in review.asked.select_related("question", "version")
    }
    elements = {element.slug: element for element in CoreElement.objects.all()}
    made = {}
    for index, spec_finding in enumerate(spec.findings):
        pages = CaseStudyPage.objects.live().filter(slug__in=spec_finding.signposts)
        if spec_finding.question:
            one = asked.get(spec_finding.question)
            if one is None:
                continue
            where = {"asked": one}
            pages = pages.filter(pk__in=one.version.case_studies.values("pk"))
        else:
            element = elements.get(spec_finding.element)
            if element is None:
                continue
            where = {"core_element": element}
        signposts = list(pages)
        if spec_finding.kind == Kind.RECOMMENDATION and not signposts:
            continue
        made[(spec_finding.question or spec_finding.element, spec_finding.kind)] = (
            peer_review.record_finding(
                review=review,
                by=team[index % len(team)],
                kind=spec_finding.kind,
                text=spec_finding.text,
                signposts=signposts,
                **where,
            )
        )
    return made


def _corrections(spec: DemoReview, findings, *, contact: User, manager: User) -> None:
    for correction in spec.corrections:
        finding = findings.get((correction.question, correction.kind))
        if finding is None:
            continue
        raised = peer_review.raise_correction(
            finding=finding,
            by=contact,
            proposed_text=correction.proposed_text,
            reason=correction.reason,
        )
        if correction.response:
            peer_review.decide_correction(
                correction=raised, by=manager, accept=True, response=correction.response
            )


# --- Moving it back to when it happened -------------------------------------------------------


def _tuesday(day: date) -> date:
    """The Tuesday of the week `day` falls in: visits run Tuesday to Friday."""
    return day + timedelta(days=1 - day.weekday())


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _dated(review: Review, *, created: date, **moments: date) -> None:
    """The review set up on `created`, with its people and questions, and each of the
    review's `moments` (a field's name) moved to its day."""
    Review.objects.filter(pk=review.pk).update(
        created_at=_at(created), **{name: _at(day, 15) for name, day in moments.items()}
    )
    review.participants.update(added_at=_at(created))
    review.asked.update(added_at=_at(created))
    review.refresh_from_db()


def _findings_dated(review: Review, starts: date) -> None:
    """Recorded on site, through the days of the visit."""
    for number, finding in enumerate(review.findings.order_by("pk")):
        moment = _at(starts + timedelta(days=min(number // 4, VISIT.days)), 17)
        Finding.objects.filter(pk=finding.pk).update(recorded_at=moment, updated_at=moment)


def _emails_sent(review: Review) -> None:
    """The emails for all this went out at the time; the worker sends what is due from now."""
    Notification.objects.filter(review=review, sent_at=None, skipped_at=None).update(
        sent_at=timezone.now()
    )
