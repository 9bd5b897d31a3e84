"""Packaging: a built wheel (not the editable install) holds the templates, catalogs and starters,
and works from another folder. The wheel is built from a snapshot of the work tree, installed
into a fresh virtualenv, and run on an example map: --version, validate, render to PDF and HTML.

pip builds the wheel with build isolation (it fetches the build backend named in pyproject.toml,
as any user's pip would, at the version requirements/test.txt locks). The fresh venv gets cjmap from the wheel only (--no-index); its
dependencies come from the test venv through a .pth line (no editable hook). Slow: runs in CI or
with CJMAP_SLOW_TESTS=1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from .helpers import ROOT, copy_example, locked_constraints, snapshot

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    source = snapshot(base / "src")
    dist = base / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(dist),
            str(source),
        ],
        check=True,
        timeout=600,
        env={**os.environ, **locked_constraints(base)},
    )
    (built,) = dist.glob("cjmap-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    env = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "test-deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-index",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    return env


def test_wheel_contains_templates_catalogs_and_starters(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = ROOT / "src" / "cjmap" / "render" / "templates"
    for path in templates.rglob("*"):
        if path.is_file():
            rel = path.relative_to(templates).as_posix()
            assert f"cjmap/render/templates/{rel}" in names, rel
    for lang in ("zh", "ru", "mk"):
        assert any(n.startswith(f"cjmap/locale/{lang}/LC_MESSAGES/") for n in names), lang
    for kind in ("current-state", "future-state", "day-in-the-life", "empathy"):
        for lang in ("en", "zh", "ru", "mk"):
            assert f"cjmap/starters/{kind}.{lang}.yaml" in names
    assert "cjmap/py.typed" in names
    assert not any(n.startswith(("tests/", "examples/")) for n in names)


def test_installed_wheel_works_from_another_folder(venv: Path, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    cjmap = str(venv / "bin" / "cjmap")
    work = tmp_path / "elsewhere"
    copy_example("zh", work)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([cjmap, *args], cwd=work, capture_output=True, text=True, timeout=300)

    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import cjmap; print(cjmap.__file__)"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(venv)), where  # the wheel's cjmap, not the work tree's

    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("cjmap 0."), version.stderr

    checked = run("validate", ".")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    pdf = run("render", "online-shop.cjm.yaml", "-o", "shop.pdf")
    assert pdf.returncode == 0, pdf.stdout + pdf.stderr
    text = pypdf.PdfReader(work / "shop.pdf").pages[0].extract_text()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text[:200]

    page = run("render", "empathy.cjm.yaml", "-o", "empathy.html")
    assert page.returncode == 0, page.stdout + page.stderr
    html = (work / "empathy.html").read_text(encoding="utf-8")
    assert "<style" in html and "<script" not in html.lower()

    started = run("new", "--template", "empathy", "--lang", "mk", "-o", "new.cjm.yaml")
    assert started.returncode == 0, started.stderr
    assert run("validate", "--no-lint", "new.cjm.yaml").returncode == 0


def test_shell_completion_script(venv: Path) -> None:
    done = subprocess.run(
        [str(venv / "bin" / "cjmap"), "--show-completion", "bash"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "SHELL": "/bin/bash"},
    )
    assert done.returncode == 0, done.stderr
    assert "_CJMAP_COMPLETE" in done.stdout
    assert shutil.which("bash") is not None
