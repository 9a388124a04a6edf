"""What the coordination models share: the rule that a period does not end before it starts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


def end_not_before_start(*, start: str, end: str, name: str, message) -> models.CheckConstraint:
    """The database check: ``end`` is empty or not before ``start`` (code ``end_before_start``)."""
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": models.F(start)}),
        name=name,
        violation_error_code="end_before_start",
        violation_error_message=message,
    )


def check_end_not_before_start(instance: models.Model, *, start: str, end: str, message) -> None:
    """The same rule for ``clean()``: a ``ValidationError`` on ``end`` when it comes first."""
    begins, ends = getattr(instance, start), getattr(instance, end)
    if begins and ends and ends < begins:
        raise ValidationError({end: ValidationError(message, code="end_before_start")})
