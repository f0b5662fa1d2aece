"""The good-practice database's first terms, as (name, slug, description). A migration adds
them; LGA staff edit, add and remove terms in the admin afterwards."""

SERVICE_AREAS = (
    ("Adult social care", "adult-social-care", "Care and support for adults and their carers."),
    ("Children's services", "childrens-services", "Children's social care and early help."),
    ("Education", "education", "Schools, special educational needs and skills."),
    ("Housing", "housing", "Homelessness, allocations, repairs and private renting."),
    ("Planning", "planning", "Planning applications, local plans and building control."),
    ("Waste and refuse", "waste-and-refuse", "Bin collections, recycling and street cleaning."),
    ("Transport", "transport", "Buses, roads, parking and highways."),
    (
        "Revenues and benefits",
        "revenues-and-benefits",
        "Council tax, business rates and benefits.",
    ),
    ("Customer services", "customer-services", "Contact centres, the website and front doors."),
    ("Public health", "public-health", "Health improvement and protection."),
    ("Libraries", "libraries", "Libraries and community hubs."),
    ("Leisure", "leisure", "Leisure centres, parks and culture."),
    ("Environment", "environment", "Climate, air quality and environmental health."),
    ("Meals on wheels", "meals-on-wheels", "Meals delivered to people at home."),
    ("Licensing", "licensing", "Taxi, alcohol and other licences."),
    (
        "Community safety",
        "community-safety",
        "Crime reduction, antisocial behaviour and emergencies.",
    ),
    ("Economic development", "economic-development", "Business support, jobs and regeneration."),
    ("Democratic services", "democratic-services", "Committees, elections and councillors."),
)

# (name, slug, description, local government)
SECTORS = (
    ("Local government", "local-government", "Councils and combined authorities.", True),
    ("Police", "police", "Police forces and police and crime commissioners.", False),
    ("NHS and health", "nhs", "NHS trusts, integrated care boards and GP practices.", False),
    ("Fire and rescue", "fire-and-rescue", "Fire and rescue services.", False),
    ("Central government", "central-government", "Departments and their agencies.", False),
    ("Voluntary and community", "voluntary", "Charities, social enterprises and groups.", False),
    ("Private sector", "private", "Companies, from start-ups to utilities.", False),
    (
        "Other sectors",
        "other",
        "Universities, housing associations and public bodies abroad.",
        False,
    ),
)

COUNCIL_TYPES = (
    ("County council", "county", ""),
    ("District council", "district", ""),
    ("Unitary council", "unitary", ""),
    ("Metropolitan borough council", "metropolitan", ""),
    ("London borough council", "london-borough", ""),
    ("Combined authority", "combined-authority", ""),
    ("Parish or town council", "parish", ""),
)
