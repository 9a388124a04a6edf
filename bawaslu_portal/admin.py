"""Admin for regions, kelurahan rosters, agencies, people and accounts.

Built for the whole country (83,762 kelurahan): changelists never run an
unbounded ``COUNT(*)`` (capped paginator, no full result count), every
foreign key is an autocomplete (labelled from the rows already loaded, not a
query per roster entry), filters list fixed choices or what the current
selection narrows down to, and rosters move in and out as CSV
(``bawaslu_portal.rosters``).
"""

import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.admin_concurrency import ConcurrentEditMixin
from bawaslu_portal.audit import audit_export, audit_record
from bawaslu_portal.models import (
    Agency,
    AuditEvent,
    AuditKind,
    Person,
    Position,
    PositionRole,
    Region,
    User,
)
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.pagination import CappedCountPaginator
from bawaslu_portal.rosters import (
    MAX_BYTES,
    MAX_ROWS,
    RosterImportError,
    roster_error_rows,
    roster_export_rows,
    roster_import,
    roster_positions_for_regions,
)

admin.site.site_header = _("Bawaslu coordination portal administration")
admin.site.site_title = _("Portal administration")
admin.site.index_title = _("Administration")


#: A search term that is a region code or the start of one ("33", "33.74.0").
CODE_PREFIX_RE = re.compile(r"^\d{2}(\.\d{0,4})*$")


class BoundedAdmin(admin.ModelAdmin):
    """Changelist without unbounded counts: see ``bawaslu_portal.pagination``.

    ``code_search_field`` names the path to a region code: a search term that
    is a code ("33.74.01") becomes a case-sensitive prefix match on it, which
    the key index serves. Django's ``^code`` would be ``UPPER(code) LIKE …``,
    a scan of every row; codes have no letters, so nothing is lost.
    """

    paginator = CappedCountPaginator
    show_full_result_count = False
    # Facet counts run a COUNT per filter over the whole table: never on these.
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    code_search_field: str | None = None

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if self.code_search_field and CODE_PREFIX_RE.match(term):
            return queryset.filter(**{f"{self.code_search_field}__startswith": term}), False
        return super().get_search_results(request, queryset, search_term)


class OrderedNamesAdmin(admin.ModelAdmin):
    """An editable, hand-ordered list of names (position roles, topics, designation kinds).

    Such lists are short, so the order is edited right in the changelist.
    """

    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


class AuditedAdminMixin:
    """Admin changes to rosters and accounts also go to the audit log (not only LogEntry).

    LogEntry is editable by superusers and has no retention; the audit log is
    append-only and is where a breach investigation looks. The change message
    names the changed fields, never their values.
    """

    def _audit(self, request, obj, kind, message=""):
        details = {"change": message} if message else {}
        audit_record(kind=kind, request=request, obj=obj, details=details)

    def log_addition(self, request, obj, message):
        self._audit(request, obj, AuditKind.ADMIN_ADD, message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, obj, AuditKind.ADMIN_CHANGE, message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, AuditKind.ADMIN_DELETE)
        return super().log_deletions(request, queryset)


class RegionSubtreeFilter(admin.SimpleListFilter):
    """Filter by a region subtree; ``field`` is the path to the region code.

    The choices narrow step by step so no filter lists a whole level of the
    country: 38 provinces, then the kab/kota of the chosen province, then the
    kecamatan of the chosen kab/kota.
    """

    field = "region"
    depth = 1
    #: The query parameter of the filter one level up (None for provinces).
    parent_parameter: str | None = None

    def lookups(self, request, model_admin):
        regions = Region.objects.filter(depth=self.depth).only("code", "name", "kind")
        if self.parent_parameter:
            parent_code = self.parent_code(request)
            if not parent_code:
                return []
            regions = regions.filter(parent_id=parent_code)
        return [
            (region.code, f"{region.code} {region.name}") for region in regions.order_by("code")
        ]

    def parent_code(self, request):
        """The chosen parent; without one, the parent implied by this filter's own value."""
        chosen = request.GET.get(self.parent_parameter)
        if chosen:
            return chosen
        value = self.value() or ""
        parts = value.split(".")
        return ".".join(parts[: self.depth - 1]) if len(parts) >= self.depth else None

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(subtree_q(self.field, self.value()))
        return queryset


