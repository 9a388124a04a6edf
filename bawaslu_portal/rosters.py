"""Kelurahan rosters as CSV: export, and an all-or-nothing import.

A roster file has one row per position (Lurah, Sekretaris Kelurahan, anggota
PKD, …) with these columns, in any order, header first::

    kode_wilayah;jabatan;nama;gelar;nip;telepon;email;lembaga;mulai;selesai;aktif

``kode_wilayah`` (the dotted kelurahan/desa code), ``jabatan`` (an existing
position role, any case) and ``nama`` are required; the rest may be empty.
The delimiter (``;`` or ``,``) is detected from the header; the file is UTF-8
with or without a byte-order mark (Excel's "CSV UTF-8").

The import checks every row before it writes anything: one bad row and
nothing is imported, and every problem is reported with its row and column.
The file is parsed in memory and never stored, so the stored-upload rules of
``bawaslu_portal.uploads`` do not apply; binary content is still refused by
the same content sniffing.
"""

import csv
import datetime
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import filetype
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bawaslu_portal.models import Agency, Person, Position, PositionRole, Region
from bawaslu_portal.spreadsheets import from_spreadsheet, spreadsheet_safe

COLUMNS = [
    "kode_wilayah",
    "jabatan",
    "nama",
    "gelar",
    "nip",
    "telepon",
    "email",
    "lembaga",
    "mulai",
    "selesai",
    "aktif",
]
REQUIRED_COLUMNS = ["kode_wilayah", "jabatan", "nama"]
MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024
#: Excel in an Indonesian locale splits on ";" (the comma is the decimal mark).
EXPORT_DELIMITER = ";"
TRUE_WORDS = {"ya", "y", "aktif"}
FALSE_WORDS = {"tidak", "t", "nonaktif"}
#: Row number used for problems with the file as a whole (encoding, size, header).
FILE_ROW = 0
HEADER_ROW = 1
#: Rows per bulk INSERT/UPDATE; small enough to keep bulk_update's CASE cheap.
WRITE_BATCH = 500
#: Up to this many distinct sets of new values, updates go out one UPDATE per set.
GROUPED_UPDATE_LIMIT = 20


@dataclass(frozen=True)
class RosterRowError:
    """One problem in a roster file: spreadsheet row (header = 1), column, code, message."""

    row: int
    column: str
    code: str
    message: str


class RosterImportError(ValidationError):
    """The roster file was refused; ``row_errors`` lists every problem found."""

    def __init__(self, row_errors: list[RosterRowError]):
        self.row_errors = row_errors
        super().__init__(
            ngettext(
                "The roster file has %(count)d problem; nothing was imported.",
                "The roster file has %(count)d problems; nothing was imported.",
                len(row_errors),
            )
            % {"count": len(row_errors)},
            code="invalid_roster",
        )


@dataclass
class RosterImportResult:
    """What an import changed."""

    rows: int = 0
    people_created: int = 0
    people_updated: int = 0
    positions_created: int = 0
    positions_updated: int = 0
    positions_unchanged: int = 0


@dataclass
class _Row:
    """One parsed, validated row, ready to be written."""

    number: int
    region: Region
    role: PositionRole
    name: str
    title: str
    nip: str
    phone: str
    email: str
    agency: Agency | None
    start_date: datetime.date | None
    end_date: datetime.date | None
    is_active: bool

    @property
    def person_key(self) -> tuple:
        """Rows with the same key are the same person (NIP, else name within the kelurahan)."""
        if self.nip:
            return ("nip", self.nip)
        return ("name", self.region.code, self.name)


@dataclass
class _Collector:
    errors: list[RosterRowError] = field(default_factory=list)

    def add(self, row: int, column: str, code: str, message: str) -> None:
        self.errors.append(RosterRowError(row=row, column=column, code=code, message=message))


# --- export -----------------------------------------------------------------------------


