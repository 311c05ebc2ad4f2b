"""The results as Markdown: machine facts, one table of every figure against its target, and the details."""

from __future__ import annotations

from common import Figure, Section

HEADER = ["| figure | value | physical floor | compared with (ours / theirs) | target | verdict |",
          "| --- | ---: | --- | --- | ---: | --- |"]


def amount(value: float, unit: str) -> str:
    """A value with its unit, rounded to what the measurement can tell."""
    if unit == "s":
        return f"{value:.1f} s" if abs(value) >= 1 else f"{value:.2f} s"
    if unit in ("ms", "KB"):
        return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"
    return f"{value:.0f}"


def verdict(figure: Figure) -> str:
    """'met', 'missed by X (N%)', or nothing when the figure has no target."""
    if figure.met is None:
        return ""
    if figure.met:
        return "met"
    over = figure.value - figure.target
    share = f" (+{over / figure.target:.0%})" if figure.target else ""
    return f"missed by {amount(over, figure.unit)}{share}"


def comparisons(figure: Figure) -> str:
    """Each peer's value and our ratio to it."""
    return "; ".join(f"{name} {amount(value, figure.unit)}"
                     + (f" (x{figure.value / value:.2f})" if value and figure.unit else "")
                     for name, value in figure.compared)


def floor(figure: Figure) -> str:
    """The least the figure could physically be on this machine, where there is such a floor."""
    if figure.floor is None:
        return ""
    name, value = figure.floor
    return f"{name} {amount(value, figure.unit)}"


def table_row(figure: Figure) -> str:
    """One figure as a Markdown table row."""
    target = "" if figure.target is None else f"≤ {amount(figure.target, figure.unit)}"
    cells = [figure.name, amount(figure.value, figure.unit), floor(figure), comparisons(figure), target,
             verdict(figure)]
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"


def table(sections: list[Section]) -> str:
    """Every figure of every section in one Markdown table, a title row per section."""
    rows = list(HEADER)
    for section in sections:
        rows.append(f"| **{section.title}** | | | | | |")
        rows += [table_row(figure) for figure in section.figures]
    return "\n".join(rows)


def explanations(section: Section) -> list[str]:
    """Bullets: why each missed figure missed, and the notes that go with figures."""
    lines = []
    for figure in section.figures:
        if figure.met is False:
            lines.append(f"- **{figure.name}**: {verdict(figure)}. Likely reason: {figure.reason or 'not known'}.")
        if figure.note:
            lines.append(f"- {figure.name}: {figure.note}.")
        if len(figure.samples) > 1:
            lines.append(f"- {figure.name}: runs {', '.join(amount(value, figure.unit) for value in figure.samples)}.")
    return lines


def results_markdown(facts: list[str], sections: list[Section]) -> str:
    """The whole results file."""
    intro = ("Written by `make bench` (`benchmarks/run.py`). Each time is a median (of how many runs, loads or "
             "interpreters is said below); sizes are exact and measured once.")
    parts = ["# Benchmark results", "", intro, "",
             *(f"- {fact}" for fact in facts), "",
             "## All figures", "", table(sections), ""]
    for section in sections:
        notes = explanations(section)
        if notes or section.details:
            parts += [f"## {section.title}", "", *notes, *(["", *section.details] if section.details else []), ""]
    return "\n".join(parts)
