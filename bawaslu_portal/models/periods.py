"""The rule that a period does not end before it starts, on a model's two date fields.

A model states the rule once, as an :class:`EndNotBeforeStart`, and takes both of
its sides from it: the database check for ``Meta.constraints`` and the same check
for ``clean()``, with one message and the code ``end_before_start``.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


@dataclass(frozen=True)
class EndNotBeforeStart:
    """``end`` is empty or not before ``start``; ``message`` goes on ``end``."""

    start: str
    end: str
    message: str
    #: ``start`` may be empty too (a position with no known start): the database check
    #: then lets an empty start pass, as ``check()`` does.
    start_optional: bool = False

    def constraint(self, name: str) -> models.CheckConstraint:
        """The database check, for ``Meta.constraints``."""
        condition = Q(**{f"{self.end}__isnull": True})
        if self.start_optional:
            condition |= Q(**{f"{self.start}__isnull": True})
        return models.CheckConstraint(
            condition=condition | Q(**{f"{self.end}__gte": models.F(self.start)}),
            name=name,
            violation_error_code="end_before_start",
            violation_error_message=self.message,
        )

    def check(self, instance: models.Model) -> None:
        """The same rule for ``clean()``: a ``ValidationError`` on ``end`` when it comes first."""
        begins, ends = getattr(instance, self.start), getattr(instance, self.end)
        if begins and ends and ends < begins:
            raise ValidationError(
                {self.end: ValidationError(self.message, code="end_before_start")}
            )
