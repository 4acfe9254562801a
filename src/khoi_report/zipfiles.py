"""Zip-based documents (.docx, .xlsx) made reproducible: equal inputs, equal bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile


def reproducible_zip(data: bytes, day: dt.date) -> bytes:
    """The same .docx/.xlsx with every entry dated `day`, in a fixed order, and its core properties'
    timestamps set to `day` (openpyxl stamps the save time): equal inputs, equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        ordered = [n for n in names if n == "[Content_Types].xml"] + sorted(n for n in names if n != "[Content_Types].xml")
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=(max(day.year, 1980), day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            body = source.read(name)
            if name == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + f"{day.isoformat()}T00:00:00Z".encode(), body)
            target.writestr(info, body)
    return out.getvalue()
