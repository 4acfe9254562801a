"""The output formats, registered by name: the one table from which the CLI's `--format` choices,
the settings' validation, the output file names, `--split` and the manifest are derived.

Adding a format is one module with a `render(context, job) -> bytes` function and one `register`
call here (or in a plug-in: `register` is public).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import docx, html, pdf
from .presets import DEFAULT
from .templates import RENDER_TIMEOUT, template_dirs


@dataclass
class Job:
    """What every renderer may use besides the context; renderers append to `warnings`."""

    dirs: list[Path]  # the template folders, in lookup order
    timeout: float  # seconds a template may take
    pdf_variant: str | None = None
    attachments: dict[str, bytes] = field(default_factory=dict)  # the data tables, for formats that carry them
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, templates: str | os.PathLike | None = None, preset: str | os.PathLike = DEFAULT,
           timeout: float = RENDER_TIMEOUT, **options) -> Job:
        """A job with the template folders of a user's folder and a preset."""
        return cls(template_dirs(templates, preset), timeout, **options)


@dataclass(frozen=True)
class Format:
    name: str  # the --format choice
    file: str  # the output's name: "brief.pdf"; a split brief is blocs/<bloc><suffix>
    render: Callable[[dict, Job], bytes]
    aside: bool = False  # rendered in a worker process started with the build (see `render.worker`)
    warm: Callable[[], None] | None = None  # what that worker does before the context exists (its imports)
    description: str = ""

    @property
    def suffix(self) -> str:
        return Path(self.file).suffix


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    FORMATS[fmt.name] = fmt
    return fmt


register(Format("pdf", "brief.pdf", pdf.render, aside=True, warm=pdf.warm_up, description="the brief laid out by WeasyPrint (A4, bookmarks, data attached)"))
register(Format("docx", "brief.docx", docx.render, description="the brief as a Word document"))
register(Format("html", "brief.html", html.render, description="one self-contained page for screens, phones to desktops"))

DEFAULT = ("pdf", "docx")  # what `build` writes when no format is chosen
