"""Reading the portal's PDFs back in tests: archival and tagging facts, text page by page."""

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

#: The page counter in the bottom margin (css/print-a4.css): "2 / 5".
PAGE_COUNTER = re.compile(r"\b\d+ / \d+\b")


@dataclass(frozen=True)
class ArchivalFacts:
    """What a PDF says about itself, read from its catalog, XMP metadata and fonts."""

    tagged: bool  # /MarkInfo << /Marked true >>
    has_structure_tree: bool  # /StructTreeRoot
    lang: str  # /Lang
    title: str  # the document information's /Title
    displays_title: bool  # /ViewerPreferences << /DisplayDocTitle true >>
    pdfa_part: str  # pdfaid:part in the XMP metadata ("" when not declared)
    pdfa_conformance: str  # pdfaid:conformance ("B")
    output_intent: str  # /OutputIntents[0] /S (/GTS_PDFA1 for PDF/A)
    has_file_identifier: bool  # /ID in the trailer
    unembedded_fonts: list[str]  # fonts without a FontFile, FontFile2 or FontFile3


def archival_facts(content: bytes) -> ArchivalFacts:
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode() if "/Metadata" in root else ""
    part = re.search(r'pdfaid:part(?:="|>)(\d)', xmp)
    conformance = re.search(r'pdfaid:conformance(?:="|>)([ABU])', xmp)
    intents = root.get("/OutputIntents") or []
    mark_info = root.get("/MarkInfo") or {}
    preferences = root.get("/ViewerPreferences") or {}
    return ArchivalFacts(
        tagged=bool(mark_info.get("/Marked")),
        has_structure_tree="/StructTreeRoot" in root,
        lang=str(root.get("/Lang", "")),
        title=str((reader.metadata or {}).get("/Title", "")),
        displays_title=bool(preferences.get("/DisplayDocTitle")),
        pdfa_part=part.group(1) if part else "",
        pdfa_conformance=conformance.group(1) if conformance else "",
        output_intent=str(intents[0].get_object()["/S"]) if intents else "",
        has_file_identifier="/ID" in reader.trailer,
        unembedded_fonts=_unembedded_fonts(reader),
    )


def _unembedded_fonts(reader: PdfReader) -> list[str]:
    missing = []
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.get_object().values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [
                descendant.get_object().get("/FontDescriptor")
                for descendant in font.get("/DescendantFonts", [])
            ]
            descriptors = [d.get_object() for d in descriptors if d is not None]
            if not any(
                key in d for d in descriptors for key in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                missing.append(str(font.get("/BaseFont")))
    return missing


def page_texts(content: bytes) -> list[str]:
    """The text of each page, whitespace collapsed (a wrapped line reads as one)."""
    reader = PdfReader(io.BytesIO(content))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def holds_only(page_text: str, parts: list[str]) -> bool:
    """Whether the page shows nothing but ``parts`` (and its page counter)."""
    rest = page_text
    for part in sorted(parts, key=len, reverse=True):
        rest = rest.replace(" ".join(part.split()), " ")
    rest = PAGE_COUNTER.sub(" ", rest)
    return not rest.strip(" .()")
