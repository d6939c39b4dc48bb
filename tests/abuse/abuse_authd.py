#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tidings-authd under attack, as PROTOCOL.md promises it survives ("Nothing a
client sends can crash the server, grow its memory without bound, or keep it
from serving other clients"). Against a real server, at the same time:

  * 10,000 connections to the TLS port that never finish the handshake
    (renewed as the server drops them),
  * 1,000 clients flooding {"type":"jwks"} without ever reading,
  * 100,000 made-up user names with wrong proofs,
  * frames cut at every byte (sent in pieces, or cut off and abandoned),

while a normal client logs in over TLS every second from its own address.
Every one of its logins must succeed within 1 s and the server's RSS must
stay under 300 MB. Prints a table of what each attacker did.

The attackers run in their own processes at the lowest CPU priority: on the
two cores of a test machine they would otherwise starve the measuring client
(a real attacker's CPU is his own); the server runs at normal priority and
must keep up with everything they send. The attack lasts at least SECONDS
and until 100,000 made-up names were tried (at most MAX_SECONDS).

usage: abuse_authd.py PATH_TO_tidings-authd [SECONDS]
"""
import base64
import hashlib
import hmac
import json
import multiprocessing
import os
import queue
import random
import re
import resource
import selectors
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import time

PASSWORD = "normal user's password"
SILENT_TLS = 10_000
FLOODERS = 1_000
MADE_UP_NAMES = 100_000
LOGIN_BUDGET_S = 1.0
MAX_SECONDS = 240
RSS_BUDGET_MB = 300


def frame(obj):
    body = json.dumps(obj).encode()
    return struct.pack(">I", len(body)) + body


def recv_frame(sock, buf=b""):
    while True:
        if len(buf) >= 4:
            (n,) = struct.unpack(">I", buf[:4])
            if len(buf) >= 4 + n:
                return json.loads(buf[4:4 + n]), buf[4 + n:]
        chunk = sock.recv(65536)
        if not chunk:
            raise EOFError("closed")
        buf += chunk


def login(port, cafile):
    """One SCRAM-SHA-256 login over TLS from 127.0.0.1; returns seconds taken."""
    started = time.monotonic()
    context = ssl.create_default_context(cafile=cafile)
    raw = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=("127.0.0.1", 0))
    with context.wrap_socket(raw, server_hostname="127.0.0.1") as sock:
        hello, buf = recv_frame(sock)
        assert hello["type"] == "hello", hello
        nonce = base64.b64encode(os.urandom(18)).decode()
        bare = f"n=alice,r={nonce}"
        sock.sendall(frame({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,," + bare}))
        challenge, buf = recv_frame(sock, buf)
        assert challenge["type"] == "auth-challenge", challenge
        attrs = dict(p.split("=", 1) for p in challenge["message"].split(","))
        salted = hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), base64.b64decode(attrs["s"]), int(attrs["i"]))
        client_key = hmac.new(salted, b"Client Key", "sha256").digest()
        without_proof = f"c=biws,r={attrs['r']}"
        auth = f"{bare},{challenge['message']},{without_proof}".encode()
        signature = hmac.new(hashlib.sha256(client_key).digest(), auth, "sha256").digest()
        proof = base64.b64encode(bytes(a ^ b for a, b in zip(client_key, signature))).decode()
        sock.sendall(frame({"type": "auth-proof", "message": f"{without_proof},p={proof}"}))
        ok, buf = recv_frame(sock, buf)
        assert ok["type"] == "auth-ok", ok
    return time.monotonic() - started


class Attack:
    """One attacker in its own process (the GIL would make them take turns); its
    report comes back through a queue when `stop` is set."""

    def __init__(self, name, stop):
        self.name = name
        self.stop = stop
        self.count = 0
        self.detail = ""
        self.error = None
        self.results = multiprocessing.Queue()
        self.progress = multiprocessing.Value("q", 0)
        self.process = multiprocessing.Process(target=self.run, daemon=True)

    def start(self):
        self.process.start()

    NICE = 19

    def run(self):
        os.nice(self.NICE)
        try:
            self.attack()
        except Exception as e:  # a crashed attacker is a broken test, not a pass
            self.error = repr(e)
        self.results.put((self.count, self.detail, self.error))

    def join(self, timeout):
        try:
            self.count, self.detail, self.error = self.results.get(timeout=timeout)
        except queue.Empty:
            self.error = "did not report"
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()


class SilentTls(Attack):
    """Connects to the TLS port and says nothing; reconnects whatever the server drops."""

    def __init__(self, stop, port):
        super().__init__("silent-tls", stop)
        self.port = port

    def open_one(self, i):
        s = socket.socket()
        s.setblocking(False)
        a = i // 60  # 60 per address, under the per-address cap
        s.bind((f"127.1.{a // 250}.{1 + a % 250}", 0))
        s.connect_ex(("127.0.0.1", self.port))
        return s

    def attack(self):
        sel = selectors.DefaultSelector()
        held = {}
        for i in range(SILENT_TLS):
            s = self.open_one(i)
            held[i] = s
            sel.register(s, selectors.EVENT_READ, i)
            self.count += 1
        while not self.stop.is_set():
            for key, _ in sel.select(timeout=0.2):
                i = key.data
                try:
                    gone = key.fileobj.recv(4096) == b""
                except (ConnectionError, BlockingIOError, OSError):
                    gone = True
                if gone:  # dropped by the server (handshake timeout or cap): come back
                    sel.unregister(key.fileobj)
                    key.fileobj.close()
                    s = self.open_one(i)
                    held[i] = s
                    sel.register(s, selectors.EVENT_READ, i)
                    self.count += 1
        for s in held.values():
            s.close()
        self.detail = f"{self.count} connections opened, {SILENT_TLS} held at a time"


class JwksFlood(Attack):
    """Sends jwks requests as fast as the server takes them and never reads an answer."""

    def __init__(self, stop, port):
        super().__init__("jwks-flood", stop)
        self.port = port
        self.bytes = 0

    def attack(self):
        request = frame({"type": "jwks"}) * 512
        one = len(frame({"type": "jwks"}))
        socks = []
        for i in range(FLOODERS):
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.bind((f"127.0.200.{1 + i // 50}", 0))
            s.connect(("127.0.0.1", self.port))
            s.setblocking(False)
            socks.append([s, 0])
        self.count = len(socks)
        while not self.stop.is_set():
            pushed = 0
            for entry in socks:
                s, sent = entry
                if s is None:
                    continue
                try:
                    n = s.send(request[sent % one:])
                    entry[1] += n
                    pushed += n
                except BlockingIOError:
                    pass
                except OSError:  # closed by the server (its timeout): open another
                    source = s.getsockname()[0]
                    s.close()
                    entry[0] = socket.socket()
                    entry[0].setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                    entry[0].bind((source, 0))
                    entry[0].connect(("127.0.0.1", self.port))
                    entry[0].setblocking(False)
                    entry[1] = 0
                    self.count += 1
            self.bytes += pushed
            if not pushed:
                time.sleep(0.05)
        for s, _ in socks:
            if s:
                s.close()
        self.detail = f"{self.count} clients, {self.bytes / 1e6:.1f} MB of requests accepted by the kernel"


class MadeUpNames(Attack):
    """Wrong proofs for made-up names, 64 connections at a time, each from a new address:
    the throttle's tables fill and churn (each address is locked after five failures)."""

    CONCURRENT = 64
    NICE = 5  # it has 100,000 names to get through; still below the measuring client

    def __init__(self, stop, port):
        super().__init__("made-up-names", stop)
        self.port = port
        self.locked = 0
        self.failed = 0
        self.address = 0

    def open(self, sel):
        self.address += 1
        a = self.address
        s = socket.socket()
        s.setblocking(False)
        s.bind((f"127.{10 + a // 62500 % 80}.{a // 250 % 250}.{1 + a % 250}", 0))
        s.connect_ex(("127.0.0.1", self.port))
        sel.register(s, selectors.EVENT_READ, {"buf": b"", "tries": 0})

    def attack(self):
        sel = selectors.DefaultSelector()
        for _ in range(self.CONCURRENT):
            self.open(sel)
        while self.count < MADE_UP_NAMES and not self.stop.is_set():
            for key, _ in sel.select(timeout=0.5):
                s, state = key.fileobj, key.data
                try:
                    chunk = s.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    chunk = b""
                done = not chunk
                state["buf"] += chunk
                while not done and len(state["buf"]) >= 4:
                    (n,) = struct.unpack(">I", state["buf"][:4])
                    if len(state["buf"]) < 4 + n:
                        break
                    answer = json.loads(state["buf"][4:4 + n])
                    state["buf"] = state["buf"][4 + n:]
                    kind = answer["type"]
                    if kind == "auth-challenge":
                        r = answer["message"].split(",")[0][2:]
                        s.sendall(frame({"type": "auth-proof", "message": f"c=biws,r={r},p=AAAA"}))
                        continue
                    if kind == "error":
                        self.locked += answer.get("code") == "locked"
                        done = True
                        break
                    if kind == "auth-failed":
                        self.failed += 1
                    if state["tries"] == 3:
                        done = True
                        break
                    state["tries"] += 1
                    self.count += 1
                    self.progress.value = self.count
                    name = "made-up-%d-%d" % (self.count, random.getrandbits(32))
                    s.sendall(frame({"type": "auth-start", "mechanism": "SCRAM-SHA-256",
                                     "message": f"n,,n={name},r=abcdefgh{self.count}"}))
                if done:
                    sel.unregister(s)
                    s.close()
                    self.open(sel)
        for key in list(sel.get_map().values()):
            key.fileobj.close()
        self.detail = (f"{self.count} names tried from {self.address} addresses: {self.failed} auth-failed, "
                       f"{self.locked} answered 'locked'")


class CutFrames(Attack):
    """A login's first frame cut at every byte: sent in pieces (must work) or abandoned mid-way."""

    def __init__(self, stop, port):
        super().__init__("cut-frames", stop)
        self.port = port
        self.whole = 0

    def attack(self):
        data = frame({"type": "auth-start", "mechanism": "SCRAM-SHA-256", "message": "n,,n=alice,r=cutcutcutcut"})
        rounds = 0
        while not self.stop.is_set():
            for cut in range(1, len(data)):
                if self.stop.is_set():
                    break
                src = f"127.0.250.{1 + cut % 200}"
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=5, source_address=(src, 0)) as s:
                        _, buf = recv_frame(s)
                        s.sendall(data[:cut])
                        if rounds % 2:  # abandoned mid-frame
                            continue
                        time.sleep(0.002)
                        s.sendall(data[cut:])
                        answer, _ = recv_frame(s, buf)
                        if answer["type"] in ("auth-challenge", "error"):
                            self.whole += answer["type"] == "auth-challenge"
                except (EOFError, OSError):
                    pass
                self.count += 1
            rounds += 1
        self.detail = f"{self.count} cut connections, {self.whole} reassembled into a challenge"


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1)) / 1024


