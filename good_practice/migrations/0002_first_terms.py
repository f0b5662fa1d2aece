"""The twelve outcome themes the sector agreed, and the database's first service areas,
sectors and types of council. Adds only what is missing, by slug; LGA staff edit them after."""

from django.db import migrations

from cms_pages.outcomes import OUTCOME_THEMES
from good_practice.terms import COUNCIL_TYPES, SECTORS, SERVICE_AREAS


def add_terms(apps, schema_editor):
    Theme = apps.get_model("cms_pages", "Theme")
    for name, slug, description in OUTCOME_THEMES:
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})
    for model, terms in (("ServiceArea", SERVICE_AREAS), ("CouncilType", COUNCIL_TYPES)):
        Model = apps.get_model("good_practice", model)
        for name, slug, description in terms:
            Model.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description}
            )
    Sector = apps.get_model("good_practice", "Sector")
    for name, slug, description, local_government in SECTORS:
        Sector.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "is_local_government": local_government,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("good_practice", "0001_initial"), ("cms_pages", "0005_good_practice_terms")]

    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
