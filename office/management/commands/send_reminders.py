"""``manage.py send_reminders``: claim today's reminders and queue their mails (daily timer)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from office.services.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Send today's reminder mails (follow-ups assigned, case deadlines tomorrow or "
        "passed, meetings tomorrow). Safe to run again: nothing is sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="Act as if today were this date (YYYY-MM-DD), e.g. to catch up."
        )

    def handle(self, *args, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as exc:
            raise CommandError(f"--date must be YYYY-MM-DD, not {date!r}.") from exc
        claimed = reminders_send(today=today)
        self.stdout.write(f"{claimed} reminders queued.")
