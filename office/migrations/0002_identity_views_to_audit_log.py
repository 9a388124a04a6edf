"""Copy the old reporter-identity view log (reports.ReporterIdentityAccess) into the audit log.

Since the audit log (bawaslu_portal 0005) every identity view is an AuditEvent of kind
``identity_view``; the rows logged before it are copied here so the case page and a
breach investigation see one history. The old table is left as it was (the reports app
may drop it later); running this twice does not duplicate rows (copied rows are marked).
Lives in office, the top app, because it reads reports and writes bawaslu_portal.
"""

from django.db import migrations

BATCH = 2000


def copy_identity_views(apps, schema_editor):
    Access = apps.get_model("reports", "ReporterIdentityAccess")
    AuditEvent = apps.get_model("bawaslu_portal", "AuditEvent")
    if AuditEvent.objects.filter(details__migrated_from="reporteridentityaccess").exists():
        return
    batch = []
    for access in Access.objects.select_related("user").order_by("pk").iterator(BATCH):
        batch.append(
            AuditEvent(
                at=access.at,
                user_id=access.user_id,
                username=access.user.username,
                kind="identity_view",
                object_type="reports.report",
                object_id=str(access.report_id),
                object_repr="",
                details={"purpose": access.purpose, "migrated_from": "reporteridentityaccess"},
            )
        )
        if len(batch) >= BATCH:
            AuditEvent.objects.bulk_create(batch)
            batch = []
    if batch:
        AuditEvent.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("office", "0001_reminder_sent"),
        ("bawaslu_portal", "0005_audit_log_reminder_preferences"),
        ("reports", "0004_statutory_rules_data"),
    ]

    operations = [migrations.RunPython(copy_identity_views, migrations.RunPython.noop)]
