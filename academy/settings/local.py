"""Settings for a developer's machine and `make demo`: debug on, embedded everything."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# A fixed key is fine here and only here: production refuses to start without its own.
SECRET_KEY = env("SECRET_KEY", default="local-only-insecure-key-for-the-demo-and-development")
