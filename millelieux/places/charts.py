"""Geometry of a monograph's two figures: the timeline (frise chronologique) and the stakeholder map.

    from millelieux.places.charts import stakeholder_figure, timeline_figure

    figure = timeline_figure(page.chronology(), place=page.title)    # None without steps
    figure.horizontal, figure.vertical                                 # two TimelineChart
    actors = stakeholder_figure(stakeholders, place=page.title)       # None without stakeholders
    actors.groups, actors.wide, actors.narrow                          # the numbered list, two StakeholderChart

Plain functions without database or template: they read TimelineEvent and Stakeholder rows (or any object
with the same attributes) and return positions in SVG user units, the units of the figure's viewBox. The
templates in places/templates/places/includes/ and places/drawing.py draw them, escaping every text.

Text cannot be measured on the server, so widths are estimated from the advance widths of DejaVu Sans, the
widest of the common sans-serif system fonts: a label laid out here fits in whatever font the reader has.
"""

import functools
import math
from dataclasses import dataclass, field

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import drawing
from .models import Stakeholder, TimelineEvent

# ---- Text measurement --------------------------------------------------------------------------------

# Advance widths in em, by class of character (DejaVu Sans, rounded up).
_WIDTHS = {}
for _chars, _width in (
    ("ijlîïìíIJ.,;:'’|!·", 0.3),
    (" ", 0.32),
    ('frt()-/[]"«»', 0.42),
    ("szcç?–", 0.55),
    ("0123456789€$", 0.64),
    ("L", 0.57),
    ("CDGHNOQUw&", 0.8),
    ("m%œ@—…MW", 1.0),
):
    for _char in _chars:
        _WIDTHS[_char] = _width
del _chars, _width, _char

ELLIPSIS = "…"


def _char_width(char):
    if char in _WIDTHS:
        return _WIDTHS[char]
    if char.isupper():
        return 0.72
    if ord(char) < 0x2E80:
        return 0.63
    return 1.0  # CJK and other wide scripts


@functools.lru_cache(maxsize=4096)
def text_width(text, size, bold=False):
    """The estimated width of `text` set at `size` user units (generous: real fonts are narrower)."""
    return sum(_char_width(char) for char in text) * size * (1.1 if bold else 1.0)


def _fit(text, width, size, bold=False):
    """`text` cut at a word (or a character) so that it and an ellipsis fit in `width`."""
    while text and text_width(text + ELLIPSIS, size, bold) > width:
        cut = text.rstrip().rfind(" ")
        text = text[:cut].rstrip(" ,;:–-") if cut > 0 else text[:-1]
    return text + ELLIPSIS


def wrap(text, width, size, max_lines=2, bold=False):
    """The lines of `text` set in a box `width` wide; the last line ends with an ellipsis if cut short."""
    words = " ".join(str(text).split()).split(" ")
    lines, current = [], ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while text_width(current, size, bold) > width:  # a word longer than the line (an address, a URL)
            cut = len(current) - 1
            while cut > 1 and text_width(current[:cut], size, bold) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [_fit(" ".join(lines[max_lines - 1 :]), width, size, bold)]
    return lines or [""]


def _r(value):
    """A coordinate rounded to a tenth, written without a useless ".0" (the SVG is smaller)."""
    value = round(value, 1)
    return int(value) if value == int(value) else value


def _points(*points):
    return " ".join(f"{_r(x)},{_r(y)}" for x, y in points)


# ---- Kinds: a shape for each kind of timeline step (colour repeats it, never alone) ----------------------


def _polygon(points):
    return "M" + " ".join(f"{_r(x)} {_r(y)}" for x, y in points) + "Z"


def _regular(sides, radius, rotation=-90, inner=None):
    points = []
    count = sides * (2 if inner else 1)
    for i in range(count):
        angle = math.radians(rotation + 360 * i / count)
        r = inner if inner and i % 2 else radius
        points.append((r * math.cos(angle), r * math.sin(angle)))
    return _polygon(points)


def _shapes(size):
    """Path data of each kind's marker, centred on 0,0 and about `size` units across."""
    h = size / 2
    r = _r(h * 0.9)
    circle = f"M{-r} 0a{r} {r} 0 1 0 {_r(2 * r)} 0a{r} {r} 0 1 0 {_r(-2 * r)} 0Z"
    t = h * 0.36  # half the thickness of the plus
    return {
        "origin": circle,
        "opening": _regular(5, h * 1.2, inner=h * 0.55),
        "building": _polygon(
            [(-h * 0.8, -h * 0.8), (h * 0.8, -h * 0.8), (h * 0.8, h * 0.8), (-h * 0.8, h * 0.8)]
        ),
        "funding": _regular(4, h * 1.05),
        "governance": _polygon([(0, -h * 1.05), (h * 1.05, h * 0.8), (-h * 1.05, h * 0.8)]),
        "activity": _regular(6, h * 0.98, rotation=0),
        "event": _polygon([(0, h * 1.05), (h * 1.05, -h * 0.8), (-h * 1.05, -h * 0.8)]),
        "other": _polygon(
            [
                (-t, -h),
                (t, -h),
                (t, -t),
                (h, -t),
                (h, t),
                (t, t),
                (t, h),
                (-t, h),
                (-t, t),
                (-h, t),
                (-h, -t),
                (-t, -t),
            ]
        ),
    }


MARKER_SIZE = 12
SHAPES = _shapes(MARKER_SIZE)
SMALL_SHAPES = _shapes(10)
TIMELINE_KINDS = dict(TimelineEvent.KIND_CHOICES)


def _timeline_kind(kind):
    return kind if kind in SHAPES else "other"


# ---- Time axis -----------------------------------------------------------------------------------------

BREAK_MIN_YEARS = 20  # a shorter stretch without steps is always drawn to scale
CROWDED = 0.035  # steps are crowded when most are closer than this share of the axis to another one


@dataclass
class Step:
    """One TimelineEvent as the figure sees it."""

    number: int  # its rank in the chronology, as in the list of steps
    start: float  # in years: 2014.0 is the 1st of January 2014, March 2014 is 2014 + 2/12
    end: float | None  # the end of a period (its end year), None for a moment
    title: str
    date: str
    kind: str
    kind_label: str

    @property
    def is_period(self):
        return self.end is not None

    @property
    def last(self):
        return self.end if self.end is not None else self.start


