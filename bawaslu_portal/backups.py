"""Backups: the PostgreSQL database and the uploaded files together, with a manifest.

A backup is one dated folder::

    bawaslu-backup-20261125-183000/
        database.dump      pg_dump -Fc (custom format: compressed, restorable with pg_restore)
        media/…            a copy of every file under the default storage's location
        manifest.json      SHA-256 and size of every file above, row count of every table

The row counts are taken in the same snapshot as the dump (``pg_export_snapshot``
and ``pg_dump --snapshot``), so they describe exactly what the dump holds. The
files are copied after the snapshot: an upload that arrives meanwhile is an
extra file nobody points at (harmless); a file deleted meanwhile is missing
from the copy and served as "missing from storage" (see ``uploads``).

:func:`backup_restore` verifies every checksum before it touches the target
database or folder, refuses a target that already holds tables or files unless
``force`` is given, and afterwards compares the restored row counts with the
manifest. :func:`restore_drill` runs the whole cycle into a throwaway database
and folder and compares them with the source (CI runs it after the seed).

PostgreSQL only: on SQLite the commands say so and stop (copy ``db.sqlite3``
with ``sqlite3 db.sqlite3 ".backup copy.sqlite3"`` and the media folder instead).
Messages are English, like Django's own management commands.
"""

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone
from psycopg import sql

MANIFEST_NAME = "manifest.json"
DUMP_NAME = "database.dump"
MEDIA_DIR = "media"
MANIFEST_FORMAT = 1
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


#: The environment variable the PostgreSQL client programs read for each libpq keyword.
LIBPQ_ENV = {
    "dbname": "PGDATABASE",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "host": "PGHOST",
    "port": "PGPORT",
}


@dataclass(frozen=True)
class PgTarget:
    """Where a PostgreSQL database is: what ``pg_dump``, ``pg_restore`` and psycopg need."""

    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""

    @classmethod
    def from_settings(cls, db: dict) -> "PgTarget":
        """From a ``DATABASES`` entry; refuses anything but PostgreSQL."""
        engine = db.get("ENGINE", "")
        if "postgresql" not in engine:
            raise BackupError(
                f"Backup and restore support PostgreSQL only; this database uses {engine!r}. "
                "On SQLite stop the portal and copy the database with "
                "'sqlite3 db.sqlite3 \".backup copy.sqlite3\"' and the media folder by hand."
            )
        return cls(
            name=db["NAME"],
            user=db.get("USER") or "",
            password=db.get("PASSWORD") or "",
            host=db.get("HOST") or "",
            port=str(db.get("PORT") or ""),
        )

    @classmethod
    def from_url(cls, url: str) -> "PgTarget":
        return cls.from_settings(dj_database_url.parse(url))

    def renamed(self, name: str) -> "PgTarget":
        return PgTarget(name, self.user, self.password, self.host, self.port)

    def _libpq_params(self) -> dict[str, str]:
        """The connection settings this target sets, by libpq keyword (empty ones left out)."""
        params = {
            "dbname": self.name,
            "user": self.user,
            "password": self.password,
            "host": self.host,
            "port": self.port,
        }
        return {key: value for key, value in params.items() if value}

    def env(self) -> dict:
        """The environment for the PostgreSQL client programs (the password stays off argv).

        A setting this target leaves empty is also removed from the inherited
        environment, so a stray ``PGHOST`` cannot redirect the programs.
        """
        env = {key: value for key, value in os.environ.items() if key not in LIBPQ_ENV.values()}
        env.update({LIBPQ_ENV[key]: value for key, value in self._libpq_params().items()})
        return env

    def connect(self, *, dbname: str | None = None, autocommit: bool = False):
        params = {
            **self._libpq_params(),
            "dbname": dbname or self.name,
            "autocommit": autocommit,
        }
        try:
            return psycopg.connect(**params)
        except psycopg.OperationalError as error:
            hint = ""
            if "does not exist" in str(error):
                hint = f" Create it first: createdb {dbname or self.name}"
            raise BackupError(
                f"Cannot connect to database {dbname or self.name!r}: {str(error).strip()}.{hint}"
            ) from error


