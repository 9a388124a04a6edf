"""Services of declarations, campaigns, designations, programs and pokja."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from bawaslu_portal.models import Region
from coordination import services
from coordination.models import (
    Declaration,
    DeclarationKind,
    DesignationKind,
    DesignationStatus,
    ProgramLevel,
    WorkingGroupRole,
)
from tests.factories import AgencyFactory, MeetingFactory
from tests.factories.campaigns import (
    DeclarationCampaignFactory,
    DeclarationFactory,
    KelurahanDesignationFactory,
    ProgramFactory,
    WorkingGroupFactory,
)

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)

pytestmark = pytest.mark.django_db


def _region(code):
    return Region.objects.get(code=code)


def _declaration_kwargs(organiser, **overrides):
    data = {
        "kind": DeclarationKind.NETRALITAS_ASN,
        "title": "Deklarasi Netralitas ASN Kecamatan Tugu",
        "date": datetime.date(2023, 9, 5),
        "region": _region("33.74.16"),
        "organiser": organiser,
        "place": "Kantor Kecamatan Tugu",
    }
    data.update(overrides)
    return data


def test_declaration_create_records_signatories_in_order(semarang_staff, bawaslu_semarang):
    """Signatories are kept in order, with the agency they signed for; names become people."""
    declaration = services.declaration_create(
        actor=semarang_staff,
        **_declaration_kwargs(bawaslu_semarang),
        signatory_agencies=[bawaslu_semarang],
        signatories=[
            {"name": "Camat Tugu", "agency": None, "position_title": "Camat"},
            {"name": "Arief Rahman", "agency": bawaslu_semarang, "position_title": "Ketua"},
        ],
    )
    rows = list(declaration.signatories.select_related("person"))
    assert [row.person.name for row in rows] == ["Camat Tugu", "Arief Rahman"]
    assert rows[1].agency == bawaslu_semarang
    assert list(declaration.signatory_agencies.all()) == [bawaslu_semarang]
    assert declaration.created_by == semarang_staff


def test_declaration_same_signatory_twice_is_refused(semarang_staff, bawaslu_semarang):
    """One person cannot sign the same declaration twice."""
    with pytest.raises(ValidationError) as error:
        services.declaration_create(
            actor=semarang_staff,
            **_declaration_kwargs(bawaslu_semarang),
            signatories=[{"name": "Camat Tugu"}, {"name": "camat  tugu"}],
        )
    assert error.value.code == "duplicate_signatory"


def test_declaration_outside_jurisdiction_is_refused(serang_staff, bawaslu_serang):
    """A Serang official cannot record a declaration in Semarang."""
    with pytest.raises(ValidationError) as error:
        services.declaration_create(actor=serang_staff, **_declaration_kwargs(bawaslu_serang))
    assert error.value.error_dict["region"][0].code == "outside_jurisdiction"


def test_declaration_at_province_level_is_refused(jateng_staff, bawaslu_jateng):
    """A declaration is held in a city, kecamatan or kelurahan, never a whole province."""
    with pytest.raises(ValidationError) as error:
        services.declaration_create(
            actor=jateng_staff, **_declaration_kwargs(bawaslu_jateng, region=_region("33"))
        )
    assert error.value.error_dict["region"][0].code == "wrong_level"


def test_culmination_needs_a_campaign(semarang_staff, bawaslu_semarang):
    """Only a campaign's declaration can be its culmination."""
    with pytest.raises(ValidationError) as error:
        services.declaration_create(
            actor=semarang_staff, **_declaration_kwargs(bawaslu_semarang, is_culmination=True)
        )
    assert error.value.error_dict["is_culmination"][0].code == "culmination_without_campaign"


def test_declaration_must_lie_in_its_campaign_city(semarang_staff, bawaslu_semarang):
    """A Semarang campaign cannot hold a Serang declaration."""
    campaign = DeclarationCampaignFactory(region_id="33.74")
    with pytest.raises(ValidationError) as error:
        services.declaration_create(
            actor=None,
            **_declaration_kwargs(bawaslu_semarang, region=_region("36.73"), campaign=campaign),
        )
    assert error.value.error_dict["campaign"][0].code == "outside_campaign"


