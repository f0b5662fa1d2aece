"""Demo content for the competency framework, the diagnostics and development plans.

- The framework, in two versions: version 1 imported from a JSON file as LGA staff would move
  it between sites, then published; version 2 drafted from it, with one competency added
  ("Leading with ethics and inclusion"), and published, which replaced version 1. Ten
  competencies, most at the two upper levels of skill, each with behaviours anchored to the
  points of the scale and mapped to SFIA and the government's digital and data capability
  framework, and pointing to the academy's modules and the outcome themes champions know.
- Medway Council's own pick and mix of version 2.
- officer@ (Sam Whitfield, Manchester): a diagnostic on version 1 five months ago and another
  on version 2 last week, compared by competency; a development plan on two gaps with one
  action done, one due in a week (beat's hourly sweep sends its reminder the day it loads)
  and one taken from the recommendations.
- Medway Council: an organisational diagnostic its leadership team answered (five of six;
  one skipped some questions), closed three weeks ago, and the council's plan begun from it.
- Manchester City Council: a diagnostic still open, to which officer@ is invited.

Made through the services, as their people would, and only if missing: the framework when
there is none, a person's diagnostics when they have none, and so on. What the services stamp
with the time now is moved back to when it would have happened; the emails they owed are
marked as sent, except the plan reminder that falls due today."""

import json
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cms_pages.models import ModulePage, Theme
from competencies import framework as frameworks
from competencies import services
from competencies.models import (
    Behaviour,
    Competency,
    DevelopmentPlan,
    Framework,
    Mapping,
    Notification,
    OrganisationalDiagnostic,
    OrganisationFramework,
    PlanAction,
    Proficiency,
    Respondent,
    SelfAssessment,
)
from competencies.recommendations import recommendations_for
from good_practice.models import ServiceArea

from . import roles
from .demo_people import add_people
from .models import Organisation, User

AWARENESS, WORKING, PRACTITIONER, EXPERT = (
    Proficiency.AWARENESS,
    Proficiency.WORKING,
    Proficiency.PRACTITIONER,
    Proficiency.EXPERT,
)
NAME = "Digital leadership competency framework"
OFFICER = "officer@academy.example"


@dataclass(frozen=True)
class DemoCompetency:
    code: str
    name: str
    level: int
    description: str
    behaviours: tuple[tuple[int | None, str], ...]
    sfia: tuple[tuple[str, str, str], ...]  # code, skill, level
    ddat: tuple[tuple[str, str], ...]  # skill, level
    themes: tuple[str, ...]
    service_areas: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()  # slugs of demo modules


