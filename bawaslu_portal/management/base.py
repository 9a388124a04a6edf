"""What the portal's management commands share (outside ``commands/``, where each module is one)."""

from django.core.management.base import BaseCommand, CommandError

from bawaslu_portal.backups import BackupError


class BackupCommand(BaseCommand):
    """A backup, restore or drill command: a ``BackupError`` ends it as a ``CommandError``.

    ``BackupError`` says what cannot go on and what to do; as a ``CommandError``
    it is printed without a traceback and the command exits with status 1.
    """

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except BackupError as error:
            raise CommandError(str(error)) from error
