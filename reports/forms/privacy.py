"""The correction of a reporter's identity (a data subject's request, UU 27/2022 Pasal 6)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from reports.forms.shared import DATE_INPUT
from reports.models import ReporterIdentity
from reports.selectors.privacy import IDENTITY_FIELDS


class ReporterCorrectionForm(forms.ModelForm):
    """Every identity field, with the model's validators (NIK: 16 digits)."""

    class Meta:
        model = ReporterIdentity
        fields = list(IDENTITY_FIELDS)
        widgets = {"birth_date": DATE_INPUT, "address": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": _("Enter the reporter's full name.")},
            "address": {"required": _("Enter the reporter's address.")},
            "birth_date": {"invalid": _("Enter the date of birth as a date, e.g. 17-08-1980.")},
            "email": {"invalid": _("Enter an email address such as nama@contoh.id.")},
        }


class ReporterExportForm(forms.Form):
    file_format = forms.ChoiceField(
        label=_("Format"),
        choices=[("json", "JSON"), ("xlsx", "XLSX (Excel)")],
        error_messages={
            "required": _("Choose the file format."),
            "invalid_choice": _("Choose JSON or XLSX."),
        },
    )
