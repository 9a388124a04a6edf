"""The machinery of the authorization matrix (``tests/portal/test_url_matrix.py``).

- :func:`named_patterns`: every named URL pattern of the project, walked from Django's
  resolver through every ``include()``, as ``namespace:name`` → the pattern's route.
- :class:`Policy`: one expectation set, written as one line per method with one outcome
  per actor (in :data:`ACTORS` order), e.g. ``Policy(get="200 200 404 404 200 200 login")``.
- :func:`outcome_of`: the outcome a response stands for, in the words of the table.
- :func:`fingerprint`: every row of the database (but the logs a refusal may write), to
  tell a refused POST that changed nothing from one that changed something.

Outcomes:

- ``200``, ``403``, ``404``, ``405``: that status code;
- ``302``: a redirect somewhere other than the login page (PRG, or a logged-in user sent on);
- ``login``: a redirect to the login page with ``?next=`` (anonymous on a login-only page);
- ``ok`` (POST only): the request got past every permission check: 200, a redirect other
  than to the login page, or 400 (the form refused the empty data). A refusal (``login``,
  ``403``, ``404``, ``405``) is in addition checked to leave the database unchanged.
"""

import hashlib
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse

#: The identities of the matrix, in the order of a policy line's outcomes.
ACTORS = (
    "office",  # staff of Bawaslu Kota Semarang, the office of the objects
    "province",  # staff of Bawaslu Provinsi Jawa Tengah, the office above
    "other_city",  # staff of Bawaslu Kota Surakarta: another city of the same province
    "other_province",  # staff of Bawaslu Kota Serang (Banten)
    "partner",  # partner official of Pemerintah Kota Semarang
    "viewer",  # viewer (read-only role) of Bawaslu Kota Semarang
    "anonymous",
)
OUTCOMES = {"200", "302", "login", "403", "404", "405", "ok"}
REFUSALS = {"login", "403", "404", "405"}

#: Namespaces left out of the table, with the reason.
SKIPPED_NAMESPACES = {
    # Django's admin is its own permission system (is_staff + model permissions), tested in
    # test_url_matrix.test_admin_*: every admin pattern refuses anonymous and non-staff users.
    "admin": "the admin has its own tests in test_url_matrix.py",
}

#: Models a refused request may legitimately write: the logs of the refusal itself.
FINGERPRINT_SKIPPED = {
    "sessions.session",  # a visit may save its session (messages, language)
    "bawaslu_portal.auditevent",  # every 403 is audited (bawaslu_portal.views.permission_denied)
    "bawaslu_portal.ratelimitcounter",  # public forms take a use before checking the input
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
}


@dataclass(frozen=True)
class Policy:
    """The expected outcome per actor, for GET and for POST.

    ``get`` and ``post`` are one outcome per actor in :data:`ACTORS` order, separated by
    spaces. Both are required: a page that takes no POST says so (``405``), so that a
    view that starts accepting one (or stops refusing it) shows in the matrix.
    """

    get: str
    post: str

    def __post_init__(self):
        for method in ("get", "post"):
            line = getattr(self, method)
            outcomes = line.split()
            if len(outcomes) != len(ACTORS):
                raise ValueError(f"{method}={line!r}: one outcome per actor {ACTORS}")
            unknown = set(outcomes) - OUTCOMES
            if unknown or (method == "get" and "ok" in outcomes):
                raise ValueError(f"{method}={line!r}: unknown outcome {unknown or {'ok'}}")

    def expected(self, method: str) -> dict[str, str]:
        return dict(zip(ACTORS, getattr(self, method).split(), strict=True))


@dataclass(frozen=True)
class Obj:
    """A URL argument taken from the test objects: ``Obj("meeting")`` is the meeting's pk."""

    key: str


@dataclass(frozen=True)
class Row:
    """One URL pattern: its policy, its URL arguments, and the query string or body it needs.

    A pattern whose answer depends on an argument (a case document's slug) has a list of
    rows, each with a ``label``.
    """

    policy: Policy
    kwargs: dict = field(default_factory=dict)
    #: Extra POST data (beside the CSRF token); most rows post nothing and expect the
    #: permission check to come first.
    data: dict = field(default_factory=dict)
    query: str = ""
    #: ``(actor, method)`` → why the right outcome (the one the policy gives) is not what the
    #: portal answers yet: a known bug. The test is marked ``xfail(strict=True)``, so fixing
    #: the bug makes it fail until the mark goes.
    xfail: dict = field(default_factory=dict)
    label: str = ""

    @property
    def takes_objects(self) -> bool:
        return any(isinstance(value, Obj) for value in self.kwargs.values())

    def url(self, name: str, objects: dict) -> str:
        kwargs = {
            key: objects[value.key] if isinstance(value, Obj) else value
            for key, value in self.kwargs.items()
        }
        url = reverse(name, kwargs=kwargs)
        return f"{url}?{self.query}" if self.query else url


def rows_of(entry) -> list:
    """The rows of a table entry: one :class:`Row`, or a list of labelled rows."""
    return list(entry) if isinstance(entry, list | tuple) else [entry]


def named_patterns() -> dict[str, str]:
    """Every named URL pattern outside :data:`SKIPPED_NAMESPACES`, ``namespace:name`` → route."""
    found: dict[str, str] = {}

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = entry.namespace or ""
                full = f"{namespace}:{inner}" if namespace and inner else namespace or inner
                if full.split(":")[0] in SKIPPED_NAMESPACES:
                    continue
                walk(entry, prefix + str(entry.pattern), full)
            elif isinstance(entry, URLPattern) and entry.name:
                key = f"{namespace}:{entry.name}" if namespace else entry.name
                found.setdefault(key, prefix + str(entry.pattern))

    walk(get_resolver(), "", "")
    return found


def admin_patterns() -> dict[str, str]:
    """Every named pattern of the admin (the site's and each model's), ``admin:name`` → route."""
    found: dict[str, str] = {}

    def walk(resolver: URLResolver, prefix: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                walk(entry, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern) and entry.name:
                found.setdefault(f"admin:{entry.name}", prefix + str(entry.pattern))

    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace == "admin":
            walk(entry, str(entry.pattern))
    return found


def outcome_of(response, login_url: str) -> str:
    """The table's word for ``response``."""
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if location.split("?")[0] == login_url and "next=" in location:
            return "login"
        return "302"
    return str(response.status_code)


def _fingerprint_queries() -> list[str]:
    quote = connection.ops.quote_name
    return [
        # Table and column names from the models, quoted: no outside input.
        f"SELECT * FROM {quote(model._meta.db_table)} ORDER BY {quote(model._meta.pk.column)}"  # noqa: S608
        for model in apps.get_models(include_auto_created=True)
        if model._meta.label_lower not in FINGERPRINT_SKIPPED
    ]


def fingerprint() -> str:
    """A digest of every row of every table a refused request must leave alone.

    Plain SQL, one query per table (about 3 ms for the matrix's data on SQLite; the ORM
    took ten times as long, which was most of the matrix's run time).
    """
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for query in _fingerprint_queries():
            cursor.execute(query)
            digest.update(query.encode())
            digest.update(repr(cursor.fetchall()).encode())
    return digest.hexdigest()
