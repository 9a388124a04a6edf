"""The demo cases: ASN-neutrality cases in every demo city, across every stage.

The cases themselves are data, in ``cases.toml`` beside this module (one ``[[case]]``
table per case, replayed in the file's order); this module reads them
(:data:`CASES`, through ``bawaslu_portal.demo.records``) and keeps what they mean: the
:class:`Case` and :class:`Step` records, the cities' offices, and the steps of the
follow-through whose letters and fields are derived from a step's date.

Every path that creates a record is here:

- **public filings** (``user=None``, exactly what ``reports.views.public``
  hands the intake: no source, the reporter as ``ReportForm.reporter_data``
  gives it, witnesses, links; the clock stands in for the moment of filing):
  DEM0SMG006 and DEM0SRG003 on time, DEM0BPN004 after its deadline, which
  the office keeps as *informasi awal* (it cannot be registered);
- laporan recorded at the office, temuan (DEM0SMG002, DEM0BPN003) and
  *informasi awal* recorded by the office (DEM0PGK001, DEM0PGK002);
- a withdrawal (DEM0SMG003), a forward to the province (DEM0SMG004), a
  take-over by the province (DEM0SMG005), comments of the provincial office,
  the extension of the handling period (DEM0PGK001 under the Pemilihan rule,
  DEM0SMG006 under the Pemilu rule), the recommendation to KASN (2023 and
  early 2024 cases) and to BKN (after 24 August 2024: DEM0PGK001, DEM0PGK003,
  DEM0BPN005), the follow-ups the cases open for the PPK's government, and
  the request to BKN to block an ASN's record when the PPK did not decide in
  time (DEM0SMG006, DEM0PGK003);
- two laporan by two citizens about the same incident and the same ASN
  (DEM0PGK004, DEM0PGK005), linked by the office and assessed together: one
  kajian and one pleno (stopped: not a violation), recorded once on
  DEM0PGK004 for both;
- evidence files (small demo PDF and PNG files made by
  ``bawaslu_portal.demo.files``, each saying it is demo material): one that came
  with a public filing through the public form's upload (DEM0SMG006), and one a
  handler added to a recorded case later (``evidence_add``, DEM0SMG001).

Every registration and pleno falls within its statutory period (Pemilu:
kajian awal 2 days, handling 7 days after registration or, extended, 14
working days after it; Pemilihan: handling 3 days after receipt, + 2), and
every reply of KASN/BKN and the PPK within its period, except where the case
is about the PPK's delay (``tests/reports/test_demo.py`` checks each step).

Grounded in the source articles: the Semarang case of an ASN liking and
sharing a relative's campaign posts (source 001: such likes and shares are a
violation; campaign from 28 Nov 2023), and the claims made at the KAHMI
protest in Kota Pangkal Pinang on Friday 25 Oct 2024 (source 004). When the
Pj Wali Kota cross-checked them at the Bawaslu office on Monday 28 Oct 2024 they
had *not* reached Bawaslu ("itu belum masuk ke sini"), so the office records
them that afternoon as informasi awal, not as laporan, and assesses them with
Bawaslu Provinsi (the article: every kajian awal is coordinated with the
province). Reporters, reported ASN, witnesses, letter numbers and everything
after the article's day are illustrative demo data; the articles name none.

The commissioners who take the pleno decisions (:data:`DECIDERS`) get
accounts without a usable password (they appear in the history; an admin can
give them a password).
"""

import datetime
from dataclasses import dataclass, field

from bawaslu_portal.demo.files import DemoFile
from bawaslu_portal.demo.logins import LOGIN_NAMES
from bawaslu_portal.demo.records import (
    DemoDataError,
    build,
    choice,
    each,
    load,
    login,
    lookup,
    numbered,
    record,
    take,
)
from reports.models import (
    ReportSource,
    ReportStage,
    Sanction,
)

S = ReportStage

#: A step that links the case to the case of code ``fields["other"]`` (same incident, same
#: reported ASN): from then on their kajian and pleno are recorded once, on either of them.
LINK = "link"
#: A step in which the official views the reporter's identity (``fields["purpose"]``): the
#: view the audit log keeps and the case page lists for its handlers.
IDENTITY = "identity"
#: A step in which a handler adds an evidence file (``file``) to the recorded case.
EVIDENCE = "evidence"

