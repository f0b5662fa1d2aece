"""The five core elements every corporate peer challenge covers. LGA staff may reword them."""

from django.db import migrations

CORE_ELEMENTS = [
    (
        "Local priorities and outcomes",
        "local-priorities-and-outcomes",
        "Are the council's priorities clear and informed by the local context, and is it "
        "delivering effectively on them?",
    ),
    (
        "Organisational and place leadership",
        "organisational-and-place-leadership",
        "Does the council provide effective local leadership, and are there good relationships "
        "with local partners and communities?",
    ),
    (
        "Governance and culture",
        "governance-and-culture",
        "Are there clear and robust governance arrangements, and a culture of challenge and "
        "scrutiny?",
    ),
    (
        "Financial planning and management",
        "financial-planning-and-management",
        "Does the council have a clear understanding of its financial position, and a "
        "credible strategy and plan to tackle its challenges?",
    ),
    (
        "Capacity for improvement",
        "capacity-for-improvement",
        "Is the organisation able to support the delivery of local priorities, and does it "
        "have the capacity to improve?",
    ),
]


def add_core_elements(apps, schema_editor):
    CoreElement = apps.get_model("peer_review", "CoreElement")
    for order, (name, slug, description) in enumerate(CORE_ELEMENTS):
        CoreElement.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("peer_review", "0001_initial")]

    operations = [migrations.RunPython(add_core_elements, migrations.RunPython.noop)]
