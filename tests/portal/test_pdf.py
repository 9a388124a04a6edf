"""bawaslu_portal.pdf: archival, tagged PDF from HTML, reading nothing but the static files."""

import pytest

from bawaslu_portal.pdf import StaticFilesOnlyFetcher, html_to_pdf, static_path_for
from tests.pdfs import archival_facts, page_texts

DOCUMENT = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Berita acara klarifikasi</title>
<link rel="stylesheet" href="/static/css/print-a4.css"></head>
<body class="doc"><main><h1>Berita acara</h1><p>Pada hari ini, Kamis.</p>
<table class="grid"><thead><tr><th scope="col">Nama</th></tr></thead>
<tbody><tr><td>Arief Rahman</td></tr></tbody></table></main></body></html>"""


def test_html_to_pdf_writes_tagged_pdfa_3b():
    """PDF/A-3b declared in the XMP, an sRGB output intent, a file ID, every font embedded,
    and a tag tree (StructTreeRoot, MarkInfo /Marked true) in the document's language."""
    content = html_to_pdf(DOCUMENT, base_url="http://testserver/")
    facts = archival_facts(content)
    assert (facts.pdfa_part, facts.pdfa_conformance) == ("3", "B")
    assert facts.output_intent == "/GTS_PDFA1"
    assert facts.has_file_identifier
    assert facts.unembedded_fonts == []
    assert facts.has_structure_tree and facts.tagged
    assert facts.lang == "id"
    assert facts.title == "Berita acara klarifikasi" and facts.displays_title
    assert "Arief Rahman" in page_texts(content)[0]


def test_pdf_fetcher_serves_static_files_and_refuses_everything_else():
    """WeasyPrint may read the portal's static files, never the network or the file system."""
    assert static_path_for("http://testserver/static/css/print-a4.css")
    assert static_path_for("/static/css/print-a4.css")
    assert static_path_for("http://testserver/static/../settings.py") is None
    assert static_path_for("file:///etc/passwd") is None
    assert static_path_for("https://example.com/track.png") is None
    fetcher = StaticFilesOnlyFetcher()
    assert b"@page" in fetcher.fetch("http://testserver/static/css/print-a4.css").read()
    with pytest.raises(ValueError, match="Refused"):
        fetcher.fetch("https://example.com/logo.png")


def test_a_remote_image_is_skipped_not_fetched():
    """A document pointing at another host still renders; the resource is left out."""
    html = DOCUMENT.replace("<main>", '<main><img src="https://example.com/x.png" alt="x">')
    assert html_to_pdf(html, base_url="http://testserver/").startswith(b"%PDF")
