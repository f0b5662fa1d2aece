"""The twelve outcomes the sector agreed for digital, as (name, slug, description): the outcome
themes shared by modules, good practice, round tables and champions. A migration adds them;
LGA staff may edit them afterwards as Themes."""

OUTCOME_THEMES: tuple[tuple[str, str, str], ...] = (
    (
        "Connectivity",
        "connectivity",
        "Fast, reliable broadband and mobile coverage that lets residents, businesses and "
        "public services get online wherever they are.",
    ),
    (
        "Data",
        "data",
        "Using information well and lawfully to design services, target help and make "
        "better decisions.",
    ),
    (
        "Democracy and participation",
        "democracy-and-participation",
        "Using digital tools to open up local decision-making and help residents take part "
        "in the life of their community.",
    ),
    (
        "Economic productivity and growth",
        "economic-productivity-and-growth",
        "Helping local businesses and the local workforce gain the skills and infrastructure "
        "to grow.",
    ),
    (
        "Ethics and sustainability",
        "ethics-and-sustainability",
        "Making sure technology is used fairly, transparently and with care for its "
        "environmental impact.",
    ),
    (
        "Inclusion",
        "inclusion",
        "Making sure no one is shut out of services or opportunities because of skills, "
        "access, confidence or cost.",
    ),
    (
        "Leadership",
        "leadership",
        "Councillors and senior officers setting the direction for digital change and "
        "showing it in how they work.",
    ),
    (
        "Organisational capability",
        "organisational-capability",
        "The skills, culture, governance and capacity a council needs to change its services "
        "with technology.",
    ),
    (
        "Partnership",
        "partnership",
        "Working with other councils, the NHS, police, voluntary groups and suppliers to "
        "solve shared problems once.",
    ),
    (
        "Security and resilience",
        "security-and-resilience",
        "Protecting residents' information and keeping essential services running when "
        "systems are attacked or fail.",
    ),
    (
        "Services",
        "services",
        "Redesigning services around what residents need so they are simple to use and work "
        "first time.",
    ),
    (
        "Value",
        "value",
        "Getting lasting value for public money from technology, and showing the benefits "
        "with evidence.",
    ),
)
