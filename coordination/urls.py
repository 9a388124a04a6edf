from django.urls import path

from coordination.views import campaigns, followups, meetings, public

app_name = "coordination"

urlpatterns = [
    path("rapat/", meetings.meeting_list, name="meeting_list"),
    path("rapat/baru/", meetings.meeting_create, name="meeting_create"),
    path("rapat/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("rapat/<int:pk>/ubah/", meetings.meeting_update, name="meeting_update"),
    path("rapat/<int:pk>/salin/", meetings.meeting_copy, name="meeting_copy"),
    path("rapat/<int:pk>/lampiran/", meetings.attachment_upload, name="attachment_upload"),
    path(
        "rapat/<int:pk>/lampiran/<int:attachment_pk>/",
        meetings.attachment_download,
        name="attachment_download",
    ),
    path(
        "rapat/<int:pk>/lampiran/<int:attachment_pk>/hapus/",
        meetings.attachment_delete,
        name="attachment_delete",
    ),
    path(
        "rapat/<int:meeting_pk>/tindak-lanjut/baru/",
        followups.follow_up_create,
        name="meeting_follow_up_create",
    ),
    path("tindak-lanjut/", followups.follow_up_list, name="follow_up_list"),
    path("tindak-lanjut/baru/", followups.follow_up_create, name="follow_up_create"),
    path("tindak-lanjut/<int:pk>/", followups.follow_up_detail, name="follow_up_detail"),
    path("tindak-lanjut/<int:pk>/ubah/", followups.follow_up_update, name="follow_up_update"),
    path(
        "tindak-lanjut/<int:pk>/kemajuan/",
        followups.follow_up_progress,
        name="follow_up_progress",
    ),
    path("tindak-lanjut/<int:pk>/status/", followups.follow_up_status, name="follow_up_status"),
    path("tugas-saya/", followups.my_tasks, name="my_tasks"),
    # Printed summaries and lists.
    path("rapat/<int:pk>/cetak/", meetings.meeting_print, name="meeting_print"),
    path("rapat/<int:pk>/pdf/", meetings.meeting_pdf, name="meeting_pdf"),
    path("tindak-lanjut/cetak/", followups.follow_up_print, name="follow_up_print"),
    # Public agenda (no login) and its iCalendar feeds.
    path("agenda/", public.agenda, name="public_agenda"),
    path("agenda/<int:pk>/", public.agenda_meeting, name="public_meeting"),
    path("agenda.ics", public.agenda_feed, name="public_feed"),
    path("agenda/<str:city_code>.ics", public.agenda_feed, name="public_city_feed"),
    # Campaigns: declarations, kelurahan designations, programs, working groups.
    path("deklarasi/", campaigns.declaration_list, name="declaration_list"),
    path("deklarasi/baru/", campaigns.declaration_create, name="declaration_create"),
    path("deklarasi/<int:pk>/", campaigns.declaration_detail, name="declaration_detail"),
    path("deklarasi/<int:pk>/ubah/", campaigns.declaration_update, name="declaration_update"),
    path("deklarasi/<int:pk>/hapus/", campaigns.declaration_delete, name="declaration_delete"),
    path(
        "deklarasi/<int:pk>/dokumen/",
        campaigns.declaration_document_add,
        name="declaration_document_add",
    ),
    path(
        "deklarasi/<int:pk>/dokumen/<int:document_pk>/",
        campaigns.declaration_document_download,
        name="declaration_document_download",
    ),
    path(
        "deklarasi/<int:pk>/dokumen/<int:document_pk>/hapus/",
        campaigns.declaration_document_delete,
        name="declaration_document_delete",
    ),
    path("deklarasi/kampanye/", campaigns.campaign_list, name="campaign_list"),
    path("deklarasi/kampanye/baru/", campaigns.campaign_create, name="campaign_create"),
    path("deklarasi/kampanye/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("deklarasi/kampanye/<int:pk>/ubah/", campaigns.campaign_update, name="campaign_update"),
    path("kelurahan-binaan/", campaigns.designation_list, name="designation_list"),
    path("kelurahan-binaan/baru/", campaigns.designation_create, name="designation_create"),
    path(
        "kelurahan-binaan/cakupan/",
        campaigns.designation_coverage,
        name="designation_coverage",
    ),
    path(
        "kelurahan-binaan/<int:pk>/ubah/",
        campaigns.designation_update,
        name="designation_update",
    ),
    path(
        "kelurahan-binaan/<int:pk>/cabut/",
        campaigns.designation_revoke,
        name="designation_revoke",
    ),
    path("program/", campaigns.program_list, name="program_list"),
    path("program/baru/", campaigns.program_create, name="program_create"),
    path("program/<int:pk>/", campaigns.program_detail, name="program_detail"),
    path("program/<int:pk>/ubah/", campaigns.program_update, name="program_update"),
    path("program/<int:pk>/rapat/", campaigns.program_meetings, name="program_meetings"),
    path("pokja/", campaigns.working_group_list, name="working_group_list"),
    path("pokja/baru/", campaigns.working_group_create, name="working_group_create"),
    path("pokja/<int:pk>/", campaigns.working_group_detail, name="working_group_detail"),
    path("pokja/<int:pk>/ubah/", campaigns.working_group_update, name="working_group_update"),
    path("pokja/<int:pk>/rapat/", campaigns.working_group_meetings, name="working_group_meetings"),
]
