#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One instance SIGKILLed under load: the clients go on through HAProxy (its
health checks take the dead one out; a refused connection is retried on
another) and no client's login fails twice in a row. The instance then
starts again and takes logins again.

usage: test_instance_kill.py STATEFILE AUTHD_BIN [unittest args]"""
import sys
import time
import unittest

from clusterlib import Load, fresh_address, main_args, unique, wait_until

CLUSTER = None
CLIENTS = 4
VICTIM = 2


class InstanceKillTest(unittest.TestCase):
    def tearDown(self):
        if not CLUSTER.alive(VICTIM):  # leave three instances for the next test
            CLUSTER.authcluster("authd-start", str(VICTIM))

    def test_sigkill_under_load_fails_no_login_twice_in_a_row(self):
        users = [unique("loaded") for _ in range(CLIENTS)]
        for user in users:
            CLUSTER.add_user(user)
        source = fresh_address()
        with Load(CLUSTER, users, source) as load:
            self.assertTrue(wait_until(lambda: load.oks() >= 20, 20), load.all()[-5:])
            CLUSTER.authcluster("authd-kill", str(VICTIM))  # SIGKILL, waits until it is gone
            killed_at = time.monotonic()
            self.assertFalse(CLUSTER.alive(VICTIM))
            time.sleep(3)
            oks_after_kill = sum(1 for a in load.all() if a[0] > killed_at and a[2] == "ok")
            before_restart = len(CLUSTER.events(VICTIM, "success", peer=source))
            CLUSTER.authcluster("authd-start", str(VICTIM))  # waits until HAProxy sees it up
            # Round robin sends it every third login again.
            back = wait_until(lambda: len(CLUSTER.events(VICTIM, "success", peer=source)) > before_restart, 10, 0.1)
        self.assertTrue(back, "the restarted instance took no login")
        attempts = load.all()
        failed = [a for a in attempts if a[2] != "ok"]
        print(f"instance_kill: {load.summary()}; after the kill {oks_after_kill} ok in 3 s; failed: "
              f"{[a[2] for a in failed]}", file=sys.stderr)
        for i, client in enumerate(load.attempts):
            for previous, current in zip(client, client[1:]):
                self.assertFalse(previous[2] != "ok" and current[2] != "ok",
                                 f"client {i} failed twice in a row: {previous[2]!r} then {current[2]!r}")
        self.assertGreater(oks_after_kill, 10, "the survivors did not carry the load")
        self.assertLessEqual(len(failed), CLIENTS, f"more failures than sessions cut by the kill: {failed}")
        for n in (1, 2, 3):
            self.assertTrue(CLUSTER.alive(n), f"instance {n} is not running")


if __name__ == "__main__":
    CLUSTER, argv = main_args()
    unittest.main(argv=argv, verbosity=2)
