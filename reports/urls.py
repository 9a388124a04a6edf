from django.urls import path

from reports.views import cases, documents, exports, intake, privacy, public, related, workflow

app_name = "reports"

# Order matters where a fixed path and a pattern share a prefix: ``lapor/terkirim/``
# before ``lapor/<kabkota>/``, and the receipt's own URLs (they alone also answer the
# session that filed it) before the generic case documents.
urlpatterns = [
    # Case pages and intake (officials).
    path("laporan/", cases.report_list, name="list"),
    path("laporan/baru/", intake.report_create, name="create"),
    path("laporan/ekspor.csv", exports.report_export_csv, name="export_csv"),
    path("laporan/ekspor.xlsx", exports.report_export_xlsx, name="export_xlsx"),
    path("laporan/<int:pk>/", cases.report_detail, name="detail"),
    path("laporan/<int:pk>/identitas-pelapor/", cases.reporter_identity, name="reporter_identity"),
    path(
        "laporan/<int:pk>/identitas-pelapor/ekspor/",
        privacy.reporter_export,
        name="reporter_export",
    ),
    path(
        "laporan/<int:pk>/identitas-pelapor/koreksi/",
        privacy.reporter_correct,
        name="reporter_correct",
    ),
    path("privasi/", privacy.processing_record, name="processing_record"),
    path(
        "laporan/<int:pk>/bukti/<int:evidence_pk>/",
        cases.evidence_download,
        name="evidence_download",
    ),
    path("laporan/<int:pk>/bukti/tambah/", cases.evidence_add_view, name="evidence_add"),
    # Public filing and status check (no login).
    path("lapor/", public.public_start, name="public_start"),
    path("lapor/terkirim/", public.public_done, name="public_done"),
    path("lapor/<str:kabkota>/", public.public_form, name="public_form"),
    path("cek-laporan/", public.status_check, name="status_check"),
    # Workflow actions and comments.
    path("laporan/<int:pk>/tindakan/", workflow.report_transition_view, name="transition"),
    path("laporan/<int:pk>/komentar/", cases.report_comment_view, name="comment_add"),
    # Related reports (same incident, same reported ASN), assessed together.
    path("laporan/<int:pk>/terkait/", related.report_link_view, name="link"),
    path("laporan/<int:pk>/terkait/lepas/", related.report_unlink_view, name="unlink"),
    # Case documents and the register book.
    path("laporan/register/", documents.register_print, name="register"),
    path("laporan/register/pdf/", documents.register_pdf, name="register_pdf"),
    path("laporan/<int:pk>/cetak/tanda-bukti/", documents.receipt_print, name="receipt"),
    path("laporan/<int:pk>/pdf/tanda-bukti/", documents.receipt_pdf, name="receipt_pdf"),
    path("laporan/<int:pk>/cetak/<slug:slug>/", documents.document_print, name="document"),
    path("laporan/<int:pk>/pdf/<slug:slug>/", documents.document_pdf, name="document_pdf"),
]
