"""Admin for declarations, designations (and the editable designation kinds), programs, pokja.

Officials work in the portal pages; the admin is for corrections and for the
editable list of designation kinds. Changelists are bounded and foreign keys
are autocompletes. Imported by ``coordination/admin.py``.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.admin import KabKotaFilter, OrderedNamesAdmin
from coordination.admin.shared import PersonRowInline, TrackedAdmin
from coordination.models import (
    Declaration,
    DeclarationCampaign,
    DeclarationDocument,
    DeclarationSignatory,
    DesignationKind,
    KelurahanDesignation,
    Program,
    ProgramTarget,
    WorkingGroup,
    WorkingGroupMember,
)


class KelurahanKabKotaFilter(KabKotaFilter):
    title = _("kabupaten/kota")
    field = "kelurahan"


admin.site.register(DesignationKind, OrderedNamesAdmin)


@admin.register(DeclarationCampaign)
class DeclarationCampaignAdmin(TrackedAdmin):
    list_display = ["name", "kind", "region"]
    list_select_related = ["region"]
    list_filter = ["kind", KabKotaFilter]
    search_fields = ["name"]
    autocomplete_fields = ["region"]


class DeclarationSignatoryInline(PersonRowInline):
    model = DeclarationSignatory
    fields = ["order", "person", "agency", "position_title"]


class DeclarationDocumentInline(admin.TabularInline):
    model = DeclarationDocument
    extra = 0
    fields = ["kind", "original_name", "content_type", "size", "uploaded_at"]
    readonly_fields = ["original_name", "content_type", "size", "uploaded_at"]
    can_delete = True

    def has_add_permission(self, request, obj=None):
        # Uploads go through the portal, where their content is checked.
        return False


@admin.register(Declaration)
class DeclarationAdmin(TrackedAdmin):
    list_display = ["title", "kind", "date", "region", "organiser", "is_public"]
    list_select_related = ["region", "organiser"]
    list_filter = ["kind", "is_public", KabKotaFilter]
    search_fields = ["title", "place", "^region__code"]
    autocomplete_fields = [
        "region",
        "organiser",
        "signatory_agencies",
        "campaign",
        "meeting",
        "created_by",
    ]
    date_hierarchy = "date"
    inlines = [DeclarationSignatoryInline, DeclarationDocumentInline]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(KelurahanDesignation)
class KelurahanDesignationAdmin(TrackedAdmin):
    list_display = ["kelurahan", "kind", "date", "decree_number", "status"]
    list_select_related = ["kelurahan", "kind"]
    list_filter = ["kind", "status", KelurahanKabKotaFilter]
    search_fields = ["kelurahan__name", "decree_number"]
    code_search_field = "kelurahan__code"
    autocomplete_fields = ["kelurahan", "created_by"]
    readonly_fields = ["created_at", "updated_at"]


class ProgramTargetInline(admin.TabularInline):
    model = ProgramTarget
    extra = 0
    autocomplete_fields = ["region"]
    fields = ["order", "level", "region", "target_count", "meeting_kind"]


@admin.register(Program)
class ProgramAdmin(TrackedAdmin):
    list_display = ["name", "region", "owner_agency", "period_start", "period_end"]
    list_select_related = ["region", "owner_agency"]
    list_filter = [KabKotaFilter]
    search_fields = ["name", "legal_basis"]
    autocomplete_fields = ["owner_agency", "region", "meetings"]
    inlines = [ProgramTargetInline]


class WorkingGroupMemberInline(PersonRowInline):
    model = WorkingGroupMember
    fields = ["order", "person", "agency", "role"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(TrackedAdmin):
    list_display = ["name", "region", "agency", "decree_number", "decree_date"]
    list_select_related = ["region", "agency"]
    list_filter = [KabKotaFilter]
    search_fields = ["name", "decree_number"]
    autocomplete_fields = ["agency", "region", "meetings"]
    inlines = [WorkingGroupMemberInline]
