"""Fixture images and torchvision goldens for GanKit's image-folder pipeline (GanKit.Data.Images).

Run with Debian's Python (python3-torchvision 0.14.1, Pillow 9.4):
    /usr/bin/python3 tests/GanKit.Tests/Data/Images/make_image_goldens.py

Writes, beside this script:
  fixtures/           an ImageFolder layout: classes 'lossless' and 'lossy' (synthetic, deterministic images in
                      every format GanKit reads) plus bad files in 'lossy/broken/' (a nested folder of a class).
  goldens.json        per good file (dataset order): label, size, torchvision's resized size, where its pixels are
                      in goldens.bin, the SHA-256 of torchvision's float32 tensor and its sum; the skipped files.
  goldens.bin         per good file, torchvision's Resize(64) + CenterCrop(64) as uint8 (3, 64, 64), CHW; then the
                      same of the file composited onto white with Pillow's alpha_composite (at on_white_offset).

The uint8 values are the golden; the script checks that torchvision's full Compose (ToTensor, Normalize) equals
((u8 / 255) - 0.5) / 0.5 in float32 bit for bit, so a test needs only the bytes and the hash.
"""
import hashlib
import io
import json
import os
import shutil

import numpy as np
import torch
from PIL import Image
from torchvision import transforms

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
SIZE = 64
WHITE = (255, 255, 255)


