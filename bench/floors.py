"""The floors of the fixed stack: what the goals' rivals cost with nothing of cjmap's own work.

A bench row whose goal is missed names its floor, measured in the same run (issue 19: a goal
that cannot be met without leaving a fixed choice of the project). Each mode is one process:

    floors.py hello MAP...          typer + pydantic: one command with a path argument and
                                    one option, validating a one-field model per file
    floors.py weasyprint JOBS HTML...  WeasyPrint alone on cjmap's HTML pages, imported once
                                    and forked into JOBS processes that share the pages: the
                                    least any WeasyPrint-based tool can spend on a batch
    floors.py weasyprint-tagged ...    the same, writing tagged PDFs as cjmap does (for screen
                                    readers; WeasyPrint's CLI does not tag by default)
"""

import sys
from pathlib import Path
from typing import Annotated


def hello(args: list[str]) -> None:
    import typer
    from pydantic import BaseModel

    class Model(BaseModel):
        title: str

    app = typer.Typer(add_completion=True)

    @app.callback()
    def root() -> None:
        """A root, as cjmap has, so that the command is chosen by name."""

    @app.command()
    def validate(paths: list[Path], fmt: Annotated[str, typer.Option("--format")] = "text") -> None:
        for path in paths:
            Model.model_validate({"title": path.name})
        print("ok")

    app(["validate", *args], prog_name="floor")


def weasyprint_batch(args: list[str], tagged: bool = False) -> None:
    import os

    jobs, pages = int(args[0]), args[1:]
    import weasyprint  # once, before the fork, as cjmap's batch does

    children = []
    for index in range(jobs):
        pid = os.fork()
        if pid == 0:
            for page in pages[index::jobs]:
                html = weasyprint.HTML(filename=page)
                html.write_pdf(os.devnull, pdf_tags=tagged)
            os._exit(0)
        children.append(pid)
    failed = [pid for pid in children if os.waitpid(pid, 0)[1] != 0]
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    mode, rest = sys.argv[1], sys.argv[2:]
    if mode == "hello":
        hello(rest)
    elif mode == "weasyprint":
        weasyprint_batch(rest)
    elif mode == "weasyprint-tagged":
        weasyprint_batch(rest, tagged=True)
    else:
        sys.exit(f"unknown mode {mode!r}")
