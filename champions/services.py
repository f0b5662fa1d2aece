"""Every change in the champions network: a champion's profile, open sessions and
registrations, and mentoring from request to feedback. Views, the admin, Celery tasks and the
demo loader all call these. Emails are decided in the same transaction as the change (see
`notifications`); every change is written to Wagtail's audit log with who made it."""

from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log

from academy import roles
from academy.models import User

from . import exceptions, selectors
from .models import (
    RESERVED_SLUGS,
    ChampionProfile,
    Feedback,
    Meeting,
    Mentoring,
    Notification,
    OpenSession,
    Registration,
)
from .notifications import notify

Kind = Notification.Kind
Status = Mentoring.Status
PROFILE_FIELDS = (
    "kind",
    "role",
    "organisation",
    "region",
    "delivered",
    "accepting_mentees",
    "mentee_capacity",
    "is_listed",
)


# --- Profiles ---------------------------------------------------------------------------------


def _free_slug(name: str) -> str:
    base = slugify(name)[:140] or "champion"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or ChampionProfile.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def create_profile(
    *, person: User, by: User, themes=(), service_areas=(), case_studies=(), **fields
) -> ChampionProfile:
    """Put a champion in the directory. LGA staff who run the network do this."""
    if not selectors.runs_network(by):
        raise exceptions.NotYours("Only the LGA team can add a champion to the directory.")
    fields.setdefault("organisation", person.organisation)
    fields.setdefault("role", person.job_title)
    if fields.get("organisation") is not None:
        fields.setdefault("region", fields["organisation"].region)
    with transaction.atomic():
        profile = ChampionProfile(
            person=person, slug=fields.pop("slug", "") or _free_slug(person.full_name), **fields
        )
        profile.full_clean()
        profile.save()
        profile.themes.set(themes)
        profile.service_areas.set(service_areas)
        profile.case_studies.set(case_studies)
        join_role(person)
        log(profile, "champions.profile.create", user=by)
    return profile


def join_role(person: User) -> None:
    """In the role, a champion can be named as the contact on good-practice entries."""
    person.groups.add(*Group.objects.filter(name=roles.DIGITAL_CHAMPION))


def update_profile(
    *, profile: ChampionProfile, by: User, themes=None, service_areas=None, **fields
) -> ChampionProfile:
    """The champion keeps their own profile up to date (LGA staff may too). Lowering how
    many mentees they take never ends a relationship under way: no new one is accepted until
    they are below it."""
    if not (by.pk == profile.person_id or selectors.runs_network(by)):
        raise exceptions.NotYours("Only the champion and the LGA team can change this profile.")
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not a profile field: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        profile = ChampionProfile.objects.select_for_update().get(pk=profile.pk)
        changed = [name for name, value in fields.items() if getattr(profile, name) != value]
        for name in changed:
            setattr(profile, name, fields[name])
        profile.full_clean()
        profile.save()
        if themes is not None:
            profile.themes.set(themes)
            changed.append("themes")
        if service_areas is not None:
            profile.service_areas.set(service_areas)
            changed.append("service_areas")
        log(profile, "champions.profile.edit", user=by, data={"fields": changed})
    return profile


# --- Mentoring --------------------------------------------------------------------------------


def request_mentoring(
    *, mentee: User, champion: ChampionProfile, topic: str, goals: str, themes=(), areas=()
) -> Mentoring:
    """A signed-in member asks a champion to mentor them; the champion is told by email.
    Asking needs the champion to be taking mentees with a place free now; whether there is
    still one when they answer is checked again then."""
    if champion.person_id == mentee.pk:
        raise exceptions.OwnProfile()
    if not (champion.is_listed and champion.person.is_active):
        raise exceptions.NotAccepting()
    if selectors.spare_places(champion) == 0:
        raise (exceptions.AtCapacity if champion.accepting_mentees else exceptions.NotAccepting)()
    if Mentoring.objects.filter(
        mentee=mentee, champion=champion, status__in=Mentoring.OPEN
    ).exists():
        raise exceptions.AlreadyAsked()
    try:
        with transaction.atomic():
            mentoring = Mentoring.objects.create(
                mentee=mentee, champion=champion, topic=topic.strip(), goals=goals.strip()
            )
            mentoring.themes.set(themes)
            mentoring.service_areas.set(areas)
            notify(person_id=champion.person_id, mentoring=mentoring, kind=Kind.REQUESTED)
            log(mentoring, "champions.mentoring.request", user=mentee)
    except IntegrityError as error:  # the same request sent twice at once
        raise exceptions.AlreadyAsked() from error
    return mentoring