COMPETENCIES = (
    DemoCompetency(
        "digital-vision",
        "Setting a digital vision for the place",
        5,
        "Says what digital will change for residents, staff and partners, and ties it to "
        "the council plan rather than to a technology.",
        (
            (AWARENESS, "Can say why digital matters to the council's priorities."),
            (WORKING, "Explains the council's digital strategy to their own service."),
            (PRACTITIONER, "Writes the outcomes digital must deliver into the council plan."),
            (EXPERT, "Sets a shared vision with the place's partners and holds them to it."),
        ),
        (("ITSP", "Strategic planning", "7"),),
        (("Strategic thinking", "Expert"),),
        ("leadership", "services"),
        modules=("what-digital-can-do", "spotting-opportunities"),
    ),
    DemoCompetency(
        "governing-investment",
        "Governing digital investment",
        5,
        "Makes sure a group owns digital strategy, investment and priorities, and that money "
        "follows the outcomes residents will notice.",
        (
            (AWARENESS, "Knows who decides what the council spends on technology."),
            (WORKING, "Brings a business case for a digital change to the right board."),
            (PRACTITIONER, "Chairs a board that weighs digital bids against the plan."),
            (EXPERT, "Moves money from old systems to new services, and stops what fails."),
        ),
        (("GOVN", "Governance", "7"), ("FMIT", "Financial management", "6")),
        (("Commercial acumen", "Practitioner"),),
        ("value", "organisational-capability"),
        modules=("where-digital-delivered-benefits", "benefits-and-the-first-100-days"),
    ),
    DemoCompetency(
        "leading-across-the-place",
        "Leading across the place",
        5,
        "Works with the police, NHS, fire and rescue and the voluntary sector so that a "
        "resident meets one public service, not five.",
        (
            (AWARENESS, "Knows which partners serve the same residents as their service."),
            (WORKING, "Shares plans and problems with a partner organisation."),
            (PRACTITIONER, "Runs a joint project with shared data and one budget."),
            (EXPERT, "Leads a partnership board that redesigns a service across bodies."),
        ),
        (("RLMT", "Stakeholder relationship management", "6"),),
        (("Stakeholder relationship management", "Expert"),),
        ("partnership", "leadership"),
        ("adult-social-care", "public-health"),
        modules=("joining-up-health-and-care",),
    ),
    DemoCompetency(
        "ethics-and-inclusion",
        "Leading with ethics and inclusion",
        5,
        "Makes sure digital services reach everyone, and that data and automation are used "
        "fairly and openly. Added in version 2.",
        (
            (AWARENESS, "Knows who in their area is least likely to be online."),
            (WORKING, "Asks who a new digital service could leave out."),
            (PRACTITIONER, "Keeps a route for those who cannot or will not go online."),
            (EXPERT, "Publishes how the council uses algorithms, and answers for it."),
        ),
        (("DATM", "Data management", "6"),),
        (("Understanding digital", "Practitioner"),),
        ("inclusion", "ethics-and-sustainability"),
        ("customer-services", "libraries"),
        modules=("digital-inclusion",),
    ),
    DemoCompetency(
        "residents-first",
        "Redesigning services around residents",
        4,
        "Starts from what residents and staff need, found out by research, and changes the "
        "service, not only the website.",
        (
            (AWARENESS, "Knows what user research is and why it comes first."),
            (WORKING, "Watches residents use a service before changing it."),
            (PRACTITIONER, "Funds a multidisciplinary team to redesign a service end to end."),
            (EXPERT, "Makes user research the rule for every change the council makes."),
        ),
        (("URCH", "User research", "5"), ("BPRE", "Business process improvement", "6")),
        (("User focus", "Expert"),),
        ("services",),
        ("customer-services", "waste-and-refuse"),
        modules=("user-insight-before-you-start", "starting-from-residents"),
    ),
    DemoCompetency(
        "deciding-with-data",
        "Making decisions with data",
        4,
        "Uses evidence to decide and to explain decisions, and makes sure the data the council "
        "holds is good enough to trust.",
        (
            (AWARENESS, "Reads a dashboard and asks where its figures come from."),
            (WORKING, "Uses data from more than one service to make a case."),
            (PRACTITIONER, "Sets the questions the council's data must answer."),
            (EXPERT, "Leads a place-wide approach to shared data that partners trust."),
        ),
        (("DATM", "Data management", "5"), ("DTAN", "Data modelling and design", "4")),
        (("Data ethics and privacy", "Working"),),
        ("data",),
        ("adult-social-care", "childrens-services"),
        modules=("sharing-data-safely", "data-information-sharing-and-cyber-risk"),
    ),
    DemoCompetency(
        "buying-technology",
        "Buying technology well",
        4,
        "Buys in ways that keep the council free to change: open standards, data it owns, "
        "short contracts and an exit plan.",
        (
            (AWARENESS, "Knows the questions to ask a supplier before signing."),
            (WORKING, "Insists on owning the council's data in every contract."),
            (PRACTITIONER, "Buys in smaller parts, with other councils where it helps."),
            (EXPERT, "Shapes the market so that councils buy on open standards."),
        ),
        (("SORC", "Sourcing", "6"),),
        (("Commercial acumen", "Expert"),),
        ("value", "connectivity"),
        modules=("buying-technology-well", "buying-technology-together"),
    ),
    DemoCompetency(
        "culture-change",
        "Leading culture change",
        4,
        "Builds a workforce that tries things, learns in the open and keeps what works, and "
        "takes the risks of change on themselves.",
        (
            (AWARENESS, "Knows where their teams resist change, and why."),
            (WORKING, "Lets a team try a new way of working and report back."),
            (PRACTITIONER, "Shows a service its own progress in the open, mistakes too."),
            (EXPERT, "Changes how the whole council plans, funds and rewards its work."),
        ),
        (("CIPM", "Organisational change management", "6"),),
        (("Leading and managing change", "Expert"),),
        ("organisational-capability", "leadership"),
        modules=("leading-culture-change", "skills-and-resources-needed"),
    ),
    DemoCompetency(
        "information-and-cyber-risk",
        "Owning information and cyber risk",
        4,
        "Makes sure information is managed and owned by someone senior, and that the council "
        "can keep running through a cyber attack.",
        (
            (AWARENESS, "Knows who owns information risk in the council."),
            (WORKING, "Takes part in a cyber exercise and acts on what it found."),
            (PRACTITIONER, "Owns the risk register for their service's information."),
            (EXPERT, "Leads the council's response to an incident, with its partners."),
        ),
        (("BURM", "Risk management", "6"), ("SCTY", "Information security", "5")),
        (("Information risk management", "Practitioner"),),
        ("security-and-resilience",),
        modules=("data-information-sharing-and-cyber-risk",),
    ),
    DemoCompetency(
        "exploiting-tools",
        "Getting the most from the tools we have",
        3,
        "Uses the council's systems and shared tools to work better before buying new ones.",
        (
            (AWARENESS, "Uses the council's shared tools for their own work."),
            (WORKING, "Automates a routine task in their team."),
            (PRACTITIONER, "Retires a system by moving its work onto shared tools."),
            (EXPERT, "Sets the council's standard tools and how they are used."),
        ),
        (("ITMG", "Technology service management", "4"),),
        (("Technical understanding", "Working"),),
        ("organisational-capability", "value"),
    ),
)
ADDED_IN_2 = "ethics-and-inclusion"

