"""The ``{% field_row %}`` tag: form fields side by side in Bootstrap columns."""

import pytest
from django import forms
from django.template import Context, Template, TemplateSyntaxError


class _Form(forms.Form):
    kind = forms.CharField(label="Kind")
    title = forms.CharField(label="Title")
    place = forms.CharField(label="Place")


def _render(source: str) -> str:
    return Template("{% load portal %}" + source).render(Context({"form": _Form()}))


def test_equal_shares_by_default():
    """Without widths the fields share the row equally, each rendered by crispy-forms."""
    html = _render("{% field_row form.kind form.title form.place %}")
    assert html.count('<div class="col-md-4">') == 3
    assert 'name="kind"' in html and 'name="place"' in html
    assert html.index('name="kind"') < html.index('name="title"') < html.index('name="place"')


def test_widths_in_field_order():
    """``widths`` gives each field its span, in order."""
    html = _render('{% field_row form.kind form.title widths="4 8" %}')
    assert html.index('<div class="col-md-4">') < html.index('name="kind"')
    wide = html.index('<div class="col-md-8">')
    assert html.index('name="kind"') < wide < html.index('name="title"')


def test_widths_must_match_the_fields():
    """A widths list of another length is a template error, not a silent misalignment."""
    with pytest.raises(TemplateSyntaxError):
        _render('{% field_row form.kind form.title widths="12" %}')
