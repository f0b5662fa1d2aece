"""Demo content for the Member Leadership Academy: the eight digital modules for senior
councillors, the sector's digital outcome themes and the documents the modules link to."""

from dataclasses import dataclass, field

from cms_pages.outcomes import OUTCOME_THEMES


@dataclass(frozen=True)
class DemoDocument:
    key: str
    title: str
    filename: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class DemoSection:
    title: str
    body: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class DemoModule:
    slug: str
    title: str
    summary: str
    audience: str
    access: str
    estimated_minutes: int
    required: bool
    themes: tuple[str, ...]
    learning_outcomes: tuple[str, ...]
    introduction: tuple[tuple[str, object], ...]
    sections: tuple[DemoSection, ...] = field(default_factory=tuple)


THEMES = OUTCOME_THEMES


DOCUMENTS: tuple[DemoDocument, ...] = (
    DemoDocument(
        key="supplier-questions",
        title="Questions to ask a supplier",
        filename="questions-to-ask-a-supplier.pdf",
        paragraphs=(
            "Use these questions when a technology contract comes to cabinet, a portfolio "
            "briefing or scrutiny. You do not need to ask them all. Pick the ones that fit.",
            "About the need",
            "What problem are residents or staff trying to solve, and how do we know?",
            "What user research did we do before we wrote the specification?",
            "Did we talk to the market, and to other councils, before we decided what to buy?",
            "About the contract",
            "How long is the contract, and where are the break points?",
            "Could we buy this in smaller parts, from more than one supplier?",
            "What will it cost to run each year after go-live, not only to buy?",
            "About data and standards",
            "Who owns the data, and can we export all of it in an open, usable format at no "
            "extra charge?",
            "Does the product publish open interfaces (APIs) that other systems can use "
            "without a fee for each connection?",
            "Which open standards does it use, and which does it not?",
            "About leaving",
            "What is the exit plan, and what would it cost to move to another product?",
            "What happens to our data and our users if the supplier is bought or fails?",
            "About security and access",
            "How does the supplier meet NCSC guidance, and who checks?",
            "Does the service meet accessibility requirements, and what evidence is there?",
            "Which other councils use it, and what would they do differently?",
        ),
    ),
    DemoDocument(
        key="benefits-evidence",
        title="Checking the evidence for a digital benefit",
        filename="checking-the-evidence-for-a-digital-benefit.pdf",
        paragraphs=(
            "Use this checklist when a business case or a benefits report claims that a "
            "digital project has saved money or improved a service.",
            "1. What was measured before the change? A claim without a baseline is a hope.",
            "2. Who measured it, and could they see the whole picture?",
            "3. Over what period? Compare like with like, for example the same months of the "
            "previous year.",
            "4. What else changed at the same time: staffing, demand, policy, the weather?",
            "5. Is the saving cashable? Has a budget actually been reduced, or has time been "
            "freed for other work?",
            "6. Who owns the benefit? It should be a service director, not the ICT team.",
            "7. Are running costs included: licences, support, hosting and staff time?",
            "8. What did residents experience? Look at completion rates, repeat contacts and "
            "complaints, not only cost.",
            "9. Who is not using the new service, and what happens to them?",
            "10. What went wrong, and what was learned? A report with no problems is incomplete.",
            "11. Has the same benefit been counted twice, in this project and another one?",
            "12. When will it be measured again?",
        ),
    ),
    DemoDocument(
        key="cyber-questions",
        title="Data and cyber questions for councillors",
        filename="data-and-cyber-questions-for-councillors.pdf",
        paragraphs=(
            "Questions for cabinet members, audit committee members and scrutiny chairs. They "
            "draw on the NCSC Board Toolkit and the ICO's guidance for organisations.",
            "Who on the corporate management team owns cyber risk, and where is it on the "
            "corporate risk register?",
            "What are our most important services and information, and which systems do they "
            "depend on?",
            "When did we last restore a critical system from backup, and how long did it take?",
            "Are our backups kept where an attacker on our network cannot reach them?",
            "Do all staff and councillors use multi-factor authentication?",
            "How quickly do we apply security updates, and which systems can no longer be updated?",
            "Have we rehearsed a cyber incident, including how we would run services and "
            "communicate without our systems?",
            "Which suppliers hold our data or connect to our network, and how do we check "
            "their security?",
            "Who is our data protection officer, and how do they report to senior leaders?",
            "How many personal data breaches did we have last year, and what did we change "
            "as a result?",
            "Do new projects complete a data protection impact assessment before they start?",
            "Which data sharing agreements do we have with partners, and when were they last "
            "reviewed?",
            "What training have councillors had on handling personal information and spotting "
            "phishing?",
        ),
    ),
)