def _locked(mentoring: Mentoring) -> tuple[ChampionProfile, Mentoring]:
    """Lock the champion's profile, then the mentoring: every change that can use a place
    takes the profile's row first, so two at once are served one after the other."""
    profile = ChampionProfile.objects.select_for_update().get(pk=mentoring.champion_id)
    return profile, Mentoring.objects.select_for_update().get(pk=mentoring.pk)


def accept(*, mentoring: Mentoring, by: User, note: str = "") -> Mentoring:
    """The champion takes the mentee on, if they have a place: a champion's capacity is
    never exceeded, even when they accept several requests at the same moment."""
    with transaction.atomic():
        profile, mentoring = _locked(mentoring)
        if by.pk != profile.person_id:
            raise exceptions.NotYours("Only the champion asked can accept.")
        if mentoring.status != Status.REQUESTED:
            raise exceptions.WrongStage()
        active = profile.mentoring.filter(status=Status.ACTIVE).count()
        if active >= profile.mentee_capacity:
            raise exceptions.AtCapacity(
                f"You are already mentoring {active} "
                f"{'person' if active == 1 else 'people'}, as many as your profile says you "
                "take at once. Finish a relationship, or raise the number on your profile, "
                "before you accept another."
            )
        mentoring.status = Status.ACTIVE
        mentoring.answered_at = timezone.now()
        mentoring.answer_note = note.strip()
        mentoring.save(update_fields=["status", "answered_at", "answer_note"])
        notify(person_id=mentoring.mentee_id, mentoring=mentoring, kind=Kind.ACCEPTED)
        log(mentoring, "champions.mentoring.accept", user=by)
    return mentoring


def decline(*, mentoring: Mentoring, by: User, note: str = "") -> Mentoring:
    """The champion says no, perhaps with a word why; the mentee is told and pointed to
    other champions who could help."""
    with transaction.atomic():
        profile, mentoring = _locked(mentoring)
        if by.pk != profile.person_id:
            raise exceptions.NotYours("Only the champion asked can decline.")
        if mentoring.status != Status.REQUESTED:
            raise exceptions.WrongStage()
        mentoring.status = Status.DECLINED
        mentoring.answered_at = timezone.now()
        mentoring.answer_note = note.strip()
        mentoring.save(update_fields=["status", "answered_at", "answer_note"])
        notify(person_id=mentoring.mentee_id, mentoring=mentoring, kind=Kind.DECLINED)
        log(mentoring, "champions.mentoring.decline", user=by)
    return mentoring


def withdraw(*, mentoring: Mentoring, by: User) -> Mentoring:
    """The mentee takes back a request the champion has not answered."""
    with transaction.atomic():
        _profile, mentoring = _locked(mentoring)
        if by.pk != mentoring.mentee_id:
            raise exceptions.NotYours("Only the person who asked can withdraw the request.")
        if mentoring.status != Status.REQUESTED:
            raise exceptions.WrongStage()
        mentoring.status = Status.WITHDRAWN
        mentoring.save(update_fields=["status"])
        notify(person_id=mentoring.champion.person_id, mentoring=mentoring, kind=Kind.WITHDRAWN)
        log(mentoring, "champions.mentoring.withdraw", user=by)
    return mentoring


def _require_pair(mentoring: Mentoring, by: User) -> None:
    if by.pk not in (mentoring.mentee_id, mentoring.champion.person_id):
        raise exceptions.NotYours("Only the mentee and the champion can do that.")


