"""Server-side SVG charts, drawn without JavaScript and without inline styles (CSP).

The markup uses SVG presentation attributes (``fill``, ``width``, …), which
the Content Security Policy allows, never ``style=``. Every chart is an
``<svg role="img">`` labelled by its own ``<title>`` and ``<desc>``; the page
shows the same figures in a table, which is the full text alternative.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

BAR_COLOUR = "#5a1a14"  # the portal's brand colour, 10:1 contrast on white
TRACK_COLOUR = "#e9ecef"
TEXT_COLOUR = "#212529"


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value as a percentage (0-100) and the text printed after it."""

    label: str
    percent: float
    value_text: str


def horizontal_bar_chart(
    bars: Sequence[Bar],
    *,
    chart_id: str,
    title: str,
    description: str,
    label_width: int = 200,
    bar_width: int = 360,
    row_height: int = 28,
) -> SafeString:
    """An accessible horizontal bar chart of percentages, as SVG markup.

    ``chart_id`` must be unique on the page: it prefixes the ids of the
    ``<title>`` and ``<desc>`` that ``aria-labelledby`` points at.
    """
    value_width = 140
    width = label_width + bar_width + value_width
    height = max(1, len(bars)) * row_height + 8
    rows = []
    for index, bar in enumerate(bars):
        y = 4 + index * row_height
        text_y = y + row_height // 2 + 5
        filled = round(bar_width * max(0.0, min(100.0, bar.percent)) / 100, 1)
        rows.append(
            (
                label_width - 8,
                text_y,
                TEXT_COLOUR,
                bar.label,
                label_width,
                y + 4,
                bar_width,
                row_height - 8,
                TRACK_COLOUR,
                label_width,
                y + 4,
                filled,
                row_height - 8,
                BAR_COLOUR,
                label_width + bar_width + 8,
                text_y,
                TEXT_COLOUR,
                bar.value_text,
            )
        )
    body = format_html_join(
        "\n",
        '<g><text x="{}" y="{}" text-anchor="end" font-size="13" fill="{}">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
        '<text x="{}" y="{}" font-size="13" fill="{}">{}</text></g>',
        rows,
    )
    return svg_figure(
        chart_id=chart_id,
        width=width,
        height=height,
        title=title,
        description=description,
        body=body if bars else mark_safe(""),  # noqa: S308 - a constant empty string
    )


def svg_figure(*, chart_id, width, height, title, description, body) -> SafeString:
    """The accessible <svg> around a chart's ``body``: an image named by its title and desc."""
    return format_html(
        '<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" width="{w}" height="{h}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        w=width,
        h=height,
        title=title,
        desc=description,
        body=body,
    )
