#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A configured account whose password lives only in the system keyring (a real
gnome-keyring, see tests/store/with-keyring.sh): stored with `tidings-cli
account password`, seen by secret-tool, used by `pop3 sync --account
--password-from-keyring`, and never written to the profile.

usage: with-keyring.sh test_keyring_sync.py STATEFILE PATH_TO_tidings-cli
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
ENV = {}
CLI = None
USER, PASSWORD = "keyringuser", "kr pässword 密码"


class KeyringSyncTest(unittest.TestCase):
    def test_sync_with_the_password_from_the_keyring(self):
        stack = ENV["MAILSTACK_DIR"]
        subprocess.run([str(ROOT / "scripts" / "mailstack"), "adduser", stack, USER, PASSWORD], check=True,
                       capture_output=True, timeout=60)
        subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "seed-demo-mail"), stack, USER, PASSWORD],
                       check=True, capture_output=True, timeout=120)
        with tempfile.TemporaryDirectory() as profile:
            def cli(*args, stdin=None):
                return subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True, timeout=120)
            r = cli("account", "add", "--profile", profile, "--host", ENV["MAIL_HOST"], "--port", ENV["POP3S_PORT"],
                    "--user", USER)
            self.assertEqual(r.returncode, 0, r.stderr)
            # Before the password is stored: a specific error, no prompt, no crash.
            r = cli("pop3", "sync", "--profile", profile, "--account", "1", "--ca", ENV["CA_CERT"],
                    "--password-from-keyring")
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("no password", r.stderr)
            r = cli("account", "password", "--profile", profile, "--index", "1", stdin=PASSWORD + "\n")
            self.assertEqual(r.returncode, 0, r.stderr)
            # The entry is the account's id (it survives edits of host and port), from the settings file.
            ini = next(pathlib.Path(profile).rglob("*.ini")).read_text(encoding="utf-8")
            account_id = re.search(r"^id=(.+)$", ini, re.M).group(1)
            seen = subprocess.run(["secret-tool", "lookup", "server", "Tidings", "user", f"pop3:{account_id}"],
                                  capture_output=True, text=True, timeout=30)
            self.assertEqual(seen.stdout, PASSWORD)
            r = cli("pop3", "sync", "--profile", profile, "--account", "1", "--ca", ENV["CA_CERT"],
                    "--password-from-keyring")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertGreater(int(re.search(r"downloaded (\d+)", r.stdout).group(1)), 0)
            for path in pathlib.Path(profile).rglob("*"):
                if path.is_file() and path.suffix in (".ini", ".conf", ".log", ""):
                    self.assertNotIn(PASSWORD.encode(), path.read_bytes(), path)


if __name__ == "__main__":
    statefile = sys.argv.pop(1)
    CLI = sys.argv.pop(1)
    stack_dir = open(statefile, encoding="utf-8").read().strip()
    for line in open(os.path.join(stack_dir, "stack.env"), encoding="utf-8"):
        key, sep, value = line.strip().partition("=")
        if sep:
            ENV[key] = value
    unittest.main(verbosity=2)
