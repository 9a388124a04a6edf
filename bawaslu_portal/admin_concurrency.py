"""Two admins editing the same record must not silently overwrite each other.

Django's admin saves whatever the last form holds. :class:`ConcurrentEditMixin`
adds a hidden fingerprint of the record (and of related rows edited inline,
such as a kelurahan's roster) taken when the form was opened; if the stored
record changed since, saving is refused with an error above the form and the
user's input stays on the page.
"""

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FINGERPRINT_FIELD = "edit_fingerprint"


def record_fingerprint(instance, related: tuple[str, ...] = ()) -> str:
    """A hash of the record's stored values and of its ``related`` rows (a few queries)."""
    values = [
        (field.attname, getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
    ]
    for name in related:
        values.append((name, list(getattr(instance, name).order_by("pk").values_list())))
    return hashlib.sha256(repr(values).encode()).hexdigest()


class ConcurrentEditForm(forms.ModelForm):
    """A ModelForm that refuses to save over a record changed since it was opened."""

    edit_fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)
    fingerprint_related: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial[FINGERPRINT_FIELD] = record_fingerprint(
                self.instance, self.fingerprint_related
            )

    def clean(self):
        cleaned = super().clean()
        submitted = cleaned.get(FINGERPRINT_FIELD)
        if self.instance.pk and submitted:
            stored = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
            if stored is not None and submitted != record_fingerprint(
                stored, self.fingerprint_related
            ):
                raise ValidationError(
                    _(
                        "Someone else saved this record after you opened it, so your changes "
                        "were not saved. Open the record again in a new tab to see their "
                        "changes, then apply yours."
                    ),
                    code="stale_edit",
                )
        return cleaned


class ConcurrentEditMixin:
    """ModelAdmin mixin: optimistic locking for the change form (see module docstring)."""

    form = ConcurrentEditForm
    #: Related managers edited inline whose rows belong in the fingerprint.
    fingerprint_related: tuple[str, ...] = ()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        form_class.fingerprint_related = self.fingerprint_related
        return form_class

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if FINGERPRINT_FIELD not in fields:
            fields.append(FINGERPRINT_FIELD)
        return fields
