"""``--format json``: the stable shape docs/diff.md documents::

    {"maps": [{"old": "main:maps/shop.cjm.yaml", "new": "maps/shop.cjm.yaml",
               "status": "modified",
               "changes": [{"op": "changed", "path": ["stages", "sign-up", "feeling"],
                            "old": -2, "new": 1}]}]}

Text is kept as written (not ASCII-escaped); JSON's own escaping keeps it data.
"""

from __future__ import annotations

import json
from typing import TextIO

from cjmap.diff import DiffStyle
from cjmap.diff.changes import DiffResult


def write(result: DiffResult, out: TextIO, style: DiffStyle) -> None:
    json.dump(result.record(), out, ensure_ascii=False, indent=2)
    out.write("\n")
