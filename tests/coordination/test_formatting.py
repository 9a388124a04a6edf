"""coordination.formatting: how attendees' positions are written without saying anything twice."""

import pytest

from bawaslu_portal.models import Agency, Person
from coordination.formatting import (
    attendee_affiliation,
    attendee_name_is_position,
    position_with_agency,
    says,
)
from coordination.models import MeetingAttendee


@pytest.mark.parametrize(
    ("position", "agency", "printed"),
    [
        ("Kepala Bidang", "Pemerintah Kota Semarang", "Kepala Bidang, Pemerintah Kota Semarang"),
        ("Ketua Bawaslu Kota Semarang", "Bawaslu Kota Semarang", "Ketua Bawaslu Kota Semarang"),
        ("ketua  BAWASLU kota semarang", "Bawaslu Kota Semarang", "ketua  BAWASLU kota semarang"),
        ("Bawaslu Kota Semarang", "Bawaslu Kota Semarang", "Bawaslu Kota Semarang"),
        ("Camat", "Kecamatan Tugu", "Camat, Kecamatan Tugu"),
        ("", "Pemerintah Kota Semarang", "Pemerintah Kota Semarang"),
        ("Wali Kota", "", "Wali Kota"),
        ("", "", ""),
    ],
)
def test_position_with_agency_says_each_part_once(position, agency, printed):
    assert position_with_agency(position, agency) == printed


def test_position_with_agency_on_two_lines_for_a_signature():
    assert position_with_agency("Kepala Bidang", "Bapenda", separator="\n") == (
        "Kepala Bidang\nBapenda"
    )


def test_says_matches_whole_words_only():
    """ "Camat" is a word of "Camat Tugu", not of "Kecamatan Tugu"."""
    assert says("Camat Tugu", "camat")
    assert not says("Kecamatan Tugu", "Camat")
    assert says("Ketua Bawaslu Kota Semarang", "Bawaslu Kota Semarang")
    assert not says("Ketua Bawaslu", "Bawaslu Kota Semarang")


def _attendee(name, position, agency_name=None):
    agency = Agency(name=agency_name) if agency_name else None
    return MeetingAttendee(person=Person(name=name), agency=agency, position_title=position)


def test_affiliation_of_a_person_recorded_by_their_office_is_the_agency():
    """Name "Kepala Bapenda Kota Semarang" = position: beside it only the agency is printed."""
    attendee = _attendee(
        "Kepala Bapenda Kota Semarang",
        "Kepala Bapenda Kota Semarang",
        "Badan Pendapatan Daerah Kota Semarang",
    )
    assert attendee_name_is_position(attendee)
    assert attendee_affiliation(attendee) == "Badan Pendapatan Daerah Kota Semarang"


def test_affiliation_of_a_named_person():
    attendee = _attendee("Arief Rahman", "Ketua Bawaslu Kota Semarang", "Bawaslu Kota Semarang")
    assert not attendee_name_is_position(attendee)
    assert attendee_affiliation(attendee) == "Ketua Bawaslu Kota Semarang"
    assert attendee_affiliation(_attendee("Budi", "Kepala Bidang")) == "Kepala Bidang"
    assert attendee_affiliation(_attendee("Budi", "")) == ""
