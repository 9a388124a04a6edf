"""The coordination admin, one module per feature; importing them registers the models."""

from . import campaigns, followups, meetings  # noqa: F401
