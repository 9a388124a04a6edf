"""The transition table through ``report_transition``: every allowed and every refused move."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bawaslu_portal.models import Region, RegionKind, UserRole
from coordination.models import FollowUpStatus
from reports.models import (
    FollowUpKind,
    ReportFollowUp,
    ReportHistory,
    ReportSource,
    ReportStage,
)
from reports.services.workflow import report_transition
from reports.workflow import (
    DECIDERS,
    FILED_LATE,
    HANDLERS,
    NOT_BLOCKED,
    NOT_EXTENDED,
    NOT_REGISTERED,
    OFFICE_ABOVE,
    PPK_OVERDUE,
    REGISTERED,
    REGISTRABLE,
    TRANSITIONS,
    get_transition,
)
from tests.factories import UserFactory
from tests.factories.reports import ReportFactory

REGISTERED_STAGES = {
    ReportStage.DIREGISTRASI,
    ReportStage.KLARIFIKASI,
    ReportStage.KAJIAN,
    ReportStage.REKOMENDASI_DITERUSKAN,
    ReportStage.DIHENTIKAN,
    ReportStage.TINDAK_LANJUT_PPK,
    ReportStage.PEMBLOKIRAN,
}


@pytest.fixture
def regions(db):
    """Just the regions these tests touch (the full import is slow and not needed here)."""
    for code, name, kind, parent in (
        ("33", "Jawa Tengah", RegionKind.PROVINSI, None),
        ("33.74", "Kota Semarang", RegionKind.KOTA, "33"),
        ("33.74.01", "Semarang Tengah", RegionKind.KECAMATAN, "33.74"),
        ("33.74.01.1001", "Miroto", RegionKind.KELURAHAN, "33.74.01"),
        ("36", "Banten", RegionKind.PROVINSI, None),
        ("36.73", "Kota Serang", RegionKind.KOTA, "36"),
    ):
        Region.objects.create(code=code, name=name, kind=kind, parent_id=parent)


@pytest.fixture
def actors(bawaslu_semarang, bawaslu_jateng, pemkot_semarang):
    """Users per side ("handling" office, office "above") and role, made when first asked for."""

    class Actors:
        offices = {"handling": bawaslu_semarang, "above": bawaslu_jateng}

        def __init__(self):
            self.made = {}

        def __getitem__(self, side):
            if side == "partner":
                return UserFactory(agency=pemkot_semarang, role=UserRole.PARTNER)
            return _Side(self, side)

        def get(self, side, role):
            if (side, role) not in self.made:
                self.made[side, role] = UserFactory(
                    username=f"{side}-{role}", agency=self.offices[side], role=role
                )
            return self.made[side, role]

    class _Side:
        def __init__(self, owner, side):
            self.owner, self.side = owner, side

        def __getitem__(self, role):
            return self.owner.get(self.side, role)

    return Actors()


def report_for(transition, office, **extra):
    """A report in the row's source stage that meets its guard."""
    registered = transition.guard == REGISTERED or (
        transition.guard not in (NOT_REGISTERED, REGISTRABLE)
        and transition.source in REGISTERED_STAGES
    )
    values = {
        "office": office,
        "stage": transition.source,
        "recommendation_number": "001/PM.00.02/K.JT-25/02/2024",
        "recommendation_date": datetime.date(2024, 2, 1),
        "bkn_recommendation_number": "R-12/BKN/2024",
        "bkn_recommendation_date": datetime.date(2024, 3, 1),
    }
    if registered:
        values.update(
            registration_number=f"900/Reg/LP/PL/33.74/I/2024-{transition.key}",
            registration_year=2024,
        )
    if transition.guard == NOT_EXTENDED:
        values["handling_extended"] = False
    if transition.guard == FILED_LATE:
        values.update(filed_late=True, source=ReportSource.LAPORAN)
    if transition.guard == PPK_OVERDUE:
        values["deadline"] = datetime.date(2024, 4, 1)
    if transition.source == ReportStage.PEMBLOKIRAN:
        values.update(
            block_request_number="800/BLK/2024", block_request_date=datetime.date(2024, 4, 10)
        )
    values.update(extra)
    return ReportFactory(**values)


