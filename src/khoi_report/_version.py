"""The tool's version, from the installed package's metadata: one place, imported by whoever needs it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("khoi-report")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
