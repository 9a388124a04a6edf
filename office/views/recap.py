"""The weekly recap ``/rekap/``, its print view and its PDF (issue 9 §5)."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from bawaslu_portal.dbrouters import reads_from_replica
from bawaslu_portal.printing import pdf_response
from bawaslu_portal.scoping import user_jurisdiction
from office.forms.recap import RecapForm
from office.selectors.recap import recap as select_recap


def _context(request, *, pdf: bool = False) -> dict:
    form = RecapForm(request.GET or None, user=request.user, today=timezone.localdate())
    monday, region = form.choice()
    recap = select_recap(user=request.user, monday=monday, region=region)
    return {
        "form": form,
        "recap": recap,
        "jurisdiction": user_jurisdiction(request.user),
        "printed_at": timezone.now(),
        "pdf": pdf,
        # The print and PDF links carry the area chosen, whatever the form said.
        "area_param": region.code if region is not None else "",
    }


@require_GET
@reads_from_replica
def recap(request):
    """The week's figures; an invalid week or area shows its error and the default."""
    return render(request, "office/recap.html", _context(request))


@require_GET
@reads_from_replica
def recap_print(request):
    """The recap as an A4 document with a "Cetak" button."""
    return render(request, "office/print/recap.html", _context(request))


@require_GET
@reads_from_replica
def recap_pdf(request):
    """The print view as a tagged PDF/A download, "rekap-2024-W47-33.74.pdf"."""
    context = _context(request, pdf=True)
    recap = context["recap"]
    area = recap.area.code if recap.area is not None else "indonesia"
    return pdf_response(
        request,
        "office/print/recap.html",
        context,
        filename=f"rekap-{recap.week.label}-{area}.pdf",
    )
