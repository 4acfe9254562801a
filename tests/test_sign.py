"""Signed PDFs: `build --sign KEY.p12` signs every PDF (PAdES, pyHanko), poppler's pdfsig finds
the signature valid, `verify` checks it, and a bad key, passphrase or certificate is one line
with nothing written. The keys are throwaway ones made here."""

import datetime as dt
import json
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from typer.testing import CliRunner

from khoi_report.cli import app

from .conftest import SAMPLES, assert_one_line_error, needs, pdf_text

runner = CliRunner()
PASSPHRASE = "mật-khẩu-7Qx!"  # must never appear in the manifest, the output or an error


def make_key(path, days=(-1, 365), passphrase=PASSPHRASE, name="Hoàng Anh Trung"):
    """A self-signed certificate and its key as a PKCS#12 file, valid from days[0] to days[1] from now."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now + dt.timedelta(days=days[0]))
            .not_valid_after(now + dt.timedelta(days=days[1]))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"signer", key, cert, None, serialization.BestAvailableEncryption(passphrase.encode())))
    return path


def build(out, *options, password=PASSPHRASE, preset="dang"):
    env = {"KHOI_REPORT_SIGN_PASSWORD": password} if password is not None else {}
    return runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(out), "-f", "pdf", "--preset", preset,
                               "--signer", "Hoàng Anh Trung", *options], env=env)


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("signed")
    key = make_key(folder / "key.p12")
    result = build(folder / "out", "--sign", str(key), "--split")
    assert result.exit_code == 0, result.output
    return folder / "out", result


@needs("pdfsig")
def test_pdfsig_finds_a_valid_signature_in_every_pdf(signed):
    out, _ = signed
    pdfs = [out / "brief.pdf", *sorted((out / "blocs").glob("*.pdf"))]
    assert len(pdfs) > 1
    for pdf in pdfs:
        report = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
        assert "Signature Validation: Signature is Valid." in report, (pdf, report)
        assert "Hoàng Anh Trung" in report
        assert "Total document signed" in report  # the signature covers the whole file


def test_the_signature_is_visible_in_the_signature_block_of_the_dang_preset(signed):
    from pyhanko.pdf_utils.reader import PdfFileReader

    out, _ = signed
    with open(out / "brief.pdf", "rb") as fh:
        reader = PdfFileReader(fh)
        (signature,) = reader.embedded_signatures
        widget = signature.sig_field
        rect = [float(v) for v in widget["/Rect"]]
        assert rect[2] - rect[0] > 100 and rect[3] - rect[1] > 40  # a box, not an invisible field
        page = reader.root["/Pages"]["/Kids"][-1]
        assert any(a.get_object().get("/T") == "Signature" for a in page["/Annots"])  # on the last page
    assert "Ký số: Hoàng Anh Trung" in pdf_text(out / "brief.pdf")


def test_verify_checks_the_signatures_and_the_manifest_keeps_no_passphrase(signed, tmp_path):
    out, result = signed
    assert PASSPHRASE not in result.output
    manifest = (out / "manifest.json").read_text("utf-8")
    assert PASSPHRASE not in manifest and json.loads(manifest)["settings"]["signed"] is True
    assert "key.p12" not in manifest
    ok = runner.invoke(app, ["verify", str(out)])
    assert ok.exit_code == 0, ok.output
    # A signed PDF whose signature no longer verifies, with its manifest entry updated to match:
    # only the signature check can tell.
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(out), str(copy)], check=True)
    data = bytearray((copy / "brief.pdf").read_bytes())
    at = data.index(b"Total") if b"Total" in data else data.index(b"/Type /Catalog")
    data[at] ^= 0x20
    (copy / "brief.pdf").write_bytes(bytes(data))
    entry = json.loads((copy / "manifest.json").read_text("utf-8"))
    import hashlib

    for item in entry["outputs"]:
        if item["file"] == "brief.pdf":
            item["bytes"], item["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    (copy / "manifest.json").write_text(json.dumps(entry), "utf-8")
    bad = runner.invoke(app, ["verify", str(copy)])
    assert bad.exit_code == 1 and "brief.pdf" in bad.output and "signature" in bad.output, bad.output


def test_the_default_preset_signs_invisibly(tmp_path):
    key = make_key(tmp_path / "key.p12")
    result = build(tmp_path / "out", "--sign", str(key), preset="default")
    assert result.exit_code == 0, result.output
    from khoi_report.publish.sign import check_pdf

    assert check_pdf((tmp_path / "out" / "brief.pdf").read_bytes()) == []


@pytest.mark.parametrize("case", ["missing", "wrong passphrase", "expired", "not yet valid"])
def test_a_bad_key_is_one_line_and_nothing_is_written(tmp_path, case):
    key = tmp_path / "key.p12"
    password = PASSPHRASE
    if case == "wrong passphrase":
        make_key(key)
        password = "not-" + PASSPHRASE
    elif case == "expired":
        make_key(key, days=(-400, -35))
    elif case == "not yet valid":
        make_key(key, days=(30, 400))
    result = build(tmp_path / "out", "--sign", str(key), password=password)
    line = assert_one_line_error(result, "key.p12", "nothing written")
    assert PASSPHRASE not in line and (password not in line)
    assert {"missing": "cannot read", "wrong passphrase": "wrong passphrase", "expired": "expired",
            "not yet valid": "valid only from"}[case] in line
    assert not (tmp_path / "out").exists()


def test_unsigned_builds_stay_byte_identical(tmp_path):
    first, second = (build(tmp_path / name, "--force", password=None) for name in ("a", "b"))
    assert first.exit_code == 0 and second.exit_code == 0
    assert (tmp_path / "a" / "brief.pdf").read_bytes() == (tmp_path / "b" / "brief.pdf").read_bytes()
