"""The portfolio: what many maps say together.

``actions.py`` is the action register (``cjmap actions``): every action item of every map,
with its owner, status and due date, filtered and sorted; ``actions_report/`` prints it. The
static site of a folder of maps will live here too. Maps are read with ``cjmap.validate``
(no linting), so a register over many maps costs what ``cjmap validate --no-lint`` costs.
"""
