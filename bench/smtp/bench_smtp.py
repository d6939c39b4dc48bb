#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/smtp: sending through the local Postfix (submission, STARTTLS + AUTH),
tidings-cli next to Python's smtplib + email in the same run. Wall time and
peak RSS of each client process:
  - one message with a 25 MB attachment: `tidings-cli mime build` then
    `tidings-cli smtp send`, against EmailMessage.add_attachment + send_message;
  - a batch of small messages over one connection (one `smtp send` with all the
    files), against one smtplib connection sending the same files;
  - the batch again behind 25 ms each way (tests/tools/faultproxy.py --latency).
    smtplib waits for every reply (4 round trips a message): it sends a sample
    and is scaled to the batch, unless --python-full.
Every message is checked delivered before the next step starts, so Postfix's
delivery work does not run during someone else's measurement.

usage: bench_smtp.py PATH_TO_tidings-cli [--messages N] [--attachment-mb MB] [--python-full]
"""
import argparse
import email.policy
import email.utils
import os
import pathlib
import subprocess
import tempfile
import time
from email.message import EmailMessage

ROOT = pathlib.Path(__file__).resolve().parents[2]
USER, PASSWORD = "bench", "bench-password"
LATENCY_MS = 25
PYTHON_LATENCY_SAMPLE = 200


def run(cmd, stdout=subprocess.DEVNULL, **kw):
    """Wall seconds and peak RSS (MB) of one child process; exits on its failure."""
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a full pipe would stall the child
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=err, **kw)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(map(str, cmd[:3]))} failed ({os.waitstatus_to_exitcode(status)}): "
                             f"{err.read().decode(errors='replace')[-800:]}")
    return elapsed, usage.ru_maxrss / 1024


# The Python peer: what a careful script does with the standard library.
PY_BIG = """
import smtplib, ssl, sys
from email.message import EmailMessage
host, port, ca, user, pw, text, attachment = sys.argv[1:8]
m = EmailMessage()
m["From"] = f"Bench <{user}@localhost>"
m["To"] = f"{user}@localhost"
m["Subject"] = "big (python)"
m.set_content(open(text, encoding="utf-8").read())
with open(attachment, "rb") as f:
    m.add_attachment(f.read(), maintype="application", subtype="octet-stream", filename="big.bin")
s = smtplib.SMTP(host, int(port), timeout=600)
s.starttls(context=ssl.create_default_context(cafile=ca))
s.login(user, pw)
s.send_message(m)
s.quit()
"""

PY_BATCH = """
import email, email.policy, smtplib, ssl, sys
host, port, ca, user, pw = sys.argv[1:6]
s = smtplib.SMTP(host, int(port), timeout=600)
s.starttls(context=ssl.create_default_context(cafile=ca))
s.login(user, pw)
for path in sys.argv[6:]:
    with open(path, "rb") as f:
        s.send_message(email.message_from_binary_file(f, policy=email.policy.default))
