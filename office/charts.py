"""The dashboard's monthly column chart: server-side SVG, no JavaScript, no inline styles.

Like ``coordination.charts`` (whose horizontal bars draw program progress), the
markup uses SVG presentation attributes only (the CSP forbids ``style=``), is
an ``<svg role="img">`` labelled by its own ``<title>`` and ``<desc>``, and
always stands next to the table of the same figures, the full text alternative.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from coordination.charts import BAR_COLOUR, TEXT_COLOUR, svg_figure

#: The second series: a dark blue with 9:1 contrast on white, distinct from the brand red in grey.
SECOND_COLOUR = "#1f4e79"
THIRD_COLOUR = "#6c757d"
SERIES_COLOURS = (BAR_COLOUR, SECOND_COLOUR, THIRD_COLOUR)
AXIS_COLOUR = "#adb5bd"


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[int]


def monthly_column_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    month_labels: Sequence[str],
    series: Sequence[Series],
    height: int = 180,
) -> SafeString:
    """Grouped columns, one group per month and one column per series, with a legend.

    ``chart_id`` must be unique on the page (it prefixes the ids ``aria-labelledby`` uses).
    """
    top, bottom, left = 24, 36, 36
    per_series = 10
    # Wide enough for its month label ("Des 25" at 10 px) whatever the number of series.
    group = max(per_series * max(1, len(series)) + 8, 40)
    width = left + group * max(1, len(month_labels)) + 8
    peak = max([1, *(value for one in series for value in one.values)])
    plot = height - top - bottom
    columns = []
    for s_index, one in enumerate(series):
        colour = SERIES_COLOURS[s_index % len(SERIES_COLOURS)]
        for m_index, value in enumerate(one.values):
            bar = round(plot * value / peak, 1)
            x = left + m_index * group + 4 + s_index * per_series
            columns.append(
                (x, top + plot - bar, per_series - 2, bar, colour, f"{one.label}: {value}")
            )
    labels = [
        (left + m_index * group + group // 2, height - bottom + 14, TEXT_COLOUR, label)
        for m_index, label in enumerate(month_labels)
    ]
    legend = [
        (
            left + s_index * 170,
            4,
            SERIES_COLOURS[s_index % len(SERIES_COLOURS)],
            left + s_index * 170 + 14,
            13,
            TEXT_COLOUR,
            one.label,
        )
        for s_index, one in enumerate(series)
    ]
    body = format_html(
        "{}{}{}"
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>'
        '<text x="4" y="{}" font-size="11" fill="{}">{}</text>',
        format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>',
            columns,
        ),
        format_html_join(
            "",
            '<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="{}">{}</text>',
            labels,
        ),
        format_html_join(
            "",
            '<rect x="{}" y="{}" width="10" height="10" fill="{}"></rect>'
            '<text x="{}" y="{}" font-size="11" fill="{}">{}</text>',
            legend,
        ),
        left,
        top + plot,
        width - 4,
        top + plot,
        AXIS_COLOUR,
        top + 8,
        TEXT_COLOUR,
        peak,
    )
    return svg_figure(
        chart_id=chart_id,
        width=width,
        height=height,
        title=title,
        description=description,
        body=body,
    )