def steps_of(events):
    """The Steps of TimelineEvent rows, numbered in the order given (the order of the list on the page)."""
    steps = []
    for number, event in enumerate(events, start=1):
        month = event.start_month if event.start_month and 1 <= event.start_month <= 12 else None
        start = event.start_year + ((month - 1) / 12 if month else 0)
        is_period = bool(event.end_year and event.end_year > event.start_year)
        date = f"{MONTHS[month]} {event.start_year}" if month else str(event.start_year)
        if is_period:
            date = f"{date}–{event.end_year}"
        kind = _timeline_kind(event.kind)
        steps.append(
            Step(
                number=number,
                start=start,
                end=float(event.end_year) if is_period else None,
                title=event.title,
                date=date,
                kind=kind,
                kind_label=str(TIMELINE_KINDS.get(event.kind, TIMELINE_KINDS["other"])),
            )
        )
    return steps


@dataclass
class Gap:
    """A stretch of time without any step, drawn as an axis break."""

    after: float  # the last moment before it
    before: float  # the first moment after it

    @property
    def years(self):
        return round(self.before - self.after)

    @property
    def from_year(self):
        return math.floor(self.after)

    @property
    def to_year(self):
        return math.floor(self.before)


def _gaps(steps):
    """The stretches of time that no step covers, in order."""
    intervals = sorted((step.start, step.last) for step in steps)
    gaps, reach = [], intervals[0][1]
    for start, end in intervals[1:]:
        if start > reach:
            gaps.append(Gap(reach, start))
        reach = max(reach, end)
    return gaps


