"""``manage.py create_office``: the first Bawaslu office and its officials after installing."""

import io

import pytest
from django.core.management import CommandError, call_command

from bawaslu_portal.models import Agency, AgencyKind, User, UserRole
from tests.factories import UserFactory


def run(*args) -> str:
    out = io.StringIO()
    call_command("create_office", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_creates_a_kabkota_office_with_its_officials(regions, bawaslu_jateng):
    """A kab/kota code gives "Bawaslu Kota …" under its province's office, with the accounts."""
    output = run(
        "33.74",
        "--commissioner",
        "Ketua@Bawaslu-Semarang.go.id",
        "--staff",
        "staf@bawaslu-semarang.go.id",
    )
    office = Agency.objects.get(kind=AgencyKind.BAWASLU_KABKOTA, region_id="33.74")
    assert office.name == "Bawaslu Kota Semarang"
    assert office.parent == bawaslu_jateng
    ketua = User.objects.get(username="ketua@bawaslu-semarang.go.id")
    staf = User.objects.get(username="staf@bawaslu-semarang.go.id")
    assert (ketua.role, ketua.agency, ketua.email) == (
        UserRole.COMMISSIONER,
        office,
        "ketua@bawaslu-semarang.go.id",
    )
    assert (staf.role, staf.agency) == (UserRole.STAFF, office)
    assert not ketua.has_usable_password()
    assert not ketua.is_staff and not ketua.is_superuser
    assert "Created Bawaslu Kota Semarang" in output
    assert "changepassword" in output


@pytest.mark.django_db
def test_the_new_staff_works_in_the_office_jurisdiction(regions, client_for):
    """The account can open the report list of its office once it has logged in."""
    run("33.74", "--staff", "staf@bawaslu-semarang.go.id")
    staf = User.objects.get(username="staf@bawaslu-semarang.go.id")
    assert staf.is_bawaslu
    assert client_for(staf).get("/laporan/").status_code == 200


@pytest.mark.django_db
def test_running_it_again_changes_nothing(regions):
    """Idempotent: the second run finds the office and the accounts and creates nothing."""
    args = ("33.74", "--commissioner", "ketua@example.go.id", "--staff", "staf@example.go.id")
    run(*args)
    output = run(*args)
    assert Agency.objects.filter(kind=AgencyKind.BAWASLU_KABKOTA).count() == 1
    assert User.objects.count() == 2
    assert "Already there: Bawaslu Kota Semarang" in output
    assert "Already there: account staf@example.go.id" in output


@pytest.mark.django_db
def test_an_existing_office_is_kept_and_gets_more_staff(regions, bawaslu_semarang):
    """An office set up in the admin is reused (not renamed); new accounts join it."""
    run("33.74", "--name", "Another name", "--staff", "baru@example.go.id")
    assert Agency.objects.filter(kind=AgencyKind.BAWASLU_KABKOTA, region_id="33.74").count() == 1
    bawaslu_semarang.refresh_from_db()
    assert bawaslu_semarang.name == "Bawaslu Kota Semarang"
    assert User.objects.get(username="baru@example.go.id").agency == bawaslu_semarang


@pytest.mark.django_db
def test_a_province_office(regions):
    """A province code gives a Bawaslu Provinsi with no parent."""
    run("33", "--name", "Bawaslu Provinsi Jawa Tengah", "--email", "set@jateng.bawaslu.go.id")
    office = Agency.objects.get(region_id="33")
    assert (office.kind, office.parent, office.email) == (
        AgencyKind.BAWASLU_PROVINSI,
        None,
        "set@jateng.bawaslu.go.id",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["99.99"], "Region 99.99 is not in the database; import it first"),
        (["33.74.01"], "is not a province or a kabupaten/kota"),
        (["33.74", "--staff", "not-an-address"], "not-an-address: Enter a valid email address."),
    ],
)
def test_clear_errors(regions, args, message):
    """An unknown region, a kecamatan or a bad address is refused clearly; nothing is saved."""
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not Agency.objects.exists()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_an_official_of_another_office_is_refused(regions, bawaslu_serang):
    """An account of another office is not moved; the whole run is undone."""
    UserFactory(username="pindah@example.go.id", agency=bawaslu_serang, role=UserRole.STAFF)
    with pytest.raises(CommandError, match="already belongs to Bawaslu Kota Serang"):
        run("33.74", "--commissioner", "baru@example.go.id", "--staff", "pindah@example.go.id")
    assert not Agency.objects.filter(region_id="33.74").exists()
    assert not User.objects.filter(username="baru@example.go.id").exists()


@pytest.mark.django_db
def test_a_different_role_is_refused(regions):
    """Giving an existing staff account as commissioner is refused, not silently changed."""
    run("33.74", "--staff", "staf@example.go.id")
    with pytest.raises(CommandError, match="already has the role Bawaslu staff"):
        run("33.74", "--commissioner", "staf@example.go.id")
    assert User.objects.get(username="staf@example.go.id").role == UserRole.STAFF


@pytest.mark.django_db
def test_an_address_another_account_uses_is_refused(regions, bawaslu_serang):
    """E-mail addresses log in too, so one used by another account is refused."""
    UserFactory(username="someone", email="dipakai@example.go.id", agency=bawaslu_serang)
    with pytest.raises(CommandError, match="Another account already uses this email address"):
        run("33.74", "--staff", "Dipakai@example.go.id")


@pytest.mark.django_db
def test_no_more_commissioners_than_the_law_allows(regions):
    """A Bawaslu Kab/Kota has 3 or 5 members (UU 7/2017 Pasal 92 ayat (2) huruf c)."""
    five = [arg for n in range(5) for arg in ("--commissioner", f"anggota{n}@example.go.id")]
    run("33.74", *five)
    with pytest.raises(CommandError, match="more than 5 commissioner accounts"):
        run("33.74", "--commissioner", "keenam@example.go.id")
    assert User.objects.filter(role=UserRole.COMMISSIONER).count() == 5
    assert Agency.objects.count() == 1
