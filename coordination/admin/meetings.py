"""Admin for meetings (with attendees, agenda and attachments) and the editable topics.

Officials work in the portal pages; the admin is for corrections and for the
editable topic list. Changelists are bounded (no unbounded COUNT) and every
foreign key is an autocomplete.
"""

from django.contrib import admin

from bawaslu_portal.admin import KabKotaFilter, OrderedNamesAdmin
from coordination.admin.shared import PersonRowInline, TrackedAdmin
from coordination.models import (
    AgendaItem,
    Meeting,
    MeetingAttachment,
    MeetingAttendee,
    Topic,
)

admin.site.register(Topic, OrderedNamesAdmin)


class MeetingAttendeeInline(PersonRowInline):
    model = MeetingAttendee
    fields = ["order", "person", "agency", "position_title", "role"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "title", "notes"]


class MeetingAttachmentInline(admin.TabularInline):
    """Listed only: uploads go through the portal, where their content is checked."""

    model = MeetingAttachment
    extra = 0
    can_delete = False
    fields = ["kind", "original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(TrackedAdmin):
    list_display = ["title", "kind", "starts_at", "region", "host_agency", "status", "is_public"]
    list_select_related = ["region", "host_agency"]
    list_filter = ["kind", "status", "is_public", KabKotaFilter, "topics"]
    search_fields = ["title", "theme", "venue", "^region__code"]
    autocomplete_fields = ["region", "host_agency", "participating_agencies", "copied_from"]
    filter_horizontal = ["topics"]
    date_hierarchy = "starts_at"
    readonly_fields = ["created_by", "updated_by", "created_at", "updated_at", "version"]
    inlines = [MeetingAttendeeInline, AgendaItemInline, MeetingAttachmentInline]
    ordering = ["-starts_at"]

    def save_model(self, request, obj, form, change):
        # Admin corrections count as a new version, so open edit forms notice them.
        if change:
            obj.version += 1
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