def axis_breaks(steps, break_share=0.08):
    """The gaps to draw as breaks: only when a long empty stretch would crowd the steps together.

    The axis is proportional. A gap becomes a break only while the steps are crowded at that scale (the
    median distance from a moment to its nearest neighbour is under CROWDED, a share of the axis), if it is at
    least BREAK_MIN_YEARS long and at least half of what remains of the span: 1888 then twelve steps from
    2013 to 2018 breaks; 1960, 1985, 2015 stays to scale, and so does 1888, 2013, 2018.
    """
    first = min(step.start for step in steps)
    last = max(step.last for step in steps)
    moments = sorted({round(step.start, 2) for step in steps})
    breaks, kept = [], last - first

    def crowded():
        """Whether the median distance from a moment to its nearest neighbour is under CROWDED."""
        nearest = []
        for index, moment in enumerate(moments):
            neighbours = [
                abs(other - moment)
                for other in moments[max(0, index - 1) : index + 2]
                if other != moment
                and not any(
                    min(moment, other) <= g.after + 0.01 and max(moment, other) >= g.before - 0.01
                    for g in breaks
                )
            ]
            if neighbours:
                nearest.append(min(neighbours))
        if not nearest:
            return False
        nearest.sort()
        median = (nearest[(len(nearest) - 1) // 2] + nearest[len(nearest) // 2]) / 2
        return median * (1 - break_share * len(breaks)) / max(kept, 1) < CROWDED

    for gap in sorted(_gaps(steps), key=lambda gap: gap.before - gap.after, reverse=True):
        length = gap.before - gap.after
        if not crowded() or length < BREAK_MIN_YEARS or length < kept / 2:
            break
        breaks.append(gap)
        kept -= length
    return sorted(breaks, key=lambda gap: gap.after)


class TimeScale:
    """Years to positions along an axis `length` units long: one scale for every segment, each break drawn
    `break_length` units long."""

    def __init__(self, steps, length, break_length):
        first = min(step.start for step in steps)
        last = max(step.last for step in steps)
        self.gaps = axis_breaks(steps, break_share=break_length / length)
        kept = (last - first) - sum(gap.before - gap.after for gap in self.gaps)
        pad = max(0.5, 0.03 * kept)
        # The axis starts on the first of January of the first step's year, so that year has its tick.
        bounds = [min(first - pad, math.floor(first))]
        for gap in self.gaps:
            bounds += [gap.after + pad, gap.before - pad]
        bounds.append(last + pad)
        self.segments = list(zip(bounds[::2], bounds[1::2], strict=True))
        years = sum(end - start for start, end in self.segments)
        self.length = length
        self.break_length = break_length
        self.per_year = (length - break_length * len(self.gaps)) / years
        self.offsets = []
        offset = 0.0
        for start, end in self.segments:
            self.offsets.append(offset)
            offset += (end - start) * self.per_year + break_length

    def __call__(self, year):
        for (start, end), offset in zip(self.segments, self.offsets, strict=True):
            if year <= end:
                return offset + (max(year, start) - start) * self.per_year
        start, end = self.segments[-1]
        return self.offsets[-1] + (end - start) * self.per_year

    def segment_spans(self):
        """(from, to) positions of each segment drawn as a solid axis."""
        return [
            (offset, offset + (end - start) * self.per_year)
            for (start, end), offset in zip(self.segments, self.offsets, strict=True)
        ]

    def break_spans(self):
        """(from, to, gap) positions of each break."""
        spans = self.segment_spans()
        return [(spans[i][1], spans[i + 1][0], gap) for i, gap in enumerate(self.gaps)]

    def ticks(self, min_spacing, steps):
        """Labelled years (at least one in each segment) and yearly minor ticks when there is room."""
        step = next(
            (s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500) if s * self.per_year >= min_spacing),
            1000,
        )
        major, minor = [], []
        for start, end in self.segments:
            years = [y for y in range(math.ceil(start), math.floor(end) + 1) if y % step == 0]
            if not years:  # a short segment between breaks: name the year of its first step
                inside = [s.start for s in steps if start <= s.start <= end]
                years = [math.floor(min(inside))] if inside else []
            major += years
            if step > 1 and self.per_year >= 5:
                minor += [y for y in range(math.ceil(start), math.floor(end) + 1) if y not in years]
            elif step == 1 and self.per_year >= 150:  # a short span: months
                minor += [
                    m / 12
                    for m in range(math.ceil(start * 12), math.floor(end * 12) + 1)
                    if m % 12 and m / 12 <= end
                ]
        return major, minor


# ---- Timeline charts -----------------------------------------------------------------------------------


@dataclass
class Tick:
    x: float
    y: float
    label: str = ""
    label_x: float = 0
    label_y: float = 0


@dataclass
class AxisBreak:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str
    label_x: float
    label_y: float
    marks: str  # path data of the two slanted strokes


@dataclass
class TimelineMark:
    """A step drawn: a marker (and a bar for a period), a leader line and its label."""

    step: Step
    x: float  # the marker
    y: float
    bar: tuple | None  # x1, y1, x2, y2 of a period's bar
    leader: str  # polyline points
    anchor: str  # text-anchor of the label
    text_x: float
    date_y: float
    lines: list  # of (text, y)
    box: tuple = ()  # x1, y1, x2, y2 the label occupies
    lane: int = 0
    side: str = "right"  # of the axis: "above" or "below" (horizontal), "right" (vertical)

    @property
    def shape(self):
        return SHAPES[self.step.kind] if self.bar is None else SMALL_SHAPES[self.step.kind]

    @property
    def kind(self):
        return self.step.kind


@dataclass
class TimelineChart:
    orientation: str
    width: float
    height: float
    axis: list  # (x1, y1, x2, y2) solid segments
    breaks: list
    ticks: list
    minor_ticks: list
    marks: list
    scale: TimeScale = field(repr=False)
    title_size: float = 13.5  # font sizes, in viewBox units like everything else
    date_size: float = 12
    tick_size: float = 12
    break_size: float = 11

    @property
    def tick_anchor(self):
        return "middle" if self.orientation == "horizontal" else "end"

    @property
    def drawing(self):
        """The SVG markup of the chart (inside its <svg>, without <title> and <desc>)."""
        return drawing.timeline(self)

    @property
    def tick_path(self):
        return self._ticks_path(self.ticks, 6)

    @property
    def minor_path(self):
        return self._ticks_path(self.minor_ticks, 3)

    def _ticks_path(self, ticks, size):
        if self.orientation == "horizontal":
            return "".join(f"M{t.x} {t.y}v{size}" for t in ticks)
        return "".join(f"M{t.x} {t.y}h-{size}" for t in ticks)

    @property
    def periods(self):
        return [mark for mark in self.marks if mark.bar is not None]

    @property
    def points(self):
        return [mark for mark in self.marks if mark.bar is None]


def _spread(positions, width):
    """Offsets that set markers at the same position side by side, `width` apart."""
    offsets, seen = {}, {}
    for index, position in positions:
        seen.setdefault(round(position, 1), []).append(index)
    for indexes in seen.values():
        for rank, index in enumerate(indexes):
            offsets[index] = (rank - (len(indexes) - 1) / 2) * width
    return offsets


def _bar_lanes(spans, gap):
    """A lane for each (start, end) span so that spans in one lane do not touch."""
    ends, lanes = [], []
    for start, end in spans:
        lane = next((i for i, last in enumerate(ends) if last + gap <= start), len(ends))
        if lane == len(ends):
            ends.append(end)
        else:
            ends[lane] = end
        lanes.append(lane)
    return lanes


def _break_label(gap):
    return ngettext("%(count)s an", "%(count)s ans", gap.years) % {"count": gap.years}


# Horizontal: for wide screens. Labels hang on "flagpoles" rising from their marker, stacked in lanes.
H_WIDTH = 1000
H_MARGIN = 20
H_DATE_SIZE = 12
H_TITLE_SIZE = 13.5
H_LINE = 16
H_TITLE_WIDTH = 180
H_LANE = 54
H_BAR_LANE = 11


@dataclass
class Label:
    """A label of the horizontal timeline while it is being placed."""

    step: Step
    pole: float  # x of the line that joins it to its marker
    width: float
    lines: list
    side: str = "above"  # of the axis
    anchor: str = "start"  # "start": the text runs right of its pole; "end": left of it
    lane: int = 0  # 0 is nearest the axis

    @property
    def box(self):
        return (
            (self.pole, self.pole + self.width)
            if self.anchor == "start"
            else (self.pole - self.width, self.pole)
        )


def _stack(boxes, spacing):
    """Lanes for labels on one side of the axis, and how many poles had to cross a label.

    `boxes`: (pole, x1, x2) of each label, sorted by pole. A label whose box spans another label's pole
    must sit above it, or the pole would cross it: each label goes to the lowest lane above the labels it
    must clear, then higher while it overlaps a label already in that lane. Two labels spanning each
    other's pole (a circle) cannot both be satisfied: the one further left is freed, and counted.
    """
    count = len(boxes)
    below = [
        [j for j in range(count) if j != i and boxes[i][1] - 3 <= boxes[j][0] <= boxes[i][2] + 3]
        for i in range(count)
    ]
    lanes = [None] * count
    crossings = 0
    waiting = list(range(count))
    while waiting:
        ready = next((i for i in waiting if all(lanes[j] is not None for j in below[i])), None)
        if ready is None:  # a circle of constraints
            ready = waiting[0]
            crossings += sum(1 for j in below[ready] if lanes[j] is None)
        lane = max((lanes[j] + 1 for j in below[ready] if lanes[j] is not None), default=0)
        x1, x2 = boxes[ready][1], boxes[ready][2]
        taken = {
            lanes[j]
            for j in range(count)
            if lanes[j] is not None and boxes[j][1] < x2 + spacing and x1 < boxes[j][2] + spacing
        }
        while lane in taken:
            lane += 1
        lanes[ready] = lane
        waiting.remove(ready)
    return lanes, crossings


def place_labels(labels, width, spacing=8):
    """Give each label a side of the axis, a side of its pole and a lane, in as few lanes as it can.

    Labels start all above the axis, or alternating above and below it, their text right of the pole (left
    of it near the right edge); then each label in turn tries the other side and the other direction, and
    keeps whichever lowers the count of poles crossing a label, then of lanes. A sparse timeline reads as
    one row of flags; a crowded one spreads on both sides in short stairs.
    """
    order = sorted(range(len(labels)), key=lambda i: (labels[i].pole, labels[i].step.number))
    boxes = {}
    for i, label in enumerate(labels):
        for anchor in ("start", "end"):
            label.anchor = anchor
            x1, x2 = label.box
            if x1 >= 2 and x2 <= width - 2:
                boxes[i, anchor] = (label.pole, x1, x2)
    stacks = {}

    def stack(members):  # members: ((index, anchor), …) in the order of poles; memoised
        if members not in stacks:
            stacks[members] = _stack([boxes[member] for member in members], spacing)
        return stacks[members]

    def layout(choice):
        sides = {}
        for i in order:
            sides.setdefault(choice[i][0], []).append((i, choice[i][1]))
        crossings = lanes = highest = 0
        for members in sides.values():
            found, crossed = stack(tuple(members))
            count = max(found) + 1
            crossings, lanes, highest = crossings + crossed, lanes + count, max(highest, count)
        return (crossings, lanes, highest), sides

    best = None
    for strategy in ("above", "alternate"):
        choice = {}
        for rank, i in enumerate(order):
            side = "above" if strategy == "above" else ("above", "below")[rank % 2]
            choice[i] = (side, "start" if (i, "start") in boxes else "end")
        current = layout(choice)[0]
        if best is None or current < best[0]:
            best = (current, choice)
    current, choice = best
    # Improve only a crowded layout, and in bounded time (a page draws this on every request).
    for _pass in range(2 if current[1] > 2 and len(labels) <= 40 else 0):
        improved = False
        for i in order:
            kept = choice[i]
            for option in (("above", "start"), ("above", "end"), ("below", "start"), ("below", "end")):
                if option == kept or (i, option[1]) not in boxes:
                    continue
                choice[i] = option
                candidate = layout(choice)[0]
                if candidate < current:
                    current, kept, improved = candidate, option, True
            choice[i] = kept
        if not improved:
            break
    best = (current, choice)
    _score, sides = layout(best[1])
    for side, members in sides.items():
        lanes, _crossed = stack(tuple(members))
        for (i, anchor), lane in zip(members, lanes, strict=True):
            labels[i].side, labels[i].anchor, labels[i].lane = side, anchor, lane
    return labels


def _horizontal(steps):
    length = H_WIDTH - 2 * H_MARGIN
    scale = TimeScale(steps, length, break_length=84)

    def x_of(year):
        return H_MARGIN + scale(year)

    periods = [s for s in steps if s.is_period]
    period_order = sorted(periods, key=lambda s: (s.start, s.end))
    bar_lane = dict(
        zip(
            [s.number for s in period_order],
            _bar_lanes([(x_of(s.start), x_of(s.end)) for s in period_order], gap=6),
            strict=True,
        )
    )
    bar_lanes = max(bar_lane.values(), default=-1) + 1
    spread = _spread([(s.number, x_of(s.start)) for s in steps if not s.is_period], MARKER_SIZE)

    items = []
    for step in steps:
        lines = wrap(step.title, H_TITLE_WIDTH, H_TITLE_SIZE, max_lines=2)
        width = 6 + max(
            [text_width(step.date, H_DATE_SIZE, bold=True)]
            + [text_width(line, H_TITLE_SIZE) for line in lines]
        )
        pole = x_of(step.start) + spread.get(step.number, 0)
        items.append(Label(step, pole, width, lines))
    place_labels(items, H_WIDTH)
    above = max((i.lane + 1 for i in items if i.side == "above"), default=0)
    below = max((i.lane + 1 for i in items if i.side == "below"), default=0)

    top = 6
    labels_bottom = top + above * H_LANE
    axis_y = labels_bottom + 4 + bar_lanes * H_BAR_LANE + 12
    below_top = axis_y + 34
    height = below_top + below * H_LANE + 2

    marks = []
    for item in items:
        step = item.step
        x = item.pole
        if step.is_period:
            y = axis_y - 12 - bar_lane[step.number] * H_BAR_LANE
            bar = (x, y, _r(x_of(step.end)), y)
        else:
            y = axis_y
            bar = None
        text_height = 12 + H_LINE * len(item.lines)
        if item.side == "above":
            box_top = labels_bottom - (item.lane + 1) * H_LANE + 6
            leader = _points((x, y - (4 if bar else MARKER_SIZE / 2)), (x, box_top))
        else:
            box_top = below_top + item.lane * H_LANE
            leader = _points((x, y + (4 if bar else MARKER_SIZE / 2)), (x, box_top + text_height))
        text_x = x + 5 if item.anchor == "start" else x - 5
        date_y = box_top + 11
        marks.append(
            TimelineMark(
                step=step,
                x=_r(x),
                y=_r(y),
                bar=tuple(_r(v) for v in bar) if bar else None,
                leader=leader,
                anchor=item.anchor,
                text_x=_r(text_x),
                date_y=_r(date_y),
                lines=[(line, _r(date_y + H_LINE * (n + 1))) for n, line in enumerate(item.lines)],
                box=(_r(item.box[0]), _r(box_top), _r(item.box[1]), _r(box_top + text_height)),
                lane=item.lane,
                side=item.side,
            )
        )
    marks.sort(key=lambda m: m.step.number)

    major, minor = scale.ticks(min_spacing=56, steps=steps)
    breaks = []
    for x1, x2, gap in scale.break_spans():
        x1, x2 = H_MARGIN + x1, H_MARGIN + x2
        middle = (x1 + x2) / 2
        marks_path = "".join(
            f"M{_r(x - 4)} {_r(axis_y + 7)}L{_r(x + 4)} {_r(axis_y - 7)}" for x in (middle - 4, middle + 4)
        )
        breaks.append(
            AxisBreak(_r(x1), axis_y, _r(x2), axis_y, _break_label(gap), _r(middle), axis_y + 22, marks_path)
        )
    ticks = _label_ticks(
        [Tick(_r(x_of(y)), axis_y, str(y), _r(x_of(y)), axis_y + 22) for y in major],
        breaks,
        horizontal=True,
    )
    return TimelineChart(
        orientation="horizontal",
        title_size=H_TITLE_SIZE,
        date_size=H_DATE_SIZE,
        width=H_WIDTH,
        height=_r(height),
        axis=[(_r(H_MARGIN + a), axis_y, _r(H_MARGIN + b), axis_y) for a, b in scale.segment_spans()],
        breaks=breaks,
        ticks=ticks,
        minor_ticks=[Tick(_r(x_of(y)), axis_y) for y in minor],
        marks=marks,
        scale=scale,
    )


def _label_ticks(ticks, breaks, horizontal):
    """Blank the labels of ticks that would run into a break's label or the previous tick label."""
    taken = []
    for axis_break in breaks:
        half = text_width(axis_break.label, 11) / 2 + 4
        if horizontal:
            taken.append((axis_break.label_x - half, axis_break.label_x + half))
        else:
            taken.append((axis_break.label_y - 9, axis_break.label_y + 9))
    for tick in sorted(ticks, key=lambda t: t.x if horizontal else t.y):
        if horizontal:
            half = text_width(tick.label, 12) / 2 + 3
            span = (tick.label_x - half, tick.label_x + half)
        else:
            span = (tick.label_y - 10, tick.label_y + 4)
        if any(a < span[1] and span[0] < b for a, b in taken):
            tick.label = ""
        else:
            taken.append(span)
    return ticks


# Vertical: for phones and paper. Time runs down a proportional axis; labels sit to its right, each as
# near its moment as the labels before it allow, joined to it by a leader line.
V_WIDTH = 340
V_AXIS_X = 58
V_TOP = 22
V_DATE_SIZE = 12.5
V_TITLE_SIZE = 14
V_LINE = 17
V_BAR_LANE = 10


def _vertical(steps):
    periods = sorted((s for s in steps if s.is_period), key=lambda s: (s.start, s.end))
    # Lanes are decided on the time order alone: any scale keeps it.
    lanes_of = dict(
        zip(
            [s.number for s in periods],
            _bar_lanes([(s.start, s.end) for s in periods], gap=0.01),
            strict=True,
        )
    )
    bar_lanes = max(lanes_of.values(), default=-1) + 1
    label_x = V_AXIS_X + 12 + bar_lanes * V_BAR_LANE + 24
    label_width = V_WIDTH - label_x - 6

    blocks = []
    for step in steps:
        lines = wrap(step.title, label_width, V_TITLE_SIZE, max_lines=3)
        blocks.append((step, lines, 15 + V_LINE * len(lines)))
    gap = 8
    labels_height = sum(h for _, _, h in blocks) + gap * (len(blocks) - 1)
    length = max(labels_height, 140)
    scale = TimeScale(steps, length, break_length=44)

    def y_of(year):
        return V_TOP + scale(year)

    spread = _spread([(s.number, y_of(s.start)) for s in steps if not s.is_period], MARKER_SIZE)

    order = sorted(blocks, key=lambda b: (y_of(b[0].start) + spread.get(b[0].number, 0), b[0].number))
    tops = dodge(
        [y_of(step.start) + spread.get(step.number, 0) - 8 for step, _, _ in order],
        [h for _, _, h in order],
        gap=gap,
        low=V_TOP - 10,
        high=V_TOP + length + 10,
    )
    marks = []
    for (step, lines, block_height), top in zip(order, tops, strict=True):
        y = y_of(step.start) + spread.get(step.number, 0)
        if step.is_period:
            x = V_AXIS_X + 14 + lanes_of[step.number] * V_BAR_LANE
            bar = (_r(x), _r(y), _r(x), _r(y_of(step.end)))
            start = x + 4
        else:
            x, bar, start = V_AXIS_X, None, V_AXIS_X + MARKER_SIZE / 2 + 1
        date_y = top + 12
        leader = _points((start, y), (label_x - 16, y), (label_x - 5, date_y - 4))
        marks.append(
            TimelineMark(
                step=step,
                x=_r(x),
                y=_r(y),
                bar=bar,
                leader=leader,
                anchor="start",
                text_x=label_x,
                date_y=_r(date_y),
                lines=[(line, _r(date_y + V_LINE * (n + 1))) for n, line in enumerate(lines)],
                box=(label_x, _r(top), V_WIDTH - 6, _r(top + block_height)),
            )
        )
    marks.sort(key=lambda m: m.step.number)
    bottom = max([V_TOP + length] + [m.box[3] for m in marks])

    major, minor = scale.ticks(min_spacing=30, steps=steps)
    breaks = []
    for y1, y2, gap_ in scale.break_spans():
        y1, y2 = V_TOP + y1, V_TOP + y2
        middle = (y1 + y2) / 2
        marks_path = "".join(
            f"M{V_AXIS_X - 7} {_r(y + 4)}L{V_AXIS_X + 7} {_r(y - 4)}" for y in (middle - 4, middle + 4)
        )
        breaks.append(
            AxisBreak(
                V_AXIS_X,
                _r(y1),
                V_AXIS_X,
                _r(y2),
                _break_label(gap_),
                V_AXIS_X - 10,
                _r(middle + 4),
                marks_path,
            )
        )
    ticks = _label_ticks(
        [Tick(V_AXIS_X, _r(y_of(y)), str(y), V_AXIS_X - 10, _r(y_of(y) + 4)) for y in major],
        breaks,
        horizontal=False,
    )
    return TimelineChart(
        orientation="vertical",
        title_size=V_TITLE_SIZE,
        date_size=V_DATE_SIZE,
        width=V_WIDTH,
        height=_r(bottom + 14),
        axis=[(V_AXIS_X, _r(V_TOP + a), V_AXIS_X, _r(V_TOP + b)) for a, b in scale.segment_spans()],
        breaks=breaks,
        ticks=ticks,
        minor_ticks=[Tick(V_AXIS_X, _r(y_of(y))) for y in minor],
        marks=marks,
        scale=scale,
    )


def dodge(wanted, heights, gap, low, high):
    """Tops for boxes of `heights`, kept in their order, each as near its `wanted` top as the others allow.

    Overlapping boxes merge into a block centred on the mean of what its boxes want (least squares), kept
    within [low, high] when they fit there (they run past `high` otherwise).
    """
    total = sum(heights) + gap * (len(heights) - 1)
    high = max(high, low + total)
    blocks = []  # [first index, count, height, sum of wanted block tops]
    for index, (top, height) in enumerate(zip(wanted, heights, strict=True)):
        blocks.append([index, 1, height, top])
        while True:
            first, count, block_height, wanted_sum = blocks[-1]
            block_top = min(max(wanted_sum / count, low), high - block_height)
            if len(blocks) > 1:
                p_first, p_count, p_height, p_sum = blocks[-2]
                p_top = min(max(p_sum / p_count, low), high - p_height)
                if p_top + p_height + gap > block_top:
                    shift = p_height + gap
                    blocks[-2:] = [
                        [p_first, p_count + count, shift + block_height, p_sum + wanted_sum - shift * count]
                    ]
                    continue
            break
    tops = []
    for first, count, block_height, wanted_sum in blocks:
        top = min(max(wanted_sum / count, low), high - block_height)
        for index in range(first, first + count):
            tops.append(top)
            top += heights[index] + gap
    return tops


@dataclass
class TimelineFigure:
    place: str
    steps: list
    horizontal: TimelineChart
    vertical: TimelineChart
    kinds: list  # (kind, label, shape path) of the kinds present, in the order of TimelineEvent.KIND_CHOICES

    @property
    def first_year(self):
        return math.floor(min(step.start for step in self.steps))

    @property
    def last_year(self):
        return math.floor(max(step.last for step in self.steps))

    @property
    def has_periods(self):
        return any(step.is_period for step in self.steps)

    @property
    def gaps(self):
        return self.horizontal.scale.gaps


def timeline_figure(events, place=""):
    """The timeline of a monograph drawn two ways, or None without any step.

    `events` are TimelineEvent rows in the order of the page's list (PlacePage.chronology()).
    """
    steps = steps_of(events)
    if not steps:
        return None
    present = {step.kind for step in steps}
    kinds = [
        (kind, str(label), SMALL_SHAPES[kind])
        for kind, label in TimelineEvent.KIND_CHOICES
        if kind in present
    ]
    return TimelineFigure(place, steps, _horizontal(steps), _vertical(steps), kinds)


def timeline_layout(events):
    """The horizontal and the vertical TimelineChart of `events` (a shortcut for tests and scripts)."""
    figure = timeline_figure(events)
    return (figure.horizontal, figure.vertical) if figure else (None, None)


# ---- Stakeholder map -----------------------------------------------------------------------------------

STAKEHOLDER_KINDS = dict(Stakeholder.KIND_CHOICES)
SCALES = [scale for scale, _label in Stakeholder.SCALE_CHOICES]


def ring_labels():
    """The short names written on the rings, from the centre outwards (the last for a missing scale)."""
    return [_("commune"), _("interco."), _("département"), _("région"), _("national"), _("international")] + [
        _("non précisée")
    ]


def group_stakeholders(stakeholders):
    """(kind, label, rows) in the order of Stakeholder.KIND_CHOICES; a kind no longer offered comes last,
    under its stored value."""
    by_kind = {}
    for stakeholder in stakeholders:
        by_kind.setdefault(stakeholder.kind, []).append(stakeholder)
    groups = [(kind, label, by_kind.pop(kind)) for kind, label in Stakeholder.KIND_CHOICES if kind in by_kind]
    groups += [(kind, kind, rows) for kind, rows in by_kind.items()]
    return groups


@dataclass
class ActorGroup:
    kind: str  # the CSS class of its colour: a known kind, or "other"
    label: str
    first_number: int
    entries: list  # (number, stakeholder)


@dataclass
class ActorNode:
    number: int
    name: str
    kind: str
    kind_label: str
    scale_label: str
    relation: str
    ring: int
    angle: float  # degrees, clockwise from the right (-90 is the top)
    x: float
    y: float
    line: tuple  # x1, y1, x2, y2 from the centre to the node
    leader: str = ""  # polyline points to the label (wide map)
    anchor: str = "start"
    text_x: float = 0
    lines: list = field(default_factory=list)  # (text, y)
    heading: "Heading | None" = None  # above the first label of a kind in its column


@dataclass
class Heading:
    label: str
    x: float = 0
    y: float = 0
    swatch_x: float = 0
    swatch_y: float = 0


@dataclass
class Ring:
    radius: float
    label: str
    label_y: float
    dashed: bool = False


@dataclass
class Sector:
    kind: str
    label: str
    path: str


@dataclass
class StakeholderChart:
    variant: str  # "wide" (names beside the rings) or "narrow" (numbers only, the list follows)
    width: float
    height: float
    cx: float
    cy: float
    centre_radius: float
    centre_lines: list  # (text, y)
    centre_font: float
    rings: list
    sectors: list
    nodes: list
    node_radius: float
    gap_angle: float
    geometry: "Geometry" = field(repr=False, default=None)

    @property
    def labelled(self):
        return self.variant == "wide"

    @property
    def drawing(self):
        """The SVG markup of the map (inside its <svg>, without <title> and <desc>)."""
        return drawing.stakeholder_map(self)


@dataclass
class Geometry:
    node_radius: float
    ring_step: float
    inner_radius: float
    ring_font: float
    labels: bool
    centre_radius: float = 50  # at most
    label_size: float = 13
    label_line: float = 15.5
    label_width: float = 230
    heading_size: float = 10.5
    number_size: float = 11
    margin: float = 10
    gutter: float = 26


# Two nodes never share an angle, so rings may be closer than a node is wide.
WIDE = Geometry(node_radius=10, ring_step=22, inner_radius=74, ring_font=11, labels=True, centre_radius=54)
NARROW = Geometry(node_radius=10, ring_step=17, inner_radius=64, ring_font=11, labels=False, centre_radius=46)
SECTOR_GAP = 0.6  # between two kinds, in slots
MAX_GAP_ANGLE = 24  # degrees each side of the top kept free for the ring names


def _arc_path(cx, cy, r1, r2, a1, a2):
    """An annular sector between radii r1 < r2 and angles a1 < a2 (degrees)."""

    def at(r, a):
        return cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a))

    large = 1 if a2 - a1 > 180 else 0
    p1, p2, p3, p4 = at(r2, a1), at(r2, a2), at(r1, a2), at(r1, a1)
    return (
        f"M{_r(p1[0])} {_r(p1[1])}A{_r(r2)} {_r(r2)} 0 {large} 1 {_r(p2[0])} {_r(p2[1])}"
        f"L{_r(p3[0])} {_r(p3[1])}A{_r(r1)} {_r(r1)} 0 {large} 0 {_r(p4[0])} {_r(p4[1])}Z"
    )


