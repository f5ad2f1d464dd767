"""Routing relations around node boxes, in Python: through the gaps of a layered drawing, or past moved boxes.

Graphviz draws relations as polylines too, but its router costs more than the whole rest of
``dot`` on a few hundred relations (about 1 s of 1.4 s at 570 relations). The layers make the
problem simple, so it is solved here:

:func:`layered_routes`
    Nodes of one layer share a column (the flow coordinate of their rank). A relation crosses
    every column between its two ends through a *gap* between two boxes of that column, at the
    height nearest its straight line; relations sharing a gap are spread across it in the order
    they come in (so they do not cross there). The polyline enters and leaves each crossed column
    level (a bend on either side), so no segment cuts a box; then every bend that a straight
    shortcut can skip without touching a box is dropped. A relation within one column steps out
    into the channel beside it. Cost: O(relations x columns crossed x log nodes) plus the
    shortcut checks, a few tens of milliseconds for a thousand relations.
:func:`detour`
    One relation past arbitrary boxes (nodes moved by hand): straight when clear, else the
    shortest clear polyline through the corners of the boxes nearby (A* on their visibility
    graph); straight when there is none. Used only for relations touching a moved node, or
    whose kept route a moved node now stands on.

Boxes are (centre x, centre y, width, height) in pixels; routes are the bends between the two
centres (y down). Nothing here knows about graphs.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections.abc import Hashable, Mapping, Sequence

import numpy as np

__all__ = ["Box", "BoxIndex", "detour", "layered_routes"]

Position = tuple[float, float]
Box = tuple[float, float, float, float]
EdgeKey = tuple[Hashable, Hashable, Hashable]

#: Free pixels kept between a route and a box it passes.
MARGIN = 4.0
#: Pixels between relations sharing a gap.
SPREAD = 6.0


class BoxIndex:
    """Label boxes as arrays, for asking whether a segment touches any box but its ends'."""

    def __init__(self, boxes: Mapping[Hashable, Box], margin: float = MARGIN - 1.0) -> None:
        self.nodes = list(boxes)
        self.row = {node: i for i, node in enumerate(self.nodes)}
        xywh = np.array([boxes[node] for node in self.nodes], dtype=float).reshape(-1, 4)
        half_w, half_h = xywh[:, 2] / 2 + margin, xywh[:, 3] / 2 + margin
        self.left, self.right = xywh[:, 0] - half_w, xywh[:, 0] + half_w
        self.top, self.bottom = xywh[:, 1] - half_h, xywh[:, 1] + half_h

    def blocking(self, a: Position, b: Position, ends: Sequence[Hashable] = ()) -> np.ndarray:
        """Rows of the boxes the segment a-b enters (Liang-Barsky), the boxes of ``ends`` excepted."""
        x0, y0 = a
        dx, dy = b[0] - x0, b[1] - y0
        low = np.zeros(len(self.nodes))
        high = np.ones(len(self.nodes))
        inside = np.ones(len(self.nodes), dtype=bool)
        for p, q in ((-dx, x0 - self.left), (dx, self.right - x0), (-dy, y0 - self.top), (dy, self.bottom - y0)):
            if abs(p) < 1e-12:
                inside &= q >= 0
            else:
                t = q / p
                if p < 0:
                    low = np.maximum(low, t)
                else:
                    high = np.minimum(high, t)
        hit = inside & (low < high)
        for node in ends:
            row = self.row.get(node)
            if row is not None:
                hit[row] = False
        return np.flatnonzero(hit)

    def clear(self, a: Position, b: Position, ends: Sequence[Hashable] = ()) -> bool:
        return len(self.blocking(a, b, ends)) == 0


