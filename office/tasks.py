"""Background work of the office app, on Django's tasks framework (``django.tasks``).

``TASKS`` in the settings picks the backend: the immediate backend by default (the
task runs inside ``enqueue``), the database backend of ``django-tasks-db`` in
production, run by ``manage.py db_worker`` (see docs/reminders.md).
"""

import uuid

from django.tasks import task

from office.services.reminders import reminder_mails_send


@task
def send_reminder_mails(run: str) -> int:
    """Mail the reminders claimed by the sender's run ``run`` (a UUID string)."""
    return reminder_mails_send(run=uuid.UUID(run))