def roster_export_rows(queryset: QuerySet[Position]) -> Iterator[str]:
    """CSV lines (header first) for the positions in ``queryset``, ready to stream.

    The columns are the import's, so an exported file imports back unchanged.
    Reads in chunks: memory stays flat for a whole province.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=EXPORT_DELIMITER, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(COLUMNS)
    yield flush()
    positions = (
        queryset.select_related("person", "role", "agency")
        .order_by("region_id", "role__order", "role__name", "person__name", "pk")
        .iterator(chunk_size=2000)
    )
    for count, position in enumerate(positions, start=1):
        person = position.person
        writer.writerow(
            [
                position.region_id,
                spreadsheet_safe(position.role.name),
                spreadsheet_safe(person.name),
                spreadsheet_safe(person.title),
                person.nip,
                spreadsheet_safe(person.phone),
                spreadsheet_safe(person.email),
                spreadsheet_safe(position.agency.name) if position.agency_id else "",
                position.start_date.isoformat() if position.start_date else "",
                position.end_date.isoformat() if position.end_date else "",
                "ya" if position.is_active else "tidak",
            ]
        )
        if count % 500 == 0:
            yield flush()
    yield flush()


def roster_export(queryset: QuerySet[Position]) -> str:
    """The roster CSV of ``queryset`` as one string (see :func:`roster_export_rows`)."""
    return "".join(roster_export_rows(queryset))


def roster_positions_for_regions(regions: QuerySet[Region]) -> QuerySet[Position]:
    """Positions whose region is one of ``regions`` or lies below one of them.

    Selecting a kecamatan exports the Camat and every kelurahan roster in it.
    Codes already covered by a selected ancestor are dropped, so selecting all
    regions stays a handful of prefix filters.
    """
    selected = set(regions.values_list("code", flat=True))
    covering = sorted(
        code
        for code in selected
        if code.count(".") < 3
        and not any(ancestor in selected for ancestor in _ancestor_codes(code))
    )
    condition = Q(region_id__in=regions.order_by().values("code"))
    for code in covering:
        condition |= Q(region__code__startswith=f"{code}.")
    return Position.objects.filter(condition)


def _ancestor_codes(code: str) -> list[str]:
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


# --- import -----------------------------------------------------------------------------


@transaction.atomic
def roster_import(*, actor, file) -> RosterImportResult:
    """Import a roster CSV (see the module docstring), all rows or none.

    Every row is checked first: region code (must exist and be a kelurahan or
    desa), role (must exist), required values, NIP (18 digits), email, dates
    (``YYYY-MM-DD`` or ``DD-MM-YYYY``), end not before start, ``aktif``
    (ya/tidak), the agency (``lembaga``: an agency of that kelurahan, its
    kecamatan or its kab/kota), and rows repeated in the file. Any problem
    raises :class:`RosterImportError` listing all of them; nothing is written.

    When all rows are good, in one transaction: a person is matched by NIP
    when the row has one (falling back to a person of the same name in that
    kelurahan who has no NIP yet, who then gets it), else by exact name among
    the people on that kelurahan's roster; unmatched people are created. A
    matched person gets the row's name (when matched by NIP) and any non-empty
    title, phone and email; empty cells keep what is stored. A position is
    matched by kelurahan, role and person and takes the row's agency, dates
    and active flag exactly (empty cells clear them); otherwise it is created.

    Lookups are bulk queries by the sets of codes, names and NIPs in the file,
    never one per row. Every created or updated position gets an admin log
    entry by ``actor`` ("Imported from a roster CSV file").
    """
    collector = _Collector()
    records = _read_records(file, collector)
    if collector.errors:
        raise RosterImportError(collector.errors)
    rows = _validate_records(records, collector)
    if collector.errors:
        raise RosterImportError(collector.errors)
    return _write_rows(rows, actor=actor)


def _read_records(file, collector: _Collector) -> list[tuple[int, dict[str, str]]]:
    """Decode and split the file into (row number, {column: value}); file-level checks."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_BYTES:
        collector.add(
            FILE_ROW,
            "",
            "too_large",
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)},
        )
        return []
    file.seek(0)
    raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        collector.add(
            FILE_ROW,
            "",
            "too_large",
            _("The file is larger than %(limit)s.") % {"limit": filesizeformat(MAX_BYTES)},
        )
        return []
    if not raw.strip():
        collector.add(FILE_ROW, "", "empty", _("The file is empty."))
        return []
    if filetype.guess(raw[:8192]) is not None or b"\x00" in raw:
        collector.add(
            FILE_ROW,
            "",
            "unsupported_type",
            _("This is not a CSV text file. In the spreadsheet, use “Save as” → “CSV UTF-8”."),
        )
        return []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        collector.add(
            FILE_ROW,
            "",
            "encoding",
            _("The file is not UTF-8 text. In the spreadsheet, use “Save as” → “CSV UTF-8”."),
        )
        return []

    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        all_rows = list(reader)
    except csv.Error as exc:
        collector.add(
            FILE_ROW,
            "",
            "malformed",
            _("The file cannot be read as CSV (%(error)s).") % {"error": exc},
        )
        return []

    header = [_normalise_header(cell) for cell in all_rows[0]]
    _check_header(header, collector)
    if collector.errors:
        return []

    records = []
    for index, cells in enumerate(all_rows[1:], start=HEADER_ROW + 1):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            collector.add(
                index,
                "",
                "extra_cells",
                _("This row has more cells than the header has columns."),
            )
            continue
        values = dict.fromkeys(COLUMNS, "")
        for column, cell in zip(header, cells, strict=False):
            values[column] = from_spreadsheet(cell.strip())
        records.append((index, values))

    if not records:
        collector.add(FILE_ROW, "", "no_rows", _("The file has a header but no roster rows."))
    elif len(records) > MAX_ROWS:
        collector.add(
            FILE_ROW,
            "",
            "too_many_rows",
            _("The file has %(count)s rows; import at most %(limit)s at a time.")
            % {"count": len(records), "limit": MAX_ROWS},
        )
    return records


