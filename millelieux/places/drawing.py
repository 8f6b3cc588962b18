"""SVG markup of the monograph's figures, from the layouts of places/charts.py.

The repeated elements (markers, labels, nodes…) are written here with every text escaped, because a
template loop over them costs several milliseconds a figure on every request; the <svg> element, its
<title> and <desc> and the captions stay in the templates of places/includes/, where they are translated.
Numbers come rounded from charts.py and are written with a dot whatever the language.
"""

from html import escape  # the same entities as Django's escape, without its lazy-string wrapper

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def _text_lines(x, lines, first=None, last=None):
    """<tspan>s of (text, y) lines at `x`; `first`/`last` is markup put before the first / after it."""
    out = []
    for index, (line, y) in enumerate(lines):
        before = first if first and index == 0 else ""
        after = last if last and index == 0 else ""
        out.append(f'<tspan x="{x}" y="{y}">{before}{escape(line)}{after}</tspan>')
    return "".join(out)


def timeline(chart):
    """Everything of a TimelineChart inside its <svg>, but its <title> and <desc>."""
    out = ['<g class="tl-axis">']
    out += [f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>' for x1, y1, x2, y2 in chart.axis]
    out.append(f'<path d="{chart.tick_path}"/>')
    if chart.minor_ticks:
        out.append(f'<path class="tl-minor" d="{chart.minor_path}"/>')
    out.append("</g>")
    for b in chart.breaks:
        out.append(
            f'<g class="tl-break"><line x1="{b.x1}" y1="{b.y1}" x2="{b.x2}" y2="{b.y2}"/><path d="{b.marks}"/>'
            f'<text x="{b.label_x}" y="{b.label_y}" text-anchor="{chart.tick_anchor}" font-size="{chart.break_size}">'
            f"{escape(b.label)}</text></g>"
        )
    out.append('<g class="tl-leaders">')
    out += [f'<polyline points="{mark.leader}"/>' for mark in chart.marks]
    out.append("</g>")
    for mark in chart.periods:
        x1, y1, x2, y2 = mark.bar
        out.append(f'<line class="tl-bar kind-{mark.kind}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>')
    for mark in chart.marks:
        out.append(
            f'<path class="tl-marker kind-{mark.kind}" transform="translate({mark.x} {mark.y})" d="{mark.shape}"/>'
        )
    out.append(f'<g class="tl-ticks" text-anchor="{chart.tick_anchor}" font-size="{chart.tick_size}">')
    out += [f'<text x="{t.label_x}" y="{t.label_y}">{escape(t.label)}</text>' for t in chart.ticks if t.label]
    out.append(f'</g><g class="tl-labels" font-size="{chart.title_size}">')
    for mark in chart.marks:
        x = mark.text_x
        out.append(
            f'<text x="{x}" text-anchor="{mark.anchor}">'
            f'<tspan class="tl-date" x="{x}" y="{mark.date_y}" font-size="{chart.date_size}">'
            f"{escape(mark.step.date)}</tspan>"
            f"{_text_lines(x, mark.lines)}</text>"
        )
    out.append("</g>")
    return mark_safe("".join(out))


def stakeholder_map(chart):
    """Everything of a StakeholderChart inside its <svg>, but its <title> and <desc>."""
    cx, cy = chart.cx, chart.cy
    out = ['<g class="am-sectors">']
    out += [f'<path class="kind-{sector.kind}" d="{sector.path}"/>' for sector in chart.sectors]
    out.append('</g><g class="am-rings">')
    for ring in chart.rings:
        dashed = ' class="am-ring--none"' if ring.dashed else ""
        out.append(f'<circle{dashed} cx="{cx}" cy="{cy}" r="{ring.radius}"/>')
    out.append('</g><g class="am-lines">')
    out += [
        f'<line x1="{n.line[0]}" y1="{n.line[1]}" x2="{n.line[2]}" y2="{n.line[3]}"/>' for n in chart.nodes
    ]
    out.append("</g>")
    if chart.labelled:
        out.append('<g class="am-leaders">')
        out += [f'<polyline points="{node.leader}"/>' for node in chart.nodes]
        out.append("</g>")
    geometry = chart.geometry
    out.append(f'<g class="am-ring-labels" text-anchor="middle" font-size="{geometry.ring_font}">')
    out += [f'<text x="{cx}" y="{ring.label_y}">{escape(ring.label)}</text>' for ring in chart.rings]
    out.append("</g>")
    out.append(f'<circle class="am-centre" cx="{cx}" cy="{cy}" r="{chart.centre_radius}"/>')
    out.append(
        f'<text class="am-centre__name" text-anchor="middle" font-size="{chart.centre_font}">'
        f"{_text_lines(cx, chart.centre_lines)}</text>"
    )
    separator = _(" : ")
    out.append(f'<g class="am-nodes" text-anchor="middle" font-size="{geometry.number_size}">')
    for node in chart.nodes:
        out.append(f'<g class="kind-{node.kind}">')
        if chart.labelled:  # a tooltip where a mouse can hover
            about = node.kind_label + (f", {node.scale_label}" if node.scale_label else "")
            relation = f"{separator}{node.relation}" if node.relation else ""
            out.append(
                f"<title>{node.number}. {escape(node.name)} ({escape(about)}){escape(relation)}</title>"
            )
        out.append(
            f'<circle cx="{node.x}" cy="{node.y}" r="{chart.node_radius}"/>'
            f'<text x="{node.x}" y="{node.y}" dy="0.35em">{node.number}</text></g>'
        )
    out.append("</g>")
    if chart.labelled:
        out.append(f'<g class="am-labels" font-size="{geometry.label_size}">')
        for node in chart.nodes:
            heading = node.heading
            if heading:
                out.append(
                    f'<rect class="kind-{node.kind}" x="{heading.swatch_x}" y="{heading.swatch_y}" width="9" '
                    f'height="9"/><text class="am-heading" x="{heading.x}" y="{heading.y}" '
                    f'font-size="{geometry.heading_size}" text-anchor="{node.anchor}">{escape(heading.label)}</text>'
                )
            number = f'<tspan class="am-number">{node.number}</tspan>'
            if node.anchor == "start":
                lines = _text_lines(node.text_x, node.lines, first=number + "\u2002")
            else:
                lines = _text_lines(node.text_x, node.lines, last="\u2002" + number)
            out.append(f'<text x="{node.text_x}" text-anchor="{node.anchor}">{lines}</text>')
        out.append("</g>")
    return mark_safe("".join(out))
