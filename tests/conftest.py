import pytest
from django.core.cache import cache

from academy import roles
from academy.demo import load_demo
from tests.factories import UserFactory, lga_administrator
from tests.loading import loaded_for_module


@pytest.fixture
def admin_user(db):
    """An LGA administrator, who may invite people."""
    return lga_administrator(full_name="Priya Shah", email="priya.shah@local.gov.example")


@pytest.fixture
def councillor(db):
    return UserFactory(role=roles.COUNCILLOR, political_group="independent")


@pytest.fixture
def officer(db):
    return UserFactory(role=roles.SENIOR_OFFICER)


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded documents (the demo's PDFs among them) go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttles and Wagtail's caches must not carry from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo, loaded once for a module's tests (see `loaded_for_module`)."""
    with loaded_for_module(django_db_blocker, tmp_path_factory, load_demo) as people:
        yield people