def _ring_of(scale):
    return SCALES.index(scale) if scale in SCALES else len(SCALES)


def _angles(sizes, gap_angle, slot):
    """The angle of each actor (degrees, clockwise, -90 at the top) and the (start, end) of each sector, for
    groups of `sizes` actors: a slot each, a little more between two kinds, the top kept free."""
    angles, sectors = [], []
    cursor = -90 + gap_angle
    for index, size in enumerate(sizes):
        start = cursor - (SECTOR_GAP * slot / 2 if index else 0)
        for _rank in range(size):
            angles.append(cursor + slot / 2)
            cursor += slot
        end = cursor + (SECTOR_GAP * slot / 2 if index < len(sizes) - 1 else 0)
        sectors.append((start, end))
        cursor += SECTOR_GAP * slot
    return angles, sectors


def _plan(sizes, rings, rings_count, geometry, labels):
    """Inner radius, free angle each side of the top and angle of a slot, the inner radius grown until no
    two nodes touch and every ring name fits between the first and the last node.

    `sizes`: actors per kind; `rings`: the ring of each actor, in the same order.
    """
    apart = 2 * geometry.node_radius + 3
    halves = [text_width(label, geometry.ring_font) / 2 + geometry.node_radius + 3 for label in labels]

    def trial(inner):
        radii = [inner + geometry.ring_step * k for k in range(rings_count)]
        needed = max(
            math.degrees(math.asin(min(1.0, half / r))) for half, r in zip(halves, radii, strict=False)
        )
        gap_angle = min(MAX_GAP_ANGLE, needed)
        slot = (360 - 2 * gap_angle) / (sum(sizes) + SECTOR_GAP * (len(sizes) - 1))
        angles, _sectors = _angles(sizes, gap_angle, slot)
        points = [
            (radii[ring] * math.cos(math.radians(a)), radii[ring] * math.sin(math.radians(a)))
            for ring, a in zip(rings, angles, strict=True)
        ]
        # Angles grow with the rank, so only near ranks can touch; a few ranks apart is enough to look at.
        touching = any(
            math.dist(points[i], points[j]) < apart
            for i in range(len(points))
            for j in range(i + 1, min(len(points), i + 8))
        )
        return needed <= MAX_GAP_ANGLE and not touching, gap_angle, slot

    # Room grows with the radius: search the smallest that is enough, to the unit.
    low = high = geometry.inner_radius
    while not trial(high)[0] and high < 4000:
        low, high = high, high + max(16, high - geometry.inner_radius)
    while high - low > 1:
        middle = (low + high) / 2
        low, high = (low, middle) if trial(middle)[0] else (middle, high)
    _fits, gap_angle, slot = trial(high)
    return high, gap_angle, slot


