"""Turn the bytes of an input into text, or explain in plain words why that is not possible.

Order of checks in :func:`decode_bytes`:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides the encoding;
2. binary files are refused: NUL bytes (without a UTF-16/32 BOM) or a known file signature
   (PDF, PNG, JPEG, ZIP/Office, gzip, ...);
3. strict UTF-8;
4. an encoding declared by the document itself (HTML ``<meta charset>``), if given;
5. detection with ``charset_normalizer``.
"""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# (signature at offset 0, what the file is).  Checked before any decoding.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"(\xb5/\xfd", "a zstd-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls/.ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg audio/video file"),
    (b"ID3", "an MP3 audio file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x00asm", "a WebAssembly module"),
)

_UTF16_32 = {"utf-16", "utf-32"}

# Legacy single-byte encodings that charset_normalizer tends to pick for very short
# Western European text, where Windows-1252 (a superset of Latin-1) is far more likely.
_LATIN_LOOKALIKES = {
    "cp1250",
    "cp1257",
    "iso8859_2",
    "iso8859_3",
    "iso8859_4",
    "iso8859_9",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_15",
    "iso8859_16",
    "latin_1",
    "mac_latin2",
    "mac_iceland",
    "mac_roman",
    "cp850",
    "cp852",
    "cp858",
    "hp_roman8",
}
_CP1252_OK_SYMBOLS = set("€‚„…†‡‰‹›‘’“”•–—™ ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿×÷")


def detect_bom(data: bytes) -> str | None:
    """The encoding announced by a byte-order mark at the start of ``data``: "utf-8", "utf-16",
    "utf-32" (these codecs also strip the mark when decoding), or None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def sniff_binary(data: bytes) -> str | None:
    """Describe ``data`` if it is clearly not text ("a PDF file", ...), else None.

    Looks at signatures and NUL bytes; text with a UTF-16/32 byte-order mark is never binary.
    """
    bom = detect_bom(data)
    if bom in _UTF16_32:
        return None
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    for signature, what in _SIGNATURES:
        if body.startswith(signature):
            if what == "a ZIP archive":
                return _describe_zip(body)
            return what
    if body.startswith(b"RIFF") and len(body) >= 12:
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}.get(
            body[8:12], "a RIFF media file"
        )
    if body[4:8] == b"ftyp":
        return "an MP4/MOV video or audio file"
    if b"\x00" in body:
        return "a binary file (it contains NUL bytes)"
    return None


def _describe_zip(data: bytes) -> str:
    head = data[:200_000]
    if b"word/" in head:
        return "a Word document (.docx)"
    if b"xl/" in head:
        return "an Excel workbook (.xlsx)"
    if b"ppt/" in head:
        return "a PowerPoint presentation (.pptx)"
    if b"mimetypeapplication/vnd.oasis.opendocument" in head:
        return "an OpenDocument file (.odt/.ods)"
    if b"mimetypeapplication/epub+zip" in head:
        return "an EPUB e-book"
    return "a ZIP archive"


def decode_bytes(data: bytes, name: str, *, declared: str | None = None) -> str:
    """Decode the bytes of the input called ``name`` (used in messages) to text.

    ``declared`` is an encoding the document claims for itself (for example an HTML
    ``<meta charset>``); it is tried after UTF-8 and before detection.

    Raises :class:`~summarizer.errors.InputError` for binary data or an undetectable encoding.
    """
    bom = detect_bom(data)
    if bom in _UTF16_32:
        try:
            return data.decode(bom)  # the "utf-16"/"utf-32" codecs read and drop the BOM
        except UnicodeDecodeError as exc:
            label = bom.upper()
            raise InputError(
                f"{name} starts with a {label} byte-order mark but is not valid {label} "
                f"(bad bytes at position {exc.start})"
            ) from None
    what = sniff_binary(data)
    if what:
        raise InputError(f"{name} looks like {what}, not text")
    if bom == "utf-8":
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            data = data[len(codecs.BOM_UTF8) :]  # a lying BOM: fall through to detection
    else:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if declared:
        text = _try_declared(data, declared)
        if text is not None:
            return text
    return _detect(data, name)


def _try_declared(data: bytes, declared: str) -> str | None:
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None
    if codec in {"latin-1", "iso8859-1", "ascii"}:
        codec = "cp1252"  # what browsers do (WHATWG encoding standard)
    if codec.startswith(("utf-16", "utf-32")):
        return None  # a meta tag inside an 8-bit readable document cannot be right
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _detect(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes  # imported here: only needed for non-UTF-8 input

    failure = InputError(f"could not work out the text encoding of {name} (it may be binary or corrupt)")
    best = from_bytes(data).best()
    if best is None:
        raise failure
    text = str(best)
    encoding = (best.encoding or "").lower()
    if encoding in _LATIN_LOOKALIKES and best.coherence < 0.2:
        alternative = _plausible_cp1252(data)
        if alternative is not None:
            text = alternative
    if _mostly_control(text):
        raise failure
    return text


def _plausible_cp1252(data: bytes) -> str | None:
    """The Windows-1252 reading of ``data`` if every non-ASCII character in it is a letter
    or common punctuation; used to override a weak guess on very short text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for char in text:
        if ord(char) > 127 and not char.isalpha() and char not in _CP1252_OK_SYMBOLS:
            return None
    return text


def _mostly_control(text: str) -> bool:
    """True when more than 1% of the characters are control or unassigned code points."""
    if not text:
        return False
    bad = sum(1 for char in text if char not in "\t\n\r\f\v" and unicodedata.category(char) in {"Cc", "Cn", "Co", "Cs"})
    return bad > len(text) / 100