def test_declaration_update_replaces_signatories(semarang_staff, bawaslu_semarang):
    """Editing replaces the list of signatories."""
    declaration = services.declaration_create(
        actor=semarang_staff,
        **_declaration_kwargs(bawaslu_semarang),
        signatories=[{"name": "Camat Tugu"}],
    )
    services.declaration_update(
        actor=semarang_staff,
        declaration=declaration,
        **_declaration_kwargs(bawaslu_semarang, title="Deklarasi (diperbaiki)"),
        signatories=[{"name": "Lurah Mangkang Wetan"}],
    )
    declaration.refresh_from_db()
    assert declaration.title == "Deklarasi (diperbaiki)"
    assert [s.person.name for s in declaration.signatories.all()] == ["Lurah Mangkang Wetan"]


def test_document_disguised_as_image_is_refused(semarang_staff, settings, tmp_path):
    """An HTML page renamed .jpg is refused by its content."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    declaration = DeclarationFactory()
    upload = SimpleUploadedFile("foto.jpg", b"<html><script>alert(1)</script></html>")
    with pytest.raises(ValidationError) as error:
        services.declaration_document_add(
            actor=semarang_staff, declaration=declaration, upload=upload
        )
    assert error.value.code == "unsupported_type"
    assert not declaration.documents.exists()


def test_document_is_stored_under_a_random_name(semarang_staff, settings, tmp_path):
    """A real image is stored under declarations/<random>.png, keeping its original name apart."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    declaration = DeclarationFactory()
    document = services.declaration_document_add(
        actor=semarang_staff,
        declaration=declaration,
        upload=SimpleUploadedFile("../../foto deklarasi.png", PNG),
        kind="foto",
    )
    assert document.file.name.startswith("declarations/")
    assert document.file.name.endswith(".png")
    assert "foto" not in document.file.name
    assert document.original_name == "foto_deklarasi.png"
    assert document.content_type == "image/png"


