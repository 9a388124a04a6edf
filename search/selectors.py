"""The search: the documents a user may find for a query, grouped by kind or one kind paged.

What a user may find is what they may see:

- every document lies in the user's jurisdiction (``bawaslu_portal.scoping``);
- reports only for users who may see case files
  (``reports.permissions.cases.can_view_reports``: never partners);
- a partner official's meetings, follow-ups and declarations are those the
  coordination selectors show them (what concerns their agency);
- a report's ``restricted_body`` (the reporter's name) is matched only for the
  reports whose reporter the user may see (case handlers of the handling office
  and of the offices above it, ``can_view_reporter_identity``), and is never shown.

On PostgreSQL the words are matched with the ``indonesian`` full-text
configuration (Snowball's stemmer, widened by :func:`_expand`), the names of
people, agencies and regions also by trigram word similarity (typos); ranked
by ``ts_rank`` among each kind's newest matches (bounded work however common
the word). On SQLite each word of the query must occur (``icontains``) in the
title or the body.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q, QuerySet, Value, Window
from django.db.models.functions import RowNumber
from django.utils.safestring import SafeString

from bawaslu_portal.pagination import paginate
from bawaslu_portal.scoping import scope_to_jurisdiction
from coordination.selectors.campaigns import declaration_list
from coordination.selectors.followups import follow_up_list
from coordination.selectors.meetings import meeting_list
from reports.permissions.cases import can_view_reports
from reports.permissions.shared import bawaslu_agency, is_case_handler, is_nationwide
from search import highlight
from search.models import SEARCH_CONFIG, SearchDocument, SearchKind

#: Results shown per kind on the grouped page; the kind's own page shows the rest.
GROUP_SIZE = 5
#: Results per page of one kind.
PER_PAGE = 20
#: Matches ranked per kind on PostgreSQL: one more than a list counts (ADMIN_COUNT_LIMIT).
CANDIDATES_PER_KIND = 1_001
#: The grouped page shows the best few of each kind among its newest matches (an overview;
#: the kind's own page ranks CANDIDATES_PER_KIND).
GROUP_CANDIDATES_PER_KIND = 200
#: Kinds whose titles are names, also found by trigram similarity (typos).
NAME_KINDS = {SearchKind.PERSON, SearchKind.AGENCY, SearchKind.REGION}
#: Words of a query used on SQLite (each is one more LIKE over the table).
MAX_TERMS = 8

_LEXEME = re.compile(r"'([a-z]+)'")


@dataclass(frozen=True)
class SearchResult:
    kind: str
    title: SafeString
    snippet: SafeString
    url: str
    date: object
    region_label: str
    #: The report matched on its reporter's name (shown to those who may see it, never the name).
    identity_match: bool = False


@dataclass(frozen=True)
class SearchGroup:
    kind: str
    label: str
    results: list[SearchResult]
    has_more: bool


@dataclass
class SearchOutcome:
    groups: list[SearchGroup] = field(default_factory=list)
    page: object = None  # a page of SearchResult when one kind is chosen


def search_kinds(*, user) -> list[tuple[str, str]]:
    """The kinds ``user`` may search, in the page's order, as ``(value, label)``."""
    return [
        (kind.value, kind.label)
        for kind in SearchKind
        if kind != SearchKind.REPORT or can_view_reports(user)
    ]


def _visible_documents(user) -> QuerySet[SearchDocument]:
    documents = scope_to_jurisdiction(SearchDocument.objects.all(), user)
    if not can_view_reports(user):
        documents = documents.exclude(kind=SearchKind.REPORT)
    if user.is_partner:
        narrowed = [SearchKind.MEETING, SearchKind.FOLLOW_UP, SearchKind.DECLARATION]
        documents = documents.filter(
            ~Q(kind__in=narrowed)
            | Q(kind=SearchKind.MEETING, object_id__in=meeting_list(user=user).values("pk"))
            | Q(kind=SearchKind.FOLLOW_UP, object_id__in=follow_up_list(user=user).values("pk"))
            | Q(
                kind=SearchKind.DECLARATION,
                object_id__in=declaration_list(user=user).values("pk"),
            )
        )
    return documents


