"""Reference data shaped for pick lists (no Qt)."""

from __future__ import annotations


def category_items(categories: list[dict]) -> list[tuple[str, str]]:
    """(id, label) depth-first, children indented under their parent."""
    children: dict[str | None, list[dict]] = {}
    for cat in categories:
        children.setdefault(cat.get("parent_id"), []).append(cat)
    out: list[tuple[str, str]] = []

    def walk(parent: str | None, depth: int) -> None:
        for cat in children.get(parent, []):
            out.append((cat["id"], "    " * depth + cat["name"]))
            walk(cat["id"], depth + 1)

    walk(None, 0)
    known = {c for c, _ in out}
    out += [(c["id"], c["name"]) for c in categories if c["id"] not in known]  # orphans
    return out
