"""Uploads: checked by their real content, stored under random names, served privately.

Every upload in the portal (meeting attachments, declaration photos, report
evidence) goes through :func:`validate_upload`. The extension and the browser's
declared type are not trusted: the first bytes are sniffed with ``filetype``
and must be one of the allowed kinds (images, PDF, office documents). HTML,
SVG, scripts and executables are refused whatever they are called. Files are
stored under ``MEDIA_ROOT`` (outside static) with random names and are only
ever served by :func:`protected_file_response`, as an attachment, after the
calling view has checked permission. A file whose row exists but whose bytes
are gone from storage (a database restored without its media, see
``docs/backups.md``) gets the "file missing from storage" page, not a 500.
"""

import logging
import mimetypes
import posixpath
import uuid
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

#: Allowed kinds: sniffed MIME type → the extension we store it under.
ALLOWED_TYPES = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/heic": "heic",
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
IMAGE_TYPES = {mime for mime in ALLOWED_TYPES if mime.startswith("image/")}


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    extension: str
    original_name: str
    size: int


def clean_original_name(name: str) -> str:
    """The client's file name, reduced to a safe base name ("../../etc/passwd" → "passwd")."""
    base = posixpath.basename((name or "").replace("\\", "/"))
    cleaned = get_valid_filename(base) if base.strip(" .") else ""
    return cleaned[:150] or "berkas"


def validate_upload(
    upload, *, allowed: set[str] | None = None, max_bytes: int = MAX_UPLOAD_BYTES
) -> CheckedUpload:
    """Check ``upload`` by size and sniffed content; raise ``ValidationError`` if refused.

    Codes: ``empty``, ``too_large``, ``unsupported_type``.
    """
    allowed = allowed or set(ALLOWED_TYPES)
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime == "application/zip" or mime is None:
        mime = _sniff_office_zip(upload) or mime
    if mime not in allowed:
        readable = ", ".join(sorted({ALLOWED_TYPES[m].upper() for m in allowed}))
        raise ValidationError(
            _("This file's content is not an accepted type (%(types)s), whatever its name says.")
            % {"types": readable},
            code="unsupported_type",
        )
    return CheckedUpload(
        content_type=mime,
        extension=ALLOWED_TYPES[mime],
        original_name=clean_original_name(getattr(upload, "name", "")),
        size=size,
    )


def _sniff_office_zip(upload) -> str | None:
    """Office Open XML files are zips; ``filetype`` sometimes only says "zip"."""
    import zipfile

    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    for prefix, mime in (
        ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ):
        if any(name.startswith(prefix) for name in names):
            return mime
    return None


@deconstructible
class RandomUploadTo:
    """``upload_to`` that stores ``<folder>/<uuid>.<ext>``; the client's name is never used.

    A class (not a closure) so migrations can serialise it.
    """

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        extension = posixpath.splitext(filename)[1].lower().lstrip(".")
        extension = extension if extension in ALLOWED_TYPES.values() else "bin"
        return f"{self.folder}/{uuid.uuid4().hex}.{extension}"

    def __eq__(self, other):
        return isinstance(other, RandomUploadTo) and other.folder == self.folder

    def __hash__(self):
        return hash(self.folder)


def safe_download_name(name: str, *, content_type: str, stored_name: str) -> str:
    """The uploader's base name with the extension of the *detected* type, never their own.

    A PDF polyglot uploaded as ``poly.html`` downloads as ``poly.pdf``: the
    browser and the operating system then treat it as what it really is. The
    extension comes from the sniffed content type, else from the stored file
    (stored under the sniffed extension, see :class:`RandomUploadTo`).
    """
    extension = ALLOWED_TYPES.get(content_type) or (
        posixpath.splitext(stored_name)[1].lower().lstrip(".") or "bin"
    )
    stem = posixpath.splitext(clean_original_name(name))[0].strip(" .") or "berkas"
    return f"{stem}.{extension}"


def protected_file_response(request, field_file, *, download_name: str, content_type: str = ""):
    """Serve a stored file as a download. Call only after a permission check.

    The type and the name's extension come from what the upload check detected,
    never from the name the uploader gave. When the bytes are gone from storage
    the answer is :func:`missing_file_response` (404), logged as an error.
    """
    content_type = (
        content_type or mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    )
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        return missing_file_response(request, field_file, download_name=download_name)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=safe_download_name(
            download_name, content_type=content_type, stored_name=field_file.name
        ),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def missing_file_response(request, field_file, *, download_name: str):
    """The page for a file whose record exists but whose bytes are not in storage (404).

    Says which file, that the record is intact, and whom to ask (the portal's
    administrator restores it from the backup's media folder, docs/backups.md).
    The stored name goes to the log (for the administrator), not to the page.
    """
    logger.error(
        "Stored file missing: %s (storage %s) requested at %s",
        field_file.name,
        type(field_file.storage).__name__,
        request.path,
    )
    response = render(
        request,
        "missing_file.html",
        {"file_name": clean_original_name(download_name)},
        status=404,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def uploaded_file_save(row, *, upload, actor, max_bytes: int = MAX_UPLOAD_BYTES):
    """Check ``upload``, then store it in ``row`` (an unsaved ``UploadedFile``) and save the row.

    The caller sets the row's own fields (what it belongs to, its kind). The
    row is validated before the file is written, so a refused row leaves no
    stored file; the file is stored under the sniffed extension, never the
    client's one. Raises the ``ValidationError`` of :func:`validate_upload`
    (``empty``, ``too_large``, ``unsupported_type``) or of ``full_clean``.
    """
    checked = validate_upload(upload, max_bytes=max_bytes)
    row.original_name = checked.original_name
    row.content_type = checked.content_type
    row.size = checked.size
    row.uploaded_by = actor
    row.full_clean(exclude=["file"])
    row.file.save(f"upload.{checked.extension}", upload, save=False)
    row.save()
    return row


def uploaded_file_response(request, row):
    """Serve an ``UploadedFile`` row's file under its original name.

    Call only after a permission check.
    """
    return protected_file_response(
        request, row.file, download_name=row.original_name, content_type=row.content_type
    )
