"""Check and clean residents' photos before anyone else can see them.

Phone photos carry the resident's home location (EXIF GPS), device serials,
timestamps and sometimes an extra embedded picture. The only safe way to
drop all of it is to keep the pixels and nothing else: decode, then encode a
fresh image. Anything that will not decode cleanly is refused.

Pillow is imported inside the functions: most Lambda invocations never see a
photo and should not pay for loading it on a cold start.
"""
import io
import warnings
from contextlib import contextmanager
from dataclasses import dataclass

from .limits import PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES
from .wording import PHOTO_REFUSED

MAX_BYTES = PHOTO_MAX_BYTES
MAX_PIXELS = 40_000_000  # ~160 MB as RGBA once decoded; refused before that happens
MAX_SIDE = 2048
ACCEPTED = {"JPEG", "PNG", "WEBP", "GIF"}
CONTENT_TYPES = {mime: mime.split("/")[1].upper() for mime in PHOTO_CONTENT_TYPES}  # Pillow's format names
_MIME = {fmt: mime for mime, fmt in CONTENT_TYPES.items()}
# Pillow names a JPEG holding several pictures (phones' portrait/depth shots)
# "MPO". Residents can't tell the difference, so it is a JPEG to us; only its
# first picture survives cleaning.
_ALIASES = {"MPO": "JPEG"}
_JPEG_QUALITY = 85


_MESSAGES = {code: words.format(megabytes=MAX_BYTES // (1024 * 1024), pixels=MAX_PIXELS)
             for code, words in PHOTO_REFUSED.items()}


class PhotoRejected(Exception):
    """A photo refused for a reason the resident can act on; `code` is for
    API clients, `message` for people."""

    def __init__(self, code: str, message: str | None = None):
        self.code = code
        self.message = message or _MESSAGES[code]
        super().__init__(self.message)


@dataclass(frozen=True)
class CleanPhoto:
    data: bytes
    content_type: str
    width: int
    height: int


@contextmanager
def _refusing():
    """Every failure, for any input bytes, ends as a PhotoRejected."""
    from PIL import Image

    with warnings.catch_warnings():
        # Pillow only *warns* between its own limit and twice that, and a
        # warning doesn't stop the decode. MAX_PIXELS is checked first anyway;
        # this is the second line of defence. (catch_warnings is process-wide:
        # fine for Lambda's one request at a time, not for threaded callers.)
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        # Complaints about malformed EXIF that is about to be thrown away
        # would only flood the logs.
        warnings.simplefilter("ignore", UserWarning)
        try:
            yield
        except PhotoRejected:
            raise
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise PhotoRejected("image_dimensions_too_large") from None
        except Exception:
            # Junk, truncated and corrupt files fail in many exception types
            # (OSError, SyntaxError, struct.error, IndexError...) depending on
            # the plugin; for the resident it is all one problem.
            raise PhotoRejected("not_an_image") from None


def _open(data: bytes):
    """Refuse what we can before any pixel is decoded. Call within _refusing()."""
    from PIL import Image

    if len(data) > MAX_BYTES:
        raise PhotoRejected("photo_too_large")
    im = Image.open(io.BytesIO(data))  # reads the header only
    fmt = _ALIASES.get(im.format, im.format)
    if fmt not in ACCEPTED:
        raise PhotoRejected("unsupported_image_type")
    width, height = im.size
    if width * height > MAX_PIXELS:
        raise PhotoRejected("image_dimensions_too_large")
    return im, fmt


def sniff(data: bytes) -> str:
    """The MIME type the bytes really are, whatever the upload claimed."""
    with _refusing():
        return _MIME[_open(data)[1]]


def clean_photo(data: bytes) -> CleanPhoto:
    """Decode, turn upright, shrink and re-encode with no metadata at all."""
    with _refusing():
        im, fmt = _open(data)
        return _clean(im, fmt)


def _clean(im, fmt: str) -> CleanPhoto:
    from PIL import Image, ImageOps

    if fmt == "JPEG":
        # libjpeg can decode at 1/2, 1/4 or 1/8 scale for almost nothing;
        # Pillow picks the smallest that still leaves both sides >= MAX_SIDE.
        im.draft(None, (MAX_SIDE, MAX_SIDE))
    im.load()  # first frame only: Image.open leaves animations at frame 0
    icc = im.info.get("icc_profile")
    im = _resizable(im)
    im.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    try:
        im = ImageOps.exif_transpose(im)
    except Exception:
        pass  # unreadable EXIF: a sideways photo beats refusing a real one
    im = _to_srgb(im, icc)
    if im.mode == "RGBA" and im.getchannel("A").getextrema()[0] == 255:
        im = im.convert("RGB")  # alpha that hides nothing; JPEG is far smaller

    # A new image from raw pixels has empty .info, so no encoder can carry
    # EXIF, XMP, IPTC, comments, text chunks or the ICC profile across, even
    # ones (like JPEG comments) that Pillow copies from .info by default.
    clean = Image.frombytes(im.mode, im.size, im.tobytes())
    out = io.BytesIO()
    if clean.mode == "RGBA":
        clean.save(out, "PNG")
        content_type = "image/png"
    else:
        clean.save(out, "JPEG", quality=_JPEG_QUALITY, optimize=True)
        content_type = "image/jpeg"
    return CleanPhoto(out.getvalue(), content_type, clean.width, clean.height)


def _resizable(im):
    """RGB, RGBA or CMYK: modes that resize smoothly and that _to_srgb knows."""
    if im.mode in ("RGB", "RGBA", "CMYK"):
        return im
    if im.mode.startswith("I"):
        # 16-bit greyscale PNG. A plain convert clips everything above 255 to
        # white, so scale down to 8 bits first.
        im = im.convert("I").point(lambda v: v / 256).convert("L")
        im.info.pop("transparency", None)  # a 16-bit key that no longer applies
    return im.convert("RGBA" if im.has_transparency_data else "RGB")


def _to_srgb(im, icc):
    """Convert to sRGB through the embedded profile, then let it be dropped.

    Passing the profile on is not safe enough: its header and tags can name
    the device, its maker and a creation date, and a custom (calibrated)
    profile is close to a fingerprint of one person's setup. Dropping it
    without converting would leave wide-gamut (Display P3) phone photos
    looking dull and CMYK ones wrong. Converting keeps the colours and passes
    on nothing; untagged output is read as sRGB everywhere.
    """
    if icc and im.mode in ("RGB", "RGBA", "CMYK"):
        try:
            from PIL import ImageCms

            return ImageCms.profileToProfile(
                im,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGBA" if im.mode == "RGBA" else "RGB",
            )
        except Exception:
            # Broken, or not matching the pixels: colours a little off is
            # still a usable photo.
            pass
    return im if im.mode in ("RGB", "RGBA") else im.convert("RGB")
