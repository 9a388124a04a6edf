"""Meetings (kegiatan koordinasi): audiensi, rakor, silaturahmi, sosialisasi, kunjungan, FGD.

A meeting happens in one region (a city, a kecamatan or a kelurahan) and is
scoped by it. Its start and end are stored as aware datetimes; forms take the
local date and time in the region's zone (WIB/WITA/WIT) and convert.
"""

from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import TrackedModel, UploadedFile
from bawaslu_portal.models.fields import link
from bawaslu_portal.models.lists import NameList
from bawaslu_portal.models.periods import EndNotBeforeStart
from bawaslu_portal.uploads import RandomUploadTo

from .shared import OrderedRow

__all__ = [
    "AgendaItem",
    "AttachmentKind",
    "AttendeeRole",
    "Meeting",
    "MeetingAttachment",
    "MeetingAttendee",
    "MeetingKind",
    "MeetingLevel",
    "MeetingStatus",
    "Topic",
]


class Topic(NameList):
    """An editable list of themes: netralitas ASN, politik uang, hoaks, …"""

    class Meta(NameList.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class MeetingKind(models.TextChoices):
    AUDIENSI = "audiensi", _("Audiensi")
    RAKOR = "rakor", _("Rakor (coordination meeting)")
    SILATURAHMI = "silaturahmi", _("Silaturahmi")
    SOSIALISASI = "sosialisasi", _("Sosialisasi")
    KUNJUNGAN = "kunjungan", _("Kunjungan (visit)")
    FGD = "fgd", _("FGD (focus group discussion)")
    LAINNYA = "lainnya", _("Other")


class MeetingStatus(models.TextChoices):
    DIRENCANAKAN = "direncanakan", _("Planned")
    TERLAKSANA = "terlaksana", _("Held")
    DIBATALKAN = "dibatalkan", _("Cancelled")


class MeetingLevel(models.TextChoices):
    """The level a meeting is held at, derived from its region's depth."""

    PROVINSI = "provinsi", _("Province level")
    KABKOTA = "kabkota", _("City/regency level")
    KECAMATAN = "kecamatan", _("Kecamatan level")
    KELURAHAN = "kelurahan", _("Kelurahan level")


LEVEL_BY_DEPTH = {
    1: MeetingLevel.PROVINSI,
    2: MeetingLevel.KABKOTA,
    3: MeetingLevel.KECAMATAN,
    4: MeetingLevel.KELURAHAN,
}


class AttendeeRole(models.TextChoices):
    HOST = "host", _("Host")
    NARASUMBER = "narasumber", _("Narasumber (speaker)")
    PESERTA = "peserta", _("Peserta (participant)")
    NOTULIS = "notulis", _("Notulis (minute-taker)")


#: A meeting does not end before it starts (its database check and ``clean()``).
MEETING_TIMES = EndNotBeforeStart(
    start="starts_at", end="ends_at", message=_("The meeting cannot end before it starts.")
)


class Meeting(TrackedModel):
    """A coordination event, with its attendees, agenda, notulen and decisions.

    ``version`` is bumped by every save through the services: an edit form
    carries the version it was loaded with, and a save against a newer version
    is refused (optimistic locking) so two officials never overwrite each other.
    """

    JURISDICTION_FIELD = "region"

    kind = models.CharField(_("kind"), max_length=16, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=250)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    region = link(
        "bawaslu_portal.Region",
        _("region"),
        related_name="meetings",
        help_text=_("The city, kecamatan or kelurahan where the meeting is held."),
    )
    host_agency = link("bawaslu_portal.Agency", _("host agency"), related_name="hosted_meetings")
    participating_agencies = models.ManyToManyField(
        "bawaslu_portal.Agency",
        verbose_name=_("participating agencies"),
        related_name="meetings_participated",
        blank=True,
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="meetings", blank=True
    )
    summary = models.TextField(_("summary (notulen)"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MeetingStatus.choices,
        default=MeetingStatus.DIRENCANAKAN,
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Public meetings appear on the public agenda (without contact data)."),
    )
    copied_from = link("self", _("copied from"), optional=True, related_name="copies")

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-pk"]
        indexes = [
            models.Index(fields=["region", "starts_at"], name="meeting_region_start_idx"),
            models.Index(fields=["starts_at"], name="meeting_start_idx"),
            models.Index(fields=["kind", "starts_at"], name="meeting_kind_start_idx"),
            models.Index(fields=["status", "starts_at"], name="meeting_status_start_idx"),
            models.Index(fields=["is_public", "starts_at"], name="meeting_public_start_idx"),
            # The activity feed's newest changes, nationwide.
            models.Index(fields=["updated_at"], name="meeting_updated_idx"),
            # The public agenda (coordination.selectors.public): "not over yet" is
            # COALESCE(ends_at, starts_at) >= now, and the city filter's list asks each kab/kota
            # whether a public meeting lies in it: the first five characters of the region code
            # (selectors.campaigns.CITY_CODE_LENGTH), "33.74" of "33.74.01.1001". Not partial
            # indexes (WHERE is_public): PostgreSQL keeps statistics on an indexed expression
            # only for whole-table indexes, and without them it guesses a third of the table is
            # upcoming and scans it.
            models.Index(
                F("is_public"), Coalesce("ends_at", "starts_at"), name="meeting_public_end_idx"
            ),
            models.Index(F("is_public"), Substr("region", 1, 5), name="meeting_public_city_idx"),
        ]
        constraints = [MEETING_TIMES.constraint("meeting_ends_after_start")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("coordination:meeting_detail", args=[self.pk])

    def clean(self):
        MEETING_TIMES.check(self)

    @property
    def level(self) -> str:
        """City, kecamatan or kelurahan level, from the region's depth."""
        return LEVEL_BY_DEPTH.get(self.region.depth, MeetingLevel.KABKOTA)

    def get_level_display(self) -> str:
        return MeetingLevel(self.level).label

    @property
    def ends_on_another_day(self) -> bool:
        """True for a meeting over several days, judged in the region's zone."""
        if not self.ends_at:
            return False
        tz = self.region.zoneinfo
        return (
            timezone.localtime(self.ends_at, tz).date()
            != timezone.localtime(self.starts_at, tz).date()
        )

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.DIBATALKAN


class MeetingAttendee(OrderedRow):
    """A person at a meeting, with their agency, position and role in the meeting."""

    meeting = link(Meeting, _("meeting"), on_delete=models.CASCADE, related_name="attendees")
    person = link("bawaslu_portal.Person", _("person"), related_name="meeting_attendances")
    agency = link(
        "bawaslu_portal.Agency",
        _("agency"),
        null=True,
        blank=True,
        related_name="meeting_attendances",
    )
    position_title = models.CharField(
        _("position"),
        max_length=150,
        blank=True,
        help_text=_("As written in the attendance list, for example “Kepala Bapenda”."),
    )
    role = models.CharField(
        _("role in the meeting"),
        max_length=16,
        choices=AttendeeRole.choices,
        default=AttendeeRole.PESERTA,
    )

    class Meta(OrderedRow.Meta):
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="attendee_unique_person_per_meeting",
                violation_error_message=_("This person is already listed for the meeting."),
            ),
        ]
        indexes = [models.Index(fields=["agency", "meeting"], name="attendee_agency_meeting_idx")]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class AgendaItem(OrderedRow):
    """One item of a meeting's agenda, in order."""

    meeting = link(Meeting, _("meeting"), on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("item"), max_length=250)
    notes = models.TextField(_("notes"), blank=True)

    class Meta(OrderedRow.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class AttachmentKind(models.TextChoices):
    UNDANGAN = "undangan", _("Invitation (undangan)")
    DAFTAR_HADIR = "daftar_hadir", _("Attendance list (daftar hadir)")
    FOTO = "foto", _("Photo")
    MATERI = "materi", _("Presentation material")
    LAINNYA = "lainnya", _("Other")


class MeetingAttachment(UploadedFile):
    """A file attached to a meeting, checked by content and served only after a permission check."""

    meeting = link(Meeting, _("meeting"), on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(
        _("kind"), max_length=16, choices=AttachmentKind.choices, default=AttachmentKind.LAINNYA
    )
    file = models.FileField(_("file"), upload_to=RandomUploadTo("meetings"), max_length=200)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["kind", "uploaded_at", "pk"]
