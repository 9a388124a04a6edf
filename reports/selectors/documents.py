"""Reads of the documents feature: which documents a case has, what each prints, the register.

Nothing here writes: each function reads the case (and the rule data,
positions and history it needs) and shapes what a document's template prints.

Each case document is a :class:`DocumentSpec` in :data:`DOCUMENTS`, keyed by
the slug of its URLs (``/laporan/<id>/cetak/<slug>/`` and ``…/pdf/<slug>/``):

- ``tanda-bukti``: tanda bukti penyampaian laporan (the receipt); once the case has a reporter;
- ``formulir``: the laporan as filed (Formulir Model B.1); once the case has a reporter;
- ``pemberitahuan-status``: the public announcement of the status; once the
  registration is decided (not in diterima, kajian awal or perlu dilengkapi);
- ``undangan-klarifikasi``, ``berita-acara-klarifikasi``: the invitation to and
  the minutes of one party's clarification; once the case reached klarifikasi;
- ``berita-acara-pleno``: the minutes of the pleno; once it decided (forwarded or stopped);
- ``surat-penerusan``: the letter forwarding the recommendation; once forwarded.

A document the case has not reached is not linked from the case page, and its
URLs answer 404 with the reason (:func:`unavailable_reason`), never an empty
or half-filled document.

**Numbering**: ``<PREFIX>/<base>``, the base being the registration number
once the case is registered, the tracking code in groups (``ABCD-EFGH-JK``)
before. Exceptions, each for a reason:

- the receipt (``TBP``) always uses the tracking code: it is handed over at
  receipt, before any registration, and prints the time of receipt beside it;
- the public announcement (``PSL``) never prints the tracking code, the
  reporter's key to the status check: unregistered, its base is
  ``<office region>/<year received>/<report id>``;
- the forwarding letter carries its own number, the recommendation letter
  number recorded when the recommendation was forwarded;
- clarification papers add the party: ``/T`` (terlapor), ``/P`` (pelapor),
  ``/S<n>`` (the n-th witness);
- the register is ``REG/<jurisdiction code, or RI>/<from>-<to>`` (dates as YYYYMMDD).

The reporter's identity is never read here except in :func:`filer_identity`
(for the reporter's own receipt, in the session that filed it); officials get
it through ``reports.services.cases.reporter_identity_access``, which logs
each view.
"""

import datetime
from dataclasses import dataclass, replace
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bawaslu_portal.models import Agency, Position
from bawaslu_portal.printing import signature_place
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from bawaslu_portal.timefmt import format_date, format_time, to_local
from reports.deadlines import filing_legal_basis
from reports.models import (
    ElectionType,
    Report,
    ReporterIdentity,
    ReportHistory,
    ReportSource,
    ReportStage,
    ViolationCategory,
    format_tracking_code,
)

S = ReportStage

RECEIPT = "tanda-bukti"
FORM = "formulir"
STATUS_NOTICE = "pemberitahuan-status"
INVITATION = "undangan-klarifikasi"
CLARIFICATION_MINUTES = "berita-acara-klarifikasi"
PLENO_MINUTES = "berita-acara-pleno"
FORWARDING_LETTER = "surat-penerusan"

#: While the registration is being decided there is no status to announce.
UNDECIDED_STAGES = frozenset({S.DITERIMA, S.KAJIAN_AWAL, S.PERLU_DILENGKAPI})
#: The pleno's decisions on a kajian: forward the recommendation, or stop.
DECISION_STAGES = frozenset({S.REKOMENDASI_DITERUSKAN, S.DIHENTIKAN})
#: The register prints at most this many reports; beyond, the period must be narrowed.
REGISTER_MAX_ROWS = 2000
#: Its PDF twin stops earlier: WeasyPrint lays out some 20 rows a second on the 2-core
#: server, and a download must finish well within the worker's 30-second timeout.
REGISTER_PDF_MAX_ROWS = 300

#: The position roles (seeded data, ``bawaslu_portal`` migration 0002) that sign for an office.
KETUA_ROLE = "Ketua Bawaslu"
ANGGOTA_ROLE = "Anggota Bawaslu"
#: Signature lines of a pleno whose office has no members recorded.
BLANK_MEMBER_LINES = 2
#: Signature blocks side by side in one row of the pleno minutes (A4 portrait).
SIGNATURES_PER_ROW = 3


