"""One record for every problem cjmap reports: YAML syntax, schema, references and lint findings.

A finding is plain data; the loader's codes (CJM0xx) live in :mod:`cjmap.load.codes`, the lint
rules' (CJM1xx) with each rule, and quoting input safely in a message in :mod:`cjmap.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is. Errors fail a run; warnings fail it only with ``--strict``."""

    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem at a place in a file. Line and column are 1-based, counted in characters."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    rule: str
    message: str
    hint: str | None = None
    end_line: int | None = field(default=None, compare=False)
    end_column: int | None = field(default=None, compare=False)

    @classmethod
    def error(
        cls,
        file: str,
        pos: tuple[int, int],
        code: tuple[str, str],
        message: str,
        hint: str | None = None,
    ) -> Diagnostic:
        """An error-severity diagnostic for one of the loader's codes (e.g. ``SYNTAX``)."""
        return cls(
            file=file,
            line=pos[0],
            column=pos[1],
            severity=Severity.error,
            code=code[0],
            rule=code[1],
            message=message,
            hint=hint,
        )

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.error for d in diagnostics)
