"""Demo content for the Digital Academy: the six modules a place-based cohort of senior officers
works through together, one a session."""

from .demo_modules import DemoModule, DemoSection


def _text(*paragraphs: str) -> tuple[str, str]:
    return ("rich_text", "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))


def _reflect(question: str, hint: str = "") -> tuple[str, dict]:
    return ("reflect", {"question": question, "hint": hint})


MODULES: tuple[DemoModule, ...] = (
    DemoModule(
        slug="starting-from-residents",
        title="Starting from residents, not organisations",
        summary=(
            "Residents do not see the council, the NHS and the police as separate services. "
            "This module shows how to map a journey across organisations and find where it "
            "breaks."
        ),
        audience="senior-officers",
        access="public",
        estimated_minutes=45,
        required=True,
        themes=("services", "partnership"),
        learning_outcomes=(
            "map one resident's journey across the public bodies of your place",
            "find the hand-offs where people repeat their story or fall through the gaps",
        ),
        introduction=(
            _text(
                "A family that needs help after a hospital stay may deal with the hospital, "
                "adult social care, housing, the GP and the benefits system in a single "
                "month. Each organisation sees its own part. Nobody sees the whole.",
                "This first session starts where good digital work starts: with the people "
                "who use services, and the journey as they experience it.",
            ),
        ),
        sections=(
            DemoSection(
                title="Mapping a journey across organisations",
                body=(
                    _text(
                        "Pick one common situation in your place, such as leaving hospital "
                        "or reporting anti-social behaviour. Follow it step by step, from the "
                        "resident's point of view, across every organisation involved.",
                        "Mark each point where the person has to repeat information, wait "
                        "for one organisation to tell another, or chase progress.",
                    ),
                    _reflect(
                        "Which journey in your place would most benefit from being mapped "
                        "across organisations?"
                    ),
                ),
            ),
            DemoSection(
                title="From pain points to shared priorities",
                body=(
                    _text(
                        "Pain points that cross organisational lines rarely belong to anyone. "
                        "A cohort is a chance to agree, together, which two or three to "
                        "tackle first and who leads on each.",
                    ),
                ),
            ),
        ),
    ),
    DemoModule(
        slug="sharing-data-safely",
        title="Sharing information safely across agencies",
        summary=(
            "Most barriers to sharing information between public bodies are about "
            "confidence, not law. Learn what the law allows, and how to build agreements "
            "that let staff share with confidence."
        ),
        audience="senior-officers",
        access="members",
        estimated_minutes=60,
        required=True,
        themes=("data", "security-and-resilience"),
        learning_outcomes=(
            "explain the lawful bases for sharing personal information between public bodies",
            "set out what a good information sharing agreement covers",
        ),
        introduction=(
            _text(
                "Front-line staff often say they cannot share information when in fact "
                "they can. Leaders set the tone: clear agreements, training and a named "
                "person to ask make sharing safe and routine.",
            ),
        ),
        sections=(
            DemoSection(
                title="What the law allows",
                body=(
                    _text(
                        "Data protection law supports sharing that is necessary, "
                        "proportionate and transparent. Public bodies usually rely on their "
                        "public task; health and care also have a duty to share for direct "
                        "care.",
                    ),
                ),
            ),
            DemoSection(
                title="Agreements that staff can use",
                body=(
                    _text(
                        "A good agreement says what is shared, why, with whom, how it is kept "
                        "safe and when it is reviewed. Keep it short enough that a team "
                        "leader can check it in five minutes.",
                    ),
                    _reflect("Which agreement in your place is overdue for review?"),
                ),
            ),
        ),
    ),
    DemoModule(
        slug="joining-up-health-and-care",
        title="Joining up health and social care with digital tools",
        summary=(
            "Shared care records, joint triage and remote monitoring: what has worked when "
            "councils and the NHS design digital services together."
        ),
        audience="senior-officers",
        access="members",
        estimated_minutes=60,
        required=True,
        themes=("services", "partnership", "data"),
        learning_outcomes=(
            "describe three ways digital tools have joined up health and social care",
            "identify the leadership decisions that made them work",
        ),
        introduction=(
            _text(
                "Integrating health and social care is the aim the Digital Academy was set "
                "up to serve. This session looks at examples where a shared record or a "
                "joint service made a measurable difference.",
            ),
        ),
        sections=(
            DemoSection(
                title="Shared care records",
                body=(
                    _text(
                        "When a social worker and a district nurse can see the same record, "
                        "people are asked fewer questions and decisions are quicker. The "
                        "hard part is agreeing who owns the record and who may change it.",
                    ),
                ),
            ),
            DemoSection(
                title="Joint triage and the front door",
                body=(
                    _text(
                        "A single front door for hospital discharge, staffed by health and "
                        "care together, cuts delays when both can see and act on the same "
                        "information the same day.",
                    ),
                    _reflect("What would a single front door look like in your place?"),
                ),
            ),
        ),
    ),
    DemoModule(
        slug="buying-technology-together",
        title="Commissioning and buying technology together",
        summary=(
            "Buying once for a place can save money and make services work together. This "
            "module covers joint procurement, open standards and avoiding lock-in."
        ),
        audience="senior-officers",
        access="public",
        estimated_minutes=45,
        required=True,
        themes=("value", "partnership"),
        learning_outcomes=(
            "weigh the benefits and risks of buying technology jointly with partners",
            "ask suppliers the questions that avoid lock-in",
        ),
        introduction=(
            _text(
                "The Digital Academy follows the joint Cabinet Office and LGA Commissioning "
                "Academy: commissioning is a shared discipline, not a purchasing step.",
            ),
        ),
        sections=(
            DemoSection(
                title="When buying together pays",
                body=(
                    _text(
                        "Joint buying pays when services must work together anyway, when the "
                        "market is thin, or when each body alone is too small to get a fair "
                        "price.",
                    ),
                ),
            ),
            DemoSection(
                title="Open standards and lock-in",
                body=(
                    _text(
                        "Ask how you would get your data out, in what format, and at what "
                        "cost. Prefer systems that follow open standards so that partners "
                        "can connect without custom work.",
                    ),
                ),
            ),
        ),
    ),
    DemoModule(
        slug="leading-culture-change",
        title="Leading culture change and building digital skills",
        summary=(
            "Technology changes faster than organisations do. How senior leaders model new "
            "ways of working and build skills across their workforce."
        ),
        audience="senior-officers",
        access="members",
        estimated_minutes=45,
        required=True,
        themes=("leadership", "organisational-capability"),
        learning_outcomes=(
            "recognise how leaders' own behaviour signals what matters",
            "plan how to build digital skills at every level of the workforce",
        ),
        introduction=(
            _text(
                "Staff watch what leaders do more than what they say. A director who uses "
                "the new tools, asks for evidence from users and tolerates small failures "
                "does more for digital than any strategy document.",
            ),
        ),
        sections=(
            DemoSection(
                title="Leading by example",
                body=(
                    _reflect(
                        "What is one thing you could do differently next month that your "
                        "teams would notice?"
                    ),
                ),
            ),
            DemoSection(
                title="Skills at every level",
                body=(
                    _text(
                        "Map the skills you need, from confident everyday use to specialist "
                        "roles, and plan how to grow them together with partners in your "
                        "place.",
                    ),
                ),
            ),
        ),
    ),
    DemoModule(
        slug="benefits-and-the-first-100-days",
        title="Measuring benefits and planning your first 100 days",
        summary=(
            "How to know whether a change worked, and how to turn what the cohort has learned "
            "into a 100-day plan for each organisation."
        ),
        audience="senior-officers",
        access="public",
        estimated_minutes=45,
        required=True,
        themes=("value", "leadership"),
        learning_outcomes=(
            "set a baseline and a measure before a change starts",
            "write a 100-day plan with owners and dates",
        ),
        introduction=(
            _text(
                "The cohort ends; the work does not. Each organisation leaves with an action "
                "plan and checks in on it, so that what was learned together carries on.",
            ),
        ),
        sections=(
            DemoSection(
                title="Measuring what matters",
                body=(
                    _text(
                        "Decide what success looks like for residents before you start, "
                        "measure it now, and measure it again at the same point after the "
                        "change.",
                    ),
                ),
            ),
            DemoSection(
                title="Your 100-day plan",
                body=(
                    _text(
                        "Keep the plan to a handful of actions, each with an owner and a date, "
                        "and agree when you will check in together.",
                    ),
                    _reflect("What is the first action in your organisation's plan?"),
                ),
            ),
        ),
    ),
)