# officer@'s two diagnostics: (now, needed) per competency code; None skips it.
FIRST_RATINGS = {
    "digital-vision": (2, 4),
    "governing-investment": (1, 3),
    "leading-across-the-place": (3, 4),
    "residents-first": (3, 3),
    "deciding-with-data": (1, 4),
    "buying-technology": (2, 3),
    "culture-change": (2, 3),
    "information-and-cyber-risk": (None, None),
    "exploiting-tools": (3, 3),
}
SECOND_RATINGS = {
    "digital-vision": (3, 4),
    "governing-investment": (2, 3),
    "leading-across-the-place": (3, 4),
    "ethics-and-inclusion": (2, 3),
    "residents-first": (4, 3),
    "deciding-with-data": (2, 4),
    "buying-technology": (2, 3),
    "culture-change": (3, 3),
    "information-and-cyber-risk": (2, 3),
    "exploiting-tools": (3, 3),
}

MEDWAY = "Medway Council"
MEDWAY_PICKS = (
    "digital-vision",
    "governing-investment",
    "leading-across-the-place",
    "ethics-and-inclusion",
    "residents-first",
    "deciding-with-data",
    "culture-change",
)
MEDWAY_COORDINATOR = "k.asante@medway.example"
# The Medway leadership team; the coordinator's and others' accounts may come from the other
# demos (a name of None: left as it is).
MEDWAY_TEAM = (
    ("r.lane@leaders.example", "Robert Lane", "Chief executive", MEDWAY),
    ("l.fraser@medway.example", "Lorna Fraser", "Director of finance", MEDWAY),
    ("m.begum@medway.example", "Mariam Begum", "Director of children's services", MEDWAY),
    ("p.nowak@medway.example", "Piotr Nowak", "Director of place", MEDWAY),
    ("j.hart@kent.example", "James Hart", "Head of digital services", MEDWAY),
    ("s.adeyemi@medway.example", "Sola Adeyemi", "Director of public health", MEDWAY),
)
MEDWAY_PEOPLE = (
    (MEDWAY_COORDINATOR, "Kwame Asante", "Digital transformation manager", MEDWAY),
    *MEDWAY_TEAM,
)
# What each of the team said: ratings by code (now, needed), then how digital is governed.
# The fourth skipped most questions; the sixth did not answer before the diagnostic closed.
_ACROSS = {
    "leading-across-the-place": (3, 4),
    "ethics-and-inclusion": (2, 3),
    "deciding-with-data": (2, 4),
    "culture-change": (2, 3),
}
_OWNED = {"information_owned": "yes", "jointly_accountable": "partly"}
MEDWAY_ANSWERS = (
    (
        {"digital-vision": (2, 4), "governing-investment": (1, 3), "residents-first": (3, 4)}
        | _ACROSS,
        {"strategy_group": "partly", "architecture": "head-of-ict", "outlook": "delegates"}
        | _OWNED,
    ),
    (
        {"digital-vision": (3, 4), "governing-investment": (2, 4), "residents-first": (2, 4)}
        | _ACROSS,
        {"strategy_group": "no", "architecture": "services", "outlook": "says-not-does"} | _OWNED,
    ),
    (
        {"digital-vision": (2, 3), "governing-investment": (1, 3), "residents-first": (3, 3)}
        | _ACROSS,
        {"strategy_group": "partly", "architecture": "head-of-ict", "outlook": "delegates"}
        | _OWNED,
    ),
    ({"digital-vision": (1, 4)}, {"outlook": "needs-convincing"}),
    (
        {"digital-vision": (3, 4), "governing-investment": (2, 3), "residents-first": (3, 4)}
        | _ACROSS,
        {"strategy_group": "partly", "architecture": "suppliers", "outlook": "delegates"} | _OWNED,
    ),
)
MANCHESTER = "Manchester City Council"
MANCHESTER_PEOPLE = (
    ("n.ahmed@manchester.example", "Nadia Ahmed", "Assistant chief executive", MANCHESTER),
    ("g.lewis@manchester.example", "Gareth Lewis", "City treasurer", MANCHESTER),
    ("c.doyle@manchester.example", "Ciara Doyle", "Director of housing", MANCHESTER),
)


