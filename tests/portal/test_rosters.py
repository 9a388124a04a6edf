"""Roster CSV export and the all-or-nothing import (``bawaslu_portal.rosters``)."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from bawaslu_portal import rosters
from bawaslu_portal.models import AgencyKind, Person, Position, Region
from bawaslu_portal.rosters import (
    RosterImportError,
    roster_export,
    roster_import,
    roster_positions_for_regions,
)
from bawaslu_portal.services import regions_import
from tests.factories import AgencyFactory, PersonFactory, PositionFactory, PositionRoleFactory
from tests.querycount import count_queries

HEADER = "kode_wilayah;jabatan;nama;gelar;nip;telepon;email;lembaga;mulai;selesai;aktif"
MIROTO = "33.74.01.1001"
BRUMBUNGAN = "33.74.01.1002"
NIP_SITI = "197001011990032001"


def csv_file(*lines: str, header: str = HEADER, bom: bool = True, name: str = "roster.csv"):
    """An uploaded CSV file made of ``header`` and ``lines`` (UTF-8, BOM like Excel)."""
    text = "\r\n".join([header, *lines]) + "\r\n"
    data = ("\ufeff" if bom else "") + text
    return SimpleUploadedFile(name, data.encode("utf-8"), content_type="text/csv")


def error_keys(exc_info) -> set[tuple[int, str, str]]:
    return {(error.row, error.column, error.code) for error in exc_info.value.row_errors}


@pytest.fixture
def roles(db):
    return {
        name: PositionRoleFactory(name=name, order=order)
        for order, name in enumerate(["Lurah", "Sekretaris Kelurahan", "Anggota PKD"], start=1)
    }


@pytest.fixture
def kantor_miroto(regions):
    return AgencyFactory(
        name="Kelurahan Miroto", kind=AgencyKind.KELURAHAN, region_id=MIROTO, short_name=""
    )


@pytest.fixture
def kantor_kecamatan(regions):
    return AgencyFactory(
        name="Kecamatan Semarang Tengah", kind=AgencyKind.KECAMATAN, region_id="33.74.01"
    )


def test_good_rows_create_people_and_positions(
    regions, roles, kantor_miroto, kantor_kecamatan, portal_admin
):
    """All-good rows create each person once and one position per row, with every column."""
    upload = csv_file(
        f"{MIROTO};Lurah;Siti Aminah;S.Sos.;{NIP_SITI};081200000001;siti@example.go.id;"
        "Kelurahan Miroto;2023-01-02;;ya",
        f"{MIROTO};sekretaris kelurahan;Bambang Wijaya;;;;;kecamatan semarang tengah;"
        "15-03-2022;31-12-2024;tidak",
        f"{BRUMBUNGAN};Anggota PKD;Dewi Lestari;;;0812 3;;;;;",
    )

    result = roster_import(actor=portal_admin, file=upload)

    assert (result.rows, result.people_created, result.positions_created) == (3, 3, 0 + 3)
    assert result.positions_updated == 0
    siti = Person.objects.get(nip=NIP_SITI)
    assert (siti.name, siti.title, siti.phone, siti.email) == (
        "Siti Aminah",
        "S.Sos.",
        "081200000001",
        "siti@example.go.id",
    )
    lurah = Position.objects.get(person=siti)
    assert (lurah.region_id, lurah.role, lurah.agency) == (MIROTO, roles["Lurah"], kantor_miroto)
    assert lurah.start_date == datetime.date(2023, 1, 2)
    assert lurah.is_active
    sekretaris = Position.objects.get(person__name="Bambang Wijaya")
    assert sekretaris.role == roles["Sekretaris Kelurahan"]
    assert sekretaris.agency == kantor_kecamatan
    assert (sekretaris.start_date, sekretaris.end_date) == (
        datetime.date(2022, 3, 15),
        datetime.date(2024, 12, 31),
    )
    assert not sekretaris.is_active
    assert Position.objects.get(person__name="Dewi Lestari").region_id == BRUMBUNGAN
    assert LogEntry.objects.filter(user=portal_admin).count() == 3


def test_comma_delimiter_without_bom_is_detected(regions, roles, portal_admin):
    """A comma-separated file without a byte-order mark imports too."""
    upload = csv_file(
        f'{MIROTO},Lurah,"Aminah, S.Sos.",,,,,,,,',
        header=HEADER.replace(";", ","),
        bom=False,
    )

    roster_import(actor=portal_admin, file=upload)

    assert Position.objects.get().person.name == "Aminah, S.Sos."


def test_bad_rows_import_nothing_and_list_each_problem(regions, roles, kantor_miroto, portal_admin):
    """One bad row and nothing is written; every bad row is listed with its column and reason."""
    upload = csv_file(
        f"{MIROTO};Lurah;Siti Aminah;;;;;;;;",  # row 2: good
        "33.74.99.9999;Lurah;Tanpa Wilayah;;;;;;;;",  # 3: unknown region
        "33.74.01;Lurah;Camat Bukan Lurah;;;;;;;;",  # 4: a kecamatan
        f"{MIROTO};Ketua RT Khayalan;Salah Jabatan;;;;;;;;",  # 5: unknown role
        f"{MIROTO};Anggota PKD;NIP Pendek;;12345;;;;;;",  # 6: bad NIP
        f"{MIROTO};Anggota PKD;Surel Salah;;;;bukan-surel;;;;",  # 7: bad email
        f"{MIROTO};Anggota PKD;Tanggal Salah;;;;;;2024-13-45;;",  # 8: bad date
        f"{MIROTO};Anggota PKD;Terbalik;;;;;;2024-05-01;2024-04-01;",  # 9: end before start
        f"{MIROTO};Lurah;Siti Aminah;;;;;;;;",  # 10: duplicate of row 2
        f"{MIROTO};;;;;;;;;;",  # 11: missing role and name
        f"{MIROTO};Anggota PKD;Lembaga Asing;;;;;Bawaslu Kota Serang;;;",  # 12: agency
        f"{MIROTO};Anggota PKD;Aktif Salah;;;;;;;;mungkin",  # 13: aktif
    )

    with pytest.raises(RosterImportError) as exc_info:
        roster_import(actor=portal_admin, file=upload)

    assert error_keys(exc_info) == {
        (3, "kode_wilayah", "unknown_region"),
        (4, "kode_wilayah", "not_kelurahan"),
        (5, "jabatan", "unknown_role"),
        (6, "nip", "invalid_nip"),
        (7, "email", "invalid_email"),
        (8, "mulai", "invalid_date"),
        (9, "selesai", "end_before_start"),
        (10, "", "duplicate_row"),
        (11, "jabatan", "required"),
        (11, "nama", "required"),
        (12, "lembaga", "unknown_agency"),
        (13, "aktif", "invalid_active"),
    }
    messages = {error.row: error.message for error in exc_info.value.row_errors}
    assert "33.74.99.9999" in messages[3]
    assert "Kecamatan Semarang Tengah" in messages[4]
    assert "2" in messages[10]  # points at the first occurrence
    assert exc_info.value.code == "invalid_roster"
    assert not Person.objects.exists()
    assert not Position.objects.exists()
    assert not LogEntry.objects.exists()


def test_wrong_header_is_refused(regions, roles, portal_admin):
    """A header without the required columns, or with unknown ones, is refused before any row."""
    upload = csv_file(
        f"{MIROTO};Lurah;Siti;x",
        header="kode;jabatan;nama_lengkap;catatan",
    )

    with pytest.raises(RosterImportError) as exc_info:
        roster_import(actor=portal_admin, file=upload)

    assert error_keys(exc_info) == {
        (1, "kode", "unknown_column"),
        (1, "nama_lengkap", "unknown_column"),
        (1, "catatan", "unknown_column"),
        (1, "kode_wilayah", "missing_column"),
        (1, "nama", "missing_column"),
    }


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty"),
        (
            "kode_wilayah;jabatan;nama\r\n".encode("cp1252") + "Désa\r\n".encode("cp1252"),
            "encoding",
        ),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "unsupported_type"),
        (b"kode_wilayah;jabatan;nama\r\n", "no_rows"),
    ],
)
def test_unreadable_files_are_refused(regions, portal_admin, content, code):
    """Empty, non-UTF-8, binary and header-only files are refused as a whole."""
    upload = SimpleUploadedFile("roster.csv", content, content_type="text/csv")

    with pytest.raises(RosterImportError) as exc_info:
        roster_import(actor=portal_admin, file=upload)

    assert [error.code for error in exc_info.value.row_errors] == [code]


def test_row_and_size_limits(regions, roles, portal_admin, monkeypatch):
    """More rows than the limit, or more bytes, are refused without checking the rows."""
    monkeypatch.setattr(rosters, "MAX_ROWS", 2)
    upload = csv_file(*[f"{MIROTO};Lurah;Orang {n};;;;;;;;" for n in range(3)])
    with pytest.raises(RosterImportError) as exc_info:
        roster_import(actor=portal_admin, file=upload)
    assert [error.code for error in exc_info.value.row_errors] == ["too_many_rows"]

    monkeypatch.setattr(rosters, "MAX_BYTES", 50)
    with pytest.raises(RosterImportError) as exc_info:
        roster_import(actor=portal_admin, file=csv_file(f"{MIROTO};Lurah;Orang;;;;;;;;"))
    assert [error.code for error in exc_info.value.row_errors] == ["too_large"]


def test_export_then_import_round_trips(regions, roles, kantor_miroto, portal_admin):
    """An exported roster imports back without duplicates; edits in it update the entries."""
    siti = PersonFactory(name="Siti Aminah", nip=NIP_SITI, title="S.Sos.")
    PositionFactory(
        person=siti,
        role=roles["Lurah"],
        region_id=MIROTO,
        agency=kantor_miroto,
        start_date=datetime.date(2023, 1, 2),
    )
    PositionFactory(
        person__name="Bambang Wijaya",
        role=roles["Anggota PKD"],
        region_id=BRUMBUNGAN,
        is_active=False,
        end_date=datetime.date(2024, 12, 31),
    )
    exported = roster_export(Position.objects.all())
    lines = exported.splitlines()
    assert lines[0] == HEADER
    assert lines[1] == (
        f"{MIROTO};Lurah;Siti Aminah;S.Sos.;{NIP_SITI};{siti.phone};;Kelurahan Miroto;"
        "2023-01-02;;ya"
    )

    result = roster_import(
        actor=portal_admin, file=SimpleUploadedFile("r.csv", exported.encode("utf-8"))
    )

    assert (result.people_created, result.positions_created, result.positions_unchanged) == (
        0,
        0,
        2,
    )
    assert Person.objects.count() == 2
    assert Position.objects.count() == 2
    assert roster_export(Position.objects.all()) == exported

    edited = exported.replace(";2023-01-02;;ya", ";2023-01-02;2024-06-30;tidak")
    roster_import(actor=portal_admin, file=SimpleUploadedFile("r.csv", edited.encode("utf-8")))
    lurah = Position.objects.get(person=siti)
    assert (lurah.end_date, lurah.is_active) == (datetime.date(2024, 6, 30), False)
    assert Position.objects.count() == 2


def test_formula_cells_are_quoted_and_round_trip(regions, roles, portal_admin):
    """Cells a spreadsheet would run ("=…", "+62…") are exported quoted and imported back as is."""
    PositionFactory(
        person__name='=HYPERLINK("http://contoh.test")',
        person__phone="+62 812 0000 1111",
        role=roles["Lurah"],
        region_id=MIROTO,
    )
    exported = roster_export(Position.objects.all())

    assert ";\"'=HYPERLINK(" in exported
    assert ";'+62 812 0000 1111;" in exported
    result = roster_import(
        actor=portal_admin, file=SimpleUploadedFile("r.csv", exported.encode("utf-8"))
    )
    assert (result.people_created, result.positions_unchanged) == (0, 1)
    assert Person.objects.get().phone == "+62 812 0000 1111"


def test_nip_match_updates_the_person_instead_of_duplicating(regions, roles, portal_admin):
    """A row with a known NIP updates that person (spelling, phone) and adds the position."""
    siti = PersonFactory(name="Siti Aminah", nip=NIP_SITI, phone="0811", email="lama@example.id")
    PositionFactory(person=siti, role=roles["Anggota PKD"], region_id=BRUMBUNGAN)

    result = roster_import(
        actor=portal_admin,
        file=csv_file(f"{MIROTO};Lurah;Hj. Siti Aminah;;{NIP_SITI};0822;;;;;"),
    )

    assert (result.people_created, result.people_updated) == (0, 1)
    assert Person.objects.count() == 1
    siti.refresh_from_db()
    assert (siti.name, siti.phone, siti.email) == ("Hj. Siti Aminah", "0822", "lama@example.id")
    assert set(siti.positions.values_list("region_id", flat=True)) == {MIROTO, BRUMBUNGAN}


def test_name_match_is_per_kelurahan(regions, roles, portal_admin):
    """Without NIP a person is the same-named one on that kelurahan's roster, not elsewhere."""
    on_roster = PositionFactory(
        person__name="Budi Santoso", role=roles["Lurah"], region_id=MIROTO
    ).person
    PositionFactory(person__name="Budi Santoso", role=roles["Lurah"], region_id=BRUMBUNGAN)

    result = roster_import(
        actor=portal_admin,
        file=csv_file(
            f"{MIROTO};Lurah;Budi Santoso;;;;;;2020-01-01;;",
            f"{MIROTO};Anggota PKD;Budi Santoso;;;;;;;;",
            "33.74.01.1003;Lurah;Budi Santoso;;;;;;;;",
        ),
    )

    assert (result.people_created, result.positions_created, result.positions_updated) == (1, 2, 1)
    assert on_roster.positions.count() == 2
    assert on_roster.positions.get(role=roles["Lurah"]).start_date == datetime.date(2020, 1, 1)
    assert Person.objects.filter(name="Budi Santoso").count() == 3


