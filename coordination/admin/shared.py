"""What the coordination admin classes share."""

from django.contrib import admin

from bawaslu_portal.admin import BoundedAdmin
from bawaslu_portal.models import TrackedModel

#: The fields every model inherits from ``TrackedModel`` (or opts out of).
TRACKED_FIELDS = frozenset(field.name for field in TrackedModel._meta.get_fields())


class TrackedAdmin(BoundedAdmin):
    """A bounded admin for a ``TrackedModel``: its editable tracked fields come last.

    Inherited fields are created before the model's own, so Django would put
    an editable ``created_by`` first in the change form; here it stays after
    the model's own fields, followed by the read-only ones.
    """

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        readonly = set(self.get_readonly_fields(request, obj))
        editable = [name for name in fields if name not in readonly]
        return [
            *(name for name in editable if name not in TRACKED_FIELDS),
            *(name for name in editable if name in TRACKED_FIELDS),
            *(name for name in fields if name in readonly),
        ]


class PersonRowInline(admin.TabularInline):
    """The people of a record, one row each (attendees, signatories, pokja members).

    People and agencies are national tables, so both are autocompletes; no
    blank extra rows are offered, as corrections rarely add people here.
    """

    extra = 0
    autocomplete_fields = ["person", "agency"]
