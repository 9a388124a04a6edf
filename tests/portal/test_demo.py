"""``seed_demo``: idempotent, refuses demo logins without DEBUG; the names and posts it seeds;
the demo data files' loader names a wrong login key."""

import copy
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models

from bawaslu_portal.demo.files import demo_file_content
from bawaslu_portal.demo.records import DemoDataError, load
from bawaslu_portal.models import (
    Agency,
    AgencyKind,
    Person,
    Position,
    PositionRole,
    Region,
    User,
)


def _counts():
    return (
        Agency.objects.count(),
        Person.objects.count(),
        Position.objects.count(),
        User.objects.count(),
    )


@pytest.mark.django_db
def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    first = _counts()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert _counts() == first
    assert "semarang.pemkot" in out.getvalue()


@pytest.mark.django_db
def test_seed_demo_creates_the_demo_logins(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    jateng = User.objects.get(username="jateng.staf")
    assert jateng.agency.region_id == "33"
    assert User.objects.get(username="semarang.pemkot").role == "partner"
    assert User.objects.get(username="admin").is_superuser
    response = client.post("/masuk/", {"username": "semarang.ketua", "password": "bawaslu-demo"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--allow-demo-logins"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()
    call_command("seed_demo", "--allow-demo-logins", stdout=StringIO())
    assert User.objects.filter(username="semarang.staf").exists()


#: The names under which an institution calls itself after the city: "Pangkalpinang".
INSTITUTION = re.compile(r"(Bawaslu|Pemerintah|Pemkot|Wali Kota|BKPSDM|KAHMI)( Kota)? $")


def _texts_naming_pangkal():
    """Every stored text of the demo that names the city, with where it is."""
    for model in apps.get_models():
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
        ]
        for row in model.objects.values("pk", *fields):
            for name in fields:
                value = row[name] or ""
                if "Pangkal" in value:
                    yield f"{model._meta.label}.{name}#{row['pk']}", value


@pytest.mark.django_db
def test_one_spelling_per_entity(settings):
    """The region is the Kemendagri's "Kota Pangkal Pinang"; the offices and the city
    government call themselves "… Kota Pangkalpinang". Each name stays where it belongs."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    assert Region.objects.get(code="19.71").name == "Kota Pangkal Pinang"
    assert Agency.objects.filter(name="Bawaslu Kota Pangkalpinang").exists()
    assert Agency.objects.filter(name="Pemerintah Kota Pangkalpinang").exists()
    found = 0
    for where, text in _texts_naming_pangkal():
        for match in re.finditer(r"Pangkal ?Pinang", text, flags=re.IGNORECASE):
            before = text[: match.start()]
            if match.group() == "Pangkalpinang":
                assert INSTITUTION.search(before), f"{where}: {text!r} names the region"
            else:
                assert match.group() == "Pangkal Pinang", f"{where}: {text!r}"
                assert not INSTITUTION.search(before), f"{where}: {text!r} names an office"
            found += 1
    assert found > 10


@pytest.mark.django_db
def test_no_invented_post_and_an_old_demo_database_loses_it(settings):
    """Slamer Riyanto gets no post (article 002 gives only his office); a post an earlier
    seed invented for him is removed when the seed runs again."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    slamer = Person.objects.get(name="Slamer Riyanto")
    assert not Position.objects.filter(person=slamer).exists()
    Position.objects.create(
        person=slamer,
        role=PositionRole.objects.get(name="Kepala Kejaksaan Negeri"),
        agency=Agency.objects.get(name="Kejaksaan Negeri Balikpapan"),
        region_id="64.71",
    )
    call_command("seed_demo", stdout=StringIO())
    assert not Position.objects.filter(person=slamer).exists()


@pytest.mark.django_db
def test_every_semarang_kelurahan_has_its_office(settings):
    """The lurah of Kota Semarang take part in the silaturahmi: every kelurahan has a kantor
    kelurahan, the roster's among them, once."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    offices = Agency.objects.filter(kind=AgencyKind.KELURAHAN, region__code__startswith="33.74.")
    assert offices.count() == Region.objects.filter(code__startswith="33.74.", depth=4).count()
    assert offices.count() == offices.values("region").distinct().count() == 177


def _first_table(module, name: str, array: str, *others: str) -> tuple[str, dict]:
    """The first table of ``array`` of the data file ``name`` (which also holds ``others``)."""
    where, table = load(module.__file__, name, array, *others)[array][0]
    return where, copy.deepcopy(table)


def test_an_unknown_login_in_a_case_is_named():
    """A case step whose actor is no demo login fails when the file is read, naming the
    file, the case, the step and the key, not later as a plain KeyError."""
    from reports.demo import cases

    where, table = _first_table(cases, "cases.toml", "case")
    table["steps"][1]["actor"] = "semarang.stf"
    with pytest.raises(DemoDataError) as error:
        cases._case_record(table, where)
    assert str(error.value).startswith(
        "reports/demo/cases.toml, case 1 (DEM0PGK001), steps 2, actor: 'semarang.stf' is not "
        "a demo login ("
    )


MEETING_ARRAYS = ("source_meeting", "extra_people", "upcoming_meeting")


def test_an_unknown_login_in_a_meeting_is_named():
    """So for a meeting's actor, a progress note's author and a program's actor."""
    from coordination.demo import campaigns, meetings

    where, table = _first_table(meetings, "meetings.toml", *MEETING_ARRAYS)
    table["actor"] = "nobody"
    with pytest.raises(DemoDataError, match=r"source_meeting 1 \(000\), actor: 'nobody' is not"):
        meetings._source_meeting(table, where)
    where, table = _first_table(meetings, "meetings.toml", *MEETING_ARRAYS)
    table["follow_ups"][1]["progress"]["by"] = "semarang.pemkotx"
    with pytest.raises(DemoDataError, match=r"follow_ups 2, progress, by: 'semarang.pemkotx'"):
        meetings._source_meeting(table, where)
    where, table = _first_table(campaigns, "programs.toml", "program")
    table["actor"] = "nobody"
    with pytest.raises(DemoDataError, match=r"coordination/demo/programs.toml, program 1, actor"):
        campaigns._program(table, where)


def test_an_evidence_step_needs_its_file_and_a_demo_file_its_type():
    """A step to "evidence" without a file, and a file that is neither PDF nor PNG, are named."""
    from reports.demo import cases

    where, table = _first_table(cases, "cases.toml", "case")
    table["steps"][1]["to"] = "evidence"
    with pytest.raises(DemoDataError, match=r"steps 2: a step to 'evidence'"):
        cases._case_record(table, where)
    with pytest.raises(DemoDataError, match=r"a demo file is a .pdf or a .png"):
        demo_file_content("notes.txt", "Contoh")
