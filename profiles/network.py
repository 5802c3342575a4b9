"""The ties between groups as a drawing: which ties, where each group sits, and the
geometry of every node, arrow and label, as plain numbers for a template
(profiles/_network.html) to draw as SVG. No database here: profiles/selectors/network.py
reads the ties.

A tie is stored from the side of the text that states it ("A has splinter B" in A's text,
"B splinter of A" in B's); both say the same thing, so each tie is first turned to one
reading (TIE_STYLES' relations) and drawn once, as an arrow that reads "A <label> B".

The layout is networkx's spring layout (Fruchterman-Reingold, numpy only below 500 nodes),
seeded so that the same ties always give the same picture; a profile's own group is pinned
in the middle, with its direct ties on a ring around it to start from.
"""

import math
import textwrap
from dataclasses import dataclass, field
from typing import NamedTuple

import networkx as nx
import numpy as np

from profiles.models import INVERSE_RELATION, Relation

# How each kind of tie is drawn: colour and dash pattern together, never colour alone,
# and an arrowhead when the tie has a direction. Colours from the Okabe-Ito palette,
# darkened to read on the page's paper.
TIE_STYLES = {
    Relation.SPLINTER_OF: ("splinter of", "#0b5c8f", "", True),
    Relation.MERGED_INTO: ("merged into", "#8a3f72", "10 3 2 3", True),
    Relation.PART_OF: ("part of", "#1d1d1b", "", True),
    Relation.SUCCESSOR_OF: ("successor of", "#8a5a00", "7 4", True),
    Relation.SPONSORED_BY: ("sponsored by", "#007a5a", "2 3", True),
    Relation.ALLY_OF: ("ally of", "#007a5a", "", False),
    Relation.RIVAL_OF: ("rival of", "#b34700", "8 3", False),
    Relation.MENTIONED_WITH: ("mentioned with", "#77756e", "1 4", False),
}

# A group's own node, a group with a profile, a name the texts give with no profile yet.
FOCUS, GROUP, UNARCHIVED = "focus", "group", "unarchived"

# Seed of the spring layout: the same ties give the same picture on every request.
LAYOUT_SEED = 11
LABEL_WIDTH = 18  # characters per line of a node's label; two lines at most
# A label's size in SVG units at the drawing's font size (13): a line's height, and the
# mean width of a character of the serif face, to keep labels from covering each other.
LINE_HEIGHT = 13
CHAR_WIDTH = 6.2
NODE_RADIUS = {FOCUS: 11, GROUP: 7, UNARCHIVED: 6}
# The tallest drawing: the archive's, which a reader scrolls past to the list.
MAX_HEIGHT = 1400
# Room around the layout for the labels: half a label's width at the sides, two lines
# below, or above a node at the top.
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 75, 32, 40
# Between two ties of the same pair of groups, their curves part by this much.
PARALLEL_GAP = 22


def reading_of(relation):
    """(relation, flipped): the one reading a tie is drawn in, and whether it runs from
    the other end ("A has splinter B" is drawn as "B splinter of A")."""
    relation = str(relation)
    if relation in TIE_STYLES:
        return relation, False
    inverse = INVERSE_RELATION.get(relation)
    if inverse is not None and str(inverse) in TIE_STYLES:
        return str(inverse), True
    return str(Relation.MENTIONED_WITH), False


@dataclass(frozen=True)
class Node:
    """key: ("group", pk) or ("name", the name's key); url: its profile, "" for none."""

    key: tuple
    name: str
    url: str = ""
    role: str = GROUP


class Tie(NamedTuple):
    """A tie in its drawn reading: `source` <relation> `target` (node keys). A named
    tuple: /network/ makes one for each of the archive's ties."""

    source: tuple
    relation: str
    target: tuple


# Each stored relation: (its drawn reading, whether it is flipped, whether it is directed).
READINGS = {
    str(relation): (*reading_of(relation), TIE_STYLES[reading_of(relation)[0]][3])
    for relation in Relation
}


def tie(source, relation, target):
    """The Tie for a stored relationship, turned to its drawn reading; a tie without a
    direction (allies, rivals) always runs from the smaller key, so that it is one tie
    whichever text states it."""
    reading = READINGS.get(relation)
    if reading is None:
        reading = (*reading_of(relation), False)
    relation, flipped, directed = reading
    if flipped or (not directed and target < source):
        source, target = target, source
    return Tie(source, relation, target)


