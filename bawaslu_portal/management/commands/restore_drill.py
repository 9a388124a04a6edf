"""``manage.py restore_drill``: back up, restore into a fresh database and folder, compare."""

from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

from bawaslu_portal.backups import PgTarget, media_root_from_settings, restore_drill
from bawaslu_portal.management.base import BackupCommand


class Command(BackupCommand):
    help = (
        "Restore drill: back up the portal's database and uploaded files, restore them into a "
        "new database and a temporary folder, compare every table's row count and every file's "
        "checksum, then drop the database and the folder. Fails on any difference. Needs the "
        "right to CREATE DATABASE. See docs/backups.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--drill-database",
            help="Name of the throwaway database (default: bawaslu_drill_<random>); "
            "it must not exist.",
        )
        parser.add_argument(
            "--workdir", help="Where the temporary backup and media folder go (default: /tmp)."
        )

    def handle(self, *args, drill_database, workdir, **options):
        result = restore_drill(
            source=PgTarget.from_settings(settings.DATABASES[DEFAULT_DB_ALIAS]),
            media_root=media_root_from_settings(),
            drill_database=drill_database,
            workdir=Path(workdir) if workdir else None,
            progress=self.stdout.write,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restore drill passed: {result.tables} tables ({result.rows:,} rows) and "
                f"{result.files} file(s) restored into {result.database} and compared; "
                f"{result.referenced_files} file reference(s) resolve. Cleaned up."
            )
        )
