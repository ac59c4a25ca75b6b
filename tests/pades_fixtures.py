"""A test PKI made with ``cryptography``: a root CA, signer certificates (valid, expired,
revoked) as PKCS#12 files, and the CA's CRL. Nothing from the network, nothing mocked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

PASSPHRASE = "rahasia-uji-123"
# Valid around the tests' pinned clock (2 December 2026) and any plausible real date.
VALID_FROM = datetime(2024, 1, 1, tzinfo=UTC)
VALID_TO = datetime(2036, 1, 1, tzinfo=UTC)


def _name(cn: str, org: str = "Balai Sertifikasi Elektronik (uji)") -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


@dataclass
class TestPki:
    folder: Path
    ca_key: ec.EllipticCurvePrivateKey
    ca_cert: x509.Certificate
    ca_pem: Path
    valid_p12: Path
    expired_p12: Path
    revoked_p12: Path
    crl_pem: Path
    other_ca_pem: Path  # a CA that issued none of these


def _ca(cn: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(_name(cn))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(VALID_FROM).not_valid_after(VALID_TO)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False),
                           critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    return key, cert


def _leaf(ca_key, ca_cert, cn: str, start: datetime, end: datetime
          ) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name(cn, "Dinas Kesehatan (uji)"))
            .issuer_name(ca_cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return key, cert


def _p12(path: Path, name: str, key, cert, ca_cert) -> Path:
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        name.encode(), key, cert, [ca_cert],
        serialization.BestAvailableEncryption(PASSPHRASE.encode())))
    return path


def make_pki(folder: Path) -> TestPki:
    folder.mkdir(parents=True, exist_ok=True)
    ca_key, ca_cert = _ca("Root CA Uji LAPOR")
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    _other_key, other = _ca("CA Lain")
    other_pem = folder / "other-ca.pem"
    other_pem.write_bytes(other.public_bytes(serialization.Encoding.PEM))

    valid = _leaf(ca_key, ca_cert, "dr. H. Ahmad Fauzan", VALID_FROM, VALID_TO)
    expired = _leaf(ca_key, ca_cert, "Pejabat Lama", datetime(2020, 1, 1, tzinfo=UTC),
                    datetime(2021, 1, 1, tzinfo=UTC))
    revoked = _leaf(ca_key, ca_cert, "Pejabat Dicabut", VALID_FROM, VALID_TO)
    crl = (x509.CertificateRevocationListBuilder().issuer_name(ca_cert.subject)
           .last_update(datetime(2025, 6, 1, tzinfo=UTC))
           .next_update(datetime(2035, 6, 1, tzinfo=UTC))
           .add_revoked_certificate(x509.RevokedCertificateBuilder()
                                    .serial_number(revoked[1].serial_number)
                                    .revocation_date(datetime(2025, 5, 20, tzinfo=UTC)).build())
           .add_extension(x509.CRLNumber(7), critical=False)
           .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
               ca_key.public_key()), critical=False)
           .sign(ca_key, hashes.SHA256()))
    crl_pem = folder / "ca.crl"
    crl_pem.write_bytes(crl.public_bytes(serialization.Encoding.PEM))
    return TestPki(
        folder=folder, ca_key=ca_key, ca_cert=ca_cert, ca_pem=ca_pem,
        valid_p12=_p12(folder / "valid.p12", "valid", *valid, ca_cert),
        expired_p12=_p12(folder / "expired.p12", "expired", *expired, ca_cert),
        revoked_p12=_p12(folder / "revoked.p12", "revoked", *revoked, ca_cert),
        crl_pem=crl_pem, other_ca_pem=other_pem)

