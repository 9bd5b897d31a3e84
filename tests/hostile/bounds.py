"""Measure what the hostile inputs cost: wall time, CPU time and peak memory of each command.

Not a test (timings depend on the machine); the figures in docs/security.md come from it::

    .venv/bin/python tests/hostile/bounds.py            # validate cases, about 2 minutes
    .venv/bin/python tests/hostile/bounds.py --render   # also render cases, about 10 minutes

Each case runs the real CLI in a fresh process; memory is the peak resident set size.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

ROOT = HERE.parents[1]
FIXTURES = HERE / "fixtures"
LIBYAML = """
import sys
from ruamel.yaml import YAML
text = sys.stdin.read()
print(sum(1 for _ in YAML(typ="safe", pure=False).parse(text)), "events")
"""


WRAPPER = """
import json, resource, subprocess, sys
stack = int(sys.argv[1])
def limits():
    if stack:
        resource.setrlimit(resource.RLIMIT_STACK, (stack, stack))
done = subprocess.run(sys.argv[2:], stdin=sys.stdin, capture_output=True, text=True, preexec_fn=limits)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
lines = done.stdout.strip().splitlines() or done.stderr.strip().splitlines() or [""]
print(json.dumps([done.returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, lines[-1]]))
"""


def measure(args: list[str], stdin: str | None = None, stack: int | None = None) -> str:
    """Run ``args`` under a wrapper process, so that CPU and peak memory are this case's own."""
    import json

    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(stack or 0), *args],
        input=stdin or "",
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    wall = time.perf_counter() - start
    code, cpu, rss, last = json.loads(done.stdout)
    return f"{wall:6.1f} s | {cpu:6.1f} s | {rss // 1024:5d} MB | {code} | {last[:90]}"


def main() -> None:
    render = "--render" in sys.argv
    cjmap = [sys.executable, "-m", "cjmap"]
    folder = Path(tempfile.mkdtemp(prefix="cjmap-bounds-"))
    (folder / ".git").mkdir()
    cases: list[tuple[str, list[str], str | None, int | None]] = []

    def add(name: str, text: str, *extra: str) -> Path:
        path = folder / f"{name}.cjm.yaml"
        path.write_text(text, encoding="utf-8")
        cases.append(
            (name, [*cjmap, "validate", "--today", "2027-02-01", *extra, str(path)], None, None)
        )
        return path

    cases.append(
        ("alias bomb", [*cjmap, "validate", str(FIXTURES / "alias-bomb.cjm.yaml")], None, None)
    )
    add("50,000 levels of flow nesting", generate.deep_flow(50_000))
    add("2,000 levels of block nesting (2 MB)", generate.deep_block(2_000))
    deep = generate.deep_flow(50_000)
    cases.append(
        (
            "libyaml alone: all events of 50,000 levels, 256 KB stack",
            [sys.executable, "-c", LIBYAML],
            deep,
            256 * 1024,
        )
    )
    add("a 5,000,000-character line", generate.long_line(5_000_000))
    add("4,000,000 values (8 MB)", generate.wide_list(4_000_000))
    add("900,000 wrong values", generate.HEAD + "tags: [" + ",".join(["1"] * 900_000) + "]\n")
    big = generate.big_map(7_900_000)
    add("8 MB map, ~4,800 stages, --no-source", big, "--no-source")
    path = folder / "big-source.cjm.yaml"
    path.write_text(big)
    cases.append(
        (
            "8 MB map, text output with source lines",
            [*cjmap, "validate", "--today", "2027-02-01", str(path)],
            None,
            None,
        )
    )
    cases.append(
        (
            "8 MB map, --format github",
            [*cjmap, "validate", "--format", "github", "--today", "2027-02-01", str(path)],
            None,
            None,
        )
    )
    if render:
        example = ROOT / "examples" / "colleen" / "current.cjm.yaml"
        cases.append(
            (
                "render: example map to PDF",
                [*cjmap, "render", str(example), "-o", str(folder / "ex.pdf")],
                None,
                None,
            )
        )
        thirty = folder / "thirty.cjm.yaml"
        thirty.write_text(generate.big_map(50_000))
        cases.append(
            (
                "render: 30 stages to PDF",
                [*cjmap, "render", str(thirty), "-o", str(folder / "30.pdf")],
                None,
                None,
            )
        )
        cases.append(
            (
                "render: 8 MB map to PDF (stops at the CPU limit)",
                [*cjmap, "render", str(path), "-o", str(folder / "big.pdf")],
                None,
                None,
            )
        )
        cases.append(
            (
                "render: 8 MB map to HTML",
                [*cjmap, "render", "--format", "html", str(path), "-o", str(folder / "big.html")],
                None,
                None,
            )
        )
    print("| case | wall | CPU | peak RSS | exit | last line |")
    print("|---|---|---|---|---|---|")
    for name, args, stdin, stack in cases:
        print(f"| {name} | {measure(args, stdin, stack)} |", flush=True)


if __name__ == "__main__":
    main()
