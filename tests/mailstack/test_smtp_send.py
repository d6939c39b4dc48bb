#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`tidings-cli smtp send` against the real Postfix (submission with STARTTLS +
AUTH, SMTPS), messages built by `tidings-cli mime build`, delivery checked by
fetching with poplib and parsing with Python's email package; and the failures
of issue 12 item 7: wrong password, refused recipient, STARTTLS refused (fails
closed), connection dropped mid-data, a server that stalls after the data, all
through tests/tools/faultproxy.py where a fault is needed.

usage: test_smtp_send.py STATEFILE PATH_TO_tidings-cli
"""
import email
import email.policy
import hashlib
import os
import pathlib
import poplib
import re
import smtplib
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import uuid
import zlib
import struct

ROOT = pathlib.Path(__file__).resolve().parents[2]
ENV = {}
CLI = None
# tidings-cli smtp send's exit codes.
EXIT_OK, EXIT_AUTHENTICATION, EXIT_STARTTLS, EXIT_TIMEOUT, EXIT_CONNECTION, EXIT_REFUSED = 0, 3, 5, 6, 10, 11

# Users of this test only: other tests count the fixture user's mail.
SENDER, SENDER_PW = "smtpsender", "Sënder pw 发送"   # non-ASCII and a space: AUTH must carry UTF-8
BATCH, BATCH_PW = "smtpbatch", "batch-pw"           # its logins identify the batch's connection in Postfix's log
RECIPIENTS = {"alice": "alice-pw", "bob": "bob-pw", "carol": "carol-pw"}
DELIVERY_WAIT = 30  # seconds; Postfix hands mail to Dovecot in well under one


def load_env(statefile):
    stack = open(statefile, encoding="utf-8").read().strip()
    env = {}
    for line in open(os.path.join(stack, "stack.env"), encoding="utf-8"):
        key, sep, value = line.strip().partition("=")
        if sep:
            env[key] = value
    return env


def adduser(user, password):
    subprocess.run([str(ROOT / "scripts" / "mailstack"), "adduser", ENV["MAILSTACK_DIR"], user, password], check=True,
                   capture_output=True, timeout=60)


def png(width=4, height=3):
    """A small valid PNG (the inline image)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes([200, 30 * y, 40, 255] * width) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def mailbox(user):
    """Every message in USER's mailbox, parsed, with its raw bytes (POP3S, poplib un-stuffs the dots)."""
    ctx = ssl.create_default_context(cafile=ENV["CA_CERT"])
    pop = poplib.POP3_SSL(ENV["MAIL_HOST"], int(ENV["POP3S_PORT"]), context=ctx, timeout=30)
    try:
        pop.user(user)
        pop.pass_(RECIPIENTS.get(user) or {SENDER: SENDER_PW, BATCH: BATCH_PW}[user])
        count = len(pop.list()[1])
        raws = [b"".join(line + b"\r\n" for line in pop.retr(i)[1]) for i in range(1, count + 1)]
    finally:
        pop.quit()
    return [(raw, email.message_from_bytes(raw, policy=email.policy.default)) for raw in raws]


def with_token(user, token):
    return [(raw, msg) for raw, msg in mailbox(user) if token in str(msg["subject"])]


def wait_for(user, token, count=1):
    deadline = time.monotonic() + DELIVERY_WAIT
    while True:
        found = with_token(user, token)
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def postfix_log():
    return (pathlib.Path(ENV["MAILSTACK_DIR"]) / "log" / "postfix.log").read_text(errors="replace")


class FaultProxy:
    """tests/tools/faultproxy.py in front of a Postfix port; its --log in self.log."""

    def __init__(self, port, *options):
        self.dir = tempfile.TemporaryDirectory()
        portfile = os.path.join(self.dir.name, "port")
        self.log = os.path.join(self.dir.name, "proxy.log")
        self.proc = subprocess.Popen(["/usr/bin/python3", str(ROOT / "tests" / "tools" / "faultproxy.py"),
                                      "--listen-port-file", portfile, "--target", f"127.0.0.1:{port}",
                                      "--log", self.log, *options])
        deadline = time.monotonic() + 10
        while not os.path.exists(portfile):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("faultproxy did not start")
            time.sleep(0.02)
        self.port = int(pathlib.Path(portfile).read_text())

    def client_commands(self):
        text = pathlib.Path(self.log).read_text(encoding="utf-8") if os.path.exists(self.log) else ""
        return [line.split(" C: ", 1)[1] for line in text.splitlines() if " C: " in line]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.proc.kill()
        self.proc.wait()
        self.dir.cleanup()


class SmtpSendTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        for user, password in [(SENDER, SENDER_PW), (BATCH, BATCH_PW), *RECIPIENTS.items()]:
            adduser(user, password)

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.tmp.name)
        self.token = uuid.uuid4().hex[:12]

    def tearDown(self):
        self.tmp.cleanup()

    def build(self, name="message.eml", to=("张三 <alice@localhost>",), cc=(), bcc=(), subject=None, text=None,
              html=None, attach=(), inline=()):
        """`tidings-cli mime build` in self.dir (so --inline and the HTML's src name the same file)."""
        args = [CLI, "mime", "build", "--from", f"发件人 Sender <{SENDER}@localhost>"]
        for option, values in (("--to", to), ("--cc", cc), ("--bcc", bcc)):
            for value in values:
                args += [option, value]
        args += ["--subject", subject or f"测试邮件 {self.token}"]
        for option, content in (("--text", text), ("--html", html)):
            if content is not None:
                path = self.dir / f"{name}.{option[2:]}"
                path.write_text(content, encoding="utf-8")
                args += [option, str(path)]
        for path in attach:
            args += ["--attach", str(path)]
        for path in inline:
            args += ["--inline", path]
        r = subprocess.run(args, capture_output=True, cwd=self.dir, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode(errors="replace"))
        out = self.dir / name
        out.write_bytes(r.stdout)
        return out

    def send(self, *messages, security="starttls", port=None, user=SENDER, password=SENDER_PW, extra=(), timeout=120):
        pw = self.dir / "password"
        pw.write_text(password + "\n", encoding="utf-8")
        port = port or (ENV["SUBMISSION_PORT"] if security == "starttls" else ENV["SMTPS_PORT"])
        args = [CLI, "smtp", "send", "--host", ENV["MAIL_HOST"], "--port", str(port), "--security", security,
                "--user", user, "--password-file", str(pw), "--ca", ENV["CA_CERT"], *extra, *map(str, messages)]
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout)

    def assert_not_delivered(self, user, token):
        """Nothing with TOKEN reached USER: a later message sent by smtplib arrives first."""
        sentinel = f"sentinel {uuid.uuid4().hex[:12]}"
        ctx = ssl.create_default_context(cafile=ENV["CA_CERT"])
        with smtplib.SMTP_SSL(ENV["MAIL_HOST"], int(ENV["SMTPS_PORT"]), context=ctx, timeout=30) as s:
            s.login(BATCH, BATCH_PW)
            s.sendmail(f"{BATCH}@localhost", [f"{user}@localhost"],
                       f"From: {BATCH}@localhost\r\nTo: {user}@localhost\r\nSubject: {sentinel}\r\n\r\nx\r\n")
        self.assertTrue(wait_for(user, sentinel), "the sentinel message never arrived")
        self.assertEqual(len(with_token(user, token)), 0, f"a message with {token} reached {user}")

    def rich_message(self):
        """Text, HTML with an inline image, a Chinese-named attachment, To/Cc/Bcc with Chinese names."""
        attachment = self.dir / "季度报告（终稿）2026.bin"
        attachment.write_bytes(os.urandom(300_000))
        (self.dir / "logo.png").write_bytes(png())
        text = f"你好，附件是季度报告。\nPlain body {self.token}\n"
        html = (f"<html><body><p>你好，<b>附件</b>是季度报告。</p><p>HTML body {self.token}</p>"
                f'<img src="logo.png" alt="logo"></body></html>')
        path = self.build(to=["张三 <alice@localhost>"], cc=["Bob Li 李 <bob@localhost>"], bcc=["carol@localhost"],
                          text=text, html=html, attach=[attachment], inline=["logo.png"])
        return path, attachment, text

    def check_rich_delivery(self, attachment, text):
        copies = {user: wait_for(user, self.token) for user in ("alice", "bob", "carol")}
        for user, found in copies.items():
            self.assertEqual(len(found), 1, f"{user} got {len(found)} copies")
        for user, [(raw, msg)] in copies.items():
            with self.subTest(user=user):
                self.assertEqual(str(msg["subject"]), f"测试邮件 {self.token}")
                self.assertEqual(msg["from"].addresses[0].display_name, "发件人 Sender")
                self.assertEqual(msg["to"].addresses[0].display_name, "张三")
                self.assertEqual(msg["to"].addresses[0].addr_spec, "alice@localhost")
                self.assertEqual(msg["cc"].addresses[0].display_name, "Bob Li 李")
                # The Bcc recipient got it, and nobody can see that.
                self.assertIsNone(msg["bcc"])
                if user != "carol":
                    self.assertNotIn(b"carol", raw.lower())
                plain = msg.get_body(("plain",))
                self.assertEqual(plain.get_content().replace("\r\n", "\n").rstrip("\n"), text.rstrip("\n"))
                html = msg.get_body(("html",)).get_content()
                self.assertIn(f"HTML body {self.token}", html)
                self.assertIn("<b>附件</b>", html)
                cid = re.search(r'src="cid:([^"]+)"', html)
                self.assertIsNotNone(cid, "the inline image's src was not rewritten to cid:")
                images = [p for p in msg.walk() if p.get("content-id", "").strip("<>") == cid.group(1)]
                self.assertEqual(len(images), 1, "the cid: does not resolve")
                self.assertEqual(images[0].get_payload(decode=True), png())
                attached = [p for p in msg.iter_attachments() if p.get_filename() == attachment.name]
                self.assertEqual(len(attached), 1, [p.get_filename() for p in msg.iter_attachments()])
                self.assertEqual(hashlib.sha256(attached[0].get_payload(decode=True)).hexdigest(),
                                 hashlib.sha256(attachment.read_bytes()).hexdigest())

    # ------------------------------------------------------------------ deliveries

    def test_starttls_on_submission_delivers_everything(self):
        path, attachment, text = self.rich_message()
        r = self.send(path, security="starttls")
        self.assertEqual(r.returncode, EXIT_OK, r.stderr)
        self.check_rich_delivery(attachment, text)

    def test_smtps_delivers_everything(self):
        path, attachment, text = self.rich_message()
        r = self.send(path, security="tls")
        self.assertEqual(r.returncode, EXIT_OK, r.stderr)
        self.check_rich_delivery(attachment, text)

    def test_several_messages_over_one_connection(self):
        paths = [self.build(name=f"m{i}.eml", to=[f"{user}@localhost"], subject=f"batch {i} {self.token}",
                            text=f"message {i}\n") for i, user in enumerate(["alice", "bob", "carol", "alice"])]
        before = len(postfix_log())
        r = self.send(*paths, user=BATCH, password=BATCH_PW)
        self.assertEqual(r.returncode, EXIT_OK, r.stderr)
        self.assertEqual(len(wait_for("alice", self.token, 2)), 2)
        self.assertEqual(len(wait_for("bob", self.token)), 1)
        self.assertEqual(len(wait_for("carol", self.token)), 1)
        # Postfix names a connection by its smtpd's pid from "connect from" to "disconnect from"; the queue
        # ids of our login fall inside it, and those that reached the queue manager were accepted.
        log = postfix_log()[before:]
        queued = set(re.findall(r"\]: ([0-9A-F]+): from=<", log))
        connections, current = [], {}
        for line in log.splitlines():
            m = re.search(r"postfix/(?:submission|smtps)/smtpd\[(\d+)\]: (.*)", line)
            if not m:
                continue
            pid, what = m.groups()
            if what.startswith("connect from"):
                current[pid] = {"queued": set(), "summary": ""}
                connections.append(current[pid])
            elif f"sasl_username={BATCH}" in what and pid in current:
                current[pid]["queued"] |= {what.split(":")[0]} & queued
            elif what.startswith("disconnect from") and pid in current:
                current.pop(pid)["summary"] = what
        ours = [c for c in connections if c["queued"]]
        self.assertEqual(len(ours), 1, f"the batch used {len(ours)} connections: {ours}")
        self.assertEqual(len(ours[0]["queued"]), 4)
        self.assertRegex(ours[0]["summary"], r"\bdata=4\b|\bbdat=\d+\b")

    # ------------------------------------------------------------------ failures

    def test_wrong_password_is_refused_with_the_servers_words(self):
        path = self.build(text="x\n")
        r = self.send(path, password="not the password")
        self.assertEqual(r.returncode, EXIT_AUTHENTICATION, r.stderr)
        self.assertIn("535", r.stderr)
        self.assertIn("authentication failed", r.stderr.lower())  # Postfix: "5.7.8 Error: authentication failed"
        self.assert_not_delivered("alice", self.token)

    def test_refused_recipient_sends_nothing_and_names_it(self):
        path = self.build(to=["alice@localhost", "Nobody 无名 <nobody@localhost>"], text="x\n")
        r = self.send(path)
        self.assertEqual(r.returncode, EXIT_REFUSED, r.stderr)
        self.assertIn("nobody@localhost", r.stderr)
        self.assertIn("User unknown in virtual mailbox table", r.stderr)  # Postfix's words
        self.assertIn("550", r.stderr)
        self.assert_not_delivered("alice", self.token)

    def refused_starttls_fails_closed(self, *proxy_options):
        path = self.build(text="x\n")
        with FaultProxy(ENV["SUBMISSION_PORT"], "--refuse-starttls", *proxy_options) as proxy:
            r = self.send(path, port=proxy.port)
            commands = proxy.client_commands()
        self.assertEqual(r.returncode, EXIT_STARTTLS, r.stderr)
        self.assertTrue(any(c.upper().startswith(("EHLO", "HELO")) for c in commands), commands)  # it came through us
        self.assertFalse([c for c in commands if c.upper().startswith(("AUTH", "MAIL", "RCPT", "DATA", "BDAT"))],
                         commands)
        self.assert_not_delivered("alice", self.token)
        return commands, r.stderr

    def test_starttls_not_offered_fails_closed(self):
        self.refused_starttls_fails_closed()

    def test_starttls_offered_then_refused_fails_closed(self):
        commands, stderr = self.refused_starttls_fails_closed("--keep-starttls-offer")
        self.assertIn("STARTTLS", [c.upper() for c in commands])
        self.assertIn("TLS not available", stderr)  # the refusal's words reach the user

    def test_connection_dropped_mid_data_is_not_delivered(self):
        attachment = self.dir / "big.bin"
        attachment.write_bytes(os.urandom(400_000))
        path = self.build(text="x\n", attach=[attachment])
        before = len(postfix_log())
        # Under TLS the proxy counts the client's bytes: 16 KB (the handshake and commands stay far below)
        # plus 100 KB falls inside the 540 KB of data.
        with FaultProxy(ENV["SUBMISSION_PORT"], "--drop-mid-data", "100000") as proxy:
            r = self.send(path, port=proxy.port)
            log = pathlib.Path(proxy.log).read_text()
        self.assertEqual(r.returncode, EXIT_CONNECTION, r.stderr)
        self.assertIn("dropping the connection", log)
        self.assertRegex(postfix_log()[before:], r"lost connection after (DATA|BDAT)")
        self.assert_not_delivered("alice", self.token)

    def test_server_stalling_after_the_data_times_out(self):
        attachment = self.dir / "big.bin"
        attachment.write_bytes(os.urandom(100_000))
        path = self.build(text="x\n", attach=[attachment])
        with FaultProxy(ENV["SUBMISSION_PORT"], "--stall-after-data") as proxy:
            start = time.monotonic()
            r = self.send(path, port=proxy.port, extra=["--timeout", "3"], timeout=60)
            elapsed = time.monotonic() - start
            log = pathlib.Path(proxy.log).read_text()
        self.assertEqual(r.returncode, EXIT_TIMEOUT, r.stderr)
        self.assertIn("stalled", log)
        self.assertLess(elapsed, 30)
        self.assertGreater(elapsed, 2.5)   # it did wait for the verdict


if __name__ == "__main__":
    ENV = load_env(sys.argv.pop(1))
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
