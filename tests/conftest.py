import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "inputs"
GOLD = Path(__file__).parent / "gold"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def needs(tool: str):
    """Skip when a Debian tool is missing on a developer's machine. In CI (CI=true), where
    .ci/run installs it, never skip: the test runs and fails without the tool."""
    if shutil.which(tool) or IN_CI:
        return lambda f: f
    return pytest.mark.skip(reason=f"{tool} not installed (./run test installs it as root)")


@pytest.fixture(autouse=True, scope="session")
def cache_folder(tmp_path_factory):
    """The suite's extraction cache lives in a temporary folder, never in the user's ~/.cache."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["KHOI_REPORT_CACHE"] = str(folder)
    return folder


@pytest.fixture
def write_article(tmp_path):
    """Write one article (text or bytes) into an inputs folder and return its path."""
    folder = tmp_path / "inputs"
    folder.mkdir()

    def write(name: str, content: str | bytes) -> Path:
        path = folder / name
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    write.folder = folder
    return write
