# SPDX-License-Identifier: GPL-3.0-or-later
"""What every cluster test needs: the cluster made by scripts/authcluster
(its cluster.env), a TAP/1.1 client written from PROTOCOL.md with the
standard library (SCRAM-SHA-256 per RFC 5802; the client checks the server's
signature), admin commands of tidings-authd against the shared PostgreSQL,
the instances' logs and metrics.

Every test takes its own user names and its own client source address
(somewhere in 127.0.0.0/8): failures count per address too and a success
never clears an address, so tests must not share one."""
import base64
import hashlib
import hmac
import json
import os
import random
import re
import secrets
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
# The script that made the cluster (AUTHCLUSTER overrides, e.g. for a modified copy).
AUTHCLUSTER = os.environ.get("AUTHCLUSTER") or os.path.join(HERE, "..", "..", "scripts", "authcluster")
PASSWORD = "correct horse – 李"   # non-ASCII and a space on purpose
IO_TIMEOUT = 15.0


def frame(obj):
    body = json.dumps(obj, separators=(",", ":")).encode()
    return struct.pack(">I", len(body)) + body


def claims_of(token):
    return json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))


def header_of(token):
    return json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))


def unique(prefix):
    return f"{prefix}_{secrets.token_hex(4)}"


def fresh_address():
    """A loopback source address no other test uses (127.0.0.1 is HAProxy's own and the trusted proxy)."""
    return f"127.{random.randint(16, 250)}.{random.randint(0, 255)}.{random.randint(2, 254)}"


class Conn:
    """One TAP connection; `source` is the client's own address."""

    def __init__(self, port, source="127.0.0.1", timeout=IO_TIMEOUT):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0))
        self.buf = b""
        self.hello = None

    def send(self, obj):
        self.sock.sendall(frame(obj))

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

    def read_hello(self):
        if self.hello is None:
            self.hello = self.recv()
            if self.hello.get("type") != "hello":
                raise RuntimeError(f"expected hello, got {self.hello}")
        return self.hello

    def request(self, obj):
        self.read_hello()
        self.send(obj)
        return self.recv()

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_salted = {}


