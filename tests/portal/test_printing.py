"""The shared print pieces (templates/print/, bawaslu_portal.printing) that every document uses."""

import datetime

import pytest
from django.template import engines
from django.template.loader import render_to_string

from bawaslu_portal.models import AgencyKind, Region
from bawaslu_portal.pdf import html_to_pdf
from bawaslu_portal.printing import signature_place
from tests.factories import AgencyFactory
from tests.pdfs import archival_facts, page_texts

DOCUMENT = """{% extends "print/document_base.html" %}
{% block title %}Tanda bukti penyampaian laporan{% endblock %}
{% block toolbar %}<li><a href="/laporan/">Kembali</a></li>{% endblock %}
{% block document %}<h1>Tanda bukti</h1><p>Isi dokumen.</p>{% endblock %}"""


def _document(rf, *, pdf):
    template = engines["django"].from_string(DOCUMENT)
    return template.render({"pdf": pdf}, request=rf.get("/"))


@pytest.mark.indonesian
def test_document_base_on_screen_has_the_print_button_and_the_stylesheet(rf):
    """Language, title, the print stylesheet, the "Cetak" button and portal.js; no inline code."""
    html = _document(rf, pdf=False)
    assert '<html lang="id">' in html
    assert "<title>Tanda bukti penyampaian laporan — " in html
    assert "css/print-a4.css" in html
    assert "data-print" in html and "js/portal.js" in html
    assert 'href="/laporan/"' in html
    assert "style=" not in html and "<script>" not in html


def test_document_base_for_the_pdf_has_no_toolbar_or_script(rf):
    """Rendered with ``pdf=True``: no button, no links, no script; still the stylesheet."""
    html = _document(rf, pdf=True)
    assert "data-print" not in html and "doc-toolbar" not in html
    assert "<script" not in html and 'href="/laporan/"' not in html
    assert "css/print-a4.css" in html


@pytest.mark.indonesian
def test_document_base_makes_a_tagged_pdf_with_language_and_title(rf):
    """A document built on the base becomes tagged PDF/A with its <title> and lang="id"."""
    content = html_to_pdf(_document(rf, pdf=True), base_url="http://testserver/")
    facts = archival_facts(content)
    assert facts.tagged and facts.has_structure_tree and facts.pdfa_part == "3"
    assert facts.lang == "id"
    assert facts.title.startswith("Tanda bukti penyampaian laporan")
    assert "Cetak" not in page_texts(content)[0]


def test_letterhead_of_a_bawaslu_office(regions):
    """BADAN PENGAWAS PEMILIHAN UMUM, the office's name (capitals by CSS), address and contacts."""
    agency = AgencyFactory(
        name="Bawaslu Kota Semarang",
        kind=AgencyKind.BAWASLU_KABKOTA,
        address="Jl. Turi No. 1, Semarang",
        phone="024 123456",
        email="semarang@bawaslu.go.id",
    )
    html = render_to_string("print/letterhead.html", {"agency": agency})
    assert html.index("BADAN PENGAWAS PEMILIHAN UMUM") < html.index("Bawaslu Kota Semarang")
    assert 'class="letterhead-name">Bawaslu Kota Semarang<' in html
    assert "Jl. Turi No. 1, Semarang · Tel. 024 123456 · semarang@bawaslu.go.id" in html


def test_letterhead_without_address_names_the_region(regions):
    """No address: the region line ("Kota Semarang") stands in its place."""
    agency = AgencyFactory(name="Bawaslu Kota Semarang", kind=AgencyKind.BAWASLU_KABKOTA)
    html = render_to_string("print/letterhead.html", {"agency": agency})
    assert 'class="letterhead-address">Kota Semarang</p>' in html


def test_letterhead_of_another_agency_names_its_parent_not_bawaslu(regions):
    """An OPD's letterhead: its city government above it, no Bawaslu line."""
    pemkot = AgencyFactory(name="Pemerintah Kota Semarang", kind=AgencyKind.PEMDA)
    opd = AgencyFactory(name="Badan Kesbangpol Kota Semarang", parent=pemkot, address="Semarang")
    html = render_to_string("print/letterhead.html", {"agency": opd})
    assert "BADAN PENGAWAS PEMILIHAN UMUM" not in html
    assert html.index("Pemerintah Kota Semarang") < html.index("Badan Kesbangpol Kota Semarang")


@pytest.mark.indonesian
def test_signature_block_with_place_date_role_and_name():
    """ "Semarang, 21 September 2023", the role lines, room to sign, the name and NIP."""
    html = render_to_string(
        "print/signature_block.html",
        {
            "place": "Semarang",
            "date": datetime.date(2023, 9, 21),
            "role": "Kepala Bidang\nPemerintah Kota Semarang",
            "name": "Arief Rahman",
            "nip": "198001012005011001",
        },
    )
    assert "Semarang, 21 September 2023" in html
    assert "Kepala Bidang<br>Pemerintah Kota Semarang" in html
    assert 'class="signature-space"' in html
    assert 'class="signature-name">Arief Rahman<' in html
    assert "NIP. 198001012005011001" in html


def test_signature_block_without_name_leaves_a_line_to_write_it():
    """No name: a dotted line; no place or date: an empty date line keeps rows aligned."""
    html = render_to_string("print/signature_block.html", {"role": "Notulis"})
    assert "(....." in html and 'class="signature-name"' not in html
    assert '<p class="signature-dateline"></p>' in html
    assert "NIP" not in html


def test_signature_block_escapes_its_text():
    """Names and roles come from users: they are escaped, line breaks aside."""
    html = render_to_string(
        "print/signature_block.html", {"role": "<b>Ketua</b>", "name": "<i>x</i>"}
    )
    assert "<b>" not in html and "&lt;b&gt;Ketua" in html and "&lt;i&gt;x" in html


def test_print_stylesheet_keeps_signatures_whole_and_with_what_precedes():
    """The rules the page-by-page tests rely on, in the stylesheet every document links."""
    from bawaslu_portal.pdf import static_path_for

    with open(static_path_for("/static/css/print-a4.css")) as handle:
        css = handle.read()
    for selector in (".signatures {", ".signature-block {"):
        rule = css[css.index(selector) :].split("}", 1)[0]
        assert "break-inside: avoid" in rule and "break-before: avoid" in rule
    assert "orphans: 3; widows: 3" in css


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Kota Semarang", "Semarang"),
        ("Kota Pangkal Pinang", "Pangkal Pinang"),
        ("Kabupaten Aceh Selatan", "Aceh Selatan"),
        ("Kota Administrasi Jakarta Pusat", "Jakarta Pusat"),
        ("Jawa Tengah", "Jawa Tengah"),
    ],
)
def test_signature_place_is_the_name_without_its_kind(name, place):
    assert signature_place(Region(code="99.99", name=name)) == place


def test_signature_place_without_region_is_empty():
    assert signature_place(None) == ""
