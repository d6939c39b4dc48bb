# SPDX-License-Identifier: GPL-3.0-or-later
"""A minimal TAP/1 client for the benchmark (stdlib only). The SCRAM salted
password is cached per (salt, iterations), as a real client may: the
benchmark measures the server, not PBKDF2 on the client side."""
import base64
import hashlib
import hmac
import json
import os
import socket
import struct

_salted = {}


def frame(obj):
    body = json.dumps(obj, separators=(",", ":")).encode()
    return struct.pack(">I", len(body)) + body


def recv(sock, buf):
    while True:
        if len(buf) >= 4:
            (n,) = struct.unpack(">I", buf[:4])
            if len(buf) >= 4 + n:
                return json.loads(buf[4:4 + n]), buf[4 + n:]
        chunk = sock.recv(65536)
        if not chunk:
            raise EOFError
        buf += chunk


def login(port, user, password):
    """One full login on a fresh connection; returns the token."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        buf = b""
        hello, buf = recv(sock, buf)
        nonce = base64.b64encode(os.urandom(18)).decode()
        bare = f"n={user},r={nonce}"
        sock.sendall(frame({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,," + bare}))
        challenge, buf = recv(sock, buf)
        server_first = challenge["message"]
        attrs = dict(p.split("=", 1) for p in server_first.split(","))
        key = (attrs["s"], attrs["i"], password)
        if key not in _salted:
            _salted[key] = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(attrs["s"]),
                                               int(attrs["i"]))
        salted = _salted[key]
        client_key = hmac.new(salted, b"Client Key", "sha256").digest()
        stored = hashlib.sha256(client_key).digest()
        without = f"c=biws,r={attrs['r']}"
        auth = f"{bare},{server_first},{without}".encode()
        proof = bytes(a ^ b for a, b in zip(client_key, hmac.new(stored, auth, "sha256").digest()))
        sock.sendall(frame({"type": "auth-proof", "message": f"{without},p={base64.b64encode(proof).decode()}"}))
        ok, buf = recv(sock, buf)
        if ok.get("type") != "auth-ok":
            raise RuntimeError(ok)
        server_key = hmac.new(salted, b"Server Key", "sha256").digest()
        if ok["message"] != "v=" + base64.b64encode(hmac.new(server_key, auth, "sha256").digest()).decode():
            raise RuntimeError("impostor")
        return ok["token"]
    finally:
        sock.close()
