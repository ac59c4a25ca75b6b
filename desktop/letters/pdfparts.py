"""Building blocks shared by the disposition sheet and the receipt: styles, the kop surat,
page furniture (title, footer, page numbers), check boxes, QR code, deterministic canvas.

Everything is drawn with the embedded Liberation Sans or as vector paths (boxes, ticks,
QR modules, rules): no base-14 font can slip into a document.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from core.dates import format_date_id, format_time_id

from . import fonts
from .emblem import Emblem, ImageCanvas, load_emblem
from .models import AgencyProfile
from .paper import MM
from .qrgrid import qr_matrix

# Conservative glyph box (a bit beyond Liberation's real 0.905/0.212) so margins hold.
ASCENT = 0.95
DESCENT = 0.25
RAHASIA_RED = colors.Color(0.70, 0.05, 0.05)
DRAFT_MARK = "KONSEP \u2014 TIDAK SAH"
DRAFT_TINT = colors.Color(0.93, 0.76, 0.76)  # light red, drawn under the page's content


# --------------------------------------------------------------------------- text


def esc(text: object) -> str:
    """User text as Paragraph markup: escaped, line breaks kept, characters the font lacks
    (emoji) replaced by a placeholder (``fonts.printable``)."""
    return escape(fonts.printable(str(text))).replace("\r\n", "\n").replace("\n", "<br/>")


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary, with an ellipsis."""
    text = " ".join(str(text).split()) if len(text) > limit else str(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,.;:") + "\u2026"


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut (with an ellipsis) to fit ``width`` on one canvas-drawn line (emoji
    and other characters the font lacks replaced first, see ``fonts.printable``)."""
    text = fonts.printable(text)
    if fonts.text_width(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if fonts.text_width(text[:mid] + "\u2026", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "\u2026"


@dataclass(frozen=True)
class Styles:
    scale: float
    body: ParagraphStyle
    bold: ParagraphStyle
    small: ParagraphStyle
    small_italic: ParagraphStyle
    center: ParagraphStyle
    center_bold: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle

    @property
    def size(self) -> float:
        return self.body.fontSize


@functools.lru_cache(maxsize=8)
def make_styles(scale: float, body_size: float = 9.5) -> Styles:
    size = body_size * scale
    lead = size * 1.25

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": fonts.REGULAR,
            "fontSize": size,
            "leading": lead,
            "alignment": TA_LEFT,
            "splitLongWords": 1,
            "bulletFontName": fonts.REGULAR,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    small = size * 0.8
    return Styles(
        scale=scale,
        body=style("body"),
        bold=style("bold", fontName=fonts.BOLD),
        small=style("small", fontSize=small, leading=small * 1.25),
        small_italic=style("small_italic", fontName=fonts.ITALIC, fontSize=small,
                           leading=small * 1.25),
        center=style("center", alignment=TA_CENTER),
        center_bold=style("center_bold", alignment=TA_CENTER, fontName=fonts.BOLD),
        heading=style("heading", fontName=fonts.BOLD),
        title=style("title", fontName=fonts.BOLD, fontSize=size * 1.4, leading=size * 1.7,
                    alignment=TA_CENTER),
    )


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    """``Paragraph(markup, style)``, with the markup parsed once per (markup, style): labels
    and most values repeat on every sheet, and parsing was a tenth of a render. Each
    paragraph gets its own copies of the parsed fragments. ``style`` should be a shared
    one (``make_styles``): the cache holds it."""
    parsed = _parsed(markup, style)
    if parsed is None:
        return Paragraph(markup, style)
    text, frags = parsed
    return Paragraph(text, style, frags=[f.clone() for f in frags])


@functools.lru_cache(maxsize=1024)
def _parsed(markup: str, style: ParagraphStyle) -> tuple[str, tuple] | None:
    """(cleaned text, fragments) as Paragraph parses them, or None when the markup changes
    more than the fragments (its own style or bullet), which the short cut cannot pass on."""
    p = Paragraph(markup, style)
    if p.style is not style or p.bulletText != getattr(style, "bulletText", None):
        return None
    return p.text, tuple(p.frags)


def chunk_text(
    text: str, style: ParagraphStyle, width: float, max_height: float
) -> list[Paragraph]:
    """``text`` as Paragraphs no taller than ``max_height`` each (split between lines), so a
    table holding one per row can break across pages anywhere and never overflow."""
    out: list[Paragraph] = []
    for block in str(text).replace("\r\n", "\n").split("\n"):
        para = Paragraph(esc(block) if block.strip() else "&nbsp;", style)
        for _ in range(10_000):  # bounded: each round removes at least one line
            _, height = para.wrap(width, 1e9)
            if height <= max_height:
                out.append(para)
                break
            parts = para.split(width, max_height)
            if len(parts) < 2:
                out.append(para)
                break
            out.append(parts[0])
            para = parts[1]
    return out


# --------------------------------------------------------------------------- flowables


class CheckBox(Flowable):
    """An empty or ticked square, vertically centred on one text line of ``leading``."""

    def __init__(self, checked: bool, size: float, leading: float) -> None:
        super().__init__()
        self.checked = checked
        self.size = size
        self.leading = leading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.leading

    def draw(self) -> None:
        c = self.canv
        s = self.size
        y0 = (self.leading - s) / 2 - self.leading * 0.06
        c.setLineWidth(max(0.5, s * 0.08))
        c.rect(0, y0, s, s, stroke=1, fill=0)
        if self.checked:
            c.setLineWidth(max(0.9, s * 0.16))
            c.setLineCap(1)
            c.setLineJoin(1)
            p = c.beginPath()
            p.moveTo(s * 0.18, y0 + s * 0.52)
            p.lineTo(s * 0.42, y0 + s * 0.22)
            p.lineTo(s * 0.86, y0 + s * 0.86)
            c.drawPath(p, stroke=1, fill=0)


class DottedLine(Flowable):
    """A dotted write-in line (vector, so no text)."""

    def __init__(self, leading: float) -> None:
        super().__init__()
        self.leading = leading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.leading

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.6)
        c.setDash(1, 2)
        c.line(0, self.leading * 0.2, self.width * 0.97, self.leading * 0.2)
        c.setDash()


class QrCode(Flowable):
    """A QR code drawn as filled vector modules, ``size`` points square (quiet zone is the
    caller's padding)."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.matrix = qr_matrix(text)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        n = len(self.matrix)
        c.saveState()
        c.setFillColor(colors.black)
        # One module = one unit: the path is integers, written once per payload (formatting
        # hundreds of float rects was a tenth of a sheet's render time).
        c.scale(self.size / n, self.size / n)
        c.addLiteral(qr_path(self.matrix))
        c.restoreState()


class QrPlaceholder(Flowable):
    """Where a draft's QR would be: a dashed square saying no QR is printed yet."""

    def __init__(self, size: float, lines: tuple[str, ...], font_size: float) -> None:
        super().__init__()
        self.size = size
        self.lines = lines
        self.font_size = font_size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        s, fs = self.size, self.font_size
        c.saveState()
        c.setStrokeColor(colors.grey)
        c.setLineWidth(0.6)
        c.setDash(2, 2)
        c.rect(0, 0, s, s, stroke=1, fill=0)
        c.setFillColor(colors.grey)
        c.setFont(fonts.ITALIC, fs)
        y = s / 2 + (len(self.lines) - 1) * fs * 0.6 - fs * 0.35
        for line in self.lines:
            c.drawCentredString(s / 2, y, fit_text(line, fonts.ITALIC, fs, s - 2))
            y -= fs * 1.2
        c.restoreState()


def draw_watermark(c: Canvas, width: float, height: float, text: str = DRAFT_MARK) -> None:
    """``text`` large and light across the page's diagonal (drafts: "KONSEP — TIDAK SAH")."""
    angle = math.degrees(math.atan2(height, width))
    size = math.hypot(width, height) * 0.72 / max(1.0, fonts.text_width(text, fonts.BOLD, 1))
    c.saveState()
    c.setFillColor(DRAFT_TINT)
    c.translate(width / 2, height / 2)
    c.rotate(angle)
    c.setFont(fonts.BOLD, size)
    c.drawCentredString(0, -size * 0.35, text)
    c.restoreState()


@functools.lru_cache(maxsize=64)
def qr_path(matrix: tuple[tuple[bool, ...], ...]) -> str:
    """PDF path operators filling the dark modules (runs along a row merged), y up."""
    n = len(matrix)
    ops = []
    for r, row in enumerate(matrix):
        y = n - 1 - r
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                ops.append(f"{start} {y} {col - start} 1 re")
            else:
                col += 1
    return "\n".join(ops) + "\nf" if ops else ""


# --------------------------------------------------------------------------- kop surat


@dataclass(frozen=True)
class KopLine:
    text: str
    font: str
    size: float


@dataclass(frozen=True)
class Kop:
    """A laid-out letterhead: ``draw`` it with its top-left corner at (x, top)."""

    lines: tuple[KopLine, ...]
    width: float
    emblem: Emblem | None
    emblem_w: float
    emblem_h: float
    text_x0: float  # relative to x
    text_h: float
    body_h: float  # emblem/text area, above the rules
    rule_gap: float
    thick: float
    thin: float
    centered: bool

    @property
    def height(self) -> float:
        return self.body_h + self.rule_gap + self.thick + self.thick * 0.7 + self.thin

    def draw(self, c: Canvas, x: float, top: float) -> None:
        c.saveState()
        if self.emblem is not None:
            if self.centered:
                ex, ey = x + (self.width - self.emblem_w) / 2, top - self.emblem_h
            else:
                ex, ey = x, top - (self.body_h + self.emblem_h) / 2
            self.emblem.draw(c, ex, ey, self.emblem_w, self.emblem_h)
        if self.centered:
            y = top - (self.emblem_h + 2 * MM if self.emblem else 0)
        else:
            y = top - (self.body_h - self.text_h) / 2
        area_w = self.width - self.text_x0
        cx = x + self.text_x0 + area_w / 2
        for line in self.lines:
            y -= line.size * ASCENT
            c.setFont(line.font, line.size)
            c.drawCentredString(cx, y, line.text)
            y -= line.size * (DESCENT + 0.08)
        # Double rule: thick over thin, the usual kop surat closing line.
        ry = top - self.body_h - self.rule_gap - self.thick / 2
        c.setLineWidth(self.thick)
        c.line(x, ry, x + self.width, ry)
        ry -= self.thick / 2 + self.thick * 0.7 + self.thin / 2
        c.setLineWidth(self.thin)
        c.line(x, ry, x + self.width, ry)
        c.restoreState()


def layout_kop(
    profile: AgencyProfile, width: float, scale: float, *, centered: bool = False
) -> Kop:
    """Lay out the letterhead for ``width`` points.

    Sizes keep the 2:3:1 feel of tata naskah dinas (government line : agency name : contact
    lines) as 12 : 17 : 8 pt at scale 1 (the "1" raised to 8 pt so addresses stay legible).
    A line too long for the space shrinks (to 75 %, never under 6 pt), then wraps.
    """
    big, mid, small = 17 * scale, 12 * scale, 8 * scale
    header = profile.header_lines
    sizes = {1: (big,), 2: (mid, big), 3: (mid, big, mid)}[len(header)]
    # Clipped so a mistyped profile cannot push the page body off the sheet.
    specs: list[tuple[str, str, float]] = [
        (clip(text, 100), fonts.BOLD, size) for text, size in zip(header, sizes, strict=True)
    ]
    for text in (profile.address, profile.phone_fax, profile.web_email):
        if text and text.strip():
            specs.append((clip(text.strip(), 160), fonts.REGULAR, small))

    emblem = load_emblem(profile)
    if centered:
        emblem_h = 14 * MM * scale if emblem else 0.0
        emblem_w = emblem_h * emblem.aspect if emblem else 0.0
        text_x0 = 0.0
    else:
        emblem_h = 25 * MM * scale if emblem else 0.0
        emblem_w = emblem_h * emblem.aspect if emblem else 0.0
        text_x0 = emblem_w + 4 * MM * scale if emblem else 0.0
    area_w = width - text_x0 - (text_x0 * 0.25 if not centered else 0.0)

    lines: list[KopLine] = []
    for text, font, size in specs:
        natural = fonts.text_width(text, font, size)
        if natural <= area_w:
            lines.append(KopLine(text, font, size))
            continue
        floor = max(size * 0.75, min(size, 6.0))  # below 6 pt a printed address is lost
        shrunk = size * area_w / natural
        if shrunk >= floor:
            lines.append(KopLine(text, font, shrunk * 0.999))
            continue
        for part in simpleSplit(text, font, floor, area_w):
            lines.append(KopLine(part, font, floor))
    text_h = sum(line.size * (ASCENT + DESCENT + 0.08) for line in lines)
    if centered:
        body_h = (emblem_h + 2 * MM if emblem else 0.0) + text_h
    else:
        body_h = max(text_h, emblem_h)
    return Kop(
        lines=tuple(lines), width=width, emblem=emblem, emblem_w=emblem_w, emblem_h=emblem_h,
        text_x0=text_x0, text_h=text_h, body_h=body_h, rule_gap=2.5 * MM * scale,
        thick=2.2 * scale, thin=0.7 * scale, centered=centered,
    )


class KopFlowable(Flowable):
    """The kop as a flowable, for the single-page thermal receipt."""

    def __init__(self, kop: Kop) -> None:
        super().__init__()
        self.kop = kop

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.kop.width, self.kop.height

    def draw(self) -> None:
        self.kop.draw(self.canv, 0, self.kop.height)


# --------------------------------------------------------------------------- page furniture


@dataclass(frozen=True)
class TitleBlock:
    """Document title under the kop, with an optional RAHASIA mark at the right and an
    optional reference line (later pages: which complaint this continues)."""

    title: str
    scale: float
    secret: bool = False
    ref: str = ""

    @property
    def title_size(self) -> float:
        return 13 * self.scale

    @property
    def ref_size(self) -> float:
        return 8 * self.scale

    @property
    def height(self) -> float:
        h = 3 * MM * self.scale + self.title_size * (ASCENT + DESCENT) + 1.5 * MM * self.scale
        if self.ref:
            h += self.ref_size * (ASCENT + DESCENT + 0.2)
        return h + 1 * MM * self.scale

    def draw(self, c: Canvas, x: float, top: float, width: float) -> None:
        c.saveState()
        y = top - 3 * MM * self.scale - self.title_size * ASCENT
        mark_w = self._secret_mark_width() + 2 * MM if self.secret else 0.0
        title = fit_text(self.title, fonts.BOLD, self.title_size, width - 2 * mark_w)
        c.setFont(fonts.BOLD, self.title_size)
        c.drawCentredString(x + width / 2, y, title)
        tw = fonts.text_width(title, fonts.BOLD, self.title_size)
        c.setLineWidth(0.8 * self.scale)
        uy = y - self.title_size * 0.14
        c.line(x + (width - tw) / 2, uy, x + (width + tw) / 2, uy)
        if self.secret:
            self._draw_secret_mark(c, x + width, y)
        if self.ref:
            y -= self.title_size * DESCENT + 1.5 * MM * self.scale + self.ref_size * ASCENT
            c.setFont(fonts.ITALIC, self.ref_size)
            c.drawCentredString(x + width / 2, y,
                                fit_text(self.ref, fonts.ITALIC, self.ref_size, width))
        c.restoreState()

    def _secret_mark_width(self) -> float:
        return fonts.text_width("RAHASIA", fonts.BOLD, 10.5 * self.scale) + 4.4 * self.scale

    def _draw_secret_mark(self, c: Canvas, right: float, baseline: float) -> None:
        size = 10.5 * self.scale
        text = "RAHASIA"
        pad = 2.2 * self.scale
        w = self._secret_mark_width()
        h = size * (ASCENT + DESCENT) + pad
        bx, by = right - w - 0.8, baseline - size * DESCENT - pad / 2
        c.setStrokeColor(RAHASIA_RED)
        c.setFillColor(RAHASIA_RED)
        c.setLineWidth(1.4 * self.scale)
        c.rect(bx, by, w, h, stroke=1, fill=0)
        c.setFont(fonts.BOLD, size)
        c.drawString(bx + pad, by + pad / 2 + size * DESCENT, text)


def footer_text(printed_at: datetime, desk_id: str) -> str:
    """"Dicetak <date> <time> · Meja <desk>"; without a desk id, no "Meja" at all."""
    parts = [f"Dicetak {format_date_id(printed_at)} {format_time_id(printed_at)}"]
    if desk_id and desk_id.strip():
        parts.append(f"Meja {desk_id.strip()}")
    return " \u00b7 ".join(parts)


def footer_height(scale: float) -> float:
    return 7 * scale * (ASCENT + DESCENT) + 2 * MM * scale


def draw_footer(c: Canvas, x: float, bottom: float, width: float, left: str, right: str,
                scale: float) -> None:
    size = 7 * scale
    c.saveState()
    c.setFont(fonts.REGULAR, size)
    y = bottom + size * DESCENT
    c.setLineWidth(0.4)
    c.setStrokeColor(colors.grey)
    c.line(x, y + size * ASCENT + 1.2 * MM * scale, x + width, y + size * ASCENT + 1.2 * MM * scale)
    right_w = fonts.text_width(right, fonts.REGULAR, size) + 3 * MM if right else 0.0
    c.drawString(x, y, fit_text(left, fonts.REGULAR, size, width - right_w))
    if right:
        c.drawRightString(x + width, y, right)
    c.restoreState()


# --------------------------------------------------------------------------- canvas


def pdf_date(moment: datetime) -> str:
    """``moment`` as reportlab writes a creation date: D:YYYYMMDDhhmmss+HH'mm' (a naive
    moment is UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    t = moment.timetuple()
    return (f"D:{t.tm_year:04d}{t.tm_mon:02d}{t.tm_mday:02d}{t.tm_hour:02d}{t.tm_min:02d}"
            f"{t.tm_sec:02d}{int(minutes / 60):+03d}'{abs(minutes) % 60:02d}'")


PageDecorator = Callable[[Canvas, int, int], None]


def canvas_class(on_final_page: PageDecorator, created: datetime | None) -> type[Canvas]:
    """A Canvas that knows the page count when each page is finished ("Halaman 1 dari 2"),
    starts in the embedded font, and (when ``created`` is given) stamps that creation
    date instead of the wall clock."""

    class DocCanvas(ImageCanvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["initialFontName"] = fonts.REGULAR
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            if created is not None:
                stamp = pdf_date(created)
                self.setDateFormatter(lambda *_ymdhms: stamp)

        def page_index(self) -> int:
            """The 0-based index of the page being drawn (pages are kept until save)."""
            return len(self._pages)

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                on_final_page(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return DocCanvas