def _stakeholder_chart(groups, place, geometry):
    entries = [(number, kind, stakeholder) for kind, _label, rows in groups for number, stakeholder in rows]
    used_rings = {_ring_of(s.scale) for _n, _k, s in entries}
    rings_count = len(SCALES) + (1 if len(SCALES) in used_rings else 0)
    labels = ring_labels()[:rings_count]
    sizes = [len(rows) for _kind, _label, rows in groups]
    rings_of = [_ring_of(s.scale) for _n, _k, s in entries]
    inner, gap_angle, slot = _plan(sizes, rings_of, rings_count, geometry, labels)
    step = geometry.ring_step
    radii = [inner + step * k for k in range(rings_count)]
    outer = radii[-1] + step / 2
    rim = radii[-1] + geometry.node_radius + 8
    centre_radius = max(24, min(geometry.centre_radius, inner - geometry.node_radius - 8))
    angle_list, spans = _angles(sizes, gap_angle, slot)
    angles = {number: angle for (number, _k, _s), angle in zip(entries, angle_list, strict=True)}
    sectors_at = [(kind, label, a, b) for (kind, label, _rows), (a, b) in zip(groups, spans, strict=True)]

    kind_labels = {kind: str(label) for kind, label in Stakeholder.KIND_CHOICES}  # translated once
    scale_labels = {scale: str(label) for scale, label in Stakeholder.SCALE_CHOICES}
    nodes = []
    for number, kind, stakeholder in entries:
        ring = _ring_of(stakeholder.scale)
        angle = angles[number]
        radius = radii[ring]
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        nodes.append(
            ActorNode(
                number=number,
                name=stakeholder.name,
                kind=kind,
                kind_label=kind_labels.get(stakeholder.kind, stakeholder.kind),
                scale_label=scale_labels.get(stakeholder.scale, stakeholder.scale),
                relation=stakeholder.relation or "",
                ring=ring,
                angle=angle,
                x=radius * cos,
                y=radius * sin,
                line=(
                    centre_radius * cos,
                    centre_radius * sin,
                    (radius - geometry.node_radius) * cos,
                    (radius - geometry.node_radius) * sin,
                ),
            )
        )

    # Sizes: the rings alone, or the rings between two columns of names.
    half = rim + geometry.margin if geometry.labels else outer + geometry.margin
    left_width = right_width = 0
    columns = {"left": [], "right": []}
    if geometry.labels:
        for node in nodes:
            node.lines = wrap(node.name, geometry.label_width, geometry.label_size, max_lines=3)
            side = "right" if math.cos(math.radians(node.angle)) >= -1e-9 else "left"
            node.anchor = "start" if side == "right" else "end"
            columns[side].append(node)
        columns["right"].sort(key=lambda n: n.angle)
        columns["left"].sort(key=lambda n: -n.angle)
        widths = {  # each name begins (right) or ends (left) with its number, in bold
            side: max(
                (
                    text_width(line, geometry.label_size)
                    + text_width(f"{n.number}\u2002", geometry.label_size, True)
                    for n in column
                    for line in n.lines
                ),
                default=0,
            )
            for side, column in columns.items()
        }
        for side, column in columns.items():
            previous = None
            for node in column:
                if node.kind != previous:
                    heading = node.kind_label.upper()
                    spacing = 0.04 * geometry.heading_size * len(heading)  # its letter-spacing (site.css)
                    widths[side] = max(
                        widths[side], 14 + text_width(heading, geometry.heading_size, bold=True) + spacing
                    )
                    node.heading = Heading(heading)
                previous = node.kind
        left_width, right_width = widths["left"], widths["right"]

    def block_height(node):
        return geometry.label_line * len(node.lines) + (geometry.heading_size + 8 if node.heading else 0)

    column_height = max(
        (sum(block_height(n) + 6 for n in column) for column in columns.values() if column), default=0
    )
    height = max(2 * half, column_height + 2 * geometry.margin)
    cy = height / 2
    if geometry.labels:
        left_text = geometry.margin + left_width
        cx = left_text + (geometry.gutter if left_width else 0) + rim
        right_text = cx + rim + geometry.gutter
        width = right_text + right_width + geometry.margin if right_width else cx + rim + geometry.margin
    else:
        cx = half
        width = 2 * half

    for node in nodes:
        node.x, node.y = _r(cx + node.x), _r(cy + node.y)
        node.line = tuple(_r(v + (cx if i % 2 == 0 else cy)) for i, v in enumerate(node.line))

    if geometry.labels:
        for side, column in columns.items():
            if not column:
                continue
            text_x = right_text if side == "right" else left_text
            rims = [
                (cx + rim * math.cos(math.radians(n.angle)), cy + rim * math.sin(math.radians(n.angle)))
                for n in column
            ]
            heading_heights = [(geometry.heading_size + 8 if n.heading else 0) for n in column]
            tops = dodge(
                [y - h - geometry.label_line * 0.7 for (_x, y), h in zip(rims, heading_heights, strict=True)],
                [block_height(n) for n in column],
                gap=6,
                low=geometry.margin,
                high=height - geometry.margin,
            )
            sign = 1 if side == "right" else -1
            for node, top, heading_height, (rim_x, rim_y) in zip(
                column, tops, heading_heights, rims, strict=True
            ):
                first = top + heading_height + geometry.label_size * 0.8
                node.text_x = _r(text_x)
                node.lines = [
                    (line, _r(first + geometry.label_line * n)) for n, line in enumerate(node.lines)
                ]
                if node.heading:
                    node.heading.x = _r(text_x + sign * 13)
                    node.heading.y = _r(top + geometry.heading_size)
                    node.heading.swatch_x = _r(text_x if side == "right" else text_x - 9)
                    node.heading.swatch_y = _r(top + 2)
                cos, sin = math.cos(math.radians(node.angle)), math.sin(math.radians(node.angle))
                radius = radii[node.ring] + geometry.node_radius
                end_y = first - geometry.label_size * 0.35
                node.leader = _points(
                    (cx + radius * cos, cy + radius * sin),
                    (rim_x, rim_y),
                    (text_x - sign * 12, end_y),
                    (text_x - sign * 4, end_y),
                )

    rings = [
        Ring(_r(r), label, _r(cy - r + geometry.ring_font * 0.35), dashed=(k == len(SCALES)))
        for k, (r, label) in enumerate(zip(radii, labels, strict=True))
    ]
    sectors = [
        Sector(kind, str(label), _arc_path(cx, cy, centre_radius + 4, outer, start, end))
        for kind, label, start, end in sectors_at
    ]
    # The place's name in the centre, smaller rather than cut inside a word.
    name_width, name_size = centre_radius * 1.6, 12
    while name_size > 9 and any(text_width(word, name_size, True) > name_width for word in place.split()):
        name_size -= 0.5
    name_lines = wrap(place, name_width, name_size, max_lines=3, bold=True)
    line_height = round(name_size * 1.2, 1)
    first_line = cy - (len(name_lines) - 1) * line_height / 2 + name_size * 0.35
    return StakeholderChart(
        variant="wide" if geometry.labels else "narrow",
        width=_r(width),
        height=_r(height),
        cx=_r(cx),
        cy=_r(cy),
        centre_radius=_r(centre_radius),
        centre_lines=[(line, _r(first_line + line_height * n)) for n, line in enumerate(name_lines)],
        centre_font=name_size,
        rings=rings,
        sectors=sectors,
        nodes=sorted(nodes, key=lambda n: n.number),
        node_radius=geometry.node_radius,
        gap_angle=gap_angle,
        geometry=geometry,
    )


@dataclass
class StakeholderFigure:
    place: str
    groups: list  # ActorGroup, the numbered text list
    wide: StakeholderChart
    narrow: StakeholderChart

    @property
    def count(self):
        return sum(len(group.entries) for group in self.groups)


def stakeholder_figure(stakeholders, place=""):
    """The numbered groups of a monograph's stakeholders and their map drawn two ways, or None if it has none."""
    groups, number = [], 1
    for kind, label, rows in group_stakeholders(stakeholders):
        entries = list(enumerate(rows, start=number))
        groups.append(ActorGroup(kind if kind in STAKEHOLDER_KINDS else "other", str(label), number, entries))
        number += len(rows)
    if not groups:
        return None
    numbered = [(group.kind, group.label, group.entries) for group in groups]
    return StakeholderFigure(
        place=place,
        groups=groups,
        wide=_stakeholder_chart(numbered, place, WIDE),
        narrow=_stakeholder_chart(numbered, place, NARROW),
    )


def stakeholder_layout(stakeholders, place=""):
    """The wide and the narrow StakeholderChart of `stakeholders` (a shortcut for tests and scripts)."""
    figure = stakeholder_figure(stakeholders, place)
    return (figure.wide, figure.narrow) if figure else (None, None)
