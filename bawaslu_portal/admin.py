"""Admin for regions, kelurahan rosters, agencies, people and accounts.

Built for the whole country (83,762 kelurahan): changelists never run an
unbounded ``COUNT(*)`` (capped paginator, no full result count), every
foreign key is an autocomplete, and the region filters only list what the
current selection narrows down to.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import Agency, Person, Position, PositionRole, Region, User
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.pagination import CappedCountPaginator

admin.site.site_header = _("Bawaslu coordination portal administration")
admin.site.site_title = _("Portal administration")
admin.site.index_title = _("Administration")


class BoundedAdmin(admin.ModelAdmin):
    """Changelist without unbounded counts: see ``bawaslu_portal.pagination``."""

    paginator = CappedCountPaginator
    show_full_result_count = False
    list_per_page = 50


class RegionSubtreeFilter(admin.SimpleListFilter):
    """Filter by a region subtree; ``field`` is the path to the region code."""

    field = "region"
    depth = 2

    def lookups(self, request, model_admin):
        regions = Region.objects.filter(depth=self.depth).only("code", "name", "kind")
        parent_code = self.parent_code(request)
        if self.depth > 2:
            if not parent_code:
                return []
            regions = regions.filter(parent_id=parent_code)
        return [
            (region.code, f"{region.code} {region.name}") for region in regions.order_by("code")
        ]

    def parent_code(self, request):
        return request.GET.get("kabkota")

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(subtree_q(self.field, self.value()))
        return queryset


class KabKotaFilter(RegionSubtreeFilter):
    title = _("kabupaten/kota")
    parameter_name = "kabkota"
    depth = 2


class KecamatanFilter(RegionSubtreeFilter):
    """Lists the kecamatan of the chosen kab/kota only (choose a kab/kota first)."""

    title = _("kecamatan")
    parameter_name = "kecamatan"
    depth = 3


class RegionKabKotaFilter(KabKotaFilter):
    field = "code"


class RegionKecamatanFilter(KecamatanFilter):
    field = "code"


class PositionInline(admin.TabularInline):
    """The roster of a region (for a kelurahan: Lurah, Sekretaris, PKD, …)."""

    model = Position
    fk_name = "region"
    extra = 1
    autocomplete_fields = ["person", "role", "agency"]
    fields = ["role", "person", "agency", "start_date", "end_date", "is_active"]
    verbose_name = _("roster entry")
    verbose_name_plural = _("roster")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "role", "agency")


@admin.register(Region)
class RegionAdmin(BoundedAdmin):
    list_display = ["code", "name", "kind", "timezone", "parent"]
    list_select_related = ["parent"]
    list_filter = ["depth", RegionKabKotaFilter, RegionKecamatanFilter, "timezone"]
    search_fields = ["^code", "name"]
    autocomplete_fields = ["parent"]
    ordering = ["code"]
    inlines = [PositionInline]
    fields = ["code", "name", "kind", "parent", "timezone", "postal_code"]

    def get_readonly_fields(self, request, obj=None):
        # The code is the key other tables point at: fixed once created.
        return ["code"] if obj else []


@admin.register(Agency)
class AgencyAdmin(BoundedAdmin):
    list_display = ["name", "kind", "region", "parent", "is_active"]
    list_select_related = ["region", "parent"]
    list_filter = ["kind", "is_active", KabKotaFilter]
    search_fields = ["name", "short_name", "^region__code"]
    autocomplete_fields = ["region", "parent"]
    ordering = ["name"]


@admin.register(Person)
class PersonAdmin(BoundedAdmin):
    list_display = ["name", "title", "nip", "phone", "email"]
    search_fields = ["name", "known_as", "=nip", "email"]
    ordering = ["name"]


@admin.register(PositionRole)
class PositionRoleAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(Position)
class PositionAdmin(BoundedAdmin):
    list_display = ["person", "role", "agency", "region", "start_date", "end_date", "is_active"]
    list_select_related = ["person", "role", "agency", "region"]
    list_filter = ["is_active", "role", KabKotaFilter, KecamatanFilter]
    search_fields = ["person__name", "=person__nip", "^region__code", "region__name"]
    autocomplete_fields = ["person", "role", "agency", "region"]
    ordering = ["region", "role__order"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    paginator = CappedCountPaginator
    show_full_result_count = False
    list_display = ["username", "email", "get_full_name", "agency", "role", "is_active"]
    list_select_related = ["agency"]
    list_filter = ["role", "is_active", "is_staff", "is_superuser"]
    autocomplete_fields = ["agency", "person"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Portal"), {"fields": ["agency", "role", "person"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Portal"), {"fields": ["email", "first_name", "last_name", "agency", "role"]}),
    ]
