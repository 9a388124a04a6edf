"""Bounded counting (bawaslu_portal.counting): tallies that read at most a given number of rows."""

import pytest
from django.db.models import F, Q
from django.db.models.functions import Substr

from bawaslu_portal.counting import bounded_group_counts, bounded_grouped_sums
from bawaslu_portal.models import Region

pytestmark = pytest.mark.django_db


def kelurahan_of_semarang():
    return Region.objects.filter(depth=4, code__startswith="33.74.").order_by("code")


def test_grouped_sums_are_exact_within_the_limit(regions):
    """Per kecamatan of Semarang: the kelurahan, and those whose code ends in 1, exactly."""
    kelurahan = kelurahan_of_semarang()
    tallies, complete = bounded_grouped_sums(
        kelurahan,
        key=Substr("code", 1, 8),
        flags={"all": Q(), "ends_in_1": Q(code__endswith="1")},
        limit=1000,
    )
    assert complete
    assert sum(row["all"] for row in tallies.values()) == kelurahan.count() == 177
    first = kelurahan.first().code[:8]
    assert tallies[first]["all"] == kelurahan.filter(code__startswith=first).count()
    assert sum(row["ends_in_1"] for row in tallies.values()) == (
        kelurahan.filter(code__endswith="1").count()
    )


def test_grouped_sums_past_the_limit_are_lower_bounds_and_say_so(regions):
    tallies, complete = bounded_grouped_sums(
        kelurahan_of_semarang(), key=F("parent"), flags={"all": Q()}, limit=50
    )
    assert not complete
    assert sum(row["all"] for row in tallies.values()) == 51  # limit + 1 rows read


def test_group_counts_count_the_first_rows_in_order(regions):
    kelurahan = kelurahan_of_semarang()
    assert sum(bounded_group_counts(kelurahan, column="parent", cap=1000).values()) == 177
    first_ten = bounded_group_counts(kelurahan, column="parent", cap=9)
    assert first_ten == {kelurahan.first().parent_id: 10}  # the first kecamatan has > 10
