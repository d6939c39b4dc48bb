#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The instances' /metrics, parsed by Debian's python3-prometheus-client, count
exactly what this test did (summed over the three), and the cluster's
Prometheus scrapes all three and sees the same sum.

usage: test_metrics.py STATEFILE AUTHD_BIN [unittest args]
Needs the cluster to itself (RESOURCE_LOCK in CMakeLists.txt): any other
login would change the counters."""
import json
import unittest
import urllib.parse

from clusterlib import fresh_address, main_args, unique, wait_until

CLUSTER = None
PREFIX = "tidings_authd_"


def total(name, **labels):
    """The sum over the three instances of the samples named NAME with these labels."""
    wanted = set(labels.items())
    value = 0.0
    for n in (1, 2, 3):
        for (sample, sample_labels), v in CLUSTER.samples(n).items():
            if sample == PREFIX + name and wanted <= sample_labels:
                value += v
    return value


class MetricsTest(unittest.TestCase):
    def counters(self):
        return {
            "success": total("logins_total", outcome="success"),
            "failure": total("logins_total", outcome="failure"),
            "locked": total("logins_total", outcome="locked"),
            "lockouts": total("lockouts_total"),
            "durations": total("login_duration_seconds_count"),
        }

    def test_counters_match_what_the_test_did(self):
        user, source = unique("counted"), fresh_address()
        CLUSTER.add_user(user)
        for n in (1, 2, 3):
            status, body = CLUSTER.http_get(CLUSTER.metrics_ports[n - 1], "/health")
            self.assertEqual((status, body.strip()), (200, "ok database=up"), f"instance {n}")
        before = self.counters()
        logins, failures = 7, 2
        for _ in range(logins):
            conn, answer = CLUSTER.login(user=user, source=source)
            conn.close()
            self.assertEqual(answer["type"], "auth-ok", answer)
        for i in range(failures):
            conn, answer = CLUSTER.login(user=user, password=f"wrong {i}", source=fresh_address())
            conn.close()
            self.assertEqual(answer["type"], "auth-failed", answer)
        after = self.counters()
        self.assertEqual(after["success"] - before["success"], logins, (before, after))
        self.assertEqual(after["failure"] - before["failure"], failures, (before, after))
        self.assertEqual(after["locked"] - before["locked"], 0, (before, after))
        self.assertEqual(after["lockouts"] - before["lockouts"], 0, (before, after))
        self.assertEqual(after["durations"] - before["durations"], logins + failures, (before, after))
        # Every instance counted its share (round robin spreads 7 logins 3/2/2).
        per_instance = [CLUSTER.samples(n)[(PREFIX + "logins_total", frozenset({("outcome", "success")}))]
                        for n in (1, 2, 3)]
        self.assertTrue(all(v > 0 for v in per_instance), per_instance)

        # Prometheus (started by scripts/authcluster) scrapes all three and sums the same.
        def targets_up():
            status, body = CLUSTER.http_get(CLUSTER.prom_port, "/api/v1/targets")
            active = json.loads(body)["data"]["activeTargets"] if status == 200 else []
            return len(active) == 3 and all(t["health"] == "up" for t in active)
        self.assertTrue(wait_until(targets_up, 20, 0.5), "Prometheus does not scrape all three instances")
        query = urllib.parse.quote(f'sum({PREFIX}logins_total{{outcome="success"}})')

        def prometheus_sum():
            status, body = CLUSTER.http_get(CLUSTER.prom_port, f"/api/v1/query?query={query}")
            result = json.loads(body)["data"]["result"] if status == 200 else []
            return result and float(result[0]["value"][1]) == after["success"]
        self.assertTrue(wait_until(prometheus_sum, 20, 0.5),
                        f"Prometheus never saw the sum {after['success']}")


if __name__ == "__main__":
    CLUSTER, argv = main_args()
    unittest.main(argv=argv, verbosity=2)
