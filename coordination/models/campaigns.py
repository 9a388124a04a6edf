"""Campaigns: declarations, kelurahan designations, programs with targets, working groups.

- A **declaration** (deklarasi) is held at city, kecamatan or kelurahan level;
  several may belong to a city-wide **campaign** (Kota Semarang's netralitas ASN
  declarations in all 16 kecamatan, culminating at the Balaikota).
- A **kelurahan designation** marks a kelurahan (depth 4 only) as, for example,
  "Kelurahan Anti Politik Uang"; coverage is designated / all kelurahan.
- A **program** has **targets** per level and region; progress is the number
  of linked meetings held (status terlaksana) at that level in that region's
  subtree, computed by ``coordination.selectors.campaigns``.
- A **working group** (pokja) has members (person, agency, role) and linked meetings.

Everything is scoped by its region (``JURISDICTION_FIELD``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import TrackedModel, UploadedFile
from bawaslu_portal.models.fields import link
from bawaslu_portal.models.lists import NamedInOrder
from bawaslu_portal.models.periods import EndNotBeforeStart
from bawaslu_portal.uploads import RandomUploadTo

from .meetings import MeetingKind
from .shared import OrderedRow

__all__ = [
    "Declaration",
    "DeclarationCampaign",
    "DeclarationDocument",
    "DeclarationDocumentKind",
    "DeclarationKind",
    "DeclarationSignatory",
    "DesignationKind",
    "DesignationStatus",
    "KelurahanDesignation",
    "Program",
    "ProgramLevel",
    "ProgramTarget",
    "WorkingGroup",
    "WorkingGroupMember",
    "WorkingGroupRole",
]


def _level_error(field: str, message) -> ValidationError:
    return ValidationError({field: ValidationError(message, code="wrong_level")})


class DeclarationKind(models.TextChoices):
    NETRALITAS_ASN = "netralitas_asn", _("Netralitas ASN")
    ANTI_POLITIK_UANG = "anti_politik_uang", _("Anti politik uang")
    PEMILU_DAMAI = "pemilu_damai", _("Pemilu damai (peaceful election)")
    PAKTA_INTEGRITAS = "pakta_integritas", _("Pakta integritas (integrity pact)")
    LAINNYA = "lainnya", _("Other")


class DeclarationCampaign(TrackedModel):
    """A city-wide series of declarations, e.g. one per kecamatan and a culminating one.

    Its region is a kab/kota: the campaign view lists every kecamatan of it.
    """

    JURISDICTION_FIELD = "region"

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=24, choices=DeclarationKind.choices)
    region = link(
        "bawaslu_portal.Region", _("city or regency"), related_name="declaration_campaigns"
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("declaration campaign")
        verbose_name_plural = _("declaration campaigns")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["region", "kind"], name="campaign_region_kind_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("coordination:campaign_detail", args=[self.pk])

    def clean(self):
        if self.region_id and self.region.depth != 2:
            raise _level_error("region", _("A campaign covers a whole city or regency."))


class Declaration(TrackedModel):
    """A public declaration (deklarasi) at city, kecamatan or kelurahan level."""

    JURISDICTION_FIELD = "region"

    kind = models.CharField(_("kind"), max_length=24, choices=DeclarationKind.choices)
    title = models.CharField(_("title"), max_length=250)
    date = models.DateField(_("date"))
    region = link(
        "bawaslu_portal.Region",
        _("region"),
        related_name="declarations",
        help_text=_("The city, kecamatan or kelurahan where it was held."),
    )
    place = models.CharField(_("place"), max_length=250, blank=True)
    organiser = link("bawaslu_portal.Agency", _("organiser"), related_name="organised_declarations")
    signatory_agencies = models.ManyToManyField(
        "bawaslu_portal.Agency",
        verbose_name=_("signatory agencies"),
        related_name="signed_declarations",
        blank=True,
    )
    participant_count = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True
    )
    campaign = link(DeclarationCampaign, _("campaign"), optional=True, related_name="declarations")
    is_culmination = models.BooleanField(
        _("culminating declaration"),
        default=False,
        help_text=_("The closing declaration of a campaign, e.g. at the city hall."),
    )
    meeting = link(
        "coordination.Meeting", _("held at meeting"), optional=True, related_name="declarations"
    )
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Public declarations appear on the public agenda (without contact data)."),
    )

    class Meta:
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["region", "date"], name="declaration_region_date_idx"),
            models.Index(fields=["kind", "date"], name="declaration_kind_date_idx"),
            models.Index(fields=["campaign", "date"], name="declaration_campaign_date_idx"),
            models.Index(fields=["is_public", "date"], name="declaration_public_date_idx"),
            models.Index(fields=["date"], name="declaration_date_idx"),
            # The activity feed's newest changes, nationwide.
            models.Index(fields=["updated_at"], name="declaration_updated_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("coordination:declaration_detail", args=[self.pk])

    def clean(self):
        if self.region_id and self.region.depth < 2:
            raise _level_error(
                "region", _("Choose the city, kecamatan or kelurahan, not a province.")
            )
        if (
            self.campaign_id
            and self.region_id
            and not self.campaign.region.contains(self.region_id)
        ):
            message = _("The declaration must be held inside the campaign's city.")
            raise ValidationError({"campaign": ValidationError(message, code="outside_campaign")})


class DeclarationSignatory(OrderedRow):
    """A person who signed a declaration, and the agency they signed for."""

    declaration = link(
        Declaration, _("declaration"), on_delete=models.CASCADE, related_name="signatories"
    )
    person = link("bawaslu_portal.Person", _("person"), related_name="declarations_signed")
    agency = link(
        "bawaslu_portal.Agency",
        _("signed for"),
        null=True,
        blank=True,
        related_name="declaration_signatories",
    )
    position_title = models.CharField(_("position"), max_length=150, blank=True)

    class Meta(OrderedRow.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "person"],
                name="signatory_unique_person",
                violation_error_message=_("This person already signed this declaration."),
            ),
        ]
        indexes = [models.Index(fields=["agency", "declaration"], name="signatory_agency_idx")]

    def __str__(self):
        return str(self.person)


class DeclarationDocumentKind(models.TextChoices):
    NASKAH = "naskah", _("Declaration text")
    FOTO = "foto", _("Photo")
    DAFTAR_HADIR = "daftar_hadir", _("Attendance list (daftar hadir)")
    LAINNYA = "lainnya", _("Other")


class DeclarationDocument(UploadedFile):
    """A document or photo of a declaration: checked by content, served after a permission check."""

    declaration = link(
        Declaration, _("declaration"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=DeclarationDocumentKind.choices,
        default=DeclarationDocumentKind.LAINNYA,
    )
    file = models.FileField(_("file"), upload_to=RandomUploadTo("declarations"), max_length=200)

    class Meta:
        verbose_name = _("declaration document")
        verbose_name_plural = _("declaration documents")
        ordering = ["kind", "uploaded_at", "pk"]


class DesignationKind(NamedInOrder):
    """An editable list: Kelurahan Anti Politik Uang, Kelurahan Pengawasan, …"""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta(NamedInOrder.Meta):
        verbose_name = _("designation kind")
        verbose_name_plural = _("designation kinds")


class DesignationStatus(models.TextChoices):
    USULAN = "usulan", _("Proposed (usulan)")
    AKTIF = "aktif", _("Active")
    DICABUT = "dicabut", _("Revoked (dicabut)")


class KelurahanDesignation(TrackedModel):
    """A kelurahan/desa designated as, e.g., Kelurahan Anti Politik Uang (one per kind).

    Only active designations count towards coverage.
    """

    JURISDICTION_FIELD = "kelurahan"

    kind = link(DesignationKind, _("kind"), related_name="designations")
    kelurahan = link("bawaslu_portal.Region", _("kelurahan"), related_name="designations")
    date = models.DateField(_("date"))
    decree_number = models.CharField(_("decree number"), max_length=120, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DesignationStatus.choices,
        default=DesignationStatus.AKTIF,
    )
    notes = models.TextField(_("notes"), blank=True)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("kelurahan designation")
        verbose_name_plural = _("kelurahan designations")
        ordering = ["kelurahan_id", "kind__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "kelurahan"],
                name="designation_unique_kind_kelurahan",
                violation_error_message=_("This kelurahan already has this designation."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "kelurahan"], name="designation_status_kel_idx"),
            models.Index(fields=["kind", "status"], name="designation_kind_status_idx"),
            models.Index(fields=["date"], name="designation_date_idx"),
        ]

    def __str__(self):
        return f"{self.kind} — {self.kelurahan.label}"

    def clean(self):
        if self.kelurahan_id and self.kelurahan.depth != 4:
            raise _level_error(
                "kelurahan",
                _("Choose a kelurahan or desa; %(region)s is not one.")
                % {"region": self.kelurahan.label},
            )

    @property
    def is_revoked(self) -> bool:
        """Revoked designations stay on record but no longer count towards coverage."""
        return self.status == DesignationStatus.DICABUT


class ProgramLevel(models.TextChoices):
    """The level a target counts meetings at (the meeting region's depth)."""

    KABKOTA = "kabkota", _("City/regency level")
    KECAMATAN = "kecamatan", _("Kecamatan level")
    KELURAHAN = "kelurahan", _("Kelurahan level")

    @property
    def depth(self) -> int:
        return {"kabkota": 2, "kecamatan": 3, "kelurahan": 4}[self.value]


#: A program's period does not end before it starts (its database check and ``clean()``).
PROGRAM_PERIOD = EndNotBeforeStart(
    start="period_start", end="period_end", message=_("The period cannot end before it starts.")
)


class Program(TrackedModel):
    """A program such as "Sosialisasi Pilkada 2024" or "Cegah, Awasi, Tindak", with targets."""

    JURISDICTION_FIELD = "region"

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=300,
        blank=True,
        help_text=_("For example the Peraturan Bawaslu that sets the quota."),
    )
    owner_agency = link("bawaslu_portal.Agency", _("owner agency"), related_name="programs")
    region = link("bawaslu_portal.Region", _("region"), related_name="programs")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"), null=True, blank=True)
    meetings = models.ManyToManyField(
        "coordination.Meeting",
        verbose_name=_("linked meetings"),
        related_name="programs",
        blank=True,
    )

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["-period_start", "name"]
        indexes = [
            models.Index(fields=["region", "period_start"], name="program_region_start_idx"),
            models.Index(fields=["period_start"], name="program_start_idx"),
        ]
        constraints = [PROGRAM_PERIOD.constraint("program_end_after_start")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("coordination:program_detail", args=[self.pk])

    def clean(self):
        PROGRAM_PERIOD.check(self)


class ProgramTarget(OrderedRow):
    """How many meetings the program plans at ``level`` inside ``region``'s subtree.

    Balikpapan's 38 sosialisasi: one target of 26 at city level for the city,
    and six targets of 2 at kecamatan level, one per kecamatan.
    """

    program = link(Program, _("program"), on_delete=models.CASCADE, related_name="targets")
    level = models.CharField(_("level"), max_length=10, choices=ProgramLevel.choices)
    region = link("bawaslu_portal.Region", _("region"), related_name="program_targets")
    target_count = models.PositiveIntegerField(_("target"))
    meeting_kind = models.CharField(
        _("meeting kind"),
        max_length=16,
        choices=MeetingKind.choices,
        blank=True,
        help_text=_("Count only meetings of this kind (leave empty for any kind)."),
    )

    class Meta(OrderedRow.Meta):
        verbose_name = _("program target")
        verbose_name_plural = _("program targets")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "level", "region", "meeting_kind"],
                name="target_unique_level_region_kind",
                violation_error_message=_("This program already has a target for this."),
            ),
            models.CheckConstraint(
                condition=Q(target_count__gte=1),
                name="target_count_positive",
                violation_error_code="not_positive",
                violation_error_message=_("A target is at least 1."),
            ),
        ]
        indexes = [models.Index(fields=["region", "level"], name="target_region_level_idx")]

    def __str__(self):
        return f"{self.get_level_display()} — {self.region.label}: {self.target_count}"

    def clean(self):
        if self.region_id and self.level and self.region.depth > ProgramLevel(self.level).depth:
            raise _level_error(
                "region",
                _("A %(level)s target needs a region at that level or above.")
                % {"level": ProgramLevel(self.level).label.lower()},
            )


