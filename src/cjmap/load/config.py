"""The project's cjmap configuration: ``.cjmap.yaml``, or ``[tool.cjmap]`` in ``pyproject.toml``.

The configuration of a map lives at its project root (see ``cjmap.load.files.find_root``): the
nearest folder above the map that holds ``.cjmap.yaml``, ``pyproject.toml`` or ``.git``. There
``.cjmap.yaml`` wins over ``pyproject.toml``; a ``pyproject.toml`` without ``[tool.cjmap]`` (or no
file at all) means the defaults. ``--config FILE`` names one file for every map instead.

Both files hold the same sections (today: ``lint``). A bad file is a located error (file, line,
column) that stops the run with exit code 2; an unknown key is an error too, never ignored.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.load.codes import CONFIG
from cjmap.load.files import FileProblem, display, read_bytes
from cjmap.load.yamlsource import Path_, Pos, Positions, decode, parse
from cjmap.text import echo

CONFIG_FILE = ".cjmap.yaml"
SECTIONS = ("lint", "site")


class ConfigError(Exception):
    """A configuration file cannot be used; ``diagnostics`` say where and why."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass
class ConfigFile:
    """A configuration file as read: its sections, and a way to locate any of its values."""

    file: str
    data: dict[str, Any] = field(default_factory=dict)
    locate: Callable[[Path_, bool], Pos] = lambda path, value: (1, 1)
    text: str | None = None

    def error(
        self, path: Path_, message: str, hint: str | None = None, *, value: bool = False
    ) -> Diagnostic:
        """A located error about the key at ``path`` (``value=True``: about its value)."""
        line, column = self.locate(path, value)
        return Diagnostic(
            file=self.file,
            line=line,
            column=column,
            severity=Severity.error,
            code=CONFIG[0],
            rule=CONFIG[1],
            message=message,
            hint=hint,
        )


DEFAULT = ConfigFile(file="<defaults>")


def find_config(root: Path) -> Path | None:
    """The configuration file of the project whose root is ``root``, if it has one."""
    own = root / CONFIG_FILE
    if own.is_file():
        return own
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and re.search(rb"(?m)^\s*\[\s*tool\s*\.\s*cjmap\b", _peek(pyproject)):
        return pyproject
    return None


def _peek(path: Path) -> bytes:
    try:
        return read_bytes(path)
    except FileProblem:
        return b"[tool.cjmap]"  # let load_config report the problem with its location


def load_config(path: Path) -> ConfigFile:
    """Read and check the top level of a configuration file (sections are checked by their
    owners, e.g. ``cjmap.lint.settings``)."""
    file = display(path)
    try:
        raw = read_bytes(path)
    except FileProblem as problem:
        raise ConfigError([_error(file, (1, 1), problem.message, problem.hint)]) from None
    text, problems = decode(raw, file)
    if text is None:
        raise ConfigError([_as_config(d) for d in problems])
    config = _load_toml(text, file) if path.name == "pyproject.toml" else _load_yaml(text, file)
    config.text = text
    _check_sections(config)
    return config


def _load_yaml(text: str, file: str) -> ConfigFile:
    parsed = parse(text, file)
    if parsed.diagnostics:
        raise ConfigError([_as_config(d) for d in parsed.diagnostics])
    data = parsed.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(
            [
                _error(
                    file,
                    (1, 1),
                    "the configuration must be a mapping (key: value lines)",
                    "start with `lint:`",
                )
            ]
        )
    return ConfigFile(file=file, data=data, locate=_yaml_locator(parsed.positions))


def _yaml_locator(positions: Positions) -> Callable[[Path_, bool], Pos]:
    def locate(path: Path_, value: bool) -> Pos:
        if not value and path and isinstance(path[-1], str) and path in positions.keys:
            return positions.keys[path]
        return positions.value(path)

    return locate