@dataclass(frozen=True)
class LegendEntry:
    relation: str
    label: str
    colour: str
    dash: str
    directed: bool


@dataclass(frozen=True)
class DrawnNode:
    x: float
    y: float
    radius: int
    role: str
    url: str
    name: str
    lines: list  # the label, wrapped: [(text, y)]


@dataclass(frozen=True)
class DrawnTie:
    path: str  # SVG path data
    relation: str
    colour: str
    dash: str
    directed: bool
    title: str  # "A splinter of B", read by assistive technology and shown on hover


@dataclass(frozen=True)
class TextTie:
    """One line of the list beside the drawing: source, phrase, target."""

    source: Node
    label: str
    target: Node


@dataclass
class Drawing:
    width: int
    height: int
    nodes: list = field(default_factory=list)  # [DrawnNode]
    ties: list = field(default_factory=list)  # [DrawnTie]
    legend: list = field(default_factory=list)  # [LegendEntry] of the kinds drawn
    text: list = field(default_factory=list)  # [TextTie], in reading order
    shown: int = 0  # groups and names drawn
    total: int = 0  # how many there were to draw before the bound

    @property
    def truncated(self):
        return self.shown < self.total

    @property
    def has_arrows(self):
        return any(entry.directed for entry in self.legend)

    @property
    def has_focus(self):
        return any(node.role == FOCUS for node in self.nodes)

    @property
    def has_unarchived(self):
        return any(node.role == UNARCHIVED for node in self.nodes)


def draw(nodes, ties, *, focus=None, widest=960, total=None):
    """The Drawing of these nodes ({key: Node}) and ties ([Tie], both ends in `nodes`).

    `focus`: the key of a profile's own group, pinned in the middle. `widest`: the
    drawing's largest width, in SVG units. `total`: how many nodes there were before the
    caller bounded them (for the note under the drawing).
    """
    ties = sorted(set(ties), key=lambda t: (t.source, t.relation, t.target))
    positions = layout(list(nodes), ties, focus)
    width, height = canvas_for(positions, widest)
    placed = place(positions, width, height)
    drawing = Drawing(width=width, height=height, shown=len(nodes))
    drawing.total = len(nodes) if total is None else total
    labels = place_labels(nodes, placed)
    for key in sorted(nodes, key=lambda key: (nodes[key].name.casefold(), key)):
        node = nodes[key]
        x, y = placed[key]
        drawing.nodes.append(
            DrawnNode(
                x=x,
                y=y,
                radius=NODE_RADIUS[node.role],
                role=node.role,
                url=node.url,
                name=node.name,
                lines=labels[key],
            )
        )
    drawing.ties = drawn_ties(ties, nodes, placed)
    used = {t.relation for t in ties}
    drawing.legend = [
        LegendEntry(str(relation), label, colour, dash, directed)
        for relation, (label, colour, dash, directed) in TIE_STYLES.items()
        if str(relation) in used
    ]
    order = {str(relation): index for index, relation in enumerate(TIE_STYLES)}
    drawing.text = [
        TextTie(nodes[t.source], TIE_STYLES[t.relation][0], nodes[t.target])
        for t in sorted(
            ties,
            key=lambda t: (
                nodes[t.source].name.casefold(),
                order[t.relation],
                nodes[t.target].name.casefold(),
            ),
        )
    ]
    return drawing


def place_labels(nodes, placed):
    """{key: [(line, baseline y)]}: each node's name, wrapped on two lines at most, below
    its node, or above it when that overlaps a label placed before (nodes from the top
    down), whichever overlaps least."""
    taken = []  # (left, top, right, bottom) of the labels placed so far
    labels = {}
    for key in sorted(placed, key=lambda key: (placed[key][1], placed[key][0], key)):
        x, y = placed[key]
        radius = NODE_RADIUS[nodes[key].role]
        lines = textwrap.wrap(nodes[key].name, LABEL_WIDTH, max_lines=2, placeholder="…") or [""]
        half = max(len(line) for line in lines) * CHAR_WIDTH / 2
        height = LINE_HEIGHT * len(lines)
        below = y + radius + 2
        above = max(y - radius - 2 - height, 0)
        options = [
            (overlap((x - half, top, x + half, top + height), taken), index, top)
            for index, top in enumerate((below, above))
        ]
        _, _, top = min(options)
        taken.append((x - half, top, x + half, top + height))
        labels[key] = [
            (line, round(top + LINE_HEIGHT * (index + 1) - 2, 1))
            for index, line in enumerate(lines)
        ]
    return labels


