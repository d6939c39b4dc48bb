#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/mime/fixtures/peer-*.eml: messages on which the reader must
agree with Python's email package (issue 10, item 13), one group per class
of disagreement found: Chinese encoded words as mailers label them, a
Content-Type without subtype, a header block without its empty line or no
header at all, addresses without a domain, parts named only by
Content-Type's name. The files are committed; rerun after changing this.

usage: make_peer_corpus.py
"""
import base64
import pathlib
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr

OUT = pathlib.Path(__file__).resolve().parent / "fixtures"
HEAD = "From: Sender <s@example.org>\r\nTo: r@example.org\r\nDate: Mon, 23 Nov 2026 10:00:00 +0800\r\n"


def b64word(text, label, codec=None):
    return f"=?{label}?b?{base64.b64encode(text.encode(codec or label)).decode()}?="


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode()


def python_chinese(subject, body, charset):
    """What Python's own email package writes for Chinese mail (eucgb2312_cn, big5_tw labels)."""
    m = MIMEText(body, "plain", charset)
    m["Subject"] = Header(subject, charset)
    m["From"] = formataddr((str(Header("张三", "utf-8")), "zhang@example.cn"))
    m["To"] = "li@example.cn"
    return m.as_bytes().replace(b"\n", b"\r\n")


def python_chinese_attachment():
    m = MIMEMultipart()
    m["Subject"] = Header("季度报告：请查收附件", "gb2312")
    m["From"] = "wang@example.cn"
    m.attach(MIMEText("附件是本季度的报告。\n谢谢！", "plain", "gb2312"))
    m.attach(MIMEApplication(b"%PDF-1.4 tiny", Name="报告.pdf"))
    return m.as_bytes().replace(b"\n", b"\r\n")


def cases():
    # 1. Chinese encoded words: the labels mailers write, through the alias map.
    yield "gb2312-lower-b", crlf(HEAD + f"Subject: {b64word('测试邮件：关于下周的会议', 'gb2312')}\r\n\r\nbody text\r\n")
    yield "gb2312-upper-folded", crlf(
        HEAD + f"Subject: {b64word('项目进度', 'GB2312', 'gb2312')}\r\n {b64word('和季度报告', 'GB2312', 'gb2312')}\r\n\r\nbody\r\n")
    yield "gb2312-python-header", python_chinese("测试邮件：关于下周项目进度的会议安排和季度报告的说明",
                                                 "这是一封测试邮件的正文。\n第二段。", "gb2312")
    yield "big5-python-header", python_chinese("測試郵件：會議通知", "這是正文。", "big5")
    yield "gb2312-python-attachment", python_chinese_attachment()
    yield "gbk-encoded-name", crlf(
        f"From: {b64word('李四', 'gbk')} <li@example.cn>\r\nSubject: {b64word('周报', 'gbk')}\r\n\r\nbody\r\n")
    # 2. Content-Type without a subtype: text/plain, as Python reads it.
    yield "text-no-subtype", crlf(HEAD + "Subject: bare text\r\nContent-Type: text\r\n\r\nhello there\r\n")
    yield "text-no-subtype-charset", (HEAD + "Subject: bare text, charset\r\nContent-Type: text; charset=utf-8\r\n"
                                      "Content-Transfer-Encoding: 8bit\r\n\r\n你好\r\n").encode()
    yield "text-no-subtype-in-mixed", crlf(
        HEAD + "Subject: in mixed\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        "--b\r\nContent-Type: text\r\n\r\nthe body\r\n--b\r\nContent-Type: application/pdf; name=a.pdf\r\n\r\nPDF\r\n--b--\r\n")
    yield "text-no-subtype-in-alternative", crlf(
        HEAD + "Subject: in alternative\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"
        "--b\r\nContent-Type: text/enriched\r\n\r\n<bold>rich</bold>\r\n--b\r\nContent-Type: text\r\n\r\nplain one\r\n--b--\r\n")
    # 3. A header block without its empty line, or no header at all.
    yield "no-blank-line", crlf("From: a@example.org\r\nSubject: no blank line\r\nThe body starts here\r\nsecond line\r\n")
    yield "no-blank-line-colon", crlf(
        "From: a@example.org\r\nSubject: colon in body\r\nDear team,\r\nNote: this line has a colon\r\n")
    yield "no-header-at-all", crlf("Just a body line\r\nanother one\r\n\r\nsecond paragraph\r\n")
    yield "no-header-colon-later", crlf("Hello,\r\nTime: 10:00\r\n\r\nBye\r\n")
    yield "part-without-blank-line", crlf(
        HEAD + "Subject: part header\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        "--b\r\nContent-Type: text/plain\r\nthe part's text\r\n--b--\r\n")
    # 4. Addresses without a domain stay without one (no made-up @localhost).
    yield "from-without-domain", crlf("From: foo\r\nTo: r@example.org\r\nSubject: no domain\r\n\r\nbody\r\n")
    yield "named-from-without-domain", crlf("From: Foo Bar <foo>\r\nSubject: named, no domain\r\n\r\nbody\r\n")
    yield "mixed-list-without-domain", crlf(
        "From: root, Admin <admin@example.org>\r\nTo: bar, Baz <baz>\r\nSubject: list\r\n\r\nbody\r\n")
    # 5. Parts named only by Content-Type's name are attachments.
    yield "name-only-text", crlf(
        HEAD + "Subject: notes\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        "--b\r\nContent-Type: text/plain\r\n\r\nsee notes\r\n--b\r\nContent-Type: text/plain; name=notes.txt\r\n\r\n"
        "the notes\r\n--b\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\n\r\nPDF\r\n--b--\r\n")
    yield "name-only-calendar", crlf(
        HEAD + "Subject: invite\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        "--b\r\nContent-Type: text/plain\r\n\r\nyou are invited\r\n--b\r\n"
        "Content-Type: text/calendar; method=REQUEST; name=invite.ics\r\n\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
        "--b\r\nContent-Type: text/csv; name=\"data.csv\"\r\n\r\na,b\r\n--b--\r\n")
    yield "inline-text-body", crlf(
        HEAD + "Subject: inline body\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        "--b\r\nContent-Type: text/plain\r\nContent-Disposition: inline\r\n\r\nthe body\r\n--b\r\n"
        "Content-Type: image/png; name=a.png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0K\r\n--b--\r\n")


if __name__ == "__main__":
    for name, data in cases():
        (OUT / f"peer-{name}.eml").write_bytes(data)
