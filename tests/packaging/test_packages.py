# SPDX-License-Identifier: GPL-3.0-or-later
"""The built .deb and .rpm packages, read back with Debian's and RPM's own tools.

Usage: test_packages.py OUT_DIR VERSION
OUT_DIR holds what `cpack -G "DEB;RPM"` made from the package preset (scripts/test makes them).
"""
import glob
import os
import subprocess
import sys
import unittest

OUT = VERSION = None

# lintian warnings that stay, each for a reason (the closing note of issue 14 repeats them).
ACCEPTED_WARNINGS = {
    # Not uploaded to Debian, so there is no ITP bug for the first changelog entry to close.
    "initial-upload-closes-no-bugs",
}


def run(*args):
    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


def one(pattern):
    found = glob.glob(os.path.join(OUT, pattern))
    if len(found) != 1:
        raise AssertionError(f"expected one {pattern} in {OUT}, found {found}: run scripts/test "
                             "(or cmake --preset package, cmake --build --preset package, cpack)")
    return found[0]


class DebianPackages(unittest.TestCase):
    def setUp(self):
        self.app = one(f"tidings_{VERSION}-1_*.deb")
        self.authd = one(f"tidings-authd_{VERSION}-1_*.deb")

    def field(self, deb, name):
        return run("dpkg-deb", "-f", deb, name)[1].strip()

    def files(self, deb):
        code, out = run("dpkg-deb", "-c", deb)
        self.assertEqual(code, 0, out)
        return {line.split()[5].lstrip(".") for line in out.splitlines()}

    def test_lintian_reports_no_error_and_only_the_accepted_warnings(self):
        code, out = run("lintian", "--tag-display-limit", "0", self.app, self.authd)
        tags = [line for line in out.splitlines() if line[:2] in ("E:", "W:", "X:")]
        print(out)
        self.assertEqual(code, 0, "lintian itself failed (or found errors)")
        self.assertEqual([t for t in tags if t[:2] in ("E:", "X:")], [])
        warnings = {t.split()[2] for t in tags if t.startswith("W:")}
        self.assertLessEqual(warnings, ACCEPTED_WARNINGS, "new lintian warnings: fix them or say why they stay")

    def test_dependencies_come_from_the_binaries_and_the_plugins(self):
        depends = self.field(self.app, "Depends")
        for library in ("libqt6widgets6", "libvmime1", "libssl3", "libqt6keychain1", "libhunspell"):
            self.assertIn(library, depends)  # dpkg-shlibdeps ran
        for plugin in ("libqt6sql6-sqlite", "qt6-qpa-plugins", "libqt6svg6"):
            self.assertIn(plugin, depends)
        authd = self.field(self.authd, "Depends")
        for name in ("adduser", "libqt6sql6-sqlite", "libqt6network6", "libssl3"):
            self.assertIn(name, authd)
        self.assertNotIn("libqt6widgets6", authd)  # the server needs no GUI
        self.assertEqual(self.field(self.app, "Version"), f"{VERSION}-1")
        # Each package's own synopsis, nothing put before it.
        self.assertEqual(self.field(self.app, "Description").splitlines()[0],
                         "POP3 mail client and JWT inspector")
        self.assertEqual(self.field(self.authd, "Description").splitlines()[0],
                         "authentication server for Tidings (TAP/1, SCRAM-SHA-256)")

    def test_files_of_each_package(self):
        app = self.files(self.app)
        for path in ("/usr/bin/tidings", "/usr/bin/tidings-cli",
                     "/usr/share/applications/org.tidings.Tidings.desktop",
                     "/usr/share/metainfo/org.tidings.Tidings.metainfo.xml",
                     "/usr/share/icons/hicolor/scalable/apps/org.tidings.Tidings.svg",
                     "/usr/share/icons/hicolor/48x48/apps/org.tidings.Tidings.png",
                     "/usr/share/man/man1/tidings.1.gz", "/usr/share/man/man1/tidings-cli.1.gz",
                     "/usr/share/bash-completion/completions/tidings-cli",
                     "/usr/share/doc/tidings/copyright", "/usr/share/doc/tidings/changelog.Debian.gz"):
            self.assertIn(path, app)
        self.assertFalse(any("authd" in p for p in app), "server files in the app's package")
        authd = self.files(self.authd)
        for path in ("/usr/bin/tidings-authd", "/usr/lib/systemd/system/tidings-authd.service",
                     "/etc/tidings-authd/tidings-authd.conf", "/usr/share/man/man8/tidings-authd.8.gz",
                     "/usr/share/doc/tidings-authd/copyright"):
            self.assertIn(path, authd)
        self.assertFalse(any(p.startswith("/var/lib/tidings-authd") for p in authd),
                         "the data directory is the maintainer scripts' (private, its user's)")

    def test_maintainer_scripts_and_conffiles(self):
        listing = subprocess.run(["dpkg-deb", "-I", self.authd], capture_output=True, text=True).stdout
        for script in ("postinst", "prerm", "postrm", "conffiles"):
            self.assertIn(script, listing)
        info = subprocess.run(["dpkg-deb", "-I", self.authd, "conffiles"], capture_output=True, text=True).stdout
        self.assertEqual(info.split(), ["/etc/tidings-authd/tidings-authd.conf"])
        postinst = subprocess.run(["dpkg-deb", "-I", self.authd, "postinst"], capture_output=True, text=True).stdout
        self.assertIn("adduser --system", postinst)
        self.assertIn("install -d -m 0700 -o tidings-authd", postinst)
        postrm = subprocess.run(["dpkg-deb", "-I", self.authd, "postrm"], capture_output=True, text=True).stdout
        self.assertIn('if [ "$1" = purge ]', postrm)


