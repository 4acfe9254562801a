"""Signed PDFs: a PAdES signature (pyHanko) over each PDF a build writes, made with a PKCS#12 key.

`load_key` reads the key and its certificate before anything is built, so a missing file, a wrong
passphrase or a certificate out of its validity is one line (naming the file, never the
passphrase) and nothing is written. `sign_pdf` signs bytes in memory: the publish step writes the
signed bytes like any other output, atomically. Where the PDF has a named destination
`signature` (the preset `dang`'s signature block), the signature is visible there; otherwise it
is invisible. `check_pdf` tells whether the signatures of a PDF still verify (trust of the
certificate aside: a self-signed one is the user's to trust).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import KhoiError

FIELD = "Signature"  # the signature field's name
ANCHOR = "signature"  # the element id, hence named destination, where a visible signature goes
BOX = (234.0, 75.0)  # points: the visible signature's width and height (about 82 x 26 mm)


@dataclass(frozen=True)
class Key:
    """A signing key and its certificate, loaded (see `load_key`)."""

    path: Path
    signer: object  # pyhanko.sign.signers.SimpleSigner
    name: str  # the certificate's common name


def load_key(path: Path, passphrase: str | None, now: dt.datetime | None = None) -> Key:
    """The key of a PKCS#12 file (.p12/.pfx), or a one-line error: file missing or unreadable,
    wrong passphrase, certificate expired or not yet valid. The passphrase is never in a message."""
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, pkcs12
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise KhoiError(f"{path}: cannot read the signing key ({exc.strerror}); nothing written") from None
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, passphrase.encode() if passphrase else None)
    except (ValueError, TypeError):
        raise KhoiError(f"{path}: cannot open the signing key: wrong passphrase (KHOI_REPORT_SIGN_PASSWORD) or not "
                        "a PKCS#12 file; nothing written") from None
    if key is None or cert is None:
        raise KhoiError(f"{path}: the PKCS#12 file holds no key with its certificate; nothing written")
    now = now or dt.datetime.now(dt.timezone.utc)
    if cert.not_valid_after_utc < now:
        raise KhoiError(f"{path}: the certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}; nothing written")
    if cert.not_valid_before_utc > now:
        raise KhoiError(f"{path}: the certificate is valid only from {cert.not_valid_before_utc:%Y-%m-%d}; "
                        "nothing written")
    der = x509.Certificate.load(cert.public_bytes(Encoding.DER))
    private = keys.PrivateKeyInfo.load(key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption()))
    chain = [x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in others or []]
    signer = SimpleSigner(der, private, SimpleCertificateStore.from_certs([der, *chain]))
    return Key(Path(path), signer, der.subject.native.get("common_name", ""))


def _anchor(reader) -> tuple[int, float, float] | None:
    """The page index and top-left point of the named destination `signature`, if the PDF has one."""
    from pyhanko.pdf_utils.generic import IndirectObject

    names = reader.root.get("/Names")
    if names is None or "/Dests" not in names:
        return None
    flat = names["/Dests"].get("/Names")
    if flat is None:
        return None
    flat = list(flat)
    pages = [ref.idnum if isinstance(ref, IndirectObject) else None for ref in reader.root["/Pages"].raw_get("/Kids")]
    for name, target in zip(flat[::2], flat[1::2]):
        if str(name) == ANCHOR:
            target = target.get_object() if hasattr(target, "get_object") else target
            page = target.raw_get(0) if hasattr(target, "raw_get") else target[0]
            if isinstance(page, IndirectObject) and page.idnum in pages:
                return pages.index(page.idnum), float(target[2]), float(target[3])
    return None


def sign_pdf(data: bytes, key: Key, font: Path | None = None) -> bytes:
    """The PDF with a PAdES signature appended (an incremental update: the signed bytes are the
    original bytes and the signature). Visible at the `signature` anchor when the PDF has one."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    anchor = _anchor(writer.prev)
    spec, style = None, None
    if anchor is not None:
        page, x, y = anchor
        width, height = BOX
        spec = fields.SigFieldSpec(FIELD, on_page=page, box=(int(x), int(y - height), int(x + width), int(y)))
        style = _stamp_style(font)
    meta = signers.PdfSignatureMetadata(field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256")
    pdf_signer = signers.PdfSigner(meta, key.signer, stamp_style=style, new_field_spec=spec)
    out = pdf_signer.sign_pdf(writer)
    return out.getvalue()


def _stamp_style(font: Path | None):
    """The visible signature's look: who signed and when, in the document's font (its glyphs
    cover Vietnamese; pyHanko's built-in Courier does not)."""
    from pyhanko import stamp
    from pyhanko.pdf_utils import text

    box = text.TextBoxStyle(font_size=9)
    if font is not None and font.is_file():
        from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

        box = text.TextBoxStyle(font=GlyphAccumulatorFactory(str(font)), font_size=9)
    return stamp.TextStampStyle(stamp_text="Ký số: %(signer)s\nThời gian: %(ts)s", text_box_style=box,
                                border_width=1, timestamp_format="%d/%m/%Y %H:%M:%S %Z")


def check_pdf(data: bytes) -> list[str]:
    """What is wrong with a PDF's signatures (empty when each verifies and covers the whole file
    but for later signatures). A PDF with no signature gives 'not signed'."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(data))
        signatures = reader.embedded_signatures
    except Exception as exc:  # a PDF pyHanko cannot parse
        return [f"cannot read its signatures ({type(exc).__name__})"]
    if not signatures:
        return ["not signed"]
    problems = []
    context = ValidationContext(trust_roots=[])  # whether the signatures verify; trust is the reader's call
    for signature in signatures:
        status = validate_pdf_signature(signature, context)
        if not (status.intact and status.valid):
            problems.append(f"signature {signature.field_name!r} does not verify")
    if not problems and validate_pdf_signature(signatures[-1], context).coverage.name != "ENTIRE_FILE":
        problems.append("changed after it was signed (the last signature does not cover the whole file)")
    return problems