class _ColumnIndex:
    """The same question as :class:`BoxIndex` for boxes in columns, answered in pure Python by
    bisection: only the columns the segment spans, and in each only the boxes at its height."""

    def __init__(self, boxes: Mapping[Hashable, Box], columns: list[list[Hashable]], keys: list[float], *, top_down: bool, margin: float) -> None:
        self.flow, self.cross = (1, 0) if top_down else (0, 1)
        fs, cs = (3, 2) if top_down else (2, 3)
        self.keys = keys
        self.half = [max(boxes[n][fs] for n in column) / 2 + margin for column in columns]
        self.reach = max(self.half)
        self.members: list[list[tuple[float, float, float, float, Hashable]]] = []
        for column in columns:
            rows = sorted(
                (
                    boxes[n][self.cross] - boxes[n][cs] / 2 - margin,
                    boxes[n][self.cross] + boxes[n][cs] / 2 + margin,
                    boxes[n][self.flow] - boxes[n][fs] / 2 - margin,
                    boxes[n][self.flow] + boxes[n][fs] / 2 + margin,
                    n,
                )
                for n in column
            )
            self.members.append(rows)
        self.starts = [[row[0] for row in rows] for rows in self.members]

    def clear(self, a: Position, b: Position, ends: Sequence[Hashable] = ()) -> bool:
        fa, ca, fb, cb = a[self.flow], a[self.cross], b[self.flow], b[self.cross]
        low_f, high_f = min(fa, fb), max(fa, fb)
        first = bisect.bisect_left(self.keys, low_f - self.reach)
        last = bisect.bisect_right(self.keys, high_f + self.reach)
        for k in range(first, last):
            left, right = max(low_f, self.keys[k] - self.half[k]), min(high_f, self.keys[k] + self.half[k])
            if left > right:
                continue
            if abs(fb - fa) < 1e-9:
                c0, c1 = min(ca, cb), max(ca, cb)
            else:
                c0 = ca + (left - fa) / (fb - fa) * (cb - ca)
                c1 = ca + (right - fa) / (fb - fa) * (cb - ca)
                c0, c1 = min(c0, c1), max(c0, c1)
            rows = self.members[k]
            j = max(bisect.bisect_right(self.starts[k], c1) - 1, 0)
            while j >= 0 and rows[j][1] > c0:
                row = rows[j]
                if row[0] < c1 and row[4] not in ends and _enters((fa, ca), (fb, cb), row[2], row[3], row[0], row[1]):
                    return False
                j -= 1
        return True


def _enters(a: Position, b: Position, left: float, right: float, top: float, bottom: float) -> bool:
    """Whether segment a-b enters the open box (Liang-Barsky)."""
    low, high = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if abs(p) < 1e-12:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
    return low < high


def _shortcut(points: list[Position], index: BoxIndex | _ColumnIndex, ends: Sequence[Hashable]) -> tuple[Position, ...]:
    """Drop the bends a clear straight segment can skip: from each kept point, on to the farthest
    point reached by clear segments one after the other (linear in the number of bends)."""
    kept = [points[0]]
    i = 0
    while i < len(points) - 1:
        j = i + 1
        while j + 1 < len(points) and index.clear(points[i], points[j + 1], ends):
            j += 1
        kept.append(points[j])
        i = j
    return tuple((round(x, 2) + 0.0, round(y, 2) + 0.0) for x, y in kept[1:-1])


