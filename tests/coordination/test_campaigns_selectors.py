"""Selectors: coverage numbers, program progress, campaign status and partner scoping."""

import datetime

import pytest

from bawaslu_portal.models import Region, UserRole
from coordination import selectors
from coordination.models import (
    DesignationKind,
    DesignationStatus,
    MeetingKind,
    MeetingStatus,
    ProgramLevel,
)
from tests.factories import AgencyFactory, MeetingFactory, UserFactory
from tests.factories.campaigns import (
    DeclarationCampaignFactory,
    DeclarationFactory,
    DeclarationSignatoryFactory,
    KelurahanDesignationFactory,
    ProgramFactory,
    ProgramTargetFactory,
    WorkingGroupFactory,
    WorkingGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


def _designate(codes, kind_name="Kelurahan Anti Politik Uang", **kwargs):
    kind = DesignationKind.objects.get(name=kind_name)
    return [KelurahanDesignationFactory(kind=kind, kelurahan_id=code, **kwargs) for code in codes]


def _first_kelurahan(count):
    return list(
        Region.objects.filter(depth=4, code__startswith="33.74.")
        .order_by("code")
        .values_list("code", flat=True)[:count]
    )


def test_coverage_counts_10_of_177_for_semarang(semarang_staff):
    """Ten designated kelurahan of Semarang's 177 is 5.6% coverage."""
    codes = _first_kelurahan(10)
    _designate(codes[:6])
    _designate(codes[6:], "Kelurahan Pengawasan")
    coverage = selectors.designation_coverage(user=semarang_staff)
    assert [(row.region.code, row.designated, row.total) for row in coverage.cities] == [
        ("33.74", 10, 177)
    ]
    assert coverage.cities[0].percent == 5.6
    assert len(coverage.kecamatan) == 16
    assert sum(row.total for row in coverage.kecamatan) == 177
    assert sum(row.designated for row in coverage.kecamatan) == 10


def test_coverage_counts_a_kelurahan_once_and_ignores_revoked(semarang_staff):
    """Two kinds on one kelurahan count once; revoked and proposed ones do not count."""
    code = _first_kelurahan(1)[0]
    _designate([code])
    _designate([code], "Kelurahan Pengawasan")
    second, third = _first_kelurahan(3)[1:]
    _designate([second], status=DesignationStatus.DICABUT)
    _designate([third], status=DesignationStatus.USULAN)
    coverage = selectors.designation_coverage(user=semarang_staff)
    assert coverage.cities[0].designated == 1
    kind = DesignationKind.objects.get(name="Kelurahan Pengawasan")
    assert selectors.designation_coverage(user=semarang_staff, kind=kind).cities[0].designated == 1


def test_coverage_of_a_province_lists_its_cities_only(jateng_staff, serang_staff):
    """Bawaslu Jawa Tengah sees Semarang, not Serang; Serang sees only Serang."""
    _designate(_first_kelurahan(2))
    province = selectors.designation_coverage(user=jateng_staff)
    assert [row.region.code for row in province.cities] == ["33.74"]
    assert province.kecamatan  # the only city's kecamatan are shown
    serang = selectors.designation_coverage(user=serang_staff)
    assert [(row.region.code, row.designated) for row in serang.cities] == [("36.73", 0)]


def _held(program, region_id, kind=MeetingKind.SOSIALISASI, status=MeetingStatus.TERLAKSANA):
    meeting = MeetingFactory(region_id=region_id, kind=kind, status=status)
    program.meetings.add(meeting)
    return meeting


def test_program_progress_counts_held_meetings_per_level_and_region(regions, bawaslu_semarang):
    """38 = 26 at city level + 2 in each of 6 kecamatan; only held meetings count."""
    program = ProgramFactory(owner_agency=bawaslu_semarang)
    ProgramTargetFactory(
        program=program, level=ProgramLevel.KABKOTA, region_id="33.74", target_count=26
    )
    kecamatan = [f"33.74.0{i}" for i in range(1, 7)]
    for code in kecamatan:
        ProgramTargetFactory(
            program=program, level=ProgramLevel.KECAMATAN, region_id=code, target_count=2
        )
    for _ in range(3):
        _held(program, "33.74")
    _held(program, "33.74", status=MeetingStatus.DIRENCANAKAN)
    _held(program, "33.74.01")
    _held(program, "33.74.01")
    _held(program, "33.74.01")  # a third one: counted, but capped for the total
    _held(program, "33.74.02.1001")  # kelurahan level: no kecamatan target counts it
    progress = selectors.program_progress(programs=[program])[program.pk]
    assert progress.target_total == 38
    done = {item.target.region_id: item.done for item in progress.targets}
    assert done["33.74"] == 3
    assert done["33.74.01"] == 3
    assert done["33.74.02"] == 0
    assert progress.done_total == 3 + 2
    assert progress.percent == round(100 * 5 / 38)


def test_program_progress_filters_by_meeting_kind(regions, bawaslu_semarang):
    """A target with a meeting kind counts only meetings of that kind."""
    program = ProgramFactory(owner_agency=bawaslu_semarang)
    ProgramTargetFactory(
        program=program,
        level=ProgramLevel.KABKOTA,
        region_id="33.74",
        target_count=5,
        meeting_kind=MeetingKind.SOSIALISASI,
    )
    _held(program, "33.74")
    _held(program, "33.74", kind=MeetingKind.RAKOR)
    progress = selectors.program_progress(programs=[program])[program.pk]
    assert progress.targets[0].done == 1


def test_program_progress_city_wide_kecamatan_target(regions, bawaslu_semarang):
    """A kecamatan-level target for the whole city counts held meetings in any kecamatan."""
    program = ProgramFactory(owner_agency=bawaslu_semarang)
    ProgramTargetFactory(
        program=program, level=ProgramLevel.KECAMATAN, region_id="33.74", target_count=16
    )
    _held(program, "33.74.01")
    _held(program, "33.74.16")
    _held(program, "33.74")
    assert selectors.program_progress(programs=[program])[program.pk].targets[0].done == 2


def test_campaign_overview_lists_every_kecamatan(regions, semarang_staff):
    """All 16 kecamatan are listed: held (dated up to today), planned (later) or not held."""
    campaign = DeclarationCampaignFactory(region_id="33.74")
    today = datetime.date(2023, 9, 10)
    DeclarationFactory(campaign=campaign, region_id="33.74.01", date=datetime.date(2023, 9, 1))
    DeclarationFactory(campaign=campaign, region_id="33.74.02.1001", date=datetime.date(2023, 9, 2))
    DeclarationFactory(campaign=campaign, region_id="33.74.03", date=datetime.date(2023, 9, 15))
    DeclarationFactory(
        campaign=campaign, region_id="33.74", is_culmination=True, date=datetime.date(2023, 9, 20)
    )
    overview = selectors.campaign_overview(user=semarang_staff, campaign=campaign, today=today)
    assert len(overview.rows) == 16
    by_code = {row.kecamatan.code: row for row in overview.rows}
    assert by_code["33.74.01"].held
    assert by_code["33.74.02"].held  # held in one of its kelurahan
    assert by_code["33.74.03"].planned and not by_code["33.74.03"].held
    assert not by_code["33.74.04"].declarations
    assert overview.held_count == 2
    assert len(overview.not_held) == 14
    assert [d.region_id for d in overview.culminations] == ["33.74"]


def test_partner_sees_only_declarations_of_their_agency(semarang_partner, pemkot_semarang):
    """A partner sees declarations their agency organised or signed, not the others."""
    organised = DeclarationFactory(organiser=pemkot_semarang)
    signed = DeclarationFactory(signatory_agencies=[pemkot_semarang])
    signed_by_person = DeclarationFactory()
    DeclarationSignatoryFactory(declaration=signed_by_person, agency=pemkot_semarang)
    DeclarationFactory()
    visible = set(selectors.declaration_list(user=semarang_partner))
    assert visible == {organised, signed, signed_by_person}


def test_partner_sees_only_pokja_of_their_agency(semarang_partner, pemkot_semarang):
    """A partner sees the pokja their agency formed or sits in."""
    owned = WorkingGroupFactory(agency=pemkot_semarang)
    member = WorkingGroupFactory()
    WorkingGroupMemberFactory(group=member, agency=pemkot_semarang)
    WorkingGroupFactory()
    assert set(selectors.working_group_list(user=semarang_partner)) == {owned, member}


def test_public_declarations_only(regions):
    """The public agenda gets public declarations, optionally of one city."""
    public = DeclarationFactory(is_public=True)
    DeclarationFactory(is_public=False)
    serang = DeclarationFactory(
        is_public=True, region_id="36.73", organiser=AgencyFactory(region_id="36.73")
    )
    assert set(selectors.declaration_public_list()) == {public, serang}
    assert list(selectors.declaration_public_list(city_code="33.74")) == [public]


def test_user_without_agency_sees_nothing(regions):
    """A partner account without an agency sees no declarations."""
    user = UserFactory(agency=None, role=UserRole.PARTNER)
    DeclarationFactory()
    assert not selectors.declaration_list(user=user).exists()
