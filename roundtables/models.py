"""Chief executive round tables: invitation-only, regional, under the Chatham House rule.

A round table is never a Wagtail page, so it is never in the site's search, feeds or sitemap:
it is read only through `selectors`, which take the viewer. Its notes are themes and insights
with no field for who said them or where they work."""

import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from academy.models import Region
from academy.outbox import OutboxEmail

NOTE_MAX_LENGTH = 3000


class RoundTableTheme(models.Model):
    """What a round table is about (devolution, health and care integration, ...): LGA staff
    keep the list."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("round-table theme")

    def __str__(self):
        return self.name


class RoundTable(models.Model):
    """One regional round table: who speaks, what about, where and when, and how many come."""

    class Status(models.TextChoices):
        GOING_AHEAD = "going-ahead", _("Going ahead")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=150)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices)
    starts_at = models.DateTimeField(_("starts"), help_text=_("UK time."))
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"),
        default=150,
        validators=[
            MinValueValidator(30, _("A round table lasts at least 30 minutes.")),
            MaxValueValidator(480, _("A round table lasts no more than 8 hours (480 minutes).")),
        ],
    )
    venue = models.CharField(_("venue"), max_length=300)
    themes = models.ManyToManyField(
        RoundTableTheme, verbose_name=_("themes"), related_name="round_tables", blank=True
    )
    co_hosts = models.CharField(
        _("hosted by"), max_length=200, default="The LGA with Solace", blank=True
    )
    summary = models.TextField(
        _("what it is about"),
        max_length=1500,
        blank=True,
        help_text=_("Shown to the people invited."),
    )
    speaker_name = models.CharField(_("speaker"), max_length=150)
    speaker_role = models.CharField(
        _("speaker's role and organisation"),
        max_length=200,
        help_text=_("For example: Chief executive, Anyshire County Council."),
    )
    speaker_story = models.TextField(
        _("what the speaker delivered"),
        max_length=3000,
        help_text=_("The digital change they led, which they will talk about."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        validators=[
            MinValueValidator(2, _("A round table needs at least two places.")),
            MaxValueValidator(60, _("A round table has no more than 60 places.")),
        ],
        help_text=_("When these are taken, more people who accept join the waiting list."),
    )
    invitation_deadline = models.DateTimeField(
        _("answer by"), help_text=_("UK time. Invitations can be accepted until then.")
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        related_name="organised_round_tables",
        blank=True,
        help_text=_("LGA staff who run it. Anyone who can manage round tables may also."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.GOING_AHEAD
    )
    notes_shared_at = models.DateTimeField(_("notes sent"), null=True, blank=True, editable=False)
    # Arrival order for the waiting list, handed out while the round table's row is locked.
    last_queue_number = models.PositiveIntegerField(default=0, editable=False)
    # iCalendar's SEQUENCE: calendar apps replace their copy when it goes up.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("region"), FieldPanel("co_hosts")]),
        FieldPanel("themes"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")]),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("invitation_deadline")]),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("speaker_name"), FieldPanel("speaker_role")]),
                FieldPanel("speaker_story"),
            ],
            heading=_("Speaker"),
        ),
        FieldPanel("organisers"),
    ]

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("round table")
        permissions = [("manage_round_tables", _("Can run every round table"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=2),
                name="roundtables_some_places",
                violation_error_message=_("A round table needs at least two places."),
            ),
            models.CheckConstraint(
                condition=Q(invitation_deadline__lte=models.F("starts_at")),
                name="roundtables_answer_before_it_starts",
                violation_error_message=_(
                    "The date to answer by must be before the round table starts."
                ),
            ),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return self.title

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def ical_uid(self) -> str:
        return f"round-table-{self.pk}@{urlsplit(settings.SITE_URL).hostname}"

    def has_ended(self, now=None) -> bool:
        return self.ends_at <= (now or timezone.now())


def _new_nonce():
    return secrets.token_urlsafe(16)


class Invitation(models.Model):
    """One person's invitation to one round table, their answer and whether they came."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Not answered")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Invitation withdrawn")

    round_table = models.ForeignKey(
        RoundTable, on_delete=models.CASCADE, related_name="invitations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="round_table_invitations"
    )
    status = models.CharField(
        _("answer"), max_length=20, choices=Status.choices, default=Status.INVITED
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # The Chatham House rule, agreed when accepting: a place is never held without it.
    agreed_to_rule_at = models.DateTimeField(_("agreed to the rule"), null=True, blank=True)
    # Whether other attendees may see that this person is coming.
    listed = models.BooleanField(_("shown to other attendees"), default=False)
    queue_number = models.PositiveIntegerField(_("arrival order"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    # Part of the signed link in the email: replacing it makes earlier links invalid.
    nonce = models.CharField(max_length=32, default=_new_nonce, editable=False)

    class Meta:
        ordering = ["round_table", "queue_number", "invited_at"]
        verbose_name = _("round-table invitation")
        constraints = [
            models.UniqueConstraint(
                fields=["round_table", "person"], name="roundtables_invite_once"
            ),
            models.UniqueConstraint(
                fields=["round_table", "queue_number"], name="roundtables_one_place_in_queue"
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(agreed_to_rule_at__isnull=False),
                name="roundtables_accepted_under_the_rule",
            ),
        ]
        indexes = [models.Index(fields=["round_table", "status"])]

    def __str__(self):
        return f"{self.person} to {self.round_table}"


class Note(models.Model):
    """A theme and the insight under it, as organisers record them after a round table.
    Deliberately without a speaker or an organisation: the Chatham House rule."""

    round_table = models.ForeignKey(RoundTable, on_delete=models.CASCADE, related_name="notes")
    theme = models.CharField(_("theme"), max_length=150)
    insight = models.TextField(_("insight"), max_length=NOTE_MAX_LENGTH)
    # Names of attendees or their organisations the check found, which an organiser looked
    # at and kept: kept on record so that a later reader knows it was a deliberate choice.
    names_kept = models.CharField(max_length=500, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["round_table", "recorded_at", "pk"]
        verbose_name = _("round-table note")

    def __str__(self):
        return self.theme


class Notification(OutboxEmail):
    """One email a round table owes one person, recorded before it is sent, so that it goes
    once whatever happens to the worker."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        PLACE_CONFIRMED = "place-confirmed", _("Your place is confirmed")
        WAITLISTED = "waitlisted", _("You are on the waiting list")
        PLACE_OFFERED = "place-offered", _("A place from the waiting list")
        ANSWER_REMINDER = "answer-reminder", _("Reminder to answer")
        EVENT_REMINDER = "event-reminder", _("Reminder before the round table")
        NOTES = "notes", _("The notes")
        CANCELLED = "cancelled", _("The round table is cancelled")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="round_table_emails"
    )
    round_table = models.ForeignKey(
        RoundTable, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # Tells apart occasions of one kind: an invitation sent again, the time a reminder is for.
    occasion = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        verbose_name = _("round-table email")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "round_table", "kind", "occasion"],
                name="roundtables_email_once",
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True, skipped_at__isnull=True),
                name="roundtables_email_unsent",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.person_id}"
