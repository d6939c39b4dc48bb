#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Peer test of the local mail stack (scripts/mailstack) with clients nobody here wrote.

Python's smtplib, poplib, ssl and email packages submit a MIME message through
Postfix (submission with STARTTLS, SMTPS) and fetch it back from Dovecot (POP3
with STLS, POP3S), byte for byte. This proves the stack the Tidings tests rely
on really does TLS with our certificate, SASL, 8-bit and binary content, and
refuses what it must refuse.

usage: /usr/bin/python3 tests/mailstack/test_roundtrip.py STATEFILE [unittest args]
STATEFILE holds the stack directory (written by scripts/mailstack-fixture setup).
"""

import base64
import contextlib
import email
import email.parser
import email.policy
import os
import poplib
import secrets
import smtplib
import socket
import ssl
import sys
import time
import unittest
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

USER = "tester"
PASSWORD = "T3st p@ss wörd"           # a space and non-ASCII on purpose
ADDRESS = f"{USER}@localhost"
DELIVERY_TIMEOUT = 20.0                # seconds; SMTP 250 only means "queued"
IO_TIMEOUT = 30.0
TRACE_HEADERS = (b"return-path", b"delivered-to", b"received")

ENV: dict[str, str] = {}


def load_env(statefile: str) -> dict[str, str]:
    with open(statefile, encoding="utf-8") as f:
        stack_dir = f.read().strip()
    env = {}
    with open(os.path.join(stack_dir, "stack.env"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                env[key] = value
    for key in ("MAILSTACK_DIR", "MAIL_HOST", "POP3_PORT", "POP3S_PORT",
                "SUBMISSION_PORT", "SMTPS_PORT", "CA_CERT"):
        if not env.get(key):
            raise SystemExit(f"stack.env in {stack_dir} lacks {key}")
    return env


def host() -> str:
    return ENV["MAIL_HOST"]


def port(key: str) -> int:
    return int(ENV[key])


def our_ca() -> ssl.SSLContext:
    # Verification fully on (CERT_REQUIRED, hostname check), trusting only our certificate.
    return ssl.create_default_context(cafile=ENV["CA_CERT"])


def sasl_plain(user: str, password: str) -> str:
    # RFC 4616: PLAIN carries UTF-8. smtplib.login() cannot be used: it encodes
    # SASL responses as ASCII and raises UnicodeEncodeError on this password.
    return base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode("ascii")


def smtp_auth(smtp: smtplib.SMTP, password: str = PASSWORD) -> tuple[int, bytes]:
    return smtp.docmd("AUTH", "PLAIN " + sasl_plain(USER, password))


def submission() -> smtplib.SMTP:
    smtp = smtplib.SMTP(host(), port("SUBMISSION_PORT"), timeout=IO_TIMEOUT)
    smtp.ehlo()
    smtp.starttls(context=our_ca())
    smtp.ehlo()
    return smtp


def smtps() -> smtplib.SMTP:
    smtp = smtplib.SMTP_SSL(host(), port("SMTPS_PORT"), context=our_ca(), timeout=IO_TIMEOUT)
    smtp.ehlo()
    return smtp


def pop3_stls(login: bool = True, password: str = PASSWORD) -> poplib.POP3:
    pop = poplib.POP3(host(), port("POP3_PORT"), timeout=IO_TIMEOUT)
    try:
        pop.stls(context=our_ca())
        if login:
            pop.user(USER)
            pop.pass_(password)
    except BaseException:
        close_quietly(pop)
        raise
    return pop


def pop3s(login: bool = True, password: str = PASSWORD) -> poplib.POP3_SSL:
    pop = poplib.POP3_SSL(host(), port("POP3S_PORT"), context=our_ca(), timeout=IO_TIMEOUT)
    try:
        if login:
            pop.user(USER)
            pop.pass_(password)
    except BaseException:
        close_quietly(pop)
        raise
    return pop


def close_quietly(client) -> None:
    # After a failed TLS handshake the socket is already gone; closing again fails.
    with contextlib.suppress(OSError):
        client.close()


def message_number(pop: poplib.POP3, message_id: str) -> int | None:
    count, _ = pop.stat()
    for number in range(1, count + 1):
        _, lines, _ = pop.top(number, 0)
        headers = email.parser.BytesHeaderParser(policy=email.policy.default).parsebytes(
            b"\r\n".join(lines) + b"\r\n\r\n")
        if headers.get("Message-ID", "").strip() == message_id:
            return number
    return None


def retrieve(pop: poplib.POP3, number: int) -> bytes:
    # poplib removes the dot-stuffing and the line ends; put the CRLFs back.
    _, lines, _ = pop.retr(number)
    return b"".join(line + b"\r\n" for line in lines)


def split_trace(raw: bytes) -> tuple[list[bytes], bytes]:
    """Separates the trace headers Postfix and Dovecot prepend from the rest."""
    lines = raw.split(b"\r\n")
    trace: list[bytes] = []
    i = 0
    while i < len(lines):
        name = lines[i].split(b":", 1)[0].strip().lower()
        if name not in TRACE_HEADERS:
            break
        field = lines[i]
        i += 1
        while i < len(lines) and lines[i][:1] in (b" ", b"\t"):   # folded continuation
            field += b"\r\n" + lines[i]
            i += 1
        trace.append(field)
    return trace, b"\r\n".join(lines[i:])


def first_difference(a: bytes, b: bytes) -> str:
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return (f"lengths {len(a)} vs {len(b)}; first difference at byte {n}: "
            f"{a[max(0, n - 40):n + 40]!r} vs {b[max(0, n - 40):n + 40]!r}")


class MailStackRoundTrip(unittest.TestCase):
    maxDiff = 2000

    # -- helpers -------------------------------------------------------------

    def build_message(self, via: str) -> tuple[str, bytes, bytes, str]:
        token = secrets.token_hex(8)
        message_id = make_msgid(idstring=token, domain="roundtrip.tidings.test")
        text = (
            f"Round trip via {via}, token {token}.\n"
            "Grüße aus Köln – 你好，世界 – Ωμέγα – 🙂\n"
            ".\n"                                  # a lone dot: SMTP and POP3 dot-stuffing
            ".leading dot survives stuffing\n"
            "From the start of a line (mbox would escape this)\n"
        )
        # Every byte value at least once, the rest random: a binary attachment.
        blob = bytes(range(256)) + os.urandom(200 * 1024 - 256)

        msg = EmailMessage(policy=email.policy.SMTP)
        msg["From"] = f"Tidings Peer Test <{ADDRESS}>"
        msg["To"] = ADDRESS
        msg["Subject"] = f"Round trip – Grüße 你好 {token}"
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = message_id
        msg.set_content(text, charset="utf-8", cte="8bit")
        msg.add_attachment(blob, maintype="application", subtype="octet-stream",
                           filename="random-200k.bin")
        raw = msg.as_bytes()
        self.assertIn(b"multipart/mixed", raw)
        self.assertIn("Grüße".encode(), raw)       # really 8-bit on the wire
        self.addCleanup(self.delete_message, message_id)
        return message_id, raw, blob, text

    def send(self, smtp: smtplib.SMTP, raw: bytes) -> None:
        code, reply = smtp_auth(smtp)
        self.assertEqual(code, 235, reply)
        refused = smtp.sendmail(ADDRESS, [ADDRESS], raw, mail_options=["BODY=8BITMIME"])
        self.assertEqual(refused, {})
        smtp.quit()

    def wait_for(self, message_id: str) -> None:
        # A POP3 session sees the maildrop as it was at login: poll with new sessions.
        deadline = time.monotonic() + DELIVERY_TIMEOUT
        while True:
            pop = pop3s()
            try:
                if message_number(pop, message_id) is not None:
                    return
            finally:
                pop.quit()
            if time.monotonic() > deadline:
                self.fail(f"{message_id} not delivered within {DELIVERY_TIMEOUT:g} s")
            time.sleep(0.05)

    def fetch(self, pop: poplib.POP3, message_id: str) -> bytes:
        try:
            number = message_number(pop, message_id)
            self.assertIsNotNone(number, f"{message_id} is not in the maildrop")
            return retrieve(pop, number)
        finally:
            pop.quit()

    def assert_delivered_intact(self, delivered: bytes, sent: bytes, blob: bytes,
                                text: str) -> None:
        trace, rest = split_trace(delivered)
        names = [t.split(b":", 1)[0].lower() for t in trace]
        self.assertEqual(names[:2], [b"return-path", b"delivered-to"], trace)
        self.assertGreaterEqual(names.count(b"received"), 2, trace)  # Postfix and Dovecot
        self.assertEqual(trace[0], f"Return-Path: <{ADDRESS}>".encode())
        self.assertTrue(rest == sent, first_difference(rest, sent))

        parsed = email.message_from_bytes(rest, policy=email.policy.default)
        self.assertEqual(parsed.get_content_type(), "multipart/mixed")
        # The decoded text keeps the wire's CRLF line ends.
        self.assertEqual(parsed.get_body(("plain",)).get_content().replace("\r\n", "\n"), text)
        attachments = list(parsed.iter_attachments())
        self.assertEqual(len(attachments), 1)
        self.assertEqual(attachments[0].get("Content-Transfer-Encoding"), "base64")
        self.assertEqual(attachments[0].get_filename(), "random-200k.bin")
        self.assertTrue(attachments[0].get_content() == blob, "attachment bytes differ")

    def delete_message(self, message_id: str) -> None:
        pop = pop3s()
        try:
            number = message_number(pop, message_id)
            if number is not None:
                pop.dele(number)
        finally:
            pop.quit()            # QUIT commits the DELE (RFC 1939 UPDATE state)

    # -- tests ---------------------------------------------------------------

    def test_submission_starttls_then_pop3_stls_and_pop3s(self):
        message_id, sent, blob, text = self.build_message("submission+STARTTLS")
        self.send(submission(), sent)
        self.wait_for(message_id)

        pop = poplib.POP3(host(), port("POP3_PORT"), timeout=IO_TIMEOUT)
        self.assertIn("STLS", pop.capa())
        self.assertNotIsInstance(pop.sock, ssl.SSLSocket)
        pop.stls(context=our_ca())
        # Dovecot counts loopback as secured and would accept USER/PASS in the
        # clear, so prove the upgrade on the client side.
        self.assertIsInstance(pop.sock, ssl.SSLSocket)
        self.assertIn(pop.sock.version(), ("TLSv1.2", "TLSv1.3"))
        self.assertEqual(dict(x[0] for x in pop.sock.getpeercert()["subject"])["commonName"],
                         "localhost")
        pop.user(USER)
        pop.pass_(PASSWORD)
        via_stls = self.fetch(pop, message_id)
        self.assert_delivered_intact(via_stls, sent, blob, text)

        pop = pop3s()
        self.assertIsInstance(pop.sock, ssl.SSLSocket)
        via_pop3s = self.fetch(pop, message_id)
        self.assert_delivered_intact(via_pop3s, sent, blob, text)
        self.assertEqual(via_stls, via_pop3s)

    def test_smtps_wrapper_mode_sends(self):
        message_id, sent, blob, text = self.build_message("SMTPS")
        smtp = smtps()
        self.assertIsInstance(smtp.sock, ssl.SSLSocket)
        self.send(smtp, sent)
        self.wait_for(message_id)
        self.assert_delivered_intact(self.fetch(pop3s(), message_id), sent, blob, text)

    def test_submission_refuses_auth_before_starttls(self):
        smtp = smtplib.SMTP(host(), port("SUBMISSION_PORT"), timeout=IO_TIMEOUT)
        try:
            smtp.ehlo()
            self.assertTrue(smtp.has_extn("starttls"))
            self.assertFalse(smtp.has_extn("auth"), "AUTH offered before STARTTLS")
            with self.assertRaises(smtplib.SMTPNotSupportedError):
                smtp.login(USER, PASSWORD)
            code, reply = smtp_auth(smtp)             # and the server refuses it outright
            self.assertTrue(500 <= code < 600, (code, reply))
            code, reply = smtp.docmd("MAIL", f"FROM:<{ADDRESS}>")
            self.assertTrue(500 <= code < 600, (code, reply))
        finally:
            smtp.close()

    def test_submission_refuses_wrong_password(self):
        smtp = submission()
        try:
            self.assertTrue(smtp.has_extn("auth"))
            code, reply = smtp_auth(smtp, "wrong " + PASSWORD)
            self.assertEqual(code, 535, reply)
        finally:
            smtp.close()

    def test_submission_delivers_nowhere_but_localhost(self):
        smtp = submission()
        try:
            code, reply = smtp_auth(smtp)
            self.assertEqual(code, 235, reply)
            with self.assertRaises(smtplib.SMTPRecipientsRefused):
                smtp.sendmail(ADDRESS, ["someone@example.com"], b"Subject: x\r\n\r\nx\r\n")
            with self.assertRaises(smtplib.SMTPRecipientsRefused):
                smtp.sendmail(ADDRESS, ["nobody@localhost"], b"Subject: x\r\n\r\nx\r\n")
        finally:
            smtp.close()

    def test_pop3_refuses_wrong_password(self):
        with self.assertRaises(poplib.error_proto):
            pop3_stls(password=PASSWORD + "x")
        with self.assertRaises(poplib.error_proto):
            pop3s(password=PASSWORD.encode("utf-8").decode("latin-1"))   # mojibake is wrong too

    def test_certificate_is_ours_and_verification_is_on(self):
        system = ssl.create_default_context()          # the system CA store only
        with self.assertRaises(ssl.SSLCertVerificationError):
            poplib.POP3_SSL(host(), port("POP3S_PORT"), context=system, timeout=IO_TIMEOUT)
        pop = poplib.POP3(host(), port("POP3_PORT"), timeout=IO_TIMEOUT)
        try:
            with self.assertRaises(ssl.SSLCertVerificationError):
                pop.stls(context=system)
        finally:
            close_quietly(pop)
        smtp = smtplib.SMTP(host(), port("SUBMISSION_PORT"), timeout=IO_TIMEOUT)
        try:
            with self.assertRaises(ssl.SSLCertVerificationError):
                smtp.starttls(context=system)
        finally:
            close_quietly(smtp)
        with self.assertRaises(ssl.SSLCertVerificationError):
            smtplib.SMTP_SSL(host(), port("SMTPS_PORT"), context=system, timeout=IO_TIMEOUT)

        # Our CA verifies both names in the certificate and rejects any other.
        for name in ("localhost", "127.0.0.1"):
            raw = socket.create_connection((host(), port("POP3S_PORT")), timeout=IO_TIMEOUT)
            with our_ca().wrap_socket(raw, server_hostname=name) as tls:
                self.assertTrue(tls.recv(64).startswith(b"+OK"))
        raw = socket.create_connection((host(), port("POP3S_PORT")), timeout=IO_TIMEOUT)
        try:
            with self.assertRaises(ssl.SSLCertVerificationError):
                our_ca().wrap_socket(raw, server_hostname="example.com")
        finally:
            raw.close()

def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    ENV.update(load_env(sys.argv[1]))
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:], verbosity=2)


if __name__ == "__main__":
    main()
