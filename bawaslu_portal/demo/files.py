"""The demo's uploaded files: small real files made in code, uploaded through the services.

A demo file is a one-page PDF (its text in Helvetica) or a small PNG (the text kept in
an ``iTXt`` chunk), chosen by the name's extension: real content, so the upload checks
(``bawaslu_portal.uploads.validate_upload``, by magic bytes) accept it as a user's file,
and a text that says it is demo material. Each is well under 20 KB.
"""

import struct
import textwrap
import zlib
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from bawaslu_portal.demo.records import DemoDataError

__all__ = ["DemoFile", "demo_file_content", "demo_upload"]

CONTENT_TYPES = {".pdf": "application/pdf", ".png": "image/png"}


@dataclass
class DemoFile:
    """A demo file of a data file: its client name (``.pdf`` or ``.png``) and its text."""

    name: str
    text: str
    description: str = ""


def demo_upload(spec: DemoFile, where: str = "") -> SimpleUploadedFile:
    """The upload a user's browser would send for ``spec``."""
    content, content_type = demo_file_content(spec.name, spec.text, where)
    return SimpleUploadedFile(spec.name, content, content_type=content_type)


def demo_file_content(name: str, text: str, where: str = "") -> tuple[bytes, str]:
    """The bytes and content type of the demo file ``name`` saying ``text``.

    Raises ``DemoDataError`` for a name that is neither ``.pdf`` nor ``.png``.
    """
    extension = name[name.rfind(".") :].lower() if "." in name else ""
    if extension not in CONTENT_TYPES:
        raise DemoDataError(f"{where or name}: a demo file is a .pdf or a .png, not {name!r}")
    content = _pdf(text) if extension == ".pdf" else _png(text)
    return content, CONTENT_TYPES[extension]


def _pdf(text: str) -> bytes:
    """A one-page A4 PDF 1.4 with ``text`` (wrapped at 80 characters) in Helvetica."""
    lines = [row for paragraph in text.splitlines() for row in textwrap.wrap(paragraph, 80) or [""]]
    shown = "".join(f"({_pdf_string(line)}) Tj T* " for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 56 780 Td {shown}ET".encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _pdf_string(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _png(text: str, width: int = 160, height: int = 90) -> bytes:
    """A ``width`` × ``height`` grey PNG with a darker frame; ``text`` in an iTXt chunk."""
    light, dark = b"\xe9\xec\xef", b"\x6c\x75\x7d"
    rows = []
    for y in range(height):
        edge = y < 4 or y >= height - 4
        row = b"".join(dark if edge or x < 4 or x >= width - 4 else light for x in range(width))
        rows.append(b"\x00" + row)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    description = b"Description\x00\x00\x00\x00\x00" + text.encode("utf-8")
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"iTXt", description)
        + _png_chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
