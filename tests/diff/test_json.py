"""--format json: exactly {"maps": [{"old", "new", "status", "changes": [{"op", "path", "old",
"new"}]}]}, text kept as written."""

from __future__ import annotations

import io
import json

from cjmap.diff import DiffStyle, diff_printer
from cjmap.diff.run import diff_revisions

from .gitrepo import Repo


def test_the_documented_shape(repo: Repo) -> None:
    out = io.StringIO()
    diff_printer("json")(diff_revisions("v1", "v2", cwd=repo.root), out, DiffStyle())
    data = json.loads(out.getvalue())
    assert list(data) == ["maps"]
    for entry in data["maps"]:
        assert list(entry) == ["old", "new", "status", "changes"]
        assert entry["status"] in ("modified", "added", "removed", "renamed")
        for change in entry["changes"]:
            assert list(change) == ["op", "path", "old", "new"]
            assert change["op"] in ("added", "removed", "changed", "moved")
            assert all(isinstance(key, str) for key in change["path"])
    assert '"path": [\n            "stages",\n            "оплата"\n          ]' in out.getvalue()
