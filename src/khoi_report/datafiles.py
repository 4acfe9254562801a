"""The package's data files (`data/*.toml`): what the extractor and the brief know, kept out of code."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def load(name: str) -> dict:
    """One data file, parsed once per process: `load("indicators.toml")`."""
    return tomllib.loads(resources.files("khoi_report").joinpath(f"data/{name}").read_text("utf-8"))