def valid_fields(transition, *, bawaslu_jateng, pemkot_semarang):
    samples = {
        "note": "Catatan petugas.",
        "reason": "Tidak memenuhi syarat materiel.",
        "target_office": bawaslu_jateng,
        "recommendation_number": "002/PM.00.02/K.JT-25/02/2024",
        "recommendation_date": datetime.date(2024, 2, 20),
        "bkn_recommendation_number": "R-34/BKN/2024",
        "bkn_recommendation_date": datetime.date(2024, 3, 15),
        "ppk_agency": pemkot_semarang,
        "ppk_sanction": "sedang_6",
        "ppk_decision_number": "800/123/2024",
        "ppk_decision_date": datetime.date(2024, 4, 22),
        "block_request_number": "800/BLK/2024",
        "block_request_date": datetime.date(2024, 3, 20),
        "blocked_on": datetime.date(2024, 4, 25),
    }
    note = samples["note"]
    fields = {name: samples[name] for name in transition.fields if name != "note"}
    return note, fields


def actor_for(transition, actors):
    side = "above" if transition.acting_for == OFFICE_ABOVE else "handling"
    return actors[side][UserRole.COMMISSIONER]


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: t.key)
def test_every_allowed_transition_applies(
    transition, actors, bawaslu_semarang, bawaslu_jateng, pemkot_semarang
):
    """Each row moves the report, writes one history row and bumps the version."""
    report = report_for(transition, bawaslu_semarang)
    note, fields = valid_fields(
        transition, bawaslu_jateng=bawaslu_jateng, pemkot_semarang=pemkot_semarang
    )
    actor = actor_for(transition, actors)

    updated = report_transition(
        actor=actor,
        report=report,
        to_stage=transition.target,
        expected_version=report.version,
        note=note,
        **fields,
    )

    updated.refresh_from_db()
    assert updated.stage == transition.target
    assert updated.version == report.version + 1
    entry = ReportHistory.objects.get(report=report)
    assert (entry.from_stage, entry.to_stage, entry.actor) == (
        transition.source,
        transition.target,
        actor,
    )
    assert entry.office == updated.office
    if transition.closes:
        assert updated.deadline is None
        assert updated.closed_at is not None
    elif transition.deadline:
        assert updated.deadline_step == transition.deadline
        assert updated.deadline is not None
    if "target_office" in fields:
        assert updated.office == bawaslu_jateng


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (source, target)
        for source in ReportStage.values
        for target in ReportStage.values
        if get_transition(source, target) is None
    ],
)
def test_every_move_outside_the_table_is_refused(source, target, semarang_commissioner):
    """A (from, to) pair that is not a row of the table is refused and nothing changes."""
    report = ReportFactory(office=semarang_commissioner.agency, stage=source)

    with pytest.raises(ValidationError) as caught:
        report_transition(
            actor=semarang_commissioner,
            report=report,
            to_stage=target,
            expected_version=report.version,
            note="x",
        )

    assert caught.value.code == "illegal_transition"
    report.refresh_from_db()
    assert (report.stage, report.version) == (source, 1)
    assert not ReportHistory.objects.filter(report=report).exists()


def _refused_roles():
    for transition in TRANSITIONS:
        for role in UserRole.values:
            if role not in transition.roles:
                yield pytest.param(transition, role, id=f"{transition.key}-{role}")


@pytest.mark.parametrize(("transition", "role"), list(_refused_roles()))
def test_every_role_outside_the_row_is_refused(
    transition, role, actors, bawaslu_semarang, bawaslu_jateng, pemkot_semarang
):
    """A user of the right office whose role the row does not list gets a 403."""
    report = report_for(transition, bawaslu_semarang)
    note, fields = valid_fields(
        transition, bawaslu_jateng=bawaslu_jateng, pemkot_semarang=pemkot_semarang
    )
    side = "above" if transition.acting_for == OFFICE_ABOVE else "handling"

    with pytest.raises(PermissionDenied):
        report_transition(
            actor=actors[side][role],
            report=report,
            to_stage=transition.target,
            expected_version=report.version,
            note=note,
            **fields,
        )
    report.refresh_from_db()
    assert report.stage == transition.source


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: t.key)
def test_every_row_refuses_the_wrong_office(
    transition, actors, bawaslu_semarang, bawaslu_jateng, pemkot_semarang
):
    """Handling rows refuse the office above; take-overs refuse the handling office itself."""
    report = report_for(transition, bawaslu_semarang)
    note, fields = valid_fields(
        transition, bawaslu_jateng=bawaslu_jateng, pemkot_semarang=pemkot_semarang
    )
    wrong_side = "handling" if transition.acting_for == OFFICE_ABOVE else "above"

    with pytest.raises(PermissionDenied):
        report_transition(
            actor=actors[wrong_side][UserRole.COMMISSIONER],
            report=report,
            to_stage=transition.target,
            expected_version=report.version,
            note=note,
            **fields,
        )


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: t.key)
def test_every_row_refuses_an_office_outside_the_jurisdiction(
    transition, bawaslu_semarang, bawaslu_jateng, pemkot_semarang, serang_staff
):
    """Bawaslu Kota Serang cannot act on a Semarang report at all."""
    report = report_for(transition, bawaslu_semarang)
    note, fields = valid_fields(
        transition, bawaslu_jateng=bawaslu_jateng, pemkot_semarang=pemkot_semarang
    )
    serang_staff.role = UserRole.COMMISSIONER

    with pytest.raises(PermissionDenied):
        report_transition(
            actor=serang_staff,
            report=report,
            to_stage=transition.target,
            expected_version=report.version,
            note=note,
            **fields,
        )


