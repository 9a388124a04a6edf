"""Admin for follow-ups and their progress notes.

Officials work in the portal pages; the admin is for corrections. The
changelist is bounded (no unbounded COUNT) and every foreign key is an
autocomplete.
"""

from django.contrib import admin

from bawaslu_portal.admin import KabKotaFilter
from coordination.admin.shared import TrackedAdmin
from coordination.models import FollowUp, FollowUpNote


class FollowUpNoteInline(admin.TabularInline):
    model = FollowUpNote
    extra = 0
    fields = ["date", "author", "text"]
    autocomplete_fields = ["author"]


@admin.register(FollowUp)
class FollowUpAdmin(TrackedAdmin):
    list_display = ["title", "responsible_agency", "due_date", "status", "region"]
    list_select_related = ["responsible_agency", "region"]
    list_filter = ["status", KabKotaFilter]
    search_fields = ["title", "responsible_agency__name", "^region__code"]
    autocomplete_fields = [
        "responsible_agency",
        "responsible_person",
        "meeting",
        "region",
        "created_by",
    ]
    date_hierarchy = "due_date"
    readonly_fields = ["created_at", "updated_at", "completed_at", "version"]
    inlines = [FollowUpNoteInline]
    ordering = ["due_date"]

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