def test_declaration_and_its_document_are_saved_together(
    semarang_staff, bawaslu_semarang, settings, tmp_path
):
    """A document filed with the declaration is attached; a refused one records nothing."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    declaration = services.declaration_create(
        actor=semarang_staff,
        **_declaration_kwargs(bawaslu_semarang),
        document=SimpleUploadedFile("naskah.png", PNG),
        document_kind="naskah",
    )
    assert [d.kind for d in declaration.documents.all()] == ["naskah"]
    bad = SimpleUploadedFile("foto.jpg", b"<html><script>alert(1)</script></html>")
    with pytest.raises(ValidationError):
        services.declaration_create(
            actor=semarang_staff,
            **_declaration_kwargs(bawaslu_semarang, title="Kedua"),
            document=bad,
        )
    assert not Declaration.objects.filter(title="Kedua").exists()


def test_campaign_must_cover_a_city(semarang_staff):
    """A campaign is city-wide: a kecamatan is the wrong level."""
    with pytest.raises(ValidationError) as error:
        services.campaign_create(
            actor=semarang_staff,
            name="Deklarasi",
            kind=DeclarationKind.NETRALITAS_ASN,
            region=_region("33.74.01"),
        )
    assert error.value.error_dict["region"][0].code == "wrong_level"


def test_designation_on_a_kecamatan_is_refused(semarang_staff):
    """Only a kelurahan/desa (depth 4) can be designated."""
    with pytest.raises(ValidationError) as error:
        services.designation_create(
            actor=semarang_staff,
            kind=DesignationKind.objects.get(name="Kelurahan Anti Politik Uang"),
            kelurahan=_region("33.74.01"),
            date=datetime.date(2023, 8, 17),
        )
    assert error.value.error_dict["kelurahan"][0].code == "wrong_level"


def test_designation_twice_of_the_same_kind_is_refused(semarang_staff):
    """A kelurahan has each kind of designation at most once."""
    kind = DesignationKind.objects.get(name="Kelurahan Pengawasan")
    kelurahan = _region("33.74.01.1001")
    services.designation_create(
        actor=semarang_staff, kind=kind, kelurahan=kelurahan, date=datetime.date(2023, 8, 1)
    )
    with pytest.raises(ValidationError):
        services.designation_create(
            actor=semarang_staff, kind=kind, kelurahan=kelurahan, date=datetime.date(2023, 9, 1)
        )


def test_designation_kinds_are_seeded(db):
    """The migration seeds both designation kinds of the source story."""
    names = set(DesignationKind.objects.values_list("name", flat=True))
    assert {"Kelurahan Anti Politik Uang", "Kelurahan Pengawasan"} <= names


def test_designation_revoke_sets_status_and_date(semarang_staff, regions):
    """Revoking keeps the record, marks it dicabut with the date and appends the reason."""
    designation = KelurahanDesignationFactory(notes="SK Wali Kota")
    services.designation_revoke(
        actor=semarang_staff,
        designation=designation,
        date=datetime.date(2024, 1, 10),
        reason="Lurah mengundurkan diri",
    )
    designation.refresh_from_db()
    assert designation.status == DesignationStatus.DICABUT
    assert designation.revoked_on == datetime.date(2024, 1, 10)
    assert designation.notes == "SK Wali Kota\nLurah mengundurkan diri"
    with pytest.raises(ValidationError) as error:
        services.designation_revoke(actor=semarang_staff, designation=designation)
    assert error.value.code == "already_revoked"


def _program_kwargs(agency, **overrides):
    data = {
        "name": "Sosialisasi Pilkada 2024",
        "owner_agency": agency,
        "region": _region("33.74"),
        "period_start": datetime.date(2024, 5, 1),
        "period_end": datetime.date(2024, 11, 26),
    }
    data.update(overrides)
    return data


def test_program_create_with_targets(semarang_staff, bawaslu_semarang):
    """A program keeps its targets in order."""
    program = services.program_create(
        actor=semarang_staff,
        **_program_kwargs(bawaslu_semarang),
        targets=[
            {"level": ProgramLevel.KABKOTA, "region": _region("33.74"), "target_count": 26},
            {"level": ProgramLevel.KECAMATAN, "region": _region("33.74.01"), "target_count": 2},
        ],
    )
    assert [(t.level, t.target_count) for t in program.targets.all()] == [
        ("kabkota", 26),
        ("kecamatan", 2),
    ]


def test_program_period_ending_before_start_is_refused(semarang_staff, bawaslu_semarang):
    """The period cannot end before it starts."""
    with pytest.raises(ValidationError) as error:
        services.program_create(
            actor=semarang_staff,
            **_program_kwargs(bawaslu_semarang, period_end=datetime.date(2024, 4, 1)),
        )
    assert error.value.error_dict["period_end"][0].code == "end_before_start"


@pytest.mark.parametrize(
    ("target", "code"),
    [
        ({"level": "kabkota", "region": "36.73", "target_count": 3}, "target_outside_program"),
        ({"level": "kecamatan", "region": "33.74.01", "target_count": 0}, "not_positive"),
        ({"level": "kecamatan", "region": "33.74.01.1001", "target_count": 1}, "wrong_level"),
    ],
)
def test_program_bad_targets_are_refused(semarang_staff, bawaslu_semarang, target, code):
    """Targets lie in the program's region, count at least 1 and fit their level."""
    target = {**target, "region": _region(target["region"])}
    with pytest.raises(ValidationError) as error:
        services.program_create(
            actor=semarang_staff, **_program_kwargs(bawaslu_semarang), targets=[target]
        )
    codes = (
        {e.code for e in error.value.error_list} if hasattr(error.value, "error_list") else set()
    )
    if hasattr(error.value, "error_dict"):
        codes |= {e.code for errors in error.value.error_dict.values() for e in errors}
    assert code in codes


