"""The case: the report, its reporter, witnesses and evidence, comments and identity views.

The reporter's identity lives in its own table (:class:`ReporterIdentity`) so
that lists, searches and exports never load it by accident; every view of it
is logged in the audit log (``bawaslu_portal.AuditEvent``, kind ``identity_view``).
:class:`ReporterIdentityAccess` holds only the views logged before the audit log
(copied into it by office 0002) and is no longer written.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import TrackedModel
from bawaslu_portal.models.agencies import nip_validator
from bawaslu_portal.models.fields import link
from bawaslu_portal.uploads import RandomUploadTo

from .related import ReportGroup
from .rules import DeadlineStep, Election, ViolationCategory
from .shared import ReportEntry
from .workflow import RecommendationRecipient, ReportStage, Sanction


class ReportSource(models.TextChoices):
    LAPORAN = "laporan", _("Laporan (report by a voter, monitor or participant)")
    TEMUAN = "temuan", _("Temuan (finding by the supervisors)")
    INFORMASI_AWAL = "informasi_awal", _("Informasi awal (initial information)")


class EmploymentType(models.TextChoices):
    PNS = "pns", _("PNS (civil servant)")
    PPPK = "pppk", _("PPPK (government employee on contract)")
    LAINNYA = "lainnya", _("Other or unknown")


class Sex(models.TextChoices):
    LAKI_LAKI = "L", _("Male")
    PEREMPUAN = "P", _("Female")


class Citizenship(models.TextChoices):
    WNI = "wni", _("Indonesian citizen (WNI)")
    WNA = "wna", _("Foreign citizen (WNA)")


#: "Due soon": an open report whose deadline is today or within this many days.
#: The portal's own warning window (policy, not statute); the deadlines themselves
#: come from DeadlineRule rows with their legal basis.
DUE_SOON_DAYS = 2

#: Crockford's base32 without I, L, O, U: no letters that read as digits.
TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING_CODE_LENGTH = 10

tracking_code_validator = RegexValidator(
    rf"^[{TRACKING_ALPHABET}]{{{TRACKING_CODE_LENGTH}}}$",
    message=_("A tracking code has 10 letters and digits."),
    code="invalid_tracking_code",
)
nik_validator = RegexValidator(
    r"^\d{16}$",
    message=_("An NIK has exactly 16 digits, without spaces or dots."),
    code="invalid_nik",
)


def generate_tracking_code() -> str:
    """A random 10-character code (50 bits): unguessable, short enough to read out."""
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_CODE_LENGTH))


def normalize_tracking_code(value: str) -> str:
    """What the public types ("abcd-efgh-jk", with O for 0) → the stored form."""
    cleaned = "".join(ch for ch in (value or "").upper() if ch.isalnum())
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def format_tracking_code(code: str) -> str:
    """The stored code shown in groups: ``ABCD-EFGH-JK``."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