class Identity:
    """How a document uses the reporter's identity."""

    NONE = "none"
    #: Always printed: only case handlers, each print logged.
    REQUIRED = "required"
    #: Printed when the document is addressed to the reporter (``?pihak=pelapor``).
    PARTY = "party"


@dataclass(frozen=True)
class DocumentSpec:
    slug: str
    prefix: str
    #: The official name, printed as the heading: Indonesian in every interface language.
    name: str
    label: Promise
    template: str
    identity: str = Identity.NONE
    #: One document per party (terlapor, pelapor, each witness), chosen with ``?pihak=``.
    per_party: bool = False

    def print_url(self, report: Report, party: str = "") -> str:
        # The receipt has URLs of its own: they alone also answer the session that filed it.
        if self.slug == RECEIPT:
            return reverse("reports:receipt", args=[report.pk])
        return _with_party(reverse("reports:document", args=[report.pk, self.slug]), party)

    def pdf_url(self, report: Report, party: str = "") -> str:
        if self.slug == RECEIPT:
            return reverse("reports:receipt_pdf", args=[report.pk])
        return _with_party(reverse("reports:document_pdf", args=[report.pk, self.slug]), party)


def _with_party(url: str, party: str) -> str:
    return f"{url}?{urlencode({'pihak': party})}" if party else url


DOCUMENTS: dict[str, DocumentSpec] = {
    spec.slug: spec
    for spec in (
        DocumentSpec(
            RECEIPT,
            "TBP",
            "TANDA BUKTI PENYAMPAIAN LAPORAN",
            gettext_lazy("Receipt (tanda bukti penyampaian laporan)"),
            "reports/print/receipt.html",
            identity=Identity.REQUIRED,
        ),
        DocumentSpec(
            FORM,
            "FLP",
            "FORMULIR LAPORAN",
            gettext_lazy("Report form as filed (Formulir Model B.1)"),
            "reports/print/report_form.html",
            identity=Identity.REQUIRED,
        ),
        DocumentSpec(
            STATUS_NOTICE,
            "PSL",
            "PEMBERITAHUAN STATUS LAPORAN",
            gettext_lazy("Public announcement of the status"),
            "reports/print/status_notice.html",
        ),
        DocumentSpec(
            INVITATION,
            "UND",
            "UNDANGAN KLARIFIKASI",
            gettext_lazy("Invitation to a clarification"),
            "reports/print/clarification_invitation.html",
            identity=Identity.PARTY,
            per_party=True,
        ),
        DocumentSpec(
            CLARIFICATION_MINUTES,
            "BAK",
            "BERITA ACARA KLARIFIKASI",
            gettext_lazy("Minutes of a clarification (berita acara klarifikasi)"),
            "reports/print/clarification_minutes.html",
            identity=Identity.PARTY,
            per_party=True,
        ),
        DocumentSpec(
            PLENO_MINUTES,
            "BAP",
            "BERITA ACARA RAPAT PLENO",
            gettext_lazy("Minutes of the pleno (berita acara pleno)"),
            "reports/print/pleno_minutes.html",
        ),
        DocumentSpec(
            FORWARDING_LETTER,
            "SPR",
            "SURAT PENERUSAN",
            gettext_lazy("Letter forwarding the recommendation (surat penerusan)"),
            "reports/print/forwarding_letter.html",
        ),
    )
}


# ---------------------------------------------------------------------------
# The case file a document is printed from


@dataclass
class CaseFile:
    """A report with its history (oldest first) and whether a reporter is recorded."""

    report: Report
    history: list[ReportHistory]
    has_reporter: bool

    def _last_entry(self, stages) -> ReportHistory | None:
        """The last row that *entered* one of ``stages`` (an extension row enters nothing)."""
        for entry in reversed(self.history):
            if entry.to_stage in stages and entry.from_stage != entry.to_stage:
                return entry
        return None

    @property
    def intake(self) -> ReportHistory | None:
        return next((entry for entry in self.history if not entry.from_stage), None)

    @property
    def clarification(self) -> ReportHistory | None:
        return self._last_entry({S.KLARIFIKASI})

    @property
    def decision(self) -> ReportHistory | None:
        return self._last_entry(DECISION_STAGES)

    @property
    def forwarding(self) -> ReportHistory | None:
        return self._last_entry({S.REKOMENDASI_DITERUSKAN})

    @property
    def was_to_be_completed(self) -> bool:
        return any(entry.to_stage == S.PERLU_DILENGKAPI for entry in self.history)


