"""``manage.py purge_audit_log``: delete audit events older than ``AUDIT_RETENTION_DAYS``."""

from django.conf import settings
from django.core.management.base import BaseCommand

from bawaslu_portal.audit import audit_purge


class Command(BaseCommand):
    help = (
        "Delete audit events older than AUDIT_RETENTION_DAYS (run daily by the timer). "
        "The purge itself is recorded in the audit log."
    )

    def handle(self, *args, **options):
        deleted = audit_purge()
        self.stdout.write(
            f"Deleted {deleted} audit events older than {settings.AUDIT_RETENTION_DAYS} days."
        )
