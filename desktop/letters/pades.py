"""Electronic signatures (PAdES) on the desk's PDFs, with pyHanko, offline.

- ``SigningIdentity``: the signer's certificate, key and chain, from a PKCS#12 file
  (``load_pkcs12``) or a PKCS#11 token (``open_pkcs11``, needs ``python-pkcs11``).
- ``check_usable``: refuses (``SigningRefused``, an Indonesian message) a certificate that is
  expired, not valid yet, revoked according to a CRL at hand, or not meant for signing.
- ``PdfSealer``: signs finished PDF bytes: a PAdES baseline signature (ETSI.CAdES.detached,
  SHA-256) with the certificate chain embedded and a visible stamp drawn in the document's
  own typeface in the room to sign (``signbox.SignatureBox``). The signing time is the
  desk's clock (no timestamp authority is reachable offline); the stamp says so.
- ``verify_pdf``: every signature of a PDF: signer, time, integrity, trust (against the CA
  certificates given) and revocation (against the CRLs given), no network.

pyHanko and its certificate validator load only here, when something is signed or checked.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from core.dates import format_date_id, format_datetime_id

from .signbox import SignatureBox

# pyHanko imports cryptography's DSA key class (for signers the desk never uses), and
# cryptography warns on that import: not for an officer's terminal.
warnings.filterwarnings("ignore", message="DSA is deprecated")

FIELD_NAME = "TandaTanganElektronik"
REASON = "Ditandatangani secara elektronik"


class SigningRefused(Exception):
    """The certificate cannot sign: ``code`` for scripts, ``message`` in Indonesian."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# --------------------------------------------------------------------------- certificates


def common_name(name: x509.Name) -> str:
    found = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(found[0].value) if found else name.rfc4514_string()


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass
class SigningIdentity:
    """A signer: certificate, the chain that came with it, and what signs (pyHanko)."""

    cert: x509.Certificate
    chain: list[x509.Certificate]
    signer: Any = field(repr=False)  # pyhanko.sign.signers.Signer; the key never leaves it
    source: str = ""

    @property
    def name(self) -> str:
        return common_name(self.cert.subject)

    @property
    def issuer(self) -> str:
        return common_name(self.cert.issuer)

    def describe(self) -> dict[str, str]:
        return {"subject": self.cert.subject.rfc4514_string(), "name": self.name,
                "issuer": self.issuer, "serial": format(self.cert.serial_number, "X"),
                "not_before": self.cert.not_valid_before_utc.isoformat(),
                "not_after": self.cert.not_valid_after_utc.isoformat(),
                "sha256": self.cert.fingerprint(hashes.SHA256()).hex(), "source": self.source}


def load_pkcs12(data: bytes, passphrase: str | bytes | None, source: str = "") -> SigningIdentity:
    """The identity in PKCS#12 bytes (``.p12``/``.pfx``); SigningRefused when the passphrase
    is wrong, the file is not PKCS#12, or it holds no key and certificate."""
    from pyhanko.sign.signers import SimpleSigner

    secret = passphrase.encode() if isinstance(passphrase, str) else passphrase
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, secret or None)
    except (ValueError, TypeError):
        raise SigningRefused("bad_pkcs12", "Berkas sertifikat (.p12) tidak dapat dibuka: kata "
                                           "sandi salah atau berkasnya bukan PKCS#12.") from None
    if key is None or cert is None:
        raise SigningRefused("bad_pkcs12", "Berkas .p12 tidak memuat kunci privat dan "
                                           "sertifikat penanda tangan.")
    signer = SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=secret or None)
    return SigningIdentity(cert=cert, chain=list(others), signer=signer, source=source)


def open_pkcs11(module: str, pin: str | None, *, token_label: str | None = None,
                key_label: str | None = None, cert_label: str | None = None) -> SigningIdentity:
    """The identity on a PKCS#11 token (smart card / USB token), via pyHanko's PKCS#11
    signer. Needs the ``python-pkcs11`` package and the token's PKCS#11 library."""
    try:
        from pyhanko.sign import pkcs11 as p11
    except ImportError:
        raise SigningRefused("pkcs11_unavailable", "Token PKCS#11 memerlukan paket "
                                                   "python-pkcs11 (pip install python-pkcs11)."
                             ) from None
    try:
        session = p11.open_pkcs11_session(module, token_label=token_label, user_pin=pin)
        signer = p11.PKCS11Signer(session, key_label=key_label, cert_label=cert_label or key_label)
        cert_der = signer.signing_cert.dump()
        chain = [x509.load_der_x509_certificate(c.dump()) for c in signer.cert_registry]
    except Exception as exc:  # noqa: BLE001 - the token library's many errors
        raise SigningRefused("pkcs11_failed", f"Token PKCS#11 tidak dapat dipakai: {exc}") from exc
    return SigningIdentity(cert=x509.load_der_x509_certificate(cert_der), chain=chain,
                           signer=signer, source=f"pkcs11:{module}")