def picture(width, height, seed):
    """RGB uint8 (height, width, 3): gradients, a disc, a bar, fine stripes and noise, so resampling has edges."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    r = 255 * x / max(width - 1, 1)
    g = 255 * y / max(height - 1, 1)
    b = 128 + 100 * np.sin(x / 3.0) * np.cos(y / 5.0)
    image = np.stack([r, g, b], axis=-1)
    disc = (x - width * 0.6) ** 2 + (y - height * 0.4) ** 2 < (min(width, height) * 0.25) ** 2
    image[disc] = [250, 30, 60]
    image[int(height * 0.7):int(height * 0.8), width // 8:width // 2] = [20, 200, 40]
    image[:, ::7] = 255 - image[:, ::7]
    image += rng.normal(0, 12, image.shape)
    return np.clip(np.rint(image), 0, 255).astype(np.uint8)


def save(relative, image, **options):
    path = os.path.join(FIXTURES, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    image.save(path, **options)
    return relative


def write_fixtures():
    """The good files in dataset order (classes sorted, files sorted within a folder) and the bad ones."""
    if os.path.isdir(FIXTURES):
        shutil.rmtree(FIXTURES)
    good = []
    rgb_97 = Image.fromarray(picture(97, 75, 1))
    good.append(save("lossless/gif_150x90.gif", Image.fromarray(picture(150, 90, 2)).convert("P", palette=Image.ADAPTIVE, colors=64),
                     save_all=True, append_images=[Image.fromarray(255 - picture(150, 90, 2)).convert("P", palette=Image.ADAPTIVE, colors=64)]))
    grey = Image.fromarray(picture(97, 75, 3)).convert("L")
    good.append(save("lossless/grey_97x75.png", grey))
    good.append(save("lossless/palette_40x52.png", Image.fromarray(picture(40, 52, 4)).convert("P", palette=Image.ADAPTIVE, colors=32)))
    good.append(save("lossless/rgb_64x64.bmp", Image.fromarray(picture(64, 64, 5))))
    good.append(save("lossless/rgb_97x75.png", rgb_97))
    rgba = picture(150, 90, 6)
    alpha = np.tile(np.linspace(0, 255, 150), (90, 1))
    alpha[:, :20] = 0  # fully transparent pixels keep their colours: PIL's convert('RGB') drops alpha
    alpha[40:50, :] = 128
    good.append(save("lossless/rgba_150x90.png", Image.fromarray(np.dstack([rgba, np.rint(alpha).astype(np.uint8)]), "RGBA")))
    good.append(save("lossless/webp_lossless_97x75.webp", rgb_97, lossless=True))
    good.append(save("lossy/grey_40x52.jpg", Image.fromarray(picture(40, 52, 7)).convert("L"), quality=90))
    good.append(save("lossy/rgb_150x90.jpg", Image.fromarray(picture(150, 90, 8)), quality=90, subsampling=2))
    good.append(save("lossy/webp_lossy_97x75.webp", rgb_97, quality=80))

    broken = os.path.join(FIXTURES, "lossy", "broken")
    os.makedirs(broken)
    png = io.BytesIO()
    Image.fromarray(picture(97, 75, 9)).save(png, "PNG")
    jpg = io.BytesIO()
    Image.fromarray(picture(97, 75, 10)).save(jpg, "JPEG", quality=90)
    with open(os.path.join(broken, "truncated.png"), "wb") as f:
        f.write(png.getvalue()[: len(png.getvalue()) // 2])
    with open(os.path.join(broken, "truncated.jpg"), "wb") as f:
        f.write(jpg.getvalue()[: len(jpg.getvalue()) // 2])
    with open(os.path.join(broken, "text.png"), "w") as f:
        f.write("not an image, whatever its name says\n")
    with open(os.path.join(broken, "notes.txt"), "w") as f:
        f.write("a file without an image extension\n")
    bad = ["lossy/broken/notes.txt", "lossy/broken/text.png", "lossy/broken/truncated.jpg", "lossy/broken/truncated.png"]
    return good, bad


def torchvision_pipeline():
    return transforms.Compose([
        transforms.Resize(SIZE),
        transforms.CenterCrop(SIZE),
        transforms.ToTensor(),
        transforms.Normalize((0.5,) * 3, (0.5,) * 3),
    ])


def on_background(opened, colour):
    """The image composited onto an opaque background, with Pillow's alpha_composite (GanKit's ImageTransform.Background)."""
    rgba = opened.convert("RGBA")
    return Image.alpha_composite(Image.new("RGBA", rgba.size, colour + (255,)), rgba).convert("RGB")


def main():
    good, bad = write_fixtures()
    pipeline = torchvision_pipeline()
    cropped_only = transforms.Compose([transforms.Resize(SIZE), transforms.CenterCrop(SIZE)])
    entries, blob = [], bytearray()
    for relative in good:
        with Image.open(os.path.join(FIXTURES, relative)) as opened:
            image = opened.convert("RGB")
            on_white = on_background(opened, WHITE)
        resized = transforms.Resize(SIZE)(image)
        expected = pipeline(image)
        pixels = np.asarray(cropped_only(image)).transpose(2, 0, 1).copy()
        from_bytes = (torch.from_numpy(pixels).float() / 255 - 0.5) / 0.5
        assert torch.equal(from_bytes, expected), relative
        entries.append({
            "file": relative,
            "label": 0 if relative.startswith("lossless/") else 1,
            "width": image.width,
            "height": image.height,
            "resized_width": resized.width,
            "resized_height": resized.height,
            "offset": len(blob),
            "float_sha256": hashlib.sha256(expected.numpy().astype("<f4").tobytes()).hexdigest(),
            "float_sum": float(expected.double().sum()),
            "on_white_offset": len(blob) + pixels.size,
        })
        blob += pixels.tobytes()
        blob += np.asarray(cropped_only(on_white)).transpose(2, 0, 1).tobytes()
    for relative in bad:
        if relative.endswith(".txt"):
            continue
        try:
            with Image.open(os.path.join(FIXTURES, relative)) as opened:
                opened.convert("RGB")
        except OSError:
            continue  # PIL fails on it too (torchvision's loader would raise)
        raise AssertionError(f"PIL reads {relative}, which the fixtures call bad")
    index = {
        "made_by": "make_image_goldens.py: torchvision %s, Pillow %s, torch %s" % (
            __import__("torchvision").__version__, Image.__version__, torch.__version__),
        "size": SIZE,
        "classes": ["lossless", "lossy"],
        "images": entries,
        "skipped": bad,
    }
    with open(os.path.join(HERE, "goldens.bin"), "wb") as f:
        f.write(bytes(blob))
    with open(os.path.join(HERE, "goldens.json"), "w") as f:
        json.dump(index, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
