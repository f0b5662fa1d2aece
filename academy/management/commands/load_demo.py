from django.conf import settings
from django.core.management.base import BaseCommand

from academy.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo content and a person for every role. Safe to run again."

    def handle(self, *args, **options):
        people = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})\n")
        width = max(len(person.role) for person in people)
        for person in people:
            self.stdout.write(f"  {person.role:<{width}}  {person.email}")
        self.stdout.write(f"\nSign in at {settings.SITE_URL}/account/sign-in/")
        self.stdout.write(f"Wagtail admin (LGA roles only): {settings.SITE_URL}/admin/\n")