def load_competencies(*, admin: User) -> Framework:
    """The framework and the diagnostics and plans that use it, whichever are missing."""
    in_use = _framework(admin)
    add_people(admin=admin, people=MEDWAY_PEOPLE + MANCHESTER_PEOPLE, role=roles.SENIOR_OFFICER)
    _medway_picks(in_use, admin)
    _officer(User.objects.get(email=OFFICER))
    _medway_diagnostic()
    _manchester_diagnostic()
    return in_use


# --- The framework ----------------------------------------------------------------------------


def _framework(admin: User) -> Framework:
    existing = Framework.objects.filter(status=Framework.Status.PUBLISHED).first()
    if existing is not None:
        return existing
    modules = set(ModulePage.objects.live().values_list("slug", flat=True))
    order = {spec.code: number for number, spec in enumerate(COMPETENCIES)}
    first = [spec for spec in COMPETENCIES if spec.code != ADDED_IN_2]
    with transaction.atomic():
        version_1 = frameworks.import_framework(
            data=_as_file(first, modules, order), filename="digital-leadership.json", by=admin
        )
        frameworks.publish(framework=version_1, by=admin)
        version_2 = frameworks.new_version(framework=version_1, by=admin)
        frameworks.edit_framework(
            framework=version_2,
            by=admin,
            changes="Adds “Leading with ethics and inclusion”, which councils asked for after "
            "the first year of diagnostics.",
        )
        frameworks.lock_draft(framework_id=version_2.pk)
        added = next(spec for spec in COMPETENCIES if spec.code == ADDED_IN_2)
        competency = _competency(version_2, added, modules, order=order[ADDED_IN_2])
        competency.save()
        frameworks.publish(framework=version_2, by=admin)
    _happened(version_1, published_at=timezone.now() - timedelta(days=400))
    _happened(version_2, published_at=timezone.now() - timedelta(days=60))
    return Framework.objects.get(pk=version_2.pk)


def _as_file(specs, modules, order) -> bytes:
    """The competencies as the framework's JSON file (see `competencies.framework`)."""
    return json.dumps(
        {
            "format": frameworks.FORMAT,
            "format_version": frameworks.FORMAT_VERSION,
            "framework": {
                "name": NAME,
                "summary": "What leading digital change asks of senior officers and members "
                "in local government, from using IT to achieving strategic objectives.",
                "changes": "The first version.",
            },
            "competencies": [_as_data(spec, modules, order[spec.code]) for spec in specs],
        }
    ).encode()