def _required_fields():
    for transition in TRANSITIONS:
        for name in transition.required:
            yield pytest.param(transition, name, id=f"{transition.key}-{name}")


@pytest.mark.parametrize(("transition", "missing"), list(_required_fields()))
def test_every_required_field_is_enforced(
    transition, missing, actors, bawaslu_semarang, bawaslu_jateng, pemkot_semarang
):
    """Leaving out a required field is a ``required`` error on that field; nothing changes."""
    report = report_for(transition, bawaslu_semarang)
    note, fields = valid_fields(
        transition, bawaslu_jateng=bawaslu_jateng, pemkot_semarang=pemkot_semarang
    )
    if missing == "note":
        note = "   "
    else:
        fields[missing] = "" if isinstance(fields[missing], str) else None

    with pytest.raises(ValidationError) as caught:
        report_transition(
            actor=actor_for(transition, actors),
            report=report,
            to_stage=transition.target,
            expected_version=report.version,
            note=note,
            **fields,
        )

    assert [error.code for error in caught.value.error_dict[missing]] == ["required"]
    report.refresh_from_db()
    assert report.version == 1


@pytest.mark.parametrize("transition", [t for t in TRANSITIONS if t.guard], ids=lambda t: t.key)
def test_every_guard_is_enforced(
    transition, actors, bawaslu_semarang, bawaslu_jateng, pemkot_semarang
):
    """Registering twice, continuing an unregistered case, or extending twice is refused."""
    broken = {
        REGISTERED: {"registration_number": ""},
        NOT_REGISTERED: {"registration_number": "001/Reg/LP/PL/33.74/I/2024"},
        NOT_EXTENDED: {"handling_extended": True},
        REGISTRABLE: {"filed_late": True, "source": ReportSource.LAPORAN},
        FILED_LATE: {"filed_late": False},
        PPK_OVERDUE: {"deadline": datetime.date(2099, 1, 1)},
        NOT_BLOCKED: {"blocked_on": datetime.date(2024, 4, 20)},
    }[transition.guard]
    report = report_for(transition, bawaslu_semarang, **broken)
    note, fields = valid_fields(
        transition, bawaslu_jateng=bawaslu_jateng, pemkot_semarang=pemkot_semarang
    )

    with pytest.raises(ValidationError) as caught:
        report_transition(
            actor=actor_for(transition, actors),
            report=report,
            to_stage=transition.target,
            expected_version=report.version,
            note=note,
            **fields,
        )
    assert caught.value.code == "guard"


def test_table_roles_are_bawaslu_roles_only():
    """Partners and viewers never appear in the table."""
    for transition in TRANSITIONS:
        assert transition.roles <= HANDLERS
        assert UserRole.PARTNER not in transition.roles
    outcome = get_transition(ReportStage.KAJIAN, ReportStage.REKOMENDASI_DITERUSKAN)
    assert outcome.roles == DECIDERS


def test_partner_official_cannot_act(actors, bawaslu_semarang):
    """A partner official of the city government is refused every step."""
    report = ReportFactory(office=bawaslu_semarang)
    with pytest.raises(PermissionDenied):
        report_transition(
            actor=actors["partner"],
            report=report,
            to_stage=ReportStage.KAJIAN_AWAL,
            expected_version=1,
        )


def test_withdrawal_turns_the_report_into_informasi_awal(semarang_staff):
    """A withdrawn laporan stays on file as informasi awal, with no running deadline."""
    report = ReportFactory(office=semarang_staff.agency)

    report = report_transition(
        actor=semarang_staff,
        report=report,
        to_stage=ReportStage.DICABUT,
        expected_version=1,
        reason="Pelapor mencabut laporan secara tertulis.",
    )

    assert report.source == ReportSource.INFORMASI_AWAL
    assert report.deadline is None
    assert report.end_reason == "Pelapor mencabut laporan secara tertulis."


