"""The disposition sheet's QR code as a flowable: quiet zone included, modules on whole points.

A scanner finds a QR code by its quiet zone: ISO/IEC 18004 asks for 4 modules of white on
every side. ``QrBlock`` is that zone plus the code, so whatever is drawn around it (the
form's ruled border) stays at least 4 modules away. A module is 2.5 pt (0.88 mm) unless
the code would then pass ``max_size``, and the code is shifted by less than a point so that
its modules start on whole points from the page's left and top edges: rasterised at 72 dpi
(a screen preview, a fax, a cheap scan) each module is two or three whole pixels, never a
blur between them. The block is one point larger than code plus zone to leave room for that
shift.
"""

from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.platypus import Flowable

from . import fonts
from .pdfparts import qr_path
from .qrgrid import qr_matrix

QUIET_MODULES = 4
MODULE_PT = 2.5  # zbar misses about one code in three at 2 pt (2 px at 72 dpi)
SNAP_PT = 1.0  # the shift's room: modules land on whole points


class QrBlock(Flowable):
    """``text`` as a QR code with its quiet zone, ``size`` points square (see module doc),
    on a page ``page_height`` points high (the snap counts from the page's top edge)."""

    def __init__(self, text: str, max_size: float, page_height: float,
                 module: float = MODULE_PT) -> None:
        super().__init__()
        self.text = text
        self.page_height = page_height
        self.matrix = qr_matrix(text)
        n = len(self.matrix) + 2 * QUIET_MODULES
        self.module = min(module, (max_size - SNAP_PT) / n)
        self.size = n * self.module + SNAP_PT

    @property
    def modules(self) -> int:
        return len(self.matrix)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        n, m = self.modules, self.module
        quiet = QUIET_MODULES * m
        x, y = c.absolutePosition(0, 0)  # the block's lower left corner on the page
        left = x + quiet
        top = self.page_height - (y + self.size - quiet)  # the code's top edge, from the page's top
        dx = math.ceil(left - 1e-6) - left
        dy = math.ceil(top - 1e-6) - top  # moving down on the page
        c.saveState()
        c.setFillColor(colors.black)
        # One module = one unit: the path is integers, written once per payload.
        c.translate(quiet + dx, self.size - quiet - n * m - dy)
        c.scale(m, m)
        c.addLiteral(qr_path(self.matrix))
        c.restoreState()


def url_lines(url: str, font: str, size: float, width: float) -> list[str]:
    """``url`` in lines no wider than ``width``, broken after a ``/`` or ``*`` where one is
    near (anywhere else only when a part alone is too wide), so the printed address can be
    typed back as it stands."""
    lines: list[str] = []
    rest = url
    while rest:
        if fonts.text_width(rest, font, size) <= width:
            lines.append(rest)
            break
        fit = 1
        while fit < len(rest) and fonts.text_width(rest[:fit + 1], font, size) <= width:
            fit += 1
        cut = max(rest.rfind("/", 0, fit), rest.rfind("*", 0, fit)) + 1
        if cut < fit * 0.5:  # no break point in the second half of the line
            cut = fit
        lines.append(rest[:cut])
        rest = rest[cut:]
    return lines
