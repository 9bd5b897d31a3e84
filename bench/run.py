"""cjmap's benchmark: every comparison of the speed issue, side by side, in one run.

Run it from a clone (it installs the rivals from requirements/bench.txt, hash-checked, into
this venv when a tool is missing)::

    .venv/bin/python bench/run.py              # the full run: ~10 minutes on 2 cores
    .venv/bin/python bench/run.py --quick      # a small corpus and 3 repeats: ~1-2 minutes

It writes a seeded corpus of maps (en/zh/ru/mk, 6-12 stages each) to a temporary folder, runs
each command as a whole process (cold start, warm disk cache) after one untimed warm-up, and
interleaves the contenders of a comparison in each repeat so machine noise hits them alike. It
prints the median and minimum of each command, the ratios against each goal, and writes every
sample to a JSON file (``bench/out/results.json`` unless ``--out`` says otherwise).

Absolute times on a shared machine are noisy; the ratios, measured in the same run, are what
the goals are about. Peak memory is the child's maximum resident set size (``wait4``); it is
counted from the fork, so a child smaller than this script (~20 MB) reads as this script's size.
The CPU column (user + system) is less sensitive to other load on the machine than wall time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import LANGS, write_big_map, write_corpus  # noqa: E402
from diff_rows import diff_rows  # noqa: E402
from portfolio_rows import portfolio_rows  # noqa: E402

BIN = Path(sys.executable).parent
FLOORS = HERE / "floors.py"
# Children run as an installed cjmap does: with bytecode caching (the warm-up writes the .pyc
# files), even when this shell sets PYTHONDONTWRITEBYTECODE (every import would compile).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
YAMLLINT_CONFIG = "extends: default\nrules:\n  line-length: disable\n  document-start: disable\n"


# --------------------------------------------------------------------------- measuring


@dataclass
class Sample:
    seconds: float
    maxrss_kb: int
    rc: int
    cpu: float = 0.0  # user + system CPU seconds (less sensitive to a busy machine than wall)


def run_process(argv: Sequence[str], cwd: Path, capture: bool = False) -> tuple[Sample, str]:
    """Run one process to completion: wall time, CPU time, peak RSS (children included), and
    with ``capture`` its output (through a file: a pipe could fill up and stall it)."""
    with tempfile.TemporaryFile() as log:
        out: Any = log if capture else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), cwd=cwd, stdout=out, stderr=out, stdin=subprocess.DEVNULL, env=CHILD_ENV
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(elapsed, usage.ru_maxrss, rc, cpu), text


@dataclass
class Command:
    """One contender: a process (``argv``) or several in a row (``sequence``)."""

    name: str
    argv: list[str] | None = None
    sequence: Callable[[], list[list[str]]] | None = None
    cwd: Path = Path(".")
    clean: list[Path] = field(default_factory=list)  # outputs removed before every run
    expect_rc: int = 0
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None

    def _argvs(self) -> list[list[str]]:
        if self.argv is not None:
            return [self.argv]
        assert self.sequence is not None
        return self.sequence()

    def _clean(self) -> None:
        for path in self.clean:
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()

    def check(self, keep: bool = False) -> bool:
        """The warm-up: every process must exit as expected, or the row is skipped. Untimed
        unless ``keep`` (``--no-warmup``), when it is the first sample."""
        if self.argv is None and self.sequence is None:  # the tool is not installed
            self.error = self.error or f"{self.name}: nothing to run"
            return False
        return self.measure(check=True, keep=keep)

    def measure(self, check: bool = False, keep: bool = True) -> bool:
        self._clean()
        total, peak, rc, cpu = 0.0, 0, 0, 0.0
        for argv in self._argvs():
            sample, text = run_process(argv, self.cwd, capture=check)
            if check and sample.rc != self.expect_rc:
                tail = " | ".join(text.strip().splitlines()[-3:])[:300]
                self.error = f"exit {sample.rc}: {' '.join(argv[:4])}... {tail}"
                return False
            total += sample.seconds
            cpu += sample.cpu
            peak = max(peak, sample.maxrss_kb)
            rc = rc or sample.rc
        if keep:
            self.samples.append(Sample(total, peak, rc, cpu))
        return True

    @property
    def times(self) -> list[float]:
        return [s.seconds for s in self.samples]

    def median(self) -> float:
        return statistics.median(self.times)

    def best(self) -> float:
        return min(self.times)

    def median_cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    def median_rss_kb(self) -> float:
        return statistics.median(s.maxrss_kb for s in self.samples)


@dataclass
class Goal:
    """``kind`` "ratio": primary <= limit x other; "plus": primary <= other + limit seconds;
    "rss": primary's peak memory <= limit x other's."""

    against: str
    kind: str
    limit: float
    text: str
    value: float | None = None
    value_best: float | None = None
    met: bool | None = None

    def evaluate(self, primary: Command, other: Command) -> None:
        if self.kind == "ratio":
            self.value = primary.median() / other.median()
            self.value_best = primary.best() / other.best()
        elif self.kind == "plus":
            self.value = primary.median() - other.median()
            self.value_best = primary.best() - other.best()
        else:
            self.value = primary.median_rss_kb() / other.median_rss_kb()
            self.value_best = self.value
        self.met = self.value <= self.limit

    def describe(self) -> str:
        if self.value is None:
            return "not measured"
        if self.kind == "plus":
            got = f"{self.value * 1000:+.0f} ms (min {self.value_best * 1000:+.0f} ms)"  # type: ignore[operator]
            miss = f"missed by {(self.value - self.limit) * 1000:.0f} ms"
        else:
            got = f"{self.value:.2f}x (min {self.value_best:.2f}x)"
            miss = f"missed by {(self.value / self.limit - 1) * 100:.0f}%"
        return f"{got}  {'MET' if self.met else miss.upper()}"


@dataclass
class Comparison:
    id: str
    title: str
    commands: list[Command]
    goals: list[Goal] = field(default_factory=list)
    repeats: int = 5
    skipped: str | None = None
    warmup: bool = True
    note: str = ""

    def by_name(self, name: str) -> Command:
        return next(c for c in self.commands if c.name == name)

    def run(self, log: Callable[[str], None]) -> None:
        if self.skipped:
            log(f"  skipped: {self.skipped}")
            return
        usable = []
        for cmd in self.commands:
            if cmd.check(keep=not self.warmup):
                usable.append(cmd)
            else:
                log(f"  {cmd.name}: not measured ({cmd.error})")
        if not usable or usable[0] is not self.commands[0]:
            self.skipped = self.commands[0].error or "nothing to measure"
            return
        for rep in range(self.repeats - (0 if self.warmup else 1)):
            # Rotate the order each repeat: no contender always runs right after another.
            shift = rep % len(usable)
            for cmd in usable[shift:] + usable[:shift]:
                cmd.measure()
            log(
                f"  repeat {len(usable[0].samples)}/{self.repeats}: "
                + ", ".join(f"{c.name} {c.samples[-1].seconds:.3f}s" for c in usable)
            )
        primary = self.commands[0]
        for goal in self.goals:
            other = self.by_name(goal.against)
            if other.samples:
                goal.evaluate(primary, other)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "skipped": self.skipped,
            "note": self.note,
            "commands": [
                {
                    "name": c.name,
                    "argv": c.argv,
                    "processes": None if c.argv is not None else "sequence",
                    "error": c.error,
                    "samples_s": [round(s.seconds, 5) for s in c.samples],
                    "cpu_s": [round(s.cpu, 5) for s in c.samples],
                    "maxrss_kb": [s.maxrss_kb for s in c.samples],
                    "median_s": round(c.median(), 5) if c.samples else None,
                    "min_s": round(c.best(), 5) if c.samples else None,
                }
                for c in self.commands
            ],
            "goals": [
                {
                    "against": g.against,
                    "kind": g.kind,
                    "limit": g.limit,
                    "goal": g.text,
                    "value_median": None if g.value is None else round(g.value, 4),
                    "value_min": None if g.value_best is None else round(g.value_best, 4),
                    "met": g.met,
                }
                for g in self.goals
            ],
        }


# --------------------------------------------------------------------------- set-up


def tool(name: str) -> str | None:
    local = BIN / name
    if local.exists():
        return str(local)
    return shutil.which(name)


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def ensure_tools(install: bool, log: Callable[[str], None]) -> None:
    missing = [n for n in ("yamllint", "check-jsonschema") if tool(n) is None]
    if not missing:
        return
    if not install:
        log(f"setup: {', '.join(missing)} missing (--no-install): those comparisons are skipped")
        return
    lock = ROOT / "requirements" / "bench.txt"
    log(f"setup: installing {', '.join(missing)} from the lock ({lock.relative_to(ROOT)})")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--require-hashes",
            "--no-deps",
            "-r",
            str(lock),
        ],
        check=False,
    )


def version_of(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unavailable"
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0] if text else "unavailable"


def machine() -> dict[str, Any]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gib": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "loadavg_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def render_available(cjmap: str) -> bool:
    done = subprocess.run([cjmap, "render", "--help"], capture_output=True, check=False)
    return done.returncode == 0


# --------------------------------------------------------------------------- start-up report


def import_times(argv: list[str], cwd: Path, repeats: int) -> dict[str, Any]:
    """``python -X importtime``: total, per top-level package (self times summed), heavy ones."""
    totals: list[float] = []
    packages: dict[str, list[float]] = {}
    modules: set[str] = set()
    for _ in range(repeats):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", *argv],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
            env=CHILD_ENV,
        )
        per: dict[str, float] = {}
        for line in done.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
            if not m:
                continue
            name = m.group(4)
            modules.add(name)
            top = name.split(".")[0]
            per[top] = per.get(top, 0.0) + int(m.group(1)) / 1000
        totals.append(sum(per.values()))
        for top, ms in per.items():
            packages.setdefault(top, []).append(ms)
    median_pkg = {k: statistics.median(v) for k, v in packages.items()}
    top = sorted(median_pkg.items(), key=lambda kv: -kv[1])[:12]
    heavy = ("weasyprint", "jinja2", "babel", "rich", "pydantic", "typer", "ruamel", "click")
    return {
        "argv": argv,
        "total_ms": round(statistics.median(totals), 1),
        "modules": len(modules),
        "top_packages_ms": {k: round(v, 1) for k, v in top},
        "heavy_imported": sorted(
            h for h in heavy if any(m == h or m.startswith(h + ".") for m in modules)
        ),
    }


def profile(name: str, argv: list[str], cwd: Path, out: Path, log: Callable[[str], None]) -> None:
    """A pyinstrument profile of one command, as text, for docs/performance.md."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{name}.txt"
    done = subprocess.run(
        [sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(target), *argv],
        cwd=cwd,
        capture_output=True,
        check=False,
        env=CHILD_ENV,
    )
    log(f"  profile {name}: {target}" if done.returncode in (0, 1) else f"  profile {name}: failed")


