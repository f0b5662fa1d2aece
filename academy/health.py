"""What the probes of a load balancer or an orchestrator ask: is the process up (`/healthz`,
which touches nothing), and can it serve (`/readyz`: the database, the broker and the cache
answer). Anonymous callers learn only ready or not; LGA staff who use the admin also see
which part is down and when a worker last ran beat's heartbeat."""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections
from kombu import Connection

from . import selectors

TIMEOUT_SECONDS = 2  # a probe that hangs is worse than one that fails


def database_ok(connection=None) -> bool:
    """Whether the database (or the `connection` given) answers a query."""
    connection = connection or connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def broker_ok() -> bool:
    """Whether the Celery broker takes a connection, asked once and never retried."""
    options = {
        "socket_connect_timeout": TIMEOUT_SECONDS,
        "socket_timeout": TIMEOUT_SECONDS,
        **settings.CELERY_BROKER_TRANSPORT_OPTIONS,
    }
    try:
        with Connection(
            settings.CELERY_BROKER_URL, connect_timeout=TIMEOUT_SECONDS, transport_options=options
        ) as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0)
            connection.default_channel  # noqa: B018 - opening a channel proves it answers
    except Exception:  # each transport raises its own connection errors
        return False
    return True


def cache_ok() -> bool:
    probe = secrets.token_hex(8)
    try:
        cache.set("health-probe", probe, timeout=10)
        return cache.get("health-probe") == probe
    except Exception:  # any cache backend's connection error
        return False


def readiness() -> dict[str, bool]:
    return {"database": database_ok(), "broker": broker_ok(), "cache": cache_ok()}


def details_for(request, checks: dict[str, bool]) -> dict:
    """Which part is down, for LGA staff only; nothing for anyone else, and nothing when the
    database, which says who is asking, is down."""
    if not checks["database"]:
        return {}
    try:
        staff = request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin")
    except DatabaseError:
        return {}
    if not staff:
        return {}
    return {
        **{part: "ok" if up else "unavailable" for part, up in checks.items()},
        "worker": selectors.worker_status(),
    }