def _program(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"{name} is not installed or not on PATH (Debian: apt-get install postgresql-client)."
        )
    return path


def _run(argv: list[str], *, env: dict) -> None:
    result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(
            f"{Path(argv[0]).name} failed (exit {result.returncode}): "
            f"{(result.stderr or result.stdout).strip()[-2000:]}"
        )


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_with_checksum(source: Path, target: Path) -> str:
    """Copy ``source`` to ``target`` and return the SHA-256 of the bytes written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with source.open("rb") as reader, target.open("wb") as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            writer.write(chunk)
    shutil.copystat(source, target)
    return digest.hexdigest()


def media_files(root: Path) -> Iterator[str]:
    """Every regular file under ``root`` as a sorted relative POSIX path (symlinks skipped)."""
    if not root.is_dir():
        return
    for directory, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for filename in sorted(filenames):
            path = Path(directory, filename)
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix()


def media_checksums(root: Path) -> dict[str, str]:
    """``{relative path: sha256}`` of every file under ``root``."""
    return {name: sha256_file(root / name) for name in media_files(root)}


def table_row_counts(cursor) -> dict[str, int]:
    """Exact row count of every table outside the system schemas, as ``schema.table``.

    A full count per table: acceptable for a backup or a drill (an operator's
    job, once a day), never on a page.
    """
    cursor.execute(
        "SELECT schemaname, tablename FROM pg_catalog.pg_tables "
        "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') "
        "ORDER BY schemaname, tablename"
    )
    counts = {}
    for schema, table in cursor.fetchall():
        cursor.execute(
            sql.SQL("SELECT COUNT(*) FROM {}.{}").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
        )
        counts[f"{schema}.{table}"] = cursor.fetchone()[0]
    return counts


def media_root_from_settings() -> Path:
    """The folder of the ``default`` storage; refuses a storage that is not on local disk.

    Uploads on S3-compatible storage (``docs/deployment.md``) are backed up by
    the bucket's own versioning and replication, not by copying files here.
    """
    storage = settings.STORAGES["default"]
    backend = storage.get("BACKEND", "")
    if not backend.endswith("FileSystemStorage"):
        raise BackupError(
            f"The uploaded files are on {backend}, not on local disk: back them up with the "
            "storage's own versioning or replication, and use pg_dump for the database."
        )
    return Path(storage.get("OPTIONS", {}).get("location") or settings.MEDIA_ROOT)


def backup_create(
    *,
    source: PgTarget,
    media_root: Path,
    destination: Path,
    progress: Callable[[str], None] = lambda message: None,
) -> Path:
    """Write a dated backup folder under ``destination`` and return its path.

    The folder is written as ``<name>.partial`` and renamed when complete, so
    a half-written backup never looks like a good one.
    """
    pg_dump = _program("pg_dump")
    destination.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    final = destination / f"bawaslu-backup-{stamp}"
    if final.exists():
        raise BackupError(f"{final} already exists; wait a second or choose another --output.")
    work = destination / f"{final.name}.partial"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    dump = work / DUMP_NAME
    try:
        with source.connect() as connection, connection.cursor() as cursor:
            # One read-only snapshot for the counts and the dump, held open until pg_dump is done.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot, server_version = cursor.fetchone()
            progress(f"Counting rows in {source.name} …")
            counts = table_row_counts(cursor)
            progress(f"Dumping {source.name} (pg_dump -Fc) …")
            _run(
                [pg_dump, "-Fc", f"--snapshot={snapshot}", "--file", str(dump), source.name],
                env=source.env(),
            )
        files = {DUMP_NAME: {"sha256": sha256_file(dump), "size": dump.stat().st_size}}
        progress(f"Copying uploaded files from {media_root} …")
        for name in media_files(media_root):
            target = work / MEDIA_DIR / name
            checksum = _copy_with_checksum(media_root / name, target)
            files[f"{MEDIA_DIR}/{name}"] = {"sha256": checksum, "size": target.stat().st_size}
        manifest = {
            "format": MANIFEST_FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": source.name,
            "server_version": server_version,
            "media_root": str(media_root),
            "tables": counts,
            "files": files,
        }
        (work / MANIFEST_NAME).write_text(
            json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


def backup_verify(folder: Path) -> dict:
    """Read the manifest and check every file against it; return the manifest.

    Raises ``BackupError`` naming every missing, changed or unlisted file.
    """
    manifest_path = folder / MANIFEST_NAME
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a backup folder.")
    if not manifest_path.is_file():
        raise BackupError(f"{folder} has no {MANIFEST_NAME}: not a backup, or an incomplete one.")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{manifest_path} is not valid JSON: {error}") from error
    if manifest.get("format") != MANIFEST_FORMAT or DUMP_NAME not in manifest.get("files", {}):
        raise BackupError(f"{manifest_path} is not a manifest this portal wrote.")
    problems = []
    for name, expected in sorted(manifest["files"].items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"missing: {name}")
        elif sha256_file(path) != expected["sha256"]:
            problems.append(f"checksum differs: {name}")
    listed = set(manifest["files"])
    problems += [
        f"not in the manifest: {MEDIA_DIR}/{name}"
        for name in media_files(folder / MEDIA_DIR)
        if f"{MEDIA_DIR}/{name}" not in listed
    ]
    if problems:
        shown = "; ".join(problems[:20]) + (" …" if len(problems) > 20 else "")
        raise BackupError(
            f"The backup in {folder} does not match its manifest ({len(problems)} "
            f"problem(s)): {shown}. Nothing was restored."
        )
    return manifest


def count_differences(expected: dict[str, int], actual: dict[str, int]) -> list[str]:
    """Lines naming every table whose row count differs or that exists on one side only."""
    return [
        f"{table}: expected {expected.get(table, 'no table')}, "
        f"found {actual.get(table, 'no table')}"
        for table in sorted(set(expected) | set(actual))
        if expected.get(table) != actual.get(table)
    ]


def checksum_differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    lines = []
    for name in sorted(set(expected) | set(actual)):
        if name not in actual:
            lines.append(f"missing: {name}")
        elif name not in expected:
            lines.append(f"unexpected: {name}")
        elif expected[name] != actual[name]:
            lines.append(f"checksum differs: {name}")
    return lines


def backup_restore(
    *,
    folder: Path,
    target: PgTarget,
    media_root: Path,
    force: bool = False,
    progress: Callable[[str], None] = lambda message: None,
) -> dict:
    """Restore ``folder`` into ``target`` and ``media_root``; return the manifest.

    Order: verify every checksum; check the target database is reachable and
    has no tables (``force``: replace what is there, ``pg_restore --clean``)
    and the media folder has no files (``force``: overwrite same-named files);
    restore the database in one transaction; copy the files, checking each
    copy's checksum; compare every table's row count with the manifest.
    """
    progress(f"Verifying the checksums in {folder} …")
    manifest = backup_verify(folder)
    pg_restore = _program("pg_restore")
    with target.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM pg_catalog.pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        )
        existing_tables = cursor.fetchone()[0]
    if existing_tables and not force:
        raise BackupError(
            f"Database {target.name!r} already has {existing_tables} table(s); restoring would "
            "overwrite them. Restore into an empty database (createdb NAME) or pass --force."
        )
    existing_files = next(media_files(media_root), None)
    if existing_files and not force:
        raise BackupError(
            f"The media folder {media_root} already holds files (for example {existing_files}); "
            "restore into an empty folder or pass --force."
        )
    progress(f"Restoring the database into {target.name} (pg_restore) …")
    argv = [pg_restore, "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction"]
    if force:
        argv += ["--clean", "--if-exists"]
    _run([*argv, "--dbname", target.name, str(folder / DUMP_NAME)], env=target.env())
    progress(f"Copying the uploaded files into {media_root} …")
    media_root.mkdir(parents=True, exist_ok=True)
    prefix = f"{MEDIA_DIR}/"
    for name, expected in manifest["files"].items():
        if not name.startswith(prefix):
            continue
        relative = name.removeprefix(prefix)
        if _copy_with_checksum(folder / name, media_root / relative) != expected["sha256"]:
            raise BackupError(f"The copy of {name} in {media_root} does not match its checksum.")
    with target.connect() as connection, connection.cursor() as cursor:
        differences = count_differences(manifest["tables"], table_row_counts(cursor))
    if differences:
        raise BackupError(
            "The restored database's row counts differ from the manifest: " + "; ".join(differences)
        )
    return manifest


def file_references(cursor) -> Iterator[str]:
    """Every stored file name the database points at (every model ``FileField``)."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                query = sql.SQL("SELECT {col} FROM {table} WHERE {col} <> ''").format(
                    col=sql.Identifier(field.column), table=sql.Identifier(model._meta.db_table)
                )
                cursor.execute(query)
                for (name,) in cursor:
                    yield name


