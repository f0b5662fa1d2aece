"""People, the organisations they work for and the places those organisations serve."""

import secrets

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import Group, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .roles import ROLES


class Region(models.TextChoices):
    """The nine English regions."""

    NORTH_EAST = "north-east", _("North East")
    NORTH_WEST = "north-west", _("North West")
    YORKSHIRE = "yorkshire-and-the-humber", _("Yorkshire and the Humber")
    EAST_MIDLANDS = "east-midlands", _("East Midlands")
    WEST_MIDLANDS = "west-midlands", _("West Midlands")
    EAST = "east-of-england", _("East of England")
    LONDON = "london", _("London")
    SOUTH_EAST = "south-east", _("South East")
    SOUTH_WEST = "south-west", _("South West")


class Place(models.Model):
    """A locality (a county, a city region) whose public bodies learn together."""

    class Kind(models.TextChoices):
        COUNTY = "county", _("County")
        CITY_REGION = "city-region", _("City region")
        CITY = "city", _("City")
        BOROUGH = "borough", _("Borough")

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """A council, police force, NHS body or other organisation people belong to."""

    class Kind(models.TextChoices):
        DISTRICT_COUNCIL = "district-council", _("District council")
        COUNTY_COUNCIL = "county-council", _("County council")
        UNITARY_COUNCIL = "unitary-council", _("Unitary council")
        METROPOLITAN_BOROUGH = "metropolitan-borough-council", _("Metropolitan borough council")
        LONDON_BOROUGH = "london-borough-council", _("London borough council")
        COMBINED_AUTHORITY = "combined-authority", _("Combined authority")
        POLICE = "police", _("Police")
        NHS = "nhs", _("NHS body")
        FIRE_AND_RESCUE = "fire-and-rescue", _("Fire and rescue service")
        CENTRAL_GOVERNMENT = "central-government", _("Central government agency")
        VOLUNTARY = "voluntary", _("Voluntary sector")
        PRIVATE = "private", _("Private sector")
        OTHER = "other", _("Other")

    COUNCIL_KINDS = frozenset(
        {
            Kind.DISTRICT_COUNCIL,
            Kind.COUNTY_COUNCIL,
            Kind.UNITARY_COUNCIL,
            Kind.METROPOLITAN_BOROUGH,
            Kind.LONDON_BOROUGH,
        }
    )

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices, blank=True)
    place = models.ForeignKey(
        Place,
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        related_name="organisations",
        null=True,
        blank=True,
        help_text=_("Leave empty for national bodies that serve no single place."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")

    def __str__(self):
        return self.name

    @property
    def is_council(self):
        return self.kind in self.COUNCIL_KINDS


class PoliticalGroup(models.TextChoices):
    """The political groups of the LGA, for councillors."""

    CONSERVATIVE = "conservative", _("Conservative")
    LABOUR = "labour", _("Labour")
    LIBERAL_DEMOCRAT = "liberal-democrat", _("Liberal Democrat")
    GREEN = "green", _("Green")
    REFORM_UK = "reform-uk", _("Reform UK")
    INDEPENDENT = "independent", _("Independent")
    OTHER = "other", _("Other")


class LeadershipRole(models.TextChoices):
    """Where a senior officer sits, for invitations that go to chief executives and
    corporate directors only (the round tables)."""

    CHIEF_EXECUTIVE = "chief-executive", _("Chief executive")
    DEPUTY_CHIEF_EXECUTIVE = "deputy-chief-executive", _("Deputy chief executive")
    CORPORATE_DIRECTOR = "corporate-director", _("Corporate director")
    DIRECTOR = "director", _("Director or head of service")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def normalize_email(self, email):
        return (email or "").strip().lower()

    def get_by_natural_key(self, username):
        return self.get(email__iexact=self.normalize_email(username))

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("Every person needs an email address.")
        user = self.model(email=self.normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person: signs in with their email address."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="people",
        null=True,
        blank=True,
    )
    political_group = models.CharField(
        _("political group"),
        max_length=30,
        choices=PoliticalGroup.choices,
        blank=True,
        help_text=_("For councillors only."),
    )
    leadership_role = models.CharField(
        _("leadership role"),
        max_length=30,
        choices=LeadershipRole.choices,
        blank=True,
        help_text=_("For senior officers: round tables invite chief executives and directors."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("Django admin access"),
        default=False,
        help_text=_("Not used by the site: Wagtail admin access comes from the person's role."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # How many times every session of the person's was ended (each time they were deactivated).
    sessions_ended = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="academy_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        """Deactivating someone ends every session they have: reactivating them later brings
        none of those back. (A queryset's update() skips this: deactivate people one by one.)"""
        if (
            self.pk
            and not self.is_active
            and type(self).objects.filter(pk=self.pk, is_active=True).exists()
        ):
            self.sessions_ended += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "sessions_ended"}
        super().save(*args, **kwargs)

    # A session is valid while the hash it was given at sign-in still matches: Django's hash of
    # the password, and once sessions have been ended, of how many times too (so that the
    # sessions of everyone never deactivated stay as they are).
    def get_session_auth_hash(self):
        return self._session_hash(settings.SECRET_KEY)

    def get_session_auth_fallback_hash(self):
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret)

    def _session_hash(self, secret: str) -> str:
        value = self.password
        if self.sessions_ended:
            value = f"{value}:{self.sessions_ended}"
        return salted_hmac(
            "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash",
            value,
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def clean(self):
        super().clean()
        self.email = type(self).objects.normalize_email(self.email)

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        """The name to address someone by: "Cllr David Penrose" is David."""
        words = self.full_name.split()
        while len(words) > 1 and words[0].rstrip(".").lower() in HONORIFICS:
            words = words[1:]
        return words[0] if words else self.email


HONORIFICS = frozenset(
    {
        "cllr",
        "councillor",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "prof",
        "professor",
        "sir",
        "dame",
    }
)


def _new_nonce():
    return secrets.token_urlsafe(16)


class InvitationQuerySet(models.QuerySet):
    def pending(self, *, now=None):
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


class Invitation(models.Model):
    """An invitation for one person to join, with one role. Its link works once, until expiry."""

    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=150)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="invitations",
        null=True,
        blank=True,
    )
    role = models.ForeignKey(
        Group,
        verbose_name=_("role"),
        on_delete=models.PROTECT,
        related_name="invitations",
        limit_choices_to={"name__in": list(ROLES)},
    )
    political_group = models.CharField(
        _("political group"), max_length=30, choices=PoliticalGroup.choices, blank=True
    )
    invited_by = models.ForeignKey(
        User,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
        null=True,
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    # Part of the signed link: replacing it makes every earlier link for this invitation invalid.
    nonce = models.CharField(max_length=32, default=_new_nonce, editable=False)
    email_sent_at = models.DateTimeField(_("email sent"), null=True, blank=True, editable=False)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, editable=False)
    accepted_by = models.OneToOneField(
        User,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        related_name="accepted_invitation",
        null=True,
        blank=True,
        editable=False,
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        constraints = [
            # At most one open invitation per address: a second one replaces the first.
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="academy_invitation_one_open_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    @property
    def status(self):
        if self.accepted_at:
            return _("Accepted")
        if self.revoked_at:
            return _("Withdrawn")
        if self.expires_at <= timezone.now():
            return _("Expired")
        return _("Pending")


class WorkerHeartbeat(models.Model):
    """When a Celery worker last ran the heartbeat task for a given source (beat, a test)."""

    source = models.CharField(max_length=100, unique=True)
    last_seen = models.DateTimeField()

    def __str__(self):
        return f"{self.source} at {self.last_seen:%Y-%m-%d %H:%M:%S}"
