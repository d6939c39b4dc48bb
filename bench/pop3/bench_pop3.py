#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/pop3: a big mailbox on the local Dovecot; full sync, no-new-mail
resync and headers-only listing by tidings-cli, next to mpop (Debian) and a
Python poplib loop in the same run. Wall time and peak RSS of each client.

usage: bench_pop3.py PATH_TO_tidings-cli [MESSAGES]
"""
import os
import pathlib
import poplib
import random
import resource
import shutil
import ssl
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
USER, PASSWORD = "bench", "bench-password"


def run(cmd, **kw):
    """Wall seconds and peak RSS (MB) of one child process."""
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a full pipe would stall the child
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, **kw)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if status != 0:
            err.seek(0)
            raise SystemExit(f"{cmd[0]} failed: {err.read().decode(errors='replace')[-500:]}")
    return elapsed, usage.ru_maxrss / 1024


def fill(maildir, count):
    rng = random.Random(7)
    total = 0
    for i in range(count):
        r = rng.random()
        size = rng.randint(1000, 6000) if r < 0.8 else rng.randint(10000, 40000) if r < 0.98 else rng.randint(100000, 300000)
        head = (f"From: Sender {i % 97} <s{i % 97}@example.org>\nTo: bench@localhost\nSubject: Message {i}\n"
                f"Date: Mon, 23 Nov 2026 10:{i % 60:02d}:00 +0000\nMessage-ID: <bench-{i}@example.org>\n\n")
        line = f"Body line of message {i}, written for the benchmark; nothing interesting here.\n"
        body = head + line * max(1, (size - len(head)) // len(line))
        data = body.encode()
        lines = data.count(b"\n")
        path = maildir / f"{1700000000 + i}.b{i}.localhost,S={len(data)},W={len(data) + lines}:2,"
        path.write_bytes(data)
        os.chown(path, 8, 8)
        total += len(data) + lines
    return total


def main():
    cli = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rows = []
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        os.chmod(tmp, 0o755)
        stack = os.path.join(tmp, "stack")
        subprocess.run([str(ROOT / "scripts" / "mailstack"), "start", stack], check=True, capture_output=True)
        try:
            subprocess.run([str(ROOT / "scripts" / "mailstack"), "adduser", stack, USER, PASSWORD], check=True,
                           capture_output=True)
            env = dict(l.split("=", 1) for l in open(os.path.join(stack, "stack.env")).read().split() if "=" in l)
            wire = fill(pathlib.Path(stack) / "mail" / USER / "Maildir" / "cur", count)
            pw = os.path.join(tmp, "pw")
            open(pw, "w").write(PASSWORD + "\n")
            common = ["--host", env["MAIL_HOST"], "--ca", env["CA_CERT"], "--user", USER, "--password-file", pw]
            store = os.path.join(tmp, "store")
            stls = ["--security", "starttls", "--port", env["POP3_PORT"], *common]
            t, rss = run([cli, "pop3", "sync", *stls, "--store", store])
            rows.append(("tidings-cli pop3 sync (STLS, durable in groups)", t, rss))
            t, rss = run([cli, "pop3", "sync", *stls, "--headers-first", "--store", os.path.join(tmp, "store-hf")])
            rows.append(("tidings-cli pop3 sync --headers-first (as the application syncs)", t, rss))
            t, rss = run([cli, "pop3", "sync", *stls, "--store", store])
            rows.append(("tidings-cli no-new-mail resync", t, rss))
            t, rss = run([cli, "pop3", "sync", *stls, "--headers-only", "--store", os.path.join(tmp, "headers")])
            rows.append(("tidings-cli headers only into the store (TOP n 0, pipelined)", t, rss))
            t, rss = run([cli, "pop3", "list", *stls])
            rows.append(("tidings-cli pop3 list (TOP n 0, pipelined, nothing stored)", t, rss))
            # A wire with 25 ms each way (tests/tools/faultproxy.py) in front of the STLS port.
            portfile = os.path.join(tmp, "proxy-port")
            proxy = subprocess.Popen(["/usr/bin/python3", str(ROOT / "tests" / "tools" / "faultproxy.py"),
                                      "--listen-port-file", portfile, "--target",
                                      f"127.0.0.1:{env['POP3_PORT']}", "--latency", "25"])
            try:
                while not os.path.exists(portfile):
                    time.sleep(0.02)
                slow = ["--security", "starttls", "--port", open(portfile).read(), *common]
                t, rss = run([cli, "pop3", "sync", *slow, "--headers-only", "--store", os.path.join(tmp, "slow")])
                rows.append(("tidings-cli headers only, 25 ms each way", t, rss))
                # poplib cannot pipeline: 200 TOPs, scaled to the whole mailbox.
                n = min(200, count)
                script = (
                    "import poplib,ssl\n"
                    f"p=poplib.POP3('127.0.0.1',{open(portfile).read()})\n"
                    f"p.stls(ssl.create_default_context(cafile='{env['CA_CERT']}'))\n"
                    f"p.user('{USER}');p.pass_('{PASSWORD}')\n"
                    f"[p.top(i,0) for i in range(1,{n}+1)]\n"
                    "p.quit()\n")
                t, rss = run(["/usr/bin/python3", "-c", script])
                rows.append((f"Python poplib TOP loop, 25 ms each way ({n} measured, scaled to {count})",
                             t * count / n, rss))
            finally:
                proxy.kill()
                proxy.wait()
            script = (
                "import poplib,ssl\n"
                f"p=poplib.POP3('{env['MAIL_HOST']}',{env['POP3_PORT']})\n"
                f"p.stls(ssl.create_default_context(cafile='{env['CA_CERT']}'))\n"
                f"p.user('{USER}');p.pass_('{PASSWORD}')\n"
                "n=len(p.list()[1])\n"
                "[p.top(i,0) for i in range(1,n+1)]\n"
                "p.quit()\n")
            t, rss = run(["/usr/bin/python3", "-c", script])
            rows.append(("Python poplib TOP loop, local", t, rss))

            # mpop: pipelined, fsyncs every message.
            md = pathlib.Path(tmp) / "mpop-maildir"
            for sub in ("cur", "new", "tmp"):
                (md / sub).mkdir(parents=True)
            conf = os.path.join(tmp, "mpoprc")
            open(conf, "w").write(
                f"account bench\nhost {env['MAIL_HOST']}\nport {env['POP3_PORT']}\ntls on\ntls_starttls on\n"
                f"tls_trust_file {env['CA_CERT']}\nuser {USER}\npasswordeval cat {pw}\nauth user\n"
                f"delivery maildir {md}\nkeep on\nuidls_file {tmp}/mpop-uidls\n")
            os.chmod(conf, 0o600)
            t, rss = run(["mpop", "--file", conf, "--quiet", "bench"])
            rows.append(("mpop (pipelined, STLS, fsync each)", t, rss))

            # poplib: a plain RETR loop writing files.
            out = pathlib.Path(tmp) / "poplib"
            out.mkdir()
            script = (
                "import poplib,ssl,sys\n"
                f"p=poplib.POP3('{env['MAIL_HOST']}',{env['POP3_PORT']})\n"
                f"p.stls(ssl.create_default_context(cafile='{env['CA_CERT']}'))\n"
                f"p.user('{USER}');p.pass_('{PASSWORD}')\n"
                "n=len(p.list()[1])\n"
                "for i in range(1,n+1):\n"
                f"    open('{out}/%d'%i,'wb').write(b'\\r\\n'.join(p.retr(i)[1])+b'\\r\\n')\n"
                "p.quit()\n")
            t, rss = run(["/usr/bin/python3", "-c", script])
            rows.append(("Python poplib RETR loop (STLS, no fsync)", t, rss))
        finally:
            subprocess.run([str(ROOT / "scripts" / "mailstack"), "stop", stack], capture_output=True)
    print(f"POP3 benchmark: {count} messages, {wire / 1e6:.0f} MB on the wire, local Dovecot, {os.cpu_count()} CPUs\n")
    print("| client | time (s) | peak RSS (MB) |")
    print("|---|---:|---:|")
    for name, t, rss in rows:
        print(f"| {name} | {t:.2f} | {rss:.0f} |")
    times = {name: t for name, t, _ in rows}
    ours = rows[0][1]
    mpop = times["mpop (pipelined, STLS, fsync each)"]
    print(f"\nfull sync: tidings-cli / mpop = {ours / mpop:.2f}x (goal <= 0.8x)")
    print(f"peak RSS of tidings-cli: {max(r for n, _, r in rows if n.startswith('tidings')):.0f} MB (goal < 200 MB)")


if __name__ == "__main__":
    main()
