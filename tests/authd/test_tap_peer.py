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
PASSWORD = "correct horse – 李"


def frame(obj):
    body = json.dumps(obj).encode()
    return struct.pack(">I", len(body)) + body


class Conn:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
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
        cls.server = subprocess.Popen([AUTHD, "serve", "--data", data, "--listen", "127.0.0.1:0",
                                       "--issuer", "https://auth.test", "--max-connections", "20",
                                       "--handshake-timeout", "2"],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = cls.server.stdout.readline()
        match = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
        assert match, line
        cls.port = int(match.group(1))
        cls.data = data

    def tearDown(self):
        self.server.terminate()
        self.server.wait(timeout=10)
        self.tmp.cleanup()

    def connect(self):
        conn = Conn(self.port)
        self.addCleanup(conn.close)
        return conn

    def test_secrets_on_disk_are_private_and_no_password_is_stored(self):
        for name in ("signing-key.pem", "salt-secret", "users.sqlite"):
            self.assertEqual(os.stat(os.path.join(self.data, name)).st_mode & 0o777, 0o600, name)
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
        salts = []
        for user, password in (("bob", "wrong"), ("nobody", PASSWORD), ("carol", PASSWORD), ("nobody", "x")):
            conn = self.connect()
            failed, _, challenge = scram_login(conn, user, password)
            answers.append(failed)
            salts.append((user, challenge["message"].split(",")[1]))
        for failed in answers:
            self.assertEqual(failed, {"type": "auth-failed", "reason": "invalid-credentials", "attempts_left": 2})
        # An unknown user's salt is stable across connections, like a real one's.
        self.assertEqual(salts[1][1], salts[3][1])
        self.assertNotEqual(salts[0][1], salts[1][1])

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
        for message in ({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,,n=alice,r=" + "x" * 5000},
                        {"type": "auth-start", "mechanism": "SCRAM-SHA-256"},
                        {"type": "auth-start"}):
            with self.subTest(message=str(message)[:60]):
                conn = self.connect()
                conn.recv()
                conn.send(message)
                error = conn.recv()
                self.assertEqual(error["type"], "error")
                self.assertIn(error["code"], ("bad-message", "unsupported-mechanism"))

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

    def test_server_still_serves_after_all_that(self):
        conn = self.connect()
        ok, _, _ = scram_login(conn, "alice", PASSWORD)
        self.assertEqual(ok["type"], "auth-ok")


if __name__ == "__main__":
    AUTHD = sys.argv.pop(1)
    unittest.main(verbosity=2)
