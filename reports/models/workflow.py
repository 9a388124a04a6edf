"""The workflow's data: the stages, the history of every move, numbering and follow-through.

The allowed transitions between the stages are a table in ``reports/workflow.py``;
the stage choices are defined here so the database can check them. Only
``reports.services.workflow.report_transition`` writes these rows (and the
stage of a :class:`~reports.models.Report`).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models.fields import link

from .shared import ReportEntry


class ReportStage(models.TextChoices):
    DITERIMA = "diterima", _("Diterima (received)")
    DICABUT = "dicabut", _("Dicabut (withdrawn, kept as informasi awal)")
    KAJIAN_AWAL = "kajian_awal", _("Kajian awal")
    PERLU_DILENGKAPI = "perlu_dilengkapi", _("Perlu dilengkapi (to be completed)")
    DIREGISTRASI = "diregistrasi", _("Diregistrasi (registered)")
    TIDAK_DIREGISTRASI = "tidak_diregistrasi", _("Tidak diregistrasi (not registered)")
    DILIMPAHKAN = "dilimpahkan", _("Dilimpahkan (forwarded)")
    DIAMBIL_ALIH = "diambil_alih", _("Diambil alih (taken over)")
    KLARIFIKASI = "klarifikasi", _("Klarifikasi")
    KAJIAN = "kajian", _("Kajian")
    REKOMENDASI_DITERUSKAN = "rekomendasi_diteruskan", _("Diteruskan ke KASN/BKN")
    DIHENTIKAN = "dihentikan", _("Dihentikan (not a violation)")
    TINDAK_LANJUT_PPK = "tindak_lanjut_ppk", _("Tindak lanjut PPK")
    PEMBLOKIRAN = "pemblokiran", _("Pemblokiran data ASN requested from BKN")
    INFORMASI_AWAL = "informasi_awal", _("Kept as informasi awal (filed late)")
    SELESAI = "selesai", _("Selesai (closed)")

    @classmethod
    def closed_stages(cls) -> set[str]:
        """Stages in which the case is over: no deadline runs any more."""
        return {cls.TIDAK_DIREGISTRASI, cls.DIHENTIKAN, cls.SELESAI}

    @classmethod
    def open_stages(cls) -> list[str]:
        return [stage for stage in cls.values if stage not in cls.closed_stages()]


class Sanction(models.TextChoices):
    """The sanctions a PPK may impose for an ASN-neutrality violation, with their details.

    Ethics: *sanksi moral*, a closed or an open statement (PP 42/2004 ps. 15).
    Discipline (PP 94/2021 ps. 8): for neutrality only *sedang* (ayat (3)) or
    *berat* (ayat (4)); *ringan* (ayat (2)) does not apply and is not offered.
    """

    MORAL_TERTUTUP = "moral_tertutup", _("Sanksi moral: a closed statement (pernyataan tertutup)")
    MORAL_TERBUKA = "moral_terbuka", _("Sanksi moral: an open statement (pernyataan terbuka)")
    SEDANG_6 = "sedang_6", _("Hukuman disiplin sedang: 25% performance allowance cut, 6 months")
    SEDANG_9 = "sedang_9", _("Hukuman disiplin sedang: 25% performance allowance cut, 9 months")
    SEDANG_12 = "sedang_12", _("Hukuman disiplin sedang: 25% performance allowance cut, 12 months")
    BERAT_DEMOTION = (
        "berat_penurunan",
        _("Hukuman disiplin berat: demotion one level lower for 12 months"),
    )
    BERAT_RELEASE = (
        "berat_pembebasan",
        _("Hukuman disiplin berat: released from the post to an executor post for 12 months"),
    )
    BERAT_DISMISSAL = (
        "berat_pemberhentian",
        _("Hukuman disiplin berat: honourable dismissal not at own request"),
    )
    TIDAK_ADA = "tidak_ada", _("No sanction imposed")

    @classmethod
    def grouped_choices(cls) -> list:
        """The choices grouped as the PPK's decision reads them (ethics, sedang, berat)."""
        groups = {}
        for value, label in cls.choices:
            key = value.split("_")[0]
            groups.setdefault(key, []).append((value, label))
        return [
            (_("Code of ethics (PP 42/2004 ps. 15)"), groups["moral"]),
            (_("Discipline, sedang (PP 94/2021 ps. 8 ayat (3))"), groups["sedang"]),
            (_("Discipline, berat (PP 94/2021 ps. 8 ayat (4))"), groups["berat"]),
            (_("No sanction"), groups["tidak"]),
        ]