def _normalise_header(cell: str) -> str:
    return re.sub(r"\s+", "_", cell.strip().lower())


def _check_header(header: list[str], collector: _Collector) -> None:
    seen = set()
    for column in header:
        if column in seen:
            collector.add(
                HEADER_ROW,
                column,
                "duplicate_column",
                _("The column “%(column)s” appears twice in the header.") % {"column": column},
            )
        elif column and column not in COLUMNS:
            collector.add(
                HEADER_ROW,
                column,
                "unknown_column",
                _("Unknown column “%(column)s”. The columns are: %(columns)s.")
                % {"column": column, "columns": ", ".join(COLUMNS)},
            )
        seen.add(column)
    for column in REQUIRED_COLUMNS:
        if column not in seen:
            collector.add(
                HEADER_ROW,
                column,
                "missing_column",
                _("The header has no “%(column)s” column.") % {"column": column},
            )


def _validate_records(
    records: list[tuple[int, dict[str, str]]], collector: _Collector
) -> list[_Row]:
    """Check every record against the database (bulk lookups) and each other."""
    codes = {values["kode_wilayah"] for _number, values in records if values["kode_wilayah"]}
    regions = {
        region.code: region
        for region in Region.objects.filter(code__in=codes).only("code", "name", "kind", "depth")
    }
    role_names = {values["jabatan"].lower() for _number, values in records if values["jabatan"]}
    roles = {
        role.lower_name: role
        for role in PositionRole.objects.annotate(lower_name=Lower("name")).filter(
            lower_name__in=role_names
        )
    }
    agencies = _agencies_by_region_and_name(records, regions)

    rows: list[_Row] = []
    seen_entries: dict[tuple, int] = {}
    names_by_nip: dict[str, tuple[str, int]] = {}
    for number, values in records:
        row_errors_before = len(collector.errors)
        for column in REQUIRED_COLUMNS:
            if not values[column]:
                collector.add(number, column, "required", _REQUIRED_MESSAGES[column]())

        region = _check_region(number, values["kode_wilayah"], regions, collector)
        role = None
        if values["jabatan"]:
            role = roles.get(values["jabatan"].lower())
            if role is None:
                collector.add(
                    number,
                    "jabatan",
                    "unknown_role",
                    _("There is no position role “%(role)s”. Add it in the admin first.")
                    % {"role": values["jabatan"]},
                )

        person = Person(
            name=values["nama"],
            title=values["gelar"],
            nip=re.sub(r"\s+", "", values["nip"]),
            phone=values["telepon"],
            email=values["email"],
        )
        _check_person(number, person, collector)

        agency = None
        if values["lembaga"] and region is not None:
            agency = _pick_agency(region.code, values["lembaga"], agencies)
            if agency is None:
                collector.add(
                    number,
                    "lembaga",
                    "unknown_agency",
                    _(
                        "There is no agency “%(agency)s” in this kelurahan, its kecamatan "
                        "or its kabupaten/kota."
                    )
                    % {"agency": values["lembaga"]},
                )

        start_date = _parse_date(number, "mulai", values["mulai"], collector)
        end_date = _parse_date(number, "selesai", values["selesai"], collector)
        if start_date and end_date and end_date < start_date:
            collector.add(
                number,
                "selesai",
                "end_before_start",
                _("The end date cannot be before the start date."),
            )
        is_active = _parse_active(number, values["aktif"], collector)

        if person.nip and person.name:
            previous = names_by_nip.setdefault(person.nip, (person.name, number))
            if previous[0] != person.name:
                collector.add(
                    number,
                    "nip",
                    "nip_name_conflict",
                    _("This NIP belongs to “%(name)s” in row %(row)s.")
                    % {"name": previous[0], "row": previous[1]},
                )

        if len(collector.errors) > row_errors_before or region is None or role is None:
            continue
        row = _Row(
            number=number,
            region=region,
            role=role,
            name=person.name,
            title=person.title,
            nip=person.nip,
            phone=person.phone,
            email=person.email,
            agency=agency,
            start_date=start_date,
            end_date=end_date,
            is_active=is_active,
        )
        entry = (region.code, role.pk, row.person_key)
        if entry in seen_entries:
            collector.add(
                number,
                "",
                "duplicate_row",
                _("Same kelurahan, role and person as row %(row)s.") % {"row": seen_entries[entry]},
            )
            continue
        seen_entries[entry] = number
        rows.append(row)
    return rows


