"""``--format json``: a list of objects, one per action item, with exactly the keys of
:data:`~cjmap.portfolio.actions_report.COLUMNS`::

    [{"file": "maps/checkout.cjm.yaml", "map": "Buying a vacuum online", "stage": "purchase",
      "stage_name": "Purchase", "opportunity": "guest-checkout", "opportunity_text": "...",
      "task": "Enable guest checkout", "owner": "E-commerce team", "status": "doing",
      "due": "2026-09-30", "overdue": true}]

``opportunity``, ``owner`` and ``due`` are null when the map does not give them. Text is kept
as written (not ASCII-escaped); JSON's own escaping keeps it data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from cjmap.portfolio.actions import ActionRow
from cjmap.portfolio.actions_report import ActionsStyle, record


def write(rows: Sequence[ActionRow], out: TextIO, style: ActionsStyle) -> None:
    json.dump([record(row) for row in rows], out, ensure_ascii=False, indent=2)
    out.write("\n")
