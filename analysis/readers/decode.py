"""Turn the bytes of a text file into a string, saying which encoding was used."""

from __future__ import annotations

from ..errors import InputError

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252 as a fallback.

    Returns ``(text, encoding)``. Raises :class:`InputError` for binary data or bytes that no
    supported encoding can read.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            message = f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})"
            raise InputError("encoding", message) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:65536]
    if b"\x00" in sample or (sample and sum(b in _CONTROL for b in sample) / len(sample) > 0.05):
        raise InputError("binary", "looks like a binary file, not text (it contains NUL or control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise InputError(
                "encoding",
                f"is neither valid UTF-8 (bad byte at offset {utf8_error.start}) nor Windows-1252 text",
            ) from utf8_error