s.quit()
"""


class Stack:
    def __init__(self, tmp):
        self.dir = os.path.join(tmp, "stack")
        self.script = str(ROOT / "scripts" / "mailstack")

    def __enter__(self):
        subprocess.run([self.script, "start", self.dir], check=True, capture_output=True)
        subprocess.run([self.script, "adduser", self.dir, USER, PASSWORD], check=True, capture_output=True)
        text = pathlib.Path(self.dir, "stack.env").read_text()
        self.env = dict(line.split("=", 1) for line in text.split() if "=" in line)
        self.maildir = pathlib.Path(self.dir) / "mail" / USER / "Maildir"
        return self

    def __exit__(self, *exc):
        subprocess.run([self.script, "stop", self.dir], capture_output=True)

    def delivered(self):
        return sum(len(os.listdir(self.maildir / sub)) for sub in ("new", "cur"))

    def wait_delivered(self, count, what):
        deadline = time.monotonic() + 300
        while self.delivered() < count:
            if time.monotonic() > deadline:
                raise SystemExit(f"{what}: only {self.delivered()} of {count} messages arrived")
            time.sleep(0.05)


class LatencyProxy:
    def __init__(self, tmp, port):
        portfile = os.path.join(tmp, f"proxy-port-{port}")
        self.proc = subprocess.Popen(["/usr/bin/python3", str(ROOT / "tests" / "tools" / "faultproxy.py"),
                                      "--listen-port-file", portfile, "--target", f"127.0.0.1:{port}",
                                      "--latency", str(LATENCY_MS)])
        while not os.path.exists(portfile):
            time.sleep(0.02)
        self.port = pathlib.Path(portfile).read_text()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.proc.kill()
        self.proc.wait()


def small_messages(directory, count):
    directory.mkdir()
    paths = []
    line = "A line of an ordinary short message, written for the benchmark.\n"
    for i in range(count):
        m = EmailMessage()
        m["From"] = f"Bench <{USER}@localhost>"
        m["To"] = f"{USER}@localhost"
        m["Subject"] = f"Batch message {i}"
        m["Date"] = email.utils.formatdate(1790000000 + i)
        m["Message-ID"] = f"<batch-{i}@bench.localhost>"
        m.set_content(f"Message {i}.\n" + line * 20)
        path = directory / f"{i:05d}.eml"
        path.write_bytes(m.as_bytes(policy=email.policy.SMTP))
        paths.append(str(path))
    return paths


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--attachment-mb", type=float, default=25)
    parser.add_argument("--python-full", action="store_true", help="no sampling behind latency")
    args = parser.parse_args()
    cli = os.path.abspath(args.cli)
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        os.chmod(tmp, 0o755)  # Dovecot's and Postfix's users must reach the stack inside
        with Stack(tmp) as stack:
            rows, figures = measure(args, cli, tmp, stack)
    report(args, rows, figures)


def measure(args, cli, tmp, stack):
    rows = []
    env = stack.env
    work = pathlib.Path(tmp)
    pw = work / "pw"
    pw.write_text(PASSWORD + "\n")
    send = [cli, "smtp", "send", "--host", env["MAIL_HOST"], "--security", "starttls", "--user", USER,
            "--password-file", str(pw), "--ca", env["CA_CERT"]]
    py_args = [env["MAIL_HOST"], env["SUBMISSION_PORT"], env["CA_CERT"], USER, PASSWORD]
    expected = 0

    # A first connection warms Postfix (smtpd, cleanup, the TLS and SASL paths) for both sides alike.
    run(["/usr/bin/python3", "-c", PY_BATCH, *py_args, *small_messages(work / "warm", 1)])
    expected += 1
    stack.wait_delivered(expected, "warm-up")

    # One message with a big attachment.
    attachment = work / "big.bin"
    size = int(args.attachment_mb * 1024 * 1024)
    with open(attachment, "wb") as f:
        for _ in range(size // (1 << 20)):
            f.write(os.urandom(1 << 20))
        f.write(os.urandom(size % (1 << 20)))
    text = work / "big.txt"
    text.write_text("The figures are attached.\n")
    big_eml = work / "big.eml"
    with open(big_eml, "wb") as out:
        build_s, build_rss = run([cli, "mime", "build", "--from", f"Bench <{USER}@localhost>", "--to",
                                  f"{USER}@localhost", "--subject", "big (tidings)", "--text", str(text),
                                  "--attach", str(attachment)], stdout=out)
    rows.append((f"tidings-cli mime build, {args.attachment_mb:g} MB attachment", build_s, build_rss))
    send_s, send_rss = run([*send, "--port", env["SUBMISSION_PORT"], str(big_eml)])
    rows.append((f"tidings-cli smtp send, that message ({big_eml.stat().st_size / 1e6:.1f} MB)", send_s, send_rss))
    expected += 1
    stack.wait_delivered(expected, "big message (tidings-cli)")
    big_s, big_rss = build_s + send_s, max(build_rss, send_rss)
    py_big_s, py_big_rss = run(["/usr/bin/python3", "-c", PY_BIG, *py_args, str(text), str(attachment)])
    rows.append(("Python EmailMessage.add_attachment + smtplib send_message", py_big_s, py_big_rss))
    expected += 1
    stack.wait_delivered(expected, "big message (Python)")

    # A batch over one connection.
    batch = small_messages(work / "batch", args.messages)
    batch_s, batch_rss = run([*send, "--port", env["SUBMISSION_PORT"], *batch])
    rows.append((f"tidings-cli smtp send, {args.messages} messages, one connection", batch_s, batch_rss))
    expected += args.messages
    stack.wait_delivered(expected, "batch (tidings-cli)")
    py_batch_s, py_batch_rss = run(["/usr/bin/python3", "-c", PY_BATCH, *py_args, *batch])
    rows.append((f"Python smtplib send_message, {args.messages} messages, one connection", py_batch_s,
                 py_batch_rss))
    expected += args.messages
    stack.wait_delivered(expected, "batch (Python)")

    # The batch behind latency.
    with LatencyProxy(tmp, env["SUBMISSION_PORT"]) as proxy:
        lat_s, lat_rss = run([*send, "--port", proxy.port, *batch])
        rows.append((f"tidings-cli, {args.messages} messages, {LATENCY_MS} ms each way", lat_s, lat_rss))
        expected += args.messages
        stack.wait_delivered(expected, "batch behind latency (tidings-cli)")
        sample = batch if args.python_full else batch[:min(PYTHON_LATENCY_SAMPLE, len(batch))]
        t, py_lat_rss = run(["/usr/bin/python3", "-c", PY_BATCH, env["MAIL_HOST"], proxy.port,
                             *py_args[2:], *sample])
        py_lat_s = t * len(batch) / len(sample)
        note = "" if len(sample) == len(batch) else f" ({len(sample)} sent, time scaled to {len(batch)})"
        rows.append((f"Python smtplib, {args.messages} messages, {LATENCY_MS} ms each way{note}", py_lat_s,
                     py_lat_rss))
        expected += len(sample)
        stack.wait_delivered(expected, "batch behind latency (Python)")
    return rows, (big_s, big_rss, py_big_s, py_big_rss, batch_s, py_batch_s, lat_s, py_lat_s)


def report(args, rows, figures):
    big_s, big_rss, py_big_s, py_big_rss, batch_s, py_batch_s, lat_s, py_lat_s = figures
    print(f"SMTP benchmark: local Postfix, submission port with STARTTLS + AUTH, {os.cpu_count()} CPUs\n")
    print("| client | time (s) | peak RSS (MB) |")
    print("|---|---:|---:|")
    for name, t, rss in rows:
        print(f"| {name} | {t:.2f} | {rss:.1f} |")
    limit = 2 * args.attachment_mb  # MB here are MiB, as ru_maxrss / 1024
    print()
    print(f"peak RSS of tidings-cli for the big message: {big_rss:.1f} MB "
          f"(goal < {limit:.1f} MB, twice the attachment): {'met' if big_rss < limit else 'NOT met'}")
    print(f"local batch: Python / tidings-cli = {py_batch_s / batch_s:.2f}x (goal >= 1.5x): "
          f"{'met' if py_batch_s / batch_s >= 1.5 else 'NOT met'}")
    print(f"batch behind {LATENCY_MS} ms: Python / tidings-cli = {py_lat_s / lat_s:.2f}x (goal >= 3x): "
          f"{'met' if py_lat_s / lat_s >= 3 else 'NOT met'}")
    print(f"smtp bench: big_s={big_s:.2f} big_rss_mb={big_rss:.1f} py_big_s={py_big_s:.2f} "
          f"py_big_rss_mb={py_big_rss:.1f} batch_s={batch_s:.2f} py_batch_s={py_batch_s:.2f} "
          f"lat_batch_s={lat_s:.2f} py_lat_batch_s={py_lat_s:.2f}")


if __name__ == "__main__":
    main()