def layered_routes(
    boxes: Mapping[Hashable, Box], edges: Sequence[EdgeKey], *, top_down: bool = False, rank_gap: float = 48.0
) -> dict[EdgeKey, tuple[Position, ...]]:
    """Routes of ``edges`` between boxes standing in columns (rows when ``top_down``); see the module."""
    flow, cross = (1, 0) if top_down else (0, 1)

    def point(f: float, c: float) -> Position:
        return (c, f) if top_down else (f, c)

    # Columns: boxes sharing a flow coordinate (dot centres a rank on one line).
    columns: dict[float, list[Hashable]] = {}
    for node, box in boxes.items():
        columns.setdefault(round(box[flow], 1), []).append(node)
    keys = sorted(columns)
    column_of = {node: k for k, f in enumerate(keys) for node in columns[f]}
    size = (3, 2) if top_down else (2, 3)
    half_extent = [max(boxes[node][size[0]] for node in columns[f]) / 2 + MARGIN for f in keys]
    # Each column's occupied intervals across the flow, sorted; gaps lie between them.
    occupied = []
    for f in keys:
        spans = sorted((boxes[n][cross] - boxes[n][size[1]] / 2 - MARGIN, boxes[n][cross] + boxes[n][size[1]] / 2 + MARGIN) for n in columns[f])
        occupied.append(spans)
    starts = [[span[0] for span in spans] for spans in occupied]

    def gap(k: int, wanted: float) -> tuple[int, float, float]:
        """The gap of column k nearest ``wanted`` (its number and its free interval)."""
        spans, first = occupied[k], starts[k]
        j = bisect.bisect_right(first, wanted)  # gap j lies between span j-1 and span j
        candidates = []
        for g in (j, j - 1, j + 1):
            if 0 <= g <= len(spans):
                lo = spans[g - 1][1] if g > 0 else -math.inf
                hi = spans[g][0] if g < len(spans) else math.inf
                if hi - lo > 2 or math.isinf(hi - lo):
                    distance = 0.0 if lo <= wanted <= hi else min(abs(wanted - lo), abs(wanted - hi))
                    candidates.append((distance, g, lo, hi))
        _, g, lo, hi = min(candidates)
        return g, lo, hi

    # First pass: which gap each relation crosses each column in, and the height it wants there.
    passes: dict[tuple[int, int], list[tuple[float, int, int]]] = {}
    plans: list[list[tuple[int, float]]] = []
    for e, (u, v, _) in enumerate(edges):
        plan: list[tuple[int, float]] = []
        cu, cv = column_of[u], column_of[v]
        fu, fv = boxes[u][flow], boxes[v][flow]
        yu, yv = boxes[u][cross], boxes[v][cross]
        step = 1 if cv > cu else -1
        for k in range(cu + step, cv, step) if u != v and cu != cv else ():
            t = (keys[k] - fu) / (fv - fu)
            wanted = yu + t * (yv - yu)
            g, lo, hi = gap(k, wanted)
            passes.setdefault((k, g), []).append((wanted, e, len(plan)))
            plan.append((k, wanted))
        plans.append(plan)
    # Second pass: relations sharing a gap are spread across it in the order of the heights they want.
    heights: dict[tuple[int, int], float] = {}
    for (k, g), users in passes.items():
        users.sort()
        spans = occupied[k]
        lo = spans[g - 1][1] if g > 0 else -math.inf
        hi = spans[g][0] if g < len(spans) else math.inf
        room = hi - lo
        spacing = min(SPREAD, room / (len(users) + 1)) if not math.isinf(room) else SPREAD
        placed = [min(max(wanted, lo + spacing), hi - spacing) for wanted, _, _ in users]
        for i in range(1, len(placed)):
            placed[i] = max(placed[i], placed[i - 1] + spacing)
        placed[-1] = min(placed[-1], hi - spacing)
        for i in range(len(placed) - 2, -1, -1):
            placed[i] = min(placed[i], placed[i + 1] - spacing)
        for (_, e, slot), height in zip(users, placed):
            heights[(e, slot)] = height

    index = _ColumnIndex(boxes, [columns[f] for f in keys], keys, top_down=top_down, margin=MARGIN - 1.0)
    routes: dict[EdgeKey, tuple[Position, ...]] = {}
    for e, edge in enumerate(edges):
        u, v, _ = edge
        if u == v:
            routes[edge] = ()
            continue
        start, end = (boxes[u][0], boxes[u][1]), (boxes[v][0], boxes[v][1])
        if index.clear(start, end, (u, v)):
            routes[edge] = ()
            continue
        cu, cv = column_of[u], column_of[v]
        fu, fv, yu, yv = boxes[u][flow], boxes[v][flow], boxes[u][cross], boxes[v][cross]
        if cu == cv:  # within one column: out into the channel beside it, along, and back
            side = keys[cu] + half_extent[cu] + rank_gap / 3
            points = [start, point(side, yu), point(side, yv), end]
        else:
            step = 1 if cv > cu else -1
            points = [start, point(fu + step * half_extent[cu], yu)]
            for slot, (k, _) in enumerate(plans[e]):
                height = heights[(e, slot)]
                points += [point(keys[k] - step * half_extent[k], height), point(keys[k] + step * half_extent[k], height)]
            points += [point(fv - step * half_extent[cv], yv), end]
        routes[edge] = _shortcut(points, index, (u, v))
    return routes


def detour(index: BoxIndex, start: Position, end: Position, ends: Sequence[Hashable], *, reach: float = 240.0, pops: int = 400) -> tuple[Position, ...]:
    """Bends of a short clear polyline from ``start`` to ``end`` past the boxes of ``index`` (see the module).

    A* over the corners of the boxes near the straight line (within ``reach`` pixels of its
    bounding box), each corner pushed :data:`MARGIN` pixels out; an edge of the search is a
    clear straight segment. At most ``pops`` corners are expanded; if no clear polyline is
    found (a node dropped into a crowd), the relation is drawn straight.
    """
    if index.clear(start, end, ends):
        return ()
    low_x, high_x = min(start[0], end[0]) - reach, max(start[0], end[0]) + reach
    low_y, high_y = min(start[1], end[1]) - reach, max(start[1], end[1]) + reach
    near = np.flatnonzero((index.right >= low_x) & (index.left <= high_x) & (index.bottom >= low_y) & (index.top <= high_y))
    points: list[Position] = [start, end]
    for row in near:
        for x in (float(index.left[row]) - MARGIN, float(index.right[row]) + MARGIN):
            for y in (float(index.top[row]) - MARGIN, float(index.bottom[row]) + MARGIN):
                if index.clear((x, y), (x, y), ends):
                    points.append((x, y))
    best = {0: 0.0}
    previous: dict[int, int] = {}
    queue = [(math.dist(start, end), 0)]
    done: set[int] = set()
    while queue and len(done) < pops:
        _, here = heapq.heappop(queue)
        if here in done:
            continue
        if here == 1:
            bends = []
            while here in previous:
                here = previous[here]
                bends.append(points[here])
            return tuple((round(x, 2) + 0.0, round(y, 2) + 0.0) for x, y in reversed(bends[:-1]))
        done.add(here)
        for there in range(1, len(points)):
            if there in done:
                continue
            cost = best[here] + math.dist(points[here], points[there])
            if cost < best.get(there, math.inf) and index.clear(points[here], points[there], ends):
                best[there] = cost
                previous[there] = here
                heapq.heappush(queue, (cost + math.dist(points[there], end), there))
    return ()
