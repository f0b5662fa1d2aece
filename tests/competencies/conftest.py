"""A published framework of a few competencies, built as LGA staff would through the
models (the admin's services are tested in test_interchange and test_framework_admin)."""

import pytest

from competencies.models import Behaviour, Competency, Framework, Mapping, Proficiency

NAMES = (
    "Setting a digital vision",
    "Making decisions with data",
    "Governing digital investment",
    "Partnering across the place",
)


def published_framework(names=NAMES, *, version=1) -> Framework:
    framework = Framework.objects.create(
        name="Digital leadership competency framework",
        version=version,
        status=Framework.Status.PUBLISHED,
    )
    for order, name in enumerate(names):
        competency = Competency.objects.create(
            framework=framework,
            code=name.lower().replace(" ", "-"),
            name=name,
            description=f"What {name.lower()} asks of a leader.",
            level=5 if order % 2 == 0 else 4,
            sort_order=order,
        )
        Behaviour.objects.create(
            competency=competency,
            text=f"Explains {name.lower()} to the cabinet without jargon.",
            proficiency=Proficiency.PRACTITIONER,
        )
        Behaviour.objects.create(competency=competency, text=f"Asks others about {name.lower()}.")
        Mapping.objects.create(
            competency=competency,
            scheme=Mapping.Scheme.SFIA,
            code="ITSP",
            name="Strategy",
            level="6",
        )
    return framework


@pytest.fixture
def framework(db):
    return published_framework()


@pytest.fixture
def competencies(framework):
    return list(framework.competencies.order_by("sort_order"))