def scram_login(conn, user, password):
    """Runs one SCRAM exchange; returns the server's last answer (auth-ok,
    auth-failed or error). An auth-ok whose signature does not prove the
    verifier raises: that server would be an impostor."""
    conn.read_hello()
    nonce = base64.b64encode(os.urandom(18)).decode()
    bare = f"n={user.replace('=', '=3D').replace(',', '=2C')},r={nonce}"
    conn.send({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,," + bare})
    challenge = conn.recv()
    if challenge.get("type") != "auth-challenge":
        return challenge
    server_first = challenge["message"]
    attrs = dict(part.split("=", 1) for part in server_first.split(","))
    if not attrs["r"].startswith(nonce):
        raise RuntimeError("server nonce does not extend ours")
    key = (attrs["s"], attrs["i"], password)
    if key not in _salted:  # RFC 5802 lets a client cache this per salt and count
        _salted[key] = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(attrs["s"]),
                                           int(attrs["i"]))
    salted = _salted[key]
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    without_proof = f"c=biws,r={attrs['r']}"
    auth_message = f"{bare},{server_first},{without_proof}".encode()
    proof = bytes(a ^ b for a, b in zip(client_key, hmac.new(stored_key, auth_message, "sha256").digest()))
    conn.send({"type": "auth-proof", "message": f"{without_proof},p={base64.b64encode(proof).decode()}"})
    answer = conn.recv()
    if answer.get("type") == "auth-ok":
        server_key = hmac.new(salted, b"Server Key", "sha256").digest()
        expected = "v=" + base64.b64encode(hmac.new(server_key, auth_message, "sha256").digest()).decode()
        if not hmac.compare_digest(answer.get("message", ""), expected):
            raise RuntimeError("server signature does not match: impostor")
    return answer


class Cluster:
    """The running cluster named by the fixture's STATEFILE."""

    def __init__(self, statefile, authd):
        with open(statefile, encoding="utf-8") as f:
            self.dir = f.read().strip()
        self.env = {}
        with open(os.path.join(self.dir, "cluster.env"), encoding="utf-8") as f:
            for line in f:
                key, sep, value = line.strip().partition("=")
                if sep:
                    self.env[key] = value.strip('"')
        self.authd = authd
        self.front_port = int(self.env["FRONT_PORT"])
        self.ports = [int(p) for p in self.env["AUTHD_PORTS"].split()]
        self.metrics_ports = [int(p) for p in self.env["METRICS_PORTS"].split()]
        self.logs = self.env["AUTHD_LOGS"].split()
        self.database_url = self.env["DATABASE_URL"]
        self.pgpassfile = self.env["PGPASSFILE"]
        self.prom_port = int(self.env["PROM_PORT"])

    # --- admin ---

    def authd_env(self):
        env = dict(os.environ)
        env["PGPASSFILE"] = self.pgpassfile
        env.pop("PGPASSWORD", None)
        return env

    def run_authd(self, *args, stdin=None, check=True):
        result = subprocess.run([self.authd, *args], input=stdin, text=True, capture_output=True,
                                env=self.authd_env(), timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"tidings-authd {' '.join(args)} failed ({result.returncode}):\n"
                                 f"{result.stdout}{result.stderr}")
        return result

    def add_user(self, name, password=PASSWORD):
        self.run_authd("user", "add", name, "--data", os.path.join(self.dir, "authd-1"),
                       "--database", self.database_url, stdin=password + "\n")

    def authcluster(self, *args):
        result = subprocess.run([AUTHCLUSTER, *args[:1], self.dir, *args[1:]], text=True,
                                capture_output=True, timeout=180)
        if result.returncode != 0:
            raise AssertionError(f"authcluster {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    def pid(self, n):
        """The pid of instance n (1-based) from its pid file."""
        with open(os.path.join(self.dir, f"authd-{n}.pid")) as f:
            return int(f.read().strip())

    def alive(self, n):
        try:
            with open(f"/proc/{self.pid(n)}/stat") as f:
                return f.read().rsplit(")", 1)[1].split()[0] != "Z"
        except (OSError, ValueError):
            return False

    # --- observing ---

    def log(self, n):
        with open(self.logs[n - 1], encoding="utf-8", errors="replace") as f:
            return f.read()

    def events(self, n, event, **fields):
        """Log lines of instance n with event=EVENT and every field="value" given."""
        lines = []
        for line in self.log(n).splitlines():
            if not re.search(rf"\bevent={re.escape(event)}\b", line):
                continue
            if all(f'{key}="{value}"' in line for key, value in fields.items()):
                lines.append(line)
        return lines

    def http_get(self, port, path):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as reply:
                return reply.status, reply.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def samples(self, n):
        """Every sample of instance n's /metrics, parsed by Debian's prometheus_client:
        {(name, frozenset(labels.items())): value}."""
        from prometheus_client.parser import text_string_to_metric_families
        status, body = self.http_get(self.metrics_ports[n - 1], "/metrics")
        if status != 200:
            raise AssertionError(f"/metrics of instance {n} answered {status}")
        out = {}
        for family in text_string_to_metric_families(body):
            for sample in family.samples:
                out[(sample.name, frozenset(sample.labels.items()))] = sample.value
        return out

    def connect(self, n=None, source="127.0.0.1", timeout=IO_TIMEOUT):
        """A connection through HAProxy (n None) or straight to instance n."""
        return Conn(self.front_port if n is None else self.ports[n - 1], source, timeout)

    def login(self, n=None, user="", password=PASSWORD, source="127.0.0.1"):
        """A full login on a fresh connection; returns (open connection, answer)."""
        conn = self.connect(n, source)
        try:
            return conn, scram_login(conn, user, password)
        except BaseException:
            conn.close()
            raise


def wait_until(predicate, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


def main_args():
    """usage: test_x.py STATEFILE AUTHD_BIN [unittest args]; returns (cluster, rest of argv)."""
    if len(sys.argv) < 3:
        raise SystemExit(f"usage: {sys.argv[0]} STATEFILE AUTHD_BIN [unittest args]")
    return Cluster(sys.argv[1], sys.argv[2]), [sys.argv[0]] + sys.argv[3:]


class Load:
    """Clients logging in through HAProxy in a loop, each on a fresh connection,
    until stopped. Every attempt is kept as (start, end, outcome) per client:
    outcome "ok", "busy" (error server-busy with retry_after > 0) or a short
    description of what else happened."""

    def __init__(self, cluster, users, source, pause=0.02):
        self.cluster, self.users, self.source, self.pause = cluster, users, source, pause
        self.stop_flag = threading.Event()
        self.attempts = [[] for _ in users]
        self.threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(len(users))]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        self.stop_flag.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def _run(self, i):
        while not self.stop_flag.is_set():
            start = time.monotonic()
            outcome = self.attempt(self.users[i])
            self.attempts[i].append((start, time.monotonic(), outcome))
            time.sleep(self.pause if outcome == "ok" else 0.1)

    def attempt(self, user):
        try:
            with self.cluster.connect(source=self.source, timeout=10) as conn:
                answer = scram_login(conn, user, PASSWORD)
        except (OSError, EOFError, ValueError, RuntimeError) as error:
            return f"{type(error).__name__}: {error}"
        if answer.get("type") == "auth-ok":
            return "ok"
        if answer.get("code") == "server-busy" and answer.get("retry_after", 0) > 0:
            return "busy"
        return json.dumps(answer)

    def all(self):
        return sorted((a for client in self.attempts for a in client), key=lambda a: a[0])

    def oks(self):
        return sum(1 for a in self.all() if a[2] == "ok")

    def summary(self):
        counts = {}
        for a in self.all():
            key = a[2] if a[2] in ("ok", "busy") else "other"
            counts[key] = counts.get(key, 0) + 1
        return " ".join(f"{k}={v}" for k, v in sorted(counts.items()))
