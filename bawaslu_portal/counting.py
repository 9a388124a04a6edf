"""Tallies that read a bounded number of rows, for pages that must stay fast at national scale.

A list's paginator counts at most ``cap + 1`` rows and shows "1,000+" beyond
(``bawaslu_portal.pagination``). A page of many tallies (the work queue: per deadline and step,
per responsible agency, per kab/kota of a province) groups a limited subquery instead:
``SELECT key, COUNT(*) … FROM (SELECT … LIMIT n) GROUP BY key``, one query per list, so no
tally walks every late case of the country. Beyond the limit the tallies are lower bounds and
say so.
"""

from collections.abc import Mapping

from django.db import connections
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When


def bounded_group_counts(queryset: QuerySet, *, column: str, cap: int) -> dict:
    """``column`` value → rows, counted among the first ``cap + 1`` rows of ``queryset`` (in its
    order), in one query: a ``GROUP BY`` over a limited subquery, never over the whole table.

    Exact whenever the queryset has at most ``cap`` rows; beyond, the counts describe its first
    ``cap + 1`` rows (say, the longest overdue), which the caller must say.
    """
    alias = queryset.db
    bounded = queryset.annotate(bounded_key=F(column)).values("bounded_key")[: cap + 1]
    sql, params = bounded.query.get_compiler(using=alias).as_sql()
    with connections[alias].cursor() as cursor:
        cursor.execute(
            # The ORM compiled ``sql``; every value is in ``params``.
            f"SELECT bounded.bounded_key, COUNT(*) FROM ({sql}) bounded"  # noqa: S608
            " GROUP BY bounded.bounded_key",
            params,
        )
        return dict(cursor.fetchall())


def bounded_grouped_sums(
    queryset: QuerySet, *, key, flags: Mapping[str, Q], limit: int
) -> tuple[dict, bool]:
    """``key`` value → {flag: rows matching it}, over at most ``limit`` rows, in one query.

    A ``GROUP BY`` over a limited subquery: the tallies of a work queue (per step, per kab/kota)
    read at most ``limit + 1`` rows, never every late case of the country. The second value
    says whether they are complete (the queryset had at most ``limit`` rows); when it is False
    each tally is a lower bound, which the page must show ("12+").
    """
    alias = queryset.db
    columns = {f"bounded_{name}": q for name, q in flags.items()}
    annotated = queryset.order_by().annotate(
        bounded_key=key,
        **{
            # An empty Q (every row) cannot be a When condition: it counts each row.
            column: Case(When(q, then=Value(1)), default=Value(0), output_field=IntegerField())
            if q
            else Value(1, output_field=IntegerField())
            for column, q in columns.items()
        },
    )
    bounded = annotated.values("bounded_key", *columns)[: limit + 1]
    sql, params = bounded.query.get_compiler(using=alias).as_sql()
    sums = "".join(f", SUM(bounded.{column})" for column in columns)
    with connections[alias].cursor() as cursor:
        cursor.execute(
            # The ORM compiled ``sql``; every value is in ``params``; the columns are ours.
            f"SELECT bounded.bounded_key, COUNT(*){sums} FROM ({sql}) bounded"  # noqa: S608
            " GROUP BY bounded.bounded_key",
            params,
        )
        rows = cursor.fetchall()
    read = sum(row[1] for row in rows)
    tallies = {row[0]: dict(zip(flags, (int(n) for n in row[2:]), strict=True)) for row in rows}
    return tallies, read <= limit
