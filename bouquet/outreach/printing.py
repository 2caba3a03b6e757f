"""Printable A4 sheets drawn on the server: the paper form of a process (its answers come back in the columns the
paper import expects) and the poster of a workshop, each with a QR code of its link. Pure Python (no Django):
fpdf2 draws the PDF, segno the QR code; the callers give the texts, already translated."""

import io
from collections.abc import Sequence
from dataclasses import dataclass

import segno
from fpdf import FPDF

# The PDF's built-in fonts know Latin-1 only: typographic characters outside it get their plain twin.
_PLAIN = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u0153": "oe",
        "\u0152": "OE",
        "\u202f": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u20ac": "EUR",
    }
)


def _latin1(text: str) -> str:
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def qr_png(url: str, *, scale: int = 8) -> bytes:
    """The QR code of a link, as a PNG image (error correction M: a creased sheet still reads)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


class _Sheet(FPDF):
    def __init__(self, footer: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._footer = footer
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(auto=True, margin=18)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("helvetica", size=8)
        self.cell(0, 5, _latin1(self._footer), align="C")

    def write_text(self, text: str, *, size: float = 11, bold: bool = False, height: float = 5.5) -> None:
        self.set_font("helvetica", style="B" if bold else "", size=size)
        self.multi_cell(0, height, _latin1(text), new_x="LMARGIN", new_y="NEXT")

    def box(self, label: str, height: float, hint: str = "") -> None:
        self.set_font("helvetica", style="B", size=10)
        self.cell(0, 6, _latin1(label), new_x="LMARGIN", new_y="NEXT")
        if hint:
            self.set_font("helvetica", size=8)
            self.cell(0, 4, _latin1(hint), new_x="LMARGIN", new_y="NEXT")
        self.rect(self.l_margin, self.get_y(), self.epw, height)
        self.set_y(self.get_y() + height + 2.5)


@dataclass(frozen=True)
class FormTexts:
    """Every text of the paper form, in the reader's language."""

    authority: str
    process: str
    summary: str
    link: str  # the short link printed and put in the QR code
    heading: str
    instructions: str
    link_hint: str
    fields: Sequence[tuple[str, str, float]]  # (label, hint, box height in mm), in the import's column order
    consent: str
    staff_note: str
    footer: str


def paper_form(texts: FormTexts) -> bytes:
    """The A4 paper form of a process, as PDF bytes."""
    pdf = _Sheet(texts.footer)
    pdf.set_title(_latin1(texts.heading))
    pdf.set_author(_latin1(texts.authority))
    pdf.add_page()
    qr_side = 32
    pdf.image(io.BytesIO(qr_png(texts.link)), x=pdf.w - pdf.r_margin - qr_side, y=12, w=qr_side, h=qr_side)
    pdf.set_right_margin(15 + qr_side + 4)
    pdf.write_text(texts.authority, size=10)
    pdf.write_text(texts.heading, size=17, bold=True, height=8)
    pdf.write_text(texts.process, size=13, bold=True, height=6.5)
    pdf.write_text(texts.summary, size=9.5, height=4.5)
    pdf.write_text(f"{texts.link_hint} {texts.link}", size=9.5, height=4.5)
    pdf.set_right_margin(15)
    pdf.set_y(max(pdf.get_y(), 12 + qr_side) + 3)
    pdf.write_text(texts.instructions, size=9.5, height=4.5)
    pdf.ln(2)
    for label, hint, height in texts.fields:
        pdf.box(label, height, hint)
    pdf.set_font("helvetica", size=10)
    y = pdf.get_y()
    pdf.rect(pdf.l_margin, y + 0.8, 4.5, 4.5)
    pdf.set_x(pdf.l_margin + 7)
    pdf.multi_cell(0, 5.5, _latin1(texts.consent), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.write_text(texts.staff_note, size=7.5, height=3.5)
    return bytes(pdf.output())


@dataclass(frozen=True)
class PosterTexts:
    authority: str
    kind: str  # « Atelier public », « Réunion publique »
    title: str
    when: str
    where: str
    format: str
    access: str
    description: str
    link: str
    link_hint: str
    footer: str


def poster(texts: PosterTexts) -> bytes:
    """The A4 poster of a workshop, as PDF bytes."""
    pdf = _Sheet(texts.footer)
    pdf.set_title(_latin1(texts.title))
    pdf.set_author(_latin1(texts.authority))
    pdf.add_page()
    pdf.write_text(texts.authority, size=12)
    pdf.ln(4)
    pdf.write_text(texts.kind.upper(), size=14, bold=True)
    pdf.write_text(texts.title, size=30, bold=True, height=13)
    pdf.ln(6)
    pdf.write_text(texts.when, size=18, bold=True, height=9)
    pdf.write_text(texts.where, size=15, height=8)
    pdf.ln(4)
    for text in (texts.format, texts.access):
        if text:
            pdf.write_text(text, size=12, height=6)
    if texts.description:
        pdf.ln(3)
        pdf.write_text(texts.description[:900], size=12, height=6)
    side = 55
    y = max(pdf.get_y() + 6, pdf.h - 30 - side)
    pdf.image(io.BytesIO(qr_png(texts.link)), x=(pdf.w - side) / 2, y=y, w=side, h=side)
    pdf.set_y(y + side + 2)
    pdf.set_font("helvetica", size=11)
    pdf.cell(0, 6, _latin1(f"{texts.link_hint} {texts.link}"), align="C")
    return bytes(pdf.output())
