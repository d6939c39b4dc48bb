#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Logins through HAProxy reach every instance, and each instance sees the
real client address (PROXY v2 from the trusted proxy), not HAProxy's; every
instance signs with its own key and every instance publishes the same JWKS.

usage: test_spread.py STATEFILE AUTHD_BIN [unittest args]"""
import unittest

from clusterlib import claims_of, fresh_address, header_of, main_args, unique, wait_until

CLUSTER = None


class SpreadTest(unittest.TestCase):
    def test_logins_through_haproxy_land_on_every_instance_with_the_client_address(self):
        user, source = unique("spread"), fresh_address()
        CLUSTER.add_user(user)
        for _ in range(9):
            conn, answer = CLUSTER.login(user=user, source=source)
            conn.close()
            self.assertEqual(answer["type"], "auth-ok", answer)
        for n in (1, 2, 3):
            seen = wait_until(lambda: CLUSTER.events(n, "success", peer=source, user=user), 3)
            self.assertTrue(seen, f"instance {n} logged no success of {user} from {source}:\n"
                            + "\n".join(CLUSTER.log(n).splitlines()[-20:]))
            # HAProxy's own address must never stand in for the client's.
            self.assertEqual(CLUSTER.events(n, "success", peer="127.0.0.1", user=user), [])
        # Round robin over three healthy instances: 9 logins, 3 each.
        self.assertEqual([len(CLUSTER.events(n, "success", peer=source, user=user)) for n in (1, 2, 3)],
                         [3, 3, 3])

    def test_jwks_is_the_same_from_every_instance_and_names_each_signer(self):
        user = unique("jwks")
        CLUSTER.add_user(user)
        kids = []
        for n in (1, 2, 3):
            conn, answer = CLUSTER.login(n, user=user, source=fresh_address())
            conn.close()
            self.assertEqual(answer["type"], "auth-ok", answer)
            self.assertEqual(claims_of(answer["token"])["sub"], user)
            kids.append(header_of(answer["token"])["kid"])
        self.assertEqual(len(set(kids)), 3, f"each instance signs with its own key: {kids}")

        def key_sets():
            sets = []
            for n in (1, 2, 3):
                with CLUSTER.connect(n) as conn:  # jwks is answered before authentication
                    answer = conn.request({"type": "jwks"})
                self.assertEqual(answer["type"], "jwks", answer)
                sets.append(sorted(answer["keys"], key=lambda key: key["kid"]))
            return sets

        # Published keys reach the others "within seconds".
        sets = wait_until(lambda: (lambda s: s if s[0] == s[1] == s[2] else None)(key_sets()), 5, 0.2)
        self.assertIsNotNone(sets, f"the instances publish different key sets: {key_sets()}")
        published = {key["kid"] for key in sets[0]}
        self.assertLessEqual(set(kids), published)
        for key in sets[0]:
            self.assertNotIn("d", key, "a private half is published")


if __name__ == "__main__":
    CLUSTER, argv = main_args()
    unittest.main(argv=argv, verbosity=2)
