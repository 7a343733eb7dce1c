"""The content-addressed store keeps each file once, under the SHA-256 of its bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hireloop.kit.store import ContentStore


def test_a_file_is_kept_once_under_its_hash_and_read_back(tmp_path: Path) -> None:
    store = ContentStore(tmp_path)
    data = b"Ada Example\nSenior ML Engineer\n"
    digest = store.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.put(data) == digest
    assert store.get(digest) == data
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [store.path_for(digest)]