def _as_data(spec: DemoCompetency, modules: set[str], order: int) -> dict:
    return {
        "code": spec.code,
        "name": spec.name,
        "description": spec.description,
        "level": spec.level,
        "order": order,
        "behaviours": [{"text": text, "proficiency": point} for point, text in spec.behaviours],
        "mappings": [
            {"scheme": "sfia", "code": code, "name": skill, "level": level}
            for code, skill, level in spec.sfia
        ]
        + [
            {"scheme": "ddat", "code": "", "name": skill, "level": level}
            for skill, level in spec.ddat
        ],
        "themes": list(spec.themes),
        "service_areas": list(spec.service_areas),
        # A demo module not there (unpublished, renamed) is left out.
        "modules": [slug for slug in spec.modules if slug in modules],
    }


def _competency(version: Framework, spec: DemoCompetency, modules, *, order: int) -> Competency:
    """One competency for a draft, with all it holds, as the admin's form would save it."""
    data = _as_data(spec, modules, order)
    competency = Competency(
        framework=version,
        code=spec.code,
        name=spec.name,
        description=spec.description,
        level=spec.level,
        sort_order=order,
    )
    competency.behaviours = [
        Behaviour(text=b["text"], proficiency=b["proficiency"], sort_order=n)
        for n, b in enumerate(data["behaviours"])
    ]
    competency.mappings = [
        Mapping(scheme=m["scheme"], code=m["code"], name=m["name"], level=m["level"], sort_order=n)
        for n, m in enumerate(data["mappings"])
    ]
    competency.themes = list(Theme.objects.filter(slug__in=spec.themes))
    competency.service_areas = list(ServiceArea.objects.filter(slug__in=spec.service_areas))
    competency.modules = list(ModulePage.objects.filter(slug__in=data["modules"]))
    return competency


def _happened(version: Framework, *, published_at) -> None:
    Framework.objects.filter(pk=version.pk).update(
        created_at=published_at - timedelta(days=30), published_at=published_at
    )


def _medway_picks(in_use: Framework, admin: User) -> None:
    medway = Organisation.objects.get(name=MEDWAY)
    if OrganisationFramework.objects.filter(organisation=medway, framework=in_use).exists():
        return
    choice = OrganisationFramework.objects.create(
        organisation=medway, framework=in_use, chosen_by=admin
    )
    choice.competencies.set(in_use.competencies.filter(code__in=MEDWAY_PICKS))


# --- officer@: two diagnostics and a plan -----------------------------------------------------


def _officer(person: User) -> None:
    if SelfAssessment.objects.filter(person=person).exists():
        return
    version_1 = Framework.objects.get(name=NAME, version=1)
    _assessment(person, version_1, FIRST_RATINGS, ago=timedelta(days=150))
    second = _assessment(person, _in_use(), SECOND_RATINGS, ago=timedelta(days=8))

    plan = services.plan_for_person(person=person)
    today = timezone.localdate()
    data = second.framework.competencies.get(code="deciding-with-data")
    vision = second.framework.competencies.get(code="digital-vision")
    data_goal = services.add_goal(plan=plan, competency=data, target=EXPERT, by=person)
    vision_goal = services.add_goal(plan=plan, competency=vision, target=EXPERT, by=person)
    read = services.add_action(
        goal=data_goal,
        title="Read how Kent rebuilt its data warehouse around five questions",
        due_on=today,
        by=person,
    )
    services.mark_done(action=read, by=person)
    services.add_action(
        goal=data_goal,
        title="Agree the five questions our data must answer with the directors' team",
        due_on=today + timedelta(days=7),
        by=person,
    )
    found = recommendations_for(viewer=person, competency=vision)
    modules = [r for r in found if r.kind == PlanAction.Kind.MODULE]
    if modules:
        services.take_recommendation(
            goal=vision_goal, source=modules[0].source, due_on=today + timedelta(days=30), by=person
        )
    PlanAction.objects.filter(pk=read.pk).update(
        created_at=timezone.now() - timedelta(days=7), done_at=timezone.now() - timedelta(days=2)
    )
    DevelopmentPlan.objects.filter(pk=plan.pk).update(created_at=timezone.now() - timedelta(days=7))


