#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The desktop entry's command lines do what a desktop expects, run as the desktop runs them.

Usage: check_desktop_exec.py DESKTOP_FILE TIDINGS TIDINGS_CLI
The built programs are linked into a folder put first on PATH, so that the Exec lines are run
unchanged (only %u is filled in). In a fresh home with one account that can send:
- the "Write Message" action (no Tidings running) opens a compose window;
- the main Exec with a mailto: link, while that one runs, hands the link over and exits 0,
  and the running Tidings opens a second compose window with the link's subject.
Tidings reports what it did on stdout with TIDINGS_TRACE_INSTANCE=1.
"""
import os
import pathlib
import queue
import shlex
import subprocess
import sys
import tempfile
import threading

TIMEOUT = 30


def desktop_groups(path):
    groups, current = {}, None
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1], {})
        elif "=" in line and current is not None:
            key, value = line.split("=", 1)
            current[key] = value
    return groups


def exec_argv(exec_line, url):
    # The Desktop Entry spec: %u is one URL (or nothing); no other field codes are used here.
    argv = []
    for word in shlex.split(exec_line):
        if word == "%u":
            if url:
                argv.append(url)
        elif "%" in word:
            raise SystemExit(f"unexpected field code in Exec={exec_line}")
        else:
            argv.append(word)
    return argv


class Reader:
    """Lines of a running process's stdout, waited for with a deadline."""

    def __init__(self, process):
        self.lines = queue.Queue()
        threading.Thread(target=self._pump, args=(process.stdout,), daemon=True).start()

    def _pump(self, stream):
        for line in stream:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, prefix):
        seen = []
        while True:
            try:
                line = self.lines.get(timeout=TIMEOUT)
            except queue.Empty:
                raise SystemExit(f"no line starting {prefix!r} within {TIMEOUT} s; saw {seen}")
            seen.append(line)
            if line.startswith(prefix):
                return line


def main():
    desktop, tidings, tidings_cli = sys.argv[1:4]
    groups = desktop_groups(desktop)
    entry = groups["Desktop Entry"]
    action = groups["Desktop Action write-message"]
    assert "write-message" in entry["Actions"].split(";"), entry["Actions"]

    with tempfile.TemporaryDirectory(prefix="tidings-desktop-") as home:
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/config",
                   XDG_DATA_HOME=f"{home}/data", XDG_CACHE_HOME=f"{home}/cache",
                   XDG_RUNTIME_DIR=f"{home}/run", QT_QPA_PLATFORM="offscreen",
                   TIDINGS_TRACE_INSTANCE="1", PATH=f"{home}/bin{os.pathsep}{os.environ['PATH']}")
        os.mkdir(f"{home}/run", 0o700)
        bin_dir = f"{home}/bin"
        os.mkdir(bin_dir)
        os.symlink(os.path.abspath(tidings), f"{bin_dir}/tidings")
        os.symlink(os.path.abspath(tidings_cli), f"{bin_dir}/tidings-cli")
        subprocess.run(["tidings-cli", "account", "add", "--email", "desk@example.org",
                        "--host", "pop.example.org", "--user", "desk",
                        "--smtp-host", "smtp.example.org"],
                       env=env, check=True, stdout=subprocess.DEVNULL, timeout=TIMEOUT)

        first = subprocess.Popen(exec_argv(action["Exec"], None), env=env, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            reader = Reader(first)
            line = reader.wait_for("mailto opened:")
            print(f"Write Message ({action['Exec']}): {line}")
            if not line.endswith("compose-windows=1"):
                raise SystemExit("the Write Message action did not open a compose window")

            url = "mailto:friend@example.org?subject=From%20the%20desktop"
            second = subprocess.run(exec_argv(entry["Exec"], url), env=env, text=True,
                                    capture_output=True, timeout=TIMEOUT)
            if second.returncode != 0:
                raise SystemExit(f"Exec={entry['Exec']} with a link exited {second.returncode}: {second.stderr}")
            line = reader.wait_for("mailto opened:")
            print(f"link ({entry['Exec']}): {line}")
            if line != "mailto opened: subject=From the desktop compose-windows=2":
                raise SystemExit("the running Tidings did not open the handed-over link")
        finally:
            first.terminate()
            first.wait(timeout=TIMEOUT)
    print("desktop entry: both command lines open a compose window")
    return 0


if __name__ == "__main__":
    sys.exit(main())