def test_nip_row_claims_a_same_named_person_without_nip(regions, roles, portal_admin):
    """A NIP unknown so far is given to the same-named person on the roster who has none."""
    budi = PositionFactory(person__name="Budi", role=roles["Lurah"], region_id=MIROTO).person

    roster_import(actor=portal_admin, file=csv_file(f"{MIROTO};Lurah;Budi;;{NIP_SITI};;;;;;"))

    budi.refresh_from_db()
    assert budi.nip == NIP_SITI
    assert Person.objects.count() == 1
    assert Position.objects.count() == 1


def test_same_nip_with_two_names_is_refused(regions, roles, portal_admin):
    """Two rows may share a NIP (two roles) only under the same name."""
    with pytest.raises(RosterImportError) as exc_info:
        roster_import(
            actor=portal_admin,
            file=csv_file(
                f"{MIROTO};Lurah;Budi;;{NIP_SITI};;;;;;",
                f"{BRUMBUNGAN};Lurah;Budiman;;{NIP_SITI};;;;;;",
            ),
        )

    assert error_keys(exc_info) == {(3, "nip", "nip_name_conflict")}


def test_import_queries_do_not_grow_with_rows(regions, roles, pemkot_semarang, portal_admin):
    """Lookups and writes are bulk: 2 rows and 20 rows run the same number of queries."""
    codes = list(Region.objects.kelurahan().order_by("code").values_list("code", flat=True))

    def rows(start, end, phone="", started=""):
        return [
            f"{codes[n]};Lurah;Orang {n};;{n:018d};{phone};;Pemerintah Kota Semarang;{started};;"
            for n in range(start, end)
        ]

    ContentType.objects.get_for_model(Position)  # cached once per process, not per import
    small = count_queries(lambda: roster_import(actor=portal_admin, file=csv_file(*rows(0, 2))))
    big = count_queries(lambda: roster_import(actor=portal_admin, file=csv_file(*rows(2, 22))))
    # All 22 again with a phone and a start date: people and positions are updated in bulk.
    changed = csv_file(*rows(0, 22, phone="0812", started="2024-01-01"))
    updates = count_queries(lambda: roster_import(actor=portal_admin, file=changed))
    unchanged = csv_file(*rows(0, 22, phone="0812", started="2024-01-01"))
    result = roster_import(actor=portal_admin, file=unchanged)

    assert big == small
    # No inserts; one UPDATE each for people and positions instead.
    assert updates == small
    assert Position.objects.count() == 22
    assert set(Position.objects.values_list("start_date", flat=True)) == {datetime.date(2024, 1, 1)}
    assert (result.positions_unchanged, result.positions_updated, result.people_updated) == (
        22,
        0,
        0,
    )


