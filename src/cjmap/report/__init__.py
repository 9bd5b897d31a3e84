"""Printers: each turns a list of diagnostics into one output format."""
