"""``manage.py backup [--output DIR]``: the database and the uploaded files, with a manifest."""

from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

from bawaslu_portal.backups import PgTarget, backup_create, media_root_from_settings
from bawaslu_portal.management.base import BackupCommand


class Command(BackupCommand):
    help = (
        "Back up the PostgreSQL database (pg_dump -Fc) and the uploaded files (the default "
        "storage's folder) into one dated folder with a manifest.json of SHA-256 checksums "
        "and row counts. PostgreSQL only. See docs/backups.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default="backups",
            help="Folder that receives the dated backup folder (default: ./backups).",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default)."
        )

    def handle(self, *args, output, database, **options):
        folder = backup_create(
            source=PgTarget.from_settings(settings.DATABASES[database]),
            media_root=media_root_from_settings(),
            destination=Path(output),
            progress=self.stdout.write,
        )
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
        # The last line is the folder alone, for scripts (make restore, the drill).
        self.stdout.write(str(folder))
