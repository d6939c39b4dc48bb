#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the relative links of the documentation: every linked file exists
(screenshots included), and every #anchor names a heading of its target.

Usage: docs/check-links.py [FILE.md ...]   (default: README.md and docs/*.md)
Exit 0 when all links resolve, 1 otherwise (each broken link printed).
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^(```|~~~)")


def prose(text):
    """The text outside fenced code blocks (links in code are examples)."""
    out, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line.strip()):
            fenced = not fenced
            continue
        if not fenced:
            out.append(line)
    return "\n".join(out)


def anchors(path):
    """GitHub's heading ids: lower case, punctuation dropped, spaces to '-'."""
    ids = set()
    for line in prose(path.read_text(encoding="utf-8")).splitlines():
        m = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            title = re.sub(r"`", "", m.group(1)).lower()
            ids.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return ids


def shown(path):
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def check(md):
    broken = []
    for target in LINK.findall(prose(md.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # http:, mailto: ...
            continue
        file_part, _, anchor = target.partition("#")
        dest = (md.parent / file_part).resolve() if file_part else md
        if not dest.exists():
            broken.append(f"{shown(md)}: missing file {target}")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(f"{shown(md)}: no heading for #{anchor} in {target}")
    return broken


def main(argv):
    files = [pathlib.Path(a).resolve() for a in argv] or \
        [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md"))
    broken = [b for f in files for b in check(f)]
    for b in broken:
        print(b)
    print(f"{len(files)} files checked, {len(broken)} broken links")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
