"""What `import spasmcourse` adds to `import ipywidgets`, in fresh interpreters."""

from __future__ import annotations

import re
import sys
from collections import Counter

from common import REPO, Figure, Section, Settings, log, median, run

TARGET_MS = 50.0
BASE, BOTH = "import ipywidgets", "import ipywidgets, spasmcourse"
_IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)$", re.M)


def wall_ms(statement: str) -> float:
    """Wall time of a fresh `python -c statement`, in milliseconds."""
    return run([sys.executable, "-c", statement], REPO)[0] * 1000


def import_times(statement: str) -> list[tuple[str, int, int, int]]:
    """`-X importtime` of a statement: (module, self µs, cumulative µs, nesting) in the order they finished."""
    output = run([sys.executable, "-X", "importtime", "-c", statement], REPO)[1]
    return [(name, int(own), int(total), len(indent)) for own, total, indent, name in _IMPORT_LINE.findall(output)]


def added_by_spasmcourse(times: list[tuple[str, int, int, int]]) -> list[tuple[str, int]]:
    """(module, self µs) of the modules that spasmcourse pulled in beyond those ipywidgets had loaded."""
    start = next(index for index, entry in enumerate(times) if entry[0] == "ipywidgets" and entry[3] == 1)
    return [(name, own) for name, own, _, _ in times[start + 1:]]


def package_totals(modules: list[tuple[str, int]]) -> Counter[str]:
    """Self time (µs) per top-level package."""
    packages: Counter[str] = Counter()
    for name, own in modules:
        packages[name.split(".")[0]] += own
    return packages


def breakdown(modules: list[tuple[str, int]], count: int = 5) -> str:
    """One line: self time per top-level package, heaviest first, and spasmcourse's heaviest own modules."""
    packages = package_totals(modules)
    own_modules = sorted((item for item in modules if item[0].startswith("spasmcourse.")), key=lambda item: -item[1])
    listed = ", ".join(f"{package} {total / 1000:.0f} ms" for package, total in packages.most_common(count))
    mine = ", ".join(f"{name.removeprefix('spasmcourse.')} {own / 1000:.0f}" for name, own in own_modules[:3])
    return f"self time by package: {listed} (spasmcourse's heaviest module bodies, ms: {mine})"


def measure_imports(settings: Settings) -> Section:
    """Median wall time of both imports, and -X importtime's cumulative figure for spasmcourse."""
    runs = settings.repeats
    log(f"imports: {runs} fresh interpreters each for '{BASE}' and '{BOTH}'")
    wall_ms(BOTH)
    base, both, cumulative = [], [], []
    for _ in range(runs):
        base.append(wall_ms(BASE))
        both.append(wall_ms(BOTH))
        times = import_times(BOTH)
        cumulative.append(next(total for name, _, total, depth in times if name == "spasmcourse" and depth == 1) / 1000)
    added = median(both) - median(base)
    reason = breakdown(added_by_spasmcourse(times))
    return Section("Import time", [
        Figure("`import spasmcourse` added to `import ipywidgets` (wall time difference)", added, "ms", TARGET_MS,
               [("import ipywidgets alone", median(base))], reason),
        Figure("spasmcourse, cumulative in -X importtime after ipywidgets", median(cumulative), "ms", TARGET_MS,
               reason=reason),
    ])
