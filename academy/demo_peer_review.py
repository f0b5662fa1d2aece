"""Demo content for peer review and challenge: a bank of digital questions, five or six for
each of the challenge's five core elements, each with its probing prompts, what good looks
like and signposts to outcome themes, demo good practice, champions and modules.

One question (`EDITED`) was reworded after it was first written, so it has two versions:
the first, as a past review would have asked it, and the wording now.

Made through `peer_review.services` by the demo administrator, and only if missing: a question
is found by its code and never saved again, so a second load makes no new version. Signposts
to demo content that is not there (a good-practice entry unpublished or renamed, say) are left
out without complaint."""

from dataclasses import dataclass

from champions.models import ChampionProfile
from cms_pages.models import CaseStudyPage, ModulePage, Theme
from peer_review import services as peer_review
from peer_review.models import CoreElement, Question

from .models import User

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
