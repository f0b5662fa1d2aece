"""Settings for `make bench`: a database of its own (a fresh SQLite file in var/, or the one in
BENCH_DATABASE_URL), tasks run in-process, emails kept in memory, quiet logs."""

from .base import *  # noqa: F403
from .base import BASE_DIR, LOGGING, env

DEBUG = False
SECRET_KEY = "bench-only-key-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
BENCH_SQLITE_PATH = BASE_DIR / "var" / "bench.sqlite3"
DATABASES = {
    "default": env.db("BENCH_DATABASE_URL", default=f"sqlite:///{BENCH_SQLITE_PATH}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = "memory://localhost//"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}
