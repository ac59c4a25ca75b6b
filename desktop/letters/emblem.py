"""The kop surat emblem as ready-made PDF image objects, built once per file and placed in
every document.

``Canvas.drawImage`` re-compresses and ASCII85-encodes the whole RGB image and its alpha
mask in every document (about a quarter of a sheet's render time). ``Emblem`` does that
once per (file, mtime) and places shallow copies of the finished objects, registered under
the same names ``drawImage`` would use, so the PDF bytes are exactly what ``drawImage``
writes (tests/test_letters_render.py compares them).
"""

from __future__ import annotations

import copy
import functools
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase.pdfdoc import PDFImageXObject, PDFObjectReference
from reportlab.pdfgen.canvas import Canvas

from desktop.paths import resource

from .models import AgencyProfile

PLACEHOLDER_EMBLEM = ("letterhead", "emblem-placeholder.png")
log = logging.getLogger(__name__)


@dataclass(frozen=True, eq=False)
class Emblem:
    """A decoded, compressed emblem. The objects are never registered themselves (a
    reportlab object may belong to one document only); each document gets copies."""

    name: str  # content digest: the XObject name drawImage gives this image
    image: PDFImageXObject
    smask: PDFImageXObject | None  # alpha channel as a soft mask
    aspect: float  # width / height

    def draw(self, c: Canvas, x: float, y: float, width: float, height: float) -> None:
        """What ``c.drawImage(reader, x, y, width, height, mask="auto")`` does."""
        doc = c._doc
        reg_name = doc.getXObjectName(self.name)
        if doc.idToObject.get(reg_name) is None:
            image = copy.copy(self.image)
            c._setXObjects(image)
            doc.Reference(image, reg_name)
            doc.addForm(self.name, image)
            if self.smask is not None:
                mask_name = doc.getXObjectName(self.smask.name)
                if doc.idToObject.get(mask_name) is None:
                    smask = copy.copy(self.smask)
                    c._setXObjects(smask)
                    image.smask = doc.Reference(smask, mask_name)
                else:
                    image.smask = PDFObjectReference(mask_name)
        c._currentPageHasImages = 1
        c.saveState()
        c.translate(x, y)
        c.scale(width, height)
        c._code.append(f"/{reg_name} Do")
        c.restoreState()
        c._formsinuse.append(self.name)


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime: float) -> Emblem:
    with open(path, "rb") as fh:
        reader = ImageReader(io.BytesIO(fh.read()))
    w, h = reader.getSize()
    # Same name as Canvas.drawImage(reader, mask="auto"): digest of RGB + alpha data
    # (getRGBData splits the alpha channel off into _dataA).
    rgb = reader.getRGBData()
    alpha = reader._dataA
    name = _digester(rgb + (alpha.getRGBData() if alpha else b"auto"))
    image = PDFImageXObject(name, reader, mask="auto")
    image.name = name
    smask = image.__dict__.pop("_smask", None)
    return Emblem(name=name, image=image, smask=smask, aspect=w / h)


def load_emblem(profile: AgencyProfile) -> Emblem | None:
    """The profile's emblem (the placeholder when none is set), or None if the file is
    missing or unreadable: a broken emblem must not stop a letter."""
    path = Path(profile.emblem_path) if profile.emblem_path else resource(*PLACEHOLDER_EMBLEM)
    try:
        return _load(str(path), path.stat().st_mtime)
    except Exception:  # noqa: BLE001 (PIL raises many kinds for a damaged image)
        log.warning("emblem %s unreadable; printing without it", path, exc_info=True)
        return None
