"""action.yml: its shell steps run as GitHub would run them (inputs in the environment, bash,
the working folder a checkout of maps), with the real cjmap; and the workflows in docs/ci.md
use only inputs the action declares."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from ruamel.yaml import YAML

from .helpers import ROOT, VENV_BIN, copy_example, git

BAD_MAP = (
    "cjmap: 1\nkind: current-state\ntitle: Broken\nstages:\n  - name: Research\n    feelin: -1\n"
)


def _action() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return data


def _step(step_id: str) -> dict[str, Any]:
    steps = _action()["runs"]["steps"]
    return next(s for s in steps if s.get("id") == step_id)


@dataclass
class ActionRun:
    """What a run of the action's steps left: each step's outcome, the job summary."""

    steps: dict[str, subprocess.CompletedProcess[str] | None] = field(default_factory=dict)
    """Step id -> its run (None: a ``uses:`` step that was reached; absent: skipped)."""
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    summary: str = ""
    failed: str | None = None
    """The step that failed the action (the runner skips the steps after it)."""

    def log(self) -> str:
        return "".join(r.stdout + r.stderr for r in self.steps.values() if r is not None)


def _outputs(text: str) -> dict[str, str]:
    """$GITHUB_OUTPUT as the runner reads it: ``name=value`` and ``name<<DELIMITER`` blocks."""
    found: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value = []
            for part in lines:
                if part == delimiter:
                    break
                value.append(part)
            else:
                raise AssertionError(f"output {name}: no closing delimiter")
            found[name] = "\n".join(value)
        elif line:
            name, value_ = line.split("=", 1)
            found[name] = value_
    return found


def _value(expr: str, inputs: dict[str, str], run: ActionRun) -> str:
    """The few expressions action.yml uses: ``inputs.x``, ``steps.x.outputs.y``, ``runner.os``."""
    expr = expr.strip()
    if m := re.fullmatch(r"inputs\.([\w-]+)", expr):
        return inputs.get(m[1], str(_action()["inputs"][m[1]].get("default", "")))
    if m := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr):
        return run.outputs.get(m[1], {}).get(m[2], "")
    if expr == "runner.os":
        return "Linux"
    raise AssertionError(f"the test harness does not know the expression {expr!r}")


def _condition(expr: str | None, inputs: dict[str, str], run: ActionRun) -> bool:
    """An ``if:`` of the forms ``a == 'x'`` / ``a != 'x'`` joined by ``&&``; like the runner,
    a step without ``always()`` runs only while no step has failed."""
    if run.failed is not None and (expr is None or "always()" not in expr):
        return False
    if expr is None:
        return True
    for atom in expr.split("&&"):
        atom = atom.strip()
        if atom == "always()":
            continue
        m = re.fullmatch(r"(.+?)\s*(==|!=)\s*'([^']*)'", atom)
        assert m, f"the test harness does not know the condition {atom!r}"
        if (_value(m[1], inputs, run) == m[3]) != (m[2] == "=="):
            return False
    return True


def _run_action(
    cwd: Path,
    inputs: dict[str, str],
    *,
    skip: tuple[str, ...] = ("python", "system", "install"),
    runner_env: dict[str, str] | None = None,
) -> ActionRun:
    """The action's steps in order, as the runner runs a composite action: each shell step
    with bash -eo pipefail, its env from inputs and earlier steps' outputs, GITHUB_OUTPUT and
    GITHUB_STEP_SUMMARY files, GITHUB_WORKSPACE the checkout, plus ``runner_env`` (what the
    runner sets for every step: GITHUB_EVENT_NAME, GITHUB_EVENT_PATH...). ``uses:`` steps are
    only noted."""
    run = ActionRun()
    files = Path(tempfile.mkdtemp(prefix="runner-", dir=cwd.parent))
    summary = files / "step_summary.md"
    summary.touch()
    for step in _action()["runs"]["steps"]:
        sid = step["id"]
        if sid in skip or not _condition(step.get("if"), inputs, run):
            continue
        if "uses" in step:
            run.steps[sid] = None
            continue
        assert step["shell"] == "bash"
        output = files / f"{sid}.out"
        output.touch()
        env = {
            **os.environ,
            "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_WORKSPACE": str(cwd),
            "RUNNER_TEMP": str(files),
            "NO_COLOR": "1",
            **(runner_env or {}),
        }
        for name, template in step.get("env", {}).items():
            found = re.fullmatch(r"\$\{\{(.+)\}\}", template)
            assert found, f"{name}: inputs reach scripts through env only"
            env[name] = _value(found[1], inputs, run)
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        run.steps[sid] = done
        run.outputs[sid] = _outputs(output.read_text(encoding="utf-8"))
        if done.returncode != 0:
            run.failed = sid
    run.summary = summary.read_text(encoding="utf-8")
    return run


def test_scripts_never_paste_inputs_into_shell() -> None:
    for step in _action()["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], step.get("id")


def test_validate_step_annotates_lines_and_writes_sarif_into_a_new_folder(tmp_path: Path) -> None:
    copy_example("colleen", tmp_path / "maps")
    (tmp_path / "maps" / "broken.cjm.yaml").write_text(BAD_MAP, encoding="utf-8")
    (tmp_path / ".git").mkdir()

    # reports/ does not exist: the action creates it (it used to swallow cjmap's exit 2).
    run = _run_action(tmp_path, {"paths": "maps", "sarif-file": "reports/cjmap.sarif"})
    assert run.failed == "validate"
    validate = run.steps["validate"]
    assert validate is not None and validate.returncode == 1, run.log()
    assert "render" not in run.steps and "verdict" not in run.steps
    assert run.outputs["validate"]["exit-code"] == "1"
    assert re.search(
        r"^::error file=maps/broken\.cjm\.yaml,line=6,col=5,title=CJM\d+ [\w-]+::.*feelin",
        validate.stdout,
        flags=re.M,
    ), validate.stdout

    sarif = json.loads((tmp_path / "reports" / "cjmap.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    spots = {
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    }
    assert ("maps/broken.cjm.yaml", 6) in spots
    # The job summary lists the finding too.
    assert "| error | `maps/broken.cjm.yaml:6:5` | `CJM011 unknown-key` |" in run.summary


def test_a_sarif_file_that_cannot_be_written_fails_the_step(tmp_path: Path) -> None:
    copy_example("colleen", tmp_path / "maps")  # clean maps: only the report can fail
    (tmp_path / ".git").mkdir()
    (tmp_path / "cjmap.sarif").mkdir()  # a folder where the file should go
    run = _run_action(tmp_path, {"paths": "maps", "sarif-file": "cjmap.sarif"})
    assert run.failed == "validate"
    validate = run.steps["validate"]
    assert validate is not None and validate.returncode == 2, run.log()
    assert "::error title=cjmap::could not write the SARIF report" in validate.stdout
    assert "cjmap.sarif" in validate.stderr  # cjmap's own reason


def test_every_finding_reaches_the_job_summary_when_annotations_are_capped(
    tmp_path: Path,
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "maps").mkdir()
    for n in range(12):
        (tmp_path / "maps" / f"m{n:02}.cjm.yaml").write_text(BAD_MAP, encoding="utf-8")
    run = _run_action(tmp_path, {"paths": "maps"})
    validate = run.steps["validate"]
    assert validate is not None and validate.returncode == 1, run.log()
    assert len(re.findall(r"^::error ", validate.stdout, flags=re.M)) == 12
    assert re.search(
        r"^cjmap: 12 errors, but GitHub shows only the first 10 annotations",
        validate.stdout,
        flags=re.M,
    ), validate.stdout
    rows = re.findall(r"^\| error \| `maps/m(\d\d)\.cjm", run.summary, flags=re.M)
    assert rows == [f"{n:02}" for n in range(12)]
    assert "12 files checked: 12 errors in 12 files" in run.summary


def test_validate_step_passes_clean_maps_given_on_two_lines(tmp_path: Path) -> None:
    copy_example("colleen", tmp_path / "en")
    copy_example("zh", tmp_path / "zh")
    (tmp_path / ".git").mkdir()
    run = _run_action(tmp_path, {"paths": "en\nzh\n"})
    assert run.failed is None, run.log()
    assert "::error" not in run.log()
    assert re.search(r"\b6 files checked", run.log()), run.log()
    assert "6 files checked: no problems" in run.summary


def test_globs_in_paths_are_expanded_and_an_empty_one_is_an_annotation(tmp_path: Path) -> None:
    copy_example("colleen", tmp_path / "maps")
    copy_example("zh", tmp_path / "more" / "zh")
    (tmp_path / ".git").mkdir()
    run = _run_action(tmp_path, {"paths": "maps/c*.cjm.yaml more/**/*.cjm.yaml"})
    assert run.failed is None, run.log()
    listed = run.outputs["paths"]["list"].splitlines()
    assert listed[0] == "maps/current.cjm.yaml"
    assert listed[1:] == ["more/zh/empathy.cjm.yaml", "more/zh/online-shop.cjm.yaml"]
    assert re.search(r"\b3 files checked: no problems", run.log()), run.log()

    missing = _run_action(tmp_path, {"paths": "maps nomaps/*.cjm.yaml"})
    assert missing.failed == "paths"
    paths = missing.steps["paths"]
    assert paths is not None and paths.returncode == 2
    assert paths.stdout.startswith(
        "::error title=cjmap paths::the glob 'nomaps/*.cjm.yaml' matches no file"
    )

    missing_folder = _run_action(tmp_path, {"paths": "maps mpas"})
    assert missing_folder.failed == "paths"
    assert "::error title=cjmap paths::'mpas' does not exist" in missing_folder.log()

    # A name with a line break would split into two paths, one of them anywhere: refused.
    (tmp_path / "maps" / "x\n..\n.cjm.yaml").write_text("", encoding="utf-8")
    split = _run_action(tmp_path, {"paths": "maps/*.cjm.yaml"})
    assert split.failed == "paths"
    assert "a file name with a line break" in split.log()


def test_render_uploads_the_valid_maps_and_still_fails_the_job(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    from pypdf import PdfReader

    copy_example("ru", tmp_path / "maps")
    (tmp_path / "maps" / "broken.cjm.yaml").write_text(BAD_MAP, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    run = _run_action(tmp_path, {"paths": "maps", "render": "true", "render-dir": "out pdf"})
    # validate and render report the broken map, the PDFs of the others are uploaded,
    # and the last step fails the job.
    assert run.outputs["validate"]["exit-code"] == "1"
    assert run.outputs["render"]["exit-code"] == "1"
    assert "upload" in run.steps
    assert run.failed == "verdict", run.log()
    verdict = run.steps["verdict"]
    assert verdict is not None and verdict.stdout.startswith("::error title=cjmap::")
    pdfs = sorted((tmp_path / "out pdf").rglob("*.pdf"))
    assert [p.name for p in pdfs] == ["bank-card.pdf", "day-in-the-life.pdf"]
    text = PdfReader(pdfs[0]).pages[0].extract_text()
    assert re.search(r"[А-Яа-я]{4}", text), text[:200]


def test_docs_workflows_use_declared_inputs() -> None:
    declared = set(_action()["inputs"])
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflows = [
        YAML(typ="safe").load(block)
        for block in re.findall(r"```yaml\n(.*?)```", page, flags=re.S)
        if "jobs:" in block
    ]
    assert len(workflows) >= 2
    uses = 0
    for workflow in workflows:
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if re.fullmatch(r"<owner>/cjmap@v[\d.]+", step.get("uses", "")):
                    uses += 1
                    assert set(step.get("with", {})) <= declared
    assert uses >= 2


def _pull_request(tmp_path: Path) -> tuple[Path, str]:
    """A pull request as actions/checkout leaves it: a clone of one commit (the head), whose
    base commit is on the remote only. The head moves the "Compare and decide" stage to the
    top and makes it feel better."""
    origin = tmp_path / "origin"
    copy_example("colleen", origin / "maps")
    git("init", "-q", cwd=origin)
    git("config", "uploadpack.allowAnySHA1InWant", "true", cwd=origin)  # as GitHub allows
    git("add", "-A", cwd=origin)
    git("commit", "-q", "-m", "base", cwd=origin)
    base = git("rev-parse", "HEAD", cwd=origin).strip()
    current = origin / "maps" / "current.cjm.yaml"
    text = current.read_text(encoding="utf-8")
    head, stages = text.split("stages:\n", 1)
    blocks = re.split(r"(?m)^(?=  - id: )", stages)
    moved = next(i for i, b in enumerate(blocks) if b.startswith("  - id: compare\n"))
    blocks.insert(1, blocks.pop(moved).replace("{score: -2, label: overwhelmed}", "1"))
    current.write_text(head + "stages:\n" + "".join(blocks), encoding="utf-8")
    git("commit", "-q", "-am", "compare first", cwd=origin)
    checkout = tmp_path / "checkout"
    git("clone", "-q", "--depth=1", origin.as_uri(), str(checkout), cwd=tmp_path)
    return checkout, base


def _event(folder: Path, base: str, head_repo: str) -> dict[str, str]:
    event = {
        "pull_request": {
            "number": 7,
            "base": {"sha": base, "repo": {"full_name": "acme/maps"}},
            "head": {"repo": {"full_name": head_repo}},
        }
    }
    path = folder / f"event-{head_repo.replace('/', '-')}.json"
    path.write_text(json.dumps(event), encoding="utf-8")
    return {
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(path),
        "GITHUB_REPOSITORY": "acme/maps",
    }


class _Comments(BaseHTTPRequestHandler):
    """GitHub's comment list (empty) and comment creation, recording what was posted."""

    posted: ClassVar[list[tuple[str, str, str | None]]] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self, status: int, data: Any) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self) -> None:
        self._answer(200, [])

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["body"]
        self.posted.append((self.path, body, self.headers.get("Authorization")))
        self._answer(201, {"id": 1, "body": body, "user": {"type": "Bot"}})


