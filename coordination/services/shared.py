"""What the coordination services share: the jurisdiction and version checks, people by
name, setting a record's fields, replacing its rows, deleting it with its files.

``actor=None`` is a trusted system job such as the demo seed: no jurisdiction
check applies to it.
"""

from collections.abc import Callable, Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, Person, Region
from bawaslu_portal.scoping import user_jurisdiction
from bawaslu_portal.timefmt import format_datetime

# What other apps may use; the checks are for the services of this package.
__all__ = ["person_for_attendee"]


def check_region(*, actor, region: Region, field: str = "region") -> None:
    """The region must lie in the actor's jurisdiction (no actor: a system job, trusted)."""
    if actor is None:
        return
    if not user_jurisdiction(actor).contains(region.code):
        message = _("%(region)s is outside your jurisdiction.") % {"region": region.label}
        raise ValidationError({field: ValidationError(message, code="outside_jurisdiction")})


def check_version(obj, expected_version: int | None, *, what: str, region=None) -> None:
    """Optimistic locking: refuse a save based on an older version of ``obj``.

    The message gives the time of the last change in ``region``'s time zone (by default
    ``obj.region``'s).
    """
    if expected_version is None or obj.version == expected_version:
        return
    who = getattr(obj, "updated_by", None) or getattr(obj, "created_by", None)
    region = region or getattr(obj, "region", None)
    raise ValidationError(
        _(
            "This %(what)s was changed by %(who)s at %(when)s while you were editing it; "
            "your changes were not saved. They are shown below: check them against the "
            "current version and save again."
        )
        % {
            "what": what,
            "who": who or _("another user"),
            "when": format_datetime(obj.updated_at, region),
        },
        code="stale_version",
    )


def record_for_update(
    model: type[models.Model],
    pk,
    *,
    actor,
    expected_version: int | None,
    region_field: str = "region",
):
    """The stored record ``pk`` of ``model``, its row locked until the transaction ends,
    ready for ``actor``'s change: its ``version`` bumped and ``updated_by`` set (not saved).

    Raises ``ValidationError`` ``stale_version`` (:func:`check_version`: the model's name,
    who changed it and when, in the zone of its ``region_field``) when ``expected_version``
    is given and older than the stored one: nothing is saved.
    """
    current = (
        model.objects.select_for_update(of=("self",))
        .select_related("updated_by", "created_by", region_field)
        .get(pk=pk)
    )
    check_version(
        current,
        expected_version,
        what=model._meta.verbose_name,
        region=getattr(current, region_field),
    )
    current.version += 1
    current.updated_by = actor
    return current


def person_for_attendee(*, name: str, agency: Agency | None = None) -> Person:
    """The person called ``name`` for ``agency``: an existing one if known there, else new.

    Forms take attendees by name (no JavaScript pickers over a national
    people table). A name matches, case-insensitively, a person who holds a
    position in ``agency`` or has attended a meeting for it; failing that, a
    person of that name with no agency ties at all; otherwise a new person is
    created, so two namesakes in different agencies stay two people.
    """
    name = " ".join(name.split())
    candidates = Person.objects.filter(name__iexact=name)
    if agency is not None:
        tied = candidates.filter(
            Q(positions__agency=agency) | Q(meeting_attendances__agency=agency)
        ).first()
        if tied:
            return tied
    loose = candidates.filter(positions__isnull=True, meeting_attendances__isnull=True).first()
    if loose:
        return loose
    person = Person(name=name)
    person.full_clean()
    person.save()
    return person


def delete_with_files(record: models.Model, files: Iterable[FieldFile]) -> None:
    """Delete ``record`` (and what cascades from it); its stored ``files`` are removed once
    the transaction commits, so a rolled-back delete keeps them."""
    stored = [(file.storage, file.name) for file in files]
    record.delete()
    for storage, name in stored:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def set_fields(obj: models.Model, fields: Mapping) -> None:
    """Set each of ``fields`` (field name to value) on ``obj``; nothing is saved."""
    for name, value in fields.items():
        setattr(obj, name, value)


def replace_rows(rows_of, rows: Iterable[models.Model], *, validate_unique: bool = True) -> None:
    """Replace the rows ``rows_of`` (a related manager) holds by ``rows``, unsaved, in order.

    Each row is checked with ``full_clean`` (its record left out) as it comes,
    so a generator may refuse a later row after an earlier one is checked; the
    old rows are deleted only once every row passed. Raises the row's
    ``ValidationError``.
    """
    checked = []
    for row in rows:
        row.full_clean(exclude=[rows_of.field.name], validate_unique=validate_unique)
        checked.append(row)
    rows_of.all().delete()
    rows_of.model.objects.bulk_create(checked)


def replace_person_rows(
    rows_of,
    rows: Iterable[Mapping],
    *,
    fields: Callable[[Mapping, int], Mapping],
    duplicate_message: str,
    duplicate_code: str,
) -> None:
    """Replace the person rows ``rows_of`` holds (a related manager) by ``rows``, in order.

    Each mapping gives ``person`` or ``name`` (found or created by
    :func:`person_for_attendee` for its ``agency``). A row belongs to
    ``rows_of``'s record and has the person, the ``agency`` and its ``order``
    (counting from 1); ``fields(data, order)`` gives the rest of its fields, and
    may give another ``order``. Every row is checked before the old ones are
    deleted (:func:`replace_rows`). Raises ``ValidationError``
    ``duplicate_code`` (``duplicate_message`` names the person) when a person
    appears twice, or a field error.
    """

    def person_rows():
        seen = set()
        for order, data in enumerate(rows, start=1):
            person = data.get("person") or person_for_attendee(
                name=data["name"], agency=data.get("agency")
            )
            if person.pk in seen:
                raise ValidationError(duplicate_message % {"person": person}, code=duplicate_code)
            seen.add(person.pk)
            values = {"person": person, "agency": data.get("agency"), "order": order}
            values.update(fields(data, order))
            yield rows_of.model(**{rows_of.field.name: rows_of.instance}, **values)

    replace_rows(rows_of, person_rows(), validate_unique=False)
