"""Settings shared by every environment. Everything that varies comes from the environment."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "academy",
    "cms_pages",
    "learning",
    "cohorts",
    "good_practice",
    "roundtables",
    "champions",
    "peer_review",
    "competencies",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "academy.apps.AcademyUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_celery_beat",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "csp",
]

MIDDLEWARE = [
    # First, so that every log line of a request, and the tasks it queues, carry its id.
    "academy.request_ids.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "academy.middleware.PrivateWhenSignedIn",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "academy.middleware.AcademyCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the outcome of every authentication attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "academy.urls"
WSGI_APPLICATION = "academy.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "academy.context_processors.site_chrome",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'academy.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server, the worker and beat share one file: wait for locks rather than fail,
    # and take the write lock up front so that concurrent transactions queue instead of deadlock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- People and sign-in -----------------------------------------------------------------------

AUTH_USER_MODEL = "academy.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out account and address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account:sign-in"
LOGIN_REDIRECT_URL = "account:profile"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)
SESSION_SAVE_EVERY_REQUEST = True  # the age above is then counted from the last request
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# An invitation link works once, until it is used or this many days have passed.
INVITATION_MAX_AGE = timedelta(days=env.int("INVITATION_MAX_AGE_DAYS", default=14))

# Failed sign-ins: keyed on the account and the address together, so that one shared council
# network address cannot lock everyone out, and one account cannot be guessed from many places
# without the count growing per place.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "academy.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "academy.auth.axes_username"
AXES_VERBOSE = False
# Every failed sign-in kept (account, address, browser, when) for the audit, beside the
# running count of attempts that decides a lockout.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Only trust a forwarded-for header when a proxy we run sets it; otherwise anyone could
# dodge the lockout by sending a new address with every attempt.
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list("CLIENT_IP_HEADERS", default=["REMOTE_ADDR"])

# --- Wagtail ----------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Digital Leadership Academy"
# Where people reach the site: the start of every link in an email.
SITE_URL = env("SITE_URL", default="http://localhost:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
# Wagtail's database search (SQLite's FTS5, or PostgreSQL's full-text ranking) unless a search
# cluster is named: SEARCH_BACKEND=wagtail.search.backends.elasticsearch8 (or .opensearch2)
# with SEARCH_URLS, once its client library is installed.
SEARCH_BACKEND = env("SEARCH_BACKEND", default="wagtail.search.backends.database")
SEARCH_URLS = env.list("SEARCH_URLS", default=[])
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": SEARCH_BACKEND,
        **(
            {"URLS": SEARCH_URLS, "INDEX": env("SEARCH_INDEX", default="academy")}
            if SEARCH_URLS
            else {}
        ),
    }
}
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# What is inside an uploaded document must match its extension, and it has a size limit
# (cms_pages/documents.py); every document downloads as an attachment, none opens inline.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms_pages.documents.CheckedDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_MB", default=20) * 1024 * 1024
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_MB", default=10) * 1024 * 1024
# Privacy is by sign-in or by group only: a password shared around a council is no privacy.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
WAGTAILUSERS_PASSWORD_ENABLED = False  # people set their own, by invitation or reset
WAGTAIL_PASSWORD_RESET_ENABLED = False  # people reset their password on the public site
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # never send a hash of anyone's email to a third party

# --- Celery -----------------------------------------------------------------------------------

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://localhost//")


def filesystem_broker_options(folder: Path) -> dict:
    """The embedded broker: a folder of messages, so the demo needs no Redis."""
    (folder / "control").mkdir(parents=True, exist_ok=True)
    return {
        "data_folder_in": str(folder),
        "data_folder_out": str(folder),
        # kombu keeps its exchange tables in ./control unless told otherwise
        "control_folder": str(folder / "control"),
        # A worker looks for new messages ten times a second rather than once: the demo queues
        # a few hundred emails as it loads, and beat's heartbeat waits behind them.
        "polling_interval": 0.1,
    }


if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = filesystem_broker_options(VAR_DIR / "celery-broker")
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60 * 60}
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/London"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Every periodic task, in one place. Beat copies this into the database when it starts.
CELERY_BEAT_SCHEDULE = {
    "record-heartbeat": {
        "task": "academy.tasks.record_heartbeat",
        "schedule": timedelta(minutes=1),
        "kwargs": {"source": "beat"},
        "options": {"expires": 50},  # a backlog of heartbeats while no worker runs is useless
    },
    "publish-scheduled-pages": {
        "task": "cms_pages.tasks.publish_scheduled_pages",
        "schedule": timedelta(minutes=1),
        "options": {"expires": 50},  # the next run does the same work
    },
    "send-cohort-reminders": {
        # Reminders a week and a day before each session, feedback requests after it and the
        # facilitators' weekly digest: each recorded before it is sent, so never sent twice.
        "task": "cohorts.tasks.send_cohort_reminders",
        "schedule": timedelta(minutes=10),
        "options": {"expires": 9 * 60},  # the next run does the same work
    },
    "send-good-practice-emails": {
        # Emails to members about their submitted case studies that could not be sent at
        # once (the provider was down): tried again until they go.
        "task": "good_practice.tasks.deliver_submission_emails",
        "schedule": timedelta(minutes=10),
        "options": {"expires": 9 * 60},
    },
    "send-round-table-reminders": {
        # Reminders to invitees who have not answered and to those coming, each recorded
        # before it is sent; and any round-table email that could not be sent at once.
        "task": "roundtables.tasks.send_round_table_reminders",
        "schedule": timedelta(minutes=10),
        "options": {"expires": 9 * 60},
    },
    "send-champion-emails": {
        # Emails about mentoring and open sessions that could not be sent at once.
        "task": "champions.tasks.deliver_champion_emails",
        "schedule": timedelta(minutes=10),
        "options": {"expires": 9 * 60},
    },
    "send-peer-review-reminders": {
        # Reminders of each peer challenge's deadlines (report, action plan, progress
        # review), each once; and any peer-challenge email that could not be sent at once.
        "task": "peer_review.tasks.send_peer_review_reminders",
        "schedule": timedelta(hours=1),
        "options": {"expires": 50 * 60},
    },
    "send-plan-reminders": {
        # Reminders a week and a day before each development-plan action is due, each once;
        # and any diagnostic email that could not be sent at once.
        "task": "competencies.tasks.send_plan_reminders",
        "schedule": timedelta(hours=1),
        "options": {"expires": 50 * 60},
    },
    "clear-expired-sessions": {
        "task": "academy.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=17),
    },
}

# --- Email ------------------------------------------------------------------------------------

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)  # seconds; a hung server must not hang us
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Digital Leadership Academy <academy@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Static files and media -------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static_build"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Locale -----------------------------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Security headers that hold everywhere ----------------------------------------------------

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The public site has no inline scripts or styles, so its policy allows none. The Wagtail
# admin ships inline scripts and styles of its own and keeps Django's other protections.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Videos play from these only when someone chooses to play them (blocks/video.html).
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# One line per record, with the id of the request or task it belongs to: JSON for a log
# collector (LOG_FORMAT=json, production's default), or plain text to read in a terminal.
LOG_FORMAT = env("LOG_FORMAT", default="plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "academy.request_ids.RequestIdFilter"}},
    "formatters": {
        "plain": {
            "()": "academy.request_ids.PlainFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(request_tag)s%(message)s",
        },
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},  # Wagtail's in-process tasks: one line each
    },
}
