#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark's baseline: TAP/1 written plainly in Python, a thread per
connection (socketserver.ThreadingTCPServer), the same frames, SCRAM-SHA-256
server side and EdDSA tokens (python3-cryptography).

usage: baseline_server.py USER PASSWORD   (prints "listening on 127.0.0.1:PORT")
"""
import base64
import hashlib
import hmac
import json
import os
import socketserver
import struct
import sys
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

USER, PASSWORD = sys.argv[1], sys.argv[2]
SALT = os.urandom(16)
ITERATIONS = 15000
_salted = hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), SALT, ITERATIONS)
STORED = hashlib.sha256(hmac.new(_salted, b"Client Key", "sha256").digest()).digest()
SERVER_KEY = hmac.new(_salted, b"Server Key", "sha256").digest()
SIGNING_KEY = Ed25519PrivateKey.generate()


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def frame(obj):
    body = json.dumps(obj, separators=(",", ":")).encode()
    return struct.pack(">I", len(body)) + body


class Handler(socketserver.BaseRequestHandler):
    def recv(self):
        while True:
            if len(self.buf) >= 4:
                (n,) = struct.unpack(">I", self.buf[:4])
                if not 1 <= n <= 65536:
                    raise EOFError
                if len(self.buf) >= 4 + n:
                    body, self.buf = self.buf[4:4 + n], self.buf[4 + n:]
                    return json.loads(body)
            chunk = self.request.recv(65536)
            if not chunk:
                raise EOFError
            self.buf += chunk

    def handle(self):
        self.buf = b""
        send = self.request.sendall
        send(frame({"type": "hello", "protocol": "tap/1", "mechanisms": ["SCRAM-SHA-256"], "max_attempts": 3}))
        try:
            while True:
                start = self.recv()
                if start.get("type") != "auth-start":
                    return
                bare = start["message"][3:]
                attrs = dict(p.split("=", 1) for p in bare.split(","))
                nonce = attrs["r"] + base64.b64encode(os.urandom(18)).decode()
                server_first = f"r={nonce},s={base64.b64encode(SALT).decode()},i={ITERATIONS}"
                send(frame({"type": "auth-challenge", "message": server_first}))
                proof_msg = self.recv()["message"]
                without, proof = proof_msg.rsplit(",p=", 1)
                auth = f"{bare},{server_first},{without}".encode()
                signature = hmac.new(STORED, auth, "sha256").digest()
                client_key = bytes(a ^ b for a, b in zip(base64.b64decode(proof), signature))
                if attrs["n"] != USER or not hmac.compare_digest(hashlib.sha256(client_key).digest(), STORED):
                    send(frame({"type": "auth-failed", "reason": "invalid-credentials", "attempts_left": 2}))
                    continue
                now = int(time.time())
                header = b64u(json.dumps({"alg": "EdDSA", "typ": "JWT"}).encode())
                claims = b64u(json.dumps({"iss": "baseline", "sub": USER, "aud": "tidings", "iat": now,
                                          "nbf": now, "exp": now + 3600, "jti": b64u(os.urandom(16))}).encode())
                token = f"{header}.{claims}." + b64u(SIGNING_KEY.sign(f"{header}.{claims}".encode()))
                server_final = "v=" + base64.b64encode(hmac.new(SERVER_KEY, auth, "sha256").digest()).decode()
                send(frame({"type": "auth-ok", "message": server_final, "token": token, "expires_in": 3600}))
                self.recv()  # stays until the client goes
        except (EOFError, ConnectionError, ValueError, KeyError):
            return


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), Handler)
    print(f"listening on 127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()
