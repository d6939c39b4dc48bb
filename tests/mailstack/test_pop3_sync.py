#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`tidings-cli pop3 sync` (vmime over our Qt sockets) against the real Dovecot,
checked byte for byte with Python's poplib; plus STLS refused -> fail closed.

usage: test_pop3_sync.py STATEFILE PATH_TO_tidings-cli
"""
import os
import pathlib
import poplib
import re
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest

USER, PASSWORD = "tester", "T3st p@ss wörd"
ROOT = pathlib.Path(__file__).resolve().parents[2]
ENV = {}
CLI = None


def load_env(statefile):
    stack = open(statefile, encoding="utf-8").read().strip()
    env = {}
    for line in open(os.path.join(stack, "stack.env"), encoding="utf-8"):
        key, sep, value = line.strip().partition("=")
        if sep:
            env[key] = value
    return env


def sync(store, security="tls", port=None, password=PASSWORD, host=None, extra=()):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False) as pw:
        pw.write(password + "\n")
    try:
        port = port or (ENV["POP3S_PORT"] if security == "tls" else ENV["POP3_PORT"])
        return subprocess.run([CLI, "pop3", "sync", "--host", host or ENV["MAIL_HOST"], "--port", str(port),
                               "--security", security, "--ca", ENV["CA_CERT"], "--user", USER,
                               "--password-file", pw.name, "--store", store, *extra],
                              capture_output=True, text=True, timeout=120)
    finally:
        os.unlink(pw.name)


class Pop3SyncTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "seed-demo-mail"), ENV["MAILSTACK_DIR"], USER, PASSWORD],
                       check=True, capture_output=True, timeout=120)

    def server_messages(self):
        ctx = ssl.create_default_context(cafile=ENV["CA_CERT"])
        pop = poplib.POP3_SSL(ENV["MAIL_HOST"], int(ENV["POP3S_PORT"]), context=ctx, timeout=30)
        try:
            pop.user(USER)
            pop.pass_(PASSWORD)
            count = len(pop.list()[1])
            # poplib un-stuffs dots and strips line ends: put CRLF back on every line.
            return [b"".join(line + b"\r\n" for line in pop.retr(i)[1]) for i in range(1, count + 1)]
        finally:
            pop.quit()

    def test_sync_is_byte_exact_and_downloads_only_once(self):
        with tempfile.TemporaryDirectory() as store:
            first = sync(store)
            self.assertEqual(first.returncode, 0, first.stderr)
            on_server, downloaded = map(int, re.search(r"on server (\d+), downloaded (\d+)", first.stdout).groups())
            theirs = self.server_messages()
            self.assertEqual(on_server, len(theirs))
            self.assertEqual(downloaded, len(theirs))
            ours = [p.read_bytes() for p in (pathlib.Path(store) / "Maildir" / "new").iterdir()]
            self.assertEqual(sorted(ours), sorted(theirs))
            # The index answers full-text searches, Chinese included.
            found = subprocess.run([CLI, "pop3", "search", "--store", store, "集成测试"], capture_output=True, text=True,
                                   timeout=60)
            self.assertEqual(found.returncode, 0, found.stderr)
            self.assertIn("项目周报：第 47 周", found.stdout)
            found = subprocess.run([CLI, "pop3", "search", "--store", store, "Haddad"], capture_output=True, text=True,
                                   timeout=60)
            self.assertIn("Re: Budget 2027 draft", found.stdout)
            again = sync(store)
            self.assertEqual(again.returncode, 0, again.stderr)
            self.assertIn(f"downloaded 0 (0 bytes), already stored {len(theirs)}", again.stdout)
            # Nothing was deleted on the server (leave on server is the default).
            self.assertEqual(len(self.server_messages()), len(theirs))

    def test_stls_gives_the_same_mail(self):
        with tempfile.TemporaryDirectory() as store:
            r = sync(store, security="starttls")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertGreater(len(list((pathlib.Path(store) / "Maildir" / "new").iterdir())), 0)

    def test_list_shows_headers_without_downloading(self):
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False) as pw:
            pw.write(PASSWORD + "\n")
        r = subprocess.run([CLI, "pop3", "list", "--host", ENV["MAIL_HOST"], "--port", ENV["POP3S_PORT"],
                            "--ca", ENV["CA_CERT"], "--user", USER, "--password-file", pw.name, "--trace"],
                           capture_output=True, text=True, timeout=120)
        os.unlink(pw.name)
        self.assertEqual(r.returncode, 0, r.stderr)
        subjects = [line.split("\t")[3] for line in r.stdout.splitlines()]
        self.assertIn("项目周报：第 47 周", subjects)
        self.assertIn("C: TOP 1 0", r.stderr)        # headers only
        self.assertNotIn("RETR", r.stderr)
        self.assertIn("C: PASS <redacted>", r.stderr)  # the log never holds the password
        self.assertNotIn(PASSWORD, r.stderr)

    def test_delete_after_days_deletes_only_what_is_stored(self):
        with tempfile.TemporaryDirectory() as store:
            self.assertEqual(sync(store).returncode, 0)
            before = len(self.server_messages())
            r = sync(store, extra=["--delete-after-days", "0"])
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(f"deleted {before}", r.stdout)
            self.assertEqual(len(self.server_messages()), 0)
            # Everything is still here, once.
            self.assertEqual(len(list((pathlib.Path(store) / "Maildir" / "new").iterdir())), before)
        # Put the demo mail back for the other tests.
        subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "seed-demo-mail"), ENV["MAILSTACK_DIR"], USER, PASSWORD],
                       check=True, capture_output=True, timeout=120)

    def test_killed_mid_sync_loses_nothing_and_duplicates_nothing(self):
        # A user of its own with 120 big messages dropped straight into its Maildir.
        stack = ENV["MAILSTACK_DIR"]
        subprocess.run([str(ROOT / "scripts" / "mailstack"), "adduser", stack, "bulk", "bulk-pw"], check=True,
                       capture_output=True, timeout=60)
        maildir = pathlib.Path(stack) / "mail" / "bulk" / "Maildir" / "new"
        bodies = []
        for i in range(120):
            body = (f"From: load@localhost\r\nTo: bulk@localhost\r\nSubject: bulk {i}\r\n"
                    f"Message-ID: <bulk-{i}@localhost>\r\n\r\n").encode()
            body += b"".join(b"line %06d of message %03d, padding padding padding padding\r\n" % (n, i)
                             for n in range(4000))
            body += b".starts with a dot\r\n..two dots\r\n"
            path = maildir / f"{1700000000 + i}.bulk{i}.localhost"
            path.write_bytes(body.replace(b"\r\n", b"\n"))  # Maildir stores LF; POP3 serves CRLF
            os.chown(path, 8, 8)
            bodies.append(body)
        with tempfile.TemporaryDirectory() as store, tempfile.NamedTemporaryFile("w", delete=False) as pw:
            pw.write("bulk-pw\n")
            pw.close()
            args = [CLI, "pop3", "sync", "--host", ENV["MAIL_HOST"], "--port", ENV["POP3S_PORT"], "--ca",
                    ENV["CA_CERT"], "--user", "bulk", "--password-file", pw.name, "--store", store]
            new = pathlib.Path(store) / "Maildir" / "new"
            proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.time() + 60
            while time.time() < deadline and (not new.exists() or len(list(new.iterdir())) < 20):
                time.sleep(0.01)
            proc.kill()  # SIGKILL in the middle of the download
            proc.wait()
            partial = len(list(new.iterdir()))
            self.assertGreater(partial, 0)
            self.assertLess(partial, 120, "the sync finished before it could be killed")
            r = subprocess.run(args, capture_output=True, text=True, timeout=300)
            os.unlink(pw.name)
            self.assertEqual(r.returncode, 0, r.stderr)
            stored = sorted(p.read_bytes() for p in new.iterdir())
            self.assertEqual(len(stored), 120)                # nothing duplicated
            self.assertEqual(stored, sorted(bodies))          # nothing lost, byte for byte, dots intact

    def test_wrong_password(self):
        with tempfile.TemporaryDirectory() as store:
            r = sync(store, password="not the password")
            self.assertEqual(r.returncode, 1)
            self.assertIn("wrong user name or password", r.stderr)

    def test_certificate_checked_against_the_host_name(self):
        with tempfile.TemporaryDirectory() as store:
            r = sync(store, host="127.0.0.2")  # the certificate names 127.0.0.1/localhost only
            self.assertEqual(r.returncode, 1)

    def test_refused_stls_fails_closed(self):
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        seen = []

        def serve():
            conn, _ = server.accept()
            conn.sendall(b"+OK fake POP3 ready\r\n")
            data = b""
            conn.settimeout(5)
            try:
                while True:
                    chunk = conn.recv(1024)
                    if not chunk:
                        break
                    data += chunk
                    if b"STLS" in data and b"-ERR" not in b"".join(seen):
                        seen.append(b"-ERR")
                        conn.sendall(b"-ERR not today\r\n")
            except socket.timeout:
                pass
            seen.append(data)
            conn.close()

        thread = threading.Thread(target=serve)
        thread.start()
        with tempfile.TemporaryDirectory() as store:
            r = sync(store, security="starttls", port=server.getsockname()[1], host="127.0.0.1")
        thread.join(10)
        server.close()
        self.assertEqual(r.returncode, 1)
        self.assertIn("refused STLS", r.stderr)
        received = seen[-1]
        self.assertNotIn(b"USER", received)
        self.assertNotIn(b"PASS", received)


if __name__ == "__main__":
    ENV = load_env(sys.argv.pop(1))
    CLI = sys.argv.pop(1)
    unittest.main(verbosity=2)
