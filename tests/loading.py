"""Content that takes seconds to make, made once for the tests of a module."""

from contextlib import contextmanager

from django.db import transaction
from django.test import override_settings


@contextmanager
def loaded_for_module(django_db_blocker, tmp_path_factory, load):
    """What `load` makes, made once for the tests of one module (it takes seconds to make).

    It is made inside a transaction that is rolled back when the module is done; each test
    runs inside it in a savepoint of its own, so what one test changes the next never sees.
    Every test after the first that asks for it in a module sees it, so a module keeps the
    tests that want an empty database before those that ask for it; and, as the suite runs in
    several processes, it marks its tests with an `xdist_group` so they all run in the same one.
    """
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        yield load()
        transaction.set_rollback(True)