def _load_toml(text: str, file: str) -> ConfigFile:
    import tomllib

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+), column (\d+)", str(exc))
        pos = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(
            [_error(file, pos, f"TOML syntax: {message}", "check the TOML syntax here")]
        ) from None
    tool = document.get("tool", {})
    data = tool.get("cjmap", {}) if isinstance(tool, dict) else {}
    if not isinstance(data, dict):
        data = {}
    return ConfigFile(file=file, data=data, locate=_toml_locator(text))


def _toml_locator(text: str) -> Callable[[Path_, bool], Pos]:
    """Best-effort positions in TOML (tomllib keeps none): the line that writes the last key
    or value of ``path`` inside the ``[tool.cjmap...]`` tables, else the nearest table header."""
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")

    def tables() -> list[tuple[int, str]]:
        found = []
        for number, line in enumerate(lines, 1):
            match = header.match(line)
            if match:
                found.append((number, re.sub(r"\s*\.\s*", ".", match.group(1)).replace('"', "")))
        return found

    def locate(path: Path_, value: bool) -> Pos:
        full = ".".join(["tool", "cjmap", *(str(p) for p in path if not isinstance(p, int))])
        best: Pos = (1, 1)
        best_len = -1
        spans = tables()
        for index, (number, name) in enumerate(spans):
            if not (full == name or full.startswith(name + ".")) or not name.startswith(
                "tool.cjmap"
            ):
                continue
            end = spans[index + 1][0] - 1 if index + 1 < len(spans) else len(lines)
            rest = full[len(name) + 1 :] if full != name else ""
            pos: Pos = (number, lines[number - 1].find("[") + 1)
            needles = [p for p in path if isinstance(p, str)]
            wanted = rest.split(".")[0] if rest else (needles[-1] if needles else "")
            last = path[-1] if path else None
            for line_no in range(number + 1, end + 1):
                line = lines[line_no - 1]
                key = re.match(r'^\s*"?([A-Za-z0-9_-]+)"?\s*=', line)
                if rest and key and key.group(1) == wanted:
                    pos = (line_no, key.start(1) + 1)
                    if isinstance(last, int):
                        pos = _nth_item(lines, line_no, last) or pos
                    break
            if len(name) > best_len:
                best, best_len = pos, len(name)
        return best

    return locate


def _nth_item(lines: list[str], line_no: int, index: int) -> Pos | None:
    """Where the ``index``-th item of an array that starts on ``line_no`` is written."""
    text = "\n".join(lines[line_no - 1 :])
    start = text.find("[")
    if start < 0:
        return None
    items = re.finditer(r'"[^"]*"|\'[^\']*\'|[^\s,\[\]]+|\]', text[start + 1 :])
    for count, match in enumerate(items):
        if match.group() == "]":
            return None
        if count == index:
            offset = start + 1 + match.start()
            before = text[:offset]
            return line_no + before.count("\n"), offset - (before.rfind("\n") + 1) + 1
    return None


def _check_sections(config: ConfigFile) -> None:
    problems = []
    for key, value in config.data.items():
        if key not in SECTIONS:
            close = difflib.get_close_matches(str(key), SECTIONS, n=1, cutoff=0.5)
            guess = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(
                config.error(
                    (key,),
                    f"unknown configuration section {echo(key)}{guess}",
                    "known sections: " + ", ".join(SECTIONS),
                )
            )
        elif not isinstance(value, dict) and value is not None:
            problems.append(config.error((key,), f"`{key}` must be a mapping of settings"))
    if problems:
        raise ConfigError(problems)


def _as_config(d: Diagnostic) -> Diagnostic:
    return Diagnostic(
        d.file, d.line, d.column, Severity.error, CONFIG[0], CONFIG[1], d.message, d.hint
    )


def _error(file: str, pos: Pos, message: str, hint: str | None) -> Diagnostic:
    return Diagnostic(file, pos[0], pos[1], Severity.error, CONFIG[0], CONFIG[1], message, hint)