class ProvinceFilter(RegionSubtreeFilter):
    title = _("province")
    parameter_name = "provinsi"
    depth = 1


class KabKotaFilter(RegionSubtreeFilter):
    """Lists the kab/kota of the chosen province only (choose a province first)."""

    title = _("kabupaten/kota")
    parameter_name = "kabkota"
    depth = 2
    parent_parameter = "provinsi"


class KecamatanFilter(RegionSubtreeFilter):
    """Lists the kecamatan of the chosen kab/kota only (choose a kab/kota first)."""

    title = _("kecamatan")
    parameter_name = "kecamatan"
    depth = 3
    parent_parameter = "kabkota"


class RegionLevelFilter(admin.SimpleListFilter):
    """The four levels as fixed choices (no ``SELECT DISTINCT`` over every region)."""

    title = _("level")
    parameter_name = "depth"

    def lookups(self, request, model_admin):
        return [
            ("1", _("Province")),
            ("2", _("Kabupaten/kota")),
            ("3", _("Kecamatan")),
            ("4", _("Kelurahan/desa")),
        ]

    def queryset(self, request, queryset):
        if self.value() in {"1", "2", "3", "4"}:
            return queryset.filter(depth=int(self.value()))
        return queryset


class RegionProvinceFilter(ProvinceFilter):
    field = "code"


class RegionKabKotaFilter(KabKotaFilter):
    field = "code"


class RegionKecamatanFilter(KecamatanFilter):
    field = "code"


#: The label of the "no choice" option of an autocomplete (Django's own blank dash).
BLANK_OPTION_LABEL = "---------"


class BlankLabelledAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose "no choice" option has a label.

    Django renders it as ``<option value=""></option>``, which the Nu HTML
    Checker refuses (an option without a label must not be empty; issue 11 §4).
    select2 shows its placeholder instead, so the label is only seen without
    JavaScript.
    """

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        if value in ("", None) and not label:
            label = BLANK_OPTION_LABEL
        return super().create_option(name, value, label, selected, index, subindex, attrs)


class LoadedAutocompleteSelect(BlankLabelledAutocompleteSelect):
    """An autocomplete that labels its selected option from an object already loaded.

    Django's widget runs one query per rendered field to label the selected
    option; on a roster inline that is three queries per entry. The form puts
    the related object it already has (``select_related``) in ``loaded``; any
    other value (a re-displayed POST) falls back to Django's query.
    """

    loaded = None

    def build_attrs(self, base_attrs, extra_attrs=None):
        # select2 reads data-width: the box follows its table column instead of a fixed 260 px.
        return {**super().build_attrs(base_attrs, extra_attrs), "data-width": "100%"}

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        loaded = self.loaded
        if not selected or loaded is None or str(loaded.pk) not in selected:
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(loaded)
        options.append(self.create_option(name, loaded.pk, label, selected, len(options)))
        return [(None, options, 0)]


class RosterFormSet(BaseInlineFormSet):
    """Names every field of every roster row for assistive technology.

    A tabular inline labels its columns only by the table header, so axe found
    the row's selects, dates and checkboxes without an accessible name (issue
    11 §4). Each widget gets ``aria-label`` "<field>, entry <n>" ("new entry"
    for the row template); ``static/js/admin-roster.js`` passes it on to the
    select2 box that replaces the select.
    """

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            if field.widget.is_hidden:
                continue
            if index is None:
                text = gettext("%(field)s, new entry") % {"field": field.label}
            else:
                text = gettext("%(field)s, entry %(number)s") % {
                    "field": field.label,
                    "number": index + 1,
                }
            widget = getattr(field.widget, "widget", field.widget)
            widget.attrs["aria-label"] = text


class RosterEntryForm(forms.ModelForm):
    """A roster row whose autocompletes are labelled from the entry's loaded relations."""

    LOADED_FIELDS = ("person", "role", "agency")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        for name in self.LOADED_FIELDS:
            field = self.fields.get(name)
            if field is None:
                continue
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, LoadedAutocompleteSelect):
                widget.loaded = getattr(self.instance, name)


