"""The editable rule data: elections and their periods, violation categories, deadline rules.

Admins edit these in the Django admin (``reports/admin.py``): the elections
(their type selects the deadline rules, their code goes into registration
numbers), the SKB 2022 forms of violation, the statutory deadline of each
step per election type, and the extra non-working days (cuti bersama) that
``reports.deadlines`` skips.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models.fields import link


class ElectionType(models.TextChoices):
    """The two statutory regimes: their deadlines differ (DOMAIN.md §3)."""

    PEMILU = "pemilu", _("Pemilu (President, DPR, DPD, DPRD; UU 7/2017)")
    PEMILIHAN = "pemilihan", _("Pemilihan (Gubernur, Bupati, Wali Kota)")


class ElectionStageKind(models.TextChoices):
    PENDAFTARAN = "pendaftaran", _("Candidate registration")
    KAMPANYE = "kampanye", _("Campaign period")
    MASA_TENANG = "masa_tenang", _("Quiet period (masa tenang)")
    PEMUNGUTAN = "pemungutan", _("Voting day")
    PENGHITUNGAN = "penghitungan", _("Counting and recapitulation")
    LAINNYA = "lainnya", _("Other")


class ViolationGroup(models.TextChoices):
    ETIK = "etik", _("Code of ethics (kode etik)")
    DISIPLIN = "disiplin", _("Discipline (disiplin, PP 94/2021)")


class DeadlineStep(models.TextChoices):
    """The steps that have a statutory deadline (see DOMAIN.md §3 and docs/reports.md)."""

    TEMUAN = "temuan", _("Establishing a temuan (from its discovery)")
    FILING = "filing", _("Filing a laporan (from the day it became known)")
    KAJIAN_AWAL = "kajian_awal", _("Kajian awal")
    COMPLETION = "completion", _("Completing the report (perlu dilengkapi)")
    HANDLING = "handling", _("Handling")
    HANDLING_EXTENDED = "handling_extended", _("Handling when more information is needed")
    BKN_RESPONSE = "bkn_response", _("KASN/BKN's recommendation")
    PPK_DECISION = "ppk_decision", _("PPK's decision (tindak lanjut)")
    BLOCK_RESPONSE = "block_response", _("Blocking of the ASN's record in BKN's system")


class CountedFrom(models.TextChoices):
    """The day a deadline counts from, as its statute says (the day itself not counted)."""

    DISCOVERY = "discovery", _("the day the supervisor discovered it")
    KNOWN = "known", _("the day it became known")
    STEP = "step", _("the day the step starts (the file received, completed or forwarded)")
    RECEIPT = "receipt", _("the day the laporan was received")
    REGISTRATION = "registration", _("the day the report was received and registered")
    PREVIOUS_DEADLINE = "previous_deadline", _("the end of the period it extends")
    LETTER = "letter", _("the date of the letter that starts it")


class DayUnit(models.TextChoices):
    CALENDAR = "calendar", _("calendar days")
    WORKING = "working", _("working days")


class Election(models.Model):
    """A Pemilu or Pilkada; its type selects the deadline rules."""

    name = models.CharField(_("name"), max_length=120)
    type = models.CharField(_("type"), max_length=10, choices=ElectionType.choices)
    code = models.CharField(
        _("code for numbering"),
        max_length=8,
        help_text=_("Used in registration numbers, for example “PL” or “PW”."),
    )
    voting_day = models.DateField(_("voting day"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["-voting_day", "name"]
        indexes = [models.Index(fields=["is_active", "voting_day"], name="election_active_idx")]

    def __str__(self):
        return self.name


class ElectionStage(models.Model):
    """A period of an election (campaign, quiet period, voting day, …)."""

    election = link(Election, _("election"), on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=ElectionStageKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        verbose_name = _("election stage")
        verbose_name_plural = _("election stages")
        ordering = ["election", "starts_on"]
        indexes = [
            models.Index(
                fields=["election", "starts_on", "ends_on"], name="electionstage_dates_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="electionstage_ends_after_start",
                violation_error_message=_("The stage cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.election}: {self.name}"


class ViolationCategory(models.Model):
    """A form of ASN-neutrality violation (SKB 2022), editable by admins."""

    group = models.CharField(_("group"), max_length=10, choices=ViolationGroup.choices)
    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("violation category")
        verbose_name_plural = _("violation categories")
        ordering = ["group", "order", "code"]

    def __str__(self):
        return f"{self.code}. {self.name}"


class DeadlineRule(models.Model):
    """How long a step may take for an election type, in calendar or working days."""

    election_type = models.CharField(
        _("election type"), max_length=10, choices=ElectionType.choices
    )
    step = models.CharField(_("step"), max_length=24, choices=DeadlineStep.choices)
    days = models.PositiveSmallIntegerField(_("days"), validators=[MinValueValidator(1)])
    unit = models.CharField(_("unit"), max_length=8, choices=DayUnit.choices)
    counted_from = models.CharField(
        _("counted from"),
        max_length=20,
        choices=CountedFrom.choices,
        default=CountedFrom.RECEIPT,
        help_text=_("The day the period counts from; that day itself is not counted."),
    )
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    to_verify = models.BooleanField(
        _("to verify"),
        default=False,
        help_text=_(
            "The regulation leaves the unit or length uncertain: the rule is shown with its "
            "basis and a note that it is to be verified."
        ),
    )

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["election_type", "step"]
        constraints = [
            models.UniqueConstraint(
                fields=["election_type", "step"],
                name="deadlinerule_unique_step",
                violation_error_message=_("This election type already has a rule for this step."),
            ),
        ]

    def __str__(self):
        return f"{self.get_election_type_display()}: {self.get_step_display()}"


class NonWorkingDay(models.Model):
    """An extra non-working day (cuti bersama) on top of the national holidays."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("non-working day")
        verbose_name_plural = _("non-working days")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"