def log_meeting(
    *, mentoring: Mentoring, by: User, met_on: date, summary: str, next_steps: str = ""
) -> Meeting:
    """Either of the pair writes up a meeting in their private log."""
    _require_pair(mentoring, by)
    if mentoring.status != Status.ACTIVE:
        raise exceptions.WrongStage("Meetings can be logged only while the mentoring is under way.")
    if met_on > timezone.localdate():
        raise exceptions.InvalidMeeting("The date of the meeting cannot be in the future.")
    asked_on = timezone.localdate(mentoring.requested_at)
    if met_on < asked_on:
        raise exceptions.InvalidMeeting(
            f"The date of the meeting cannot be before mentoring was asked for, on "
            f"{asked_on:%-d %B %Y}."
        )
    meeting = Meeting.objects.create(
        mentoring=mentoring,
        met_on=met_on,
        summary=summary.strip(),
        next_steps=next_steps.strip(),
        logged_by=by,
    )
    log(mentoring, "champions.mentoring.meeting", user=by, data={"met_on": met_on.isoformat()})
    return meeting


def _record_feedback(mentoring, by, usefulness, comment) -> Feedback:
    try:
        with transaction.atomic():
            return Feedback.objects.create(
                mentoring=mentoring, author=by, usefulness=usefulness, comment=comment.strip()
            )
    except IntegrityError as error:
        raise exceptions.AlreadyGaveFeedback() from error


def close(*, mentoring: Mentoring, by: User, usefulness: str, comment: str = "") -> Mentoring:
    """Either of the pair ends the mentoring with their short feedback; the other is asked
    for theirs. The champion's place is free again."""
    _require_pair(mentoring, by)
    with transaction.atomic():
        _profile, mentoring = _locked(mentoring)
        if mentoring.status != Status.ACTIVE:
            raise exceptions.WrongStage()
        mentoring.status = Status.CLOSED
        mentoring.closed_at = timezone.now()
        mentoring.closed_by = by
        mentoring.save(update_fields=["status", "closed_at", "closed_by"])
        _record_feedback(mentoring, by, usefulness, comment)
        other = (
            mentoring.champion.person_id if by.pk == mentoring.mentee_id else mentoring.mentee_id
        )
        notify(person_id=other, mentoring=mentoring, kind=Kind.CLOSED)
        log(mentoring, "champions.mentoring.close", user=by)
    return mentoring


def give_feedback(
    *, mentoring: Mentoring, by: User, usefulness: str, comment: str = ""
) -> Feedback:
    """The other of the pair gives their feedback once the mentoring has finished."""
    _require_pair(mentoring, by)
    if mentoring.status != Status.CLOSED:
        raise exceptions.WrongStage("Feedback is given when the mentoring finishes.")
    feedback = _record_feedback(mentoring, by, usefulness, comment)
    log(mentoring, "champions.mentoring.feedback", user=by)
    return feedback


# --- Open sessions ----------------------------------------------------------------------------

SESSION_FIELDS = (
    "title",
    "description",
    "starts_at",
    "duration_minutes",
    "location",
    "joining_link",
    "capacity",
)
# What registered people have in their calendars: a change to any of these is sent to them.
CALENDAR_FIELDS = {"title", "starts_at", "duration_minutes", "location", "joining_link"}
# How far ahead a session may be listed.
HORIZON = timedelta(days=2 * 365)


def _check_start(starts_at) -> None:
    now = timezone.now()
    if starts_at <= now:
        raise exceptions.InvalidSession("A session must start in the future.")
    if starts_at > now + HORIZON:
        raise exceptions.InvalidSession("A session must start within the next two years.")


def _host_profile(by: User) -> ChampionProfile:
    profile = selectors.own_profile(by)
    if profile is None:
        raise exceptions.NotAChampion()
    return profile


def create_session(*, by: User, champion: ChampionProfile | None = None, **fields) -> OpenSession:
    """A champion puts on an open session (or LGA staff do, for a champion)."""
    if champion is None:
        champion = _host_profile(by)
    elif not (champion.person_id == by.pk or selectors.runs_network(by)):
        raise exceptions.NotAChampion()
    _check_start(fields["starts_at"])
    with transaction.atomic():
        session = OpenSession(champion=champion, created_by=by, **fields)
        session.full_clean()
        session.save()
        log(session, "champions.session.create", user=by)
    return session


def _require_host(session: OpenSession, by: User) -> None:
    if not (session.champion.person_id == by.pk or selectors.runs_network(by)):
        raise exceptions.NotYours("Only the session's host and the LGA team can do that.")


