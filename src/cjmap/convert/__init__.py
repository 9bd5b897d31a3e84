"""Import and export: journeys from sheets and Mermaid into maps, and maps out to where people
read them.

- ``importer.import_file``: a CSV/XLSX sheet (``table``, ``xlsx_in``, ``sheet``, ``cells``,
  ``lanes``) or a Mermaid journey (``mermaid_in``) becomes a map's YAML (``build``,
  ``yaml_out``) that passes ``cjmap validate``.
- ``EXPORTER_BY_NAME``: a loaded map out as ``mermaid``, ``csv``, ``xlsx`` or ``png``; every
  exporter has one signature, ``export(loaded) -> bytes``, and is imported only when chosen.
"""
