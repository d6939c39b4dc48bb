#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Five wrong passwords spread over the three instances lock the account and
the address on all three (PROTOCOL.md "Failure and lockout": locked with
retry_after > 0), because the counters live in the shared database.

usage: test_lockout.py STATEFILE AUTHD_BIN [unittest args]"""
import unittest

from clusterlib import PASSWORD, fresh_address, main_args, unique

CLUSTER = None
FREE_FAILURES = 5


class LockoutTest(unittest.TestCase):
    def assertLocked(self, n, user, source, password=PASSWORD):
        conn, answer = CLUSTER.login(n, user=user, password=password, source=source)
        conn.close()
        self.assertEqual((answer.get("type"), answer.get("code")), ("error", "locked"),
                         f"instance {n}, {user} from {source}: {answer}")
        self.assertGreater(answer["retry_after"], 0)
        self.assertLessEqual(answer["retry_after"], 3600)

    def test_five_failures_over_three_instances_lock_everywhere(self):
        victim, bystander = unique("victim"), unique("bystander")
        CLUSTER.add_user(victim)
        CLUSTER.add_user(bystander)
        guesser = fresh_address()
        # Straight to each instance: no PROXY header, so the peer is the guesser's own address.
        for attempt, n in enumerate((1, 2, 3, 1, 2)):
            conn, answer = CLUSTER.login(n, user=victim, password=f"wrong {attempt}", source=guesser)
            conn.close()
            self.assertEqual(answer.get("type"), "auth-failed", f"attempt {attempt + 1} on instance {n}: {answer}")
        for n in (1, 2, 3):
            # The account, from anywhere, even with its right password ...
            self.assertLocked(n, victim, fresh_address())
            # ... and the guesser's address, for any account.
            self.assertLocked(n, bystander, guesser)
        # Another address and another account are not locked.
        for n in (1, 2, 3):
            conn, answer = CLUSTER.login(n, user=bystander, source=fresh_address())
            conn.close()
            self.assertEqual(answer["type"], "auth-ok", answer)
        for n in (1, 2, 3):
            self.assertTrue(CLUSTER.events(n, "failure", peer=guesser),
                            f"instance {n} did not log its failures from {guesser}")


if __name__ == "__main__":
    CLUSTER, argv = main_args()
    unittest.main(argv=argv, verbosity=2)