class RpmPackages(unittest.TestCase):
    def setUp(self):
        self.app = one(f"tidings-{VERSION}-1.*.rpm")
        self.authd = one(f"tidings-authd-{VERSION}-1.*.rpm")

    def query(self, rpm, *what):
        code, out = run("rpm", "-qp", *what, rpm)
        self.assertEqual(code, 0, out)
        return out

    def test_header(self):
        info = self.query(self.app, "-i")
        print(info)
        self.assertIn(f"Version     : {VERSION}", info)
        self.assertIn("License     : GPL-3.0-or-later", info)
        self.assertIn("Tidings reads POP3 mail", info)
        self.assertNotIn("Relocations : /usr", info)
        self.assertIn("Authentication server for Tidings", self.query(self.authd, "-i"))

    def test_requires_are_computed_from_the_binaries(self):
        requires = self.query(self.app, "--requires")
        for soname in ("libQt6Widgets.so.6", "libvmime.so.1", "libcrypto.so.3", "libqt6keychain.so.1"):
            self.assertIn(soname, requires)
        authd = self.query(self.authd, "--requires")
        self.assertIn("libQt6Network.so.6", authd)
        self.assertIn("shadow-utils", authd)  # useradd in %pre
        self.assertNotIn("libQt6Widgets", authd)

    def test_files_and_what_they_do_not_claim(self):
        files = self.query(self.app, "-l").split()
        self.assertIn("/usr/bin/tidings", files)
        self.assertIn("/usr/share/man/man1/tidings-cli.1.gz", files)
        self.assertIn("/usr/share/icons/hicolor/48x48/apps/org.tidings.Tidings.png", files)
        for shared in ("/usr/share/icons/hicolor/48x48", "/usr/share/icons/hicolor/48x48/apps",
                       "/usr/share/applications", "/usr/share/man/man1", "/etc"):
            self.assertNotIn(shared, files, "a directory of the filesystem package")
        authd = self.query(self.authd, "-l").split()
        self.assertIn("/usr/lib/systemd/system/tidings-authd.service", authd)
        self.assertIn("/etc/tidings-authd/tidings-authd.conf", self.query(self.authd, "--configfiles"))

    def test_scriptlets(self):
        scripts = self.query(self.authd, "--scripts")
        print(scripts)
        self.assertIn("preinstall scriptlet", scripts)
        self.assertIn("useradd -r -g tidings-authd", scripts)
        self.assertIn("install -d -m 0700 -o tidings-authd", scripts)
        self.assertIn("disable --now tidings-authd.service", scripts)
        self.assertEqual(self.query(self.app, "--scripts").strip(), "")


if __name__ == "__main__":
    OUT, VERSION = sys.argv[1], sys.argv[2]
    del sys.argv[1:3]
    unittest.main(verbosity=2)
