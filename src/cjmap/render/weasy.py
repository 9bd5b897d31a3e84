"""Importing WeasyPrint without the ~200 processes its library lookup starts on Linux.

WeasyPrint opens Pango, GObject, HarfBuzz and fontconfig by trying several names each
(``libgobject-2.0-0``, ``gobject-2.0-0``, ... ``libgobject-2.0.so.0``). cffi tries a name with
``dlopen`` and, when that fails, asks ``ctypes.util.find_library``, which on Linux runs
``ldconfig``, ``gcc`` and ``ld`` for the name: 215 programs for one ``import weasyprint``, half
a second of every PDF render (1.1-1.25 s -> 0.55-0.67 s measured). On Linux every library is
then found by the plain ``dlopen`` of its soname, which comes later in each list, so the search
is skipped; if that ever fails (an unusual install), WeasyPrint is imported again the usual way.
"""

from __future__ import annotations

import contextlib
import io
import sys
from types import ModuleType


def _not_searched(name: str) -> None:
    return None


def load() -> ModuleType:
    """The ``weasyprint`` module, imported once."""
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    if sys.platform.startswith("linux"):
        import ctypes.util

        search = ctypes.util.find_library
        ctypes.util.find_library = _not_searched
        try:
            # WeasyPrint prints installation advice to stdout before it gives up on a library.
            with contextlib.redirect_stdout(io.StringIO()):
                import weasyprint  # type: ignore[import-untyped]

            return weasyprint  # type: ignore[no-any-return]
        except OSError:
            for module in [m for m in sys.modules if m.split(".")[0] == "weasyprint"]:
                del sys.modules[module]
        finally:
            ctypes.util.find_library = search
    import weasyprint

    return weasyprint  # type: ignore[no-any-return]