def overlap(box, boxes):
    """The area `box` shares with the others."""
    left, top, right, bottom = box
    return sum(
        max(0.0, min(right, other[2]) - max(left, other[0]))
        * max(0.0, min(bottom, other[3]) - max(top, other[1]))
        for other in boxes
    )


def layout(keys, ties, focus):
    """{key: (x, y)} for every key, in units where neighbouring nodes are about one apart.

    A profile's drawing is one piece around its group. The archive's falls apart into
    many: each piece is laid out on its own, turned wide, and the pieces are packed in
    rows, largest first, so that no piece is squeezed to make room for the gaps between
    them.
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(keys))
    graph.add_edges_from(sorted({(t.source, t.target) for t in ties}))
    if len(graph) == 0:
        return {}
    if focus is not None:
        return level(spread(around(graph, focus), len(graph)))
    pieces = sorted(
        (sorted(component) for component in nx.connected_components(graph)),
        key=lambda piece: (-len(piece), piece[0]),
    )
    return pack([level(spread(spring(graph.subgraph(piece)), len(piece))) for piece in pieces])


def spring(graph):
    """networkx's spring layout of one connected piece, in about [-1, 1]."""
    if len(graph) == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    # Further apart than networkx's default (1/sqrt(n)): labels need the room.
    spacing = 1.5 / math.sqrt(len(graph))
    return nx.spring_layout(graph, k=spacing, seed=LAYOUT_SEED, iterations=100)


def around(graph, focus):
    """A profile's piece: its group pinned in the middle, its direct ties on a ring to
    start from, the groups two steps away on a ring outside it."""
    if len(graph) == 1:
        return {focus: (0.0, 0.0)}
    near = sorted(graph.neighbors(focus))
    far = sorted(key for key in graph if key != focus and key not in near)
    shells = [[focus], near] + ([far] if far else [])
    start = nx.shell_layout(graph, nlist=shells)
    # Further apart than networkx's default (1/sqrt(n)) so that labels fit.
    spacing = 1.6 / math.sqrt(len(graph))
    # Starting from the rings, networkx's default 50 steps settle a profile's few nodes.
    return nx.spring_layout(graph, k=spacing, pos=start, fixed=[focus], seed=LAYOUT_SEED)


def spread(positions, count):
    """The positions centred, sized so that a piece of n nodes spans about n^0.65 units:
    a large piece, whose nodes have more ties, gets a little more room per node."""
    points = np.array(list(positions.values()), dtype=float)
    points -= points.mean(axis=0)
    reach = np.abs(points).max()
    if reach > 0:
        points *= 0.5 * count**0.65 / reach
    return {key: (float(x), float(y)) for key, (x, y) in zip(positions, points, strict=True)}


def pack(pieces):
    """The pieces ({key: (x, y)} each) side by side in rows of about a square's width."""
    gap = 1.0
    boxes = []
    for piece in pieces:
        xs = [x for x, _ in piece.values()]
        ys = [y for _, y in piece.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + gap, max(ys) - min(ys) + gap))
    area = sum(width * height for _, _, width, height in boxes)
    row_width = max(max(width for _, _, width, _ in boxes), 1.5 * math.sqrt(area))
    placed, x, y, row_height = {}, 0.0, 0.0, 0.0
    for piece, (left, top, width, height) in zip(pieces, boxes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for key, (px, py) in piece.items():
            placed[key] = (px - left + x, py - top + y)
        x += width
        row_height = max(row_height, height)
    return placed


def level(positions):
    """The layout turned so that its widest spread runs across the page (a drawing is
    wider than tall), by its principal axis."""
    if len(positions) < 2:
        return positions
    keys = list(positions)
    points = np.array([positions[key] for key in keys], dtype=float)
    points -= points.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov(points.T))
    # eigh sorts by increasing variance: the last axis is the widest.
    turned = points @ vectors[:, ::-1]
    return {key: (float(x), float(y)) for key, (x, y) in zip(keys, turned, strict=True)}


