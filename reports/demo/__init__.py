"""Demo data of the reports app (``manage.py seed_demo`` calls :func:`seed_reports_demo`)."""

from .cases import seed_reports_demo, stale_demo_cases

__all__ = ["seed_reports_demo", "stale_demo_cases"]
