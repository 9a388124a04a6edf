"""The portal's one way to turn a rendered document into PDF: archival, tagged, offline.

Every official document (a meeting's minutes, a report's case documents) goes
through :func:`html_to_pdf`, which writes **PDF/A-3b** with a **tag tree**:

- PDF/A (ISO 19005) is what an archive accepts: every font embedded, an sRGB
  output intent, XMP metadata declaring the conformance (``pdfaid:part``), a
  file identifier, nothing that depends on the outside world. Part 3 rather than
  2 lets a later document carry its source data as an embedded file.
- Level B ("visual appearance") is what WeasyPrint guarantees; level A would
  also certify that the tag tree is complete, which automatic tagging cannot
  promise, so the tags are added on top of B (``pdf_tags``) without claiming A.
- The tags (``/StructTreeRoot``, ``/MarkInfo /Marked true``) come from the
  HTML: headings, paragraphs, lists and tables keep their structure for screen
  readers, in the language of ``<html lang>`` and with ``<title>`` as the
  title a viewer shows (``DisplayDocTitle``). A template without ``lang``
  makes WeasyPrint log an error: extend ``print/document_base.html``.

WeasyPrint fetches the stylesheets and images a page links to. The portal's
PDFs only need its own static files, so :class:`StaticFilesOnlyFetcher`
serves URLs under ``STATIC_URL`` from the local static files (the finders in
development, the collected files in production) and refuses everything else:
no HTTP, no ``file://``, no user-supplied URL can make the server fetch
anything.
"""

import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """A URL outside the portal's static files: WeasyPrint skips the resource."""


def static_path_for(url: str) -> str | None:
    """The local file behind a static URL (``/static/css/x.css`` or absolute), or None."""
    parts = urlsplit(url)
    static_prefix = urlsplit(settings.STATIC_URL).path
    if not static_prefix.startswith("/"):
        static_prefix = "/" + static_prefix
    path = unquote(parts.path)
    if parts.scheme not in ("http", "https", "") or not path.startswith(static_prefix):
        return None
    name = posixpath.normpath(path.removeprefix(static_prefix))
    if name.startswith(("..", "/")):
        return None
    found = finders.find(name)
    if found:
        return found
    try:
        if staticfiles_storage.exists(name):
            return staticfiles_storage.path(name)
    except NotImplementedError:
        return None
    return None


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves the portal's static files to WeasyPrint and refuses every other URL."""

    def fetch(self, url, headers=None):
        path = static_path_for(url)
        if path is None:
            raise RefusedURL(f"Refused to fetch {url!r}: only the portal's static files are used.")
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        with open(path, "rb") as handle:
            body = handle.read()
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


#: PDF/A-3, level B: see the module docstring for why not level A.
PDF_VARIANT = "pdf/a-3b"


def html_to_pdf(html: str, *, base_url: str) -> bytes:
    """Render ``html`` (linking to static files under ``base_url``) to tagged PDF/A-3b bytes.

    ``html`` should be a whole document with ``<html lang>`` and ``<title>``
    (``print/document_base.html`` gives both). Resources outside the portal's
    static files are skipped, never fetched.
    """
    document = HTML(string=html, base_url=base_url, url_fetcher=StaticFilesOnlyFetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
