"""``{{ field|filter_field }}``: one field of a list's GET filter form, written without templates.

The list pages render their filter form on every request. crispy's ``as_crispy_field`` renders
each field through half a dozen templates, and Django renders every ``<option>`` of a select
through two more: on ``/laporan/`` that was about 40% of the worker's time (issue 10 §1). This
filter writes the same markup as crispy's Bootstrap 5 pack (``bootstrap5/field.html`` with its
defaults) in Python: the wrapper ``div_<id>``, the visible ``<label for>``, the widget with
crispy's classes (``select form-select``, ``<widget> form-control``, ``checkboxinput
form-check-input``, plus ``is-invalid``), Django's ``aria-invalid`` and ``aria-describedby``,
the errors block ``<id>_error`` and the help text ``<id>_helptext``.

Plain inputs, selects and checkboxes are written here; any other widget (radio buttons, checkbox
lists, text areas, files, hidden fields) goes through crispy as before.
"""

import copy

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.forms.widgets import Input
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from bawaslu_portal.lookups import lookup_rows

register = template.Library()

#: Widgets written here; subclasses included (``DateInput``, ``NumberInput``, ``Select`` …).
_OWN_WIDGETS = (forms.Select, Input)
#: ``Input`` subclasses that are not one plain ``<input>``.
_OTHER_INPUTS = (forms.FileInput, forms.HiddenInput, forms.MultipleHiddenInput)


def _attrs(attrs: dict) -> SafeString:
    """``django/forms/widgets/attrs.html``: ``False`` leaves the attribute out, ``True`` is bare."""
    return mark_safe(  # noqa: S308 - every name and value is escaped here
        "".join(
            f" {conditional_escape(name)}"
            if value is True
            else f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


def _css_class(widget: forms.Widget, pack_class: str, invalid: bool) -> str:
    """The class crispy gives a widget: its own, the widget's name, the pack's, ``is-invalid``."""
    name = widget.__class__.__name__.lower()
    css = widget.attrs.get("class", "")
    if not css:
        css = name
    elif name not in css:
        css += f" {name}"
    for extra in (pack_class, "is-invalid" if invalid else ""):
        if extra and extra not in css.split():
            css += f" {extra}"
    return css


def _model_choices(field: forms.ModelChoiceField) -> list:
    """The choices ``ModelChoiceIterator`` yields, read with one plain query.

    The iterator reads its queryset with ``iterator()``, which on PostgreSQL is a server-side
    cursor: DECLARE, FETCH and CLOSE, three round trips per select, and outside a transaction
    a cursor WITH HOLD that PostgreSQL copies out at commit. A filter's choices are a few
    hundred rows at most (the selects are bounded by the jurisdiction or are small tables).
    Whole small tables (elections, categories, topics) come from :mod:`bawaslu_portal.lookups`.
    """
    iterator = field.iterator(field)
    choices = [("", field.empty_label)] if field.empty_label is not None else []
    rows = lookup_rows(field.queryset)  # a small table kept per process, or None
    choices.extend(iterator.choice(obj) for obj in (field.queryset.all() if rows is None else rows))
    return choices


def _widget(field: forms.BoundField, pack_class: str) -> SafeString:
    """The ``<input>`` or ``<select>`` as ``BoundField.as_widget`` renders it, class added."""
    widget = copy.copy(field.field.widget)  # crispy writes the class into the widget; not here
    widget.attrs = {
        **widget.attrs,
        "class": _css_class(widget, pack_class, bool(field.errors)),
    }
    if field.field.localize:
        widget.is_localized = True
    if isinstance(field.field, forms.ModelChoiceField):
        widget.choices = _model_choices(field.field)
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    if isinstance(widget, forms.Select):
        options = []
        for group_name, group_options, _index in context["optgroups"]:
            rows = format_html_join(
                "",
                '\n  <option value="{}"{}>{}</option>',
                ((str(o["value"]), _attrs(o["attrs"]), o["label"]) for o in group_options),
            )
            if group_name:
                rows = format_html('\n  <optgroup label="{}">{}\n  </optgroup>', group_name, rows)
            options.append(rows)
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            context["name"],
            _attrs(context["attrs"]),
            mark_safe("".join(options)),  # noqa: S308 - built with format_html above
        )
    value = context["value"]
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        context["type"],
        context["name"],
        format_html(' value="{}"', str(value)) if value is not None else "",
        _attrs(context["attrs"]),
    )


def _help_and_errors(field: forms.BoundField) -> SafeString:
    """``bootstrap5/layout/help_text_and_errors.html``: the errors block, then the help text."""
    html = ""
    if field.errors:
        html = format_html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            field.auto_id,
            format_html_join(
                "",
                '<p id="error_{}_{}"><strong>{}</strong></p>',
                ((number, field.auto_id, error) for number, error in enumerate(field.errors, 1)),
            ),
        )
    if field.help_text:
        help_id = format_html('id="{}_helptext" ', field.auto_id) if field.auto_id else ""
        html += format_html(
            '<div {}class="form-text">{}</div>',
            help_id,
            mark_safe(field.help_text),  # noqa: S308 - crispy shows help text unescaped too
        )
    return mark_safe(html)  # noqa: S308 - built with format_html above


def _label(field: forms.BoundField, css: str) -> SafeString:
    required = field.field.required
    return format_html(
        '<label{} class="{}{}">{}{}</label>',
        format_html(' for="{}"', field.id_for_label) if field.id_for_label else "",
        css,
        " requiredField" if required else "",
        field.label,
        mark_safe('<span class="asteriskField">*</span>') if required else "",
    )


@register.filter
def filter_field(field: forms.BoundField) -> SafeString:
    """``field`` as crispy's ``as_crispy_field`` writes it (see the module's docstring)."""
    widget = field.field.widget
    if field.is_hidden or not isinstance(widget, _OWN_WIDGETS) or isinstance(widget, _OTHER_INPUTS):
        return as_crispy_field(field)
    extra_class = field.css_classes()
    wrapper_extra = f" {extra_class}" if extra_class else ""
    if isinstance(widget, forms.CheckboxInput):
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check{}">{}{}{}</div></div>',
            field.auto_id,
            wrapper_extra,
            _widget(field, "form-check-input"),
            _label(field, "form-check-label"),
            _help_and_errors(field),
        )
    pack_class = "form-select" if isinstance(widget, forms.Select) else "form-control"
    return format_html(
        '<div id="div_{}" class="mb-3{}">{}{}{}</div>',
        field.auto_id,
        wrapper_extra,
        _label(field, "form-label") if field.label else "",
        _widget(field, pack_class),
        _help_and_errors(field),
    )
