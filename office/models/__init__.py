"""Models of the office app, one module per feature (imported here so Django registers them)."""

from .reminders import PREFERENCE_FIELD, ReminderKind, ReminderSent

__all__ = ["PREFERENCE_FIELD", "ReminderKind", "ReminderSent"]