def load_certs(paths: Iterable[Path]) -> list[x509.Certificate]:
    """Certificates from PEM (one or many per file) or DER files."""
    out: list[x509.Certificate] = []
    for path in paths:
        data = Path(path).read_bytes()
        if b"-----BEGIN" in data:
            out += x509.load_pem_x509_certificates(data)
        else:
            out.append(x509.load_der_x509_certificate(data))
    return out


def load_crls(paths: Iterable[Path]) -> list[x509.CertificateRevocationList]:
    out = []
    for path in paths:
        data = Path(path).read_bytes()
        out.append(x509.load_pem_x509_crl(data) if b"-----BEGIN" in data
                   else x509.load_der_x509_crl(data))
    return out


def _issuer_of(cert: x509.Certificate, pool: Sequence[x509.Certificate]) -> x509.Certificate | None:
    for candidate in pool:
        if candidate.subject == cert.issuer:
            try:
                cert.verify_directly_issued_by(candidate)
            except Exception:  # noqa: BLE001 - not this issuer (wrong key, other algorithm)
                continue
            return candidate
    return None


def revocation(cert: x509.Certificate, crls: Sequence[x509.CertificateRevocationList],
               pool: Sequence[x509.Certificate]) -> x509.RevokedCertificate | None:
    """The CRL entry revoking ``cert`` from a CRL whose signature its issuer made."""
    issuer = _issuer_of(cert, pool)
    for crl in crls:
        if crl.issuer != cert.issuer:
            continue
        if issuer is None or not crl.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
            continue
        entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
        if entry is not None:
            return entry
    return None


def check_usable(identity: SigningIdentity, at: datetime,
                 crls: Sequence[x509.CertificateRevocationList] = (),
                 extra_certs: Sequence[x509.Certificate] = ()) -> None:
    """SigningRefused unless every certificate of the chain is valid at ``at`` and none is
    revoked by a CRL at hand, and the signer's key may sign documents."""
    at = _utc(at)
    pool = [identity.cert, *identity.chain, *extra_certs]
    for cert in [identity.cert, *identity.chain]:
        who = "Sertifikat penanda tangan" if cert is identity.cert else \
            f"Sertifikat CA {common_name(cert.subject)}"
        if at > cert.not_valid_after_utc:
            raise SigningRefused("expired", f"{who} ({common_name(cert.subject)}) sudah "
                                 f"kedaluwarsa sejak {format_date_id(cert.not_valid_after_utc)}"
                                 "; dokumen tidak ditandatangani. Perpanjang sertifikat "
                                 "elektronik (BSrE) lalu pasang yang baru.")
        if at < cert.not_valid_before_utc:
            raise SigningRefused("not_yet_valid", f"{who} ({common_name(cert.subject)}) baru "
                                 f"berlaku mulai {format_date_id(cert.not_valid_before_utc)}; "
                                 "periksa jam komputer ini.")
        entry = revocation(cert, crls, pool)
        if entry is not None:
            raise SigningRefused("revoked", f"{who} ({common_name(cert.subject)}) telah dicabut "
                                 f"sejak {format_date_id(entry.revocation_date_utc)}; dokumen "
                                 "tidak ditandatangani. Ajukan sertifikat baru ke BSrE.")
    try:
        usage = identity.cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return
    if not (usage.digital_signature or usage.content_commitment):
        raise SigningRefused("key_usage", "Sertifikat ini tidak untuk tanda tangan dokumen "
                                          "(key usage); pakai sertifikat tanda tangan "
                                          "elektronik.")


# --------------------------------------------------------------------------- signing