# --------------------------------------------------------------------------- the run


def build(args: argparse.Namespace, work: Path, log: Callable[[str], None]) -> list[Comparison]:
    cjmap = str(BIN / "cjmap")
    yamllint, cjs, weasy, chrome = (
        tool("yamllint"),
        tool("check-jsonschema"),
        tool("weasyprint"),
        chromium(),
    )
    log(f"corpus: {args.maps} maps + {args.render_maps} to render + one {args.stages}-stage map")
    many = write_corpus(work / "many", args.maps, seed=args.seed)
    to_render = write_corpus(work / "render", args.render_maps, seed=args.seed + 1)
    big = write_big_map(work / "one", args.lang, seed=args.seed, stages=args.stages)
    (work / ".yamllint.yaml").write_text(YAMLLINT_CONFIG, encoding="utf-8")
    schema = work / "cjmap.schema.json"
    subprocess.run([cjmap, "schema", "-o", str(schema)], check=True, capture_output=True)
    lines = sum(p.read_text(encoding="utf-8").count("\n") for p in many)
    log(f"corpus: {work} ({lines} lines in {len(many)} maps, {len(to_render)} to render)")

    def yl(target: Path) -> list[str] | None:
        return [yamllint, "-c", str(work / ".yamllint.yaml"), str(target)] if yamllint else None

    def cj(files: Sequence[Path]) -> list[str] | None:
        if not cjs:
            return None
        # The default ECMAScript regexes, as editors read the schema (its id pattern uses \p{L}).
        return [cjs, "--schemafile", str(schema), *map(str, files)]

    def cmd(name: str, argv: list[str] | None, **kw: Any) -> Command:
        c = Command(name, argv, cwd=work, **kw)
        if argv is None:
            c.error = f"{name}: tool not installed"
        return c

    comps: list[Comparison] = []
    one = Comparison(
        "validate-one",
        f"cjmap validate one map ({args.stages} stages, {args.lang}), whole process, cold",
        [
            cmd("cjmap validate", [cjmap, "validate", str(big)]),
            cmd("yamllint", yl(big)),
            cmd("check-jsonschema", cj([big])),
            # The fixed stack alone (bench/floors.py): what a goal missed is measured against.
            cmd("floor: typer+pydantic", [sys.executable, str(FLOORS), "hello", str(big)]),
        ],
        [
            Goal("check-jsonschema", "ratio", 0.6, "<= 0.6x check-jsonschema"),
            Goal("yamllint", "ratio", 1.3, "<= 1.3x yamllint"),
        ],
        repeats=args.repeats,
    )
    comps.append(one)
    comps.append(
        Comparison(
            "validate-many",
            f"cjmap validate over {len(many)} maps, whole process",
            [
                cmd("cjmap validate", [cjmap, "validate", str(work / "many")]),
                cmd("yamllint", yl(work / "many")),
                cmd("check-jsonschema", cj(many)),
            ],
            [Goal("yamllint", "ratio", 0.1, "<= 0.1x yamllint")],
            repeats=args.batch_repeats,
            note="yamllint also reads the 4 persona files in the folder",
        )
    )
    comps.append(
        Comparison(
            "startup",
            "start-up: cjmap --version against a bare interpreter",
            [
                cmd("cjmap --version", [cjmap, "--version"]),
                cmd("python -c pass", [sys.executable, "-c", "pass"]),
            ],
            repeats=args.repeats,
        )
    )

    comps += portfolio_rows(args, work, cjmap, work / "many", (Command, Comparison, Goal), log)
    comps += diff_rows(args, work, cjmap, (Command, Comparison, Goal), log)

    out = work / "out"
    out.mkdir()
    html, pdf = out / "big.html", out / "big.pdf"
    if not render_available(cjmap):
        reason = "`cjmap render` is not available in this build"
        for cid, title in (
            ("render-html", "cjmap render to HTML, one map"),
            ("render-pdf", "cjmap render to PDF, one map"),
            ("render-batch", f"cjmap render of {len(to_render)} maps to PDF, -j {args.jobs}"),
            ("render-memory", "peak memory, render of the 12-stage map"),
        ):
            comps.append(Comparison(cid, title, [], skipped=reason))
        return comps

    # The HTML that WeasyPrint and Chromium are given is the one cjmap writes.
    subprocess.run([cjmap, "render", str(big), "-o", str(html)], check=True, capture_output=True)
    html_dir = out / "batch-html"
    subprocess.run(
        [cjmap, "render", str(work / "render"), "-o", str(html_dir), "--format", "html"],
        check=True,
        capture_output=True,
    )
    pages = sorted(html_dir.rglob("*.html"))
    log(f"render: {len(pages)} HTML pages written for the sequential WeasyPrint runs")

    comps.append(
        Comparison(
            "render-html",
            f"cjmap render to HTML, one map ({args.stages} stages), whole process",
            [
                cmd(
                    "cjmap render html",
                    [cjmap, "render", str(big), "-o", str(out / "r.html")],
                    clean=[out / "r.html"],
                ),
                cmd("cjmap validate", [cjmap, "validate", str(big)]),
                # The same validate through typer (``--`` is left to it: cli/fastpath.py), as
                # render always goes: the gap without the fast path's saving.
                cmd("validate via typer", [cjmap, "validate", "--", str(big)]),
            ],
            [Goal("cjmap validate", "plus", 0.100, "<= validate + 100 ms")],
            repeats=args.repeats,
        )
    )
    profile_dir = work / "chromium-profile"
    pdf_cmds = [
        cmd("cjmap render pdf", [cjmap, "render", str(big), "-o", str(pdf)], clean=[pdf]),
        cmd("weasyprint", [weasy, str(html), str(out / "w.pdf")] if weasy else None),
        cmd(
            "chromium",
            [
                chrome,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-pdf-header-footer",
                f"--user-data-dir={profile_dir}",
                f"--print-to-pdf={out / 'c.pdf'}",
                html.as_uri(),
            ]
            if chrome
            else None,
        ),
    ]
    render_pdf = Comparison(
        "render-pdf",
        f"cjmap render to PDF, one map ({args.stages} stages), whole process",
        pdf_cmds,
        [
            Goal("weasyprint", "ratio", 1.1, "<= 1.1x weasyprint CLI"),
            Goal("chromium", "ratio", 1.0, "<= 1.0x headless Chromium (wall)"),
        ],
        repeats=args.repeats,
    )
    comps.append(render_pdf)
    batch_out = out / "batch-pdf"

    def sequential() -> list[list[str]]:
        assert weasy is not None
        return [[weasy, str(p), str(out / "seq.pdf")] for p in pages]

    comps.append(
        Comparison(
            "render-batch",
            f"cjmap render of {len(to_render)} maps to PDF, -j {args.jobs}, whole process",
            [
                cmd(
                    f"cjmap render -j {args.jobs}",
                    [
                        cjmap,
                        "render",
                        str(work / "render"),
                        "-o",
                        str(batch_out),
                        "--format",
                        "pdf",
                        "-j",
                        str(args.jobs),
                    ],
                    clean=[batch_out],
                ),
                Command(f"{len(pages)} x weasyprint", sequence=sequential, cwd=work)
                if weasy
                else cmd(f"{len(pages)} x weasyprint", None),
                # WeasyPrint alone on the same pages, imported once, on as many processes;
                # then writing tagged PDFs, as cjmap does.
                cmd(
                    f"floor: weasyprint -j {args.jobs}",
                    [sys.executable, str(FLOORS), "weasyprint", str(args.jobs), *map(str, pages)],
                ),
                cmd(
                    f"floor: weasyprint -j {args.jobs}, tagged",
                    [
                        sys.executable,
                        str(FLOORS),
                        "weasyprint-tagged",
                        str(args.jobs),
                        *map(str, pages),
                    ],
                ),
            ],
            [Goal(f"{len(pages)} x weasyprint", "ratio", 0.4, "<= 0.4x sequential weasyprint")],
            repeats=args.batch_repeats,
        )
    )
    comps.append(
        Comparison(
            "render-memory",
            f"peak memory, render of the {args.stages}-stage map to PDF (from render-pdf's runs)",
            [],
            [Goal("weasyprint", "rss", 1.2, "<= 1.2x weasyprint's peak RSS")],
            note="derived",
        )
    )
    return comps


