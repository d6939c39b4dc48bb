#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tidings-authd --threads 4 under concurrent clients doing everything at once:
logins, wrong passwords, whoami, refresh, resume elsewhere, introspect, jwks, logout. The
work lands on every thread (SO_REUSEPORT), which share the metrics, the
connection limits and, through the database, lockouts and revocations.

Asserts what must hold whatever thread served what: every right login
succeeds; five wrong passwords over connections on different threads lock
the account; a token revoked on one connection is inactive on all others at
once; the counters add up; the server exits 0 on SIGTERM. Built with the
tsan preset, the server runs under ThreadSanitizer (halt_on_error): any data
race in our code ends it with a report, and this test fails.

usage: test_threads.py PATH_TO_tidings-authd
"""
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_tap_peer import PASSWORD, Conn, scram_login  # noqa: E402

AUTHD = None
THREADS = 4
CLIENTS = 8
ROUNDS = int(os.environ.get("TIDINGS_THREADS_ROUNDS", "25"))


class ThreadsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.data = self.tmp.name + "/data"
        for i in range(CLIENTS):
            subprocess.run([AUTHD, "user", "add", f"u{i}", "--data", self.data, "--iterations", "4096"],
                           input=PASSWORD + "\n", text=True, check=True, capture_output=True, timeout=120)
        subprocess.run([AUTHD, "user", "add", "victim", "--data", self.data, "--iterations", "4096"],
                       input=PASSWORD + "\n", text=True, check=True, capture_output=True, timeout=120)
        self.stderr = open(self.tmp.name + "/stderr.log", "w")
        self.server = subprocess.Popen(
            [AUTHD, "serve", "--data", self.data, "--listen", "127.0.0.1:0", "--threads", str(THREADS),
             "--metrics-listen", "127.0.0.1:0"],
            stdout=subprocess.PIPE, stderr=self.stderr, text=True,
            env=dict(os.environ, QT_LOGGING_RULES="tidings.authd.session.debug=true"))
        self.port = int(re.search(r":(\d+)$", self.server.stdout.readline().strip()).group(1))
        self.metrics_port = int(re.search(r":(\d+)$", self.server.stdout.readline().strip()).group(1))

    def tearDown(self):
        if self.server.poll() is None:
            self.server.kill()
            self.server.wait()
        self.server.stdout.close()
        self.stderr.close()
        self.tmp.cleanup()

    def log(self):
        with open(self.tmp.name + "/stderr.log") as f:
            return f.read()

    def session(self, user):
        conn = Conn(self.port)
        ok, _, _ = scram_login(conn, user, PASSWORD)
        self.assertEqual(ok["type"], "auth-ok", ok)
        return conn, ok["token"]

    def ask(self, message):
        conn = Conn(self.port)
        try:
            conn.recv()
            conn.send(message)
            return conn.recv()
        finally:
            conn.close()

    def metric(self, name):
        text = urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=10).read().decode()
        return float(re.search("^" + re.escape(name) + r" (\S+)$", text, re.M).group(1))

    def client(self, i, problems, done):
        user = f"u{i}"
        try:
            for _ in range(ROUNDS):
                conn, token = self.session(user)
                conn.send({"type": "whoami"})
                self.assertEqual(conn.recv()["sub"], user)
                conn.send({"type": "refresh"})
                fresh = conn.recv()["token"]
                self.assertFalse(self.ask({"type": "introspect", "token": token})["active"])
                self.assertTrue(self.ask({"type": "introspect", "token": fresh})["active"])
                # Resumed on another connection (another thread, likely): the first one's
                # session is over at its next request, wherever it lives.
                other = Conn(self.port)
                other.recv()
                other.send({"type": "resume", "token": fresh})
                self.assertEqual(other.recv()["type"], "auth-ok")
                conn.send({"type": "whoami"})
                self.assertEqual(conn.recv().get("code"), "token-revoked")
                conn.close()
                self.assertFalse(self.ask({"type": "introspect", "token": fresh})["active"])
                other.send({"type": "logout"})
                self.assertEqual(other.recv()["type"], "bye")
                other.close()
                self.assertEqual(len(self.ask({"type": "jwks"})["keys"]), 1)
                done[i] += 1
        except Exception as e:  # reported by the main thread
            problems.append(f"{user}: {e!r}")

    def test_every_thread_serves_and_shares_what_it_must(self):
        problems, done = [], [0] * CLIENTS
        # Five wrong passwords, each on its own connection (spread over the threads), meanwhile.
        for _ in range(5):
            conn = Conn(self.port, source="127.0.0.2")
            self.assertEqual(scram_login(conn, "victim", "wrong")[0]["type"], "auth-failed")
            conn.close()
        workers = [threading.Thread(target=self.client, args=(i, problems, done)) for i in range(CLIENTS)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=600)
        self.assertEqual(problems, [])
        self.assertEqual(done, [ROUNDS] * CLIENTS)
        for source in ("127.0.0.3", "127.0.0.4"):  # the account is locked on every thread
            conn = Conn(self.port, source=source)
            answer, _, _ = scram_login(conn, "victim", PASSWORD)
            self.assertEqual(answer.get("code"), "locked", answer)
            conn.close()
        self.assertEqual(self.metric('tidings_authd_logins_total{outcome="success"}'), CLIENTS * ROUNDS)
        self.assertEqual(self.metric('tidings_authd_logins_total{outcome="resume"}'), CLIENTS * ROUNDS)
        self.assertEqual(self.metric('tidings_authd_logins_total{outcome="failure"}'), 5)
        self.assertEqual(self.metric("tidings_authd_lockouts_total"), 2)  # the account and the address
        time.sleep(0.5)
        self.assertEqual(self.metric('tidings_authd_connections{state="handshake"}'), 0)
        self.assertEqual(self.metric('tidings_authd_connections{state="authenticated"}'), 0)
        self.server.send_signal(signal.SIGTERM)
        self.assertEqual(self.server.wait(timeout=60), 0, self.log()[-3000:])
        self.assertNotIn("ThreadSanitizer", self.log())


if __name__ == "__main__":
    AUTHD = sys.argv.pop(1)
    unittest.main(verbosity=2)