_REQUIRED_MESSAGES = {
    "kode_wilayah": lambda: _("Enter the kelurahan code, for example 33.74.01.1001."),
    "jabatan": lambda: _("Enter the position role, for example Lurah."),
    "nama": lambda: _("Enter the person's full name."),
}


def _check_region(number: int, code: str, regions: dict[str, Region], collector: _Collector):
    if not code:
        return None
    region = regions.get(code)
    if region is None:
        collector.add(
            number,
            "kode_wilayah",
            "unknown_region",
            _("There is no region with the code “%(code)s”.") % {"code": code},
        )
        return None
    if not region.is_kelurahan:
        collector.add(
            number,
            "kode_wilayah",
            "not_kelurahan",
            _("%(region)s is not a kelurahan or desa; rosters are per kelurahan/desa.")
            % {"region": region.label},
        )
        return None
    return region


def _check_person(number: int, person: Person, collector: _Collector) -> None:
    """The model's own field checks (lengths, NIP, email), without queries."""
    try:
        person.clean_fields()
    except ValidationError as exc:
        for field_name, errors in exc.error_dict.items():
            if field_name == "name" and not person.name:
                continue  # already reported as a missing required value
            column = PERSON_COLUMNS.get(field_name, field_name)
            for error in errors:
                if field_name == "email" and error.code == "invalid":
                    collector.add(
                        number,
                        column,
                        "invalid_email",
                        _("“%(email)s” is not an email address.") % {"email": person.email},
                    )
                else:
                    collector.add(number, column, error.code or "invalid", error.messages[0])


PERSON_COLUMNS = {
    "name": "nama",
    "title": "gelar",
    "nip": "nip",
    "phone": "telepon",
    "email": "email",
}


