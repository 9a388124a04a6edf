"""Every workflow step builds its form: each field it carries has a label and the right kind.

A step added to ``reports.workflow.TRANSITIONS`` with a field the form does
not know used to break the case page of every report at that stage (a 500).
"""

import pytest
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from reports.forms.workflow import TransitionForm
from reports.models import Report
from reports.workflow import TRANSITIONS
from tests.factories.reports import intake_report


def _model_field(name: str):
    try:
        return Report._meta.get_field(name)
    except FieldDoesNotExist:
        return None


@pytest.mark.django_db
@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda transition: transition.key)
def test_every_step_builds_its_form(semarang_staff, transition):
    """Each field of the step is on the form with a label; a date of the report is a date."""
    report = intake_report(user=semarang_staff)
    form = TransitionForm(transition=transition, report=report, user=semarang_staff)
    for name in transition.fields:
        field = form.fields[name]
        assert str(field.label), name
        if isinstance(_model_field(name), models.DateField):
            assert isinstance(field, forms.DateField), name