class RecommendationRecipient(models.TextChoices):
    """Who receives Bawaslu's ASN-neutrality recommendation: KASN, then BKN."""

    KASN = "kasn", "KASN"
    BKN = "bkn", "BKN"


#: The first day BKN receives recommendations: Bawaslu dates the end of KASN's
#: functions 24 August 2024 (UU 20/2023 on ASN and the MenPANRB circular that followed).
BKN_RECEIVES_FROM = datetime.date(2024, 8, 24)


def recommendation_recipient_for(day: datetime.date) -> str:
    """KASN for a recommendation forwarded before :data:`BKN_RECEIVES_FROM`, BKN from then on."""
    return RecommendationRecipient.KASN if day < BKN_RECEIVES_FROM else RecommendationRecipient.BKN


class FollowUpKind(models.TextChoices):
    """Which part of the follow-through a linked coordination follow-up tracks."""

    BKN_RECOMMENDATION = "bkn_recommendation", _("KASN/BKN's recommendation")
    PPK_DECISION = "ppk_decision", _("PPK's decision")
    BLOCK_REQUEST = "block_request", _("Blocking of the ASN's record")


class ReportHistory(ReportEntry):
    """One row per transition (and per intake): who moved the case, when, and why.

    ``office`` is the handling office *after* the step, so a forwarded case
    shows both sides.
    """

    report = link("reports.Report", _("report"), on_delete=models.CASCADE, related_name="history")
    from_stage = models.CharField(_("from"), max_length=24, choices=ReportStage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=24, choices=ReportStage.choices)
    actor = link(settings.AUTH_USER_MODEL, _("by"), optional=True, related_name="+")
    office = link(
        "bawaslu_portal.Agency", _("handling office"), null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    deadline = models.DateField(_("deadline set"), null=True, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta(ReportEntry.Meta):
        verbose_name = _("history entry")
        verbose_name_plural = _("history")

    def __str__(self):
        return f"{self.report_id}: {self.from_stage or '∅'} → {self.to_stage}"


class RegistrationCounter(models.Model):
    """The last registration sequence used by an office in a year (gap-free numbering).

    ``report_transition`` locks this row while it numbers a report, so two
    registrations at the same moment get consecutive numbers.
    """

    office = link("bawaslu_portal.Agency", _("office"), related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last sequence"), default=0)

    class Meta:
        verbose_name = _("registration counter")
        verbose_name_plural = _("registration counters")
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="registrationcounter_unique"),
        ]

    def __str__(self):
        return f"{self.office_id}/{self.year}: {self.last}"


class ReportFollowUp(models.Model):
    """A coordination follow-up created for the follow-through of a report."""

    report = link(
        "reports.Report", _("report"), on_delete=models.CASCADE, related_name="follow_up_links"
    )
    follow_up = models.OneToOneField(
        "coordination.FollowUp",
        verbose_name=_("follow-up"),
        on_delete=models.CASCADE,
        related_name="report_link",
    )
    kind = models.CharField(_("kind"), max_length=24, choices=FollowUpKind.choices)

    class Meta:
        verbose_name = _("report follow-up")
        verbose_name_plural = _("report follow-ups")
        ordering = ["report", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="reportfollowup_one_per_kind"),
        ]

    def __str__(self):
        return f"{self.report_id}: {self.get_kind_display()}"
