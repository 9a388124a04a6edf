"""Factories for regions' agencies, people, positions and users.

Regions are not faked: tests load the real Kemendagri subtrees they need with
the ``regions`` fixture (Kota Semarang 33.74 and Kota Serang 36.73).
"""

import factory
from factory.django import DjangoModelFactory

from bawaslu_portal.models import Agency, AgencyKind, Person, Position, PositionRole, User, UserRole

TEST_PASSWORD = "test-password-123"


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Lembaga {n}")
    kind = AgencyKind.OPD
    region_id = "33.74"


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name", locale="id_ID")
    phone = factory.Sequence(lambda n: f"08120000{n:04d}")


class PositionRoleFactory(DjangoModelFactory):
    class Meta:
        model = PositionRole
        django_get_or_create = ("name",)

    name = "Lurah"


class PositionFactory(DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    role = factory.SubFactory(PositionRoleFactory)
    region_id = "33.74.01.1001"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.go.id")
    first_name = factory.Faker("first_name", locale="id_ID")
    role = UserRole.STAFF
    agency = factory.SubFactory(AgencyFactory, kind=AgencyKind.BAWASLU_KABKOTA)
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()
