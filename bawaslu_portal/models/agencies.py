"""Agencies (Bawaslu at every level, Pemda, OPD, …), people and their positions."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .fields import link, parent_link
from .lists import NameList
from .periods import EndNotBeforeStart


class AgencyKind(models.TextChoices):
    BAWASLU_RI = "bawaslu_ri", "Bawaslu RI"
    BAWASLU_PROVINSI = "bawaslu_provinsi", "Bawaslu Provinsi"
    BAWASLU_KABKOTA = "bawaslu_kabkota", "Bawaslu Kabupaten/Kota"
    PANWASLU_KECAMATAN = "panwaslu_kecamatan", "Panwaslu Kecamatan"
    PANWASLU_KELURAHAN = "panwaslu_kelurahan", "Panwaslu Kelurahan/Desa"
    PEMDA = "pemda", _("Regional government (Pemda)")
    OPD = "opd", _("Regional agency (OPD)")
    KECAMATAN = "kecamatan", _("District office (kecamatan)")
    KELURAHAN = "kelurahan", _("Village office (kelurahan/desa)")
    KPU = "kpu", "KPU"
    KEJAKSAAN = "kejaksaan", _("Prosecutor's office (Kejaksaan)")
    POLRI = "polri", "Polri"
    TNI = "tni", "TNI"
    KOMINFO = "kominfo", "Kominfo"
    PARTAI = "partai", _("Political party")
    ORMAS = "ormas", _("NGO / mass organisation")
    AKADEMISI = "akademisi", _("Academia")
    MEDIA = "media", _("Media")
    LAINNYA = "lainnya", _("Other")

    @classmethod
    def bawaslu_kinds(cls) -> set[str]:
        return {
            cls.BAWASLU_RI,
            cls.BAWASLU_PROVINSI,
            cls.BAWASLU_KABKOTA,
            cls.PANWASLU_KECAMATAN,
            cls.PANWASLU_KELURAHAN,
        }

    @classmethod
    def partner_kinds(cls) -> set[str]:
        """Kinds whose officials log in as partner officials."""
        return {cls.PEMDA, cls.OPD, cls.KECAMATAN, cls.KELURAHAN}


class Agency(models.Model):
    """An institution that takes part in election supervision or coordination."""

    JURISDICTION_FIELD = "region"

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=AgencyKind.choices, db_index=True)
    region = link("bawaslu_portal.Region", _("region served"), related_name="agencies")
    parent = parent_link(
        _("parent agency"), help_text=_("For example, an OPD belongs to its city government.")
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="agency_unique_name_in_region"),
        ]
        indexes = [models.Index(fields=["kind", "region"], name="agency_kind_region_idx")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError(
                {"parent": _("An agency cannot be its own parent.")}, code="parent_self"
            )

    @property
    def is_bawaslu(self) -> bool:
        return self.kind in AgencyKind.bawaslu_kinds()


nip_validator = RegexValidator(
    r"^\d{18}$",
    message=_("An NIP has exactly 18 digits, without spaces or dots."),
    code="invalid_nip",
)


class Person(models.Model):
    """Someone who attends meetings, signs declarations or holds a position."""

    name = models.CharField(_("full name"), max_length=150, db_index=True)
    title = models.CharField(
        _("honorific or academic title"),
        max_length=80,
        blank=True,
        help_text=_("Honorific or academic title, for example “Hj.” or “S.H., M.H.”."),
    )
    known_as = models.CharField(_("known as"), max_length=60, blank=True)
    nip = models.CharField(
        "NIP",
        max_length=18,
        blank=True,
        validators=[nip_validator],
        help_text=_("Civil servant number (18 digits), if any."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["nip"], condition=~Q(nip=""), name="person_unique_nip_when_given"
            ),
        ]

    def __str__(self):
        return self.name


class PositionRole(NameList):
    """An editable list of roles: Lurah, Camat, Ketua Bawaslu, Kepala OPD, …"""

    class Meta(NameList.Meta):
        verbose_name = _("position role")
        verbose_name_plural = _("position roles")


class PositionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def roster(self, **where):
        """The active positions matching ``where`` as a roster lists them: by role order
        (Ketua before Anggota), then name, with each position's person and role."""
        return (
            self.active()
            .filter(**where)
            .select_related("person", "role")
            .order_by("role__order", "person__name")
        )


#: A position does not end before it starts; either date may be unknown (its database check
#: and ``clean()``).
POSITION_DATES = EndNotBeforeStart(
    start="start_date",
    end="end_date",
    message=_("The end date cannot be before the start date."),
    start_optional=True,
)


class Position(models.Model):
    """A person holding a role in an agency and/or for a region, over a period.

    A kelurahan roster is the set of positions whose region is that kelurahan.
    """

    JURISDICTION_FIELD = "region"

    person = link(Person, _("person"), on_delete=models.CASCADE, related_name="positions")
    role = link(PositionRole, _("role"), related_name="positions")
    agency = link(Agency, _("agency"), null=True, blank=True, related_name="positions")
    region = link("bawaslu_portal.Region", _("region"), related_name="positions")
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["role__order", "person__name"]
        constraints = [POSITION_DATES.constraint("position_end_after_start")]
        indexes = [models.Index(fields=["region", "is_active"], name="position_region_active_idx")]

    def __str__(self):
        return f"{self.role} — {self.person}"

    def clean(self):
        POSITION_DATES.check(self)
