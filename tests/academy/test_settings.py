"""Settings: production refuses to start unsafely and passes Django's deployment checklist;
the development server keeps documents private."""

import json
import os
import subprocess
import sys
from pathlib import Path

import environ
import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_SECRET = "k3J#p9v!Qz2@Lw8$Rt5^Yx1&Nb7*Hc4(Md6)Gf0_Sa-Ue+Io=Py"


def run_manage(*args, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}
    }
    env.update(DJANGO_SETTINGS_MODULE="academy.settings.production", **env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="academy.example")
    assert result.returncode != 0
    assert "Production settings need a SECRET_KEY" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = run_manage("check", SECRET_KEY=STRONG_SECRET, DEBUG="true")
    assert result.returncode != 0
    assert "refuse to start with DEBUG on" in result.stderr


def test_production_passes_the_deployment_checklist_with_no_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_SECRET,
        ALLOWED_HOSTS="academy.example",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_development_server_serves_uploaded_images_but_never_documents(settings, tmp_path):
    from django.urls import Resolver404, URLResolver
    from django.urls.resolvers import RegexPattern

    from academy.urls import development_media_urls

    settings.DEBUG = True
    settings.MEDIA_ROOT = environ.Path(str(tmp_path))  # the type settings read it as
    media = URLResolver(RegexPattern(r"^/"), development_media_urls())

    assert media.resolve("/media/original_images/town-hall.jpg")
    with pytest.raises(Resolver404):
        media.resolve("/media/documents/members-only-checklist.pdf")


# What a response from production settings carries, asked of the site in a process of its own
# (the settings are read once, at start-up), after collecting the static files as a deployment
# does. The pages asked for touch no database.
RESPONSES = """
import json
import logging
from django.conf import settings
from django.test import Client

site = Client(HTTP_HOST="academy.example")
health = site.get("/healthz", secure=True)
sign_in = site.get("/account/sign-in/", secure=True)
plain = site.get("/account/sign-in/")
csrf = sign_in.cookies["csrftoken"]
logging.getLogger("academy").warning("a line for the log collector")
print(json.dumps({
    "health": dict(health.headers),
    "sign_in": dict(sign_in.headers),
    "sign_in_status": sign_in.status_code,
    "csrf_cookie": {key: csrf[key] for key in ("secure", "httponly", "samesite")},
    "plain": [plain.status_code, plain.headers.get("Location")],
    "session": [settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY,
                settings.SESSION_COOKIE_SAMESITE],
}))
"""


def test_a_response_from_production_settings_carries_every_security_header(tmp_path):
    deployment = {
        "SECRET_KEY": STRONG_SECRET,
        "ALLOWED_HOSTS": "academy.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    collected = run_manage("collectstatic", "--no-input", "-v0", **deployment)
    assert collected.returncode == 0, collected.stderr
    result = run_manage("shell", "--no-imports", "-c", RESPONSES, **deployment)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])

    assert seen["sign_in_status"] == 200
    for headers in (seen["health"], seen["sign_in"]):
        assert headers["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert headers["X-Frame-Options"] == "DENY"
        policy = headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert seen["csrf_cookie"] == {"secure": True, "httponly": True, "samesite": "Lax"}
    assert seen["session"] == [True, True, "Lax"]
    # Plain HTTP is sent to HTTPS.
    assert seen["plain"] == [301, "https://academy.example/account/sign-in/"]
    # Logs are one JSON object a line, for a log collector.
    logged = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    [ours] = [entry for entry in logged if entry.get("logger") == "academy"]
    assert ours["level"] == "WARNING" and ours["message"] == "a line for the log collector"
    assert set(ours) == {"time", "level", "logger", "request_id", "message"}