class Report(TrackedModel):
    """One ASN-neutrality case: a laporan, a temuan or informasi awal.

    ``office`` is the Bawaslu office handling it now (it changes when the case
    is forwarded or taken over); ``region`` is where the incident happened (the
    kelurahan when known, otherwise the kecamatan or kab/kota) and is what the
    jurisdiction scope filters on, so a provincial office sees every report in
    its province and a city office every report in its city, whoever handles
    it. Only the handling office may act on it (``reports.permissions``).

    ``stage``, the deadline fields and ``version`` are changed only by
    ``reports.services.workflow.report_transition``; ``version`` guards against two
    officials acting on a stale page.
    """

    JURISDICTION_FIELD = "region"

    office = link("bawaslu_portal.Agency", _("handling office"), related_name="handled_reports")
    region = link("bawaslu_portal.Region", _("region of the incident"), related_name="reports")
    source = models.CharField(_("source"), max_length=16, choices=ReportSource.choices)
    election = link(Election, _("election"), related_name="reports")
    tracking_code = models.CharField(
        _("tracking code"),
        max_length=TRACKING_CODE_LENGTH,
        unique=True,
        default=generate_tracking_code,
        editable=False,
        validators=[tracking_code_validator],
    )
    via_public_form = models.BooleanField(_("filed through the public form"), default=False)

    registration_number = models.CharField(
        _("registration number"), max_length=80, blank=True, default=""
    )
    registration_year = models.PositiveSmallIntegerField(
        _("registration year"), null=True, blank=True
    )
    registration_sequence = models.PositiveIntegerField(
        _("registration sequence"), null=True, blank=True
    )
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)

    stage = models.CharField(
        _("stage"), max_length=24, choices=ReportStage.choices, default=ReportStage.DITERIMA
    )
    stage_changed_at = models.DateTimeField(_("stage changed at"), default=timezone.now)
    deadline = models.DateField(_("current deadline"), null=True, blank=True)
    deadline_step = models.CharField(
        _("deadline for"), max_length=24, choices=DeadlineStep.choices, blank=True
    )
    handling_extended = models.BooleanField(_("handling period extended"), default=False)
    filing_deadline = models.DateField(_("filing deadline"), null=True, blank=True)
    filed_late = models.BooleanField(
        _("filed after the filing deadline"),
        default=False,
        help_text=_("Recorded anyway, but marked: it was filed after the statutory deadline."),
    )

    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    incident_date = models.DateField(_("date of the incident"))
    known_date = models.DateField(_("date it became known"))
    incident_place = models.CharField(_("place of the incident"), max_length=300)
    incident_kelurahan = link(
        "bawaslu_portal.Region",
        _("kelurahan/desa of the incident"),
        null=True,
        blank=True,
        related_name="+",
    )
    incident_time = models.TimeField(_("time of the incident"), null=True, blank=True)
    description = models.TextField(_("what happened"))

    reported_name = models.CharField(_("name of the reported ASN"), max_length=150)
    reported_nip = models.CharField("NIP", max_length=18, blank=True, validators=[nip_validator])
    reported_position = models.CharField(_("position"), max_length=200, blank=True)
    reported_agency = link(
        "bawaslu_portal.Agency",
        _("agency of the reported ASN"),
        null=True,
        blank=True,
        related_name="reports_about_staff",
    )
    reported_agency_name = models.CharField(
        _("agency of the reported ASN (as written)"), max_length=200, blank=True
    )
    reported_address = models.CharField(
        _("address of the reported ASN"), max_length=300, blank=True
    )
    reported_phone = models.CharField(_("phone of the reported ASN"), max_length=40, blank=True)
    reported_employment = models.CharField(
        _("employment type"),
        max_length=8,
        choices=EmploymentType.choices,
    )
    categories = models.ManyToManyField(
        ViolationCategory,
        verbose_name=_("violation categories"),
        related_name="reports",
        blank=True,
    )

    # Outcome and follow-through.
    recommendation_number = models.CharField(
        _("recommendation letter number"), max_length=100, blank=True
    )
    recommendation_date = models.DateField(_("recommendation letter date"), null=True, blank=True)
    recommendation_recipient = models.CharField(
        _("recommendation forwarded to"),
        max_length=4,
        choices=RecommendationRecipient.choices,
        blank=True,
        help_text=_("KASN before 24 August 2024, BKN from then on (set by the forwarding date)."),
    )
    bkn_recommendation_number = models.CharField(
        _("KASN/BKN recommendation number"), max_length=100, blank=True
    )
    bkn_recommendation_date = models.DateField(
        _("KASN/BKN recommendation received on"), null=True, blank=True
    )
    ppk_agency = link(
        "bawaslu_portal.Agency",
        _("PPK's government"),
        null=True,
        blank=True,
        related_name="ppk_reports",
        help_text=_("The government whose head (the PPK) imposes the sanction."),
    )
    ppk_sanction = models.CharField(
        _("sanction imposed"), max_length=24, choices=Sanction.choices, blank=True
    )
    ppk_decision_number = models.CharField(_("PPK decision number"), max_length=100, blank=True)
    ppk_decision_date = models.DateField(_("PPK decision date"), null=True, blank=True)
    block_request_number = models.CharField(
        _("number of the request to block the ASN's record"), max_length=100, blank=True
    )
    block_request_date = models.DateField(
        _("date of the request to block the ASN's record"), null=True, blank=True
    )
    blocked_on = models.DateField(_("record blocked by BKN on"), null=True, blank=True)
    end_reason = models.TextField(_("reason"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Linked reports about the same incident and ASN, assessed together (models/related.py).
    group = link(
        ReportGroup,
        _("linked reports"),
        optional=True,
        related_name="reports",
        editable=False,
    )

    # The tracked fields (TrackedModel), but its author is the official who recorded it
    # (None for the public form) and every change is a history row, not ``updated_by``.
    created_by = link(settings.AUTH_USER_MODEL, _("recorded by"), optional=True, related_name="+")
    updated_by = None

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["-received_at", "-id"], name="report_received_idx"),
            models.Index(fields=["stage", "deadline"], name="report_stage_deadline_idx"),
            models.Index(fields=["deadline"], name="report_deadline_idx"),
            models.Index(fields=["office", "stage"], name="report_office_stage_idx"),
            models.Index(fields=["election", "stage"], name="report_election_stage_idx"),
            models.Index(fields=["region", "received_at"], name="report_region_received_idx"),
            models.Index(fields=["reported_agency", "stage"], name="report_asn_agency_idx"),
            models.Index(fields=["source", "stage"], name="report_source_stage_idx"),
            models.Index(fields=["filed_late"], name="report_filed_late_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~Q(registration_number=""),
                name="report_unique_registration_number",
            ),
            models.UniqueConstraint(
                fields=["office", "registration_year", "registration_sequence"],
                condition=Q(registration_sequence__isnull=False),
                name="report_unique_registration_sequence",
            ),
            models.CheckConstraint(
                condition=Q(known_date__gte=models.F("incident_date")),
                name="report_known_after_incident",
                violation_error_message=_(
                    "The date it became known cannot be before the incident."
                ),
            ),
        ]

    def __str__(self):
        return self.registration_number or format_tracking_code(self.tracking_code)

    def get_absolute_url(self):
        return reverse("reports:detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.office_id and self.region_id and self.office.region_id:
            office_region = self.office.region
            if not office_region.contains(self.region_id):
                errors["region"] = ValidationError(
                    _("The incident must lie in the handling office's area."),
                    code="region_outside_office",
                )
        if self.incident_kelurahan_id:
            if self.incident_kelurahan_id.count(".") != 3:
                errors["incident_kelurahan"] = ValidationError(
                    _("Choose a kelurahan or desa."), code="not_kelurahan"
                )
            elif (
                self.region_id
                and not self.incident_kelurahan_id.startswith(f"{self.region_id}.")
                and self.incident_kelurahan_id != self.region_id
            ):
                errors["incident_kelurahan"] = ValidationError(
                    _("The kelurahan must lie in the region of the incident."),
                    code="kelurahan_outside_region",
                )
        if self.reported_agency_id is None and not self.reported_agency_name:
            errors["reported_agency_name"] = ValidationError(
                _("Enter the agency of the reported ASN."), code="agency_required"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def tracking_code_display(self) -> str:
        return format_tracking_code(self.tracking_code)

    @property
    def is_closed(self) -> bool:
        return self.stage in ReportStage.closed_stages()

    @property
    def is_registered(self) -> bool:
        return bool(self.registration_number)

    @property
    def recipient_label(self) -> str:
        """ "KASN" or "BKN" once forwarded; "KASN/BKN" before."""
        return self.get_recommendation_recipient_display() or "KASN/BKN"

    @property
    def stage_label(self) -> str:
        """The stage as the case page reads it: "Diteruskan ke KASN" for a 2023 case."""
        if self.stage == ReportStage.REKOMENDASI_DITERUSKAN and self.recommendation_recipient:
            return _("Diteruskan ke %(recipient)s") % {"recipient": self.recipient_label}
        return self.get_stage_display()

    @property
    def fails_filing_deadline(self) -> bool:
        """A laporan or temuan made after its statutory deadline cannot be registered.

        UU 7/2017 ps. 454 ayat (5)-(6), UU 10/2016 ps. 134 ayat (4): the deadline is a
        formal requirement. Kept as informasi awal, it can still be assessed.
        """
        return self.filed_late and self.source != ReportSource.INFORMASI_AWAL

    @property
    def reported_agency_label(self) -> str:
        return self.reported_agency.name if self.reported_agency_id else self.reported_agency_name

    def days_left(self, today=None) -> int | None:
        """Days until the current deadline (negative when late); None when none runs."""
        if self.deadline is None or self.is_closed:
            return None
        today = today or timezone.localdate()
        return (self.deadline - today).days

    def deadline_mark(self, today=None) -> dict | None:
        """How the current deadline reads in lists and on the case page; None when none runs.

        ``state`` is "late" (by ``days``), "today", "soon" (within
        :data:`DUE_SOON_DAYS` days) or "running"; ``days`` is never negative.
        """
        left = self.days_left(today)
        if left is None:
            return None
        if left < 0:
            return {"state": "late", "days": -left}
        if left == 0:
            return {"state": "today", "days": 0}
        return {"state": "soon" if left <= DUE_SOON_DAYS else "running", "days": left}

    @property
    def is_late(self) -> bool:
        left = self.days_left()
        return left is not None and left < 0


class ReporterIdentity(models.Model):
    """Who filed a laporan. Informasi yang dikecualikan: shown only to case handlers.

    Kept apart from :class:`Report` so no list, search or export loads it;
    read it only through ``reports.services.cases.reporter_identity_access``, which
    logs the access.
    """

    report = models.OneToOneField(
        Report,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="reporter_identity",
        primary_key=True,
    )
    name = models.CharField(_("full name"), max_length=150)
    nik = models.CharField(
        _("NIK (identity number)"), max_length=16, blank=True, validators=[nik_validator]
    )
    birth_place = models.CharField(_("place of birth"), max_length=100, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    occupation = models.CharField(_("occupation"), max_length=100, blank=True)
    address = models.TextField(_("address"))
    citizenship = models.CharField(
        _("citizenship"), max_length=3, choices=Citizenship.choices, blank=True
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    withhold_from_reported = models.BooleanField(
        _("withhold my identity from the reported party"), default=False
    )

    class Meta:
        verbose_name = _("reporter identity")
        verbose_name_plural = _("reporter identities")

    def __str__(self):
        # Never the name: this string can reach logs and admin messages.
        return str(_("Reporter of report %(pk)s") % {"pk": self.report_id})


class Witness(models.Model):
    report = link(Report, _("report"), on_delete=models.CASCADE, related_name="witnesses")
    name = models.CharField(_("name"), max_length=150)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    statement_summary = models.TextField(_("what the witness saw or heard"), blank=True)

    class Meta:
        verbose_name = _("witness")
        verbose_name_plural = _("witnesses")
        ordering = ["report", "pk"]

    def __str__(self):
        return self.name


class Evidence(models.Model):
    """A file (checked by ``bawaslu_portal.uploads.validate_upload``) or a link."""

    report = link(Report, _("report"), on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(
        _("file"), upload_to=RandomUploadTo("evidence"), max_length=200, blank=True
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    size = models.PositiveBigIntegerField(_("size"), null=True, blank=True)
    original_name = models.CharField(_("original file name"), max_length=150, blank=True)
    uploaded_by = link(settings.AUTH_USER_MODEL, _("uploaded by"), optional=True, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["report", "uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="evidence_file_xor_link",
                violation_error_message=_("Give either a file or a link."),
            ),
        ]

    def __str__(self):
        return self.description or self.original_name or self.url


class ReporterIdentityAccess(models.Model):
    """The old view log of reporter identities, before the audit log (no longer written)."""

    report = link(Report, _("report"), on_delete=models.CASCADE, related_name="identity_accesses")
    user = link(settings.AUTH_USER_MODEL, _("user"), related_name="+")
    at = models.DateTimeField(_("at"), default=timezone.now)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("reporter identity access")
        verbose_name_plural = _("reporter identity accesses")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["report", "-at"], name="identityaccess_report_idx"),
            models.Index(fields=["user", "-at"], name="identityaccess_user_idx"),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.report_id} ({self.at:%Y-%m-%d %H:%M})"


class ReportComment(ReportEntry):
    """A comment on the case, typically the provincial office on the kajian awal."""

    report = link(Report, _("report"), on_delete=models.CASCADE, related_name="comments")
    author = link(
        settings.AUTH_USER_MODEL,
        _("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    office = link("bawaslu_portal.Agency", _("office"), null=True, blank=True, related_name="+")
    stage = models.CharField(_("stage"), max_length=24, choices=ReportStage.choices)
    text = models.TextField(_("comment"))

    class Meta(ReportEntry.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.report_id}: {self.text[:50]}"
