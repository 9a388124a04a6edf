"""``manage.py create_office REGION --commissioner EMAIL --staff EMAIL``: the first office."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from bawaslu_portal.services import office_create


class Command(BaseCommand):
    help = (
        "Set up the Bawaslu office of an imported province (33) or kabupaten/kota (33.74) "
        "and its officials' accounts (username = e-mail address, no password yet). "
        "Idempotent: what already exists is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("region", help="Kemendagri code of a province or kab/kota, e.g. 33.74")
        parser.add_argument("--name", default="", help='Default: "Bawaslu <region name>"')
        parser.add_argument("--email", default="", help="The office's own e-mail address")
        parser.add_argument(
            "--commissioner",
            action="append",
            default=[],
            metavar="EMAIL",
            help="A commissioner (ketua or anggota); repeat for each",
        )
        parser.add_argument(
            "--staff",
            action="append",
            default=[],
            metavar="EMAIL",
            help="A member of the secretariat; repeat for each",
        )

    def handle(self, *args, region, name, email, commissioner, staff, **options):
        # Command output is English, like Django's own commands (they run untranslated).
        try:
            result = office_create(
                region_code=region,
                name=name,
                email=email,
                commissioners=commissioner,
                staff=staff,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        office = result.office
        verb = "Created" if result.office_created else "Already there:"
        self.stdout.write(
            f"{verb} {office} ({office.get_kind_display()}, region {office.region_id})"
        )
        for user in result.created_users:
            self.stdout.write(f"Created account {user.username} ({user.get_role_display()})")
        for user in result.existing_users:
            self.stdout.write(f"Already there: account {user.username} ({user.get_role_display()})")
        if result.created_users:
            self.stdout.write(
                "New accounts have no password: each official sets one with "
                '"Lupa kata sandi?" (/akun/reset/) on the login page (mail must work), '
                "or you set one now with: manage.py changepassword <username>"
            )
        self.stdout.write(self.style.SUCCESS("Done."))
