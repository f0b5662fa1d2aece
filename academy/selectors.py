"""Reads of people's data. Each takes the viewer: no view builds its own permission query."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.db.models import Prefetch
from django.utils import timezone

from .models import Invitation, User, WorkerHeartbeat
from .roles import COUNCILLOR

HEARTBEAT_STALE_AFTER = timedelta(minutes=3)


def profile_for(*, viewer: User) -> User:
    """The signed-in person's own profile, with their organisation, place and roles."""
    return (
        User.objects.select_related("organisation__place")
        .prefetch_related(Prefetch("groups", queryset=Group.objects.order_by("name")))
        .get(pk=viewer.pk)
    )


def role_names(person: User) -> list[str]:
    """Names of a person's roles; uses the groups prefetched by `profile_for`."""
    return [group.name for group in person.groups.all()]


def is_councillor(person: User) -> bool:
    return bool(person.political_group) or COUNCILLOR in role_names(person)


def invitations_visible_to(viewer: User):
    """Invitations the viewer may see: all of them for LGA administrators, none otherwise."""
    if not viewer.has_perm("academy.view_invitation"):
        return Invitation.objects.none()
    return Invitation.objects.select_related("organisation", "role", "invited_by")


def worker_status(*, now=None) -> dict:
    """Whether beat has had a worker run its heartbeat recently. Public: holds nothing private."""
    now = now or timezone.now()
    heartbeat = WorkerHeartbeat.objects.filter(source="beat").first()
    last_seen = heartbeat.last_seen if heartbeat else None
    return {
        "last_seen": last_seen.isoformat() if last_seen else None,
        "alive": bool(last_seen and now - last_seen <= HEARTBEAT_STALE_AFTER),
    }
