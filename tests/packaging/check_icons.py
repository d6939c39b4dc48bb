#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every size a desktop asks for is there, and each PNG is the size its folder says.

Usage: check_icons.py HICOLOR_DIR
Reads the IHDR chunk itself so that it needs nothing but Python.
"""
import pathlib
import struct
import sys

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)  # scripts/make-icons renders these
NAME = "org.tidings.Tidings.png"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(path):
    head = path.read_bytes()[:24]
    if len(head) < 24 or head[:8] != PNG_MAGIC or head[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", head[16:24])


def main():
    hicolor = pathlib.Path(sys.argv[1])
    problems = []
    for size in SIZES:
        path = hicolor / f"{size}x{size}" / "apps" / NAME
        if not path.is_file():
            problems.append(f"{path}: missing (run scripts/make-icons)")
            continue
        try:
            width, height = png_size(path)
        except ValueError as error:
            problems.append(f"{path}: {error}")
            continue
        if (width, height) != (size, size):
            problems.append(f"{path}: {width}x{height}, its folder says {size}x{size}")
    # A stray size folder would be installed by nobody and rot.
    for folder in sorted(p for p in hicolor.iterdir() if p.is_dir()):
        if folder.name not in {f"{s}x{s}" for s in SIZES}:
            problems.append(f"{folder}: not a size scripts/make-icons makes")
    for line in problems:
        print(line)
    print(f"{len(SIZES)} sizes checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
