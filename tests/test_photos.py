import io
import random
import resource
import struct
import subprocess
import sys
import warnings
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image, ImageCms, PngImagePlugin

from chalicelib.handlers.reports.photos import ACCEPTED, CONTENT_TYPES, MAX_BYTES, MAX_SIDE, PhotoRejected, clean_photo, sniff

RED, BLUE = (255, 0, 0), (0, 0, 255)
CODES = {"photo_too_large", "not_an_image", "unsupported_image_type", "image_dimensions_too_large"}


def encode(im, fmt, **params):
    buf = io.BytesIO()
    im.save(buf, fmt, **params)
    return buf.getvalue()


def half_red_half_blue(width=200, height=100, mode="RGB"):
    im = Image.new(mode, (width, height), BLUE)
    im.paste(RED, (0, 0, width // 2, height))
    return im


def phone_jpeg(orientation=1):
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "AcmePhone"  # Make
    exif.get_ifd(0x8825).update({1: "N", 2: (53.0, 57.0, 30.0), 3: "W", 4: (1.0, 4.0, 50.0)})
    return encode(half_red_half_blue(), "JPEG", exif=exif, comment=b"Jane's phone",
                  xmp=b"<x:xmpmeta><exif:GPSLatitude>53,57N</exif:GPSLatitude></x:xmpmeta>")


def transparent_png(**params):
    im = half_red_half_blue(mode="RGBA")
    im.putpixel((0, 0), (0, 0, 0, 0))
    return encode(im, "PNG", **params)


def reopen(photo):
    im = Image.open(io.BytesIO(photo.data))
    assert photo.content_type == Image.MIME[im.format]
    assert (photo.width, photo.height) == im.size
    return im


def close_to(pixel, colour, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def rejected_code(data, func=clean_photo):
    with pytest.raises(PhotoRejected) as exc:
        func(data)
    assert exc.value.message.endswith(".") and str(exc.value) == exc.value.message
    return exc.value.code


def test_gps_exif_is_removed_from_cleaned_photo():
    source = phone_jpeg()
    assert Image.open(io.BytesIO(source)).getexif().get_ifd(0x8825)  # there was GPS to remove
    out = clean_photo(source)
    assert not reopen(out).getexif() and "exif" not in reopen(out).info
    assert b"Exif" not in out.data and b"AcmePhone" not in out.data


def test_xmp_and_comments_are_removed_from_cleaned_photo():
    out = clean_photo(phone_jpeg())
    assert not {"xmp", "comment"} & set(reopen(out).info)
    assert b"xmpmeta" not in out.data and b"Jane" not in out.data


def test_colour_profile_is_applied_and_not_passed_on():
    icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    at = icc.index(b"para") + 12
    icc[at:at + 4] = (1 << 16).to_bytes(4, "big")  # a linear (gamma 1.0) RGB profile
    grey = Image.new("RGBA", (20, 20), (128, 128, 128, 255))
    grey.putpixel((0, 0), (0, 0, 0, 0))
    for data in (encode(grey, "PNG", icc_profile=bytes(icc)),
                 encode(grey.convert("RGB"), "JPEG", icc_profile=bytes(icc))):
        out = reopen(clean_photo(data))
        assert "icc_profile" not in out.info
        assert close_to(out.getpixel((10, 10)), (188, 188, 188), tolerance=6)  # linear 50% in sRGB


@pytest.mark.parametrize("orientation, size, top, bottom", [
    (1, (200, 100), RED, RED),  # upright already: red left, blue right
    (6, (100, 200), RED, BLUE),  # camera held sideways: rotate clockwise
    (8, (100, 200), BLUE, RED),  # rotate anticlockwise
])
def test_photo_is_turned_upright_per_exif_orientation(orientation, size, top, bottom):
    im = reopen(clean_photo(phone_jpeg(orientation)))
    assert im.size == size
    assert close_to(im.getpixel((5, 5)), top) and close_to(im.getpixel((5, im.height - 5)), bottom)


def test_transparent_png_stays_png_with_alpha():
    out = reopen(clean_photo(transparent_png()))
    assert (out.format, out.mode, out.getpixel((0, 0))[3]) == ("PNG", "RGBA", 0)


def test_png_whose_alpha_hides_nothing_becomes_jpeg():
    assert clean_photo(encode(half_red_half_blue(mode="RGBA"), "PNG")).content_type == "image/jpeg"


def test_png_text_chunks_are_dropped():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Resident")
    info.add_itxt("Location", "12 Acacia Avenue", zip=True)
    out = clean_photo(transparent_png(pnginfo=info))
    assert not reopen(out).text
    assert b"Jane" not in out.data and b"Author" not in out.data


def test_webp_is_accepted():
    assert close_to(reopen(clean_photo(encode(half_red_half_blue(), "WEBP"))).getpixel((5, 5)), RED)


def test_animated_gif_keeps_only_its_first_frame():
    frames = [Image.new("RGB", (50, 50), colour) for colour in (RED, BLUE)]
    out = reopen(clean_photo(encode(frames[0], "GIF", save_all=True, append_images=frames[1:])))
    assert getattr(out, "n_frames", 1) == 1
    assert close_to(out.getpixel((25, 25)), RED)


def test_multi_picture_phone_jpeg_is_accepted_and_loses_its_second_picture():
    data = encode(Image.new("RGB", (60, 40), RED), "MPO", save_all=True,
                  append_images=[Image.new("RGB", (60, 40), BLUE)])
    assert Image.open(io.BytesIO(data)).format == "MPO" and sniff(data) == "image/jpeg"
    out = reopen(clean_photo(data))
    assert (out.format, getattr(out, "n_frames", 1)) == ("JPEG", 1)
    assert close_to(out.getpixel((30, 20)), RED)


def test_sixteen_bit_greyscale_png_keeps_its_tones():
    out = reopen(clean_photo(encode(Image.new("I;16", (20, 20), 32768), "PNG")))
    assert close_to(out.getpixel((10, 10)), (128, 128, 128), tolerance=10)  # not clipped to white


def test_cmyk_jpeg_with_broken_icc_profile_still_gives_rgb():
    out = reopen(clean_photo(encode(Image.new("CMYK", (20, 20), (0, 255, 255, 0)), "JPEG",
                                    icc_profile=b"junk")))
    assert out.mode == "RGB" and close_to(out.getpixel((10, 10)), RED)


def test_oversized_image_is_scaled_down_to_max_side():
    big = Image.new("RGB", (4400, 4200), RED)  # big enough for JPEG's reduced-scale decoding
    for fmt in ("JPEG", "PNG"):
        out = clean_photo(encode(big, fmt))
        assert (out.width, out.height) == (MAX_SIDE, round(MAX_SIDE * 4200 / 4400))
        assert max(reopen(out).size) == MAX_SIDE


def png_header_only(width, height):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


# Below Pillow's own limit, in its warning band, and past its hard limit.
@pytest.mark.parametrize("width, height", [(8000, 6000), (10000, 10000), (50000, 50000)])
def test_huge_dimensions_are_refused_before_decoding(width, height):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert rejected_code(png_header_only(width, height)) == "image_dimensions_too_large"
    assert not [w for w in caught if issubclass(w.category, Image.DecompressionBombWarning)]
    assert rejected_code(png_header_only(width, height), sniff) == "image_dimensions_too_large"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KiB


def test_real_sparse_image_over_the_pixel_limit_is_refused():
    data = encode(Image.new("1", (8000, 6000)), "PNG")
    assert len(data) < 100_000
    assert rejected_code(data) == "image_dimensions_too_large"


@pytest.mark.parametrize("data", [b"", b"hello", random.Random(7).randbytes(4096), phone_jpeg()[:-400]],
                         ids=["empty", "text", "random", "truncated_jpeg"])
def test_garbage_and_truncated_files_are_not_an_image(data):
    assert rejected_code(data) == "not_an_image"


@pytest.mark.parametrize("fmt", ["BMP", "TIFF"])
def test_images_of_other_types_are_unsupported(fmt):
    data = encode(half_red_half_blue(), fmt)
    assert rejected_code(data) == rejected_code(data, sniff) == "unsupported_image_type"


def test_file_over_max_bytes_is_too_large():
    data = phone_jpeg() + b"\0" * MAX_BYTES
    assert rejected_code(data) == rejected_code(data, sniff) == "photo_too_large"


def test_sniff_reads_the_type_from_the_bytes_and_covers_every_accepted_type():
    assert {sniff(encode(half_red_half_blue(), fmt)) for fmt in ACCEPTED} == set(CONTENT_TYPES)
    assert set(CONTENT_TYPES.values()) == ACCEPTED


def test_importing_the_module_does_not_load_pillow():
    code = "import sys, chalicelib.handlers.reports.photos; sys.exit('PIL' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[1]).returncode == 0


def cleaned_or_rejected(data):
    for func in (sniff, clean_photo):
        try:
            func(data)
        except PhotoRejected as exc:
            assert exc.code in CODES


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEEDS = [phone_jpeg(6)] + [encode(half_red_half_blue(40, 30), fmt) for fmt in ("PNG", "GIF", "WEBP")]
EDITS = st.lists(st.tuples(st.integers(0), st.integers(0, 255)), min_size=1, max_size=8)


@FUZZ
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_are_cleaned_or_rejected(data):
    cleaned_or_rejected(data)


@FUZZ
@given(st.sampled_from(SEEDS), EDITS, st.integers(0))
def test_mutated_images_are_cleaned_or_rejected(seed, edits, cut):
    data = bytearray(seed)
    for at, value in edits:
        data[at % len(data)] = value
    cleaned_or_rejected(bytes(data[: len(data) - cut % 64]))