def test_diff_step_writes_the_journey_diff_to_the_summary_and_one_comment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    checkout, base = _pull_request(tmp_path)
    assert subprocess.run(["git", "cat-file", "-e", base], cwd=checkout).returncode != 0
    _Comments.posted = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Comments)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        run = _run_action(
            checkout,
            {"paths": "maps", "diff": "true", "diff-comment-token": "t0ken"},
            runner_env={
                **_event(tmp_path, base, "acme/maps"),
                "GITHUB_API_URL": f"http://127.0.0.1:{server.server_address[1]}",
            },
        )
    finally:
        server.shutdown()
        server.server_close()
    assert run.failed is None, run.log()
    diff = run.steps["diff"]
    assert diff is not None and diff.stdout == "cjmap diff: comment created\n", run.log()
    # The base was fetched by its id; the diff is the journey's, then validate's report.
    journey, _, validated = run.summary.partition("### cjmap validate")
    assert journey.startswith("<!-- cjmap-diff -->\n## Journey diff\n"), run.summary
    assert re.search(r"^\*\*1 map changed; .*1 stage moved", journey, flags=re.M), journey
    assert "| Compare and decide | −2 | +1 | ▲ +3 |" in journey, journey
    assert "```mermaid" in journey
    assert journey.endswith("</details>\n\n"), journey  # the HTML block ends before the next
    assert "4 files checked: no problems" in validated
    # One comment, the same Markdown, the token in the header only.
    assert _Comments.posted == [
        ("/repos/acme/maps/issues/7/comments", journey.rstrip("\n") + "\n", "Bearer t0ken")
    ]
    assert "t0ken" not in run.log()

    # A fork's pull request: the summary still, no request, a notice saying why.
    fork = _run_action(
        checkout,
        {"paths": "maps", "diff": "true", "diff-comment-token": "t0ken"},
        skip=("python", "system", "install", "validate"),
        runner_env={
            **_event(tmp_path, base, "someone/maps"),
            "GITHUB_API_URL": "http://127.0.0.1:9",
        },
    )
    assert fork.failed is None, fork.log()
    assert "::notice title=cjmap diff::this pull request comes from a fork" in fork.log()
    assert "::warning" not in fork.log()
    assert fork.summary.startswith("<!-- cjmap-diff -->\n## Journey diff\n")
    assert len(_Comments.posted) == 1
