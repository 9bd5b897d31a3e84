"""``cjmap.validate``: what a run without lint leaves out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLLEEN = ROOT / "examples" / "colleen" / "current.cjm.yaml"


def test_a_run_without_lint_never_imports_the_linter() -> None:
    # `cjmap render` validates with lint=False: the 32 rule modules are start-up it need not pay.
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cjmap.validate import validate_paths\n"
        f"result = validate_paths([Path({str(COLLEEN)!r})], lint=False)\n"
        "print(len(result.maps), result.maps[0].ok,"
        " sorted(m for m in sys.modules if m.startswith('cjmap.lint')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.split() == ["1", "True", "[]"]