def _agencies_by_region_and_name(records, regions: dict[str, Region]) -> dict[tuple, Agency]:
    """Agencies named in the file within the rows' kelurahan, kecamatan or kab/kota.

    Keyed by (region code, lower-case name).
    """
    names = {values["lembaga"].lower() for _number, values in records if values["lembaga"]}
    if not names:
        return {}
    codes = set()
    for code in regions:
        parts = code.split(".")
        codes.update(".".join(parts[:depth]) for depth in (2, 3, 4) if depth <= len(parts))
    queryset = Agency.objects.annotate(lower_name=Lower("name")).filter(
        lower_name__in=names, region_id__in=codes
    )
    return {(agency.region_id, agency.lower_name): agency for agency in queryset}


def _pick_agency(code: str, name: str, agencies: dict[tuple, Agency]) -> Agency | None:
    """The nearest agency of that name: the kelurahan's, else the kecamatan's, else the city's."""
    parts = code.split(".")
    for depth in (4, 3, 2):
        agency = agencies.get((".".join(parts[:depth]), name.lower()))
        if agency is not None:
            return agency
    return None


DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


def _parse_date(number: int, column: str, value: str, collector: _Collector):
    if not value:
        return None
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, date_format).date()  # noqa: DTZ007
        except ValueError:
            continue
    collector.add(
        number,
        column,
        "invalid_date",
        _("“%(value)s” is not a date; write it as 2024-09-21 or 21-09-2024.") % {"value": value},
    )
    return None


def _parse_active(number: int, value: str, collector: _Collector) -> bool:
    word = value.lower()
    if not word or word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    collector.add(
        number,
        "aktif",
        "invalid_active",
        _("Write “ya” or “tidak” (or leave it empty for ya), not “%(value)s”.") % {"value": value},
    )
    return True


def _write_rows(rows: list[_Row], *, actor) -> RosterImportResult:
    """Match or create people and positions for validated rows, in bulk."""
    result = RosterImportResult(rows=len(rows))
    people = _match_people(rows)

    new_people = []
    changed_people = {}
    changed_person_fields: set[str] = set()
    for row in rows:
        key = row.person_key
        person = people.get(key)
        if person is None:
            person = Person(
                name=row.name, title=row.title, nip=row.nip, phone=row.phone, email=row.email
            )
            people[key] = person
            new_people.append(person)
            continue
        changed = _update_person(person, row)
        if changed and person.pk:
            changed_people[person.pk] = person
            changed_person_fields |= changed
    # Field checks ran while validating the rows (``_check_person``); uniqueness of the
    # NIP holds because people were matched by it.
    Person.objects.bulk_create(new_people, batch_size=WRITE_BATCH)
    _save_changes(
        Person,
        list(changed_people.values()),
        [name for name in PERSON_COLUMNS if name in changed_person_fields],
    )
    result.people_created = len(new_people)
    result.people_updated = len(changed_people)

    existing = _existing_positions(rows, people)
    new_positions = []
    changed_positions = []
    for row in rows:
        person = people[row.person_key]
        position = existing.get((row.region.code, row.role.pk, person.pk))
        values = {
            "agency": row.agency,
            "start_date": row.start_date,
            "end_date": row.end_date,
            "is_active": row.is_active,
        }
        if position is None:
            position = Position(person=person, role=row.role, region=row.region, **values)
            new_positions.append(position)
        elif _position_differs(position, values):
            # The objects already at hand: the admin log's str(position) needs no query.
            position.person = person
            position.role = row.role
            for attribute, value in values.items():
                setattr(position, attribute, value)
            changed_positions.append(position)
        else:
            result.positions_unchanged += 1
            continue
        # Foreign keys come from the lookups above; skip their one-query-each existence check.
        position.full_clean(
            exclude=["person", "role", "agency", "region"],
            validate_unique=False,
            validate_constraints=False,
        )
    Position.objects.bulk_create(new_positions, batch_size=WRITE_BATCH)
    _save_changes(Position, changed_positions, ["agency", "start_date", "end_date", "is_active"])
    result.positions_created = len(new_positions)
    result.positions_updated = len(changed_positions)
    message = _("Imported from a roster CSV file.")
    for flag, positions in ((ADDITION, new_positions), (CHANGE, changed_positions)):
        if positions:
            LogEntry.objects.log_actions(
                user_id=actor.pk, queryset=positions, action_flag=flag, change_message=message
            )
    return result


