"""Small tables kept per process (``bawaslu_portal.lookups``), and the cached template loader."""

import pytest
from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader
from django.urls import reverse

from bawaslu_portal import lookups
from bawaslu_portal.lookups import LOOKUP_TTL, lookup_rows
from coordination.models import Topic
from reports.models import Election
from tests.factories.coordination import TopicFactory
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

LOOKUPS = frozenset({"reports.Election", "reports.ViolationCategory", "coordination.Topic"})


@pytest.fixture
def cached_lookups(settings):
    """The production setting (tests/conftest.py turns caching off for every other test)."""
    settings.PORTAL_LOOKUP_MODELS = LOOKUPS


def test_production_caches_the_three_small_tables():
    from bawaslu_portal import settings as production

    assert production.PORTAL_LOOKUP_MODELS == LOOKUPS


def test_a_whole_table_is_read_once(cached_lookups):
    TopicFactory(name="Politik uang baru")
    first = count_queries(lambda: lookup_rows(Topic.objects.all()))
    again = count_queries(lambda: lookup_rows(Topic.objects.all()))
    assert (first, again) == (1, 0)
    assert "Politik uang baru" in [topic.name for topic in lookup_rows(Topic.objects.all())]


def test_each_ordering_is_its_own_entry(cached_lookups):
    by_order = [t.name for t in lookup_rows(Topic.objects.all())]
    by_name = [t.name for t in lookup_rows(Topic.objects.order_by("-name"))]
    assert by_name == sorted(by_order, reverse=True)


@pytest.mark.parametrize(
    "queryset",
    [
        lambda: Topic.objects.filter(name__startswith="P"),
        lambda: Topic.objects.all()[:2],
        lambda: Topic.objects.values("name"),
        lambda: Topic.objects.prefetch_related("meetings"),
        lambda: Topic.objects.distinct(),
    ],
    ids=["filtered", "sliced", "values", "prefetch", "distinct"],
)
def test_only_whole_tables_are_cached(cached_lookups, queryset):
    assert lookup_rows(queryset()) is None


def test_other_models_and_the_test_default_are_not_cached(settings):
    assert lookup_rows(Topic.objects.all()) is None  # tests/conftest.py: nothing cached
    settings.PORTAL_LOOKUP_MODELS = LOOKUPS
    assert lookup_rows(Election.objects.all()) is not None
    from bawaslu_portal.models import Agency

    assert lookup_rows(Agency.objects.all()) is None


def test_a_save_or_delete_clears_the_cache(cached_lookups):
    topic = TopicFactory(name="Hoaks pilkada")
    assert "Hoaks pilkada" in [t.name for t in lookup_rows(Topic.objects.all())]
    topic.name = "Hoaks pemilu"
    topic.save()
    assert "Hoaks pemilu" in [t.name for t in lookup_rows(Topic.objects.all())]
    topic.delete()
    assert "Hoaks pemilu" not in [t.name for t in lookup_rows(Topic.objects.all())]


def test_other_processes_see_a_change_within_the_ttl(cached_lookups, monkeypatch):
    """A row written elsewhere (no signal here) shows once the entry is LOOKUP_TTL old."""
    clock = [1000.0]
    monkeypatch.setattr(lookups.time, "monotonic", lambda: clock[0])
    lookup_rows(Topic.objects.all())
    Topic.objects.bulk_create([Topic(name="Dari proses lain")])  # bulk_create sends no signal
    assert "Dari proses lain" not in [t.name for t in lookup_rows(Topic.objects.all())]
    clock[0] += LOOKUP_TTL
    assert "Dari proses lain" in [t.name for t in lookup_rows(Topic.objects.all())]


def test_the_meeting_filter_reads_topics_once(cached_lookups, client_for, semarang_staff):
    """/rapat/ lists the topics in its filter: from the cache after the first request."""
    client = client_for(semarang_staff)
    url = reverse("coordination:meeting_list")
    cold = count_queries(lambda: client.get(url))
    warm = count_queries(lambda: client.get(url))
    assert warm == cold - 1
    assert 'id="id_topic"' in client.get(url).content.decode()


def test_templates_are_parsed_once_per_process():
    """No ``loaders`` option: Django uses the cached loader, with DEBUG off as in production."""
    [loader] = engines["django"].engine.template_loaders
    assert isinstance(loader, CachedLoader)
