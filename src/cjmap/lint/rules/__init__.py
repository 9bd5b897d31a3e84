"""One module per lint rule; the registry (``cjmap.lint.registry``) lists them explicitly."""