def _identity_q(user) -> Q | None:
    """The reports whose reporter ``user`` may see (``can_view_reporter_identity``), as a filter.

    Within the jurisdiction (the documents are already scoped): case handlers of
    the handling office or of an office above it; ``None`` for everyone else.
    """
    if not is_case_handler(user):
        return None
    if is_nationwide(user):
        return Q(kind=SearchKind.REPORT)
    agency = bawaslu_agency(user)
    return Q(kind=SearchKind.REPORT) & (
        Q(office_id=agency.pk) | Q(office_region_code__startswith=f"{agency.region_id}.")
    )


def _expand(tsquery_text: str) -> str:
    """Widen each stem by the ``-si`` rule Snowball's Indonesian stemmer leaves out.

    The stemmer keeps a final ``-i`` after ``s`` ("mengawasi" → ``awasi``) but
    ``pengawasan`` → ``awas``, so the two never meet. Each stem ``…si`` also
    matches ``…s`` and each ``…s`` also ``…si``: "mengawasi" finds "pengawasan",
    "pengawasan" finds "diawasi".
    """

    def widen(match: re.Match) -> str:
        stem = match.group(1)
        if stem.endswith("si") and len(stem) > 3:
            return f"( '{stem}' | '{stem[:-1]}' )"
        if stem.endswith("s") and len(stem) > 2:
            return f"( '{stem}' | '{stem}i' )"
        return match.group(0)

    return _LEXEME.sub(widen, tsquery_text)


