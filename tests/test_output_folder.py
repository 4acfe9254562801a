"""The output folder holds one build: what an earlier build wrote and this one does not is removed,
and `verify` names any file its manifest does not list."""

from khoi_report import build
from khoi_report.publish import verify
from khoi_report.settings import Settings

from .conftest import SAMPLES


def test_a_narrower_build_removes_what_the_wider_one_wrote(tmp_path):
    build(Settings(inputs=SAMPLES, out=tmp_path, formats=("pdf", "docx"), split=True))
    assert (tmp_path / "brief.docx").is_file() and (tmp_path / "blocs").is_dir()
    mine = tmp_path / "notes.txt"
    mine.write_text("the user's own file", "utf-8")
    build(Settings(inputs=SAMPLES, out=tmp_path, formats=("pdf",)))
    assert not (tmp_path / "brief.docx").exists() and not (tmp_path / "blocs").exists()
    assert (tmp_path / "brief.pdf").is_file() and mine.read_text("utf-8") == "the user's own file"  # never ours to remove
    assert verify(tmp_path) == [f"{mine}: not in the manifest (not written by the build it describes)"]
    mine.unlink()
    assert verify(tmp_path) == []


def test_a_file_of_ones_own_in_the_folder_does_not_make_a_build_rerun(tmp_path):
    build(Settings(inputs=SAMPLES, out=tmp_path, formats=("pdf",)))
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    assert build(Settings(inputs=SAMPLES, out=tmp_path, formats=("pdf",))).up_to_date
