"""docs/cli.md: every command, argument and option, walked from the click command typer builds."""

from __future__ import annotations

from typing import Any

from cjmap.docgen.markdown import GENERATED_NOTE, cell, dedent


def cli_markdown() -> str:
    """The command-line reference, walked from the click command typer builds."""
    import typer.main

    from cjmap.cli import app

    root = typer.main.get_command(app)
    out = [
        "# Command-line reference",
        "",
        GENERATED_NOTE.format(source="the typer app in src/cjmap/cli/"),
        "",
    ]
    out += _command_doc(root, "cjmap", level=2)
    out += _exit_codes()
    commands = sorted(getattr(root, "commands", {}).items())
    for name, command in commands:
        out += _command_doc(command, f"cjmap {name}", level=2)
    return "\n".join(out).rstrip() + "\n"


def _command_doc(command: Any, path: str, *, level: int) -> list[str]:
    ctx = command.context_class(command, info_name=path)
    out = [f"{'#' * level} `{path}`", ""]
    if command.help:
        out += [dedent(command.help), ""]
    pieces = command.collect_usage_pieces(ctx)
    out += ["```console", f"$ {path} {' '.join(pieces)}".rstrip(), "```", ""]
    params = command.get_params(ctx)
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    if arguments:
        out += ["| Argument | Help |", "| --- | --- |"]
        for param in arguments:
            record = param.get_help_record(ctx)
            name, help_text = record if record else (param.name.upper(), "")
            out.append(f"| `{cell(name)}` | {cell(help_text)} |")
        out.append("")
    if options:
        out += ["| Option | Help |", "| --- | --- |"]
        for param in options:
            record = param.get_help_record(ctx)
            if record is None:
                continue
            out.append(f"| `{cell(record[0])}` | {cell(record[1])} |")
        out.append("")
    commands = getattr(command, "commands", None)
    if commands:
        out += ["| Command | What it does |", "| --- | --- |"]
        for name, sub in sorted(commands.items()):
            out.append(f"| [`{name}`](#cjmap-{name}) | {cell(sub.get_short_help_str(limit=200))} |")
        out.append("")
    return out


def _exit_codes() -> list[str]:
    from cjmap.cli import core as cli

    meaning = {
        "EXIT_OK": "clean: no problems (warnings may have been printed)",
        "EXIT_PROBLEMS": "problems found in the maps",
        "EXIT_USAGE": "usage or I/O error: a bad option, a missing file, an output that cannot "
        "be written",
        "EXIT_INTERNAL": "internal error: a bug in cjmap (set CJMAP_DEBUG=1 for the traceback)",
    }
    out = ["### Exit codes", "", "| Code | Meaning |", "| --- | --- |"]
    for name, text in meaning.items():
        out.append(f"| {getattr(cli, name)} | {text} |")
    return [*out, ""]
