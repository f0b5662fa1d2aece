"""Settings: production refuses to start unsafely and passes Django's deployment checklist;
the development server keeps documents private."""

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
