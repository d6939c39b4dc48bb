#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`tidings-cli pop3 sync` (vmime over our Qt sockets) against the real Dovecot,
checked byte for byte with Python's poplib; plus STLS refused -> fail closed.

usage: test_pop3_sync.py STATEFILE PATH_TO_tidings-cli [PATH_TO_slowthreadexit.so]
"""
import os
import pathlib
import hashlib
import poplib
import re
import signal
import socket
import sqlite3
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
# tidings-cli pop3's exit codes (src/cli/pop3command.cpp documents them).
EXIT_AUTHENTICATION, EXIT_CERTIFICATE, EXIT_NO_UIDL, EXIT_TIMEOUT, EXIT_CANCELLED = 3, 4, 5, 6, 7
EXIT_PROTOCOL, EXIT_CONNECTION, EXIT_SERVER_ERROR = 9, 10, 11
SLOW_THREAD_EXIT = None


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


BULK = None


def bulk_mailbox():
    """A user of its own with 120 big messages (dot-lines included) dropped straight into its Maildir."""
    global BULK
    if BULK is not None:
        return BULK
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
        body += b".starts with a dot\r\n..two dots\r\n.\r\n..\r\n"
        path = maildir / f"{1700000000 + i}.bulk{i}.localhost"
        path.write_bytes(body.replace(b"\r\n", b"\n"))  # Maildir stores LF; POP3 serves CRLF
        os.chown(path, 8, 8)
        bodies.append(body)
    BULK = sorted(bodies)
    return BULK


def bulk_sync(store, port=None, extra=()):
    with tempfile.NamedTemporaryFile("w", delete=False) as pw:
        pw.write("bulk-pw\n")
    try:
        return subprocess.run([CLI, "pop3", "sync", "--host", "127.0.0.1", "--port", str(port or ENV["POP3S_PORT"]),
                               "--ca", ENV["CA_CERT"], "--user", "bulk", "--password-file", pw.name, "--store", store,
                               *extra], capture_output=True, text=True, timeout=300)
    finally:
        os.unlink(pw.name)


def stored(store):
    return sorted(p.read_bytes() for p in (pathlib.Path(store) / "Maildir" / "new").iterdir())


def own_mailbox(user, password):
    """A user of its own with the demo mail: tests that count downloads must not race the others."""
    subprocess.run([str(ROOT / "scripts" / "mailstack"), "adduser", ENV["MAILSTACK_DIR"], user, password], check=True,
                   capture_output=True, timeout=60)
    subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "seed-demo-mail"), ENV["MAILSTACK_DIR"], user, password],
                   check=True, capture_output=True, timeout=120)


class FaultProxy:
    """tests/tools/faultproxy.py in front of Dovecot's POP3S port."""

    def __init__(self, *options):
        self.dir = tempfile.TemporaryDirectory()
        portfile = os.path.join(self.dir.name, "port")
        self.proc = subprocess.Popen(["/usr/bin/python3", str(ROOT / "tests" / "tools" / "faultproxy.py"),
                                      "--listen-port-file", portfile, "--target",
                                      f"127.0.0.1:{ENV['POP3S_PORT']}", *options])
        deadline = time.time() + 10
        while not os.path.exists(portfile) and time.time() < deadline:
            time.sleep(0.02)
        self.port = int(pathlib.Path(portfile).read_text())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.proc.kill()
        self.proc.wait()
        self.dir.cleanup()


def pop3_command(action, user=USER, password=PASSWORD, extra=()):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False) as pw:
        pw.write(password + "\n")
    try:
        return subprocess.run([CLI, "pop3", action, "--host", ENV["MAIL_HOST"], "--port", ENV["POP3S_PORT"],
                               "--ca", ENV["CA_CERT"], "--user", user, "--password-file", pw.name, *extra],
                              capture_output=True, text=True, timeout=120)
    finally:
        os.unlink(pw.name)


