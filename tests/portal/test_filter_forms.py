"""``filter_field`` writes a filter form's fields as crispy's Bootstrap 5 pack does, without it.

The list pages' filters (``includes/list_filters.html``) went from crispy's templates to this
filter for speed (issue 10 §1); the markup must stay what crispy wrote: the same labels, classes,
``aria-invalid``/``aria-describedby``, error and help ids.
"""

import re

import pytest
from django import forms
from django.template import engines

from bawaslu_portal.models import Region
from bawaslu_portal.templatetags.filter_forms import filter_field
from coordination.forms import FollowUpFilterForm, MeetingFilterForm
from reports.forms.cases import ReportFilterForm

CRISPY = engines["django"].from_string(
    "{% load crispy_forms_tags %}{% for field in form %}{{ field|as_crispy_field }}\n{% endfor %}"
)
LEAN = engines["django"].from_string(
    "{% load filter_forms %}{% for field in form %}{{ field|filter_field }}\n{% endfor %}"
)


def _normalised(html: str) -> str:
    """Whitespace between and inside tags is crispy's template layout, not markup."""
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*(<|>)\s*", r"\1", html)


def _assert_same_markup(make_form):
    # crispy writes its classes into the widgets, so each renderer gets its own form.
    crispy_html = _normalised(CRISPY.render({"form": make_form()}))
    lean_html = _normalised(LEAN.render({"form": make_form()}))
    assert lean_html == crispy_html


class EveryWidgetForm(forms.Form):
    """One field of each kind the filter writes itself, and two it hands to crispy."""

    q = forms.CharField(label="Search <words>", help_text="Name or <b>number</b>", required=True)
    number = forms.IntegerField(label="Number", required=False)
    day = forms.DateField(
        label="Day",
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "min": "2000-01-01", "class": "narrow"}),
    )
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "All"), ("Group & more", [("a", "A <1>"), ("b", "B")]), ("c", "C")],
    )
    many = forms.MultipleChoiceField(label="Many", required=False, choices=[("x", "X"), ("y", "Y")])
    late = forms.BooleanField(label="Late only", required=False, help_text="Past the deadline")
    period = forms.ChoiceField(
        label="Period",
        required=False,
        choices=[("1", "One"), ("2", "Two")],
        widget=forms.RadioSelect,
    )
    token = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_late(self):
        if self.cleaned_data["late"]:
            raise forms.ValidationError("Late is <not> allowed here.")
        return False


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"q": "", "number": "x", "day": "2024-13-01", "kind": "b", "many": ["y"], "late": "on"},
        {"q": "sari", "number": "3", "day": "2024-02-01", "kind": "zz", "period": "2"},
    ],
    ids=["unbound", "errors", "valid-and-invalid"],
)
def test_every_widget_as_crispy_writes_it(data):
    def make():
        form = EveryWidgetForm(data)
        if data is not None:
            form.is_valid()
        return form

    _assert_same_markup(make)


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", [ReportFilterForm, MeetingFilterForm, FollowUpFilterForm])
@pytest.mark.parametrize("bound", [False, True])
def test_list_filter_forms_as_crispy_writes_them(form_class, bound, semarang_staff):
    data = {"stage": "zz", "election": "999", "late": "on", "date_from": "2024-13-01", "kind": "x"}

    def make():
        form = form_class(data if bound else None, user=semarang_staff)
        if bound:
            form.is_valid()
        return form

    assert Region.objects.filter(depth=3).exists()  # the kecamatan select has options
    _assert_same_markup(make)


def test_the_widget_keeps_its_own_attributes():
    """crispy wrote its class into the widget for good; the lean filter leaves it alone."""
    form = EveryWidgetForm()
    filter_field(form["day"])
    assert form.fields["day"].widget.attrs["class"] == "narrow"


def test_escapes_labels_options_errors_and_values():
    form = EveryWidgetForm({"q": '"><script>', "late": "on"})
    form.is_valid()
    html = "".join(filter_field(form[name]) for name in ("q", "kind", "late"))
    assert "<script>" not in html
    assert 'value="&quot;&gt;&lt;script&gt;"' in html
    assert "Search &lt;words&gt;" in html
    assert "A &lt;1&gt;" in html
    assert '<optgroup label="Group &amp; more">' in html
    assert "Late is &lt;not&gt; allowed here." in html


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {"kota": "99.99", "waktu": "lalu"}], ids=["unbound", "bad"])
def test_the_public_agendas_city_select_as_crispy_writes_it(data, regions):
    from coordination.forms import AgendaFilterForm

    def make():
        form = AgendaFilterForm(data)
        if data is not None:
            form.is_valid()
        return form

    _assert_same_markup(make)


@pytest.mark.django_db
@pytest.mark.parametrize("cached", [False, True], ids=["read", "from-lookups"])
def test_a_chosen_model_option_is_selected_as_crispy_marks_it(cached, settings, semarang_staff):
    """The report filter with an election and a category chosen, read or from the lookups."""
    from tests.factories.reports import ElectionFactory, PilkadaFactory, ViolationCategoryFactory

    if cached:
        settings.PORTAL_LOOKUP_MODELS = frozenset({"reports.Election", "reports.ViolationCategory"})
    ElectionFactory()
    chosen = PilkadaFactory()
    category = ViolationCategoryFactory()
    data = {"election": str(chosen.pk), "category": str(category.pk)}

    def make():
        form = ReportFilterForm(data, user=semarang_staff)
        form.is_valid()
        return form

    _assert_same_markup(make)
    html = filter_field(make()["election"])
    assert f'<option value="{chosen.pk}" selected>Pemilihan Serentak 2024</option>' in html
