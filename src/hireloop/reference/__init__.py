"""Packaged reference data: versioned YAML files, each figure with its source and as-of date."""