def derive_memory(comps: list[Comparison]) -> None:
    pdf = next((c for c in comps if c.id == "render-pdf"), None)
    mem = next((c for c in comps if c.id == "render-memory"), None)
    if pdf is None or mem is None or mem.skipped:
        return
    if pdf.skipped:
        mem.skipped = pdf.skipped
        return
    mem.commands = [pdf.by_name("cjmap render pdf"), pdf.by_name("weasyprint")]
    if all(c.samples for c in mem.commands):
        mem.goals[0].evaluate(*mem.commands)


def table(comps: list[Comparison]) -> str:
    out = []
    head = f"{'command':<28} {'median':>9} {'min':>9} {'CPU':>9} {'peak RSS':>9} {'n':>3}"
    for comp in comps:
        out.append("")
        out.append(f"== {comp.id}: {comp.title}")
        if comp.skipped:
            out.append(f"   skipped: {comp.skipped}")
            continue
        out.append("   " + head)
        for c in comp.commands:
            if not c.samples:
                out.append(f"   {c.name:<28} {'-':>9} {'-':>9} {'-':>9} {'-':>9}   0  ({c.error})")
                continue
            out.append(
                f"   {c.name:<28} {c.median():>8.3f}s {c.best():>8.3f}s {c.median_cpu():>8.3f}s "
                f"{c.median_rss_kb() / 1024:>7.0f}MB {len(c.samples):>3}"
            )
        for g in comp.goals:
            out.append(f"   goal {g.text:<34} {g.describe()}")
        if comp.note and comp.note != "derived":
            out.append(f"   note: {comp.note}")
    goals = [(c, g) for c in comps for g in c.goals]
    met = sum(1 for _, g in goals if g.met)
    measured = sum(1 for _, g in goals if g.met is not None)
    out.append("")
    out.append(f"goals: {met} of {len(goals)} met ({len(goals) - measured} not measured)")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small corpus, 3 repeats")
    parser.add_argument("--maps", type=int, default=1000, help="maps for validate-many")
    parser.add_argument("--render-maps", type=int, default=50, help="maps for render-batch")
    parser.add_argument("--site-maps", type=int, default=200, help="maps for the site rows")
    parser.add_argument("--stages", type=int, default=12, help="stages of the one-map rows")
    parser.add_argument("--lang", choices=LANGS, default="en", help="language of the one map")
    parser.add_argument("--repeats", type=int, default=10, help="repeats of one-map rows")
    parser.add_argument("--batch-repeats", type=int, default=3, help="repeats of batch rows")
    parser.add_argument("--jobs", type=int, default=2, help="-j of cjmap render")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", help="comma-separated comparison ids (e.g. validate-one)")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "results.json")
    parser.add_argument("--profile", type=Path, help="also write pyinstrument profiles here")
    parser.add_argument("--importtime", action="store_true", help="report -X importtime")
    parser.add_argument("--keep", action="store_true", help="keep the corpus folder")
    parser.add_argument(
        "--no-warmup", action="store_true", help="count the checking run as the first sample"
    )
    parser.add_argument("--no-install", action="store_true", help="never pip install tools")
    parser.add_argument("--quiet", action="store_true", help="print only the table")
    args = parser.parse_args(argv)
    if args.quick:
        args.maps, args.render_maps = min(args.maps, 200), min(args.render_maps, 10)
        args.site_maps = min(args.site_maps, 50)
        args.repeats, args.batch_repeats = min(args.repeats, 3), min(args.batch_repeats, 2)

    def log(text: str) -> None:
        if not args.quiet:
            print(text, file=sys.stderr, flush=True)

    ensure_tools(not args.no_install, log)
    info = machine()
    cjmap = str(BIN / "cjmap")
    versions = {
        "cjmap": version_of([cjmap, "--version"]),
        "yamllint": version_of([tool("yamllint") or "yamllint", "--version"]),
        "check-jsonschema": version_of(
            [tool("check-jsonschema") or "check-jsonschema", "--version"]
        ),
        "weasyprint": version_of([tool("weasyprint") or "weasyprint", "--version"]),
        "chromium": version_of([chromium() or "chromium", "--version"]),
    }
    log(f"machine: {info['cpu']}, {info['cores']} cores, load {info['loadavg_start']}")
    work = Path(tempfile.mkdtemp(prefix="cjmap-bench-"))
    started = time.perf_counter()
    try:
        comps = build(args, work, log)
        wanted = set(args.only.split(",")) if args.only else None
        if wanted:
            comps = [
                c
                for c in comps
                if c.id in wanted or (c.id == "render-pdf" and "render-memory" in wanted)
            ]
        for comp in comps:
            if comp.note == "derived":
                continue
            log(f"{comp.id}: {comp.title}")
            comp.warmup = not args.no_warmup
            comp.run(log)
        derive_memory(comps)
        startup: dict[str, Any] = {}
        if args.importtime:
            big = next((work / "one").glob("*.cjm.yaml"))
            startup = {
                "version": import_times([cjmap, "--version"], work, args.repeats),
                "validate": import_times([cjmap, "validate", str(big)], work, args.repeats),
            }
        if args.profile:
            big = next((work / "one").glob("*.cjm.yaml"))
            profile("validate-one", [cjmap, "validate", str(big)], work, args.profile, log)
            profile(
                "validate-many", [cjmap, "validate", str(work / "many")], work, args.profile, log
            )
            if render_available(cjmap):
                profile(
                    "render-html",
                    [cjmap, "render", str(big), "-o", str(work / "p.html")],
                    work,
                    args.profile,
                    log,
                )
                profile(
                    "render-pdf",
                    [cjmap, "render", str(big), "-o", str(work / "p.pdf")],
                    work,
                    args.profile,
                    log,
                )
    finally:
        if args.keep:
            log(f"corpus kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    info["loadavg_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    text = table(comps)
    if startup:
        text += "\n\nstart-up (python -X importtime, median; self times summed per package):"
        for key, rep in startup.items():
            tops = ", ".join(f"{k} {v:.0f}" for k, v in list(rep["top_packages_ms"].items())[:8])
            text += (
                f"\n  cjmap {key}: {rep['total_ms']:.0f} ms in {rep['modules']} modules"
                f" (heavy: {', '.join(rep['heavy_imported']) or 'none'})\n    ms: {tops}"
            )
    print(text)
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": info,
        "versions": versions,
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "seconds_total": round(time.perf_counter() - started, 1),
        "comparisons": [c.to_json() for c in comps],
        "startup": startup,
        "table": text,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
