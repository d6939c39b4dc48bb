#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An independent scraper for tst_metrics: fetches URL with urllib and parses
the body with Debian's python3-prometheus-client, then prints what it saw as
JSON (content type and every family with its type, help and samples)."""
import json
import sys
import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def main():
    with urllib.request.urlopen(sys.argv[1], timeout=10) as reply:
        content_type = reply.headers.get("Content-Type")
        body = reply.read().decode("utf-8")
    families = []
    for family in text_string_to_metric_families(body):
        families.append({
            "name": family.name,
            "type": family.type,
            "help": family.documentation,
            "samples": [[s.name, s.labels, s.value] for s in family.samples],
        })
    json.dump({"content_type": content_type, "families": families}, sys.stdout)


if __name__ == "__main__":
    main()
