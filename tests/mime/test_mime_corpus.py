#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A corpus of tricky messages built here, each read by `tidings-cli mime show
--json` and checked field by field, against Python's email package (Debian's
python3, an independent implementation) wherever it reads the message right,
and against the known answer where it does not.

usage: test_mime_corpus.py PATH_TO_tidings-cli
"""
import base64
import email
import email.policy
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import unittest

CLI = None


def run_measured(args, timeout=None):
    """Exit code, stdout, stderr and peak RSS (MB) of one child; with a timeout, also its wall time (s).
    A child still running after `timeout` seconds is killed and reported with code None."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(args, stdout=out, stderr=err)
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG if timeout else 0)
            if pid:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                killed = True
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)  # polling the child: wait4 has no timeout
        elapsed = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        code = None if killed else proc.returncode
        result = (code, out.read(), err.read().decode(errors="replace"), usage.ru_maxrss / 1024)
        return result + (elapsed,) if timeout else result


def show(path):
    code, out, err, rss = run_measured([CLI, "mime", "show", "--json", str(path)])
    return code, (json.loads(out) if code == 0 else None), err, rss


def theirs(path):
    return email.message_from_bytes(pathlib.Path(path).read_bytes(), policy=email.policy.default)


def norm(text):
    return "\n".join(line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n")).strip()


def encoded_word(text, charset):
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


def simple(subject_header, body, charset, extra=b""):
    head = (f"From: Sender <s@example.org>\r\nTo: r@example.org\r\nSubject: {subject_header}\r\n"
            "Date: Mon, 23 Nov 2026 10:00:00 +0800\r\nMessage-ID: <m@example.org>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n").encode()
    return head + extra + b"\r\n" + body.encode(charset).replace(b"\n", b"\r\n")


class MimeCorpusTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = self.dir / name
        path.write_bytes(data)
        return path

    def test_legacy_charsets_match_python_email(self):
        cases = {
            "big5": "測試郵件：繁體中文的主旨",
            "iso-2022-jp": "日本語の件名とテスト",
            "koi8-r": "Проверка кодировки КОИ-8",
            "windows-1251": "Тест windows-1251 кириллица",
            "windows-1252": "Café “quoted” — naïve",
            "iso-8859-2": "Zażółć gęślą jaźń",
        }
        for charset, text in cases.items():
            with self.subTest(charset=charset):
                path = self.write(f"{charset}.eml", simple(encoded_word(text, charset), text + "\nsecond line\n", charset))
                code, ours, err, _ = show(path)
                self.assertEqual(code, 0, err)
                msg = theirs(path)
                self.assertEqual(ours["subject"], str(msg["subject"]))
                self.assertEqual(ours["subject"], text)
                self.assertEqual(norm(ours["text"]), norm(msg.get_body(("plain",)).get_content()))
                self.assertEqual(ours["date"], "2026-11-23T02:00:00Z")

    def test_missing_charset_and_raw_8bit_headers(self):
        # No charset parameter, UTF-8 bytes in the body and raw UTF-8 in the headers (RFC 6532 style).
        data = ("From: 王小明 <wang@example.cn>\r\nTo: r@example.org\r\nSubject: 没有标注字符集的邮件\r\n"
                "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
                "正文是 UTF-8，但没有 charset。\r\n").encode()
        code, ours, err, _ = show(self.write("no-charset.eml", data))
        self.assertEqual(code, 0, err)
        self.assertEqual(ours["subject"], "没有标注字符集的邮件")
        self.assertEqual(ours["from"], [{"name": "王小明", "address": "wang@example.cn"}])
        self.assertEqual(norm(ours["text"]), "正文是 UTF-8，但没有 charset。")
        # Raw GBK bytes in a header, no label anywhere: read as GB18030, not replacement characters.
        data = (b"From: s@example.org\r\nTo: r@example.org\r\nSubject: " + "中文主题".encode("gbk")
                + b"\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nascii body\r\n")
        code, ours, err, _ = show(self.write("gbk-header.eml", data))
        self.assertEqual(code, 0, err)
        self.assertEqual(ours["subject"], "中文主题")
        # A plain ASCII body without a charset reads like Python's.
        data = b"From: s@example.org\r\nSubject: plain\r\nContent-Type: text/plain\r\n\r\nJust ASCII.\r\n"
        path = self.write("ascii.eml", data)
        code, ours, err, _ = show(path)
        self.assertEqual(norm(ours["text"]), norm(theirs(path).get_body(("plain",)).get_content()))

    def test_mixed_encoded_words_and_rfc2231_names_match_python(self):
        subject = f"{encoded_word('报告', 'gb2312')} and {encoded_word('Grüße', 'iso-8859-1')} =?utf-8?Q?=E2=9C=93_done?="
        data = ("From: " + encoded_word("李四", "utf-8") + " <li@example.cn>, \"Doe, Jane\" <jane@example.org>\r\n"
                "To: undisclosed-recipients:;\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                "see attached\r\n--b1\r\nContent-Type: application/octet-stream\r\n"
                "Content-Disposition: attachment; filename*=utf-8''%E6%8A%A5%E5%91%8A%202026.xlsx\r\n"
                "Content-Transfer-Encoding: base64\r\n\r\n" + base64.b64encode(b"x" * 1000).decode() + "\r\n"
                "--b1\r\nContent-Type: text/csv; name*0=\"part\"; name*1=\"s.csv\"\r\n"
                "Content-Disposition: attachment; filename*0=\"part\"; filename*1=\"s.csv\"\r\n\r\na,b\r\n1,2\r\n"
                "--b1--\r\n").encode()
        path = self.write("mixed.eml", data)
        code, ours, err, _ = show(path)
        self.assertEqual(code, 0, err)
        msg = theirs(path)
        self.assertEqual(ours["subject"], str(msg["subject"]))
        self.assertEqual([(a["name"], a["address"]) for a in ours["from"]],
                         [(a.display_name, a.addr_spec) for a in msg["from"].addresses])
        mine = [(a["filename"], a["content_type"], a["size"]) for a in ours["attachments"]]
        self.assertEqual(mine, [(p.get_filename(), p.get_content_type(), len(p.get_payload(decode=True)))
                                for p in msg.iter_attachments()])
        self.assertEqual(mine[0][0], "报告 2026.xlsx")

    def test_broken_boundaries_read_what_is_there(self):
        # The closing delimiter is missing, and one part uses a boundary nobody declared.
        data = (b"From: s@example.org\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
                b"Content-Type: multipart/alternative; boundary=\"outer\"\r\n\r\npreamble\r\n"
                b"--outer\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nthe plain part\r\n"
                b"--outer\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>the html part</p>\r\n"
                b"--wrong\r\nContent-Type: text/plain\r\n\r\nnot a part\r\n")
        path = self.write("broken.eml", data)
        code, ours, err, _ = show(path)
        self.assertEqual(code, 0, err)
        msg = theirs(path)
        self.assertEqual(norm(ours["text"]), norm(msg.get_body(("plain",)).get_content()))
        self.assertIn("the html part", ours["html"])
        # A multipart without any boundary parameter: no crash, the subject still there.
        data = b"Subject: no boundary\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\n\r\nbody\r\n--x--\r\n"
        code, ours, err, _ = show(self.write("noboundary.eml", data))
        self.assertEqual(code, 0, err)
        self.assertEqual(ours["subject"], "no boundary")

    def test_nesting_is_bounded(self):
        def nested(depth):
            head, tail = b"", b""
            for i in range(depth):
                head += f"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n".encode()
                tail = f"\r\n--b{i}--\r\n".encode() + tail
            return b"Subject: nested\r\nMIME-Version: 1.0\r\n" + head + b"Content-Type: text/plain\r\n\r\ndeep text" + tail
        code, ours, err, _ = show(self.write("nested-40.eml", nested(40)))
        self.assertEqual(code, 0, err)
        self.assertEqual(norm(ours["text"]), "deep text")
        code, _, err, _ = show(self.write("nested-5000.eml", nested(5000)))
        self.assertEqual(code, 2)
        self.assertIn("multipart", err)

    def test_hostile_structure_is_refused_quickly(self):
        # Issue 10, item 1: each ran past 30 s (the second at 237 MB) and stalled every sync.
        folded = (b"From: a@example.org\r\nSubject: folded nesting\r\nMIME-Version: 1.0\r\n"
                  + b"".join(b"Content-Type:\r\n multipart/mixed; boundary=\"b%d\"\r\n\r\n--b%d\r\n" % (i, i)
                             for i in range(20000)) + b"Content-Type: text/plain\r\n\r\ndeep\r\n")
        parts = (b"From: a@example.org\r\nSubject: many parts\r\nMIME-Version: 1.0\r\n"
                 b"Content-Type: multipart/mixed; boundary=b\r\n\r\n" + b"--b\r\n\r\n" * 1000000 + b"--b--\r\n")
        self.assertGreater(len(folded), 1200000)
        self.assertGreater(len(parts), 7000000)
        for name, data, reason in (("folded-nesting.eml", folded, "nested deeper than 50 multipart levels"),
                                   ("million-parts.eml", parts, "more than 2000 parts")):
            with self.subTest(name):
                code, _, err, rss, seconds = run_measured([CLI, "mime", "show", "--json", str(self.write(name, data))],
                                                          timeout=20)
                self.assertEqual(code, 2, f"exit {code} after {seconds:.1f} s: {err}")
                self.assertIn(reason, err)
                self.assertLess(seconds, 1.0)
                self.assertLess(rss, 100)

    def test_huge_headers_are_bounded(self):
        filler = b"".join(b"X-Filler-%05d: %s\r\n" % (i, b"y" * 90) for i in range(1500))  # ~160 KB
        data = b"From: s@example.org\r\nSubject: many headers\r\n" + filler + b"Content-Type: text/plain\r\n\r\nbody\r\n"
        code, ours, err, _ = show(self.write("big-header.eml", data))
        self.assertEqual(code, 0, err)
        self.assertEqual(ours["subject"], "many headers")
        folded = b"Subject: " + b"word " * 80000 + b"\r\n"  # one 400 KB header field
        code, _, err, _ = show(self.write("huge-header.eml", b"From: s@example.org\r\n" + folded + b"\r\nbody\r\n"))
        self.assertEqual(code, 2)
        self.assertIn("header", err)

    def test_fifty_megabyte_attachment_is_streamed_with_bounded_memory(self):
        payload_size = 50 * 1024 * 1024
        path = self.dir / "big.eml"
        chunk = bytes(range(256)) * 3072  # 786,432 bytes, a multiple of 3 and of 57
        with open(path, "wb") as f:
            f.write(b"From: s@example.org\r\nTo: r@example.org\r\nSubject: big attachment\r\nMIME-Version: 1.0\r\n"
                    b"Content-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\n"
                    b"Content-Type: text/plain; charset=utf-8\r\n\r\nthe file is attached\r\n--big\r\n"
                    b"Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\n"
                    b"Content-Transfer-Encoding: base64\r\n\r\n")
            written = 0
            while written < payload_size:
                part = chunk[:payload_size - written]
                f.write(base64.encodebytes(part).replace(b"\n", b"\r\n"))
                written += len(part)
            f.write(b"--big--\r\n")
        code, ours, err, rss = show(path)
        self.assertEqual(code, 0, err)
        self.assertEqual(ours["attachments"], [{"filename": "big.bin", "content_type": "application/octet-stream",
                                                "size": payload_size, "content_id": None, "inline": False}])
        self.assertLess(rss, 120, "reading a 68 MB message must not hold it in memory")
        out = self.dir / "out"
        out.mkdir()
        code, stdout, err, rss = run_measured([CLI, "mime", "extract", str(path), "0", str(out)])
        self.assertEqual(code, 0, err)
        saved = pathlib.Path(stdout.decode().strip())
        self.assertEqual(saved.stat().st_size, payload_size)
        with open(saved, "rb") as f:
            self.assertEqual(f.read(len(chunk)), chunk)
        self.assertLess(rss, 120, "extracting must stream")


if __name__ == "__main__":
    CLI = sys.argv.pop(1)
    unittest.main(verbosity=2)
