"""Draws the neutral placeholder emblem shipped in resources/letterhead/.

A plain shield with a star and waves: deliberately no real coat of arms (those are
protected and belong to each region). Agencies set their own emblem in the profile.
Regenerate with ``python -m desktop.letters.placeholder_emblem [out.png]``.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 240, 288
_SS = 4  # supersampling for smooth edges
NAVY = (31, 58, 96, 255)
PALE = (233, 238, 245, 255)
GOLD = (201, 156, 43, 255)
WATER = (66, 120, 170, 255)


def _shield(w: float, h: float, inset: float) -> list[tuple[float, float]]:
    """Flat top, straight sides, pointed round bottom."""
    left, right, top = inset, w - inset, inset
    side_bottom = h * 0.52
    points = [(left, top), (right, top), (right, side_bottom)]
    cx, tip = w / 2, h - inset
    drop = tip - side_bottom
    for i in range(1, 40):  # quarter ellipses down to the tip and back up
        a = i / 40 * math.pi / 2
        points.append((cx + (right - cx) * math.cos(a), side_bottom + drop * math.sin(a)))
    points.append((cx, tip))
    for i in range(39, 0, -1):
        a = i / 40 * math.pi / 2
        points.append((cx - (cx - left) * math.cos(a), side_bottom + drop * math.sin(a)))
    points.append((left, side_bottom))
    return points


def _star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.42
        angle = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return pts


def draw_placeholder_emblem() -> Image.Image:
    w, h = WIDTH * _SS, HEIGHT * _SS
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    d.polygon(_shield(w, h, 6 * _SS), fill=NAVY)
    d.polygon(_shield(w, h, 20 * _SS), fill=PALE)
    d.polygon(_star(w / 2, h * 0.30, w * 0.20), fill=GOLD)
    waves = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    wd = ImageDraw.Draw(waves)
    for k in range(3):  # three waves: a river, common to the region, owned by no one
        y0 = h * (0.56 + 0.085 * k)
        xs = range(0, w, _SS)
        wd.line([(x, y0 + math.sin(x / w * 4 * math.pi) * h * 0.02) for x in xs], fill=WATER,
                width=9 * _SS // 2)
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).polygon(_shield(w, h, 30 * _SS), fill=255)  # keep waves off the rim
    img.paste(waves, (0, 0), Image.composite(waves, Image.new("RGBA", (w, h)), mask))
    return img.resize((WIDTH, HEIGHT), Image.LANCZOS)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from desktop.paths import resource

    out = Path(args[0]) if args else resource("letterhead", "emblem-placeholder.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    draw_placeholder_emblem().save(out, optimize=True)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
