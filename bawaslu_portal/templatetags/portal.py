"""Template filters for dates in the region's zone and small display helpers."""

from django import template
from django.urls import reverse

from bawaslu_portal import timefmt

register = template.Library()


# The dates and times in the region's zone ("" for no value).


@register.filter
def local_date(value, region=None):
    """``{{ meeting.start|local_date:meeting.region }}`` → "Kamis, 21 September 2023"."""
    return timefmt.format_date(value, region) if value else ""


@register.filter
def local_date_short(value, region=None):
    """``{{ meeting.start|local_date_short:meeting.region }}`` → "21 Sep 2023"."""
    return timefmt.format_date(value, region, short=True) if value else ""


@register.filter
def local_time(value, region=None):
    """``{{ meeting.start|local_time:meeting.region }}`` → "10.00 WITA"."""
    return timefmt.format_time(value, region) if value else ""


@register.filter
def local_datetime(value, region=None):
    """``{{ meeting.start|local_datetime:meeting.region }}`` → "Kamis, 21 September 2023,
    10.00 WITA"."""
    return timefmt.format_datetime(value, region) if value else ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def query_with_page(context, param, number):
    """``query_with`` for a page parameter named at run time (``includes/pagination.html``).

    ``page`` on a list; the public agenda pages its declarations with ``hal_deklarasi``
    so that its meetings keep their page.
    """
    return query_with(context, **{param: number})


@register.filter
def has_errors(value):
    """True when ``value`` (a form, or a list of formsets) has an error.

    ``{% if form|has_errors or formsets|has_errors %}``: the error summary and
    the "Kesalahan:" title. A variable missing from the context arrives as ""
    and has no errors (a filter *argument* that is missing would instead make
    the whole condition false, hence no argument here).
    """
    if getattr(value, "errors", None):
        return True
    if isinstance(value, list | tuple):
        return any(formset.total_error_count() for formset in value)
    return False


@register.inclusion_tag("includes/nav_item.html", takes_context=True)
def nav_item(context, url_name, label):
    """A main-navigation link, marked current when the page is in its section.

    ``{% nav_item "coordination:meeting_list" _("Meetings") %}``: the section is
    every path under the link's URL (the home page only matches itself).
    """
    url = reverse(url_name)
    path = context["request"].path
    current = path == url or (url != "/" and path.startswith(url))
    return {"url": url, "label": label, "current": current}


@register.inclusion_tag("includes/field_row.html")
def field_row(*fields, widths=""):
    """Form fields side by side on a wide screen, one above the other on a phone.

    ``{% field_row form.incident_date form.incident_time %}`` shares the row equally
    (two ``col-md-6``); ``widths="4 8"`` gives each field its Bootstrap span out of 12,
    in the same order. Each field is rendered with crispy-forms' ``as_crispy_field``.
    """
    spans = widths.split() if widths else [str(12 // len(fields))] * len(fields)
    if len(spans) != len(fields):
        raise template.TemplateSyntaxError(
            f"field_row: {len(fields)} fields but {len(spans)} widths ({widths!r})"
        )
    return {"cells": [(field, f"col-md-{span}") for field, span in zip(fields, spans, strict=True)]}
