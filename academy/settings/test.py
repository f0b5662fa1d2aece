"""Settings for the test suite: fast hashing, mail kept in memory, the same broker as configured."""

from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import (
    BASE_DIR,
    CACHES,
    CELERY_BROKER_URL,
    DATABASES,
    REDIS_URL,
    VAR_DIR,
    env,
    filesystem_broker_options,
)

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Kept in memory; a worker process started by a test may be given another backend to write to.
EMAIL_BACKEND = env("TEST_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so that a real worker process started by a test sees the same data.
    DATABASES["default"]["TEST"] = {
        "NAME": env("TEST_SQLITE_PATH", default=str(BASE_DIR / "var" / "test.sqlite3"))
    }

# Unit and integration tests run tasks in-process when their transaction commits; the tests
# marked `worker` switch this off and use a real worker process on the real broker.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
if CELERY_BROKER_URL.startswith("filesystem://"):
    # Its own folder, so a demo running on the same machine never takes the tests' messages.
    CELERY_BROKER_TRANSPORT_OPTIONS = filesystem_broker_options(VAR_DIR / "test-celery-broker")

# Serve static files from where they are built, without running collectstatic first.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The suite runs in several processes (pytest-xdist), each with a test database of its own
# (pytest-django names them). Each empties the cache between tests, so on Redis each has a
# database of its own too: the number in REDIS_URL for the first, the next for the second.
XDIST_WORKER = env("PYTEST_XDIST_WORKER", default="")
if REDIS_URL and XDIST_WORKER:
    _url = urlsplit(REDIS_URL)
    _number = int(_url.path.strip("/") or 0) + int(XDIST_WORKER.removeprefix("gw"))
    CACHES["default"]["LOCATION"] = urlunsplit(_url._replace(path=f"/{_number}"))
