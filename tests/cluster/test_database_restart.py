#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""PostgreSQL stopped and started again under load: while it is down every
login started answers server-busy with a retry_after (none succeeds from
cached data), no instance crashes or leaves HAProxy's rotation, /health says
database=down, and logins succeed again within seconds of its return.

usage: test_database_restart.py STATEFILE AUTHD_BIN [unittest args]"""
import sys
import time
import unittest

from clusterlib import Load, fresh_address, main_args, unique, wait_until

CLUSTER = None
CLIENTS = 4
OUTAGE = 3.0        # seconds PostgreSQL stays down
RECOVERY = 5.0      # seconds after its return by which every login must succeed again


class DatabaseRestartTest(unittest.TestCase):
    def tearDown(self):
        CLUSTER.authcluster("pg-start")  # no-op when it runs

    def health(self, n):
        status, body = CLUSTER.http_get(CLUSTER.metrics_ports[n - 1], "/health")
        return status, body.strip()

    def test_database_outage_under_load(self):
        users = [unique("outage") for _ in range(CLIENTS)]
        for user in users:
            CLUSTER.add_user(user)
        pids = [CLUSTER.pid(n) for n in (1, 2, 3)]
        with Load(CLUSTER, users, fresh_address()) as load:
            self.assertTrue(wait_until(lambda: load.oks() >= 20, 20), load.all()[-5:])
            CLUSTER.authcluster("pg-stop")   # fast shutdown: the instances' sessions are cut
            stopped_at = time.monotonic()
            # Liveness stays up (every instance shares the database), the reason is shown.
            for n in (1, 2, 3):
                self.assertTrue(wait_until(lambda: self.health(n) == (200, "ok database=down"), 3),
                                f"instance {n} /health during the outage: {self.health(n)}")
            time.sleep(max(0.0, stopped_at + OUTAGE - time.monotonic()))
            restarting_at = time.monotonic()
            CLUSTER.authcluster("pg-start")
            started_at = time.monotonic()
            time.sleep(RECOVERY + 2)
        attempts = load.all()
        during = [a for a in attempts if a[0] > stopped_at and a[1] < restarting_at]
        self.assertGreater(len(during), CLIENTS, "no load during the outage")
        self.assertEqual([a for a in during if a[2] != "busy"], [],
                         "during the outage every login must answer server-busy")
        first_ok = min((a[1] for a in attempts if a[0] > restarting_at and a[2] == "ok"), default=None)
        print(f"database_restart: {load.summary()}; during the outage {len(during)} attempts; first login "
              f"{(first_ok or 0) - started_at:.2f} s after pg-start returned", file=sys.stderr)
        self.assertIsNotNone(first_ok, "no login succeeded after PostgreSQL returned")
        self.assertLess(first_ok - started_at, RECOVERY)
        late = [a for a in attempts if a[0] > started_at + RECOVERY]
        self.assertGreater(len(late), CLIENTS)
        self.assertEqual([a for a in late if a[2] != "ok"], [],
                         f"logins still fail {RECOVERY} s after PostgreSQL returned")
        for n, pid in zip((1, 2, 3), pids):
            self.assertTrue(CLUSTER.alive(n) and CLUSTER.pid(n) == pid, f"instance {n} died")
            self.assertTrue(wait_until(lambda: self.health(n) == (200, "ok database=up"), 5), self.health(n))
        servers = CLUSTER.authcluster("status")
        self.assertEqual(servers.count(" UP"), 3, servers)


if __name__ == "__main__":
    CLUSTER, argv = main_args()
    unittest.main(argv=argv, verbosity=2)
