"""khoi-report: comparative briefs on Vietnam's provincial Party bloc congresses.

The Python API: `build(settings)` and `extract(inputs)`, with `Settings` and the one error a user
sees, `KhoiError`. Nothing inside the package imports this module: it is only the front door.
"""

from ._version import __version__
from .errors import KhoiError
from .pipeline import build, extract

__all__ = ["KhoiError", "__version__", "build", "extract"]