def _in_use() -> Framework:
    return Framework.objects.get(status=Framework.Status.PUBLISHED)


def _assessment(person, version, ratings, *, ago) -> SelfAssessment:
    """A finished diagnostic on `version`, as the person would have taken it `ago`."""
    by_code = {c.code: c.pk for c in version.competencies.all()}
    assessment = SelfAssessment.objects.create(person=person, framework=version)
    services.save_assessment(
        assessment=assessment,
        by=person,
        ratings={by_code[code]: pair for code, pair in ratings.items() if code in by_code},
        finish=True,
    )
    when = timezone.now() - ago
    SelfAssessment.objects.filter(pk=assessment.pk).update(started_at=when, submitted_at=when)
    assessment.refresh_from_db()
    return assessment


# --- Councils' diagnostics --------------------------------------------------------------------


def _medway_diagnostic() -> None:
    medway = Organisation.objects.get(name=MEDWAY)
    if OrganisationalDiagnostic.objects.filter(organisation=medway).exists():
        return
    coordinator = User.objects.get(email=MEDWAY_COORDINATOR)
    team = list(User.objects.filter(email__in=[email for email, *_ in MEDWAY_TEAM]))
    diagnostic = services.start_diagnostic(
        coordinator=coordinator,
        title="Corporate leadership team, autumn",
        closes_on=timezone.localdate(),
    )
    services.invite(diagnostic=diagnostic, people=team, by=coordinator)
    by_code = {c.code: c.pk for c in diagnostic.framework.competencies.all()}
    for person, (ratings, governance) in zip(team, MEDWAY_ANSWERS, strict=False):
        services.answer(
            diagnostic=diagnostic,
            person=person,
            ratings={by_code[code]: pair for code, pair in ratings.items()},
            **governance,
        )
    services.close(diagnostic=diagnostic, by=coordinator)
    now = timezone.now()
    OrganisationalDiagnostic.objects.filter(pk=diagnostic.pk).update(
        opened_at=now - timedelta(days=42),
        closes_on=(now - timedelta(days=21)).date(),
        closed_at=now - timedelta(days=21),
    )
    Respondent.objects.filter(diagnostic=diagnostic, responded_at__isnull=False).update(
        responded_at=now - timedelta(days=28)
    )
    Notification.objects.filter(diagnostic=diagnostic).update(sent_at=now)

    plan = services.plan_for_organisation(diagnostic=diagnostic, by=coordinator)
    investment = diagnostic.framework.competencies.get(code="governing-investment")
    goal = services.add_goal(plan=plan, competency=investment, target=PRACTITIONER, by=coordinator)
    services.add_action(
        goal=goal,
        title="Set up a digital investment board chaired by the chief executive",
        due_on=timezone.localdate() + timedelta(days=45),
        by=coordinator,
    )


def _manchester_diagnostic() -> None:
    manchester = Organisation.objects.get(name=MANCHESTER)
    if OrganisationalDiagnostic.objects.filter(organisation=manchester).exists():
        return
    coordinator, *others = [User.objects.get(email=email) for email, *_ in MANCHESTER_PEOPLE]
    diagnostic = services.start_diagnostic(
        coordinator=coordinator,
        title="Senior leadership team, winter",
        closes_on=timezone.localdate() + timedelta(days=14),
    )
    officer = User.objects.get(email=OFFICER)
    services.invite(diagnostic=diagnostic, people=[coordinator, *others, officer], by=coordinator)
    by_code = {c.code: c.pk for c in diagnostic.framework.competencies.all()}
    answered = zip([coordinator, *others], (SECOND_RATINGS, FIRST_RATINGS), strict=False)
    for person, ratings in answered:
        services.answer(
            diagnostic=diagnostic,
            person=person,
            ratings={by_code[code]: pair for code, pair in ratings.items() if code in by_code},
            strategy_group="yes",
        )
    # officer@'s invitation waits in their inbox; the others' were sent when they were asked.
    Notification.objects.filter(diagnostic=diagnostic).exclude(person=officer).update(
        sent_at=timezone.now()
    )
