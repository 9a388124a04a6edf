"""``manage.py rebuild_search_index [--kind meeting …] [--batch-size N]``.

Rebuilds the search documents from the records, in batches that commit one by
one. Run it after a bulk write that sends no signals (the region import, a
data migration), after ``seed_demo``, and once after deploying this app.
"""

from django.core.management.base import BaseCommand

from search.models import SearchKind
from search.services import REBUILD_BATCH_SIZE, search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from the records (all kinds, or those given)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            choices=SearchKind.values,
            help="Only this kind (repeatable). Default: every kind.",
        )
        parser.add_argument("--batch-size", type=int, default=REBUILD_BATCH_SIZE)

    def handle(self, *args, kind=None, batch_size=REBUILD_BATCH_SIZE, **options):
        written = search_index_rebuild(kinds=kind, batch_size=batch_size)
        for name, count in written.items():
            self.stdout.write(f"{name}: {count} documents")
        self.stdout.write(self.style.SUCCESS("Search index rebuilt."))
