"""Reads of people's data. Each takes the viewer: no view builds its own permission query."""

from datetime import timedelta

from django.utils import timezone

from .models import Invitation, User, WorkerHeartbeat
from .roles import COUNCILLOR

HEARTBEAT_STALE_AFTER = timedelta(minutes=3)


def profile_for(*, viewer: User) -> User:
    """The signed-in person's own profile, with what the profile page shows in one query."""
    return User.objects.select_related("organisation__place").get(pk=viewer.pk)


def roles_of(*, viewer: User) -> list[str]:
    return list(viewer.groups.order_by("name").values_list("name", flat=True))


def is_councillor(*, viewer: User) -> bool:
    return bool(viewer.political_group) or viewer.groups.filter(name=COUNCILLOR).exists()


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
