"""Sending the reminder mails, once each, and the users' choice of which to receive.

``reminders_send`` is what the daily timer runs (``manage.py send_reminders``): it
claims the due reminders in the ledger (``ReminderSent``; the unique constraint
makes a second claim of the same user, kind, object and date a no-op) and queues
one task (``office.tasks.send_reminder_mails``) that mails what this run claimed.
A second run the same day finds everything claimed and queues nothing.

The mails are plain text in the portal's language (``LANGUAGE_CODE``, Indonesian),
from English gettext source strings, each with a link to the object. They name
no reporter: a case is named by its registration number or tracking code.
"""

import datetime
import logging
import uuid
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.models import PREFERENCE_FIELD, ReminderKind, ReminderSent
from office.selectors.reminders import reminder_objects, reminders_due

logger = logging.getLogger(__name__)

#: The subject line of each kind (English source, translated when the mail is rendered;
#: gettext_noop marks them for makemessages, which reads no plain string).
SUBJECTS = {
    ReminderKind.FOLLOWUP_ASSIGNED: gettext_noop("Follow-up assigned to your agency: %(object)s"),
    ReminderKind.DEADLINE_SOON: gettext_noop("Case deadline tomorrow: %(object)s"),
    ReminderKind.DEADLINE_PASSED: gettext_noop("Case deadline passed: %(object)s"),
    ReminderKind.MEETING_TOMORROW: gettext_noop("Meeting tomorrow: %(object)s"),
}


def reminders_send(*, today: datetime.date | None = None) -> int:
    """Claim every reminder due ``today`` that was never sent and queue their mails.

    Returns how many were claimed (0 on a second run the same day). The claim is one
    ``INSERT … ON CONFLICT DO NOTHING``; a concurrent run claims the rest, never the
    same rows. The mails go out after the claim commits (``send_reminder_mails``).
    """
    from office.tasks import send_reminder_mails

    today = today or timezone.localdate()
    due = reminders_due(today=today)
    if not due:
        return 0
    run = uuid.uuid4()
    with transaction.atomic():
        already = set(
            ReminderSent.objects.filter(
                kind__in={item.kind for item in due}, date__in={item.date for item in due}
            ).values_list("user_id", "kind", "object_id", "date")
        )
        ReminderSent.objects.bulk_create(
            [
                ReminderSent(
                    user_id=item.user_id,
                    kind=item.kind,
                    object_id=item.object_id,
                    date=item.date,
                    run=run,
                )
                for item in due
                if (item.user_id, item.kind, item.object_id, item.date) not in already
            ],
            ignore_conflicts=True,
        )
        claimed = ReminderSent.objects.filter(run=run).count()
    if claimed:
        send_reminder_mails.enqueue(run=str(run))
    logger.info("reminders claimed: %s (run %s)", claimed, run)
    return claimed


def _object_label(kind: str, obj) -> str:
    if kind in (ReminderKind.DEADLINE_SOON, ReminderKind.DEADLINE_PASSED):
        return str(obj)  # registration number or tracking code, never the reporter
    return obj.title


def reminder_message(*, reminder: ReminderSent, obj) -> EmailMessage:
    """The mail of one reminder, rendered in the portal's language."""
    base = settings.PORTAL_BASE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        label = _object_label(reminder.kind, obj)
        subject = _(SUBJECTS[reminder.kind]) % {"object": label}
        body = render_to_string(
            "office/email/reminder.txt",
            {
                "kind": reminder.kind,
                "kinds": ReminderKind,
                "object": obj,
                "label": label,
                "user": reminder.user,
                "date": reminder.date,
                "link": f"{base}{obj.get_absolute_url()}",
                "preferences_link": f"{base}{reverse('office:reminder_preferences')}",
                "portal_name": settings.PORTAL_NAME,
            },
        )
    return EmailMessage(
        subject=" ".join(subject.split())[:200], body=body, to=[reminder.user.email]
    )


def reminder_mails_send(*, run: uuid.UUID) -> int:
    """Mail every reminder claimed by ``run`` and not mailed yet; return how many went out.

    Queries: the reminders with their users, then one per kind for the objects. A
    reminder whose object is gone (deleted since) is marked and skipped.
    """
    reminders = list(
        ReminderSent.objects.filter(run=run, mailed_at__isnull=True).select_related("user")
    )
    ids_by_kind = defaultdict(set)
    for reminder in reminders:
        ids_by_kind[reminder.kind].add(reminder.object_id)
    objects = {kind: reminder_objects(kind=kind, ids=ids) for kind, ids in ids_by_kind.items()}
    sent = []
    for reminder in reminders:
        obj = objects[reminder.kind].get(reminder.object_id)
        if obj is not None:
            reminder_message(reminder=reminder, obj=obj).send()
        sent.append(reminder.pk)
    ReminderSent.objects.filter(pk__in=sent).update(mailed_at=timezone.now())
    return len(sent)


@transaction.atomic
def reminder_preferences_update(*, user, **choices: bool):
    """Turn reminder kinds on or off for ``user``; ``choices`` are ``User.remind_*`` fields."""
    allowed = set(PREFERENCE_FIELD.values())
    unknown = set(choices) - allowed
    if unknown:
        raise TypeError(f"not reminder preferences: {sorted(unknown)}")
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    for name, value in choices.items():
        setattr(user, name, bool(value))
    user.save(update_fields=list(choices))
    return user