def test_program_links_only_meetings_in_its_region(semarang_staff, bawaslu_semarang, regions):
    """Meetings of another city cannot count for a Semarang program."""
    program = ProgramFactory(owner_agency=bawaslu_semarang)
    inside = MeetingFactory(region_id="33.74.01")
    services.program_set_meetings(actor=semarang_staff, program=program, meetings=[inside])
    assert list(program.meetings.all()) == [inside]
    outside = MeetingFactory(region_id="36.73")
    with pytest.raises(ValidationError) as error:
        services.program_set_meetings(actor=None, program=program, meetings=[inside, outside])
    assert error.value.code == "meeting_outside_program"


def test_working_group_members_and_duplicates(semarang_staff, bawaslu_semarang, pemkot_semarang):
    """A pokja keeps members with their agency and role; a person cannot be listed twice."""
    group = services.working_group_create(
        actor=semarang_staff,
        name="Pokja Netralitas ASN",
        agency=bawaslu_semarang,
        region=_region("33.74"),
        decree_number="01/PP.01/K.JT-23/2024",
        decree_date=datetime.date(2024, 11, 21),
        members=[
            {"name": "Arief Rahman", "agency": bawaslu_semarang, "role": WorkingGroupRole.KETUA},
            {"name": "Asisten Pemerintahan", "agency": pemkot_semarang, "role": "anggota"},
        ],
    )
    assert [(m.person.name, m.role) for m in group.members.all()] == [
        ("Arief Rahman", "ketua"),
        ("Asisten Pemerintahan", "anggota"),
    ]
    with pytest.raises(ValidationError) as error:
        services.working_group_update(
            actor=semarang_staff,
            group=group,
            name=group.name,
            agency=bawaslu_semarang,
            region=_region("33.74"),
            members=[{"name": "Arief Rahman"}, {"name": "Arief Rahman"}],
        )
    assert error.value.code == "duplicate_member"


def test_working_group_outside_jurisdiction_is_refused(serang_staff):
    """A Serang official cannot form a pokja for Semarang."""
    with pytest.raises(ValidationError) as error:
        services.working_group_create(
            actor=serang_staff,
            name="Pokja",
            agency=AgencyFactory(region_id="36.73"),
            region=_region("33.74"),
        )
    assert error.value.error_dict["region"][0].code == "outside_jurisdiction"


def test_working_group_links_meetings(semarang_staff, regions):
    """A pokja links the meetings where it was formed and met."""
    group = WorkingGroupFactory()
    meeting = MeetingFactory(region_id="33.74")
    services.working_group_set_meetings(actor=semarang_staff, group=group, meetings=[meeting])
    assert list(group.meetings.all()) == [meeting]


# Optimistic lock ------------------------------------------------------------------------------


def _editable_record(kind, agency):
    """A ``kind`` record of Kota Semarang, the field an edit changes, and its update service
    saving ``value`` in that field: ``(record, field, update(actor, value, **kwargs))``."""
    if kind == "declaration":
        record, field = DeclarationFactory(organiser=agency, region_id="33.74.16"), "title"

        def update(actor, value, **kwargs):
            return services.declaration_update(
                actor=actor,
                declaration=record,
                **_declaration_kwargs(agency, title=value),
                **kwargs,
            )

    elif kind == "campaign":
        record, field = DeclarationCampaignFactory(), "name"

        def update(actor, value, **kwargs):
            return services.campaign_update(
                actor=actor,
                campaign=record,
                name=value,
                kind=DeclarationKind.NETRALITAS_ASN,
                region=_region("33.74"),
                **kwargs,
            )

    elif kind == "designation":
        record, field = KelurahanDesignationFactory(), "notes"

        def update(actor, value, **kwargs):
            return services.designation_update(
                actor=actor,
                designation=record,
                kind=record.kind,
                kelurahan=_region(record.kelurahan_id),
                date=record.date,
                notes=value,
                **kwargs,
            )

    elif kind == "program":
        record, field = ProgramFactory(owner_agency=agency), "name"

        def update(actor, value, **kwargs):
            return services.program_update(
                actor=actor, program=record, **_program_kwargs(agency, name=value), **kwargs
            )

    else:
        record, field = WorkingGroupFactory(agency=agency), "name"

        def update(actor, value, **kwargs):
            return services.working_group_update(
                actor=actor,
                group=record,
                name=value,
                agency=agency,
                region=_region("33.74"),
                **kwargs,
            )

    return record, field, update


