#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Messages written by `tidings-cli mime build`, read by Python's email package (an independent
MIME implementation, policy=default): it must find what was put in (subject, addresses, both
bodies, attachment bytes by SHA-256, the inline image under the Content-ID the HTML's cid:
names, Bcc kept in the file), and our own reader (`mime show --json`) must agree with it.

usage: test_built_parity.py PATH_TO_tidings-cli
"""
import email
import email.policy
import email.utils
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import unittest

CLI = None


def sha(data):
    return hashlib.sha256(data).hexdigest()


def norm(text):
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def addresses(msg, field):
    value = msg[field]
    return [(a.display_name, a.addr_spec) for a in value.addresses] if value is not None else []


class BuiltParityTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def file(self, name, data):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def build(self, *args):
        r = subprocess.run([CLI, "mime", "build", *map(str, args)], capture_output=True,
                           timeout=60, cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        raw = r.stdout
        path = self.file("built-%d.eml" % len(list(self.dir.glob("built-*.eml"))), raw)
        self.check_wire_form(raw)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        self.assertEqual(msg.defects, [])
        for part in msg.walk():
            self.assertEqual(part.defects, [], part.get_content_type())
        return raw, msg, path

    def check_wire_form(self, raw):
        self.assertTrue(all(b < 0x80 for b in raw), "an 8-bit byte in the message")
        self.assertNotIn(b"\n", raw.replace(b"\r\n", b""), "a bare LF")
        self.assertNotIn(b"\r", raw.replace(b"\r\n", b""), "a bare CR")
        header = raw.split(b"\r\n\r\n", 1)[0]
        self.assertRegex(header, rb"(?m)^Mime-Version: 1\.0\r?$")
        self.assertRegex(header, rb"(?m)^Date: ")

    def ours(self, path):
        r = subprocess.run([CLI, "mime", "show", "--json", str(path)], capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return json.loads(r.stdout)

    def agree_with_our_reader(self, msg, path):
        mine = self.ours(path)
        self.assertEqual(mine["subject"], str(msg["subject"]))
        for field in ("from", "to", "cc"):
            self.assertEqual([(a["name"], a["address"]) for a in mine[field]], addresses(msg, field), field)
        self.assertEqual(mine["message_id"], str(msg["message-id"]).strip("<>"))
        plain, html = msg.get_body(("plain",)), msg.get_body(("html",))
        self.assertEqual(norm(mine["text"] or ""), norm(plain.get_content()) if plain else "")
        self.assertEqual(mine["html"] is not None, html is not None)
        if html is not None:
            self.assertEqual(norm(mine["html"]), norm(html.get_content()))
        theirs = [(p.get_filename(), p.get_content_type(), len(p.get_payload(decode=True)))
                  for p in msg.iter_attachments()]
        self.assertEqual([(a["filename"], a["content_type"], a["size"])
                          for a in mine["attachments"] if not a["inline"]], theirs)

    def test_plain(self):
        text = self.file("body.txt", "Hello Bob,\n\nTwo paragraphs.\n.\nFrom the start of a line\n")
        raw, msg, path = self.build("--from", "Ann Example <ann@example.org>", "--to", "bob@example.com",
                                    "--subject", "Plain and simple", "--text", text)
        self.assertEqual(msg.get_content_type(), "text/plain")
        self.assertEqual(msg["content-transfer-encoding"], "quoted-printable")
        self.assertEqual(str(msg["subject"]), "Plain and simple")
        self.assertEqual(addresses(msg, "from"), [("Ann Example", "ann@example.org")])
        self.assertEqual(addresses(msg, "to"), [("", "bob@example.com")])
        self.assertEqual(norm(msg.get_content()), norm(text.read_text()))
        self.assertIsNone(msg["bcc"])
        self.assertRegex(str(msg["message-id"]), r"^<[A-Za-z0-9_-]{20,}@example\.org>$")
        self.assertIsNotNone(email.utils.parsedate_to_datetime(str(msg["date"])))
        self.agree_with_our_reader(msg, path)

    def test_html_gets_a_readable_plain_alternative(self):
        html = self.file("page.html", "<html><head><style>p{}</style></head><body><p>Hello <b>Bob</b> &amp; all</p>"
                                      "<ul><li>one</li><li>two</li></ul>"
                                      "<p><a href=\"https://example.com/\">the site</a></p></body></html>")
        raw, msg, path = self.build("--from", "ann@example.org", "--to", "bob@example.com",
                                    "--subject", "Rich", "--html", html)
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        self.assertEqual([p.get_content_type() for p in msg.iter_parts()], ["text/plain", "text/html"])
        self.assertEqual(norm(msg.get_body(("html",)).get_content()), norm(html.read_text()))
        plain = norm(msg.get_body(("plain",)).get_content())
        self.assertEqual(plain, "Hello Bob & all\n\n- one\n- two\n\nthe site <https://example.com/>")
        self.agree_with_our_reader(msg, path)

    def test_html_with_inline_images(self):
        cat = self.file("cat.png", b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
        dog = self.file("pics/dog.png", b"\x89PNG\r\n\x1a\n" + os.urandom(3000))
        html = self.file("page.html", '<p>A cat <img src="cat.png"> and a dog <img alt="dog" src="pics/dog.png"></p>')
        raw, msg, path = self.build("--from", "ann@example.org", "--to", "bob@example.com", "--subject", "Pets",
                                    "--html", html, "--inline", "cat.png", "--inline", dog)
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        related = msg.get_payload()[1]
        self.assertEqual(related.get_content_type(), "multipart/related")
        self.assertEqual(related.get_param("type"), "text/html")
        body = msg.get_body(("html",)).get_content()
        cids = re.findall(r'src="cid:([^"]+)"', body)
        self.assertEqual(len(cids), 2, body)
        self.assertNotIn("cat.png\"", body)
        self.assertNotIn("dog.png\"", body)
        images = {str(p["content-id"]).strip("<>"): p for p in related.iter_parts() if p["content-id"]}
        self.assertEqual(sorted(images), sorted(cids))
        self.assertEqual(sha(images[cids[0]].get_content()), sha(cat.read_bytes()))
        self.assertEqual(sha(images[cids[1]].get_content()), sha(dog.read_bytes()))
        self.assertEqual(images[cids[0]].get_content_type(), "image/png")
        self.assertEqual(images[cids[0]].get_content_disposition(), "inline")
        self.assertEqual(images[cids[0]].get_filename(), "cat.png")
        self.assertTrue(all(c.endswith("@example.org") for c in cids))
        self.assertEqual(norm(msg.get_body(("plain",)).get_content()), "A cat and a dog dog")
        self.agree_with_our_reader(msg, path)

    def test_attachments(self):
        binary = self.file("data.bin", os.urandom(300 * 1024 + 1))
        pdf = self.file("report.pdf", b"%PDF-1.4\n" + os.urandom(5000))
        note = self.file("note.txt", b"no CR here\nsecond line\n")
        text = self.file("body.txt", "see the files")
        raw, msg, path = self.build("--from", "ann@example.org", "--to", "bob@example.com", "--subject", "Files",
                                    "--text", text, "--attach", binary, "--attach", pdf, "--attach", note)
        self.assertEqual(msg.get_content_type(), "multipart/mixed")
        parts = list(msg.iter_attachments())
        self.assertEqual([p.get_filename() for p in parts], ["data.bin", "report.pdf", "note.txt"])
        self.assertEqual([p.get_content_type() for p in parts],
                         ["application/octet-stream", "application/pdf", "text/plain"])
        self.assertEqual([p["content-transfer-encoding"] for p in parts], ["base64"] * 3)
        for part, source in zip(parts, (binary, pdf, note)):
            self.assertEqual(sha(part.get_payload(decode=True)), sha(source.read_bytes()), source.name)
        self.assertEqual(norm(msg.get_body(("plain",)).get_content()), "see the files")
        self.agree_with_our_reader(msg, path)

    def test_chinese_everything(self):
        subject = "会议纪要：第三季度 — Q3 review \"draft\" (v2) 很长的主题需要折行，很长的主题需要折行"
        text = self.file("正文.txt", "各位好：\n\n附件是会议纪要。\n")
        html = self.file("正文.html", "<p>各位好：</p><p>附件是<b>会议纪要</b>。<img src=\"图片.png\"></p>")
        image = self.file("图片.png", b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
        minutes = self.file("会议纪要 第一版（定稿）.docx", os.urandom(9000))
        raw, msg, path = self.build(
            "--from", "张三 <zhang@example.cn>",
            "--to", "李四 <li@example.cn>, \"Smith, John\" <john@example.com>",
            "--cc", "王五 \"老王\" <wang@例子.中国>",
            "--subject", subject, "--text", text, "--html", html,
            "--inline", image, "--attach", minutes)
        self.assertEqual(str(msg["subject"]), subject)
        self.assertEqual(addresses(msg, "from"), [("张三", "zhang@example.cn")])
        self.assertEqual(addresses(msg, "to"), [("李四", "li@example.cn"), ("Smith, John", "john@example.com")])
        self.assertEqual(addresses(msg, "cc"), [("王五 \"老王\"", "wang@xn--fsqu00a.xn--fiqs8s")])
        self.assertEqual(norm(msg.get_body(("plain",)).get_content()), norm(text.read_text()))
        body = msg.get_body(("html",)).get_content()
        self.assertIn("附件是<b>会议纪要</b>", body)
        (cid,) = re.findall(r'src="cid:([^"]+)"', body)
        inline = [p for p in msg.walk() if str(p["content-id"] or "").strip("<>") == cid]
        self.assertEqual(len(inline), 1)
        self.assertEqual(inline[0].get_filename(), "图片.png")
        self.assertEqual(sha(inline[0].get_content()), sha(image.read_bytes()))
        (attachment,) = list(msg.iter_attachments())
        self.assertEqual(attachment.get_filename(), "会议纪要 第一版（定稿）.docx")
        self.assertEqual(sha(attachment.get_payload(decode=True)), sha(minutes.read_bytes()))
        self.assertEqual(attachment.get_content_type(),
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        self.agree_with_our_reader(msg, path)

    def test_bcc_is_kept_in_the_file_for_smtp_send(self):
        raw, msg, path = self.build("--from", "ann@example.org", "--to", "bob@example.com",
                                    "--bcc", "Hidden One <h1@example.net>", "--bcc", "h2@example.net",
                                    "--subject", "blind")
        self.assertEqual(addresses(msg, "bcc"), [("Hidden One", "h1@example.net"), ("", "h2@example.net")])
        self.assertEqual(msg.get_content_type(), "text/plain")

    def test_errors_write_nothing(self):
        for args, words in (
                (["--from", "ann@example.org", "--to", "not an address"], "not an address"),
                (["--from", "ann@example.org", "--to", "b@example.com", "--attach", "missing.pdf"], "missing.pdf"),
                (["--from", "ann@example.org", "--to", "b@example.com", "--inline", "x.png"], "--html"),
                (["--to", "b@example.com"], "--from"),
                (["--from", "ann@example.org"], "recipient")):
            with self.subTest(words):
                r = subprocess.run([CLI, "mime", "build", *args], capture_output=True, timeout=60, cwd=self.dir)
                self.assertEqual(r.returncode, 2)
                self.assertEqual(r.stdout, b"")
                self.assertIn(words, r.stderr.decode())


if __name__ == "__main__":
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