MODULES: tuple[DemoModule, ...] = (
    # 1 -----------------------------------------------------------------------------------
    DemoModule(
        slug="what-digital-can-do",
        title="What digital can do for residents, the workforce and the council",
        summary=(
            "Digital is not an ICT project. It is a way of redesigning services around the "
            "people who use them. This module explains what that means for residents, staff "
            "and the council, and what senior councillors are accountable for."
        ),
        audience="councillors",
        access="public",
        estimated_minutes=60,
        required=True,
        themes=("leadership", "services"),
        learning_outcomes=(
            "explain what digital means for a council: service change enabled by technology, "
            "not a matter for the ICT department alone",
            "describe the benefits digital can bring to residents, to the workforce and to the "
            "council as an organisation",
            "set out who should own digital strategy, technical standards and the choice of "
            "applications in a council",
            "identify questions that test whether your council treats digital as a shared "
            "leadership responsibility",
        ),
        introduction=(
            (
                "rich_text",
                "<p>Residents now expect to report a problem, pay a bill or book an "
                "appointment at a time that suits them, and to know what happens next. "
                "Councils that meet that expectation do more than put forms online. They "
                "change how their services work.</p>"
                "<p>This module is for senior councillors. It explains what digital can do, "
                "who is responsible for it and how a council should govern it. You do not "
                "need any technical knowledge to take it.</p>",
            ),
        ),
        sections=(
            DemoSection(
                title="What we mean by digital",
                body=(
                    (
                        "rich_text",
                        "<p>When people say a council is 'going digital', they often mean a "
                        "new website or a new computer system. That is only part of it.</p>"
                        "<p>In this academy, digital means changing how a service works, using "
                        "the technology, methods and culture of the internet age. It starts "
                        "with what residents and staff are trying to do. Technology is the "
                        "tool, not the goal.</p>"
                        "<p>Some examples of what that looks like in practice:</p>"
                        "<ul>"
                        "<li>a resident reports a broken streetlight on their phone and gets "
                        "an update when it is fixed, without having to chase</li>"
                        "<li>a social worker reads and updates case notes during a home "
                        "visit, instead of typing them up back at the office</li>"
                        "<li>the council and the local NHS see the same up-to-date "
                        "information about a person leaving hospital, so nobody is asked "
                        "the same questions three times</li>"
                        "</ul>"
                        "<p>None of these is mainly about technology. Each one changes who "
                        "does what, in what order and with what information.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "key-point",
                            "heading": "Digital is not only for the head of ICT",
                            "text": "<p>Because digital changes services, it belongs to the "
                            "people who run services. Service directors and the head of ICT "
                            "are jointly accountable for what it delivers. If digital is "
                            "discussed only in an ICT report, the council is missing most of "
                            "the benefit.</p>",
                        },
                    ),
                    (
                        "quote",
                        {
                            "quote": "The moment we stopped calling it the IT programme, "
                            "service directors started coming to the meetings. That was when "
                            "things began to change for residents.",
                            "attribution": "Chief executive, a metropolitan borough in the "
                            "North West",
                            "role": "",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "When digital comes up in your council, who usually "
                            "speaks first: the head of ICT or the director of the service? "
                            "What does that tell you about who owns it?",
                            "hint": "Think of the last two or three reports you saw that "
                            "mentioned a new system or online service.",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Benefits for residents, staff and the council",
                body=(
                    (
                        "rich_text",
                        "<p>Done well, digital change benefits three groups at once.</p>"
                        "<h3>Residents</h3>"
                        "<ul>"
                        "<li>They can get things done at any time, from anywhere.</li>"
                        "<li>They tell the council once and can see progress.</li>"
                        "<li>People who cannot or do not want to go online get more time "
                        "from staff, because routine requests no longer fill the phone "
                        "lines.</li>"
                        "</ul>"
                        "<h3>The workforce</h3>"
                        "<ul>"
                        "<li>Staff spend less time typing the same details into several "
                        "systems.</li>"
                        "<li>Mobile staff have the information they need where they are.</li>"
                        "<li>Skilled people spend more of their day on the complex cases "
                        "that need them.</li>"
                        "</ul>"
                        "<h3>The council</h3>"
                        "<ul>"
                        "<li>Each transaction costs less, and there is less 'failure "
                        "demand': contact caused by something going wrong, such as a "
                        "resident chasing a request.</li>"
                        "<li>Better information supports better decisions and earlier "
                        "help.</li>"
                        "<li>Services can keep running when offices close or demand "
                        "rises.</li>"
                        "</ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "Savings are not automatic",
                            "text": "<p>Putting a poor process online gives you a faster poor "
                            "process. Benefits come from redesigning the service. They also "
                            "depend on deliberate decisions about the old ways of working: "
                            "if every old channel stays as it was, costs go up, not down. "
                            "Plan from the start which routes will change, and how people "
                            "who still need them will be helped.</p>",
                        },
                    ),
                    (
                        "try_this",
                        {
                            "title": "Follow one resident request from start to finish",
                            "activity": "<p>Choose a common request, such as reporting a "
                            "missed bin collection or applying for a parking permit. Try it "
                            "yourself online, then ring the council about the same thing. "
                            "Note how many steps it takes, what you are asked twice and "
                            "whether you are told what happens next.</p>"
                            "<p>Then ask the service manager how many contacts each month "
                            "are people chasing progress. Share what you find with the "
                            "portfolio holder.</p>",
                            "time_needed": "45 minutes",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="How a council governs digital",
                body=(
                    (
                        "rich_text",
                        "<p>Good governance makes clear who decides what. Councils that "
                        "govern digital well usually separate three responsibilities.</p>"
                        "<ol>"
                        "<li><b>A digital board</b> owns the digital strategy, investment and "
                        "priorities. It is chaired by the chief executive or the council's "
                        "digital champion and includes service directors, the finance "
                        "director and the head of ICT.</li>"
                        "<li><b>An infrastructure or design group</b> sets the technical "
                        "architecture, standards and rules for managing information, so "
                        "that systems can work together.</li>"
                        "<li><b>Service development groups</b> choose the applications their "
                        "services need, within those standards.</li>"
                        "</ol>"
                        "<p>A smaller council may merge these into one or two groups. That is "
                        "fine, as long as each responsibility is clearly owned.</p>"
                        "<p>Councillors set the ambition and hold officers to account. In "
                        "cabinet and in scrutiny, ask about outcomes for residents, not only "
                        "about systems delivered on time and on budget.</p>"
                        "<p>Signs that governance is working include a single list of "
                        "digital priorities that everyone recognises, investment decisions "
                        "made against the council's goals rather than for whichever service "
                        "argues loudest, and standards that services follow because they "
                        "help, not only because they are enforced.</p>",
                    ),
                    (
                        "reflect",
                        {
                            "question": "Think about how your council's senior leaders talk "
                            "about digital and how they act. Do they see it as of little "
                            "value, say it matters but act otherwise, need convincing again "
                            "and again, hand it to a strong technology leader, or believe in "
                            "it and show it in what they do? Where would you place "
                            "yourself?",
                            "hint": "This is for your own reflection only. It is not a label "
                            "to share about anyone.",
                        },
                    ),
                    (
                        "good_practice",
                        {
                            "heading": "Where to find out more",
                            "links": [
                                {
                                    "title": "The Local Digital Declaration",
                                    "url": "https://www.localdigital.gov.uk/declaration/",
                                    "description": "A shared commitment by councils and "
                                    "government to redesign local services around users.",
                                },
                                {
                                    "title": "The Service Standard",
                                    "url": "https://www.gov.uk/service-manual/service-standard",
                                    "description": "The points government uses to check that "
                                    "a public service meets people's needs.",
                                },
                            ],
                        },
                    ),
                ),
            ),
        ),
    ),
    # 2 -----------------------------------------------------------------------------------
    DemoModule(
        slug="buying-technology-well",
        title="Understanding the technology market and buying well",
        summary=(
            "How the market for council technology works, why councils get locked in to "
            "systems that no longer fit, and what councillors can ask to make sure the "
            "council buys well and keeps its options open."
        ),
        audience="councillors",
        access="members",
        estimated_minutes=45,
        required=True,
        themes=("value", "partnership"),
        learning_outcomes=(
            "describe how the market for council technology works and how lock-in happens",
            "explain why user needs, early talks with the market and open standards lead to "
            "better buying decisions",
            "recognise the features of a contract that keeps the council's options open",
            "ask searching questions when a technology contract comes to cabinet or scrutiny",
        ),
        introduction=(
            (
                "rich_text",
                "<p>Councils spend a large share of their technology budget on a small "
                "number of big systems: for revenues and benefits, social care, housing, "
                "planning and finance. Decisions about these systems shape services for a "
                "decade or more.</p>"
                "<p>You will not write a specification or evaluate a tender. But you will "
                "approve strategies, budgets and contracts, and you can ask the questions "
                "that stop a council buying the wrong thing.</p>",
            ),
        ),
        sections=(
            DemoSection(
                title="How the market works",
                body=(
                    (
                        "rich_text",
                        "<p>For many council services, only a few suppliers sell the main "
                        "system, often called a 'line-of-business' system. Contracts are "
                        "long, and moving from one product to another is hard work. That "
                        "gives existing suppliers a strong position when a contract comes "
                        "up for renewal.</p>"
                        "<p>This is called lock-in. It happens when:</p>"
                        "<ul>"
                        "<li>the council's data is held in a format only one product can "
                        "read, or costs extra to extract</li>"
                        "<li>each connection to another system is charged separately</li>"
                        "<li>the service has shaped its processes around the product, "
                        "rather than the other way round</li>"
                        "<li>knowledge of how the system is set up sits with the supplier, "
                        "not with council staff</li>"
                        "</ul>"
                        "<p>The market is wider than the big suppliers. Smaller firms, open "
                        "source products and services built for the whole public sector are "
                        "also available. Examples include GOV.UK Notify for sending "
                        "messages and GOV.UK Pay for taking payments, both of which councils "
                        "can use.</p>"
                        "<p>Lock-in is not always caused by the supplier. Councils sometimes "
                        "ask for so many changes to a standard product that every upgrade "
                        "becomes a project of its own. Keeping close to the standard "
                        "product, and changing the process instead, often costs less over "
                        "the life of a contract.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "The cheapest bid can be the most expensive contract",
                            "text": "<p>A low purchase price can hide high running costs, "
                            "charges for every change and a costly exit. Always ask for the "
                            "whole-life cost, including what it would take to leave.</p>",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "Which of your council's systems could it not "
                            "replace within two years, even if the service needed it to? "
                            "Why not?",
                            "hint": "If you do not know, that is worth finding out. Ask your "
                            "head of ICT or procurement lead.",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Start with the need, not the product",
                body=(
                    (
                        "rich_text",
                        "<p>Many poor buying decisions start with a solution. Someone sees a "
                        "product demonstrated and the specification is written around it. "
                        "Or a contract is about to end and the quickest option is to renew "
                        "it.</p>"
                        "<p>Better decisions start with the need:</p>"
                        "<ol>"
                        "<li><b>Understand users first.</b> Find out what residents and "
                        "staff are trying to do and where the current service fails them. "
                        "The module on user insight explains how.</li>"
                        "<li><b>Talk to the market early.</b> Procurement rules allow, and "
                        "encourage, open conversations with suppliers before a tender, as "
                        "long as they are fair and transparent. Early talks show what is "
                        "possible and what it costs.</li>"
                        "<li><b>Talk to other councils.</b> Someone has probably bought "
                        "something similar. Ask what they would do differently.</li>"
                        "<li><b>Describe outcomes.</b> Specify what the service must "
                        "achieve, not a list of features copied from a product "
                        "brochure.</li>"
                        "</ol>"
                        "<p>Start planning well before a big contract ends. If there is not "
                        "time to do this properly, a short extension can be better value "
                        "than a long renewal.</p>",
                    ),
                    (
                        "quote",
                        {
                            "quote": "We used to start with a shortlist of products. Now we "
                            "start with a week of listening to residents and staff. The "
                            "specification we write afterwards is shorter and much "
                            "better.",
                            "attribution": "Head of procurement, a county council in the "
                            "East Midlands",
                            "role": "",
                        },
                    ),
                    (
                        "try_this",
                        {
                            "title": "Look at the contracts ending in the next two years",
                            "activity": "<p>Ask your procurement lead for the list of "
                            "technology contracts due to end in the next 24 months. Choose "
                            "one that matters to residents.</p>"
                            "<p>Ask three questions: when will work on the replacement "
                            "start, what do we know about the people who use the service, "
                            "and have we spoken to the market and to other councils "
                            "yet?</p>",
                            "time_needed": "30 minutes",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Contracts that keep your options open",
                body=(
                    (
                        "rich_text",
                        "<p>A good technology contract lets the council change direction "
                        "without starting again. Look for these features:</p>"
                        "<ul>"
                        "<li><b>Modular buying.</b> Buy in smaller parts that can be "
                        "replaced one at a time, rather than one large system that does "
                        "everything.</li>"
                        "<li><b>Open standards.</b> Data and connections follow published, "
                        "freely available standards, so other products can work with "
                        "them.</li>"
                        "<li><b>Open interfaces.</b> The product lets other systems connect "
                        "to it through documented interfaces (APIs), without a charge for "
                        "each one.</li>"
                        "<li><b>Your data stays yours.</b> The council can export all its "
                        "data in a usable format at any time, at no extra cost.</li>"
                        "<li><b>Sensible length and break points.</b> The contract is long "
                        "enough to be worth it, but with points where the council can "
                        "leave.</li>"
                        "<li><b>An exit plan.</b> What happens at the end is agreed at the "
                        "start.</li>"
                        "</ul>"
                        "<p>These ideas are at the heart of the Local Digital Declaration. "
                        "Its signatories commit to break their dependence on inflexible and "
                        "expensive technology that does not join up, in favour of modular "
                        "building blocks and open standards. The government's Technology "
                        "Code of Practice sets out the same principles in more detail.</p>"
                        "<p>Before buying anything new, ask whether another council or "
                        "public body has already built or bought something the council "
                        "could reuse. Buying jointly with neighbouring councils can also "
                        "strengthen the council's hand with suppliers.</p>",
                    ),
                    (
                        "document",
                        {
                            "document": "supplier-questions",
                            "description": "A short checklist to take to a briefing or a "
                            "cabinet meeting when a technology contract is on the agenda.",
                        },
                    ),
                    (
                        "good_practice",
                        {
                            "heading": "Where to find out more",
                            "links": [
                                {
                                    "title": "The Technology Code of Practice",
                                    "url": "https://www.gov.uk/guidance/the-technology-code-"
                                    "of-practice",
                                    "description": "Criteria to help the public sector "
                                    "design, build and buy technology.",
                                },
                                {
                                    "title": "The Local Digital Declaration",
                                    "url": "https://www.localdigital.gov.uk/declaration/",
                                    "description": "Principles for local public services, "
                                    "including fixing the technology that holds them back.",
                                },
                            ],
                        },
                    ),
                ),
            ),
        ),
    ),
    # 3 -----------------------------------------------------------------------------------
    DemoModule(
        slug="user-insight-before-you-start",
        title="User insight before you start",
        summary=(
            "Why councils should understand the people who use a service before they build "
            "or buy anything, what good user research looks like, and how leaders can ask "
            "for it and use it."
        ),
        audience="both",
        access="public",
        estimated_minutes=75,
        required=True,
        themes=("services", "inclusion"),
        learning_outcomes=(
            "explain why understanding users comes before choosing a solution",
            "tell the difference between user research, consultation and satisfaction surveys",
            "recognise good evidence about users in a report or business case",
            "ask questions that make user insight part of your council's decisions",
        ),
        introduction=(
            (
                "rich_text",
                "<p>Every service is built on assumptions about the people who use it. "
                "When those assumptions are wrong, the council pays twice: once to build "
                "the service and again to fix it.</p>"
                "<p>This module explains how councils find out what people really need "
                "before they commit money, and what councillors and senior officers can do "
                "to make sure it happens.</p>",
            ),
        ),
        sections=(
            DemoSection(
                title="Why user research comes first",
                body=(
                    (
                        "rich_text",
                        "<p>User research means learning about the people who use, or will "
                        "use, a service: what they are trying to do, what gets in their way "
                        "and how they feel about it. It is done by watching and talking to "
                        "people, not by guessing.</p>"
                        "<p>It matters most at the start. In the first stage of a project, "
                        "often called 'discovery', a team researches the problem before "
                        "anyone decides on a solution. Changing an idea at this point costs "
                        "very little. Changing a system after it has been bought and "
                        "launched costs a great deal.</p>"
                        "<p>Research often overturns what everyone was sure of. A team may "
                        "set out to build an online form and find that most calls are from "
                        "people asking what is happening with a form they have already "
                        "sent. The answer then is better updates, not another form.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "key-point",
                            "heading": "Research is not consultation",
                            "text": "<p>Consultation asks people for their views on a "
                            "proposal. Satisfaction surveys ask how they rated a service. "
                            "User research finds out what people actually do and need, often "
                            "before there is a proposal at all. All three have a place, but "
                            "they answer different questions.</p>",
                        },
                    ),
                    (
                        "quote",
                        {
                            "quote": "We were certain residents wanted an app. After two "
                            "weeks of research we learned they wanted a text message telling "
                            "them when the repair team would arrive. It cost a fraction of "
                            "the app.",
                            "attribution": "Cabinet member for housing, a unitary council in "
                            "the South West",
                            "role": "",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "Think of a council project you know well. What did "
                            "the council assume about residents at the start, and how did it "
                            "check?",
                            "hint": "Look for the point where a solution was chosen, and "
                            "ask what evidence came before it.",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="What good insight looks like",
                body=(
                    (
                        "rich_text",
                        "<p>Good user research uses several sources and looks at what people "
                        "do as well as what they say. Common methods include:</p>"
                        "<ul>"
                        "<li>interviews with residents in their own setting, such as at home "
                        "or in a library</li>"
                        "<li>listening to calls in the contact centre and sitting with "
                        "front-line staff</li>"
                        "<li>asking people to try an early version, or prototype, and "
                        "watching where they get stuck</li>"
                        "<li>analysing data the council already holds: why people call, "
                        "complaints, what they search for on the website</li>"
                        "</ul>"
                        "<p>Good research includes the people who find services hardest to "
                        "use: people with disabilities or low digital skills, people whose "
                        "first language is not English, carers acting for someone else. "
                        "Staff are users too. A system that slows down a care worker slows "
                        "down care.</p>"
                        "<p>It does not need large numbers. Watching a handful of people "
                        "try something, then improving it and testing again, reveals most "
                        "problems quickly. Regular small rounds are better than one big "
                        "study.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "Do not let the loudest voice stand in for users",
                            "text": "<p>A powerful anecdote from a councillor, a manager or a "
                            "supplier is not evidence about all users. Ask what the research "
                            "found, and who it did and did not reach.</p>",
                        },
                    ),
                    (
                        "try_this",
                        {
                            "title": "Listen in at the contact centre",
                            "activity": "<p>Arrange to sit with a contact centre adviser for "
                            "45 minutes, with the usual safeguards for callers' privacy. Note "
                            "why people call, what they already tried and what the adviser "
                            "has to do to help.</p>"
                            "<p>Afterwards, write down the three things that surprised you "
                            "most and share them with the relevant service director.</p>",
                            "time_needed": "45 minutes, plus 15 minutes to write up",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Asking for insight as a leader",
                body=(
                    (
                        "rich_text",
                        "<p>Leaders make user research normal by asking for it. When a "
                        "report, business case or contract reaches you, ask:</p>"
                        "<ol>"
                        "<li>Who are the users of this service, including staff?</li>"
                        "<li>How did we find out what they need?</li>"
                        "<li>What surprised us?</li>"
                        "<li>What did we change as a result?</li>"
                        "<li>Who did we not hear from, and how will we reach them?</li>"
                        "</ol>"
                        "<p>If the answers are thin, that is a signal to slow down before "
                        "committing money, not a reason to criticise the team. Make it "
                        "safe for officers to say that the research changed the plan.</p>"
                        "<p>Research must also be done properly. People should know what "
                        "they are taking part in and agree to it. Their personal information "
                        "must be handled lawfully. Many councils thank participants with a "
                        "voucher, which helps them reach people who would not otherwise "
                        "take part.</p>"
                        "<p>Finally, insight should not sit in a drawer. Ask for findings to "
                        "be shared across services, because residents' needs rarely stop at "
                        "one department's boundary.</p>"
                        "<p>Research does not stop at launch. Once a service is live, the "
                        "team should keep watching how it is used, where people give up and "
                        "why they still contact the council, and keep improving it. Ask how "
                        "that work will be paid for before the project closes.</p>",
                    ),
                    (
                        "reflect",
                        {
                            "question": "Which of the five questions above would be hardest "
                            "to answer for a project in your portfolio or committee?",
                            "hint": "Pick one current project and try to answer them "
                            "yourself before asking officers.",
                        },
                    ),
                    (
                        "good_practice",
                        {
                            "heading": "Where to find out more",
                            "links": [
                                {
                                    "title": "User research in the Service Manual",
                                    "url": "https://www.gov.uk/service-manual/user-research",
                                    "description": "Government guidance on planning and "
                                    "doing research with the people who use services.",
                                },
                                {
                                    "title": "The Service Standard",
                                    "url": "https://www.gov.uk/service-manual/service-standard",
                                    "description": "Its first point is to understand users "
                                    "and their needs.",
                                },
                            ],
                        },
                    ),
                ),
            ),
        ),
    ),
    # 4 -----------------------------------------------------------------------------------
    DemoModule(
        slug="where-digital-delivered-benefits",
        title="Where digital has delivered real benefits",
        summary=(
            "What counts as a benefit from digital change, how councils measure it, and how "
            "to test the evidence when a report says a project has saved money or improved "
            "a service."
        ),
        audience="councillors",
        access="members",
        estimated_minutes=50,
        required=True,
        themes=("value", "services"),
        learning_outcomes=(
            "distinguish cashable savings, non-cashable benefits and better outcomes for residents",
            "describe how councils measure benefits against a baseline",
            "test the evidence behind a claimed benefit using a short set of questions",
            "explain why benefits should be owned by service leaders rather than the ICT team",
        ),
        introduction=(
            (
                "rich_text",
                "<p>Digital projects are often approved on the strength of promised "
                "benefits. Some deliver far more than promised. Others quietly deliver "
                "nothing, and nobody checks.</p>"
                "<p>This module helps you recognise real benefits, understand how they are "
                "measured and ask the questions that separate evidence from hope. The "
                "examples are illustrative: they describe the kind of results councils "
                "report, not figures from a named council.</p>",
            ),
        ),
        sections=(
            DemoSection(
                title="What counts as a benefit",
                body=(
                    (
                        "rich_text",
                        "<p>Benefits from digital change come in several kinds. A good "
                        "business case is clear about which ones it expects.</p>"
                        "<ul>"
                        "<li><b>Cashable savings</b>: money that leaves a budget, for "
                        "example a contract that ends or posts that are not refilled.</li>"
                        "<li><b>Non-cashable benefits</b>: staff time freed for other work. "
                        "This is valuable, but it only becomes a saving if someone decides "
                        "how the time will be used.</li>"
                        "<li><b>Costs avoided</b>: demand the council no longer has to meet, "
                        "such as fewer repeat visits or fewer people reaching crisis.</li>"
                        "<li><b>Better outcomes</b>: residents get help sooner, wait less or "
                        "stay independent for longer.</li>"
                        "<li><b>Less risk</b>: fewer errors, better security, more "
                        "resilient services.</li>"
                        "</ul>"
                        "<p>Some benefits are hard to put a number on, such as residents' "
                        "trust or staff morale. Record them honestly in words rather than "
                        "leaving them out or inventing figures.</p>"
                        "<p>Every benefit needs a baseline: a measure of how things were "
                        "before the change. Without one, nobody can say what the project "
                        "achieved.</p>"
                        "<p>Benefits should be owned by the service director whose service "
                        "changes, not by the ICT team. The ICT team can deliver a working "
                        "system. Only the service can change how work is done and release "
                        "the benefit.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "key-point",
                            "heading": "A benefit is a change you can measure",
                            "text": "<p>Ask for each benefit to be stated with a baseline, a "
                            "target, a date and a named owner. If any of the four is missing, "
                            "the benefit is not yet real.</p>",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "Think of a digital project your council completed in "
                            "the last few years. Do you know whether it delivered what it "
                            "promised? If not, why not?",
                            "hint": "Consider whether anyone was asked to report back on the "
                            "benefits after the project closed.",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Illustrative examples and how they were measured",
                body=(
                    (
                        "rich_text",
                        "<p>These examples are composites, based on the kinds of results "
                        "councils commonly report. They show how benefits are measured, not "
                        "what any one council achieved.</p>"
                        "<h3>Missed bin collections</h3>"
                        "<p>A district council linked its online reporting form to tablets "
                        "in its collection vehicles. Crews recorded when and why a bin could "
                        "not be collected, and residents who reported it were told straight "
                        "away. The "
                        "council measured calls about missed bins, repeat reports and time "
                        "to resolve, comparing six months against the same months of the "
                        "previous year. Calls fell noticeably, and contact centre staff "
                        "were moved to help with council tax queries.</p>"
                        "<h3>Care assessments</h3>"
                        "<p>A county council put a simple online tool on its website to help "
                        "people check whether they might be eligible for support and what "
                        "they might pay towards their care. Fewer full assessments were "
                        "started for people who would not be eligible, and those who were "
                        "eligible arrived better prepared. The "
                        "council measured social workers' time per assessment and how many "
                        "assessments ended without a service.</p>"
                        "<h3>Housing repairs</h3>"
                        "<p>A unitary council gave repairs teams mobile scheduling. It "
                        "measured jobs completed on the first visit, missed appointments "
                        "and tenant satisfaction.</p>"
                        "<p>In each example, the measures were agreed before the change, "
                        "collected the same way before and after, and owned by the service "
                        "manager. The councils also checked what else had changed in the "
                        "same period, such as new collection rounds or extra staff, before "
                        "giving the credit to the digital change.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "Watch for double counting",
                            "text": "<p>The same staff time or the same reduction in calls can "
                            "appear in several business cases. Ask whether a benefit has "
                            "already been claimed by another project.</p>",
                        },
                    ),
                    (
                        "quote",
                        {
                            "quote": "The first benefits report we saw was all good news. "
                            "The second one told us what had not worked, and that was the "
                            "one we learned from.",
                            "attribution": "Chair of overview and scrutiny, a district "
                            "council in the East of England",
                            "role": "",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Testing the evidence",
                body=(
                    (
                        "rich_text",
                        "<p>You do not need to be an analyst to test a claim. A few plain "
                        "questions go a long way:</p>"
                        "<ul>"
                        "<li>What was measured before the change, and who measured it?</li>"
                        "<li>Over what period, and compared with what?</li>"
                        "<li>What else changed at the same time, such as staffing, demand or "
                        "policy?</li>"
                        "<li>Has any budget actually been reduced, or has time been freed "
                        "for other work?</li>"
                        "<li>Are the running costs included: licences, support and staff "
                        "time?</li>"
                        "<li>What did residents experience, and who is not using the new "
                        "service?</li>"
                        "<li>What went wrong, and what did we learn?</li>"
                        "</ul>"
                        "<p>Good benefits reports are honest about uncertainty. A claim that "
                        "a change 'probably saved around this much, for these reasons' is "
                        "more useful than a precise figure nobody can explain.</p>"
                        "<p>Ask for benefits to be reported again after the project ends. "
                        "Many benefits take a year or more to appear, and some fade if old "
                        "ways of working creep back.</p>"
                        "<p>If you sit on audit or scrutiny, consider asking for a short "
                        "review of each major digital project about a year after it goes "
                        "live, as a routine item on the work programme.</p>",
                    ),
                    (
                        "document",
                        {
                            "document": "benefits-evidence",
                            "description": "A twelve-point checklist for reading a business "
                            "case or a benefits report.",
                        },
                    ),
                    (
                        "try_this",
                        {
                            "title": "Test one benefits claim",
                            "activity": "<p>Find the most recent business case or benefits "
                            "report for a digital project in your area of responsibility. "
                            "Go through it with the checklist and mark each question "
                            "answered, partly answered or not answered.</p>"
                            "<p>Send the gaps to the report's author as questions, and ask "
                            "when the benefits will next be reported.</p>",
                            "time_needed": "40 minutes",
                        },
                    ),
                    (
                        "good_practice",
                        {
                            "heading": "Where to find out more",
                            "links": [
                                {
                                    "title": "Define what success looks like",
                                    "url": "https://www.gov.uk/service-manual/service-"
                                    "standard/point-10-define-success-publish-performance-data",
                                    "description": "The Service Standard's guidance on "
                                    "choosing measures that show whether a service works.",
                                },
                            ],
                        },
                    ),
                ),
            ),
        ),
    ),
    # 5 -----------------------------------------------------------------------------------
    DemoModule(
        slug="skills-and-resources-needed",
        title="Skills and resources needed",
        summary=(
            "The skills and capacity a council needs to change its services with "
            "technology, how to grow, borrow or buy them, and how to resource digital "
            "change for the long term rather than as a one-off project."
        ),
        audience="councillors",
        access="members",
        estimated_minutes=50,
        required=True,
        themes=("organisational-capability", "leadership"),
        learning_outcomes=(
            "describe the levels of skill involved in digital change, from using IT to "
            "achieving strategic objectives",
            "identify the roles a council needs to design and run digital services",
            "compare the options of growing, borrowing and buying skills",
            "judge whether a digital plan has the people and long-term funding it needs",
        ),
        introduction=(
            (
                "rich_text",
                "<p>Most digital programmes that struggle do so for lack of people, not "
                "technology. The right skills, in the right places and with enough time, "
                "make the difference between a system that is installed and a service "
                "that improves.</p>"
                "<p>This module looks at the skills a council needs, where to find them and "
                "how to fund digital change so that it lasts.</p>",
            ),
        ),
        sections=(
            DemoSection(
                title="The skills a digital council needs",
                body=(
                    (
                        "rich_text",
                        "<p>It helps to think of digital skills as five levels, from lowest "
                        "to highest:</p>"
                        "<ol>"
                        "<li>using IT</li>"
                        "<li>ICT technical skills</li>"
                        "<li>exploiting ICT better</li>"
                        "<li>transforming the business through ICT</li>"
                        "<li>achieving strategic objectives, where ICT is one building block "
                        "among many</li>"
                        "</ol>"
                        "<p>Senior leaders need to work at the top two levels. You do not "
                        "need to know how systems are built. You do need to see how "
                        "technology can change a service and help the council meet its "
                        "goals. These skills rest on everyday management skills, such as "
                        "planning, communication and a focus on residents.</p>"
                        "<p>The council as a whole needs people in some specialist roles, "
                        "either on its staff or available to it:</p>"
                        "<ul>"
                        "<li>service owners who are responsible for a service from end to "
                        "end</li>"
                        "<li>user researchers and designers</li>"
                        "<li>data analysts</li>"
                        "<li>technical architects, who make sure systems fit together</li>"
                        "<li>cyber security specialists</li>"
                        "</ul>"
                        "<p>For ICT professionals, the Skills Framework for the Information "
                        "Age (SFIA) is widely used to describe roles and levels.</p>"
                        "<p>Not every council needs every role full-time. A small district "
                        "may share an architect with its neighbours or buy in design help "
                        "for one project. What matters is that someone with the right "
                        "skills is involved when decisions are made.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "key-point",
                            "heading": "Leaders do not need to be technical",
                            "text": "<p>Your job is to ask good questions, set clear goals "
                            "and make sure the right people have the time and authority to "
                            "deliver. Curiosity matters more than technical knowledge.</p>",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "At which of the five levels do you spend most of "
                            "your time when digital comes up? Where would you like to be in "
                            "a year?",
                            "hint": "Think about the kind of questions you usually ask "
                            "about technology in meetings.",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Building capacity: grow, borrow or buy",
                body=(
                    (
                        "rich_text",
                        "<p>A council has three ways to get the skills it needs. Most use a "
                        "mix.</p>"
                        "<h3>Grow</h3>"
                        "<p>Train existing staff, create apprenticeships and give people "
                        "from services the chance to work in digital teams. Staff who know "
                        "the service and the area are very valuable. Growing takes time, "
                        "but the skills stay. Digital champions inside services, people who "
                        "are confident with technology and respected by colleagues, help "
                        "changes stick.</p>"
                        "<h3>Borrow</h3>"
                        "<p>Share specialists with neighbouring councils or partners, "
                        "arrange secondments, and use sector networks and peer support. "
                        "Borrowing suits skills a single council needs only some of the "
                        "time.</p>"
                        "<h3>Buy</h3>"
                        "<p>Contractors and consultancies can bring skills quickly. Build "
                        "the transfer of knowledge into the contract, so that council staff "
                        "work alongside them and can carry on when they leave.</p>"
                        "<p>Whichever route you choose, ask who in the council will hold the "
                        "knowledge when the work is done. A council that cannot explain how "
                        "its own systems work cannot make good decisions about them.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "Money without people does not deliver",
                            "text": "<p>A programme can have a full budget and still stall "
                            "because no one in the service has time to take part. Check "
                            "that service staff are released to work on the change, not "
                            "asked to fit it around their day job.</p>",
                        },
                    ),
                    (
                        "quote",
                        {
                            "quote": "We relied on consultants for three years and had very "
                            "little to show for it when they left. Now every contract "
                            "pairs their people with ours.",
                            "attribution": "Deputy leader, a London borough",
                            "role": "",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "Which digital skills does your council rely on one "
                            "or two people for? What would happen if they left next month?",
                            "hint": "Think about the systems or services that only one "
                            "officer or one supplier really understands.",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Resourcing for the long term",
                body=(
                    (
                        "rich_text",
                        "<p>Digital services are never finished. Residents' needs change, "
                        "technology changes and threats change. A service that is not "
                        "looked after slowly gets worse.</p>"
                        "<p>That has consequences for how you fund it:</p>"
                        "<ul>"
                        "<li>Plan for running costs as well as the cost of building or "
                        "buying. Licences, hosting, support and improvement continue every "
                        "year.</li>"
                        "<li>Fund teams that look after a service over time, not only "
                        "projects with an end date.</li>"
                        "<li>Be wary of funding tied to one service or one year. It makes "
                        "it hard to build shared capability that several services can "
                        "use.</li>"
                        "<li>Set aside time for staff to learn and to share what they "
                        "know.</li>"
                        "</ul>"
                        "<p>Check how digital spending is classified. Councils increasingly "
                        "pay for software by subscription, often called 'software as a "
                        "service'. That moves spending from capital to revenue budgets, "
                        "even when the total cost falls, and budget plans need to reflect "
                        "it.</p>"
                        "<p>Councillors' own skills matter too. Member development "
                        "programmes, peer support and the digital champions' network can "
                        "all help you build confidence. The academy's competency framework "
                        "and diagnostic can show you where you are now and suggest a "
                        "development plan.</p>",
                    ),
                    (
                        "try_this",
                        {
                            "title": "Ask for a picture of digital skills",
                            "activity": "<p>Ask your chief executive or head of HR three "
                            "questions: which digital roles are hardest to fill, how much "
                            "the council spends each year on contractors for digital work, "
                            "and what plan there is to grow those skills in-house.</p>"
                            "<p>Then take the academy's diagnostic yourself and note one "
                            "area to develop.</p>",
                            "time_needed": "30 minutes",
                        },
                    ),
                    (
                        "good_practice",
                        {
                            "heading": "Where to find out more",
                            "links": [
                                {
                                    "title": "The team, in the Service Manual",
                                    "url": "https://www.gov.uk/service-manual/the-team",
                                    "description": "The roles a team needs to design and "
                                    "run a public service.",
                                },
                            ],
                        },
                    ),
                ),
            ),
        ),
    ),
    # 6 -----------------------------------------------------------------------------------
    DemoModule(
        slug="spotting-opportunities",
        title="Spotting opportunities",
        summary=(
            "Why good ideas often stay in one service or one council, and practical ways "
            "to spot opportunities for digital change across service boundaries and learn "
            "from what others have done."
        ),
        audience="councillors",
        access="members",
        estimated_minutes=45,
        required=False,
        themes=("services", "partnership"),
        learning_outcomes=(
            "explain why good practice often fails to travel between services and councils",
            "look for opportunities in front-line innovation and in residents' experience of "
            "the council as a whole",
            "ask where else a successful project could apply",
            "encourage a culture that records and shares what went wrong as well as what worked",
        ),
        introduction=(
            (
                "rich_text",
                "<p>Somewhere in your council, a team has probably already solved a "
                "problem another team is still struggling with. Somewhere in the country, "
                "another council has probably done the same.</p>"
                "<p>This optional module is about noticing those opportunities and helping "
                "them spread. It does not count towards your certificate, but it is full "
                "of things you can try straight away in your own council.</p>",
            ),
        ),
        sections=(
            DemoSection(
                title="Why good practice does not travel",
                body=(
                    (
                        "rich_text",
                        "<p>Councils are full of good ideas. Few of them spread. The reasons "
                        "are familiar:</p>"
                        "<ul>"
                        "<li><b>Professional silos.</b> Housing talks to housing and "
                        "social care talks to social care. Each profession has its own "
                        "networks and conferences, and a solution in one rarely reaches "
                        "the other.</li>"
                        "<li><b>'We are different.'</b> Each council tends to see itself "
                        "as unique, so an idea from elsewhere is easy to dismiss. In practice, "
                        "councils share most of their processes.</li>"
                        "<li><b>Funding tied to one service or area.</b> Money for a "
                        "project often cannot be spent on extending it to another "
                        "service.</li>"
                        "<li><b>No time to share.</b> Teams move straight on to the next "
                        "job. Writing up what they learned is nobody's priority, and the "
                        "people who know move on.</li>"
                        "</ul>"
                        "<p>None of these is anyone's fault. They are the natural result "
                        "of how councils are organised and funded. But leaders can change "
                        "them.</p>"
                        "<p>Leaders help by routinely asking who else could benefit from a "
                        "piece of work; by giving credit to teams that reuse good ideas from "
                        "elsewhere, not only to those that invent new ones; and by making "
                        "small sums available to extend a proven idea to another "
                        "service.</p>",
                    ),
                    (
                        "quote",
                        {
                            "quote": "Our environmental health team built a brilliant way to "
                            "book inspections online. Licensing spent a year building its "
                            "own, not knowing it existed two floors away.",
                            "attribution": "Cabinet member for resources, a district council "
                            "in the South East",
                            "role": "",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "Which of the four barriers is strongest in your "
                            "council? What is one thing you could do, in your role, to "
                            "weaken it?",
                            "hint": "Think about how you heard of the last good idea from "
                            "another service or another council.",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Where to look",
                body=(
                    (
                        "rich_text",
                        "<p>Opportunities are easier to see when you know where to "
                        "look.</p>"
                        "<h3>At the front line</h3>"
                        "<p>Innovation often starts with front-line staff, not at the "
                        "centre. A spreadsheet someone built, or a workaround a team "
                        "relies on, can signal both a need and a solution. Ask staff what they "
                        "would change if they could, and what they have already changed "
                        "without asking.</p>"
                        "<h3>From the resident's point of view</h3>"
                        "<p>Residents do not see departments. They experience life events: "
                        "moving home, having a baby, becoming a carer, a death in the "
                        "family. Each one touches several services. Looking at the council "
                        "through those events shows what services have in common.</p>"
                        "<h3>In common patterns</h3>"
                        "<p>Many services do the same few things: applying, booking, "
                        "paying, reporting, checking eligibility and notifying. A good "
                        "solution for one can often be reused by many.</p>"
                        "<h3>Where else it applies</h3>"
                        "<p>Treat every successful project as one example of a practice. "
                        "Then ask: which other services could use it? Would it work in a "
                        "county as well as a district, or in a partner organisation?</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "key-point",
                            "heading": "Ask 'where else?' every time",
                            "text": "<p>When you hear about a success, ask where else it "
                            "could apply and who should hear about it. Asking that one "
                            "question routinely helps good ideas spread.</p>",
                        },
                    ),
                    (
                        "try_this",
                        {
                            "title": "Map one life event",
                            "activity": "<p>Choose a life event, such as a death in the "
                            "family or moving into the area. List every contact a resident "
                            "might have with the council and its partners as a result. Mark "
                            "where they give the same information twice.</p>"
                            "<p>Share the list with a service director and ask which "
                            "overlaps they think could be removed.</p>",
                            "time_needed": "30 minutes",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Making sharing happen",
                body=(
                    (
                        "rich_text",
                        "<p>Sharing does not happen by accident. It needs time, habits and "
                        "places to share.</p>"
                        "<ul>"
                        "<li><b>Record what went wrong as well as what worked.</b> Other "
                        "teams learn most from the problems, and an honest account is "
                        "more credible.</li>"
                        "<li><b>Budget time for sharing.</b> Build write-ups, show and "
                        "tells and visits into project plans, so they are not left to "
                        "goodwill.</li>"
                        "<li><b>Work in the open.</b> Teams that publish their plans and "
                        "progress, for example in blog posts, make it easy for others to "
                        "find and reuse their work.</li>"
                        "<li><b>Use the networks that exist.</b> The academy's digital "
                        "champions, the good-practice database and the Local Digital "
                        "community all connect people who have solved similar "
                        "problems.</li>"
                        "</ul>"
                        "<p>When you use the good-practice database, notice the difference "
                        "between frameworks that apply widely and case studies of one "
                        "implementation. A case study shows what happened in one place. "
                        "Ask what would need to be different in yours.</p>"
                        "<p>Peer challenge helps too. The digital questions in the corporate "
                        "peer challenge point councils to good practice and solutions "
                        "delivered elsewhere, and the peer team itself carries ideas from "
                        "council to council.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "Copying is not the same as learning",
                            "text": "<p>Buying the same product another council bought will "
                            "not give you the same results. Understand why it worked there: "
                            "the users, the process changes and the people involved.</p>",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "What is one thing your council has learned from a "
                            "project that went wrong? Who outside the team knows about it?",
                            "hint": "If nothing comes to mind, ask whether failures are "
                            "safe to talk about where you work.",
                        },
                    ),
                    (
                        "good_practice",
                        {
                            "heading": "Where to find out more",
                            "links": [
                                {
                                    "title": "Local Digital",
                                    "url": "https://www.localdigital.gov.uk/",
                                    "description": "A community of councils working in the "
                                    "open to solve shared problems once.",
                                },
                            ],
                        },
                    ),
                ),
            ),
        ),
    ),
    # 7 -----------------------------------------------------------------------------------
    DemoModule(
        slug="data-information-sharing-and-cyber-risk",
        title="Data, information sharing and cyber risk",
        summary=(
            "How councils can use and share personal information lawfully and safely, why "
            "cyber risk is a business risk rather than an ICT problem, and what councillors "
            "and senior officers should ask to oversee both."
        ),
        audience="both",
        access="members",
        estimated_minutes=45,
        required=True,
        themes=("data", "security-and-resilience"),
        learning_outcomes=(
            "explain the main duties that data protection law places on a council and how "
            "they support safe information sharing",
            "describe the most common cyber threats to councils and their effect on services",
            "protect your own accounts and devices, knowing that councillors and senior officers "
            "are targets for attackers",
            "ask the questions that hold your council to account for data protection and "
            "cyber security",
        ),
        introduction=(
            (
                "rich_text",
                "<p>Councils hold some of the most sensitive information there is about "
                "residents: about children, care, health, money and housing. Used well, it "
                "helps people get the right support sooner. Lost, misused or locked away by "
                "an attacker, it can cause real harm and stop services working.</p>"
                "<p>This module covers using and sharing information well, understanding "
                "cyber risk and your role in oversight.</p>",
            ),
        ),
        sections=(
            DemoSection(
                title="Using and sharing information well",
                body=(
                    (
                        "rich_text",
                        "<p>The UK General Data Protection Regulation (UK GDPR) and the Data "
                        "Protection Act 2018 set the rules for handling personal "
                        "information. For a council, the main duties include:</p>"
                        "<ul>"
                        "<li>having a lawful basis for each use of personal information, "
                        "and telling people how it is used</li>"
                        "<li>collecting only what is needed and keeping it only as long as "
                        "necessary</li>"
                        "<li>keeping it secure</li>"
                        "<li>appointing a data protection officer, who advises the council "
                        "and reports to its most senior leaders</li>"
                        "<li>carrying out a data protection impact assessment before any "
                        "new use of information that is likely to be high risk</li>"
                        "<li>reporting serious personal data breaches to the Information "
                        "Commissioner's Office (ICO) within 72 hours</li>"
                        "</ul>"
                        "<p>Sharing information between the council and partners such as "
                        "the NHS, police and schools is often essential. The law allows "
                        "sharing when it is necessary, proportionate and properly "
                        "documented. The ICO has been clear that data protection law should "
                        "not be used as an excuse for failing to share information that "
                        "keeps people safe.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "key-point",
                            "heading": "Good data protection enables sharing",
                            "text": "<p>Clear data sharing agreements, impact assessments and "
                            "trained staff make it easier, not harder, to share information "
                            "with confidence. Fear of getting it wrong is a bigger barrier "
                            "than the law itself.</p>",
                        },
                    ),
                    (
                        "quote",
                        {
                            "quote": "Our early help team and the health visitors used to "
                            "say they could not share. Once we wrote a clear agreement "
                            "together, they found they could share most of what they needed, "
                            "safely.",
                            "attribution": "Lead member for children's services, a county "
                            "council in the North East",
                            "role": "",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "Where in your portfolio might residents be let down "
                            "because information is not shared, or shared badly?",
                            "hint": "Think of hand-offs between the council and partners, "
                            "such as hospital discharge or safeguarding.",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Understanding cyber risk",
                body=(
                    (
                        "rich_text",
                        "<p>Councils are attractive targets. They hold valuable data and run "
                        "services people cannot do without. The most common threats "
                        "include:</p>"
                        "<ul>"
                        "<li><b>ransomware</b>, where criminals lock the council's systems "
                        "and data, and often steal it too, then demand payment</li>"
                        "<li><b>phishing</b>, emails or messages that trick people into "
                        "giving away passwords or opening harmful files</li>"
                        "<li><b>attacks through suppliers</b>, who may hold council data or "
                        "connect to its network</li>"
                        "</ul>"
                        "<p>The effect can be severe. Several English councils have lost "
                        "core systems for weeks or months after ransomware attacks, with "
                        "benefits, housing and planning services running on paper while "
                        "systems were rebuilt.</p>"
                        "<p>That is why cyber risk is a business risk, not an ICT problem. "
                        "It belongs on the corporate risk register, owned by a member of the "
                        "senior management team.</p>"
                        "<p>Most attacks exploit basic weaknesses. Keeping software up to "
                        "date, using multi-factor authentication, limiting who has "
                        "powerful access, and keeping backups that attackers cannot reach "
                        "prevent a great deal of harm.</p>"
                        "<p>Attacks are not the only risk. Systems also fail through power "
                        "cuts, supplier outages and simple mistakes. Good backups and a "
                        "tested plan for running services without systems help in every "
                        "case.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "Councillors are targets too",
                            "text": "<p>Attackers often target councillors because they have "
                            "access to sensitive information and may use personal devices "
                            "or email accounts. A compromised councillor account can be a "
                            "way into the council.</p>",
                        },
                    ),
                    (
                        "try_this",
                        {
                            "title": "Check your own defences",
                            "activity": "<p>Turn on multi-factor authentication for your "
                            "council email and your personal email. Check that your phone "
                            "and laptop install updates automatically. Then find out who to "
                            "contact, day or night, if you think you have clicked on a "
                            "suspicious link.</p>",
                            "time_needed": "20 minutes",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Your role in oversight",
                body=(
                    (
                        "rich_text",
                        "<p>Councillors and senior leaders do not manage security day to day. "
                        "You make sure it is managed. Cabinet members, audit committee "
                        "members, scrutiny chairs and the senior management team all have a "
                        "part to play.</p>"
                        "<p>Good oversight means regular, informed questions, not one-off "
                        "reassurance. Ask for cyber risk and information governance to be "
                        "reported at least once a year, in plain English, with trends over "
                        "time. Ask about:</p>"
                        "<ul>"
                        "<li>who owns the risk and how it is scored</li>"
                        "<li>which services and information matter most, and which systems "
                        "they depend on</li>"
                        "<li>when the council last restored a critical system from backup, "
                        "and how long it took</li>"
                        "<li>whether it has rehearsed an incident, including how services "
                        "would run and how residents would be told</li>"
                        "<li>how suppliers' security is checked</li>"
                        "<li>how many data breaches there were, and what changed as a "
                        "result</li>"
                        "</ul>"
                        "<p>Take part in exercises yourself. In a real incident, senior "
                        "councillors may have to make quick decisions about services and "
                        "communications without the usual systems.</p>"
                        "<p>The National Cyber Security Centre's Board Toolkit was written "
                        "for exactly this purpose. It explains cyber security for people who "
                        "govern organisations and suggests questions to ask.</p>",
                    ),
                    (
                        "document",
                        {
                            "document": "cyber-questions",
                            "description": "Thirteen questions for cabinet members, audit "
                            "committee members and scrutiny chairs.",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "If your council's systems were unavailable for a "
                            "month, which services in your area would residents miss first, "
                            "and do you know what the plan is?",
                            "hint": "Think about payments, care and safeguarding, where a "
                            "delay causes harm.",
                        },
                    ),
                    (
                        "good_practice",
                        {
                            "heading": "Where to find out more",
                            "links": [
                                {
                                    "title": "NCSC Board Toolkit",
                                    "url": "https://www.ncsc.gov.uk/collection/board-toolkit",
                                    "description": "Helps board members and councillors "
                                    "discuss cyber security with their technical experts.",
                                },
                                {
                                    "title": "10 Steps to Cyber Security",
                                    "url": "https://www.ncsc.gov.uk/collection/10-steps",
                                    "description": "The NCSC's summary of the main areas an "
                                    "organisation needs to manage.",
                                },
                                {
                                    "title": "ICO guidance for organisations",
                                    "url": "https://ico.org.uk/for-organisations/",
                                    "description": "The regulator's guidance on data "
                                    "protection, data sharing and breaches.",
                                },
                            ],
                        },
                    ),
                ),
            ),
        ),
    ),
    # 8 -----------------------------------------------------------------------------------
    DemoModule(
        slug="digital-inclusion",
        title="Digital inclusion",
        summary=(
            "Who is left out when services move online, and why. How councils can design "
            "services that no one is shut out of, provide help for people who need it, "
            "and work with partners to close the gap."
        ),
        audience="councillors",
        access="public",
        estimated_minutes=45,
        required=True,
        themes=("inclusion", "connectivity"),
        learning_outcomes=(
            "describe who is digitally excluded and the barriers of skills, access, "
            "confidence and affordability",
            "explain why essential services must never be digital-only and what assisted "
            "digital support involves",
            "identify partners who can help residents get online and stay online",
            "check whether your council's digital plans take account of the people they "
            "could leave behind",
        ),
        introduction=(
            (
                "rich_text",
                "<p>As more services move online, people who cannot get online, or "
                "struggle to, risk being left further behind. They are often the people "
                "who most need the council's help.</p>"
                "<p>This module explains who is excluded and why, how to design services "
                "that work for everyone and how councils can work with partners to help "
                "residents get online.</p>",
            ),
        ),
        sections=(
            DemoSection(
                title="Who is excluded and why",
                body=(
                    (
                        "rich_text",
                        "<p>Digital exclusion is not only about older people, although age "
                        "is one factor. It is about the barriers a person faces. The main "
                        "ones are:</p>"
                        "<ul>"
                        "<li><b>Skills</b>: not knowing how to do things online, such as "
                        "filling in a form, or keeping safe from scams.</li>"
                        "<li><b>Access</b>: no suitable device, no reliable connection, or "
                        "only a shared phone.</li>"
                        "<li><b>Confidence and motivation</b>: fear of making a mistake, "
                        "worry about fraud or not seeing the point.</li>"
                        "<li><b>Affordability</b>: not being able to pay for data or "
                        "broadband, sometimes called data poverty.</li>"
                        "</ul>"
                        "<p>Other things make it harder too: a disability, low literacy, "
                        "limited English, or a lack of trust in official websites.</p>"
                        "<p>Exclusion is not fixed. Someone may manage well until they lose "
                        "their job, become ill, are bereaved or become homeless. A person "
                        "can be confident on social media but unable to complete a complex "
                        "benefit claim on a phone screen.</p>"
                        "<p>Councils can estimate where exclusion is likely to be highest by "
                        "combining what they already know: data on age, income, disability "
                        "and housing, broadband coverage, and what front-line staff, "
                        "libraries and voluntary groups see every day. Ask for this picture "
                        "before a service moves online.</p>",
                    ),
                    (
                        "quote",
                        {
                            "quote": "The people we most needed to reach were the ones least "
                            "likely to find us online. Our library staff knew them by name.",
                            "attribution": "Portfolio holder for communities, a "
                            "metropolitan borough in Yorkshire",
                            "role": "",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "Think of the residents in your ward who contact you "
                            "most often. Which of the barriers above might they face, and "
                            "how would they manage if a service they rely on went online?",
                            "hint": "Consider skills, access, confidence and cost "
                            "separately, as each needs a different response.",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Designing services no one is shut out of",
                body=(
                    (
                        "rich_text",
                        "<p>The first rule is simple: essential services must never be "
                        "digital-only. There must always be another way for people who "
                        "cannot use the online route.</p>"
                        "<p>Good councils go further. They design online services so that "
                        "as many people as possible can use them, and they offer help for "
                        "those who need it. This help is called 'assisted digital' support. "
                        "It should be designed with the people who need it, not added at the "
                        "end. It can be given:</p>"
                        "<ul>"
                        "<li>by phone, with an adviser guiding the person or completing the "
                        "form for them</li>"
                        "<li>in person, in a library, customer service centre or the "
                        "person's home</li>"
                        "<li>through web chat</li>"
                        "</ul>"
                        "<p>Online services must also be accessible. The accessibility "
                        "regulations for public sector bodies require council websites and "
                        "apps to meet recognised accessibility standards and to publish an "
                        "accessibility statement. Plain language and designs that work well "
                        "on a phone help everyone.</p>"
                        "<p>The public sector equality duty means the council must consider "
                        "the effect of a change on people with protected characteristics. "
                        "An equality impact assessment for a digital change should look at "
                        "digital exclusion directly.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "Channel shift targets can push people out",
                            "text": "<p>Targets to move contact online can lead to phone "
                            "lines being cut before the online service works for everyone. "
                            "Ask who is still calling and why, before reducing other "
                            "routes.</p>",
                        },
                    ),
                    (
                        "try_this",
                        {
                            "title": "Find out where someone without internet gets help",
                            "activity": "<p>Imagine that a resident with no internet access "
                            "needs to apply for a council service that is now mainly "
                            "online. Ring "
                            "the council or visit a library and find out what help they "
                            "would get, and how long it would take.</p>",
                            "time_needed": "30 minutes",
                        },
                    ),
                ),
            ),
            DemoSection(
                title="Working with partners on inclusion",
                body=(
                    (
                        "rich_text",
                        "<p>No council can tackle digital exclusion alone. Many "
                        "organisations already help people get online:</p>"
                        "<ul>"
                        "<li>libraries and adult learning services</li>"
                        "<li>housing associations</li>"
                        "<li>voluntary and community groups, including local online "
                        "centres</li>"
                        "<li>the NHS, Jobcentre Plus and local employers</li>"
                        "</ul>"
                        "<p>The council's role is often to bring them together. A local "
                        "digital inclusion partnership can agree where help is most needed, "
                        "avoid gaps and duplication, and direct residents to the right "
                        "support.</p>"
                        "<p>Practical help that councils and partners commonly offer "
                        "includes:</p>"
                        "<ul>"
                        "<li>lending or giving refurbished devices</li>"
                        "<li>free mobile data through data banks</li>"
                        "<li>telling residents about social tariffs, the cheaper broadband "
                        "and phone deals for people on certain benefits</li>"
                        "<li>trained digital champions, staff or volunteers who help people "
                        "build skills and confidence</li>"
                        "</ul>"
                        "<p>Connectivity matters too. Poor broadband or mobile coverage, "
                        "especially in rural areas, can exclude whole communities.</p>"
                        "<p>Measure what matters. Counting devices handed out or sessions "
                        "held is a start. Better measures follow people over time: can they "
                        "now do the things they needed to do, such as apply for support, "
                        "book a doctor's appointment or look for work?</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "key-point",
                            "heading": "Inclusion is part of every digital plan",
                            "text": "<p>Do not treat digital inclusion as a separate project. "
                            "Every digital change should say how it will help residents "
                            "who find online services hardest to use.</p>",
                        },
                    ),
                    (
                        "reflect",
                        {
                            "question": "Which organisations in your area already help "
                            "people get online? How well does the council know them, and "
                            "how could it work with them better?",
                            "hint": "Start with libraries, housing associations and the "
                            "voluntary groups that residents in your ward already trust.",
                        },
                    ),
                    (
                        "good_practice",
                        {
                            "heading": "Where to find out more",
                            "links": [
                                {
                                    "title": "Good Things Foundation",
                                    "url": "https://www.goodthingsfoundation.org/",
                                    "description": "The digital inclusion charity behind "
                                    "the National Digital Inclusion Network and data "
                                    "banks.",
                                },
                                {
                                    "title": "Designing assisted digital support",
                                    "url": "https://www.gov.uk/service-manual/helping-people-"
                                    "to-use-your-service/designing-assisted-digital",
                                    "description": "Government guidance on supporting people "
                                    "who cannot use online services on their own.",
                                },
                                {
                                    "title": "Essential digital skills framework",
                                    "url": "https://www.gov.uk/government/publications/"
                                    "essential-digital-skills-framework",
                                    "description": "The skills adults need to take part "
                                    "safely in the digital world.",
                                },
                            ],
                        },
                    ),
                ),
            ),
        ),
    ),
)
