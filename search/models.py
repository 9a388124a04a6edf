"""The search index: one row per searchable record, scoped like the record itself.

A :class:`SearchDocument` copies what a record shows in a search (its title,
the words of its body) with the region that scopes it, so one query over one
table answers the search box for every kind. It is a derived read model:
``search.services`` writes it from the source records, and
``manage.py rebuild_search_index`` rebuilds it.

The reporter's identity of a report goes into ``restricted_body`` only, which
is matched solely for users who may see the reporter
(``reports.permissions.cases.can_view_reporter_identity``) and never shown.

On PostgreSQL the ``vector`` and ``restricted_vector`` columns hold the
``indonesian`` full-text vectors, and GIN indexes serve the search, created by
migrations on PostgreSQL only (SQLite has no GIN, so they are not in
``Meta.indexes``): one on each vector (``0002``) and a trigram index on the
titles of the names, people, agencies and regions (``0003``).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

#: The built-in PostgreSQL text search configuration (Snowball's Indonesian stemmer).
SEARCH_CONFIG = "indonesian"


class SearchKind(models.TextChoices):
    """What a document stands for, in the order the results page groups them."""

    MEETING = "meeting", _("Meetings")
    FOLLOW_UP = "follow_up", _("Follow-ups")
    DECLARATION = "declaration", _("Declarations")
    PROGRAM = "program", _("Programs")
    REPORT = "report", _("Reports")
    PERSON = "person", _("People")
    AGENCY = "agency", _("Agencies")
    REGION = "region", _("Regions")


class SearchDocument(models.Model):
    JURISDICTION_FIELD = "region"

    key = models.CharField(_("key"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=SearchKind.choices)
    #: The record's primary key; empty for regions, whose key is the code (``region``).
    object_id = models.BigIntegerField(_("object id"), null=True, blank=True)
    region = models.ForeignKey(
        "bawaslu_portal.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    #: Reports only: the handling office and its region, for the reporter-identity rule.
    office_id = models.BigIntegerField(_("handling office"), null=True, blank=True)
    office_region_code = models.CharField(_("handling office's region"), max_length=13, blank=True)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    restricted_body = models.TextField(_("restricted body"), blank=True)
    url = models.CharField(_("link"), max_length=200)
    date = models.DateField(_("date"), null=True, blank=True)
    vector = SearchVectorField(null=True, editable=False)
    restricted_vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [
            models.Index(fields=["kind", "region"], name="searchdoc_kind_region_idx"),
            models.Index(fields=["kind", "object_id"], name="searchdoc_kind_object_idx"),
        ]

    def __str__(self):
        return self.key


#: The indexes migration 0002 creates (0003 replaces the trigram one): do not change.
POSTGRES_INDEXES = [
    GinIndex(fields=["vector"], name="searchdoc_vector_gin"),
    GinIndex(fields=["restricted_vector"], name="searchdoc_restricted_gin"),
    GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="searchdoc_title_trgm"),
]
