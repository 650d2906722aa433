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
    """Annotate each anchor (data coordinates) with its text, without overlaps.

    A label's size does not depend on where it goes, so it is measured once
    and each candidate box is computed, not drawn: only the chosen place gets
    an annotation (drawing every candidate made the timeline take seconds)."""
    figure = ax.figure
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    points = figure.dpi / 72
    taken: list[Bbox] = [Bbox.from_bounds(x - 3, y - 3, 6, 6)
                         for x, y in ax.transData.transform(list(obstacles))] if len(obstacles) else []
    placed, skipped = [], []
    for (x, y), text in zip(anchors, texts):
        px, py = ax.transData.transform((x, y))
        probe = ax.annotate(text, (x, y), xytext=(0, 0), textcoords="offset points", ha="left", va="bottom",
                            annotation_clip=False, **text_kwargs)
        measured = text_box(probe, renderer)
        probe.remove()
        width, height = measured.width, measured.height
        shift_x, shift_y = measured.x0 - px, measured.y0 - py  # any offset of the text within its box
        kept = None
        for dx, dy in offsets:
            ha = "left" if dx > 0 else "right" if dx < 0 else "center"
            va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
            ox, oy = px + dx * points, py + dy * points
            x0 = ox + shift_x - {"left": 0, "right": width, "center": width / 2}[ha]
            y0 = oy + shift_y - {"bottom": 0, "top": height, "center": height / 2}[va]
            box = Bbox.from_bounds(x0, y0, width, height).padded(pad)
            inside = (box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1)
            if inside and not any(box.overlaps(other) for other in taken):
                kept = ax.annotate(
                    text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                    arrowprops={"arrowstyle": "-", "lw": 0.6, "color": "0.35", "shrinkA": 0, "shrinkB": 2}
                    if leader else None,
                    annotation_clip=False, **text_kwargs)
                taken.append(box)
                break
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
