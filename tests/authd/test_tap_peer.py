#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real tidings-authd against an independent TAP/1 client written from
PROTOCOL.md with Python's hashlib/hmac (SCRAM, RFC 5802) and python3-jwcrypto
(token verification against the server's JWKS).

usage: test_tap_peer.py PATH_TO_tidings-authd
"""
import base64
import hashlib
import hmac
import json
import os
import re
import socket
import struct
import subprocess
import sys
import tempfile
import time
import unittest

from jwcrypto import jwk, jwt

AUTHD = None
SANITIZED = os.environ.get("TIDINGS_SANITIZED") == "1"
PASSWORD = "correct horse – 李"


def frame(obj):
    body = json.dumps(obj).encode()
    return struct.pack(">I", len(body)) + body


class Conn:
    def __init__(self, port, source="127.0.0.1", wrap=None):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0))
        if wrap:
            self.sock = wrap(self.sock)
        self.buf = b""

    def send(self, obj):
        self.sock.sendall(frame(obj))

    def raw(self, data):
        self.sock.sendall(data)

    def recv(self):
        while True:
            if len(self.buf) >= 4:
                (n,) = struct.unpack(">I", self.buf[:4])
                if len(self.buf) >= 4 + n:
                    body, self.buf = self.buf[4:4 + n], self.buf[4 + n:]
                    return json.loads(body)
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("connection closed")
            self.buf += chunk

    def closed(self):
        try:
            return self.sock.recv(1) == b""
        except (ConnectionResetError, socket.timeout):
            return True

    def close(self):
        self.sock.close()


def claims_of(token):
    return json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))


def scram_login(conn, user, password, nonce=None):
    """Returns (final server message, client's expected server signature)."""
    hello = conn.recv()
    assert hello["type"] == "hello", hello
    nonce = nonce or base64.b64encode(os.urandom(18)).decode()
    bare = f"n={user.replace('=', '=3D').replace(',', '=2C')},r={nonce}"
    conn.send({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,," + bare})
    challenge = conn.recv()
    if challenge["type"] != "auth-challenge":
        return challenge, None, None
    server_first = challenge["message"]
    attrs = dict(part.split("=", 1) for part in server_first.split(","))
    assert attrs["r"].startswith(nonce)
    salt = base64.b64decode(attrs["s"])
    iterations = int(attrs["i"])
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    without_proof = f"c=biws,r={attrs['r']}"
    auth_message = f"{bare},{server_first},{without_proof}".encode()
    signature = hmac.new(stored_key, auth_message, "sha256").digest()
    proof = bytes(a ^ b for a, b in zip(client_key, signature))
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    expected = base64.b64encode(hmac.new(server_key, auth_message, "sha256").digest()).decode()
    conn.send({"type": "auth-proof", "message": f"{without_proof},p={base64.b64encode(proof).decode()}"})
    return conn.recv(), expected, challenge


class TapPeerTest(unittest.TestCase):
    # A fresh server per test: failures in one test must not lock out the next.
    def setUp(self):
        cls = self
        cls.tmp = tempfile.TemporaryDirectory()
        data = cls.tmp.name + "/data"
        for user in ("alice", "bob", "carol"):
            subprocess.run([AUTHD, "user", "add", user, "--data", data], input=PASSWORD + "\n",
                           text=True, check=True, capture_output=True, timeout=60)
        subprocess.run([AUTHD, "user", "disable", "carol", "--data", data], check=True,
                       capture_output=True, timeout=60)
        cls.data = data
        self.start_server(data)

    def start_server(self, data, *extra):
        self.stderr = open(self.tmp.name + "/stderr.log", "w")
        self.server = subprocess.Popen([AUTHD, "serve", "--data", data, "--listen", "127.0.0.1:0",
                                        "--issuer", "https://auth.test", "--max-connections", "20",
                                        "--handshake-timeout", "2"] + list(extra),
                                       stdout=subprocess.PIPE, stderr=self.stderr, text=True)
        line = self.server.stdout.readline()
        match = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
        assert match, line
        self.port = int(match.group(1))
        line = self.server.stdout.readline() if "--tls-listen" in extra else ""
        match = re.search(r"with TLS on 127\.0\.0\.1:(\d+)", line)
        self.tls_port = int(match.group(1)) if match else None

    def tearDown(self):
        self.server.terminate()
        self.server.wait(timeout=10)
        self.server.stdout.close()
        self.stderr.close()
        self.tmp.cleanup()

    def connect(self, source="127.0.0.1", port=None, wrap=None):
        conn = Conn(port or self.port, source, wrap)
        self.addCleanup(conn.close)
        return conn

    def login(self, user="alice", source="127.0.0.1"):
        conn = self.connect(source)
        ok, _, _ = scram_login(conn, user, PASSWORD)
        self.assertEqual(ok["type"], "auth-ok", ok)
        return conn, ok["token"]

    def server_log(self):
        self.stderr.flush()
        with open(self.tmp.name + "/stderr.log") as log:
            return log.read()

    def test_secrets_on_disk_are_private_and_no_password_is_stored(self):
        conn = self.connect()  # a login writes to the database: its WAL and shared memory exist now
        self.assertEqual(scram_login(conn, "alice", PASSWORD)[0]["type"], "auth-ok")
        # The fake-salt secret lives in the database now (shared by every instance using it).
        for name in ("signing-key.pem", "users.sqlite", "users.sqlite-wal", "users.sqlite-shm"):
            self.assertEqual(os.stat(os.path.join(self.data, name)).st_mode & 0o777, 0o600, name)
        self.assertEqual(os.stat(self.data).st_mode & 0o777, 0o700)
        import sqlite3
        verifier = sqlite3.connect(self.data + "/users.sqlite").execute(
            "SELECT verifier FROM users WHERE name = 'alice'").fetchone()[0]
        self.assertRegex(verifier, r"^SCRAM-SHA-256\$15000:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$")
        with open(self.data + "/users.sqlite", "rb") as db:
            self.assertNotIn(PASSWORD.encode(), db.read())

    def test_login_token_and_session_requests(self):
        conn = self.connect()
        ok, expected, challenge = scram_login(conn, "alice", PASSWORD)
        self.assertEqual(ok["type"], "auth-ok", ok)
        self.assertIn("i=15000", challenge["message"])
        self.assertEqual(ok["message"], "v=" + expected)  # the server proves it knows the verifier
        self.assertEqual(ok["expires_in"], 3600)
        conn.send({"type": "jwks"})
        keys = jwk.JWKSet.from_json(json.dumps(conn.recv()))
        token = jwt.JWT(jwt=ok["token"], key=keys, algs=["EdDSA"])
        claims = json.loads(token.claims)
        self.assertEqual(claims["sub"], "alice")
        self.assertEqual(claims["iss"], "https://auth.test")
        self.assertEqual(claims["aud"], "tidings")
        self.assertEqual(claims["exp"] - claims["iat"], 3600)
        self.assertIsNotNone(keys.get_key(json.loads(token.header)["kid"]))
        conn.send({"type": "ping"})
        self.assertEqual(conn.recv(), {"type": "pong"})
        conn.send({"type": "whoami"})
        session = conn.recv()
        self.assertEqual((session["sub"], session["jti"]), ("alice", claims["jti"]))
        conn.send({"type": "refresh"})
        fresh = conn.recv()
        self.assertEqual(fresh["type"], "token")
        new_claims = json.loads(jwt.JWT(jwt=fresh["token"], key=keys, algs=["EdDSA"]).claims)
        self.assertNotEqual(new_claims["jti"], claims["jti"])
        conn.send({"type": "logout"})
        self.assertEqual(conn.recv(), {"type": "bye"})
        self.assertTrue(conn.closed())

    def test_wrong_password_unknown_and_disabled_users_look_the_same(self):
        answers = []
        challenges = []
        for user, password in (("bob", "wrong"), ("nobody", PASSWORD), ("carol", PASSWORD), ("nobody", "x"),
                               ("someone-else", "x")):
            conn = self.connect()
            failed, _, challenge = scram_login(conn, user, password)
            answers.append(failed)
            attrs = dict(part.split("=", 1) for part in challenge["message"].split(","))
            challenges.append((user, attrs))
        for failed in answers:
            self.assertEqual(failed, {"type": "auth-failed", "reason": "invalid-credentials", "attempts_left": 2})
        real, unknown, unknown_again, other_unknown = challenges[0][1], challenges[1][1], challenges[3][1], challenges[4][1]
        # An unknown user's salt is stable across connections, like a real one's...
        self.assertEqual(unknown["s"], unknown_again["s"])
        # ...differs between names, and looks like a real one in every field.
        self.assertNotEqual(unknown["s"], other_unknown["s"])
        for fake in (unknown, other_unknown):
            self.assertEqual(len(base64.b64decode(fake["s"])), len(base64.b64decode(real["s"])))
            self.assertEqual(fake["i"], real["i"])
            self.assertEqual(len(fake["r"]), len(real["r"]))
            self.assertEqual(sorted(fake), sorted(real))

    def test_unknown_users_carry_the_iterations_real_users_have(self):
        # Users made with another count than the server's: i= must not tell them apart.
        self.server.terminate()
        self.server.wait(timeout=10)
        data = self.tmp.name + "/data2"
        for user in ("dave", "erin"):
            subprocess.run([AUTHD, "user", "add", user, "--data", data, "--iterations", "20000"],
                           input=PASSWORD + "\n", text=True, check=True, capture_output=True, timeout=60)
        self.start_server(data)
        for user in ("dave", "nobody", "zed", "x" * 40):
            conn = self.connect()
            _, _, challenge = scram_login(conn, user, "wrong")
            self.assertIn(",i=20000", challenge["message"], user)

    def test_iteration_options_are_bounded(self):
        for argv in (["serve", "--data", self.data, "--listen", "127.0.0.1:0", "--iterations", "20000000"],
                     ["serve", "--data", self.data, "--listen", "127.0.0.1:0", "--iterations", "100"],
                     ["user", "add", "zoe", "--data", self.data, "--iterations", "10000001"]):
            with self.subTest(argv=argv):
                done = subprocess.run([AUTHD] + argv, input="pw\n", text=True, capture_output=True, timeout=30)
                self.assertEqual(done.returncode, 2)
                self.assertIn("--iterations must be from 4096 to 10000000", done.stderr)

    def test_three_failures_end_the_connection(self):
        conn = self.connect()
        failed, _, _ = scram_login(conn, "bob", "wrong")
        self.assertEqual(failed["attempts_left"], 2)
        for left in (1,):
            conn.send({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,,n=bob,r=abcdef"})
            challenge = conn.recv()
            conn.send({"type": "auth-proof", "message": f"c=biws,r={challenge['message'].split(',')[0][2:]},p=AAAA"})
            self.assertEqual(conn.recv()["attempts_left"], left)
        conn.send({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,,n=bob,r=abcdef"})
        challenge = conn.recv()
        conn.send({"type": "auth-proof", "message": f"c=biws,r={challenge['message'].split(',')[0][2:]},p=AAAA"})
        error = conn.recv()
        self.assertEqual((error["type"], error["code"]), ("error", "too-many-attempts"))
        self.assertTrue(conn.closed())

    def test_protocol_errors(self):
        cases = [
            (struct.pack(">I", 0), "bad-frame"),
            (struct.pack(">I", 70000), "bad-frame"),
            (struct.pack(">I", 0xFFFFFFFF), "bad-frame"),  # 4 GiB
            (frame({"kind": "no type"}), "bad-frame"),
            (struct.pack(">I", 5) + b"hello", "bad-frame"),
            (struct.pack(">I", 3) + b"[1]", "bad-frame"),
            (struct.pack(">I", 12) + b'{"type":"\xff"}', "bad-frame"),
            (frame({"type": "whoami"}), "unexpected-message"),
            (frame({"type": "auth-start", "mechanism": "PLAIN", "message": "x"}), "unsupported-mechanism"),
            (frame({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "garbage"}), "bad-message"),
        ]
        for data, code in cases:
            with self.subTest(code=code, data=data[:12]):
                conn = self.connect()
                self.assertEqual(conn.recv()["type"], "hello")
                conn.raw(data)
                error = conn.recv()
                self.assertEqual((error["type"], error["code"]), ("error", code))
                self.assertTrue(conn.closed())

    def test_oversized_nonce_and_missing_fields(self):
        for message, code in (
                ({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,,n=alice,r=" + "x" * 5000},
                 "bad-message"),
                ({"type": "auth-start", "mechanism": "SCRAM-SHA-256"}, "bad-message"),
                ({"type": "auth-start"}, "unsupported-mechanism")):
            with self.subTest(message=str(message)[:60]):
                conn = self.connect()
                conn.recv()
                conn.send(message)
                error = conn.recv()
                self.assertEqual((error["type"], error["code"]), ("error", code))
                self.assertTrue(conn.closed())

    def test_client_stopping_mid_frame_times_out_while_others_are_served(self):
        stuck = self.connect()
        stuck.recv()
        stuck.raw(struct.pack(">I", 100) + b'{"type":')  # and then nothing
        other = self.connect()
        ok, _, _ = scram_login(other, "alice", PASSWORD)
        self.assertEqual(ok["type"], "auth-ok")
        error = stuck.recv()  # after --handshake-timeout 2
        self.assertEqual(error["code"], "timeout")

    def test_coalesced_frames_in_one_write(self):
        conn = self.connect()
        conn.recv()
        conn.raw(frame({"type": "jwks"}) + frame({"type": "jwks"}) + frame({"type": "jwks"}))
        for _ in range(3):
            self.assertEqual(conn.recv()["type"], "jwks")

    def test_revocations_survive_a_restart(self):
        conn = self.connect()
        ok, _, _ = scram_login(conn, "alice", PASSWORD)
        jti = json.loads(base64.urlsafe_b64decode(ok["token"].split(".")[1] + "=="))["jti"]
        conn.send({"type": "logout"})
        self.assertEqual(conn.recv(), {"type": "bye"})
        self.server.terminate()
        self.server.wait(timeout=10)
        import sqlite3
        rows = sqlite3.connect(self.data + "/users.sqlite").execute("SELECT jti FROM revoked").fetchall()
        self.assertIn((jti,), rows)
        # The restarted server keeps them (it prunes only expired ones).
        self.server = subprocess.Popen([AUTHD, "serve", "--data", self.data, "--listen", "127.0.0.1:0"],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.server.stdout.readline()
        rows = sqlite3.connect(self.data + "/users.sqlite").execute("SELECT jti FROM revoked").fetchall()
        self.assertIn((jti,), rows)

    def test_nonce_mismatch(self):
        conn = self.connect()
        conn.recv()
        conn.send({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,,n=alice,r=abcdef"})
        conn.recv()
        conn.send({"type": "auth-proof", "message": "c=biws,r=abcdefXYZ,p=AAAA"})
        self.assertEqual(conn.recv()["code"], "nonce-mismatch")

    def test_frames_split_byte_by_byte_and_jwks_before_login(self):
        conn = self.connect()
        conn.recv()
        for byte in frame({"type": "jwks"}):
            conn.raw(bytes([byte]))
            time.sleep(0.001)
        answer = conn.recv()
        self.assertEqual(answer["type"], "jwks")
        self.assertEqual(answer["keys"][0]["kty"], "OKP")

    def test_connection_cap_answers_server_busy(self):
        conns = [self.connect() for _ in range(20)]
        for c in conns:
            self.assertEqual(c.recv()["type"], "hello")
        extra = self.connect()
        self.assertEqual(extra.recv()["code"], "server-busy")
        for c in conns:
            c.close()

    def test_repeated_failures_lock_the_account_and_address(self):
        for _ in range(2):
            conn = self.connect()
            for attempt in range(3 if _ == 0 else 2):
                if attempt == 0:
                    conn.recv()
                nonce = "abcdef%d" % attempt
                conn.send({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": f"n,,n=bob,r={nonce}"})
                challenge = conn.recv()
                if challenge["type"] == "error":
                    break
                r = challenge["message"].split(",")[0][2:]
                conn.send({"type": "auth-proof", "message": f"c=biws,r={r},p=AAAA"})
                conn.recv()
        conn = self.connect()
        conn.recv()
        conn.send({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,,n=bob,r=xyz123"})
        locked = conn.recv()
        self.assertEqual((locked["type"], locked["code"]), ("error", "locked"))
        self.assertGreater(locked["retry_after"], 0)
        self.assertLessEqual(locked["retry_after"], 3600)

    # --- TAP/1.1: revocation is enforced, introspect, resume ---

    def test_hello_lists_the_features(self):
        conn = self.connect()
        self.assertEqual(conn.recv()["features"], ["introspect", "resume"])

    def test_introspect_says_active_until_revoked(self):
        conn, token = self.login()
        claims = claims_of(token)
        probe = self.connect()
        probe.recv()
        probe.send({"type": "introspect", "token": token})  # before authentication: anyone may ask
        self.assertEqual(probe.recv(), {"type": "introspection", "active": True, "sub": "alice",
                                        "exp": claims["exp"], "jti": claims["jti"]})
        conn.send({"type": "logout"})
        self.assertEqual(conn.recv(), {"type": "bye"})
        probe.send({"type": "introspect", "token": token})
        self.assertEqual(probe.recv(), {"type": "introspection", "active": False})

    def test_introspect_refuses_what_is_not_ours_or_not_now(self):
        _, token = self.login()
        head, body, sig = token.split(".")
        tampered = json.loads(base64.urlsafe_b64decode(body + "=="))
        tampered["sub"] = "bob"
        forged_body = base64.urlsafe_b64encode(json.dumps(tampered).encode()).rstrip(b"=").decode()
        other_key = jwk.JWK.generate(kty="OKP", crv="Ed25519")
        foreign = jwt.JWT(header={"alg": "EdDSA", "kid": json.loads(base64.urlsafe_b64decode(head + "=="))["kid"]},
                          claims=claims_of(token))
        foreign.make_signed_token(other_key)
        probe = self.connect()
        probe.recv()
        for bad in (head + "." + forged_body + "." + sig, foreign.serialize(), "garbage", "a.b.c", "", "x" * 70000,
                    token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")):
            with self.subTest(token=bad[:40]):
                if len(bad) > 60000:
                    continue  # a frame that large is a bad-frame, checked elsewhere
                probe.send({"type": "introspect", "token": bad})
                self.assertEqual(probe.recv(), {"type": "introspection", "active": False})
        probe.send({"type": "introspect"})
        self.assertEqual(probe.recv(), {"type": "introspection", "active": False})

    def test_revoked_session_is_refused_on_its_open_connection(self):
        first, token = self.login()
        # Another connection resumes with the same token: one use, so the first session's jti is revoked.
        other = self.connect()
        other.recv()
        other.send({"type": "resume", "token": token})
        resumed = other.recv()
        self.assertEqual(resumed["type"], "auth-ok", resumed)
        self.assertNotIn("message", resumed)
        self.assertNotEqual(claims_of(resumed["token"])["jti"], claims_of(token)["jti"])
        self.assertEqual(claims_of(resumed["token"])["sub"], "alice")
        for request in ("whoami", "refresh", "ping"):
            with self.subTest(request=request):
                conn, token = self.login()
                other = self.connect()
                other.recv()
                other.send({"type": "resume", "token": token})
                self.assertEqual(other.recv()["type"], "auth-ok")
                conn.send({"type": request})
                error = conn.recv()
                self.assertEqual((error["type"], error["code"]), ("error", "token-revoked"))
                self.assertTrue(conn.closed())
        first.send({"type": "whoami"})
        self.assertEqual(first.recv()["code"], "token-revoked")

    def test_logout_elsewhere_and_user_disable_end_sessions(self):
        conn, token = self.login()
        second, _ = self.login()
        conn.send({"type": "logout"})
        self.assertEqual(conn.recv(), {"type": "bye"})
        second.send({"type": "whoami"})  # its own token is still good
        self.assertEqual(second.recv()["type"], "session")
        subprocess.run([AUTHD, "user", "disable", "alice", "--data", self.data], check=True,
                       capture_output=True, timeout=30)
        second.send({"type": "whoami"})
        self.assertEqual(second.recv()["code"], "token-revoked")
        self.assertTrue(second.closed())

    def test_resume_is_one_use_and_bad_tokens_count_as_failures(self):
        conn, token = self.login()
        conn.close()
        first = self.connect()
        first.recv()
        first.send({"type": "resume", "token": token})
        fresh = first.recv()
        self.assertEqual(fresh["type"], "auth-ok")
        self.assertEqual(fresh["expires_in"], 3600)
        first.send({"type": "whoami"})
        self.assertEqual(first.recv()["sub"], "alice")
        replay = self.connect()
        replay.recv()
        replay.send({"type": "resume", "token": token})
        self.assertEqual(replay.recv(), {"type": "auth-failed", "reason": "invalid-token", "attempts_left": 2})
        replay.send({"type": "resume", "token": "garbage"})
        self.assertEqual(replay.recv(), {"type": "auth-failed", "reason": "invalid-token", "attempts_left": 1})
        replay.send({"type": "resume", "token": fresh["token"][:-2]})
        error = replay.recv()
        self.assertEqual((error["type"], error["code"]), ("error", "too-many-attempts"))
        self.assertTrue(replay.closed())
        # After authentication a resume is out of place.
        first.send({"type": "resume", "token": fresh["token"]})
        self.assertEqual(first.recv()["code"], "unexpected-message")

    def test_resume_of_a_disabled_user_fails(self):
        conn, token = self.login("bob")
        conn.close()
        subprocess.run([AUTHD, "user", "disable", "bob", "--data", self.data], check=True,
                       capture_output=True, timeout=30)
        again = self.connect()
        again.recv()
        again.send({"type": "resume", "token": token})
        self.assertEqual(again.recv()["reason"], "invalid-token")

    # --- the server holds its memory, its ports and its locks ---

    def test_client_that_never_reads_cannot_grow_the_server(self):
        before = rss_kib(self.server.pid)
        request = frame({"type": "jwks"}) * 4096  # 69 KB of requests, ~1.2 MB of answers
        one = len(frame({"type": "jwks"}))
        floods = []
        for i in range(10):
            conn = self.connect(source=f"127.0.0.{10 + i}")
            conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            conn.sock.setblocking(False)
            floods.append(conn)
        sent = [0] * len(floods)
        deadline = time.monotonic() + 1.5  # within the 2 s handshake timeout
        while time.monotonic() < deadline:
            for i, conn in enumerate(floods):
                try:  # from where the last partial send stopped, so frames stay whole
                    sent[i] += conn.sock.send(request[sent[i] % one:])
                except (socket.timeout, BlockingIOError):
                    pass
        # The server stopped reading from each: what one could push is bounded by the
        # socket buffers (without the bound, the server reads all and queues ~17x that).
        for total in sent:
            self.assertLess(total, 12 * 1024 * 1024, sent)
        if not SANITIZED:  # ASan's quarantine holds freed memory on purpose; the byte bound above still holds
            self.assertLess(rss_kib(self.server.pid) - before, 20 * 1024)
        started = time.monotonic()
        _, token = self.login()
        self.assertLess(time.monotonic() - started, 1.0)
        # The handshake timeout still ends them, though nothing they are sent is read.
        time.sleep(2 + 2.5)
        for conn in floods:
            conn.sock.settimeout(0.5)
            with self.assertRaises((ConnectionResetError, BrokenPipeError, socket.timeout)):
                for _ in range(100):
                    conn.sock.send(request)

    def test_connections_per_address_are_capped(self):
        self.server.terminate()
        self.server.wait(timeout=10)
        self.start_server(self.data, "--max-per-address", "5")
        held = [self.connect() for _ in range(5)]
        for conn in held:
            self.assertEqual(conn.recv()["type"], "hello")
        extra = self.connect()
        self.assertEqual(extra.recv()["code"], "server-busy")
        self.assertTrue(extra.closed())
        self.login(source="127.0.0.2")  # another address is served
        held[0].close()
        time.sleep(0.2)
        self.login()  # and a freed slot is given back

    def test_silent_connections_on_the_tls_port_do_not_delay_logins(self):
        import ssl
        cert, key = self.tmp.name + "/cert.pem", self.tmp.name + "/key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                        "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", key, "-out", cert], check=True, capture_output=True, timeout=60)
        self.server.terminate()
        self.server.wait(timeout=10)
        self.start_server(self.data, "--tls-listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key,
                          "--max-connections", "500")
        silent = []
        for i in range(120):  # more than any pending-connection queue, from a few addresses
            silent.append(socket.create_connection(("127.0.0.1", self.tls_port), timeout=5,
                                                   source_address=(f"127.0.1.{1 + i % 4}", 0)))
        context = ssl.create_default_context(cafile=cert)
        started = time.monotonic()
        conn = self.connect(port=self.tls_port, wrap=lambda s: context.wrap_socket(s, server_hostname="127.0.0.1"))
        ok, _, _ = scram_login(conn, "alice", PASSWORD)
        self.assertEqual(ok["type"], "auth-ok")
        self.assertLess(time.monotonic() - started, 1.0)
        for s in silent:
            s.close()

    def test_log_values_are_quoted_and_escaped(self):
        conn = self.connect()
        conn.recv()
        conn.send({"type": "auth-start", "mechanism": "SCRAM-SHA-256",
                   "message": 'n,,n=eve" forged \\ x,r=abcdefgh'})
        conn.recv()
        conn.close()  # logged as "close", with the user
        time.sleep(0.3)
        log = self.server_log()
        self.assertIn('user="eve\\" forged \\\\ x"', log)

    def test_unreadable_key_or_secret_refuses_to_start(self):
        self.server.terminate()
        self.server.wait(timeout=10)
        # An older data directory's salt-secret file that is damaged is refused, not replaced.
        with open(self.data + "/salt-secret", "wb") as f:
            f.write(b"short")
        done = subprocess.run([AUTHD, "serve", "--data", self.data, "--listen", "127.0.0.1:0"],
                              capture_output=True, text=True, timeout=30)
        self.assertEqual(done.returncode, 2)
        self.assertIn("salt-secret is not a 32-byte secret", done.stderr)
        os.remove(self.data + "/salt-secret")
        key = self.data + "/signing-key.pem"
        with open(key, "rb") as f:
            original = f.read()
        with open(key, "wb") as f:
            f.write(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        done = subprocess.run([AUTHD, "serve", "--data", self.data, "--listen", "127.0.0.1:0"],
                              capture_output=True, text=True, timeout=30)
        self.assertEqual(done.returncode, 2)
        self.assertIn("signing-key.pem is unreadable", done.stderr)
        with open(key, "rb") as f:
            self.assertEqual(f.read()[:27], b"-----BEGIN PRIVATE KEY-----")  # not replaced
        self.assertFalse(os.path.exists(self.data + "/salt-secret"))  # nothing made before the refusal
        with open(key, "wb") as f:
            f.write(original)
        self.start_server(self.data)  # the stack's tearDown expects a server

    def introspect(self, token):
        conn = self.connect()
        conn.recv()  # hello
        conn.send({"type": "introspect", "token": token})
        return conn.recv()

    def jwks(self):
        conn = self.connect()
        conn.recv()
        conn.send({"type": "jwks"})
        return conn.recv()["keys"]

    def test_key_rotation_keeps_tokens_of_the_old_key_valid(self):
        _, old_token = self.login()
        old_kid = json.loads(base64.urlsafe_b64decode(old_token.split(".")[0] + "=="))["kid"]
        done = subprocess.run([AUTHD, "key", "rotate", "--data", self.data], capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn(old_kid + " is retired at", done.stdout)
        deadline = time.monotonic() + 10
        while True:  # the running server switches within seconds
            conn, token = self.login()
            conn.close()
            kid = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))["kid"]
            if kid != old_kid or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        self.assertNotEqual(kid, old_kid)
        self.assertEqual(sorted(k["kid"] for k in self.jwks()), sorted([old_kid, kid]))
        # Tokens of either key verify with python3-jwcrypto against the JWKS, and introspect active.
        keyset = jwk.JWKSet.from_json(json.dumps({"keys": self.jwks()}))
        for t in (old_token, token):
            jwt.JWT(jwt=t, key=keyset, algs=["EdDSA"])
            self.assertTrue(self.introspect(t)["active"])
        with open(self.data + "/signing-key.pem", "rb") as f:
            self.assertNotIn(b"PUBLIC", f.read())
        self.assertEqual(os.stat(self.data + "/signing-key.pem").st_mode & 0o777, 0o600)

    def proxy_v2(self, source, port=40000):
        """A PROXY protocol v2 header as HAProxy sends it (TCP over IPv4)."""
        body = socket.inet_aton(source) + socket.inet_aton("127.0.0.1") + struct.pack(">HH", port, 7788)
        return b"\r\n\r\n\x00\r\nQUIT\n" + bytes([0x21, 0x11]) + struct.pack(">H", len(body)) + body

    def test_proxy_header_is_believed_only_from_a_trusted_proxy(self):
        self.server.terminate()
        self.server.wait(timeout=10)
        self.stderr.close()
        self.server.stdout.close()
        self.start_server(self.data, "--trusted-proxy", "127.0.0.2")
        # From the trusted proxy: the header names the client, lockouts and logs see it.
        for _ in range(5):
            conn = self.connect(source="127.0.0.2")
            conn.sock.sendall(self.proxy_v2("203.0.113.9"))
            self.assertEqual(scram_login(conn, "alice", "wrong")[0]["type"], "auth-failed")
        conn = self.connect(source="127.0.0.2")
        conn.sock.sendall(self.proxy_v2("203.0.113.9"))
        locked, _, _ = scram_login(conn, "bob", PASSWORD)
        self.assertEqual(locked.get("code"), "locked", locked)  # the client's address is locked...
        conn = self.connect(source="127.0.0.2")
        conn.sock.sendall(self.proxy_v2("198.51.100.7"))
        self.assertEqual(scram_login(conn, "bob", PASSWORD)[0]["type"], "auth-ok")  # ...not the proxy
        conn = self.connect(source="127.0.0.2")  # no header from the proxy: its own address
        self.assertEqual(scram_login(conn, "bob", PASSWORD)[0]["type"], "auth-ok")
        time.sleep(0.3)
        self.assertIn('event=proxied peer="203.0.113.9"', self.server_log())
        # From anyone else the header is a bad frame, and names nobody.
        conn = self.connect(source="127.0.0.3")
        conn.recv()
        conn.sock.sendall(self.proxy_v2("198.51.100.8"))
        self.assertEqual(conn.recv()["code"], "bad-frame")
        time.sleep(0.3)
        self.assertNotIn("198.51.100.8", self.server_log())
        # A malformed header from the trusted proxy is refused too.
        conn = self.connect(source="127.0.0.2")
        conn.recv()
        conn.sock.sendall(b"\r\n\r\n\x00\r\nQUIT\n" + bytes([0x31, 0x11, 0, 12]) + bytes(12))
        self.assertEqual(conn.recv()["code"], "bad-frame")

    def test_a_lock_holds_for_challenges_given_before_it(self):
        """Challenges parked before the account was locked are judged after the lock: the
        lock and the database are asked again at auth-proof, not only at auth-start."""
        parked = []
        for i in range(7):
            conn = self.connect(source=f"127.0.9.{i + 1}")  # other addresses: the account locks
            conn.recv()
            nonce = base64.b64encode(os.urandom(18)).decode()
            bare = f"n=alice,r={nonce}"
            conn.send({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,," + bare})
            challenge = conn.recv()
            self.assertEqual(challenge["type"], "auth-challenge")
            parked.append((conn, bare, challenge["message"]))

        def proof(bare, server_first, password):
            attrs = dict(part.split("=", 1) for part in server_first.split(","))
            salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(attrs["s"]),
                                         int(attrs["i"]))
            client_key = hmac.new(salted, b"Client Key", "sha256").digest()
            without_proof = f"c=biws,r={attrs['r']}"
            auth_message = f"{bare},{server_first},{without_proof}".encode()
            signature = hmac.new(hashlib.sha256(client_key).digest(), auth_message, "sha256").digest()
            p = base64.b64encode(bytes(a ^ b for a, b in zip(client_key, signature))).decode()
            return {"type": "auth-proof", "message": f"{without_proof},p={p}"}

        for conn, bare, server_first in parked[:5]:  # five wrong guesses lock the account
            conn.send(proof(bare, server_first, "wrong guess"))
            self.assertEqual(conn.recv()["type"], "auth-failed")
        for conn, bare, server_first in parked[5:]:  # even the right password is refused now
            conn.send(proof(bare, server_first, PASSWORD))
            answer = conn.recv()
            self.assertEqual(answer.get("code"), "locked", answer)
            self.assertGreater(answer["retry_after"], 0)

    def test_options_may_come_before_the_command(self):
        done = subprocess.run([AUTHD, "--data", self.data, "user", "add", "dave"], input="pw\n",
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        done = subprocess.run([AUTHD, "--data", self.data, "--database", "sqlite:" + self.data, "user",
                               "list"], capture_output=True, text=True, timeout=60)
        self.assertIn("dave\tenabled", done.stdout)
        done = subprocess.run([AUTHD, "user", "list", "--data", self.data, "--database",
                               "postgresql://me:secret@127.0.0.1:5432/x"], capture_output=True, text=True)
        self.assertEqual(done.returncode, 2)
        self.assertIn("PGPASSFILE", done.stderr)

    def test_settings_file_with_the_command_line_winning(self):
        conf = self.tmp.name + "/tidings-authd.conf"
        with open(conf, "w") as f:
            f.write("# what the package ships, commented\n\n"
                    "  listen = 127.0.0.1:0\n"
                    "issuer=https://from-the-file\n"
                    "token-lifetime = 120   \n")
        server = subprocess.Popen([AUTHD, "serve", "--config", conf, "--data", self.data,
                                   "--token-lifetime", "300"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(server.wait, 10)
        self.addCleanup(server.terminate)
        self.addCleanup(server.stdout.close)
        match = re.search(r"listening on 127\.0\.0\.1:(\d+)", server.stdout.readline())
        self.assertIsNotNone(match, "the listen address of the file was not used")
        ok, _, _ = scram_login(self.connect(port=int(match.group(1))), "alice", PASSWORD)
        self.assertEqual(ok["type"], "auth-ok", ok)
        claims = json.loads(base64.urlsafe_b64decode(ok["token"].split(".")[1] + "=="))
        self.assertEqual(claims["iss"], "https://from-the-file")
        self.assertEqual(claims["exp"] - claims["iat"], 300)

    def test_a_bad_settings_file_is_refused_with_its_line(self):
        conf = self.tmp.name + "/bad.conf"
        for text, expected in (("listen = 127.0.0.1:0\n\nlistne = 0.0.0.0:7788\n",
                                conf + ":3: unknown setting 'listne'"),
                               ("threads\n", conf + ":1: expected 'name = value'"),
                               ("issuer =\n", conf + ":1: 'issuer' has no value"),
                               ("config = /etc/passwd\n", conf + ":1: a settings file cannot name")):
            with open(conf, "w") as f:
                f.write(text)
            done = subprocess.run([AUTHD, "serve", "--config", conf, "--data", self.data],
                                  capture_output=True, text=True, timeout=30)
            self.assertEqual(done.returncode, 2, done.stderr)
            self.assertIn(expected, done.stderr)
        done = subprocess.run([AUTHD, "serve", "--config", self.tmp.name + "/missing.conf", "--data",
                               self.data], capture_output=True, text=True, timeout=30)
        self.assertEqual(done.returncode, 2)
        self.assertIn("missing.conf", done.stderr)

    def test_server_still_serves_after_all_that(self):
        conn = self.connect()
        ok, _, _ = scram_login(conn, "alice", PASSWORD)
        self.assertEqual(ok["type"], "auth-ok")


if __name__ == "__main__":
    AUTHD = sys.argv.pop(1)
    unittest.main(verbosity=2)