def canvas_for(positions, widest):
    """(width, height) of a drawing of these positions, at most `widest` wide: a few
    nodes get a small drawing, whose labels a phone shows larger; the height follows the
    layout's proportions."""
    count = len(positions)
    width = min(widest, round(260 + 110 * math.sqrt(count)))
    xs = [x for x, _ in positions.values()] or [0]
    ys = [y for _, y in positions.values()] or [0]
    spread_x, spread_y = max(xs) - min(xs), max(ys) - min(ys)
    ratio = spread_y / spread_x if spread_x else 1
    usable_x = width - 2 * MARGIN_X
    height = round(usable_x * ratio) + MARGIN_TOP + MARGIN_BOTTOM
    return width, max(round(width * 0.4), min(height, MAX_HEIGHT))


def place(positions, width, height):
    """The layout scaled into the drawing, keeping its proportions, with room for labels
    at the edges."""
    if not positions:
        return {}
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    usable_x = width - 2 * MARGIN_X
    usable_y = height - MARGIN_TOP - MARGIN_BOTTOM
    spread_x = max(xs) - min(xs)
    spread_y = max(ys) - min(ys)
    scale = min(
        usable_x / spread_x if spread_x else math.inf,
        usable_y / spread_y if spread_y else math.inf,
    )
    if scale == math.inf:  # a single node
        scale = 0
    # Centred in the room left over in the other direction.
    offset_x = MARGIN_X + (usable_x - spread_x * scale) / 2
    offset_y = MARGIN_TOP + (usable_y - spread_y * scale) / 2
    return {
        key: (
            round(offset_x + (x - min(xs)) * scale, 1),
            round(offset_y + (y - min(ys)) * scale, 1),
        )
        for key, (x, y) in positions.items()
    }


def drawn_ties(ties, nodes, placed):
    """Each tie as a path: straight for the only tie of a pair of nodes, curved apart
    when a pair has several, ending at the target's edge so the arrowhead shows."""
    by_pair = {}
    for t in ties:
        by_pair.setdefault(frozenset((t.source, t.target)), []).append(t)
    drawn = []
    for pair_ties in by_pair.values():
        count = len(pair_ties)
        for index, t in enumerate(pair_ties):
            label, colour, dash, directed = TIE_STYLES[t.relation]
            (x1, y1), (x2, y2) = placed[t.source], placed[t.target]
            # Offsets are measured on the pair's own direction, so two ties of a pair
            # drawn in opposite directions still part.
            first, second = sorted((t.source, t.target))
            sign = 1 if (t.source, t.target) == (first, second) else -1
            offset = (index - (count - 1) / 2) * PARALLEL_GAP * sign
            drawn.append(
                DrawnTie(
                    path=tie_path(
                        x1,
                        y1,
                        x2,
                        y2,
                        offset,
                        NODE_RADIUS[nodes[t.source].role],
                        NODE_RADIUS[nodes[t.target].role] + (2 if directed else 0),
                    ),
                    relation=t.relation,
                    colour=colour,
                    dash=dash,
                    directed=directed,
                    title=f"{nodes[t.source].name} {label} {nodes[t.target].name}",
                )
            )
    return drawn


def tie_path(x1, y1, x2, y2, offset, start_gap, end_gap):
    """A quadratic curve from (x1, y1) to (x2, y2), bowed `offset` to the side (0 is a
    straight line), cut `start_gap` and `end_gap` short of its ends."""
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    # The control point: the middle, moved along the perpendicular.
    cx = (x1 + x2) / 2 - dy / length * offset * 2
    cy = (y1 + y2) / 2 + dx / length * offset * 2

    def toward(x, y, tx, ty, gap):
        distance = math.hypot(tx - x, ty - y) or 1.0
        return x + (tx - x) / distance * gap, y + (ty - y) / distance * gap

    sx, sy = toward(x1, y1, cx, cy, start_gap)
    ex, ey = toward(x2, y2, cx, cy, end_gap)
    return f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"
