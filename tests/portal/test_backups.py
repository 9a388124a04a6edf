"""Backups (issue 11 §2): the commands' refusals, and the page for a file missing from storage.

The full cycle (backup, restore into a fresh database and folder, compare row
counts and checksums) is the restore drill, run by ``.ci/run`` on PostgreSQL
after the seed; the PostgreSQL-only tests here are skipped on SQLite.
"""

import json
import logging

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse

from bawaslu_portal.backups import (
    DUMP_NAME,
    MANIFEST_FORMAT,
    MANIFEST_NAME,
    PgTarget,
    backup_create,
    sha256_file,
)
from tests.coordination.meeting_helpers import PNG
from tests.factories.coordination import MeetingFactory
from tests.factories.reports import intake_report, pdf_upload

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump/pg_restore need PostgreSQL"
)
UNREACHABLE = "postgres://nobody@127.0.0.1:1/bawaslu_never_touched"


@pytest.fixture
def media(settings, tmp_path):
    """Uploads go to a temporary folder."""
    root = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root)},
        },
    }
    return root


def _fake_backup(folder, files):
    """A backup folder with ``files`` ({relative name: bytes}) and a manifest that matches."""
    entries = {}
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        entries[name] = {"sha256": sha256_file(path), "size": len(content)}
    manifest = {"format": MANIFEST_FORMAT, "tables": {}, "files": entries}
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest))
    return folder


# --- The stored file is gone --------------------------------------------------------


def _assert_missing_page(response, name, caplog):
    assert response.status_code == 404
    page = response.content.decode()
    assert "File missing from storage" in page
    assert name in page
    assert "restore the file from the latest backup" in page
    assert response["Cache-Control"] == "private, no-store"
    assert any("Stored file missing" in record.message for record in caplog.records)


@pytest.mark.django_db
def test_evidence_whose_file_is_gone_gives_the_missing_file_page(
    client_for, semarang_staff, media, caplog
):
    """A restored database without its media: the evidence download explains, not a 500."""
    report = intake_report(user=semarang_staff, evidence_files=[pdf_upload("bukti rapat.pdf")])
    evidence = report.evidence.get()
    (media / evidence.file.name).unlink()
    url = reverse("reports:evidence_download", args=[report.pk, evidence.pk])
    with caplog.at_level(logging.ERROR, logger="bawaslu_portal.uploads"):
        response = client_for(semarang_staff).get(url)
    _assert_missing_page(response, "bukti_rapat.pdf", caplog)


@pytest.mark.django_db
def test_meeting_attachment_whose_file_is_gone_gives_the_missing_file_page(
    client_for, semarang_staff, media, caplog
):
    meeting = MeetingFactory()
    client = client_for(semarang_staff)
    client.post(
        reverse("coordination:attachment_upload", args=[meeting.pk]),
        {"kind": "foto", "file": SimpleUploadedFile("foto.png", PNG)},
    )
    attachment = meeting.attachments.get()
    (media / attachment.file.name).unlink()
    url = reverse("coordination:attachment_download", args=[meeting.pk, attachment.pk])
    with caplog.at_level(logging.ERROR, logger="bawaslu_portal.uploads"):
        response = client.get(url)
    _assert_missing_page(response, "foto.png", caplog)


@pytest.mark.django_db
def test_declaration_document_whose_file_is_gone_gives_the_missing_file_page(
    client_for, semarang_staff, media, caplog
):
    from tests.factories.campaigns import DeclarationFactory

    declaration = DeclarationFactory()
    client = client_for(semarang_staff)
    pdf = SimpleUploadedFile("naskah.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    client.post(
        reverse("coordination:declaration_document_add", args=[declaration.pk]),
        {"kind": "naskah", "file": pdf},
    )
    document = declaration.documents.get()
    (media / document.file.name).unlink()
    url = reverse("coordination:declaration_document_download", args=[declaration.pk, document.pk])
    with caplog.at_level(logging.ERROR, logger="bawaslu_portal.uploads"):
        response = client.get(url)
    _assert_missing_page(response, "naskah.pdf", caplog)


@pytest.mark.django_db
def test_a_present_file_still_downloads(client_for, semarang_staff, media):
    """The missing-file check does not get in the way of a file that is there."""
    report = intake_report(user=semarang_staff, evidence_files=[pdf_upload()])
    evidence = report.evidence.get()
    url = reverse("reports:evidence_download", args=[report.pk, evidence.pk])
    response = client_for(semarang_staff).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


# --- The commands' refusals -----------------------------------------------------------


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite refusal")
def test_backup_on_sqlite_says_it_is_postgresql_only(tmp_path):
    with pytest.raises(CommandError, match="PostgreSQL only"):
        call_command("backup", "--output", str(tmp_path))
    assert not any(tmp_path.iterdir())


def test_restore_refuses_a_backup_whose_checksum_differs_before_touching_anything(tmp_path):
    """A changed file is found before any connection: the unreachable target is never tried."""
    folder = _fake_backup(
        tmp_path / "b", {DUMP_NAME: b"dump", "media/evidence/a.pdf": b"%PDF-1.4 a"}
    )
    (folder / "media/evidence/a.pdf").write_bytes(b"%PDF-1.4 changed")
    target = tmp_path / "restored"
    with pytest.raises(CommandError, match=r"checksum differs: media/evidence/a\.pdf"):
        call_command(
            "restore", str(folder), "--database-url", UNREACHABLE, "--media-root", str(target)
        )
    assert not target.exists()


