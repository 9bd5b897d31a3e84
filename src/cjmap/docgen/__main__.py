"""``python -m cjmap.docgen [--check]``."""

import sys

from cjmap.docgen import main

sys.exit(main())
