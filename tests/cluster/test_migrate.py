#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`tidings-authd migrate --from sqlite:PATH --to postgresql://...` keeps every
user able to log in through HAProxy on every instance, with the password it
had (PATH as the data directory and as the users.sqlite file in it); a
disabled user stays disabled and a wrong password still fails.

usage: test_migrate.py STATEFILE AUTHD_BIN [unittest args]"""
import os
import subprocess
import tempfile
import unittest

from clusterlib import fresh_address, main_args, unique

CLUSTER = None


class MigrateTest(unittest.TestCase):
    def make_sqlite_users(self, data, users, disabled=()):
        for user, password in users.items():
            CLUSTER.run_authd("user", "add", user, "--data", data, stdin=password + "\n")
        for user in disabled:
            CLUSTER.run_authd("user", "disable", user, "--data", data)

    def assertLogsInEverywhere(self, user, password):
        source = fresh_address()
        for _ in range(3):  # round robin: one login on each instance
            conn, answer = CLUSTER.login(user=user, password=password, source=source)
            conn.close()
            self.assertEqual(answer["type"], "auth-ok", f"{user} after the migration: {answer}")

    def test_migrated_users_log_in_through_the_cluster(self):
        with tempfile.TemporaryDirectory() as tmp:
            by_dir, by_file = os.path.join(tmp, "a"), os.path.join(tmp, "b")
            first = {unique("mig"): f"pass {i} – ü" for i in range(3)}
            disabled = unique("migoff")
            self.make_sqlite_users(by_dir, {**first, disabled: "off"}, disabled=[disabled])
            second = {unique("migfile"): "another one"}
            self.make_sqlite_users(by_file, second)
            self.assertTrue(os.path.isfile(os.path.join(by_file, "users.sqlite")))

            CLUSTER.run_authd("migrate", "--from", f"sqlite:{by_dir}", "--to", CLUSTER.database_url)
            CLUSTER.run_authd("migrate", "--from", f"sqlite:{by_file}/users.sqlite", "--to", CLUSTER.database_url)

        for user, password in {**first, **second}.items():
            self.assertLogsInEverywhere(user, password)
        user, password = next(iter(first.items()))
        conn, answer = CLUSTER.login(user=user, password=password + "x", source=fresh_address())
        conn.close()
        self.assertEqual(answer["type"], "auth-failed", answer)
        conn, answer = CLUSTER.login(user=disabled, password="off", source=fresh_address())
        conn.close()
        self.assertEqual(answer["type"], "auth-failed", f"a disabled user logged in after the migration: {answer}")

    def test_admin_commands_on_postgresql_with_either_password_source(self):
        """Every `user` action against the shared database, the password once from PGPASSFILE
        (clusterlib's default) and once from PGPASSWORD alone; a wrong one is a clear error."""
        name = unique("admin")
        data = os.path.join(CLUSTER.dir, "authd-1")
        pg = ["--data", data, "--database", CLUSTER.database_url]
        with open(CLUSTER.pgpassfile) as f:  # host:port:database:user:password
            password = f.read().strip().split(":", 4)[4]
        by_env = dict(os.environ, PGPASSWORD=password)
        by_env.pop("PGPASSFILE", None)
        by_env["HOME"] = "/nonexistent"  # no ~/.pgpass to fall back on

        def authd(*args, env=None, stdin=None):
            return subprocess.run([CLUSTER.authd, *args], input=stdin, text=True, capture_output=True,
                                  env=env or CLUSTER.authd_env(), timeout=120)

        done = authd("user", "add", name, *pg, env=by_env, stdin="first pw\n")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn(f"{name}\tenabled", authd("user", "list", *pg).stdout)
        self.assertEqual(authd("user", "passwd", name, *pg, stdin="second pw\n").returncode, 0)
        conn, answer = CLUSTER.login(user=name, password="second pw", source=fresh_address())
        conn.close()
        self.assertEqual(answer["type"], "auth-ok", answer)
        self.assertEqual(authd("user", "disable", name, *pg, env=by_env).returncode, 0)
        self.assertIn(f"{name}\tdisabled", authd("user", "list", *pg, env=by_env).stdout)
        self.assertEqual(authd("user", "enable", name, *pg).returncode, 0)
        self.assertEqual(authd("user", "remove", name, *pg).returncode, 0)
        self.assertNotIn(name, authd("user", "list", *pg).stdout)
        wrong = dict(by_env, PGPASSWORD="not the password")
        done = authd("user", "list", *pg, env=wrong)
        self.assertEqual(done.returncode, 2)
        self.assertIn("cannot open the database postgresql://", done.stderr)
        self.assertIn("password authentication failed", done.stderr)


if __name__ == "__main__":
    CLUSTER, argv = main_args()
    unittest.main(argv=argv, verbosity=2)
