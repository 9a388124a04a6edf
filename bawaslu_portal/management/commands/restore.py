"""``manage.py restore FOLDER``: verify a backup, then restore it into a database and folder."""

from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

from bawaslu_portal.backups import (
    PgTarget,
    backup_restore,
    backup_verify,
    media_root_from_settings,
)
from bawaslu_portal.management.base import BackupCommand


class Command(BackupCommand):
    help = (
        "Restore a backup folder written by 'backup': verify every checksum first, then "
        "restore the database (pg_restore) and copy the uploaded files, then compare the row "
        "counts with the manifest. Refuses a database with tables or a media folder with files "
        "unless --force. See docs/backups.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The backup folder (bawaslu-backup-YYYYMMDD-HHMMSS).")
        parser.add_argument(
            "--database-url",
            help="Target database as a URL (postgres://user@host:5432/name); "
            "default: the portal's own database.",
        )
        parser.add_argument(
            "--media-root",
            help="Target folder for the uploaded files; default: the portal's MEDIA_ROOT.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite a database that has tables and files already in the media folder.",
        )
        parser.add_argument(
            "--verify-only",
            action="store_true",
            help="Only check the backup against its manifest; touch nothing.",
        )

    def handle(self, *args, folder, database_url, media_root, force, verify_only, **options):
        if verify_only:
            manifest = backup_verify(Path(folder))
            self.stdout.write(
                self.style.SUCCESS(
                    f"{folder}: {len(manifest['files'])} file(s) match the manifest."
                )
            )
            return
        target = (
            PgTarget.from_url(database_url)
            if database_url
            else PgTarget.from_settings(settings.DATABASES[DEFAULT_DB_ALIAS])
        )
        media = Path(media_root) if media_root else media_root_from_settings()
        manifest = backup_restore(
            folder=Path(folder),
            target=target,
            media_root=media,
            force=force,
            progress=self.stdout.write,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {len(manifest['tables'])} tables into {target.name} and "
                f"{len(manifest['files']) - 1} file(s) into {media}; row counts match."
            )
        )
