#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What appstreamcli cannot know: the metainfo against this repository.

Usage: check_metainfo.py METAINFO DESKTOP_FILE SCREENSHOT_DIR PROJECT_VERSION
- every screenshot URL names a PNG in docs/screenshots with the width and height given;
- every screenshot has a caption, and a Chinese one;
- the newest release is the project's version and has a description;
- the scheme handlers it provides are the desktop entry's MimeType, and it provides the binaries.
"""
import pathlib
import struct
import sys
import xml.etree.ElementTree as ET

LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def png_size(path):
    head = path.read_bytes()[:24]
    return struct.unpack(">II", head[16:24])


def desktop_mimetypes(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("MimeType="):
            return {m for m in line.split("=", 1)[1].split(";") if m}
    return set()


def main():
    metainfo, desktop, shots, version = sys.argv[1:5]
    root = ET.parse(metainfo).getroot()
    problems = []

    screenshots = root.findall("screenshots/screenshot")
    if len(screenshots) < 3:
        problems.append(f"only {len(screenshots)} screenshots")
    for shot in screenshots:
        image = shot.find("image")
        name = image.text.rsplit("/", 1)[-1]
        path = pathlib.Path(shots) / name
        if not path.is_file():
            problems.append(f"screenshot {name}: not in {shots}")
        else:
            size = png_size(path)
            said = (int(image.get("width", 0)), int(image.get("height", 0)))
            if size != said:
                problems.append(f"screenshot {name}: {size[0]}x{size[1]}, metainfo says {said[0]}x{said[1]}")
        langs = {c.get(LANG) for c in shot.findall("caption")}
        if None not in langs or "zh_CN" not in langs:
            problems.append(f"screenshot {name}: captions {sorted(map(str, langs))}, want English and zh_CN")

    releases = root.findall("releases/release")
    if not releases:
        problems.append("no release")
    else:
        newest = releases[0]  # AppStream lists the newest first
        if newest.get("version") != version:
            problems.append(f"newest release {newest.get('version')}, the project is {version}")
        if newest.find("description") is None:
            problems.append(f"release {newest.get('version')} has no description")

    provided = {m.text for m in root.findall("provides/mediatype")}
    wanted = desktop_mimetypes(pathlib.Path(desktop))
    if provided != wanted:
        problems.append(f"provides {sorted(provided)}, the desktop entry handles {sorted(wanted)}")
    binaries = {b.text for b in root.findall("provides/binary")}
    if binaries != {"tidings", "tidings-cli"}:
        problems.append(f"provides binaries {sorted(binaries)}")

    for line in problems:
        print(line)
    print(f"{len(screenshots)} screenshots, {len(releases)} releases checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
