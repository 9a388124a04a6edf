"""The jurisdiction scope: every official sees their agency's region subtree only."""

from bawaslu_portal.models import Agency, Region, User, UserRole
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from tests.factories import AgencyFactory, UserFactory


def test_city_user_never_sees_another_city(semarang_staff, bawaslu_serang):
    AgencyFactory(name="Bapenda Kota Serang", region_id="36.73")
    visible = scope_to_jurisdiction(Agency.objects.all(), semarang_staff)
    assert all(agency.region_id.startswith("33.74") for agency in visible)
    assert not visible.filter(region__code__startswith="36.73").exists()


def test_provincial_user_sees_the_cities_below(jateng_staff, bawaslu_semarang, bawaslu_serang):
    visible = set(scope_to_jurisdiction(Agency.objects.all(), jateng_staff))
    assert bawaslu_semarang in visible
    assert bawaslu_serang not in visible


def test_region_scope_uses_the_code(semarang_staff):
    regions = scope_to_jurisdiction(Region.objects.all(), semarang_staff)
    assert regions.count() == 1 + 16 + 177
    assert not regions.filter(code="33").exists()


def test_user_without_agency_sees_nothing(regions):
    user = UserFactory(agency=None, role=UserRole.VIEWER)
    assert user_jurisdiction(user).is_empty
    assert not scope_to_jurisdiction(Region.objects.all(), user).exists()


def test_superuser_sees_the_whole_country(portal_admin):
    assert user_jurisdiction(portal_admin).nationwide
    assert (
        scope_to_jurisdiction(Region.objects.all(), portal_admin).count() == Region.objects.count()
    )


def test_other_citys_agency_is_404(client_for, semarang_staff, bawaslu_serang):
    response = client_for(semarang_staff).get(f"/lembaga/{bawaslu_serang.pk}/")
    assert response.status_code == 404


def test_other_citys_region_is_404(client_for, semarang_staff):
    response = client_for(semarang_staff).get("/wilayah/36.73/")
    assert response.status_code == 404


def test_provincial_user_opens_semarang(client_for, jateng_staff, bawaslu_semarang):
    client = client_for(jateng_staff)
    assert client.get(f"/lembaga/{bawaslu_semarang.pk}/").status_code == 200
    assert client.get("/wilayah/33.74.01/").status_code == 200


def test_jurisdiction_is_computed_once_per_user_object(semarang_staff, django_assert_num_queries):
    user = User.objects.get(pk=semarang_staff.pk)
    with django_assert_num_queries(1):
        user_jurisdiction(user)
        user_jurisdiction(user)
