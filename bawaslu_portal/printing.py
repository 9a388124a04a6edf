"""What every printed document shares: the PDF download and the place a signatory signs in.

The documents themselves are templates extending ``print/document_base.html``
with the includes ``print/letterhead.html`` and ``print/signature_block.html``
(each documents its context at its top). A view renders such a template as a
page with a "Cetak" button (``pdf=False``) and, for the download, through
:func:`pdf_response` (``pdf=True``: no toolbar, no script).
"""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from bawaslu_portal.models import Region

#: Kemendagri kab/kota names carry their kind; a signature line names the place alone.
_PLACE_PREFIXES = ("Kota Administrasi ", "Kota ", "Kabupaten Administrasi ", "Kabupaten ", "Kab. ")


def signature_place(region: Region | None) -> str:
    """The place written before the date of a signature: "Semarang" for Kota Semarang."""
    if region is None:
        return ""
    name = region.name
    for prefix in _PLACE_PREFIXES:
        if name.startswith(prefix):
            return name.removeprefix(prefix)
    return name


def pdf_response(
    request: HttpRequest, template_name: str, context: dict, *, filename: str
) -> HttpResponse:
    """``template_name`` rendered with ``pdf=True`` as a tagged PDF/A download named ``filename``.

    ``filename`` must be plain ASCII without quotes (a slug and ``.pdf``): it
    goes into the ``Content-Disposition`` header as it is.
    """
    # WeasyPrint is heavy to import (and logs while it loads its stylesheets):
    # only a PDF download needs it, so it is not imported with the URLconf.
    from bawaslu_portal.pdf import html_to_pdf

    html = render_to_string(template_name, {**context, "pdf": True}, request=request)
    pdf = html_to_pdf(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
