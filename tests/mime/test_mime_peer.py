#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`tidings-cli mime show --json` against Python's own email package (an
independent MIME implementation) on the demo mail, plus charset and hostile
fixtures.

usage: test_mime_peer.py PATH_TO_tidings-cli
"""
import email
import email.policy
import email.utils
import json
import pathlib
import subprocess
import sys
import tempfile
import unittest

CLI = None
ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def show(path):
    r = subprocess.run([CLI, "mime", "show", "--json", str(path)], capture_output=True, timeout=60)
    return r.returncode, (json.loads(r.stdout) if r.returncode == 0 else None), r.stderr.decode()


def norm(text):
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


class MimePeerTest(unittest.TestCase):
    def test_demo_mail_matches_python_email(self):
        for path in sorted((ROOT / "scripts" / "demo-mail").glob("*.eml")):
            with self.subTest(path.name):
                code, ours, err = show(path)
                self.assertEqual(code, 0, err)
                msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                self.assertEqual(ours["subject"], str(msg["subject"]))
                for field, key in (("from", "from"), ("to", "to"), ("cc", "cc")):
                    theirs = [(a.display_name, a.addr_spec) for a in msg[field].addresses] if msg[field] else []
                    self.assertEqual([(a["name"], a["address"]) for a in ours[key]], theirs, field)
                when = email.utils.parsedate_to_datetime(msg["date"]).astimezone(__import__("datetime").timezone.utc)
                self.assertEqual(ours["date"], when.strftime("%Y-%m-%dT%H:%M:%SZ"))
                self.assertEqual(ours["message_id"], str(msg["message-id"]).strip("<>"))
                plain = msg.get_body(("plain",))
                if plain is not None:
                    self.assertEqual(norm(ours["text"]), norm(plain.get_content()))
                html = msg.get_body(("html",))
                self.assertEqual(ours["html"] is not None, html is not None)
                theirs = [(p.get_filename(), p.get_content_type(), len(p.get_payload(decode=True)))
                          for p in msg.iter_attachments()]
                mine = [(a["filename"], a["content_type"], a["size"]) for a in ours["attachments"] if not a["inline"]]
                self.assertEqual(mine, theirs)

    def test_peer_corpus_matches_python_email(self):
        """Issue 10, item 13: subject, senders, attachment names and plain text agree with Python's
        email package on every fixtures/peer-*.eml (written by make_peer_corpus.py)."""
        paths = sorted(FIXTURES.glob("peer-*.eml"))
        self.assertGreaterEqual(len(paths), 20)
        agreed = 0
        for path in paths:
            with self.subTest(path.name):
                code, ours, err = show(path)
                self.assertEqual(code, 0, err)
                msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                theirs = {
                    "subject": str(msg["subject"]) if msg["subject"] is not None else "",
                    "from": [(a.display_name, a.addr_spec) for a in msg["from"].addresses] if msg["from"] else [],
                    "attachments": [p.get_filename() for p in msg.iter_attachments()],
                }
                mine = {
                    "subject": ours["subject"],
                    "from": [(a["name"], a["address"]) for a in ours["from"]],
                    "attachments": [a["filename"] or None for a in ours["attachments"]],
                }
                plain = msg.get_body(("plain",))
                if plain is not None:
                    theirs["text"] = norm(plain.get_content())
                    mine["text"] = norm(ours["text"] or "")
                self.assertEqual(mine, theirs)
                agreed += 1
        print(f"\npeer agreement: {agreed} of {len(paths)}", file=sys.stderr)

    def test_gb2312_label_over_gbk_bytes(self):
        code, ours, err = show(FIXTURES / "gb2312-over-gbk.eml")
        self.assertEqual(code, 0, err)
        self.assertEqual(ours["subject"], "朱镕基访问报告")
        self.assertEqual(ours["from"], [{"name": "张三", "address": "zhang@example.cn"}])
        self.assertIn("朱镕基", ours["text"])
        self.assertEqual([a["address"] for a in ours["to"]], ["a@example.org", "b@example.org", "c@example.org"])
        self.assertEqual([a["address"] for a in ours["reply_to"]], ["one@example.org", "two@example.org"])
        self.assertEqual(ours["date"], "2026-11-23T02:00:00Z")

    def test_rfc2231_names_inline_parts_and_safe_extraction(self):
        path = FIXTURES / "names-and-inline.eml"
        code, ours, err = show(path)
        self.assertEqual(code, 0, err)
        self.assertIn("<img", ours["html"])
        inline = [a for a in ours["attachments"] if a["inline"]]
        self.assertEqual(inline[0]["content_id"], "img1@x")
        self.assertEqual(inline[0]["size"], 256)
        files = [a for a in ours["attachments"] if not a["inline"]]
        self.assertEqual(files[0]["filename"], "报告 final.pdf")
        self.assertEqual(files[0]["size"], len(b"%PDF-1.4 tiny"))
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "out"
            out.mkdir()
            for index, expected in ((0, "报告 final.pdf"), (1, "_CON.txt"), (1, "_CON (2).txt")):
                r = subprocess.run([CLI, "mime", "extract", str(path), str(index), str(out)],
                                   capture_output=True, text=True, timeout=60)
                self.assertEqual(r.returncode, 0, r.stderr)
                saved = pathlib.Path(r.stdout.strip())
                self.assertEqual(saved.parent, out)  # never outside the folder
                self.assertEqual(saved.name, expected)
            self.assertEqual((out / "报告 final.pdf").read_bytes(), b"%PDF-1.4 tiny")
            self.assertEqual(sorted(p.name for p in pathlib.Path(tmp).iterdir()), ["out"])

    def test_hostile_input_is_refused_or_read_without_crashing(self):
        code, _, err = show(FIXTURES / "deep-nesting.eml")
        self.assertEqual(code, 2)
        self.assertIn("multipart", err)
        code, ours, err = show(FIXTURES / "garbage.eml")
        self.assertIn(code, (0, 2), err)  # read as what it is, or refused: never a crash
        with tempfile.NamedTemporaryFile(suffix=".eml") as empty:
            code, _, err = show(empty.name)
            self.assertEqual(code, 2)
            self.assertIn("empty", err)


if __name__ == "__main__":
    CLI = sys.argv.pop(1)
    unittest.main(verbosity=2)
