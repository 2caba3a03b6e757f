"""Sealed secret ballots and receipts: what the database holds of a secret ballot before the mix opens it.

A sealed ballot is encrypted and authenticated with keys derived from ``SECRET_KEY``, which lives in the
application's environment, not in the database: whoever reads the database (and its backups, its logs, its dead
rows) sees ciphertext of one fixed length per budget. The construction uses only the standard library: a
SHAKE-256 keystream under a random 16-byte nonce, then an HMAC-SHA256 tag over the budget, the row's id, the nonce
and the ciphertext (encrypt-then-MAC), so that a sealed ballot cannot be read, altered, or copied to another row or
budget. See docs/decisions/0012-secret-ballots.md.

A receipt is a random token shown once to the voter; the database keeps only its keyed hash, so nobody but its
holder can point at their sealed ballot (to replace it before the deadline).
"""

import base64
import hashlib
import hmac
import secrets
import struct
from collections.abc import Mapping

from django.conf import settings

VERSION = b"\x01"
NONCE_BYTES = 16
TAG_BYTES = 32
_HEADER = struct.Struct(">H")  # number of choices
_CHOICE = struct.Struct(">QI")  # project id, value (1, points or rank)
RECEIPT_BYTES = 15  # 120 random bits: 24 characters of base 32


class SealError(ValueError):
    """A sealed ballot that no key opens, or that was altered."""


def _secrets() -> list[str]:
    """The current SECRET_KEY first, then its fallbacks (so a key rotated during a vote still opens its ballots)."""
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def _derive(secret: str, purpose: str) -> bytes:
    return hmac.new(secret.encode(), f"bouquet.budgets.sealing.{purpose}".encode(), hashlib.sha256).digest()


def _xor(data: bytes, key: bytes, nonce: bytes) -> bytes:
    stream = hashlib.shake_256(key + nonce).digest(len(data))
    return (int.from_bytes(data) ^ int.from_bytes(stream)).to_bytes(len(data))


def _context(budget_id: int, row_id: str) -> bytes:
    return f"{budget_id}:{row_id}:".encode()


def sealed_length(capacity: int) -> int:
    """Length in bytes of every sealed ballot of a budget whose ballots hold at most `capacity` choices."""
    return len(VERSION) + NONCE_BYTES + _HEADER.size + _CHOICE.size * capacity + TAG_BYTES


def seal(*, budget_id: int, row_id: str, choices: Mapping[int, int], capacity: int) -> bytes:
    """Encrypt and authenticate a ballot (project id -> value), padded to `capacity` choices so that every sealed
    ballot of the budget has the same length whatever it holds."""
    if len(choices) > capacity:
        raise ValueError("more choices than the ballot holds")
    plain = _HEADER.pack(len(choices)) + b"".join(
        _CHOICE.pack(pk, value) for pk, value in sorted(choices.items())
    )
    plain += bytes(_CHOICE.size * (capacity - len(choices)))
    secret = _secrets()[0]
    nonce = secrets.token_bytes(NONCE_BYTES)
    cipher = _xor(plain, _derive(secret, "encryption"), nonce)
    tag = hmac.new(
        _derive(secret, "authentication"), _context(budget_id, row_id) + nonce + cipher, hashlib.sha256
    ).digest()
    return VERSION + nonce + cipher + tag


def unseal(*, budget_id: int, row_id: str, blob: bytes | memoryview) -> dict[int, int]:
    """Check and decrypt a sealed ballot of this budget and row; raise SealError when no key opens it."""
    blob = bytes(blob)
    if len(blob) < sealed_length(0) or blob[:1] != VERSION:
        raise SealError("not a sealed ballot")
    nonce = blob[1 : 1 + NONCE_BYTES]
    cipher, tag = blob[1 + NONCE_BYTES : -TAG_BYTES], blob[-TAG_BYTES:]
    for secret in _secrets():
        expected = hmac.new(
            _derive(secret, "authentication"), _context(budget_id, row_id) + nonce + cipher, hashlib.sha256
        ).digest()
        if hmac.compare_digest(expected, tag):
            plain = _xor(cipher, _derive(secret, "encryption"), nonce)
            (count,) = _HEADER.unpack_from(plain)
            return dict(_CHOICE.unpack_from(plain, _HEADER.size + _CHOICE.size * i) for i in range(count))
    raise SealError("no key opens this sealed ballot, or it was altered")


def new_receipt() -> str:
    """A fresh receipt token, in groups of four characters easy to copy by hand."""
    text = base64.b32encode(secrets.token_bytes(RECEIPT_BYTES)).decode()
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _normalised(token: str) -> str:
    # People copy receipts by hand: case, spaces and dashes do not matter, nor 0/1/8 read for O/I/B.
    cleaned = "".join(ch for ch in token.upper() if ch.isalnum())
    return cleaned.translate(str.maketrans("018", "OIB"))


def receipt_hashes(*, budget_id: int, token: str) -> list[str]:
    """The keyed hashes under which a receipt of this budget may be stored (current key first); empty for an
    empty token."""
    text = _normalised(token)
    if not text:
        return []
    return [
        hmac.new(_derive(secret, "receipt"), f"{budget_id}:{text}".encode(), hashlib.sha256).hexdigest()
        for secret in _secrets()
    ]