def test_export_of_regions_covers_their_subtrees(regions, roles):
    """Exporting a kecamatan brings its kelurahan rosters; other kecamatan stay out."""
    PositionFactory(person__name="Di Miroto", role=roles["Lurah"], region_id=MIROTO)
    PositionFactory(person__name="Camat", role=roles["Lurah"], region_id="33.74.01")
    PositionFactory(
        person__name="Di Kecamatan Lain", role=roles["Lurah"], region_id="33.74.02.1001"
    )
    PositionFactory(person__name="Di Serang", role=roles["Lurah"], region_id="36.73.01.1001")

    chosen = Region.objects.filter(code__in=["33.74.01", MIROTO])
    exported = roster_export(roster_positions_for_regions(chosen))

    assert "Di Miroto" in exported
    assert "Camat" in exported
    assert "Di Kecamatan Lain" not in exported
    assert "Di Serang" not in exported
    assert exported.count("Di Miroto") == 1


def test_export_queries_do_not_grow_with_rows(regions, roles):
    """The export reads positions with their people, roles and agencies in one query."""
    PositionFactory.create_batch(2, role=roles["Lurah"], region_id=MIROTO)
    small = count_queries(lambda: roster_export(Position.objects.all()))
    PositionFactory.create_batch(10, role=roles["Anggota PKD"], region_id=MIROTO)
    big = count_queries(lambda: roster_export(Position.objects.all()))
    assert small == big == 1


def test_whole_country_selection_is_a_few_prefixes(db):
    """Selecting every region exports through the province prefixes, not one per region."""
    regions_import(codes=["33.74"])
    sql = str(roster_positions_for_regions(Region.objects.all()).query)
    # The province 33 covers Kota Semarang and all its kecamatan and kelurahan.
    assert sql.count("LIKE") == 1
