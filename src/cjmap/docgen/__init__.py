"""Reference docs generated from the code, so they cannot drift from it.

``python -m cjmap.docgen`` rewrites them in the project's docs/ folder; ``python -m cjmap.docgen
--check`` exits 1 and names each stale file (a test runs it). Generated:

- docs/cli.md: every command, argument and option, from the typer app;
- docs/format.md: every model, field, type, default, description and example, from the models,
  with a complete example map of each kind built from the fields' examples;
- docs/schema.json and docs/persona.schema.json: ``cjmap schema`` and ``cjmap schema --persona``;
- docs/icons.md: the stage and channel icons, from ``cjmap.render.icon_docs``;
- docs/rules.md: the lint rules, from each rule module's docstring (``cjmap.lint.docs``).

It is the one entry point: the CLI and format pages are written by this package
(``cli_reference``, ``format_reference``), the others by the package that owns the subject.
The label catalogs (``python -m cjmap.render.catalogs``) are translations, not reference docs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def generators() -> dict[str, Callable[[], str]]:
    """Each generated file (relative to the project root) and the function that makes it."""
    from cjmap.docgen.cli_reference import cli_markdown
    from cjmap.docgen.format_reference import format_markdown
    from cjmap.lint.docs import rules_markdown
    from cjmap.render.icon_docs import icons_markdown
    from cjmap.schema import schema_json

    found: dict[str, Callable[[], str]] = {
        "docs/cli.md": cli_markdown,
        "docs/format.md": format_markdown,
        "docs/schema.json": schema_json,
        "docs/persona.schema.json": lambda: schema_json(persona=True),
        "docs/icons.md": icons_markdown,
        "docs/rules.md": rules_markdown,
    }
    return found


def stale(root: Path) -> list[str]:
    """The generated files under ``root`` that differ from what the code generates now."""
    out = []
    for rel, generate in generators().items():
        path = root / rel
        try:
            current = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = None
        if current != generate():
            out.append(rel)
    return out


def write(root: Path) -> list[str]:
    """Rewrite every stale generated file; returns the ones written."""
    from cjmap.output import write_atomic

    written = []
    for rel, generate in generators().items():
        path = root / rel
        text = generate()
        try:
            if path.read_text(encoding="utf-8") == text:
                continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
        written.append(rel)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cjmap.docgen", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--check", action="store_true", help="Exit 1 if a generated file is stale.")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="The project root (default: .)"
    )
    args = parser.parse_args(argv)
    root: Path = args.root
    if not (root / "pyproject.toml").is_file():
        print(f"docgen: {root} is not the cjmap project root (no pyproject.toml)", file=sys.stderr)
        return 2
    if args.check:
        found = stale(root)
        for rel in found:
            print(f"docgen: {rel} is stale; run `python -m cjmap.docgen`", file=sys.stderr)
        return 1 if found else 0
    for rel in write(root):
        print(f"docgen: wrote {rel}", file=sys.stderr)
    return 0
