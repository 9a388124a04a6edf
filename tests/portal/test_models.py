"""Constraints and rules of the foundation models."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bawaslu_portal.models import Agency, AgencyKind, Person, Position, Region, User
from tests.factories import AgencyFactory, PersonFactory, PositionFactory, UserFactory


def test_region_labels_and_zone(regions):
    """Regions know their kind, depth, parent and Indonesian label; zones come from the province."""
    kelurahan = Region.objects.get(code="33.74.01.1001")
    assert kelurahan.depth == 4
    assert kelurahan.kind == "kelurahan"
    assert kelurahan.parent_id == "33.74.01"
    assert kelurahan.label == "Kelurahan Miroto"
    assert Region.objects.get(code="33.74").label == "Kota Semarang"
    assert Region.objects.get(code="33").label == "Provinsi Jawa Tengah"
    assert Region.objects.get(code="33.74.01").label == "Kecamatan Semarang Tengah"
    assert kelurahan.timezone == "WIB"
    assert kelurahan.ancestor_codes() == ["33", "33.74", "33.74.01"]


def test_subtree_does_not_match_sibling_prefix(regions):
    """``33.7`` style prefixes never leak: a subtree is the code itself or code + '.'."""
    codes = set(Region.objects.subtree("33.74.01").values_list("code", flat=True))
    assert "33.74.01" in codes
    assert "33.74.010" not in codes
    assert all(code == "33.74.01" or code.startswith("33.74.01.") for code in codes)
    assert Region.objects.subtree("33.74").kelurahan().count() == 177


def test_region_depth_must_match_parent(regions):
    """A kecamatan without a parent is refused by the database."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(code="33.74.99", name="Tanpa Induk", kind="kecamatan")


def test_nip_must_have_18_digits(db):
    person = PersonFactory.build(nip="1234")
    with pytest.raises(ValidationError) as excinfo:
        person.full_clean()
    assert excinfo.value.error_dict["nip"][0].code == "invalid_nip"
    PersonFactory.build(nip="198001012005011001").full_clean()
    PersonFactory.build(nip="").full_clean()


def test_nip_is_unique_when_given(db):
    PersonFactory(nip="198001012005011001")
    PersonFactory(nip="")
    PersonFactory(nip="")  # empty NIPs never collide
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(nip="198001012005011001")
    assert Person.objects.count() == 3


def test_position_end_before_start_is_refused(regions):
    position = PositionFactory.build(
        person=PersonFactory(),
        role=PositionFactory().role,
        start_date="2024-05-01",
        end_date="2024-01-01",
    )
    with pytest.raises(ValidationError) as excinfo:
        position.full_clean()
    assert "end_date" in excinfo.value.error_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        position.save()
    assert Position.objects.count() == 1


def test_agency_name_unique_within_region(regions):
    AgencyFactory(name="Bapenda", region_id="33.74")
    AgencyFactory(name="Bapenda", region_id="36.73")
    with pytest.raises(IntegrityError), transaction.atomic():
        AgencyFactory(name="Bapenda", region_id="33.74")
    assert Agency.objects.filter(name="Bapenda").count() == 2


def test_agency_cannot_be_its_own_parent(regions):
    agency = AgencyFactory(kind=AgencyKind.PEMDA)
    agency.parent = agency
    with pytest.raises(ValidationError):
        agency.full_clean()


def test_user_email_unique_case_insensitively(regions):
    UserFactory(username="a", email="Staf@Example.go.id")
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(username="b", email="staf@example.go.id")
    UserFactory(username="c", email="")
    UserFactory(username="d", email="")
    assert User.objects.count() == 3