class PositionInline(admin.TabularInline):
    """The roster of a region (for a kelurahan: Lurah, Sekretaris, PKD, …)."""

    model = Position
    form = RosterEntryForm
    formset = RosterFormSet
    fk_name = "region"
    extra = 1
    autocomplete_fields = ["person", "role", "agency"]
    fields = ["role", "person", "agency", "start_date", "end_date", "is_active"]
    verbose_name = _("roster entry")
    verbose_name_plural = _("roster")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "role", "agency")

    class Media:
        # The select2 boxes' names and the hidden inputs' autocomplete (admin-roster.js), and the
        # table fitting its box at 1366 px (admin-roster.css; it was 1,226 px in 987 px).
        css = {"all": ["css/admin-roster.css"]}
        js = ["js/admin-roster.js"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = LoadedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A roster row edits the entry, not the person, role or agency it points at:
        # no change or delete links beside its selects (they also widened each column).
        if formfield is not None and hasattr(formfield.widget, "can_delete_related"):
            formfield.widget.can_change_related = False
            formfield.widget.can_delete_related = False
        return formfield


def roster_csv_response(positions) -> StreamingHttpResponse:
    """Stream the roster CSV of ``positions`` as a download (UTF-8 with BOM for Excel)."""

    def content():
        yield "\ufeff"
        yield from roster_export_rows(positions)

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(content(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="roster-{stamp}.csv"'
    return response


@admin.register(Region)
class RegionAdmin(AuditedAdminMixin, ConcurrentEditMixin, BoundedAdmin):
    list_display = ["code", "name", "kind", "timezone", "parent"]
    list_select_related = ["parent"]
    list_filter = [
        RegionLevelFilter,
        RegionProvinceFilter,
        RegionKabKotaFilter,
        RegionKecamatanFilter,
        "timezone",
    ]
    search_fields = ["^code", "name"]
    code_search_field = "code"
    autocomplete_fields = ["parent"]
    ordering = ["code"]
    inlines = [PositionInline]
    fields = ["code", "name", "kind", "parent", "timezone", "postal_code"]
    # The roster is edited inline: a change to it by someone else also counts.
    fingerprint_related = ("positions",)
    actions = ["export_rosters"]

    def get_readonly_fields(self, request, obj=None):
        # The code is the key other tables point at: fixed once created.
        return ["code"] if obj else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = BlankLabelledAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.action(
        description=_("Export the rosters of the selected regions as CSV"),
        permissions=["view"],
    )
    def export_rosters(self, request, queryset):
        """Every position in the selected regions and below (a kecamatan brings its kelurahan)."""
        audit_export(request, what="rosters", file_format="csv")
        return roster_csv_response(roster_positions_for_regions(queryset))


@admin.register(Agency)
class AgencyAdmin(ConcurrentEditMixin, BoundedAdmin):
    list_display = ["name", "kind", "region", "parent", "is_active"]
    list_select_related = ["region", "parent"]
    list_filter = ["kind", "is_active", ProvinceFilter, KabKotaFilter]
    search_fields = ["name", "short_name", "^region__code"]
    code_search_field = "region__code"
    autocomplete_fields = ["region", "parent"]
    ordering = ["name"]


@admin.register(Person)
class PersonAdmin(AuditedAdminMixin, ConcurrentEditMixin, BoundedAdmin):
    list_display = ["name", "title", "nip", "phone", "email"]
    search_fields = ["name", "known_as", "=nip", "email"]
    ordering = ["name"]


admin.site.register(PositionRole, OrderedNamesAdmin)


class RosterImportForm(forms.Form):
    file = forms.FileField(
        label=_("Roster CSV file"),
        error_messages={
            "required": _("Choose the roster CSV file to import."),
            "empty": _("The chosen file is empty."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "UTF-8 CSV with a header row, at most %(rows)s rows and %(size)s MB."
        ) % {"rows": f"{MAX_ROWS:,}".replace(",", "."), "size": MAX_BYTES // (1024 * 1024)}


@admin.register(Position)
class PositionAdmin(AuditedAdminMixin, ConcurrentEditMixin, BoundedAdmin):
    list_display = ["person", "role", "agency", "region", "start_date", "end_date", "is_active"]
    list_select_related = ["person", "role", "agency", "region"]
    list_filter = ["is_active", "role", ProvinceFilter, KabKotaFilter, KecamatanFilter]
    search_fields = ["person__name", "=person__nip", "^region__code", "region__name"]
    code_search_field = "region__code"
    autocomplete_fields = ["person", "role", "agency", "region"]
    ordering = ["region", "role__order"]
    actions = ["export_roster"]

    def get_urls(self):
        urls = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="bawaslu_portal_position_import",
            ),
        ]
        return urls + super().get_urls()

    def has_import_permission(self, request) -> bool:
        """Importing adds and changes positions and people."""
        return (
            self.has_add_permission(request)
            and self.has_change_permission(request)
            and request.user.has_perm("bawaslu_portal.add_person")
            and request.user.has_perm("bawaslu_portal.change_person")
        )

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_import_permission": self.has_import_permission(request),
        }
        return super().changelist_view(request, extra_context=extra_context)

    @admin.action(description=_("Export selected roster entries as CSV"), permissions=["view"])
    def export_roster(self, request, queryset):
        audit_export(request, what="roster entries", file_format="csv")
        return roster_csv_response(queryset)

    def import_view(self, request):
        """Upload a roster CSV: all rows imported, or none and a table of every bad row."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        row_errors = None
        if request.method == "POST":
            form = RosterImportForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    result = roster_import(actor=request.user, file=form.cleaned_data["file"])
                except RosterImportError as exc:
                    row_errors = roster_error_rows(exc.row_errors)
                    form.add_error("file", exc.messages[0])
                else:
                    audit_record(
                        kind=AuditKind.ROSTER_IMPORT,
                        request=request,
                        details={
                            "rows": result.rows,
                            "created": result.positions_created,
                            "updated": result.positions_updated,
                        },
                    )
                    self.message_user(
                        request,
                        ngettext(
                            "%(count)d roster entry imported: %(created)d new, %(updated)d "
                            "updated, %(unchanged)d unchanged.",
                            "%(count)d roster entries imported: %(created)d new, %(updated)d "
                            "updated, %(unchanged)d unchanged.",
                            result.rows,
                        )
                        % {
                            "count": result.rows,
                            "created": result.positions_created,
                            "updated": result.positions_updated,
                            "unchanged": result.positions_unchanged,
                        },
                        messages.SUCCESS,
                    )
                    return redirect(reverse("admin:bawaslu_portal_position_changelist"))
        else:
            form = RosterImportForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import roster CSV"),
            "form": form,
            "row_errors": row_errors,
            "columns": ROSTER_COLUMN_HELP,
        }
        return TemplateResponse(request, "admin/bawaslu_portal/position/import.html", context)


#: The import columns and what goes in them, shown on the import page.
ROSTER_COLUMN_HELP = [
    ("kode_wilayah", _("Kelurahan/desa code, for example 33.74.01.1001 (required)")),
    ("jabatan", _("Position role as listed in the admin, for example Lurah (required)")),
    ("nama", _("Full name (required)")),
    ("gelar", _("Title, for example S.H.")),
    ("nip", _("NIP, 18 digits; used to recognise the person")),
    ("telepon", _("Phone")),
    ("email", _("Email")),
    ("lembaga", _("Agency of the kelurahan, its kecamatan or its kab/kota")),
    ("mulai", _("Start date, 2024-09-21 or 21-09-2024")),
    ("selesai", _("End date")),
    ("aktif", _("ya or tidak; empty means ya")),
]


@admin.register(User)
class UserAdmin(AuditedAdminMixin, DjangoUserAdmin):
    paginator = CappedCountPaginator
    show_full_result_count = False
    # Facet counts run a COUNT per filter over the whole table: never on these.
    show_facets = admin.ShowFacets.NEVER
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


def _bound_axes_admins() -> None:
    """The login logs of django-axes grow with every login: give their admins capped counts.

    Axes registers plain ModelAdmins (unbounded ``COUNT(*)``, date hierarchy
    and facets); re-register them with the same options plus the capped
    paginator.
    """
    from axes import admin as axes_admin
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model, base in (
        (AccessAttempt, axes_admin.AccessAttemptAdmin),
        (AccessLog, axes_admin.AccessLogAdmin),
        (AccessFailureLog, axes_admin.AccessFailureLogAdmin),
    ):
        if admin.site.is_registered(model):
            admin.site.unregister(model)
        bounded = type(
            f"Bounded{base.__name__}",
            (base,),
            {
                "paginator": CappedCountPaginator,
                "show_full_result_count": False,
                "show_facets": admin.ShowFacets.NEVER,
                "date_hierarchy": None,
            },
        )
        admin.site.register(model, bounded)


_bound_axes_admins()


def _bound_task_results_admin() -> None:
    """django-tasks-db's task results grow with every queued mail: the same capped changelist.

    Its admin counts the whole table and lists the distinct queue names; keep its
    read-only pages and filter on status and priority only.
    """
    from django_tasks_db.admin import DBTaskResultAdmin
    from django_tasks_db.models import DBTaskResult

    if admin.site.is_registered(DBTaskResult):
        admin.site.unregister(DBTaskResult)
    bounded = type(
        "BoundedDBTaskResultAdmin",
        (DBTaskResultAdmin,),
        {
            "paginator": CappedCountPaginator,
            "show_full_result_count": False,
            "show_facets": admin.ShowFacets.NEVER,
            "list_filter": ("status", "priority"),
        },
    )
    admin.site.register(DBTaskResult, bounded)


_bound_task_results_admin()


class AuditKindFilter(admin.SimpleListFilter):
    """The event kinds as fixed choices (no ``SELECT DISTINCT`` over the log)."""

    title = _("event")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return AuditKind.choices

    def queryset(self, request, queryset):
        if self.value() in AuditKind.values:
            return queryset.filter(kind=self.value())
        return queryset


@admin.register(AuditEvent)
class AuditEventAdmin(BoundedAdmin):
    """Read-only: nobody adds, changes or deletes an audit row by hand (``purge_audit_log``
    removes them after ``AUDIT_RETENTION_DAYS``).

    Filters: kind, date (Django's date filter: today, 7 days, month, year) and user: the
    search box takes an exact username (index ``audit_username_at_idx``), and a user's
    events are ``?user__id__exact=<id>``. No filter lists every user.
    """

    list_display = ["at", "kind", "username", "ip", "object_type", "object_id", "object_repr"]
    list_filter = [AuditKindFilter, ("at", admin.DateFieldListFilter)]
    search_fields = ["username"]
    ordering = ["-at", "-pk"]
    date_hierarchy = None
    fields = [
        "at",
        "kind",
        "user",
        "username",
        "ip",
        "object_type",
        "object_id",
        "object_repr",
        "details",
    ]
    readonly_fields = fields

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        return queryset.filter(username=term), False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
