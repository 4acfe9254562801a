"""The extraction store: an unchanged article is never extracted twice, and the store can never
cost a build (damaged, unwritable, from another version)."""

import json
import os
import shutil
import sqlite3
import time
import zlib
from pathlib import Path

import pytest

from khoi_report.extraction import folder as pipeline
from khoi_report.extraction.store import KEEP_DAYS, code_files, fingerprint
from khoi_report.pipeline import extract
from khoi_report.tables import tabulate

from .conftest import SAMPLES


def observations(extraction) -> list[tuple]:
    return sorted((o.article, o.indicator, o.kind, o.value, o.evidence) for o in extraction.observations)


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "inputs"
    shutil.copytree(SAMPLES, folder)
    return folder


@pytest.fixture
def forbid_extraction(monkeypatch):
    """Once called, extracting any article fails: whatever still works came from the store."""
    def refuse(article, *args):
        raise AssertionError(f"{article.id} extracted again")

    return lambda: monkeypatch.setattr(pipeline, "extract_article", refuse)


def test_an_unchanged_folder_is_not_extracted_again(inputs, tmp_path, forbid_extraction):
    first = extract(inputs, store=tmp_path / "cache")
    forbid_extraction()
    again = extract(inputs, store=tmp_path / "cache")
    assert not [f for f in again.findings if f.code == "extract_failed"]
    assert observations(again) == observations(first)
    assert tabulate(again).blocs.equals(tabulate(first).blocs)


def test_only_the_changed_article_is_extracted_again(inputs, tmp_path, monkeypatch):
    extract(inputs, store=tmp_path / "cache")
    changed = inputs / "001_03e8ab6feff05417.txt"  # its bloc has 5.356 members
    changed.write_text(changed.read_text("utf-8").replace("5.356", "5.357"), "utf-8")
    seen = []
    real = pipeline.extract_article
    monkeypatch.setattr(pipeline, "extract_article", lambda article, *a: seen.append(article.id) or real(article, *a))
    again = extract(inputs, store=tmp_path / "cache")
    assert seen == [changed.name]
    members = {o.value for o in again.observations if o.article == changed.name and o.indicator == "members"}
    assert members == {5357}


def test_a_copy_under_another_name_is_named_for_its_file(inputs, tmp_path, forbid_extraction):
    extract(inputs, store=tmp_path / "cache")
    original = sorted(inputs.glob("*.txt"))[0]
    original.rename(inputs / "renamed copy.txt")
    shutil.copy(inputs / "renamed copy.txt", inputs / "second copy.txt")
    forbid_extraction()
    again = extract(inputs, store=tmp_path / "cache")
    names = {item.article.id: item for item in again.items}
    assert original.name not in names
    assert names["second copy.txt"].article.duplicate_of == "renamed copy.txt"
    assert names["renamed copy.txt"].article.duplicate_of is None
    assert {o.article for o in names["renamed copy.txt"].observations} == {"renamed copy.txt"}
    assert any(f.code == "duplicate" and f.article == "second copy.txt" for f in again.findings)
    assert not [f for f in again.findings if f.code == "extract_failed"]


def test_a_damaged_store_is_started_afresh(inputs, tmp_path):
    cache = tmp_path / "cache"
    first = extract(inputs, store=cache)
    (db,) = cache.glob("extract-*.sqlite")
    db.write_bytes(b"not a database at all" * 100)
    again = extract(inputs, store=cache)
    assert observations(again) == observations(first)
    assert extract(inputs, store=cache).items  # and it works as a store again


def test_a_store_that_cannot_be_written_costs_nothing(inputs, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    extraction = extract(inputs, store=blocker / "cache")
    assert extraction.observations and not [f for f in extraction.findings if f.severity == "error"]


def test_files_of_old_versions_are_removed_after_a_while(inputs, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    stale, recent = cache / "extract-old.sqlite", cache / "extract-newer.sqlite"
    stale.write_bytes(b"")
    recent.write_bytes(b"")
    long_ago = time.time() - (KEEP_DAYS + 1) * 86400
    os.utime(stale, (long_ago, long_ago))
    extract(inputs, store=cache)
    assert not stale.exists() and recent.exists()
    assert (cache / f"extract-{fingerprint()}.sqlite").is_file()


def test_the_store_holds_data_not_code(inputs, tmp_path):
    """Loading a pickle runs code, and a cache folder is the kind of place that ends up shared:
    every entry is plain JSON."""
    first = extract(inputs, store=tmp_path / "cache")
    (path,) = (tmp_path / "cache").glob("extract-*.sqlite")
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT key, item FROM article").fetchall()
    assert len(rows) == len(first.items)
    for _key, blob in rows:
        entry = json.loads(zlib.decompress(blob))
        assert set(entry) == {"article", "meta", "observations"}


def test_a_pickle_in_the_store_is_never_loaded(inputs, tmp_path):
    import pickle

    extract(inputs, store=tmp_path / "cache")
    (path,) = (tmp_path / "cache").glob("extract-*.sqlite")
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    with sqlite3.connect(path) as db:
        db.execute("UPDATE article SET item = ?", (zlib.compress(pickle.dumps(Payload())),))
    again = extract(inputs, store=tmp_path / "cache")
    assert not marker.exists()
    assert len(again.items) == len(list(inputs.glob("*.txt")))  # extracted afresh instead


def test_the_extractor_version_covers_every_module_of_the_stage():
    """A change to any module of the extraction package, however deep, must never serve stale results."""
    package = Path(code_files.__code__.co_filename).parents[1]
    modules = set((package / "extraction").rglob("*.py"))
    assert modules and modules <= set(code_files())
    assert package / "models.py" in code_files() and any(p.suffix == ".toml" for p in code_files())
