"""The statutory workflow of an ASN-neutrality report, as ONE table of transitions.

Each :class:`Transition` row says: from which stage to which, what the button
is called, which user roles may take it, whether the actor acts for the
handling office or for an office above it, which fields the step requires,
which deadline it starts and which side effects it has. The one service that
applies any of them is ``reports.services.workflow.report_transition``; nothing else
changes a report's stage.

Deadlines: ``deadline`` names the :class:`~reports.models.DeadlineStep` the
step starts; the day it counts from is the rule's ``counted_from``
(``reports.deadlines.report_deadline``), or ``deadline_from``, a date field
of the step (the letter that starts it); ``None`` keeps the running
deadline; a closed target stage or ``stops_deadline`` clears it. ``extends``
marks the one-off extension of the handling period (UU 7/2017 ps. 454 ayat
(8), UU 10/2016 ps. 134 ayat (6)).

The table is data that every layer of the workflow feature reads (its
permissions, service, forms and views, each a ``workflow`` module of its
layer), so it is a module of its own beside the layer packages, as is the
deadline engine ``reports.deadlines``.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import UserRole
from reports.models import DeadlineStep, ReportStage

S = ReportStage

#: Bawaslu officials who handle cases.
HANDLERS = frozenset({UserRole.STAFF, UserRole.COMMISSIONER, UserRole.ADMIN})
#: Decisions the commissioners take in a pleno.
DECIDERS = frozenset({UserRole.COMMISSIONER, UserRole.ADMIN})

#: The actor acts for the office handling the report.
HANDLING_OFFICE = "handling"
#: The actor acts for a Bawaslu office above the handling office (taking over).
OFFICE_ABOVE = "above"

# Guards: conditions on the report besides its stage.
REGISTERED = "registered"
NOT_REGISTERED = "not_registered"
NOT_EXTENDED = "not_extended"
#: Not yet registered, and not a laporan or temuan made after its statutory deadline.
REGISTRABLE = "registrable"
#: A laporan or temuan made after its deadline (it may be kept as informasi awal).
FILED_LATE = "filed_late"
#: The PPK's deadline has passed without a decision.
PPK_OVERDUE = "ppk_overdue"
NOT_BLOCKED = "not_blocked"

# Side effects, applied by the service.
WITHDRAW = "withdraw"
#: The case continues as informasi awal (after a withdrawal or a late filing).
TO_INFORMASI_AWAL = "to_informasi_awal"
REGISTER = "register"
#: Store who receives the recommendation (KASN or BKN), by the letter's date.
SET_RECIPIENT = "set_recipient"
OPEN_BLOCK_FOLLOW_UP = "open_block_follow_up"
CLOSE_BLOCK_FOLLOW_UP = "close_block_follow_up"
CHANGE_OFFICE = "change_office"
OPEN_BKN_FOLLOW_UP = "open_bkn_follow_up"
CLOSE_BKN_FOLLOW_UP = "close_bkn_follow_up"
OPEN_PPK_FOLLOW_UP = "open_ppk_follow_up"
CLOSE_PPK_FOLLOW_UP = "close_ppk_follow_up"


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    label: Promise
    roles: frozenset[str] = HANDLERS
    acting_for: str = HANDLING_OFFICE
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    deadline: str | None = None
    deadline_from: str | None = None
    extends: bool = False
    stops_deadline: bool = False
    guard: str | None = None
    effects: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.source}__{self.target}"

    @property
    def fields(self) -> tuple[str, ...]:
        return self.required + self.optional

    @property
    def closes(self) -> bool:
        return self.target in ReportStage.closed_stages()


#: Stages from which a case can change office (forwarded or taken over).
MOVABLE = (
    S.DITERIMA,
    S.KAJIAN_AWAL,
    S.PERLU_DILENGKAPI,
    S.DIREGISTRASI,
    S.KLARIFIKASI,
    S.KAJIAN,
    S.DILIMPAHKAN,
    S.DIAMBIL_ALIH,
)
#: Stages in which the handling period runs and can be extended once.
HANDLING_STAGES = (S.DIREGISTRASI, S.KLARIFIKASI, S.KAJIAN)


def _build() -> tuple[Transition, ...]:
    rows = [
        # The kajian awal deadline runs from receipt (set at intake): starting the
        # work a day later does not move it.
        Transition(S.DITERIMA, S.KAJIAN_AWAL, _("Start the kajian awal")),
        Transition(
            S.KAJIAN_AWAL,
            S.PERLU_DILENGKAPI,
            _("Ask the reporter to complete the report"),
            required=("note",),
            deadline=DeadlineStep.COMPLETION,
        ),
        Transition(
            S.PERLU_DILENGKAPI,
            S.KAJIAN_AWAL,
            _("Completed: resume the kajian awal"),
            deadline=DeadlineStep.KAJIAN_AWAL,
        ),
        Transition(
            S.PERLU_DILENGKAPI,
            S.TIDAK_DIREGISTRASI,
            _("Not completed: do not register"),
            required=("reason",),
        ),
        Transition(
            S.KAJIAN_AWAL,
            S.DIREGISTRASI,
            _("Register"),
            deadline=DeadlineStep.HANDLING,
            guard=REGISTRABLE,
            effects=(REGISTER,),
        ),
        Transition(S.KAJIAN_AWAL, S.TIDAK_DIREGISTRASI, _("Do not register"), required=("reason",)),
        # A reporter may withdraw before registration; the case stays as informasi awal.
        *(
            Transition(
                stage,
                S.DICABUT,
                _("Record the reporter's withdrawal"),
                required=("reason",),
                effects=(WITHDRAW, TO_INFORMASI_AWAL),
            )
            for stage in (S.DITERIMA, S.KAJIAN_AWAL, S.PERLU_DILENGKAPI)
        ),
        # A laporan filed (or a temuan made) after its deadline fails the formal
        # requirement: it is not registered, or it is kept as informasi awal.
        *(
            Transition(
                stage,
                S.INFORMASI_AWAL,
                _("Keep as informasi awal (filed after the deadline)"),
                required=("reason",),
                stops_deadline=True,
                guard=FILED_LATE,
                effects=(TO_INFORMASI_AWAL,),
            )
            for stage in (S.DITERIMA, S.KAJIAN_AWAL)
        ),
        *(
            Transition(
                stage,
                S.KAJIAN_AWAL,
                _("Assess as informasi awal"),
                deadline=DeadlineStep.KAJIAN_AWAL,
            )
            for stage in (S.DICABUT, S.INFORMASI_AWAL)
        ),
        *(
            Transition(stage, S.SELESAI, _("Close the informasi awal"), required=("reason",))
            for stage in (S.DICABUT, S.INFORMASI_AWAL)
        ),
        # Hierarchy: forward to the other level, or the level above takes the case over.
        *(
            Transition(
                stage,
                S.DILIMPAHKAN,
                _("Forward to another Bawaslu office"),
                required=("target_office", "note"),
                effects=(CHANGE_OFFICE,),
            )
            for stage in MOVABLE
        ),
        *(
            Transition(
                stage,
                S.DIAMBIL_ALIH,
                _("Take the case over"),
                roles=DECIDERS,
                acting_for=OFFICE_ABOVE,
                required=("target_office", "note"),
                effects=(CHANGE_OFFICE,),
            )
            for stage in MOVABLE
            if stage != S.DIAMBIL_ALIH
        ),
        *(
            Transition(
                stage,
                S.KAJIAN_AWAL,
                _("Start the kajian awal"),
                deadline=DeadlineStep.KAJIAN_AWAL,
                guard=NOT_REGISTERED,
            )
            for stage in (S.DILIMPAHKAN, S.DIAMBIL_ALIH)
        ),
        *(
            Transition(stage, target, label, guard=REGISTERED)
            for stage in (S.DILIMPAHKAN, S.DIAMBIL_ALIH)
            for target, label in (
                (S.KLARIFIKASI, _("Continue with klarifikasi")),
                (S.KAJIAN, _("Continue with the kajian")),
            )
        ),
        Transition(S.DIREGISTRASI, S.KLARIFIKASI, _("Start klarifikasi")),
        Transition(S.DIREGISTRASI, S.KAJIAN, _("Start the kajian")),
        Transition(S.KLARIFIKASI, S.KAJIAN, _("Start the kajian")),
        # The handling period may be extended once when more information is needed.
        *(
            Transition(
                stage,
                stage,
                _("Extend the handling period"),
                required=("note",),
                deadline=DeadlineStep.HANDLING_EXTENDED,
                extends=True,
                guard=NOT_EXTENDED,
            )
            for stage in HANDLING_STAGES
        ),
        Transition(
            S.KAJIAN,
            S.REKOMENDASI_DITERUSKAN,
            _("Forward the recommendation to KASN/BKN"),
            roles=DECIDERS,
            required=("recommendation_number", "recommendation_date"),
            deadline=DeadlineStep.BKN_RESPONSE,
            deadline_from="recommendation_date",
            effects=(SET_RECIPIENT, OPEN_BKN_FOLLOW_UP),
        ),
        Transition(
            S.KAJIAN,
            S.DIHENTIKAN,
            _("Stop: not a violation"),
            roles=DECIDERS,
            required=("reason",),
        ),
        Transition(
            S.REKOMENDASI_DITERUSKAN,
            S.TINDAK_LANJUT_PPK,
            _("Record KASN/BKN's recommendation to the PPK"),
            required=("bkn_recommendation_number", "bkn_recommendation_date", "ppk_agency"),
            deadline=DeadlineStep.PPK_DECISION,
            deadline_from="bkn_recommendation_date",
            effects=(CLOSE_BKN_FOLLOW_UP, OPEN_PPK_FOLLOW_UP),
        ),
        Transition(
            S.REKOMENDASI_DITERUSKAN,
            S.SELESAI,
            _("Close: KASN/BKN recommended no sanction"),
            required=("bkn_recommendation_number", "bkn_recommendation_date", "reason"),
            effects=(CLOSE_BKN_FOLLOW_UP,),
        ),
        Transition(
            S.TINDAK_LANJUT_PPK,
            S.SELESAI,
            _("Record the PPK's decision"),
            required=("ppk_sanction", "ppk_decision_date"),
            optional=("ppk_decision_number",),
            effects=(CLOSE_PPK_FOLLOW_UP,),
        ),
        # SKB 2022 on ASN neutrality: when the PPK does not act in time, BKN is asked
        # to block the ASN's record in its personnel system until the PPK decides. The
        # blocking itself is regulated by Peraturan BKN 1/2023 (pemblokiran data
        # kepegawaian pada SIASN); see docs/statute-check.md, row 5b.
        Transition(
            S.TINDAK_LANJUT_PPK,
            S.PEMBLOKIRAN,
            _("Request BKN to block the ASN's record"),
            required=("block_request_number", "block_request_date"),
            deadline=DeadlineStep.BLOCK_RESPONSE,
            deadline_from="block_request_date",
            guard=PPK_OVERDUE,
            effects=(OPEN_BLOCK_FOLLOW_UP,),
        ),
        Transition(
            S.PEMBLOKIRAN,
            S.PEMBLOKIRAN,
            _("Record that BKN blocked the record"),
            required=("blocked_on",),
            stops_deadline=True,
            guard=NOT_BLOCKED,
            effects=(CLOSE_BLOCK_FOLLOW_UP,),
        ),
        Transition(
            S.PEMBLOKIRAN,
            S.SELESAI,
            _("Record the PPK's decision"),
            required=("ppk_sanction", "ppk_decision_date"),
            optional=("ppk_decision_number",),
            effects=(CLOSE_BLOCK_FOLLOW_UP, CLOSE_PPK_FOLLOW_UP),
        ),
    ]
    return tuple(rows)


TRANSITIONS: tuple[Transition, ...] = _build()
_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}
#: Rows by their key (``"kajian_awal__diregistrasi"``), as forms post them.
TRANSITIONS_BY_KEY = {t.key: t for t in TRANSITIONS}
assert len(_BY_PAIR) == len(TRANSITIONS), "each (from, to) pair appears once"


def get_transition(source: str, target: str) -> Transition | None:
    """The row for ``source`` → ``target``, or None when the move is not allowed."""
    return _BY_PAIR.get((source, target))


def transitions_from(stage: str) -> list[Transition]:
    """Every row leaving ``stage``, in table order."""
    return [t for t in TRANSITIONS if t.source == stage]


def guard_allows(transition: Transition, report) -> bool:
    """Whether the report meets the row's condition besides its stage."""
    if transition.guard == REGISTERED:
        return report.is_registered
    if transition.guard == NOT_REGISTERED:
        return not report.is_registered
    if transition.guard == NOT_EXTENDED:
        return not report.handling_extended
    if transition.guard == REGISTRABLE:
        return not report.is_registered and not report.fails_filing_deadline
    if transition.guard == FILED_LATE:
        return report.fails_filing_deadline
    if transition.guard == PPK_OVERDUE:
        return report.is_late
    if transition.guard == NOT_BLOCKED:
        return report.blocked_on is None
    return True
