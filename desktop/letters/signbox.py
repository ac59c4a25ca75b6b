"""Where a document's signature goes, and who seals documents while they are rendered.

``SignatureSpace`` is the room to sign in a signature block (between the jabatan and the
name). When drawn it records its rectangle on the page (PDF user space, points, origin
bottom-left) as a ``SignatureBox``: the electronic signature's visible stamp is placed
there (``desktop.letters.pades``). Renderers hand it their own list; a caller that does
not reach the renderer (the recap, built elsewhere) reads the boxes with
``collect_boxes()``.

``sealing(sealer)`` makes the documents rendered inside it come out signed: the
disposition renderer asks ``current_sealer()`` and, for an issued (non-draft) sheet, passes
its bytes and signature box to the sealer. No pyHanko here: this module is imported by
every render.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol

from reportlab.platypus import Flowable


@dataclass(frozen=True)
class SignatureBox:
    """A rectangle on page ``page`` (0-based): lower-left (x1, y1), upper-right (x2, y2)."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def width(self) -> float:
        return self.x2 - self.x1

    @property
    def height(self) -> float:
        return self.y2 - self.y1


class Sealer(Protocol):
    """Signs finished PDF bytes (``desktop.letters.pades.PdfSealer``)."""

    signer_name: str

    def seal(self, data: bytes, box: SignatureBox | None) -> bytes: ...


_BOXES: ContextVar[list[SignatureBox] | None] = ContextVar("signature_boxes", default=None)
_SEALER: ContextVar[Sealer | None] = ContextVar("pdf_sealer", default=None)


@contextmanager
def collect_boxes() -> Iterator[list[SignatureBox]]:
    """Every signature box drawn inside the block, in drawing order."""
    boxes: list[SignatureBox] = []
    token = _BOXES.set(boxes)
    try:
        yield boxes
    finally:
        _BOXES.reset(token)


@contextmanager
def sealing(sealer: Sealer | None) -> Iterator[None]:
    """Documents rendered inside come out signed by ``sealer`` (None: unsigned)."""
    token = _SEALER.set(sealer)
    try:
        yield
    finally:
        _SEALER.reset(token)


def current_sealer() -> Sealer | None:
    return _SEALER.get()


class SignatureSpace(Flowable):
    """Blank room to sign, ``height`` points tall and as wide as its column."""

    def __init__(self, height: float, sink: list[SignatureBox] | None = None) -> None:
        super().__init__()
        self.height = height
        self.sink = sink

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        canv = self.canv
        x1, y1 = canv.absolutePosition(0, 0)
        x2, y2 = canv.absolutePosition(self.width, self.height)
        index = getattr(canv, "page_index", None)
        page = index() if callable(index) else canv.getPageNumber() - 1
        box = SignatureBox(page, min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
        if self.sink is not None:
            self.sink.append(box)
        collected = _BOXES.get()
        if collected is not None:
            collected.append(box)