#: Accounts for the pleno deciders of offices without a demo commissioner login:
#: (username, first name, last name, agency key, person key).
DECIDERS = [
    ("pangkalpinang.ketua", "Imam", "Ghazali", "bawaslu_pangkalpinang", "imam_ghazali"),
    ("balikpapan.ketua", "Wasanti", "", "bawaslu_balikpapan", "wasanti"),
    ("serang.ketua", "Aan Agus", "Hermawan", "bawaslu_serang", "aan_agus_hermawan"),
    ("jateng.ketua", "Ketua", "Bawaslu Jawa Tengah", "bawaslu_jateng", None),
    ("babel.staf", "Staf", "Bawaslu Babel", "bawaslu_babel", None),
]

#: The logins a case's step may name: the portal's demo logins and the deciders.
CASE_LOGINS = [*LOGIN_NAMES, *(username for username, *_rest in DECIDERS)]


@dataclass
class Step:
    """One transition of a demo case: who, when (local date and hour), where to, with what.

    A step to the stage the case is in is that stage's loop: the extension of
    the handling period, or recording that BKN blocked the record. A step to
    :data:`LINK` links the case to another (``fields["other"]``, its code); one to
    :data:`IDENTITY` views the reporter's identity (``fields["purpose"]``); one to
    :data:`EVIDENCE` adds the evidence file ``file``.
    """

    on: datetime.date
    to: str
    actor: str
    note: str = ""
    hour: int = 10
    fields: dict = field(default_factory=dict)
    comment_by: str = ""
    comment: str = ""
    file: DemoFile | None = None


@dataclass
class Case:
    """A demo case; ``actor`` is the official who records it, None for a public filing."""

    code: str
    city: str
    kelurahan_index: int
    office: str
    actor: str | None
    election: str
    source: str
    received: datetime.date
    incident: datetime.date
    known: datetime.date
    place: str
    description: str
    reported_name: str
    reported_position: str
    reported_agency: str
    categories: list[str]
    received_hour: int = 9
    incident_time: datetime.time | None = None
    reported_agency_name: str = ""
    reporter: dict | None = None
    witnesses: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    #: The evidence files that came with the filing (the public form's upload).
    files: list[DemoFile] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def public(self) -> bool:
        return self.actor is None


def _reporter(name: str, occupation: str, address: str, phone: str) -> dict:
    """A reporter as an official records them from a paper laporan."""
    return {"name": name, "occupation": occupation, "address": address, "phone": phone}


def _public_reporter(
    name: str, occupation: str, address: str, *, phone: str = "", email: str = "", withhold=False
) -> dict:
    """A reporter as the public form hands them to the intake (``ReportForm.reporter_data``)."""
    return {
        "name": name,
        "nik": "",
        "birth_place": "",
        "birth_date": None,
        "sex": "",
        "citizenship": "wni",
        "occupation": occupation,
        "address": address,
        "phone": phone,
        "email": email,
        "withhold_from_reported": withhold,
    }


def _witness(name: str, contact: str = "", summary: str = "") -> dict:
    """A witness row as the witness formset gives it."""
    return {"name": name, "contact": contact, "statement_summary": summary}


@dataclass(frozen=True)
class City:
    """A demo city: its region code, its Bawaslu office (agency key) and the staff login."""

    code: str
    office: str
    staff: str


PANGKALPINANG = City("19.71", "bawaslu_pangkalpinang", "pangkalpinang.staf")
SEMARANG = City("33.74", "bawaslu_semarang", "semarang.staf")
BALIKPAPAN = City("64.71", "bawaslu_balikpapan", "balikpapan.staf")
SERANG = City("36.73", "bawaslu_serang", "serang.staf")


# The steps of the follow-through: each letter is dated the day its step is recorded.


def _letter_step(
    to: str,
    letter: str,
    on: datetime.date,
    actor: str,
    number: str,
    note: str,
    *,
    hour: int = 10,
    **fields,
) -> Step:
    """A step to ``to`` that records the letter ``number`` of kind ``letter`` (the fields
    ``<letter>_number`` and ``<letter>_date``), dated the day of the step; then ``fields``."""
    letter_fields = {f"{letter}_number": number, f"{letter}_date": on}
    return Step(on, to, actor, note, hour=hour, fields={**letter_fields, **fields})


def _forwarded(on: datetime.date, decider: str, number: str, note: str, *, hour: int = 10) -> Step:
    """The pleno forwards the recommendation to KASN/BKN by letter ``number``."""
    return _letter_step(
        S.REKOMENDASI_DITERUSKAN, "recommendation", on, decider, number, note, hour=hour
    )


def _to_ppk(on: datetime.date, actor: str, number: str, ppk: str, note: str) -> Step:
    """KASN/BKN's recommendation ``number`` arrives and goes to the PPK of agency ``ppk``."""
    return _letter_step(
        S.TINDAK_LANJUT_PPK, "bkn_recommendation", on, actor, number, note, ppk_agency=ppk
    )