def stamp_pdf(width: float, height: float, name: str, issuer: str, at: datetime) -> bytes:
    """The visible signature: a one-page PDF of ``width`` x ``height`` points in the
    documents' embedded typeface (no base-14 font)."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    from . import fonts
    from .pdfparts import fit_text

    fonts.register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), initialFontName=fonts.REGULAR, invariant=1)
    c.setStrokeColor(colors.Color(0.1, 0.25, 0.55))
    c.setLineWidth(0.8)
    c.roundRect(1, 1, width - 2, height - 2, 3, stroke=1, fill=0)
    lines = [(fonts.ITALIC, "Ditandatangani secara elektronik oleh:"), (fonts.BOLD, name),
             (fonts.REGULAR, f"{format_datetime_id(at)} (jam komputer)"),
             (fonts.REGULAR, f"Sertifikat: {issuer}")]
    size = max(4.5, min(8.0, (height - 6) / (len(lines) * 1.25)))
    y = height - 3 - size
    c.setFillColor(colors.Color(0.1, 0.25, 0.55))
    for font, text in lines:
        c.setFont(font, size)
        c.drawCentredString(width / 2, y, fit_text(text, font, size, width - 8))
        y -= size * 1.25
    c.showPage()
    c.save()
    return buf.getvalue()


def _pdf_page_content(data: bytes) -> Any:
    """pyHanko content that draws page 0 of the PDF ``data`` (a form XObject)."""
    from pyhanko.pdf_utils import content
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader

    class PdfBytesPage(content.PdfContent):
        def render(self) -> bytes:
            writer = self._ensure_writer
            xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(data)), page_ix=0)
            self.resources.xobject["/StampPage"] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return b"/StampPage Do"

    return PdfBytesPage()


class PdfSealer:
    """Signs PDF bytes with ``identity`` (see the module docstring). ``now`` gives the
    signing time (the desk's clock); ``crls``/``extra_certs`` are what ``check_usable``
    checks against, before each signature."""

    def __init__(self, identity: SigningIdentity, now: Any, *, location: str = "",
                 crls: Sequence[x509.CertificateRevocationList] = (),
                 extra_certs: Sequence[x509.Certificate] = ()) -> None:
        self.identity = identity
        self.now = now
        self.location = location
        self.crls = list(crls)
        self.extra_certs = list(extra_certs)

    @property
    def signer_name(self) -> str:
        return self.identity.name

    def check(self) -> None:
        check_usable(self.identity, self.now(), self.crls, self.extra_certs)

    def seal(self, data: bytes, box: SignatureBox | None) -> bytes:
        from pyhanko.pdf_utils import layout
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers
        from pyhanko.stamp import StaticStampStyle

        at = self.now().replace(microsecond=0)
        check_usable(self.identity, at, self.crls, self.extra_certs)
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME, md_algorithm="sha256", reason=REASON,
            location=self.location or None, name=self.identity.name,
            subfilter=fields.SigSeedSubFilter.PADES)
        style = None
        if box is not None:
            spec = fields.SigFieldSpec(FIELD_NAME, on_page=box.page,
                                       box=(box.x1, box.y1, box.x2, box.y2))
            stamp = stamp_pdf(box.width, box.height, self.identity.name, self.identity.issuer,
                              at)
            style = StaticStampStyle(
                background=_pdf_page_content(stamp), border_width=0, background_opacity=1.0,
                background_layout=layout.SimpleBoxLayoutRule(
                    x_align=layout.AxisAlignment.ALIGN_MID,
                    y_align=layout.AxisAlignment.ALIGN_MID, margins=layout.Margins.uniform(0)))
        else:
            spec = fields.SigFieldSpec(FIELD_NAME)

        class TimedSigner(signers.PdfSigner):  # the desk's clock, not the system's
            def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False
                                     ) -> Any:
                session = super().init_signing_session(pdf_out, existing_fields_only)
                session.system_time = at
                return session

        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        pdf_signer = TimedSigner(meta, signer=self.identity.signer, stamp_style=style,
                                 new_field_spec=spec)
        return pdf_signer.sign_pdf(writer).getvalue()


# --------------------------------------------------------------------------- verifying


@dataclass
class SignatureCheck:
    """One signature of a PDF, as ``lapor-desk verify-pdf`` reports it."""

    field: str
    signer: str
    signer_subject: str
    issuer: str
    serial: str
    signing_time: str | None
    intact: bool  # the signed bytes are unchanged and the signature is mathematically valid
    covers_whole_file: bool  # nothing was appended after signing
    trusted: bool  # the chain ends in a CA given as trusted, for signing, not revoked
    revoked: bool
    problems: list[str]

    @property
    def ok(self) -> bool:
        return self.intact and self.covers_whole_file and self.trusted

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "signer": self.signer, "signer_subject": self.signer_subject,
                "issuer": self.issuer, "serial": self.serial, "signing_time": self.signing_time,
                "integrity": "intact" if self.intact and self.covers_whole_file else "modified",
                "trust": "trusted" if self.trusted else "untrusted", "revoked": self.revoked,
                "ok": self.ok, "problems": self.problems}


class PdfUnreadable(Exception):
    pass


def _asn1_cert(cert: x509.Certificate) -> Any:
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def verify_pdf(data: bytes, trust: Sequence[x509.Certificate] = (),
               crls: Sequence[x509.CertificateRevocationList] = ()) -> list[SignatureCheck]:
    """Every signature of ``data``, checked offline at the time each signer claims
    (the desk signs without a timestamp authority). PdfUnreadable for bytes that are no
    (longer a) readable PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:  # noqa: BLE001 - a damaged file fails in many ways
        raise PdfUnreadable(str(exc)) from exc
    roots = [_asn1_cert(c) for c in trust]
    crl_der = [c.public_bytes(serialization.Encoding.DER) for c in crls]
    out = []
    for sig in embedded:
        problems: list[str] = []
        claimed = sig.self_reported_timestamp
        context = ValidationContext(trust_roots=roots, crls=crl_der, allow_fetching=False,
                                    revocation_mode="soft-fail", moment=claimed)
        try:
            status = validate_pdf_signature(sig, signer_validation_context=context)
        except Exception as exc:  # noqa: BLE001 - broken CMS, bad byte range...
            cert = sig.signer_cert
            out.append(SignatureCheck(
                field=str(sig.field_name), signer=_cn(cert), signer_subject=_subject(cert),
                issuer=_issuer(cert), serial=_serial(cert),
                signing_time=claimed.isoformat() if claimed else None, intact=False,
                covers_whole_file=False, trusted=False, revoked=False,
                problems=[f"tanda tangan tidak dapat diperiksa: {exc}"]))
            continue
        cert = status.signing_cert
        whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        # The CRLs at hand, checked here as at signing (pyHanko's soft-fail revocation mode
        # passes a CRL it cannot place): revoked before the claimed signing time.
        revoked = bool(status.revoked)
        if cert is not None and crls:
            signer_cert = x509.load_der_x509_certificate(cert.dump())
            pool = [*trust, *_embedded_certs(sig)]
            entry = revocation(signer_cert, crls, pool)
            if entry is not None and (claimed is None or
                                      entry.revocation_date_utc <= _utc(claimed)):
                revoked = True
        if not status.intact:
            problems.append("isi dokumen berubah sesudah ditandatangani (sidik tidak cocok)")
        elif not status.valid:
            problems.append("tanda tangan kriptografis tidak sah")
        if status.intact and not whole:
            problems.append("ada perubahan yang ditambahkan sesudah penandatanganan")
        if revoked:
            problems.append("sertifikat penanda tangan telah dicabut")
        elif not status.trusted:
            problems.append("rantai sertifikat tidak berujung pada CA yang dipercaya"
                            + ("" if trust else " (berikan --ca-file)"))
        out.append(SignatureCheck(
            field=str(sig.field_name), signer=_cn(cert), signer_subject=_subject(cert),
            issuer=_issuer(cert), serial=_serial(cert),
            signing_time=claimed.isoformat() if claimed else None,
            intact=bool(status.intact and status.valid), covers_whole_file=whole,
            trusted=bool(status.trusted) and not revoked, revoked=revoked, problems=problems))
    return out


def _embedded_certs(sig: Any) -> list[x509.Certificate]:
    """The certificates the signature carries (its chain)."""
    out = []
    for choice in sig.signed_data["certificates"] or ():
        try:
            out.append(x509.load_der_x509_certificate(choice.chosen.dump()))
        except ValueError:
            continue
    return out


def _cn(cert: Any) -> str:
    return "" if cert is None else str(cert.subject.native.get("common_name") or
                                       cert.subject.human_friendly)


def _subject(cert: Any) -> str:
    return "" if cert is None else cert.subject.human_friendly


def _issuer(cert: Any) -> str:
    return "" if cert is None else str(cert.issuer.native.get("common_name") or
                                       cert.issuer.human_friendly)


def _serial(cert: Any) -> str:
    return "" if cert is None else format(cert.serial_number, "X")