def _postgres_query(query: str) -> SearchQuery | None:
    """The stemmed, widened query; ``None`` when the text has no searchable word."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [SEARCH_CONFIG, query]
        )
        text = cursor.fetchone()[0]
    if not text:
        return None
    # The lexemes are stems already: the ``simple`` configuration keeps them as they are.
    return SearchQuery(_expand(text), config="simple", search_type="raw")


def _terms(query: str) -> list[str]:
    return query.split()[:MAX_TERMS]


def _matches(
    user, query: str, kinds: list[str], *, candidates_per_kind: int = CANDIDATES_PER_KIND
) -> tuple[QuerySet[SearchDocument], dict]:
    """The matching documents of ``kinds``, ranked, and the annotations a shown result needs.

    The annotations (the marked title and snippet: ``ts_headline`` is costly) are
    kept apart so they are computed only for the rows shown.
    """
    documents = _visible_documents(user)
    identity = _identity_q(user)
    if connection.vendor == "postgresql":
        tsquery = _postgres_query(query)
        # The lookup as an expression: reads the same as ``title__trigram_word_similar``.
        similar_title = Q(TrigramWordSimilar(F("title"), Value(query)))
        identity_match = Value(False)
        shown = {}
        # Each way of matching is its own branch, so each uses its own GIN index:
        # the words, the reporter's name (for those who may see it), and for people,
        # agencies and regions a name like the query (typos). Not for the other titles:
        # a common word is "like" most of them, and checking each costs seconds.
        branches = [(similar_title, False, NAME_KINDS)]
        if tsquery is None:
            rank = TrigramWordSimilarity(Value(query), "title")
        else:
            # Ranked by ts_rank: a row found only through a typo in its title ranks after
            # the rows with the words, newest first.
            rank = SearchRank(F("vector"), tsquery)
            branches.insert(0, (Q(vector=tsquery), True, set(SearchKind.values)))
            if identity is not None:
                identity_match = identity & Q(restricted_vector=tsquery)
                branches.append((identity_match, True, {SearchKind.REPORT}))
            marks = {"start_sel": highlight.START, "stop_sel": highlight.STOP}
            shown = {
                "marked_title": SearchHeadline(
                    "title", tsquery, config=SEARCH_CONFIG, highlight_all=True, **marks
                ),
                "marked_snippet": SearchHeadline(
                    "body",
                    tsquery,
                    config=SEARCH_CONFIG,
                    max_words=30,
                    min_words=12,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                    **marks,
                ),
            }
        # Bounded work for a word that half the country's records contain: each kind
        # ranks only its newest ``candidates_per_kind`` matches (newest record first: an
        # index scan on (kind, object_id) that stops early). A kind's page ranks one more
        # than the lists count, so it still says "more than 1,000".
        newest, similar = [], []
        for value in kinds:
            for condition, newest_first, branch_kinds in branches:
                if value not in branch_kinds:
                    continue
                branch = documents.filter(condition, kind=value).values("pk")
                if newest_first:
                    # The words: the newest matches.
                    newest.append(branch.order_by("-object_id")[:candidates_per_kind])
                else:
                    # A name like the query: no ORDER BY and no LIMIT of its own, either of
                    # which tempts PostgreSQL to compute the similarity of name after name
                    # instead of reading the trigram index (seconds at a million rows).
                    similar.append(branch.order_by())
        branches_sql = newest + similar
        # One UNION ALL, the names last, cut at what the branches may hold: ``pk IN (…)``
        # then joins on the primary key (ORed IN subqueries, or a union PostgreSQL
        # expects to be large, make it read the whole table).
        if branches_sql:
            union = branches_sql[0].union(*branches_sql[1:], all=True)
            candidates = Q(pk__in=union[: candidates_per_kind * len(branches_sql)])
        else:  # no word to search, and a kind without names
            candidates = Q(pk__in=[])
        ranked = (
            SearchDocument.objects.filter(candidates)
            .annotate(rank=rank)
            .order_by(F("rank").desc(), F("date").desc(nulls_last=True), "-pk")
        )
    else:
        terms = _terms(query)
        for term in terms:
            term_q = Q(title__icontains=term) | Q(body__icontains=term)
            if identity is not None:
                term_q |= identity & Q(restricted_body__icontains=term)
            documents = documents.filter(term_q)
        identity_match = Value(False)
        if identity is not None:
            any_term = Q()
            for term in terms:
                any_term |= Q(restricted_body__icontains=term)
            identity_match = identity & any_term
        ranked = documents.order_by(F("date").desc(nulls_last=True), "title", "pk")
        shown = {}
    shown["identity_match"] = ExpressionWrapper(identity_match, output_field=BooleanField())
    return ranked, shown


def _result(document: SearchDocument, terms: list[str]) -> SearchResult:
    marked_title = getattr(document, "marked_title", None)
    marked_snippet = getattr(document, "marked_snippet", None)
    if marked_title is None or highlight.START not in marked_title:
        # SQLite, or a title found by trigram similarity: mark the words as typed.
        marked_title = highlight.mark_terms(document.title, terms)
    if marked_snippet is None:
        marked_snippet = highlight.snippet(document.body, terms)
    return SearchResult(
        kind=document.kind,
        title=highlight.render(marked_title),
        snippet=highlight.render(marked_snippet),
        url=document.url,
        date=document.date,
        region_label=document.region.label,
        identity_match=bool(document.identity_match),
    )


def search(*, user, request, query: str, kind: str = "") -> SearchOutcome:
    """The results of ``query`` for ``user``: grouped by kind, or one ``kind`` paginated.

    A fixed number of queries whatever the size of the index: the grouped page
    takes the first :data:`GROUP_SIZE` of each kind in one windowed query and
    their titles and snippets in a second; a kind's page is one capped count and
    one page.
    """
    terms = _terms(query)
    kinds = [kind] if kind else [value for value, _label in search_kinds(user=user)]
    matches, shown = _matches(
        user,
        query,
        kinds,
        candidates_per_kind=CANDIDATES_PER_KIND if kind else GROUP_CANDIDATES_PER_KIND,
    )
    if kind:
        documents = matches.filter(kind=kind).select_related("region").annotate(**shown)
        page = paginate(request, documents, per_page=PER_PAGE)
        page.object_list = [_result(document, terms) for document in page.object_list]
        return SearchOutcome(page=page)
    # The window ranks within each kind on the rank columns only; the headlines
    # (costly) are computed for the few rows kept, in the second query.
    ranked = list(
        matches.annotate(
            position=Window(RowNumber(), partition_by=[F("kind")], order_by=matches.query.order_by)
        )
        .filter(position__lte=GROUP_SIZE + 1)
        .values_list("pk", "kind", "position")
    )
    if not ranked:
        return SearchOutcome()
    # The shown rows by primary key: their annotations need none of the matching again.
    documents = SearchDocument.objects.filter(
        pk__in=[pk for pk, _kind, position in ranked if position <= GROUP_SIZE]
    )
    by_pk = {doc.pk: doc for doc in documents.select_related("region").annotate(**shown)}
    labels = dict(SearchKind.choices)
    groups = []
    for value in SearchKind.values:
        rows = sorted((position, pk) for pk, row_kind, position in ranked if row_kind == value)
        if not rows:
            continue
        results = [_result(by_pk[pk], terms) for position, pk in rows if pk in by_pk]
        groups.append(
            SearchGroup(
                kind=value,
                label=labels[value],
                results=results,
                has_more=len(rows) > GROUP_SIZE,
            )
        )
    return SearchOutcome(groups=groups)
