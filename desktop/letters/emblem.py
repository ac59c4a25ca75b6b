"""The kop surat emblem as ready-made PDF image objects, built once per file and placed in
every document.

``Canvas.drawImage`` re-compresses the whole RGB image and its alpha mask in every
document (about 4 ms, a third of a sheet's render time). reportlab has no public way to
put an image finished for one document into another, so ``ImageCanvas``, the canvas every
letter is drawn on (``pdfparts.canvas_class``), does it as a Canvas subclass: ``_load``
lets ``drawImage`` build the objects once, on a scratch canvas, and ``place`` registers
copies of them under the names ``drawImage`` gave them, so the PDF bytes are exactly what
``drawImage`` writes (tests/test_letters_render.py compares them). On any other canvas
``Emblem.draw`` is plain ``drawImage``.
"""

from __future__ import annotations

import copy
import functools
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas

from desktop.paths import resource

from .models import AgencyProfile

PLACEHOLDER_EMBLEM = ("letterhead", "emblem-placeholder.png")
REGISTERED_MARK = "__InternalName__"  # set by PDFDocument.Reference on what it registers
log = logging.getLogger(__name__)


@dataclass(frozen=True, eq=False)
class Emblem:
    """A decoded, compressed emblem. Its objects are never registered themselves (a
    reportlab object may belong to one document only); each document gets copies."""

    name: str  # the image's form name in drawImage's registry (a digest of its pixels)
    objects: tuple[tuple[str, PDFImageXObject], ...]  # (registered name, object): image, mask
    reader: ImageReader  # for canvases other than ImageCanvas
    aspect: float  # width / height

    def draw(self, c: Canvas, x: float, y: float, width: float, height: float) -> None:
        """What ``c.drawImage(reader, x, y, width, height, mask="auto")`` does."""
        if isinstance(c, ImageCanvas):
            c.place(self, x, y, width, height)
        else:
            c.drawImage(self.reader, x, y, width, height, mask="auto")


class ImageCanvas(Canvas):
    """A Canvas that places an ``Emblem`` without compressing it again."""

    def place(self, emblem: Emblem, x: float, y: float, width: float, height: float) -> None:
        doc = self._doc
        if not doc.hasForm(emblem.name):  # registered as drawImage does: image, then mask
            for reg_name, obj in emblem.objects:
                if doc.idToObject.get(reg_name) is None:
                    doc.Reference(copy.copy(obj), reg_name)
            doc.addForm(emblem.name, doc.idToObject[emblem.objects[0][0]])
        self.saveState()
        self.translate(x, y)
        self.scale(width, height)
        self.doForm(emblem.name)
        self.restoreState()

    def image_objects(self) -> tuple[tuple[str, PDFImageXObject], ...]:
        """The image objects of this document in the order registered, as unregistered
        copies (what ``drawImage`` made, to register in another document)."""
        found = []
        for reg_name, obj in self._doc.idToObject.items():
            if isinstance(obj, PDFImageXObject):
                spare = copy.copy(obj)
                vars(spare).pop(REGISTERED_MARK, None)
                found.append((reg_name, spare))
        return tuple(found)


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime: float) -> Emblem:
    with open(path, "rb") as fh:
        reader = ImageReader(io.BytesIO(fh.read()))
    w, h = reader.getSize()
    scratch = ImageCanvas(io.BytesIO())
    scratch.drawImage(reader, 0, 0, 1, 1, mask="auto")
    objects = scratch.image_objects()  # the image first, then its soft mask (if any)
    return Emblem(name=objects[0][1].name, objects=objects, reader=reader, aspect=w / h)


def load_emblem(profile: AgencyProfile) -> Emblem | None:
    """The profile's emblem (the placeholder when none is set), or None if the file is
    missing or unreadable: a broken emblem must not stop a letter."""
    path = Path(profile.emblem_path) if profile.emblem_path else resource(*PLACEHOLDER_EMBLEM)
    try:
        return _load(str(path), path.stat().st_mtime)
    except Exception:  # noqa: BLE001 (PIL raises many kinds for a damaged image)
        log.warning("emblem %s unreadable; printing without it", path, exc_info=True)
        return None