def _block_requested(on: datetime.date, actor: str, number: str) -> Step:
    """The PPK missed its deadline: letter ``number`` asks BKN to block the ASN's record."""
    return _letter_step(
        S.PEMBLOKIRAN, "block_request", on, actor, number, "PPK belum memutus dalam batas waktu."
    )


def _blocked(on: datetime.date, actor: str) -> Step:
    """BKN has blocked the record."""
    return Step(
        on,
        S.PEMBLOKIRAN,
        actor,
        "BKN memblokir data kepegawaian terlapor sampai PPK memutus.",
        fields={"blocked_on": on},
    )


def _ppk_decided(on: datetime.date, actor: str, sanction: str, number: str, note: str) -> Step:
    """The PPK's decision ``number`` (``sanction``) is received: the case closes."""
    return _letter_step(S.SELESAI, "ppk_decision", on, actor, number, note, ppk_sanction=sanction)


def _ended(on: datetime.date, to: str, actor: str, reason: str) -> Step:
    """A step that ends or sets the case aside with a ``reason`` (kept in ``end_reason``)."""
    return Step(on, to, actor, fields={"reason": reason})


COORDINATED_WITH_PROVINCE = (
    "Kajian awal dikoordinasikan dengan Bawaslu Provinsi Kepulauan Bangka Belitung."
)


def _kajian_awal_with_province(on: datetime.date, *, hour: int = 10, comment: str = "") -> Step:
    """Bawaslu Kota Pangkalpinang's kajian awal, coordinated with Bawaslu Provinsi (source 004:
    every kajian awal is); the provincial staff's ``comment`` on it, if any."""
    return Step(
        on,
        S.KAJIAN_AWAL,
        "pangkalpinang.staf",
        COORDINATED_WITH_PROVINCE,
        hour=hour,
        comment_by="babel.staf" if comment else "",
        comment=comment,
    )


# The records themselves are data: cases.toml beside this module (its header says how a
# case and its steps are written). Below, how a table of that file becomes a Case.

#: The cities of ``city = "…"``.
CITIES = {
    "pangkalpinang": PANGKALPINANG,
    "semarang": SEMARANG,
    "balikpapan": BALIKPAPAN,
    "serang": SERANG,
}

#: The steps a ``[[case.steps]]`` table names by its ``kind`` (without one, a plain Step).
STEP_KINDS = {
    "kajian_awal_with_province": _kajian_awal_with_province,
    "forwarded": _forwarded,
    "to_ppk": _to_ppk,
    "block_requested": _block_requested,
    "blocked": _blocked,
    "ppk_decided": _ppk_decided,
    "ended": _ended,
}


def _stage(value: str, where: str) -> str:
    """A step's ``to``: a stage of the workflow, or :data:`LINK` / :data:`IDENTITY` /
    :data:`EVIDENCE`."""
    return value if value in (LINK, IDENTITY, EVIDENCE) else choice(ReportStage)(value, where)


def _step(table: dict, where: str) -> Step:
    table = dict(table)
    make = lookup(STEP_KINDS, table.pop("kind"), f"{where}, kind") if "kind" in table else Step
    case_login = login(CASE_LOGINS)
    step = build(
        make,
        table,
        where,
        convert={
            "to": _stage,
            "sanction": choice(Sanction),
            "actor": case_login,
            "decider": case_login,
            "comment_by": case_login,
            "file": record(DemoFile),
        },
    )
    if (step.to == EVIDENCE) != (step.file is not None):
        raise DemoDataError(f"{where}: a step to {EVIDENCE!r}, and only such a step, has a file")
    return step


def _case_record(table: dict, where: str) -> Case:
    """The case of a ``[[case]]`` table: its city's office records it (its staff), unless
    ``public`` (then its reporter is as the public form gives them)."""
    where = f"{where} ({table.get('code', 'no code')})"
    (city,), fields = take(table, where, city=str)
    city = lookup(CITIES, city, f"{where}, city")
    public = fields.pop("public", False)
    return build(
        Case,
        fields,
        where,
        convert={
            "source": choice(ReportSource),
            "reporter": record(_public_reporter if public else _reporter),
            "witnesses": each(_witness),
            "files": each(DemoFile),
            "steps": lambda rows, at: [_step(step, place) for place, step in numbered(rows, at)],
        },
        city=city.code,
        office=city.office,
        actor=None if public else city.staff,
    )


CASES = [
    _case_record(table, where) for where, table in load(__file__, "cases.toml", "case")["case"]
]
