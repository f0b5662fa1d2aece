"""The themes round tables have been about so far. LGA staff add, rename and remove them."""

from django.db import migrations

THEMES = [
    ("Devolution", "devolution"),
    ("Health and care integration", "health-and-care-integration"),
    ("Welfare reform", "welfare-reform"),
    ("Data sharing between public bodies", "data-sharing"),
    ("Artificial intelligence in public services", "artificial-intelligence"),
    ("Cyber security and resilience", "cyber-security"),
    ("Digital inclusion", "digital-inclusion"),
    ("Leading a digital workforce", "digital-workforce"),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("roundtables", "RoundTableTheme")
    for name, slug in THEMES:
        Theme.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("roundtables", "0001_initial")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
