"""``manage.py anonymise_reporters``: anonymise reporters of cases closed past the retention."""

from django.conf import settings
from django.core.management.base import BaseCommand

from reports.services.privacy import reporters_anonymise


class Command(BaseCommand):
    help = (
        "Anonymise the reporter identities (and witnesses' names and contacts) of cases "
        "closed more than REPORTER_RETENTION_DAYS ago (run daily by the timer). Idempotent."
    )

    def handle(self, *args, **options):
        count = reporters_anonymise()
        self.stdout.write(
            f"Anonymised {count} reporters of cases closed more than "
            f"{settings.REPORTER_RETENTION_DAYS} days ago."
        )
