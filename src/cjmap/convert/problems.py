"""What goes wrong in an import or an export: one exception, with where, what and how to fix it."""

from __future__ import annotations


class ConvertProblem(Exception):
    """Input that cannot become a map (or a map that cannot become the format asked for).

    ``where`` is ``file``, ``file:C4`` (a sheet's cell) or ``file:12`` (a line); ``hint`` says
    how to fix it. The command line prints ``where: message (hint)`` and exits with code 2.
    """

    def __init__(self, where: str, message: str, hint: str | None = None) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text
