"""HTML to PDF with WeasyPrint, without ever touching the network.

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


def html_to_pdf(html: str, *, base_url: str) -> bytes:
    """Render ``html`` (linking to static files under ``base_url``) to PDF bytes."""
    document = HTML(string=html, base_url=base_url, url_fetcher=StaticFilesOnlyFetcher())
    return document.write_pdf()
