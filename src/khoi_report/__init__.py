"""khoi-report: comparative briefs on Vietnam's provincial Party bloc congresses."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("khoi-report")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

from .models import KhoiError  # noqa: E402
from .pipeline import build, extract  # noqa: E402

__all__ = ["KhoiError", "__version__", "build", "extract"]
