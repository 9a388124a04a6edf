"""Related reports: several laporan about the same incident and the same reported ASN.

Several people often report the same incident (the Pangkalpinang protest drew
more than one). The handling office links them into one :class:`ReportGroup`;
the group is assessed together: one kajian and one pleno, recorded once and
applied to every report of the group (``reports.services.related``). Each
report keeps its own tracking code, reporter, registration and public status.

The legal basis for joining reports (*penggabungan laporan*) is Bawaslu's
regulation on handling reports; the exact article and ayat could not be
verified here (see docs/reports.md, "Related reports"), so no number is cited.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models.fields import link

from .workflow import ReportStage


class ReportGroup(models.Model):
    """Linked reports, handled by one office and assessed together.

    ``Report.group`` points here; a group has at least two reports (the
    services dissolve one left with a single report). ``assessed_at`` is set
    when the joint kajian is recorded: from then on the group is fixed (no
    report joins or leaves it). Only ``reports.services.related`` writes it.
    """

    office = link("bawaslu_portal.Agency", _("handling office"), related_name="+")
    created_by = link(settings.AUTH_USER_MODEL, _("linked by"), optional=True, related_name="+")
    created_at = models.DateTimeField(_("linked at"), default=timezone.now)
    assessed_at = models.DateTimeField(_("joint kajian recorded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("group of linked reports")
        verbose_name_plural = _("groups of linked reports")

    def __str__(self):
        return str(_("Linked reports %(pk)s") % {"pk": self.pk})

    @property
    def is_assessed(self) -> bool:
        return self.assessed_at is not None


#: The stages in which a report may be linked or unlinked: before its kajian.
#: From the kajian on, the group is assessed (one kajian, one pleno) and stays as it is.
LINKABLE_STAGES = frozenset(
    {
        ReportStage.DITERIMA,
        ReportStage.DICABUT,
        ReportStage.INFORMASI_AWAL,
        ReportStage.KAJIAN_AWAL,
        ReportStage.PERLU_DILENGKAPI,
        ReportStage.DIREGISTRASI,
        ReportStage.KLARIFIKASI,
        ReportStage.DILIMPAHKAN,
        ReportStage.DIAMBIL_ALIH,
    }
)
#: The pleno's decisions on the kajian (the commissioners decide: reports.workflow.DECIDERS).
PLENO_STAGES = frozenset({ReportStage.REKOMENDASI_DITERUSKAN, ReportStage.DIHENTIKAN})


def is_joint_move(source: str, target: str) -> bool:
    """The steps linked reports take together: starting the kajian, and the pleno's decision.

    The extension of the handling period in the kajian (``kajian → kajian``) is
    not one: each report's handling period is its own.
    """
    if target == ReportStage.KAJIAN:
        return source != ReportStage.KAJIAN
    return source == ReportStage.KAJIAN and target in PLENO_STAGES
