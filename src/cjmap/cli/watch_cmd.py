"""``cjmap watch``: re-render a map's HTML on every save; the browser preview reloads itself."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from cjmap.choices import Kind
from cjmap.cli.core import EXIT_OK, EXIT_USAGE, app


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command()
def watch(
    map_path: Annotated[
        Path, typer.Argument(metavar="MAP", help="The map to watch.", show_default=False)
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Also write the HTML here on every good save (script-free)."
        ),
    ] = None,
    template: Annotated[
        Kind | None,
        typer.Option("--template", "-t", help="Override the template the map's kind picks."),
    ] = None,
    serve: Annotated[
        bool,
        typer.Option(
            "--serve/--no-serve",
            help="Serve a preview on 127.0.0.1 that reloads itself after each render.",
        ),
    ] = True,
    port: Annotated[
        int,
        typer.Option("--port", min=0, max=65535, help="Port of the preview (0: any free port)."),
    ] = 0,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the preview in the web browser.")
    ] = False,
) -> None:
    """Re-render MAP to HTML every time it (or its persona or compared map) is saved.

    The preview at the printed http://127.0.0.1 address reloads itself after each render and
    shows the map's problems while it is broken. The file written with -o is exactly what
    `cjmap render` writes (no script), and a broken save never overwrites it. Stop with Ctrl-C.
    """
    import threading

    from cjmap.watch import Preview, PreviewServer, Watcher

    if not map_path.is_file():
        print(f"cjmap: {map_path}: no such file", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE)
    if output is not None and not output.absolute().parent.is_dir():
        print(f"cjmap: {output}: the folder {output.parent} does not exist", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE)
    if output is None and not serve:
        print("cjmap: nothing to do: give -o FILE, or leave the preview on", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE)

    def say(line: str) -> None:
        print(line, flush=True)

    preview = Preview() if serve else None
    server = None
    if preview is not None:
        try:
            server = PreviewServer(preview, "127.0.0.1", port)
        except OSError as exc:
            print(f"cjmap: cannot serve on 127.0.0.1:{port} ({exc.strerror})", file=sys.stderr)
            raise typer.Exit(EXIT_USAGE) from None
        threading.Thread(target=server.serve_forever, daemon=True).start()
        say(f"cjmap watch: preview at {server.url} (Ctrl-C to stop)")
    watcher = Watcher(
        map_path,
        output=output,
        template=template.value if template else None,
        preview=preview,
        say=say,
    )
    stop = threading.Event()
    # A job started in the background by a non-interactive shell (CI runners, `cmd &`) inherits
    # SIGINT ignored, and Python then keeps ignoring it: install handlers so that Ctrl-C and
    # SIGTERM always stop the watch cleanly.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        if open_browser and server is not None:
            import webbrowser

            webbrowser.open(server.url)
        watcher.run(stop)
    except KeyboardInterrupt:
        say("cjmap watch: stopped")
    finally:
        stop.set()
        if server is not None:
            server.stop()
    raise typer.Exit(EXIT_OK)