EDITABLE_KINDS = ["declaration", "campaign", "designation", "program", "working_group"]


@pytest.mark.parametrize("kind", EDITABLE_KINDS)
def test_update_with_a_stale_version_is_refused(
    kind, semarang_staff, semarang_commissioner, bawaslu_semarang
):
    """Two officials edit the version 1 they loaded: the first save bumps the version and
    records its author; the second is refused with ``stale_version`` naming the first
    official, and stores nothing; saved again on the current version, it goes through."""
    record, field, update = _editable_record(kind, bawaslu_semarang)
    assert record.version == 1
    first = update(semarang_commissioner, "Versi ketua", expected_version=1)
    assert (first.version, first.updated_by) == (2, semarang_commissioner)
    with pytest.raises(ValidationError) as error:
        update(semarang_staff, "Versi staf", expected_version=1)
    assert error.value.code == "stale_version"
    assert str(semarang_commissioner) in error.value.messages[0]
    record.refresh_from_db()
    assert (getattr(record, field), record.version) == ("Versi ketua", 2)
    second = update(semarang_staff, "Versi staf", expected_version=2)
    assert (getattr(second, field), second.version, second.updated_by) == (
        "Versi staf",
        3,
        semarang_staff,
    )


def test_update_without_an_expected_version_still_bumps_it(semarang_staff, bawaslu_semarang):
    """A caller that saw no version (the demo seed) is not checked, but still bumps it."""
    _record, _field, update = _editable_record("program", bawaslu_semarang)
    assert update(semarang_staff, "Tanpa versi").version == 2


def test_campaign_program_and_pokja_record_their_author(semarang_staff, bawaslu_semarang):
    """Campaigns, programs and pokja now keep who created them, as declarations do."""
    campaign = services.campaign_create(
        actor=semarang_staff,
        name="Deklarasi Netralitas ASN",
        kind=DeclarationKind.NETRALITAS_ASN,
        region=_region("33.74"),
    )
    program = services.program_create(actor=semarang_staff, **_program_kwargs(bawaslu_semarang))
    group = services.working_group_create(
        actor=semarang_staff, name="Pokja", agency=bawaslu_semarang, region=_region("33.74")
    )
    assert [record.created_by for record in (campaign, program, group)] == [semarang_staff] * 3
    assert [record.version for record in (campaign, program, group)] == [1, 1, 1]


def test_designation_revoke_bumps_the_version(
    semarang_staff, semarang_commissioner, bawaslu_semarang
):
    """A revocation is a change: it bumps the version and records who revoked, so an edit
    form loaded before it is refused rather than silently undoing it."""
    designation = KelurahanDesignationFactory()
    revoked = services.designation_revoke(actor=semarang_commissioner, designation=designation)
    assert (revoked.version, revoked.updated_by) == (2, semarang_commissioner)
    with pytest.raises(ValidationError) as error:
        services.designation_update(
            actor=semarang_staff,
            designation=designation,
            kind=designation.kind,
            kelurahan=_region(designation.kelurahan_id),
            date=designation.date,
            status=DesignationStatus.AKTIF,
            expected_version=1,
        )
    assert error.value.code == "stale_version"
    designation.refresh_from_db()
    assert designation.status == DesignationStatus.DICABUT