def update_session(*, session: OpenSession, by: User, **fields) -> OpenSession:
    _require_host(session, by)
    with transaction.atomic():
        session = OpenSession.objects.select_for_update().get(pk=session.pk)
        if session.status != OpenSession.Status.SCHEDULED:
            raise exceptions.SessionClosed("A cancelled session cannot be changed.")
        changed = [name for name, value in fields.items() if getattr(session, name) != value]
        for name in changed:
            setattr(session, name, fields[name])
        if "starts_at" in changed:
            _check_start(session.starts_at)
        taken = session.registrations.filter(cancelled_at__isnull=True).count()
        if session.capacity < taken:
            raise exceptions.InvalidSession(
                f"{taken} people have registered, so the session needs at least {taken} places."
            )
        tell = bool(CALENDAR_FIELDS.intersection(changed))
        if tell:
            session.sequence += 1
        session.full_clean()
        session.save()
        if tell:
            occasion = f"{timezone.now():%Y%m%dT%H%M%S%f}"
            for person_id in _registered(session):
                notify(
                    person_id=person_id,
                    session=session,
                    kind=Kind.SESSION_CHANGED,
                    occasion=occasion,
                )
        log(session, "champions.session.edit", user=by, data={"fields": changed})
    return session


def _registered(session: OpenSession):
    return session.registrations.filter(cancelled_at__isnull=True).values_list(
        "person_id", flat=True
    )


def cancel_session(*, session: OpenSession, by: User) -> OpenSession:
    """Call a session off: everyone registered is told, with a calendar file that takes it
    out of their calendar."""
    _require_host(session, by)
    with transaction.atomic():
        session = OpenSession.objects.select_for_update().get(pk=session.pk)
        if session.status == OpenSession.Status.CANCELLED:
            return session
        if session.starts_at <= timezone.now():
            raise exceptions.SessionClosed("A session that has started cannot be cancelled.")
        session.status = OpenSession.Status.CANCELLED
        session.sequence += 1
        session.save(update_fields=["status", "sequence"])
        for person_id in _registered(session):
            notify(person_id=person_id, session=session, kind=Kind.SESSION_CANCELLED)
        log(session, "champions.session.cancel", user=by)
    return session


def register(*, session: OpenSession, person: User) -> Registration:
    """Take a place at an open session while places last. The session's row is locked, so
    people registering at the same moment never take more places than it has."""
    with transaction.atomic():
        session = (
            OpenSession.objects.select_for_update(of=("self",))
            .select_related("champion__person")
            .get(pk=session.pk)
        )
        host = session.champion
        if (
            session.status != OpenSession.Status.SCHEDULED
            or session.starts_at <= timezone.now()
            or not (host.is_listed and host.person.is_active)
        ):
            raise exceptions.SessionClosed()
        if host.person_id == person.pk:
            raise exceptions.HostsSession()
        registration = session.registrations.filter(person=person).first()
        if registration is not None and registration.is_active:
            return registration
        if session.registrations.filter(cancelled_at__isnull=True).count() >= session.capacity:
            raise exceptions.SessionFull()
        if registration is None:
            registration = Registration.objects.create(session=session, person=person)
        else:
            registration.cancelled_at = None
            registration.registered_at = timezone.now()
            registration.save(update_fields=["cancelled_at", "registered_at"])
        notify(
            person_id=person.pk,
            session=session,
            kind=Kind.REGISTERED,
            occasion=f"{registration.registered_at:%Y%m%dT%H%M%S%f}",
        )
        log(registration, "champions.session.register", user=person)
    return registration


def cancel_registration(*, session: OpenSession, person: User) -> Registration | None:
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .filter(session=session, person=person, cancelled_at__isnull=True)
            .first()
        )
        if registration is None:
            return None
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["cancelled_at"])
        if session.status == OpenSession.Status.SCHEDULED and session.starts_at > timezone.now():
            # A file that takes the session out of their calendar.
            notify(
                person_id=person.pk,
                session=session,
                kind=Kind.PLACE_CANCELLED,
                occasion=f"{registration.cancelled_at:%Y%m%dT%H%M%S%f}",
            )
        log(registration, "champions.session.unregister", user=person)
    return registration
