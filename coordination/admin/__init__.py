"""The coordination admin, one module per feature; importing them registers the models."""

from . import campaigns, meetings  # noqa: F401
