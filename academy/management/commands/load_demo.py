from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from academy.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo content and a person for every role. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even though DEBUG is off. Never on a live site: the logins are public.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo adds people whose password is published in the README, so it only "
                "runs with DEBUG on. Use --force if this really is not a live site."
            )
        people = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})\n")
        width = max(len(person.role) for person in people)
        email_width = max(len(person.email) for person in people)
        for person in people:
            line = f"  {person.role:<{width}}  {person.email:<{email_width}}  {person.shows}"
            self.stdout.write(line.rstrip())
        self.stdout.write(f"\nSign in at {settings.SITE_URL}/account/sign-in/")
        self.stdout.write(f"Wagtail admin (LGA roles only): {settings.SITE_URL}/admin/\n")
