"""WeasyPrint is imported without starting ldconfig/gcc/ld for every library name it tries."""

from __future__ import annotations

import subprocess
import sys

COUNT_PROGRAMS = """
import subprocess, sys
started = []
real = subprocess.Popen.__init__
def counting(self, args, *a, **kw):
    started.append(args)
    real(self, args, *a, **kw)
subprocess.Popen.__init__ = counting
"""


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", COUNT_PROGRAMS + code],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


def test_load_starts_no_program_where_a_plain_import_starts_many() -> None:
    plain = _run("import weasyprint\nprint(len(started))")
    fast = _run(
        "import ctypes.util\nbefore = ctypes.util.find_library\n"
        "from cjmap.render import weasy\nweasy.load()\n"
        "assert ctypes.util.find_library is before\n"
        "import weasyprint\nassert weasyprint.HTML\nprint(len(started))"
    )
    assert int(plain) > 10  # what cffi's library search costs: ldconfig, gcc, ld per name
    assert int(fast) == 0


def test_a_failed_fast_import_falls_back_to_the_usual_one() -> None:
    # The first import of WeasyPrint's library module fails as if a library were missing.
    out = _run(
        "import importlib.abc, sys\n"
        "class Once(importlib.abc.MetaPathFinder):\n"
        "    done = False\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'weasyprint.text.ffi' and not Once.done:\n"
        "            Once.done = True\n"
        "            raise OSError('no such library')\n"
        "sys.meta_path.insert(0, Once())\n"
        "import ctypes.util\nbefore = ctypes.util.find_library\n"
        "from cjmap.render import weasy\nmodule = weasy.load()\n"
        "assert Once.done and ctypes.util.find_library is before\n"
        "print(module.HTML.__name__, len(started) > 0)"
    )
    assert out == "HTML True"