def test_follow_through_opens_and_closes_follow_ups(
    semarang_commissioner, pemkot_semarang, bawaslu_semarang
):
    """Recommendation → BKN → PPK → selesai: each step opens or closes a linked follow-up."""
    report = ReportFactory(
        office=bawaslu_semarang,
        stage=ReportStage.KAJIAN,
        registration_number="001/Reg/LP/PL/33.74/I/2024",
    )
    report = report_transition(
        actor=semarang_commissioner,
        report=report,
        to_stage=ReportStage.REKOMENDASI_DITERUSKAN,
        expected_version=report.version,
        recommendation_number="010/PM/2024",
        recommendation_date=datetime.date(2024, 2, 1),
    )
    bkn = ReportFollowUp.objects.get(report=report, kind=FollowUpKind.BKN_RECOMMENDATION)
    assert bkn.follow_up.responsible_agency == bawaslu_semarang
    assert bkn.follow_up.due_date == report.deadline
    assert bkn.follow_up.region_id == report.region_id
    assert report.reported_name not in bkn.follow_up.title

    report = report_transition(
        actor=semarang_commissioner,
        report=report,
        to_stage=ReportStage.TINDAK_LANJUT_PPK,
        expected_version=report.version,
        bkn_recommendation_number="R-1/BKN/2024",
        bkn_recommendation_date=datetime.date(2024, 2, 20),
        ppk_agency=pemkot_semarang,
    )
    bkn.follow_up.refresh_from_db()
    assert bkn.follow_up.status == FollowUpStatus.SELESAI
    ppk = ReportFollowUp.objects.get(report=report, kind=FollowUpKind.PPK_DECISION)
    assert ppk.follow_up.responsible_agency == pemkot_semarang
    assert ppk.follow_up.is_open
    assert ppk.follow_up.due_date == report.deadline

    report = report_transition(
        actor=semarang_commissioner,
        report=report,
        to_stage=ReportStage.SELESAI,
        expected_version=report.version,
        ppk_sanction="sedang_12",
        ppk_decision_date=datetime.date(2024, 3, 10),
    )
    ppk.follow_up.refresh_from_db()
    assert ppk.follow_up.status == FollowUpStatus.SELESAI
    assert report.is_closed
    assert report.deadline is None


def test_take_over_keeps_both_offices_in_the_history(bawaslu_semarang, jateng_staff):
    """The provincial office takes a case over; the history names the office after each step."""
    jateng_staff.role = UserRole.COMMISSIONER
    jateng_staff.save()
    report = ReportFactory(office=bawaslu_semarang, stage=ReportStage.KAJIAN_AWAL)

    report = report_transition(
        actor=jateng_staff,
        report=report,
        to_stage=ReportStage.DIAMBIL_ALIH,
        expected_version=1,
        note="Diambil alih karena melibatkan pejabat provinsi.",
        target_office=jateng_staff.agency,
    )

    assert report.office == jateng_staff.agency
    entry = ReportHistory.objects.get(report=report)
    assert entry.office == jateng_staff.agency
    assert entry.data["target_office"]["id"] == jateng_staff.agency.pk


def test_forward_refuses_an_office_that_does_not_cover_the_incident(semarang_staff, bawaslu_serang):
    """Forwarding a Semarang case to Bawaslu Kota Serang is refused on the field."""
    report = ReportFactory(office=semarang_staff.agency, stage=ReportStage.KAJIAN_AWAL)
    with pytest.raises(ValidationError) as caught:
        report_transition(
            actor=semarang_staff,
            report=report,
            to_stage=ReportStage.DILIMPAHKAN,
            expected_version=1,
            note="x",
            target_office=bawaslu_serang,
        )
    assert caught.value.error_dict["target_office"][0].code == "office_outside_region"


def test_future_dates_are_refused(semarang_commissioner):
    """A recommendation letter dated tomorrow is refused."""
    report = ReportFactory(
        office=semarang_commissioner.agency,
        stage=ReportStage.KAJIAN,
        registration_number="001/Reg/LP/PL/33.74/I/2024",
    )
    with pytest.raises(ValidationError) as caught:
        report_transition(
            actor=semarang_commissioner,
            report=report,
            to_stage=ReportStage.REKOMENDASI_DITERUSKAN,
            expected_version=1,
            recommendation_number="1/2099",
            recommendation_date=datetime.date(2099, 1, 1),
        )
    assert caught.value.error_dict["recommendation_date"][0].code == "future_date"
