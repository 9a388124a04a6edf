"""Writing the audit log (``bawaslu_portal.models.AuditEvent``) and the hooks that feed it.

``audit_record`` is the one writer. The receivers below connect Django's auth
signals and django-axes' lockout signal (``PortalConfig.ready``): logins,
failed logins and lockouts have no view of ours to call it from.

What goes into ``details``: field names, filters, counts and purposes — never
the values of personal data (a reporter's name, NIK or address).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from bawaslu_portal.clients import client_ip
from bawaslu_portal.models import AuditEvent, AuditKind

#: Query parameters that are navigation, not a filter of an export.
NOT_FILTERS = frozenset({"page", "csrfmiddlewaretoken"})


def _ip(request) -> str | None:
    if request is None:
        return None
    address = client_ip(request)
    return None if address in ("", "unknown") else address


def audit_record(
    *,
    kind: str,
    user=None,
    request=None,
    obj: models.Model | None = None,
    username: str = "",
    details: dict | None = None,
) -> AuditEvent:
    """Append one audit row and return it.

    ``user`` defaults to the request's authenticated user; ``username`` to
    theirs (give it for a failed login, where there is no user). ``obj`` is the
    object acted on: its type (``app_label.model``), key and ``str()`` are kept,
    so the row stays readable after the object is deleted — models holding
    personal data must therefore not put it in ``__str__`` (``ReporterIdentity``
    does not). The row joins the caller's transaction: an action rolled back
    leaves no audit row claiming it happened.
    """
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        if candidate is not None and candidate.is_authenticated:
            user = candidate
    if user is not None and not username:
        username = user.get_username()
    event = AuditEvent(
        kind=kind,
        user=user,
        username=username[:150],
        ip=_ip(request),
        details=details or {},
    )
    if obj is not None:
        event.object_type = obj._meta.label_lower
        event.object_id = str(obj.pk)
        event.object_repr = str(obj)[:200]
    event.save()
    return event


def audit_export(request, *, what: str, file_format: str) -> AuditEvent:
    """Record a download of ``what`` (e.g. ``"reports"``) with the filters it was made with."""
    filters = {
        key: values if len(values) > 1 else values[0]
        for key, values in request.GET.lists()
        if key not in NOT_FILTERS and any(values)
    }
    return audit_record(
        kind=AuditKind.EXPORT,
        request=request,
        details={"what": what, "format": file_format, "filters": filters},
    )


def audit_retention_cutoff(now=None):
    """Events before this moment are past ``AUDIT_RETENTION_DAYS`` and may be purged."""
    return (now or timezone.now()) - timedelta(days=settings.AUDIT_RETENTION_DAYS)


def audit_purge(*, now=None, batch_size: int = 5000) -> int:
    """Delete the events older than the retention period, in batches; return how many.

    Batches keep each transaction short on a big table. The purge records
    itself (after deleting, so its own row is never purged by it).
    """
    cutoff = audit_retention_cutoff(now)
    deleted = 0
    while True:
        with transaction.atomic():
            ids = list(
                AuditEvent.objects.filter(at__lt=cutoff)
                .order_by("at")
                .values_list("pk", flat=True)[:batch_size]
            )
            if not ids:
                break
            deleted += AuditEvent.objects.filter(pk__in=ids).delete()[0]
    audit_record(
        kind=AuditKind.PURGE,
        details={
            "deleted": deleted,
            "before": cutoff.isoformat(),
            "retention_days": settings.AUDIT_RETENTION_DAYS,
        },
    )
    return deleted


# Signal receivers (connected in PortalConfig.ready).


def on_user_logged_in(sender, request, user, **kwargs):
    audit_record(kind=AuditKind.LOGIN, user=user, request=request)


def on_user_login_failed(sender, credentials, request=None, **kwargs):
    # Django passes the credentials with the password already masked.
    username = str(credentials.get("username") or credentials.get("email") or "")
    audit_record(kind=AuditKind.LOGIN_FAILED, request=request, username=username)


def on_user_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    audit_record(kind=AuditKind.LOCKOUT, request=request, username=str(username or ""))
