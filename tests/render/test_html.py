"""The HTML page: self-contained, escaped, in the map's language, and the template rules."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cjmap.render.html import TemplateMismatch, css_string, page_counter_css, render_html

from .conftest import EXAMPLES, ON, ROOT, Rendered, load

TEMPLATES = ROOT / "templates"


def test_self_contained_no_url_and_a_content_security_policy(example: Rendered) -> None:
    html = example.html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", html, re.I) is None
    assert re.search(r"url\(\s*['\"]?(https?:|//|file:)", html, re.I) is None
    assert "<script" not in html.lower()
    assert "@font-face" not in html
    assert f'<html lang="{example.lang}"' in html


def test_the_curve_has_a_text_alternative(rendered_examples: dict[str, Rendered]) -> None:
    html = rendered_examples["ru/bank-card.cjm.yaml"].html
    assert 'role="img"' in html and "<title>Эмоциональная кривая</title>" in html
    assert "Эмоциональная кривая, от −3 (хуже всего) до +3 (лучше всего):" in html


def test_templates_never_mark_text_safe() -> None:
    for path in TEMPLATES.glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", ""), path.name
        assert "autoescape false" not in text, path.name
        assert "Markup" not in text, path.name


def test_template_override_between_staged_kinds_and_refusal_otherwise() -> None:
    current = load(EXAMPLES / "colleen/current.cjm.yaml")
    html = render_html(current, template="future-state", on=ON)
    assert "names no current-state map to compare with" in html
    with pytest.raises(TemplateMismatch, match="cannot show a current-state map"):
        render_html(current, template="empathy", on=ON)
    with pytest.raises(TemplateMismatch, match="unknown template"):
        render_html(current, template="poster", on=ON)


def test_a_map_with_errors_is_refused(tmp_path: Path) -> None:
    from cjmap.load.loader import Loader

    path = tmp_path / "bad.cjm.yaml"
    path.write_text("cjmap: 1\nkind: current-state\ntitel: typo\n", encoding="utf-8")
    with pytest.raises(ValueError, match="has errors"):
        render_html(Loader().load(path))


def test_page_counter_css_escapes_its_text() -> None:
    assert css_string('a"b</style>') == '"a\\22 b\\3c \\2f style\\3e "'
    assert (
        str(page_counter_css("ru"))
        == '"\\421 \\442 \\440 \\430 \\43d \\438 \\446 \\430  " counter(page) " \\438 \\437  " counter(pages)'
    )
    assert "counter(page)" in str(page_counter_css("zh"))


def test_rendering_html_never_imports_weasyprint() -> None:
    code = (
        "import sys, datetime as dt; from pathlib import Path;"
        "from cjmap.load.loader import load_map; from cjmap.render import render_html;"
        "render_html(load_map(Path('examples/zh/online-shop.cjm.yaml')));"
        "assert 'weasyprint' not in sys.modules, 'weasyprint imported'"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_render_command_module_imports_nothing_heavy() -> None:
    code = (
        "import sys; import cjmap.cli.render_cmd;"
        "heavy = [m for m in ('jinja2', 'weasyprint', 'babel') if m in sys.modules];"
        "assert not heavy, heavy"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_compiled_templates_are_kept_in_the_cache_folder_and_a_damaged_one_is_recompiled(
    tmp_path: Path,
) -> None:
    script = (
        "from cjmap.render.html import environment\n"
        "env = environment('en')\n"
        "tpl = env.get_template('current-state.html.j2')\n"
        "print(env.bytecode_cache is not None)\n"
    )
    env = {**os.environ, "CJMAP_CACHE_DIR": str(tmp_path / "cache")}

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    assert run() == "True"
    entries = sorted((tmp_path / "cache" / "templates").glob("*/__jinja2_*.cache"))
    assert entries, "nothing was cached"
    stamps = [e.stat().st_mtime_ns for e in entries]
    assert run() == "True"  # a warm run reads the entries and writes none
    assert [e.stat().st_mtime_ns for e in entries] == stamps
    for entry in entries:
        entry.write_bytes(b"not a jinja bytecode file")
    assert run() == "True"
    assert all(e.read_bytes() != b"not a jinja bytecode file" for e in entries)


def test_a_cache_folder_that_cannot_be_written_costs_a_compile_not_the_render(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    script = (
        "import pathlib, shutil\n"
        "from cjmap.render.html import bytecode_cache, environment\n"
        "folder = pathlib.Path(bytecode_cache().directory)\n"
        # The folder is gone and a file stands in its way: every write fails, even as root.
        "shutil.rmtree(folder); folder.write_text('in the way')\n"
        "page = environment('en').get_template('empathy.html.j2')\n"
        "print(page.name)\n"
    )
    env = {**os.environ, "CJMAP_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "empathy.html.j2"