def dovecot_logins():
    log = pathlib.Path(ENV["MAILSTACK_DIR"]) / "log" / "dovecot.log"
    return [line for line in log.read_text(errors="replace").splitlines() if "pop3-login: Info: Login:" in line]


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
            self.assertIn(f"downloaded 0 (0 bytes), headers 0, bodies left on server 0, already stored {len(theirs)}",
                          again.stdout)
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
                            "--ca", ENV["CA_CERT"], "--user", USER, "--password-file", pw.name, "--trace",
                            "--auth", "user"],
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
        bodies = bulk_mailbox()
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
            self.assertEqual(len(stored(store)), 120)         # nothing duplicated
            self.assertEqual(stored(store), bodies)           # nothing lost, byte for byte, dots intact

    def test_each_login_method_as_dovecot_saw_it(self):
        for method, sent, logged in (("user", "C: PASS <redacted>", "method=PLAIN"),
                                     ("apop", "C: APOP <redacted>", "method=APOP"),
                                     ("sasl", "C: AUTH CRAM-MD5", "method=CRAM-MD5"),
                                     ("auto", "C: AUTH CRAM-MD5", "method=CRAM-MD5")):
            with self.subTest(method=method):
                before = len(dovecot_logins())
                r = pop3_command("list", extra=["--auth", method, "--trace"])
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn(sent, r.stderr)
                self.assertNotIn(PASSWORD, r.stderr)
                self.assertNotIn("PASS " + PASSWORD, r.stderr)
                ours = [line for line in r.stderr.splitlines() if line.startswith("C: ")]
                self.assertFalse([line for line in ours if socket.gethostname() in line])  # our host name never leaks
                # Other tests log in to the same Dovecot meanwhile: look for ours among the new lines.
                deadline = time.time() + 5
                while not any(logged in line for line in dovecot_logins()[before:]) and time.time() < deadline:
                    time.sleep(0.05)
                self.assertTrue(any(logged in line for line in dovecot_logins()[before:]),
                                dovecot_logins()[before:])
        r = pop3_command("list", password="wrong", extra=["--auth", "apop"])
        self.assertEqual(r.returncode, EXIT_AUTHENTICATION)
        self.assertIn("wrong user name or password", r.stderr)

    def test_protocol_log_is_recorded_redacted_and_printed(self):
        with tempfile.TemporaryDirectory() as parent:
            store = os.path.join(parent, "store")  # the sync creates it, and its logs folder
            # Under umask 0 anything made with the default mode is world-writable (issue 10, item 11).
            old_umask = os.umask(0)
            try:
                r = sync(store, extra=["--protocol-log", "--auth", "user"])
            finally:
                os.umask(old_umask)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertNotIn("C: UIDL", r.stderr)  # recorded, not printed (that is --trace)
            log = subprocess.run([CLI, "pop3", "log", "--store", store, "--host", ENV["MAIL_HOST"], "--port",
                                  ENV["POP3S_PORT"], "--user", USER], capture_output=True, text=True, timeout=60)
            self.assertEqual(log.returncode, 0, log.stderr)
            self.assertIn("C: PASS <redacted>", log.stdout)
            self.assertIn("C: UIDL", log.stdout)
            self.assertIn("C: RETR 1", log.stdout)
            self.assertNotIn(PASSWORD, log.stdout)
            files = list((pathlib.Path(store) / "logs").iterdir())
            self.assertEqual(len(files), 1)
            self.assertEqual(oct((pathlib.Path(store) / "logs").stat().st_mode & 0o7777), oct(0o700))
            self.assertEqual(oct(files[0].stat().st_mode & 0o7777), oct(0o600))

    def test_commands_are_pipelined(self):
        r = pop3_command("list", extra=["--trace"])
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stderr.splitlines()
        first_top = lines.index("C: TOP 1 0")
        # Every TOP went out before the first answer to them came back.
        self.assertEqual(lines[first_top:first_top + 3], ["C: TOP 1 0", "C: TOP 2 0", "C: TOP 3 0"])
        self.assertEqual(lines[lines.index("C: UIDL") + 1], "C: LIST")

    def test_headers_first_as_the_application_syncs(self):
        with tempfile.TemporaryDirectory() as store:
            r = sync(store, extra=["--headers-first", "--trace"])
            self.assertEqual(r.returncode, 0, r.stderr)
            n = len(self.server_messages())
            self.assertIn(f"downloaded {n} ", r.stdout)
            self.assertIn(f"headers {n},", r.stdout)
            sent = [line for line in r.stderr.splitlines() if line.startswith("C: ")]
            last_top = max(i for i, line in enumerate(sent) if line.startswith("C: TOP "))
            first_retr = min(i for i, line in enumerate(sent) if line.startswith("C: RETR "))
            self.assertLess(last_top, first_retr)  # every header before any body
            self.assertEqual(stored(store), sorted(self.server_messages()))

    def test_headers_only_then_bodies(self):
        with tempfile.TemporaryDirectory() as store:
            r = sync(store, extra=["--headers-only"])
            self.assertEqual(r.returncode, 0, r.stderr)
            theirs = self.server_messages()
            self.assertIn(f"downloaded 0 (0 bytes), headers {len(theirs)}, bodies left on server {len(theirs)}",
                          r.stdout)
            self.assertEqual(stored(store), [])  # the Maildir holds whole messages only
            listing = pop3_command("list")
            first = listing.stdout.splitlines()[0].split("\t")[1]
            r = sync(store, extra=["--headers-only", "--fetch", first])  # the user opened one
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("downloaded 1 ", r.stdout)
            self.assertEqual(len(stored(store)), 1)
            found = subprocess.run([CLI, "pop3", "search", "--store", store, "项目周报"], capture_output=True,
                                   text=True, timeout=60)
            self.assertIn("项目周报：第 47 周", found.stdout)  # the list and search work from headers
            r = sync(store)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(f"downloaded {len(theirs) - 1}", r.stdout)
            self.assertIn("headers 0", r.stdout)  # not fetched twice
            self.assertEqual(stored(store), sorted(theirs))
            # Every header-only row became a complete message; no header copies are left in the index.
            db = sqlite3.connect(os.path.join(store, "index.sqlite"))
            self.assertEqual(db.execute("SELECT COUNT(*) FROM messages WHERE complete = 0 OR header IS NOT NULL")
                             .fetchone()[0], 0)
            db.close()

    def test_size_limit_keeps_big_bodies_until_asked(self):
        listing = pop3_command("list")
        self.assertEqual(listing.returncode, 0, listing.stderr)
        rows = [line.split("\t") for line in listing.stdout.splitlines()]
        sizes = sorted(int(row[2]) for row in rows)
        limit = max(1, sizes[len(sizes) // 2] // 1024) * 1024  # the limit is kept in KB
        big = [row[1] for row in rows if int(row[2]) > limit]
        self.assertTrue(0 < len(big) < len(rows), sizes)
        with tempfile.TemporaryDirectory() as store:
            r = sync(store, extra=["--size-limit", str(limit)])
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(f"bodies left on server {len(big)}", r.stdout)
            self.assertEqual(len(stored(store)), len(rows) - len(big))
            r = sync(store, extra=["--size-limit", str(limit), "--fetch", big[0]])  # the user opened it
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("downloaded 1 ", r.stdout)
            self.assertIn(f"bodies left on server {len(big) - 1}", r.stdout)
            self.assertEqual(len(stored(store)), len(rows) - len(big) + 1)

    def test_deleted_here_is_never_downloaded_again_and_deleted_there_on_request(self):
        subprocess.run([str(ROOT / "scripts" / "mailstack"), "adduser", ENV["MAILSTACK_DIR"], "deleter", "deleter-pw"],
                       check=True, capture_output=True, timeout=60)
        subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "seed-demo-mail"), ENV["MAILSTACK_DIR"], "deleter",
                        "deleter-pw"], check=True, capture_output=True, timeout=120)
        listing = pop3_command("list", user="deleter", password="deleter-pw")
        uidls = [line.split("\t")[1] for line in listing.stdout.splitlines()]
        with tempfile.TemporaryDirectory() as store:
            def run(*extra):
                r = subprocess.run(
                    [CLI, "pop3", "sync", "--host", ENV["MAIL_HOST"], "--port", ENV["POP3S_PORT"], "--ca",
                     ENV["CA_CERT"], "--user", "deleter", "--password-file", pwfile, "--store", store, *extra],
                    capture_output=True, text=True, timeout=120)
                self.assertEqual(r.returncode, 0, r.stderr)
                return r.stdout
            pwfile = os.path.join(store, "pw")
            pathlib.Path(pwfile).write_text("deleter-pw\n")
            self.assertIn(f"downloaded {len(uidls)}", run())
            removed = subprocess.run([CLI, "pop3", "remove", "--store", store, "--host", ENV["MAIL_HOST"], "--port",
                                      ENV["POP3S_PORT"], "--user", "deleter", uidls[0]], capture_output=True, text=True)
            self.assertEqual(removed.returncode, 0, removed.stderr)
            self.assertEqual(len(stored(store)), len(uidls) - 1)
            self.assertIn("downloaded 0 ", run())            # deleted here stays deleted here
            self.assertEqual(len(stored(store)), len(uidls) - 1)
            self.assertIn("deleted 1,", run("--delete-when-deleted-here"))
            after = pop3_command("list", user="deleter", password="deleter-pw")
            self.assertEqual([line.split("\t")[1] for line in after.stdout.splitlines()], uidls[1:])
            self.assertIn("deleted 0,", run("--delete-when-deleted-here"))  # the tombstone is forgotten

    def test_configured_accounts_bring_their_policies(self):
        # Two accounts in one profile; the second does not leave mail on the server.
        for user in ("keeper", "taker"):
            subprocess.run([str(ROOT / "scripts" / "mailstack"), "adduser", ENV["MAILSTACK_DIR"], user, user + "-pw"],
                           check=True, capture_output=True, timeout=60)
            subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "seed-demo-mail"), ENV["MAILSTACK_DIR"], user,
                            user + "-pw"], check=True, capture_output=True, timeout=120)
        with tempfile.TemporaryDirectory() as profile:
            for user, leave in (("keeper", "yes"), ("taker", "no")):
                r = subprocess.run([CLI, "account", "add", "--profile", profile, "--host", ENV["MAIL_HOST"], "--port",
                                    ENV["POP3S_PORT"], "--user", user, "--login", "apop", "--leave-on-server", leave],
                                   capture_output=True, text=True, timeout=60)
                self.assertEqual(r.returncode, 0, r.stderr)
            counts = {}
            for index, user in ((1, "keeper"), (2, "taker")):
                pw = os.path.join(profile, "pw")
                pathlib.Path(pw).write_text(user + "-pw\n")
                r = subprocess.run([CLI, "pop3", "sync", "--profile", profile, "--account", str(index), "--ca",
                                    ENV["CA_CERT"], "--password-file", pw, "--trace"],
                                   capture_output=True, text=True, timeout=120)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("C: APOP <redacted>", r.stderr)  # the account's login method
                counts[user] = int(re.search(r"downloaded (\d+)", r.stdout).group(1))
                self.assertGreater(counts[user], 0)
            self.assertIn(f"deleted {counts['taker']},", r.stdout)  # taker: nothing left on the server
            store = os.path.join(profile, "data", "mail")
            self.assertEqual(len(stored(store)), counts["keeper"] + counts["taker"])  # one store, both accounts
            left = pop3_command("list", user="keeper", password="keeper-pw")
            self.assertEqual(len(left.stdout.splitlines()), counts["keeper"])
            gone = pop3_command("list", user="taker", password="taker-pw")
            self.assertEqual(gone.stdout, "")

    def test_stls_and_pop3s_are_one_mailbox(self):
        # Issue 10 item 14: the store knew a mailbox by user, host and port, so
        # switching between STLS (110) and POP3S (995) downloaded everything again.
        own_mailbox("switcher", "switcher-pw")
        with tempfile.TemporaryDirectory() as store:
            def run(security, host):
                r = subprocess.run([CLI, "pop3", "sync", "--host", host, "--security", security, "--port",
                                    ENV["POP3S_PORT"] if security == "tls" else ENV["POP3_PORT"], "--ca",
                                    ENV["CA_CERT"], "--user", "switcher", "--password-file", pw, "--store", store],
                                   capture_output=True, text=True, timeout=120)
                self.assertEqual(r.returncode, 0, r.stderr)
                return r.stdout
            pw = os.path.join(store, "pw")
            pathlib.Path(pw).write_text("switcher-pw\n")
            first = run("starttls", "localhost")
            n = int(re.search(r"downloaded (\d+)", first).group(1))
            self.assertGreater(n, 0)
            for security, host in (("tls", "localhost"), ("starttls", "LocalHost"), ("tls", "LOCALHOST")):
                with self.subTest(security=security, host=host):
                    self.assertIn(f"downloaded 0 (0 bytes), headers 0, bodies left on server 0, already stored {n}",
                                  run(security, host))
                    self.assertEqual(len(stored(store)), n)

    def test_a_store_keyed_by_port_is_found_again(self):
        # Stores written before item 14 keyed rows "user@host:port": they are migrated, not downloaded again.
        own_mailbox("migrant", "migrant-pw")
        with tempfile.TemporaryDirectory() as store:
            pw = os.path.join(store, "pw")
            pathlib.Path(pw).write_text("migrant-pw\n")
            args = [CLI, "pop3", "sync", "--host", ENV["MAIL_HOST"], "--ca", ENV["CA_CERT"], "--user", "migrant",
                    "--password-file", pw, "--store", store]
            r = subprocess.run(args + ["--port", ENV["POP3S_PORT"]], capture_output=True, text=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            n = len(stored(store))
            db = sqlite3.connect(os.path.join(store, "index.sqlite"))
            db.execute("UPDATE messages SET account = account || ?", (":" + ENV["POP3S_PORT"],))
            db.execute("PRAGMA user_version = 2")
            db.commit()
            db.close()
            r = subprocess.run(args + ["--port", ENV["POP3_PORT"], "--security", "starttls"], capture_output=True,
                               text=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(f"downloaded 0 (0 bytes), headers 0, bodies left on server 0, already stored {n}", r.stdout)
            self.assertEqual(len(stored(store)), n)

    def test_changing_the_port_of_a_configured_account_downloads_nothing_again(self):
        # The configured-account path (what Preferences edits): same mailbox, other port and security.
        own_mailbox("mover", "mover-pw")
        with tempfile.TemporaryDirectory() as profile:
            pw = os.path.join(profile, "pw")
            pathlib.Path(pw).write_text("mover-pw\n")
            store = os.path.join(profile, "data", "mail")

            def account(*options):
                r = subprocess.run([CLI, "account", *options, "--profile", profile, "--host", ENV["MAIL_HOST"],
                                    "--user", "mover"], capture_output=True, text=True, timeout=60)
                self.assertEqual(r.returncode, 0, r.stderr)

            def run():
                r = subprocess.run([CLI, "pop3", "sync", "--profile", profile, "--account", "1", "--ca",
                                    ENV["CA_CERT"], "--password-file", pw], capture_output=True, text=True, timeout=120)
                self.assertEqual(r.returncode, 0, r.stderr)
                return r.stdout
            account("add", "--port", ENV["POP3S_PORT"], "--security", "tls")
            n = int(re.search(r"downloaded (\d+)", run()).group(1))
            self.assertGreater(n, 0)
            account("set", "--index", "1", "--port", ENV["POP3_PORT"], "--security", "starttls")
            self.assertIn(f"downloaded 0 (0 bytes), headers 0, bodies left on server 0, already stored {n}", run())
            self.assertEqual(len(stored(store)), n)

    def test_nothing_is_left_to_the_worker_threads_exit(self):
        # Issue 10 item 12: OpenSSL frees a thread's state (random generators,
        # error queue) in the thread's last moments, after QThread::wait() has
        # returned; when the process exited first, LeakSanitizer reported it in
        # a few runs out of three. slowthreadexit makes that timing certain.
        if not SLOW_THREAD_EXIT:
            self.skipTest("no slowthreadexit library given")
        asan = os.environ.get("ASAN_OPTIONS", "")
        env = dict(os.environ, LD_PRELOAD=SLOW_THREAD_EXIT,
                   ASAN_OPTIONS=f"{asan}:verify_asan_link_order=0" if asan else "verify_asan_link_order=0")
        with tempfile.TemporaryDirectory() as store:
            pw = os.path.join(store, "pw")
            pathlib.Path(pw).write_text(PASSWORD + "\n")
            common = ["--host", ENV["MAIL_HOST"], "--ca", ENV["CA_CERT"], "--user", USER, "--password-file", pw]
            for args in (["sync", "--port", ENV["POP3S_PORT"], "--store", store],
                         ["sync", "--port", ENV["POP3_PORT"], "--security", "starttls", "--store", store],
                         ["list", "--port", ENV["POP3S_PORT"]]):
                with self.subTest(args=args[:4]):
                    r = subprocess.run([CLI, "pop3", *args, *common], capture_output=True, text=True, timeout=120,
                                       env=env)
                    self.assertNotIn("LeakSanitizer", r.stderr)
                    self.assertEqual(r.returncode, 0, r.stderr)

    def test_connection_dropped_mid_retr_then_resync(self):
        bodies = bulk_mailbox()
        with tempfile.TemporaryDirectory() as store:
            with FaultProxy("--drop-after", "6000000") as proxy:
                r = bulk_sync(store, port=proxy.port)
            self.assertEqual(r.returncode, EXIT_CONNECTION)
            self.assertRegex(r.stderr, "closed the connection|connection broke")
            self.assertLess(len(stored(store)), 120)
            r = bulk_sync(store)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(stored(store), bodies)

    def test_stalled_server_times_out_then_resync(self):
        bodies = bulk_mailbox()
        with tempfile.TemporaryDirectory() as store:
            with FaultProxy("--stall-after", "4000000") as proxy:
                start = time.time()
                r = bulk_sync(store, port=proxy.port, extra=["--timeout", "2"])
                elapsed = time.time() - start
            self.assertEqual(r.returncode, EXIT_TIMEOUT)
            self.assertIn("did not answer in time", r.stderr)
            self.assertLess(elapsed, 15)  # one timeout, not a second one waiting for QUIT
            r = bulk_sync(store)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(stored(store), bodies)

    def test_server_without_uidl_and_garbage_replies(self):
        def fake(script):
            server = socket.socket()
            server.bind(("127.0.0.1", 0))
            server.listen(1)

            def serve():
                conn, _ = server.accept()
                conn.settimeout(5)
                conn.sendall(b"+OK fake\r\n")
                buffer = b""
                try:
                    while True:
                        chunk = conn.recv(4096)
                        if not chunk:
                            break
                        buffer += chunk
                        while b"\r\n" in buffer:
                            line, buffer = buffer.split(b"\r\n", 1)
                            verb = line.split(b" ")[0].upper()
                            conn.sendall(script.get(verb, b"+OK\r\n"))
                except (socket.timeout, ConnectionError):
                    pass
                conn.close()
            thread = threading.Thread(target=serve, daemon=True)
            thread.start()
            return server
        for script, expected, code in (
                ({b"CAPA": b"+OK\r\nUSER\r\n.\r\n", b"UIDL": b"-ERR unknown command\r\n"},
                 "does not support UIDL", EXIT_NO_UIDL),
                ({b"CAPA": b"+OK\r\nUSER\r\n.\r\n", b"UIDL": b"\x00\xffgarbage\r\n"},
                 "unexpected reply from the server", EXIT_PROTOCOL),
                ({b"CAPA": b"+OK\r\nUSER\r\n.\r\n", b"RETR": b"-ERR [SYS/TEMP] message vanished\r\n",
                  b"UIDL": b"+OK\r\n1 only-one\r\n.\r\n", b"LIST": b"+OK\r\n1 10\r\n.\r\n"},
                 "refused to send message 1: [SYS/TEMP] message vanished", EXIT_SERVER_ERROR)):
            server = fake(script)
            with tempfile.TemporaryDirectory() as store:
                r = sync(store, security="none", port=server.getsockname()[1], host="127.0.0.1",
                         extra=["--allow-plain-password", "--auth", "user", "--timeout", "5"])
            server.close()
            self.assertEqual(r.returncode, code, r.stderr)
            self.assertIn(expected, r.stderr)

    def test_wrong_password(self):
        with tempfile.TemporaryDirectory() as store:
            r = sync(store, password="not the password")
            self.assertEqual(r.returncode, EXIT_AUTHENTICATION)
            self.assertIn("wrong user name or password", r.stderr)
            self.assertIn("the server said: [AUTH] Authentication failed.", r.stderr)  # Dovecot's own words

    def test_certificate_checked_against_the_host_name(self):
        # Dovecot answers on UNNAMED_HOST too, with the stack's certificate, which
        # names only localhost and 127.0.0.1: everything is right but the name.
        other, port = ENV["UNNAMED_HOST"], int(ENV["POP3S_PORT"])
        unchecked = ssl.create_default_context(cafile=ENV["CA_CERT"])
        unchecked.check_hostname = False
        pop = poplib.POP3_SSL(other, port, context=unchecked, timeout=30)
        self.assertIn(b"+OK", pop.getwelcome())  # it is Dovecot, and the chain verifies
        pop.quit()
        with self.assertRaisesRegex(ssl.SSLCertVerificationError, "IP address mismatch"):  # Python agrees
            poplib.POP3_SSL(other, port, context=ssl.create_default_context(cafile=ENV["CA_CERT"]), timeout=30)
        for security in ("tls", "starttls"):
            with self.subTest(security=security), tempfile.TemporaryDirectory() as store:
                r = sync(store, security=security, host=other)
                self.assertEqual(r.returncode, EXIT_CERTIFICATE, r.stdout)
                self.assertIn("The host name did not match any of the valid hosts for this certificate", r.stderr)
                self.assertEqual(stored(store), [])

    def test_certificate_question_answered_from_the_options(self):
        der = ssl.PEM_cert_to_DER_cert(pathlib.Path(ENV["CA_CERT"]).read_text())
        sha = hashlib.sha256(der).hexdigest()
        with tempfile.TemporaryDirectory() as profile:
            pw = os.path.join(profile, "pw")
            pathlib.Path(pw).write_text(PASSWORD + "\n")
            r = subprocess.run([CLI, "account", "add", "--profile", profile, "--host", ENV["MAIL_HOST"], "--port",
                                ENV["POP3S_PORT"], "--user", USER], capture_output=True, text=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)

            def run(*extra):
                return subprocess.run([CLI, "pop3", "sync", "--profile", profile, "--account", "1",
                                       "--password-file", pw, *extra], capture_output=True, text=True, timeout=120)
            # Not trusted (no --ca): refused, with the fingerprint to pass and the problem in words.
            r = run()
            self.assertEqual(r.returncode, EXIT_CERTIFICATE, r.stderr)
            self.assertIn(":".join(sha[i:i + 2] for i in range(0, 64, 2)), r.stderr)
            self.assertIn("self-signed", r.stderr)
            self.assertEqual(run("--trust-certificate", "00" * 32).returncode, EXIT_CERTIFICATE)
            r = run("--trust-certificate", sha.upper())
            self.assertEqual(r.returncode, 0, r.stderr)
            # Kept in the profile for that host and port: the next sync needs no option.
            r = run()
            self.assertEqual(r.returncode, 0, r.stderr)

    def test_interrupt_cancels_and_the_next_sync_completes(self):
        bodies = bulk_mailbox()
        with tempfile.TemporaryDirectory() as store, tempfile.NamedTemporaryFile("w", delete=False) as pw:
            pw.write("bulk-pw\n")
            pw.close()
            args = [CLI, "pop3", "sync", "--host", ENV["MAIL_HOST"], "--port", ENV["POP3S_PORT"], "--ca",
                    ENV["CA_CERT"], "--user", "bulk", "--password-file", pw.name, "--store", store]
            new = pathlib.Path(store) / "Maildir" / "new"
            proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            deadline = time.time() + 60
            while time.time() < deadline and (not new.exists() or len(list(new.iterdir())) < 10):
                time.sleep(0.01)
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=60)
            self.assertEqual(proc.returncode, EXIT_CANCELLED, err)
            self.assertLess(len(stored(store)), 120, "the sync finished before it could be interrupted")
            r = subprocess.run(args, capture_output=True, text=True, timeout=300)
            os.unlink(pw.name)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(stored(store), bodies)

    def test_help_lists_the_exit_codes(self):
        r = subprocess.run([CLI, "pop3", "--help"], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0)
        self.assertIn("3 authentication refused, 4 certificate not trusted", r.stdout)
        self.assertIn("--trust-certificate", r.stdout)

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
        self.assertEqual(r.returncode, EXIT_SERVER_ERROR)
        self.assertIn("refused STLS", r.stderr)
        received = seen[-1]
        self.assertNotIn(b"USER", received)
        self.assertNotIn(b"PASS", received)


if __name__ == "__main__":
    ENV = load_env(sys.argv.pop(1))
    CLI = sys.argv.pop(1)
    if len(sys.argv) > 1 and sys.argv[1].endswith(".so"):
        SLOW_THREAD_EXIT = sys.argv.pop(1)
    unittest.main(verbosity=2)