def _position_differs(position: Position, values: dict) -> bool:
    agency = values["agency"]
    return (
        position.agency_id != (agency.pk if agency else None)
        or position.start_date != values["start_date"]
        or position.end_date != values["end_date"]
        or position.is_active != values["is_active"]
    )


def _match_people(rows: list[_Row]) -> dict[tuple, Person]:
    """Existing people for the rows' person keys: by NIP, else by name on the kelurahan roster."""
    nips = {row.nip for row in rows if row.nip}
    by_nip = {person.nip: person for person in Person.objects.filter(nip__in=nips)} if nips else {}
    codes = {row.region.code for row in rows}
    names = {row.name for row in rows}
    by_name: dict[tuple, Person] = {}
    on_roster = (
        Position.objects.filter(region_id__in=codes, person__name__in=names)
        .select_related("person")
        .order_by("person_id")
    )
    for position in on_roster:
        by_name.setdefault((position.region_id, position.person.name), position.person)

    people: dict[tuple, Person] = {}
    claimed: set[int] = set()
    for row in rows:
        key = row.person_key
        if key in people:
            continue
        person = by_nip.get(row.nip) if row.nip else None
        if person is None:
            candidate = by_name.get((row.region.code, row.name))
            # A NIP row may claim a same-named person on the roster only if they have no NIP.
            if candidate is not None and (not row.nip or not candidate.nip):
                if row.nip and candidate.pk in claimed:
                    candidate = None
                person = candidate
        if person is not None:
            people[key] = person
            if row.nip:
                claimed.add(person.pk)
    return people


def _update_person(person: Person, row: _Row) -> set[str]:
    """Apply the row's details to a matched person; return the fields that changed."""
    changed = set()
    updates = {"title": row.title, "nip": row.nip, "phone": row.phone, "email": row.email}
    if row.nip:
        updates["name"] = row.name
    for attribute, value in updates.items():
        if value and getattr(person, attribute) != value:
            setattr(person, attribute, value)
            changed.add(attribute)
    return changed


def _save_changes(model, objects: list, fields: list[str]) -> None:
    """Write ``fields`` of ``objects`` in a bounded number of queries.

    Objects that end up with the same values (all entries closed on the same
    end date, say) share one ``UPDATE … WHERE id IN (…)``; when the values are
    too varied for that, Django's ``bulk_update`` writes them in batches.
    ``bulk_update`` builds one ``CASE`` branch per object and field, costly in
    Python, so only the fields that changed are passed in.
    """
    if not objects or not fields:
        return
    attnames = {name: model._meta.get_field(name).attname for name in fields}
    groups: dict[tuple, list[int]] = {}
    for obj in objects:
        key = tuple(getattr(obj, attnames[name]) for name in fields)
        groups.setdefault(key, []).append(obj.pk)
    if len(groups) > GROUPED_UPDATE_LIMIT:
        model.objects.bulk_update(objects, fields, batch_size=WRITE_BATCH)
        return
    for values, pks in groups.items():
        model.objects.filter(pk__in=pks).update(
            **{attnames[name]: value for name, value in zip(fields, values, strict=True)}
        )


def _existing_positions(rows: list[_Row], people: dict[tuple, Person]) -> dict[tuple, Position]:
    """Existing positions by (kelurahan, role, person); the latest one when there are several."""
    person_ids = {person.pk for person in people.values() if person.pk}
    codes = {row.region.code for row in rows}
    positions = Position.objects.filter(region_id__in=codes, person_id__in=person_ids).order_by(
        "pk"
    )
    return {
        (position.region_id, position.role_id, position.person_id): position
        for position in positions
    }


def roster_error_rows(errors: Iterable[RosterRowError]) -> list[RosterRowError]:
    """Errors sorted for display: file problems first, then by row, columns left to right."""
    order = {column: index for index, column in enumerate(COLUMNS)}
    return sorted(errors, key=lambda error: (error.row, order.get(error.column, -1)))
