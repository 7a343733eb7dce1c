"""The generated corpus of good, broken and hostile CV files (see tests/corpus.py)."""

from corpus import good_folder, hostile_files

__all__ = ["good_folder", "hostile_files"]