@dataclass
class DrillResult:
    tables: int
    rows: int
    files: int
    database: str
    referenced_files: int


def restore_drill(
    *,
    source: PgTarget,
    media_root: Path,
    drill_database: str | None = None,
    workdir: Path | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> DrillResult:
    """Back up ``source``, restore it into a new database and folder, compare, clean up.

    Compares every table's row count in the restored database with the source
    database's counts (taken in the dump's snapshot), the restored files'
    checksums with the source folder's files (read again, not from the
    manifest), and checks every file the restored database points at is
    there. When the source holds no uploaded file, a sample file is stored for
    the drill (and removed afterwards) so that the file part is exercised.
    Raises ``BackupError`` listing every difference.
    """
    drill_database = drill_database or f"bawaslu_drill_{uuid.uuid4().hex[:12]}"
    if drill_database == source.name:
        raise BackupError("The drill database must not be the source database.")
    base = Path(tempfile.mkdtemp(prefix="bawaslu-drill-", dir=workdir))
    sample = None
    if next(media_files(media_root), None) is None:
        sample = media_root / "restore-drill" / f"{uuid.uuid4().hex}.pdf"
        sample.parent.mkdir(parents=True, exist_ok=True)
        sample.write_bytes(b"%PDF-1.4\n% restore drill sample\n" + os.urandom(4096))
        progress(f"No uploaded file in {media_root}: stored a sample file for the drill.")
    created = False
    try:
        folder = backup_create(
            source=source, media_root=media_root, destination=base / "backups", progress=progress
        )
        with source.connect(autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(drill_database)))
        created = True
        drill = source.renamed(drill_database)
        restored_media = base / "restored-media"
        manifest = backup_restore(
            folder=folder, target=drill, media_root=restored_media, progress=progress
        )
        progress("Comparing row counts and file checksums …")
        with drill.connect() as connection, connection.cursor() as cursor:
            restored_counts = table_row_counts(cursor)
            references = sorted(set(file_references(cursor)))
        problems = count_differences(manifest["tables"], restored_counts)
        source_sums = media_checksums(media_root)
        problems += checksum_differences(source_sums, media_checksums(restored_media))
        problems += [
            f"referenced but not restored: {name}"
            for name in references
            if not (restored_media / name).is_file()
        ]
        if problems:
            raise BackupError(
                f"The restore drill found {len(problems)} difference(s): " + "; ".join(problems)
            )
        return DrillResult(
            tables=len(restored_counts),
            rows=sum(restored_counts.values()),
            files=len(source_sums),
            database=drill_database,
            referenced_files=len(references),
        )
    finally:
        if created:
            with source.connect(autocommit=True) as connection:
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(drill_database)
                    )
                )
        shutil.rmtree(base, ignore_errors=True)
        if sample is not None:
            sample.unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # other files beside it: keep the folder
                sample.parent.rmdir()