def case_file_get(*, report: Report) -> CaseFile:
    """The report's history with the offices and actors a document prints (two queries).

    Whether a reporter is recorded is read without loading any identity field.
    """
    history = list(
        report.history.select_related(
            "office", "office__region", "office__parent", "actor", "actor__person"
        ).order_by("at", "pk")
    )
    has_reporter = ReporterIdentity.objects.filter(report=report).exists()
    return CaseFile(report=report, history=history, has_reporter=has_reporter)


def report_for_filer(*, pk: int) -> Report:
    """The report the current browser session filed (the caller has checked the session).

    No jurisdiction: the filer is anonymous. 404 when it no longer exists.
    """
    report = (
        Report.objects.select_related("election", "region", "office", "office__region")
        .prefetch_related("witnesses", "evidence")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404
    return report


def filer_identity(*, report: Report) -> ReporterIdentity | None:
    """The reporter's identity for their own receipt, in the session that filed it.

    Not an official's view, so not an identity view in the audit log; only
    the receipt view calls this, after ``session_may_see_receipt``.
    """
    return ReporterIdentity.objects.filter(report=report).first()


def unavailable_reason(spec: DocumentSpec, case: CaseFile) -> str:
    """Why the case has no such document yet ("" when it has)."""
    report = case.report
    if spec.identity == Identity.REQUIRED and not case.has_reporter:
        return _(
            "This case has no reporter (a temuan or informasi awal): it has no receipt "
            "and no report form."
        )
    if spec.slug == STATUS_NOTICE and report.stage in UNDECIDED_STAGES:
        return _(
            "The status is announced once the registration is decided; this case is still "
            "at “%(stage)s”."
        ) % {"stage": report.get_stage_display()}
    if spec.slug in (INVITATION, CLARIFICATION_MINUTES) and case.clarification is None:
        return _("Clarification papers exist once the case has reached the klarifikasi stage.")
    if spec.slug == PLENO_MINUTES and case.decision is None:
        return _(
            "The pleno minutes exist once the pleno has decided the case (recommendation "
            "forwarded, or handling stopped)."
        )
    if spec.slug == FORWARDING_LETTER and (
        case.forwarding is None or not report.recommendation_number
    ):
        return _("The forwarding letter exists once the recommendation has been forwarded.")
    return ""


# ---------------------------------------------------------------------------
# Parties of a clarification


@dataclass(frozen=True)
class Party:
    """Who a clarification paper is for: the reported ASN, the reporter or a witness."""

    key: str
    role: str
    suffix: str
    name: str = ""
    #: (label, value) lines printed under the name.
    details: tuple[tuple[str, str], ...] = ()
    address: str = ""
    is_reporter: bool = False


def _reported_party(report: Report) -> Party:
    details = [(_("NIP"), report.reported_nip)] if report.reported_nip else []
    details += [
        (_("Position"), report.reported_position or "—"),
        (_("Agency"), report.reported_agency_label),
    ]
    if report.reported_phone:
        details.append((_("Phone"), report.reported_phone))
    return Party(
        key="terlapor",
        role=_("Reported party (terlapor)"),
        suffix="T",
        name=report.reported_name,
        details=tuple(details),
        address=report.reported_address,
    )


def _reporter_party() -> Party:
    return Party(key="pelapor", role=_("Reporter (pelapor)"), suffix="P", is_reporter=True)


def _witness_parties(report: Report) -> list[Party]:
    return [
        Party(
            key=f"saksi-{witness.pk}",
            role=_("Witness (saksi)"),
            suffix=f"S{number}",
            name=witness.name,
            details=((_("Contact"), witness.contact),) if witness.contact else (),
        )
        for number, witness in enumerate(report.witnesses.all(), start=1)
    ]


def party_choices(case: CaseFile, *, with_reporter: bool) -> list[Party]:
    """The parties a clarification paper can be addressed to; the reporter only when asked."""
    parties = [_reported_party(case.report)]
    if with_reporter and case.has_reporter:
        parties.append(_reporter_party())
    return parties + _witness_parties(case.report)


def party_get(case: CaseFile, key: str) -> Party:
    """The party named by ``?pihak=`` (the reported ASN when empty); 404 for any other value."""
    key = key or "terlapor"
    party = next((p for p in party_choices(case, with_reporter=True) if p.key == key), None)
    if party is None:
        raise Http404(_("This case has no such party."))
    return party


def party_with_identity(party: Party, identity: ReporterIdentity) -> Party:
    """The reporter as a party, filled from an identity read through the logged access."""
    details = []
    if identity.birth_place or identity.birth_date:
        born = ", ".join(
            part
            for part in (
                identity.birth_place,
                format_date(identity.birth_date) if identity.birth_date else "",
            )
            if part
        )
        details.append((_("Place and date of birth"), born))
    if identity.occupation:
        details.append((_("Occupation"), identity.occupation))
    if identity.phone:
        details.append((_("Phone"), identity.phone))
    return replace(party, name=identity.name, details=tuple(details), address=identity.address)


# ---------------------------------------------------------------------------
# Signatories


@dataclass(frozen=True)
class Signatory:
    """What ``print/signature_block.html`` prints: the role lines, the name and NIP.

    ``place`` and ``date`` make the dateline above the role, when this block has one.
    """

    role: str
    name: str = ""
    nip: str = ""
    place: str = ""
    date: datetime.date | None = None


def _person_signatory(role: str, person) -> Signatory:
    return Signatory(role=role, name=person.name, nip=person.nip) if person else Signatory(role)


def office_commissioners(office: Agency) -> tuple[Signatory, list[Signatory]]:
    """The office's Ketua and Anggota from its active positions (one query).

    Without a recorded Ketua the Ketua's line is left blank to be written in;
    without recorded members there are :data:`BLANK_MEMBER_LINES` blank lines.
    """
    positions = list(
        Position.objects.active()
        .filter(agency=office, role__name__in=[KETUA_ROLE, ANGGOTA_ROLE])
        .select_related("person", "role")
        .order_by("role__order", "person__name", "pk")
    )
    # "Ketua Bawaslu Kota Semarang": official titles, the same in every interface language.
    ketua_role, anggota_role = f"Ketua {office.name}", f"Anggota {office.name}"
    ketua = next((p.person for p in positions if p.role.name == KETUA_ROLE), None)
    members = [
        _person_signatory(anggota_role, p.person) for p in positions if p.role.name == ANGGOTA_ROLE
    ]
    return _person_signatory(ketua_role, ketua), members or [
        Signatory(anggota_role) for _ in range(BLANK_MEMBER_LINES)
    ]


def _actor_name(entry: ReportHistory | None) -> str:
    """The printed name of the official who took a step ("" to be written in)."""
    if entry is None or entry.actor is None:
        return ""
    actor = entry.actor
    if actor.person is not None:
        return actor.person.name
    return actor.get_full_name()


# ---------------------------------------------------------------------------
# Numbers, dates and the status statement


def document_number(spec: DocumentSpec, report: Report, *, party: Party | None = None) -> str:
    """The document's number (see the module docstring for the scheme)."""
    if spec.slug == FORWARDING_LETTER and report.recommendation_number:
        return report.recommendation_number
    if spec.slug == RECEIPT or not report.registration_number:
        if spec.slug == STATUS_NOTICE:
            year = to_local(report.received_at, report.region).year
            base = f"{report.office.region_id}/{year}/{report.pk}"
        else:
            base = format_tracking_code(report.tracking_code)
    else:
        base = report.registration_number
    number = f"{spec.prefix}/{base}"
    return f"{number}/{party.suffix}" if party else number


def pdf_filename(slug: str, number: str) -> str:
    """ "berita-acara-pleno-bap-001-reg-lp-pw-33-74-x-2024.pdf": ASCII, safe in a header."""
    # slugify drops slashes and dots, which would glue the parts of a number together.
    parts = slugify(number.replace("/", " ").replace(".", " "))[:80].strip("-")
    return f"{slug}-{parts or 'dokumen'}.pdf"


def _office_today(office: Agency) -> datetime.date:
    return timezone.localdate(timezone=office.region.zoneinfo)


def _local_day(value: datetime.datetime | None, region) -> datetime.date | None:
    return to_local(value, region).date() if value else None


def requirements_regulation(report: Report) -> str:
    """The Bawaslu regulation setting the formal and material requirements of a report."""
    if report.election.type == ElectionType.PEMILU:
        return "Perbawaslu 7/2022"
    return "Perbawaslu 8/2020 jo. Perbawaslu 9/2024"


def status_statement(case: CaseFile) -> str:
    """The status as the public announcement states it, with its basis.

    Built from the case's data only, never from officials' free-text notes or
    reasons (which may name people): "Not registered: made after the deadline
    (UU 7/2017 ps. 454 ayat (6))."
    """
    report = case.report
    stage = report.stage
    if stage == S.TIDAK_DIREGISTRASI:
        if report.filed_late:
            return _("Not registered: made after the deadline (%(basis)s).") % {
                "basis": filing_legal_basis(report)
            }
        if case.was_to_be_completed:
            return _(
                "Not registered: the report was not completed within the time given (%(basis)s)."
            ) % {"basis": requirements_regulation(report)}
        return _(
            "Not registered: the formal and/or material requirements are not met (%(basis)s)."
        ) % {"basis": requirements_regulation(report)}
    if stage == S.INFORMASI_AWAL:
        return _("Not registered: made after the deadline (%(basis)s); kept as informasi awal.") % {
            "basis": filing_legal_basis(report)
        }
    if stage == S.DICABUT:
        return _("Withdrawn by the reporter; kept as informasi awal.")
    if stage == S.DILIMPAHKAN:
        return _("Forwarded to %(office)s for handling.") % {"office": report.office.name}
    if stage == S.DIAMBIL_ALIH:
        return _("Taken over by %(office)s.") % {"office": report.office.name}
    if stage in (S.REKOMENDASI_DITERUSKAN, S.TINDAK_LANJUT_PPK, S.PEMBLOKIRAN):
        return _(
            "A violation of other laws (ASN neutrality): the recommendation was forwarded to "
            "%(recipient)s on %(date)s."
        ) % {
            "recipient": report.recipient_label,
            "date": format_date(report.recommendation_date) if report.recommendation_date else "—",
        }
    if stage == S.DIHENTIKAN:
        return _("Not a violation: the handling was stopped.")
    if stage == S.SELESAI:
        if report.ppk_sanction:
            return _("Closed. The PPK's decision: %(sanction)s.") % {
                "sanction": report.get_ppk_sanction_display()
            }
        if report.bkn_recommendation_number:
            return _("Closed: %(recipient)s recommended no sanction.") % {
                "recipient": report.recipient_label
            }
        return _("Closed.")
    # Registered and being handled (diregistrasi, klarifikasi, kajian).
    return _("Registered and being handled: %(stage)s (%(basis)s).") % {
        "stage": report.get_stage_display(),
        "basis": requirements_regulation(report),
    }


# ---------------------------------------------------------------------------
# What each document prints


def _common(spec: DocumentSpec, case: CaseFile, office: Agency, party: Party | None = None) -> dict:
    report = case.report
    return {
        "spec": spec,
        "report": report,
        "office": office,
        "number": document_number(spec, report, party=party),
        "place": signature_place(office.region),
        "categories": list(report.categories.all()),
    }


def _intake_office(case: CaseFile) -> Agency:
    intake = case.intake
    return intake.office if intake is not None and intake.office is not None else case.report.office


def _row_office(case: CaseFile, entry: ReportHistory | None) -> Agency:
    return entry.office if entry is not None and entry.office is not None else case.report.office


def receipt_context(spec, case: CaseFile, *, identity: ReporterIdentity | None, **_kwargs) -> dict:
    """The receipt: who received what, when; signed by the receiving officer and the reporter."""
    report = case.report
    office = _intake_office(case)
    return {
        **_common(spec, case, office),
        "reporter_name": identity.name if identity else "",
        "received_date": format_date(report.received_at, report.region),
        "received_time": format_time(report.received_at, report.region),
        "evidence_count": len(report.evidence.all()),
        "witness_count": len(report.witnesses.all()),
        "filing_basis": filing_legal_basis(report) if report.filed_late else "",
        "officer": Signatory(_("Receiving officer"), _actor_name(case.intake)),
        "reporter": Signatory(_("Reporter"), identity.name if identity else ""),
        "signature_date": _local_day(report.received_at, report.region),
    }


def report_form_context(
    spec, case: CaseFile, *, identity: ReporterIdentity | None, **_kwargs
) -> dict:
    """The laporan as filed, in the order of the official form."""
    report = case.report
    office = _intake_office(case)
    return {
        **_common(spec, case, office),
        "identity": identity,
        "witnesses": list(report.witnesses.all()),
        "evidence": list(report.evidence.all()),
        "received_date": format_date(report.received_at, report.region),
        "received_time": format_time(report.received_at, report.region),
        "officer": Signatory(_("Receiving officer"), _actor_name(case.intake)),
        "reporter": Signatory(_("Reporter"), identity.name if identity else ""),
        "signature_date": _local_day(report.received_at, report.region),
    }


def status_notice_context(spec, case: CaseFile, **_kwargs) -> dict:
    """The public announcement: no reporter, no reported name or NIP, no free text."""
    report = case.report
    office = report.office
    ketua, _members = office_commissioners(office)
    return {
        **_common(spec, case, office),
        "source_title": {
            ReportSource.LAPORAN: "LAPORAN",
            ReportSource.TEMUAN: "TEMUAN",
            ReportSource.INFORMASI_AWAL: "INFORMASI AWAL",
        }[report.source],
        "received_date": format_date(report.received_at, report.region),
        "status": status_statement(case),
        "status_date": format_date(report.stage_changed_at, report.region),
        "ketua": ketua,
        "signature_date": _office_today(office),
    }


def _clarification_context(spec, case: CaseFile, party: Party) -> dict:
    entry = case.clarification
    office = _row_office(case, entry)
    ketua, _members = office_commissioners(office)
    return {
        **_common(spec, case, office, party),
        "party": party,
        "clarification_started": format_date(entry.at, case.report.region),
        "zone": case.report.region.timezone,
        "ketua": ketua,
        "signature_date": _local_day(entry.at, case.report.region),
    }


def invitation_context(spec, case: CaseFile, *, party: Party, **_kwargs) -> dict:
    """The invitation, dated the day the klarifikasi began; the hearing's time is written in.

    The portal records when the klarifikasi stage began, not when each hearing
    is held, so the day, time and place of the hearing are dotted lines.
    """
    return _clarification_context(spec, case, party)


def clarification_minutes_context(spec, case: CaseFile, *, party: Party, **_kwargs) -> dict:
    """The minutes of one party's clarification, to be completed at the hearing."""
    context = _clarification_context(spec, case, party)
    context["examiner"] = Signatory(_("Clarifying officer"))
    context["party_signatory"] = Signatory(party.role, party.name)
    context["answer_rows"] = range(1, 9)
    return context


def pleno_minutes_context(spec, case: CaseFile, **_kwargs) -> dict:
    """The pleno that decided the case, dated by the decision's history row."""
    report = case.report
    entry = case.decision
    office = _row_office(case, entry)
    ketua, members = office_commissioners(office)
    ketua = replace(
        ketua, place=signature_place(office.region), date=_local_day(entry.at, report.region)
    )
    signatories = [*members, ketua]
    return {
        **_common(spec, case, office),
        "pleno_date": format_date(entry.at, report.region),
        "pleno_time": format_time(entry.at, report.region),
        "forwarded": entry.to_stage == S.REKOMENDASI_DITERUSKAN,
        # The reason the step recorded (the report's end_reason may be overwritten later).
        "decision_reason": (entry.data or {}).get("reason", ""),
        "decision_note": entry.note,
        "signature_rows": [
            signatories[i : i + SIGNATURES_PER_ROW]
            for i in range(0, len(signatories), SIGNATURES_PER_ROW)
        ],
    }


#: Who receives a forwarded recommendation, as the letter addresses them.
RECIPIENT_ADDRESSEES = {
    "kasn": ("Ketua Komisi Aparatur Sipil Negara", "Komisi Aparatur Sipil Negara (KASN)"),
    "bkn": ("Kepala Badan Kepegawaian Negara", "Badan Kepegawaian Negara (BKN)"),
}


def forwarding_letter_context(spec, case: CaseFile, **_kwargs) -> dict:
    """The letter to KASN (before 24 August 2024) or BKN, by the recommendation's date."""
    report = case.report
    entry = case.forwarding
    office = _row_office(case, entry)
    ketua, _members = office_commissioners(office)
    addressee, institution = RECIPIENT_ADDRESSEES.get(
        report.recommendation_recipient, ("", report.recipient_label)
    )
    pleno = case.decision
    return {
        **_common(spec, case, office),
        "addressee": addressee,
        "institution": institution,
        "letter_date": format_date(report.recommendation_date),
        "pleno_date": format_date(pleno.at, report.region) if pleno else "",
        "ketua": ketua,
        "copy_to": office.parent.name if office.parent_id else "",
        "signature_date": report.recommendation_date,
    }


BUILDERS = {
    RECEIPT: receipt_context,
    FORM: report_form_context,
    STATUS_NOTICE: status_notice_context,
    INVITATION: invitation_context,
    CLARIFICATION_MINUTES: clarification_minutes_context,
    PLENO_MINUTES: pleno_minutes_context,
    FORWARDING_LETTER: forwarding_letter_context,
}


def document_context(
    spec: DocumentSpec,
    case: CaseFile,
    *,
    identity: ReporterIdentity | None = None,
    party: Party | None = None,
) -> dict:
    """Everything the document's template prints (the view adds its links)."""
    return BUILDERS[spec.slug](spec, case, identity=identity, party=party)


# ---------------------------------------------------------------------------
# The links on the case page


@dataclass(frozen=True)
class DocumentLink:
    label: str
    print_url: str
    pdf_url: str


@dataclass(frozen=True)
class DocumentGroup:
    """One document of the case page's list, with one link per party when it has parties."""

    spec: DocumentSpec
    links: list[DocumentLink]


def case_documents(
    *, report: Report, history: list[ReportHistory], can_view_identity: bool, has_reporter: bool
) -> list[DocumentGroup]:
    """The documents the case has reached and the user may print, for the case page.

    No queries: ``history`` is the case page's timeline and the witnesses are
    prefetched with the report. Documents carrying the reporter's identity
    are listed only for case handlers (``can_view_identity``).
    """
    case = CaseFile(report=report, history=list(history), has_reporter=has_reporter)
    groups = []
    for spec in DOCUMENTS.values():
        if spec.identity == Identity.REQUIRED and not can_view_identity:
            continue
        if unavailable_reason(spec, case):
            continue
        if spec.per_party:
            links = [
                DocumentLink(
                    party.role, spec.print_url(report, party.key), spec.pdf_url(report, party.key)
                )
                for party in party_choices(case, with_reporter=can_view_identity)
            ]
        else:
            links = [DocumentLink(str(spec.label), spec.print_url(report), spec.pdf_url(report))]
        groups.append(DocumentGroup(spec=spec, links=links))
    return groups


# ---------------------------------------------------------------------------
# The register book


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register: the report, LP or TM, and the day it was registered."""

    report: Report
    kind: str
    registered_on: datetime.date


@dataclass(frozen=True)
class Register:
    rows: list[RegisterRow]
    truncated: bool
    number: str
    zone: str
    #: The categories the rows name by code, in order: printed once under the table.
    categories: list[ViolationCategory]


def register_zone(user) -> tuple[str, ZoneInfo]:
    """The zone the period's days are counted in: the jurisdiction's (WIB nationwide)."""
    region = user_jurisdiction(user).region
    if region is None:
        return "WIB", ZoneInfo("Asia/Jakarta")
    return region.timezone, region.zoneinfo


def register_list(
    *, user, start: datetime.date, end: datetime.date, limit: int = REGISTER_MAX_ROWS
) -> Register:
    """The reports registered from ``start`` to ``end`` (inclusive) in ``user``'s jurisdiction.

    The days are counted in the jurisdiction's zone (:func:`register_zone`).
    In order of registration; at most ``limit`` rows (``truncated`` says when
    more exist). Two queries whatever the number of rows: the reports with
    their region and agency, and the categories of all of them.
    """
    label, zone = register_zone(user)
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    queryset = (
        scope_to_jurisdiction(Report.objects.all(), user)
        .exclude(registration_number="")
        .filter(registered_at__gte=since, registered_at__lt=until)
        .select_related("region", "reported_agency")
        .prefetch_related(
            Prefetch("categories", queryset=ViolationCategory.objects.order_by("group", "order"))
        )
        .order_by("registered_at", "pk")
    )
    reports = list(queryset[: limit + 1])
    rows = [
        RegisterRow(
            report=report,
            # The kind of the registration number: LP for a laporan, TM otherwise.
            kind="LP" if report.source == ReportSource.LAPORAN else "TM",
            registered_on=timezone.localtime(report.registered_at, zone).date(),
        )
        for report in reports[:limit]
    ]
    used = {category.pk: category for row in rows for category in row.report.categories.all()}
    jurisdiction = user_jurisdiction(user)
    code = "RI" if jurisdiction.region is None else jurisdiction.region.code
    return Register(
        rows=rows,
        truncated=len(reports) > limit,
        number=f"REG/{code}/{start:%Y%m%d}-{end:%Y%m%d}",
        zone=label,
        categories=sorted(used.values(), key=lambda c: (c.group, c.order, c.code)),
    )
