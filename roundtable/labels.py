"""Label placement without overlaps, shared by the timeline and the map.

Each label tries a list of offsets from its anchor point, in order, and keeps
the first where its box stays inside the axes and clear of every label (and
marker) already placed. A label that fits nowhere is left out and reported,
so that the figure's text summary can list it instead of printing it on top
of another.
"""
from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.text import Text
from matplotlib.transforms import Bbox


@dataclass
class Placement:
    placed: list  # matplotlib Annotations, in the order given
    skipped: list[str]  # texts that found no free place


def stacked_offsets(step: float = 13, levels: int = 12, sideways=(0,)) -> list[tuple[float, float]]:
    """Offsets in points: straight above, then further above, then below."""
    offsets = []
    for level in range(1, levels + 1):
        for dx in sideways:
            offsets.append((dx, step * level))
            offsets.append((dx, -step * level))
    return offsets


def ring_offsets(distances=(8, 16, 26, 38)) -> list[tuple[float, float]]:
    """Offsets in points around a map marker: right, left, up, down, diagonals."""
    directions = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)]
    return [(dx * d, dy * d) for d in distances for dx, dy in directions]


def place_labels(ax: Axes, anchors, texts, offsets, *, obstacles=(), pad: float = 2.0,
                 leader: bool = True, **text_kwargs) -> Placement:
    """Annotate each anchor (data coordinates) with its text, without overlaps."""
    figure = ax.figure
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken: list[Bbox] = [Bbox.from_bounds(x - 3, y - 3, 6, 6)
                         for x, y in ax.transData.transform(list(obstacles))] if len(obstacles) else []
    placed, skipped = [], []
    for (x, y), text in zip(anchors, texts):
        kept = None
        for dx, dy in offsets:
            ha = "left" if dx > 0 else "right" if dx < 0 else "center"
            va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
            note = ax.annotate(
                text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                arrowprops={"arrowstyle": "-", "lw": 0.6, "color": "0.35", "shrinkA": 0, "shrinkB": 2}
                if leader else None,
                annotation_clip=False, **text_kwargs)
            box = text_box(note, renderer).padded(pad)
            inside = (box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1)
            if inside and not any(box.overlaps(other) for other in taken):
                kept = note
                taken.append(box)
                break
            note.remove()
        if kept is None:
            skipped.append(text)
        else:
            placed.append(kept)
    return Placement(placed, skipped)


def text_box(note, renderer) -> Bbox:
    """The box of a label's text alone: an annotation's own extent also
    covers its leader line, which always touches its anchor."""
    note.update_positions(renderer)  # places the text relative to its anchor
    return Text.get_window_extent(note, renderer)


def overlapping_pairs(annotations, renderer) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes overlap: what a test checks is empty."""
    boxes = [(a.get_text(), text_box(a, renderer)) for a in annotations]
    return [(t1, t2) for i, (t1, b1) in enumerate(boxes) for t2, b2 in boxes[i + 1:] if b1.overlaps(b2)]
