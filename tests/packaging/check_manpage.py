#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A generated man page renders without a warning and says what the program says.

Usage: check_manpage.py PAGE PROGRAM [TEXT...]
- `man --warnings -l` and `groff -ww -z -man` print nothing on stderr;
- the hand-written sections (packaging/man/*.h2m) made it in;
- every option the program's --help prints is in the page, and for a program with commands
  (a "Commands:" list in its --help) each command has a subsection and every option of each
  subsection's `PROGRAM COMMAND --help` is in it;
- each TEXT (e.g. a file path the page must name) is in the page.
"""
import itertools
import os
import pathlib
import re
import subprocess
import sys
import tempfile

SECTIONS = ("NAME", "SYNOPSIS", "DESCRIPTION", "FILES", "ENVIRONMENT", "EXAMPLES", "SEE ALSO")


def plain(roff):
    """The page's text with font changes and escapes removed, enough to find option names."""
    text = re.sub(r"\\f[BIRP]|\\f\(CW|\\[,/&]", "", roff)
    return text.replace("\\-", "-").replace("\\(co", "(c)")


def help_options(env, argv):
    out = subprocess.run(argv + ["--help"], env=env, text=True, capture_output=True, timeout=30).stdout
    names = set()
    for line in out.splitlines():
        if re.match(r"^  -", line):  # an entry of Qt's "Options:" list, not a continuation
            column = re.split(r"\s{2,}", line.strip())[0]
            names.update(re.findall(r"(?:^|[ ,])(--?[A-Za-z0-9-]+)", column))
    return out, names


def subsections(text):
    """{heading: body} of the .SS subsections."""
    parts = re.split(r'^\.SS "?(.*?)"?$', text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def main():
    page_path, program = sys.argv[1:3]
    texts = sys.argv[3:]
    name = pathlib.Path(program).name
    problems = []
    page = pathlib.Path(page_path)
    if not page.is_file():
        print(f"{page}: missing (built with the man_{name} target; is help2man installed?)")
        return 1
    roff = page.read_text(encoding="utf-8")
    text = plain(roff)

    env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="80", MANROFFSEQ="", QT_QPA_PLATFORM="offscreen")
    # The first is how lintian looks at a packaged page (its manpage-has-errors-from-man).
    for command in (["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", str(page)],
                    ["groff", "-ww", "-z", "-man", str(page)]):
        run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        if run.returncode != 0 or run.stderr.strip():
            problems.append(f"{' '.join(command[:2])}: exit {run.returncode}: {run.stderr.strip()}")

    headings = re.findall(r'^\.SH "?(.*?)"?$', roff, flags=re.M)
    for section in SECTIONS:
        if section not in headings:
            problems.append(f"no {section} section (sections: {headings})")
    if re.search(r"manual page for", text):
        problems.append("NAME is help2man's placeholder: the .h2m file's [NAME] was not used")

    with tempfile.TemporaryDirectory() as home:
        env.update(HOME=home)
        env.pop("XDG_CONFIG_HOME", None)
        top, options = help_options(env, [program])
        for option in sorted(options):
            if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text):
                problems.append(f"{name} --help prints {option}, the page lacks it")
        commands = re.findall(r"^  ([a-z0-9]+) ", top.split("Commands:", 1)[1].split("\n\n")[0],
                              flags=re.M) if "Commands:" in top else []
        sections = subsections(text)
        for command in commands:
            if not any(h.startswith(f"{name} {command} ") for h in sections):
                problems.append(f"command {command}: no subsection (add it in packaging/desktop/CMakeLists.txt)")
        checked = 0
        for heading, body in sections.items():
            words = heading.split()
            if len(words) < 2 or words[0] != name:
                continue
            # "tidings-cli jwt inspect [options] token:" names "jwt inspect"; "... smtp [options] send:" smtp.
            argv = [program] + list(itertools.takewhile(lambda w: re.fullmatch(r"[a-z0-9]+", w), words[1:]))
            _, wanted = help_options(env, argv)
            if not wanted:
                problems.append(f"{' '.join(argv[1:])} --help printed no options")
            for option in sorted(wanted):
                if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", body):
                    problems.append(f"{name} {' '.join(argv[1:])} --help prints {option}, its subsection lacks it")
            checked += 1

    for wanted in texts:
        if wanted not in text:
            problems.append(f"the page does not mention {wanted}")
    for line in problems:
        print(line)
    print(f"{page.name}: {len(options)} options, {checked} command subsections checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