def main():
    authd = sys.argv[1]
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < SILENT_TLS + FLOODERS + 500:
        print(f"abuse: needs {SILENT_TLS + FLOODERS + 500} descriptors, the hard limit is {hard}", file=sys.stderr)
        return 1
    tmp = tempfile.TemporaryDirectory()
    data, cert, key = tmp.name + "/data", tmp.name + "/cert.pem", tmp.name + "/key.pem"
    subprocess.run([authd, "user", "add", "alice", "--data", data], input=PASSWORD + "\n", text=True,
                   check=True, capture_output=True, timeout=60)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True, timeout=60)
    log = open(tmp.name + "/authd.log", "w")
    server = subprocess.Popen([authd, "serve", "--data", data, "--listen", "127.0.0.1:0", "--tls-listen",
                               "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key, "--max-connections", "15000"],
                              stdout=subprocess.PIPE, stderr=log, text=True,
                              env=dict(os.environ, QT_LOGGING_RULES="tidings.authd.*.info=false"))
    port = int(re.search(r":(\d+)", server.stdout.readline()).group(1))
    tls_port = int(re.search(r":(\d+)", server.stdout.readline()).group(1))
    stop = multiprocessing.Event()
    attacks = [SilentTls(stop, tls_port), JwksFlood(stop, port), MadeUpNames(stop, port), CutFrames(stop, port)]
    logins, failures, peak = [], [], 0.0
    try:
        base = login(tls_port, cert)
        rss_before = rss_mb(server.pid)
        for a in attacks:
            a.start()
        started = time.monotonic()
        cpu_before = cpu_seconds(server.pid)
        next_login = started + 1
        names = attacks[2].progress
        while time.monotonic() - started < MAX_SECONDS and (
                time.monotonic() - started < seconds or names.value < MADE_UP_NAMES):
            peak = max(peak, rss_mb(server.pid))
            if time.monotonic() >= next_login:
                next_login += 1
                try:
                    logins.append(login(tls_port, cert))
                except Exception as e:
                    failures.append(repr(e))
            time.sleep(0.05)
        busy = (cpu_seconds(server.pid) - cpu_before) / (time.monotonic() - started)
        stop.set()
        for a in attacks:
            a.join(timeout=30)
        time.sleep(2)  # the attackers' sockets are closing
        try:
            after = login(tls_port, cert) if server.poll() is None else None
        except Exception as e:
            failures.append("after the attack: " + repr(e))
            after = None
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
        log.close()

    print(f"\n{'attacker':<16} {'what it did'}")
    for a in attacks:
        print(f"{a.name:<16} {a.detail}{'  ERROR ' + a.error if a.error else ''}")
    slow = [t for t in logins if t > LOGIN_BUDGET_S]
    print(f"\n{'normal logins':<28} {len(logins)} ok, {len(failures)} failed, {len(slow)} over {LOGIN_BUDGET_S} s")
    if logins:
        ordered = sorted(logins)
        print(f"{'login latency (s)':<28} unloaded {base:.3f}  median {ordered[len(ordered) // 2]:.3f}  "
              f"max {ordered[-1]:.3f}")
        print(f"{'each second':<28} " + " ".join(f"{t:.2f}" for t in logins))
    print(f"{'server RSS (MB)':<28} before {rss_before:.0f}  peak {peak:.0f}  budget {RSS_BUDGET_MB}")
    print(f"{'server CPU':<28} {busy * 100:.0f} % of one core during the attack")
    problems = [f"{a.name}: {a.error}" for a in attacks if a.error]
    if failures:
        problems.append(f"{len(failures)} normal logins failed: {failures[:3]}")
    if slow:
        problems.append(f"{len(slow)} normal logins took over {LOGIN_BUDGET_S} s")
    if len(logins) < seconds * 0.8:
        problems.append(f"only {len(logins)} logins in {seconds} s")
    if attacks[2].count < MADE_UP_NAMES:
        problems.append(f"only {attacks[2].count} made-up names in {MAX_SECONDS} s")
    if peak >= RSS_BUDGET_MB:
        problems.append(f"server RSS peaked at {peak:.0f} MB")
    if after is None:
        problems.append("the server died")
    for p in problems:
        print("FAIL:", p)
    if not problems:
        print("PASS: every login within budget, memory bounded")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
