"""Admin for the editable rule data of the reports app.

Elections (with their stages), the SKB 2022 violation categories, the
deadline rules per election type and step, and the extra non-working days
(cuti bersama) that ``reports.deadlines`` skips. Case files are handled in the
portal itself, never here: the admin would show the reporter's identity
without logging the view. The admin has this one feature (the rule data of
``reports.models.rules``), so it is one module.
"""

from django.contrib import admin

from bawaslu_portal.admin import BoundedAdmin
from reports.models import DeadlineRule, Election, ElectionStage, NonWorkingDay, ViolationCategory


class ElectionStageInline(admin.TabularInline):
    model = ElectionStage
    extra = 1
    fields = ["name", "kind", "starts_on", "ends_on"]


@admin.register(Election)
class ElectionAdmin(BoundedAdmin):
    list_display = ["name", "type", "code", "voting_day", "is_active"]
    list_filter = ["type", "is_active"]
    search_fields = ["name", "code"]
    inlines = [ElectionStageInline]


@admin.register(ViolationCategory)
class ViolationCategoryAdmin(BoundedAdmin):
    list_display = ["code", "name", "group", "order", "is_active"]
    list_display_links = ["code", "name"]
    list_editable = ["order", "is_active"]
    list_filter = ["group", "is_active"]
    search_fields = ["code", "name"]


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(BoundedAdmin):
    list_display = [
        "election_type",
        "step",
        "days",
        "unit",
        "counted_from",
        "legal_basis",
        "to_verify",
    ]
    list_editable = ["days", "unit", "counted_from"]
    list_filter = ["election_type", "unit", "to_verify"]


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(BoundedAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"
    search_fields = ["name"]