def test_restore_refuses_missing_and_unlisted_files(tmp_path):
    folder = _fake_backup(tmp_path / "b", {DUMP_NAME: b"dump", "media/a.pdf": b"a"})
    (folder / "media/a.pdf").unlink()
    (folder / "media/extra.pdf").write_bytes(b"x")
    with pytest.raises(CommandError) as raised:
        call_command("restore", str(folder), "--verify-only")
    assert "missing: media/a.pdf" in str(raised.value)
    assert "not in the manifest: media/extra.pdf" in str(raised.value)


def test_restore_refuses_a_folder_without_manifest(tmp_path):
    with pytest.raises(CommandError, match="has no manifest.json"):
        call_command("restore", str(tmp_path), "--verify-only")


def test_verify_only_accepts_an_intact_backup(tmp_path, capsys):
    folder = _fake_backup(tmp_path / "b", {DUMP_NAME: b"dump", "media/a.pdf": b"a"})
    call_command("restore", str(folder), "--verify-only")
    assert "2 file(s) match the manifest" in capsys.readouterr().out


def test_a_good_backup_reaches_the_database_check(tmp_path):
    """Past the checksums, an unreachable database is named with the reason."""
    folder = _fake_backup(tmp_path / "b", {DUMP_NAME: b"dump"})
    with pytest.raises(CommandError, match="Cannot connect to database 'bawaslu_never_touched'"):
        call_command(
            "restore",
            str(folder),
            "--database-url",
            UNREACHABLE,
            "--media-root",
            str(tmp_path / "m"),
        )


def test_restore_on_a_sqlite_target_says_it_is_postgresql_only(tmp_path):
    folder = _fake_backup(tmp_path / "b", {DUMP_NAME: b"dump"})
    with pytest.raises(CommandError, match="PostgreSQL only"):
        call_command("restore", str(folder), "--database-url", f"sqlite:///{tmp_path}/x.db")


@on_postgresql
@pytest.mark.django_db
def test_restore_refuses_a_database_with_tables_and_a_folder_with_files(tmp_path, media):
    """A real backup of the test database; restoring it over itself is refused (no --force)."""
    (media / "evidence").mkdir(parents=True)
    (media / "evidence/a.pdf").write_bytes(b"%PDF-1.4 a")
    source = PgTarget.from_settings(django_settings.DATABASES["default"])
    folder = backup_create(source=source, media_root=media, destination=tmp_path / "backups")
    manifest = json.loads((folder / MANIFEST_NAME).read_text())
    assert manifest["files"]["media/evidence/a.pdf"]["sha256"] == sha256_file(
        media / "evidence/a.pdf"
    )
    assert "public.bawaslu_portal_region" in manifest["tables"]
    with pytest.raises(CommandError, match="already has .* table"):
        call_command("restore", str(folder), "--media-root", str(tmp_path / "empty"))


# --- What the drill compares ------------------------------------------------------------


def test_count_differences_name_every_table_that_differs_or_is_missing():
    from bawaslu_portal.backups import count_differences

    expected = {"public.a": 3, "public.b": 0, "public.gone": 1}
    actual = {"public.a": 2, "public.b": 0, "public.new": 5}
    assert count_differences(expected, actual) == [
        "public.a: expected 3, found 2",
        "public.gone: expected 1, found no table",
        "public.new: expected no table, found 5",
    ]
    assert count_differences(expected, dict(expected)) == []


def test_checksum_differences_name_missing_unexpected_and_changed_files():
    from bawaslu_portal.backups import checksum_differences

    source = {"evidence/a.pdf": "1", "evidence/b.pdf": "2", "meetings/c.png": "3"}
    restored = {"evidence/a.pdf": "1", "evidence/b.pdf": "X", "extra.bin": "4"}
    assert checksum_differences(source, restored) == [
        "checksum differs: evidence/b.pdf",
        "unexpected: extra.bin",
        "missing: meetings/c.png",
    ]
    assert checksum_differences(source, dict(source)) == []


@on_postgresql
# Serialized rollback: a transactional test that ran before (the browser tests) flushed the
# rows seeded by data migrations (the elections this report needs); this restores them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_drill_restores_a_referenced_evidence_file_and_finds_one_missing(
    semarang_staff, media, tmp_path
):
    """The whole drill on the test database: an evidence file restored and found again;
    with the file gone from the source folder, the drill fails naming it."""
    from bawaslu_portal.backups import BackupError, restore_drill

    report = intake_report(user=semarang_staff, evidence_files=[pdf_upload()])
    stored = report.evidence.get().file.name
    source = PgTarget.from_settings(django_settings.DATABASES["default"])
    result = restore_drill(source=source, media_root=media, workdir=tmp_path)
    assert (result.files, result.referenced_files) == (1, 1)
    assert result.rows > 0
    (media / stored).unlink()
    (media / "other.pdf").write_bytes(b"%PDF-1.4 another file, so no sample is added")
    with pytest.raises(BackupError, match=f"referenced but not restored: {stored}"):
        restore_drill(source=source, media_root=media, workdir=tmp_path)


def test_uploads_not_on_local_disk_are_refused_with_what_to_do(settings):
    from bawaslu_portal.backups import BackupError, media_root_from_settings

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    with pytest.raises(BackupError, match="versioning or replication"):
        media_root_from_settings()