class WorkingGroupRole(models.TextChoices):
    KETUA = "ketua", _("Ketua (chair)")
    SEKRETARIS = "sekretaris", _("Sekretaris (secretary)")
    ANGGOTA = "anggota", _("Anggota (member)")


class WorkingGroup(TrackedModel):
    """A pokja (working group), e.g. Kota Serang's pokja on ASN neutrality."""

    JURISDICTION_FIELD = "region"

    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    decree_number = models.CharField(_("decree number"), max_length=120, blank=True)
    decree_date = models.DateField(_("decree date"), null=True, blank=True)
    agency = link("bawaslu_portal.Agency", _("owner agency"), related_name="working_groups")
    region = link("bawaslu_portal.Region", _("region"), related_name="working_groups")
    meetings = models.ManyToManyField(
        "coordination.Meeting",
        verbose_name=_("linked meetings"),
        related_name="working_groups",
        blank=True,
    )

    class Meta:
        verbose_name = _("working group (pokja)")
        verbose_name_plural = _("working groups (pokja)")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["region", "name"], name="pokja_region_name_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("coordination:working_group_detail", args=[self.pk])


class WorkingGroupMember(OrderedRow):
    """A member of a pokja, for an agency, with their role in it."""

    group = link(WorkingGroup, _("working group"), on_delete=models.CASCADE, related_name="members")
    person = link("bawaslu_portal.Person", _("person"), related_name="working_group_memberships")
    agency = link(
        "bawaslu_portal.Agency",
        _("agency"),
        null=True,
        blank=True,
        related_name="working_group_memberships",
    )
    role = models.CharField(
        _("role"), max_length=12, choices=WorkingGroupRole.choices, default=WorkingGroupRole.ANGGOTA
    )

    class Meta(OrderedRow.Meta):
        verbose_name = _("pokja member")
        verbose_name_plural = _("pokja members")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"],
                name="pokja_member_unique_person",
                violation_error_message=_("This person is already a member of the pokja."),
            ),
        ]
        indexes = [models.Index(fields=["agency", "group"], name="pokja_member_agency_idx")]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"
