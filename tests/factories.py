"""Factories for test data. People with a role are made the way the site makes them."""

from datetime import timedelta

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from academy import roles
from academy.models import Invitation, Organisation, Place, Region, User

TEST_PASSWORD = "correct-horse-battery-staple"


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Place {n}")
    slug = factory.Sequence(lambda n: f"place-{n}")
    kind = Place.Kind.COUNTY
    region = Region.SOUTH_EAST


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Borough Council {n}")
    kind = Organisation.Kind.DISTRICT_COUNCIL
    region = Region.SOUTH_EAST
    place = factory.SubFactory(PlaceFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@council.example")
    full_name = factory.Faker("name", locale="en_GB")
    job_title = "Head of service"
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """`UserFactory(role=roles.COUNCILLOR)` puts the person in that role's group."""
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


def lga_administrator(**kwargs):
    return UserFactory(role=roles.LGA_ADMINISTRATOR, **kwargs)


class InvitationFactory(factory.django.DjangoModelFactory):
    """A bare invitation row; tests of behaviour use `services.invite_person` instead."""

    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@council.example")
    full_name = factory.Faker("name", locale="en_GB")
    role = factory.LazyFunction(lambda: Group.objects.get(name=roles.SENIOR_OFFICER))
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
