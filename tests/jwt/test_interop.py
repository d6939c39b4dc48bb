#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interoperability of `tidings-cli jwt` with independent JOSE implementations.

Usage: /usr/bin/python3 tests/jwt/test_interop.py PATH_TO_tidings-cli [unittest options]

python3-jwcrypto (and python3-jwt, PyJWT, as a second opinion) makes keys and
tokens on one side; tidings-cli verifies and signs on the other:

  a. Python signs, `jwt inspect --json` verifies: with a PEM public key (or
     --secret-base64 for HMAC), a JWK and a JWKS of two keys selected by kid.
     Big integers keep their digits, and the header and payload keep their
     member order.
  b. `jwt sign` signs (PKCS#8 PEM private key, or --secret-base64), Python
     verifies, and the claims round-trip.
  c. A token checked with the wrong key of the right type fails with a
     "signature" error. The RS256 -> HS256 algorithm-confusion forgery
     (HMAC keyed with the RSA public key PEM) is refused with "alg_mismatch".
"""

import base64
import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

from jwcrypto import jwk, jws

try:
    import jwt as pyjwt  # PyJWT 2.x, an optional second verifier
except ImportError:  # pragma: no cover
    pyjwt = None

CLI = None  # set from sys.argv in main()
CLI_TIMEOUT = 60

BIG = 12345678901234567890  # between 2**63 and 2**64: neither a qint64 nor a double holds it exactly
BIG_DIGITS = "12345678901234567890"
NAME = "Zo\u00eb \u674e"  # "Zoë 李"
CLAIM_ORDER = ["sub", "iat", "exp", "big", "name"]
HEADER_ORDER = ["typ", "alg", "kid"]  # deliberately not alphabetical

# alg -> jwcrypto JWK.generate() parameters
KEY_SPECS = {
    "HS256": {"kty": "oct", "size": 256},
    "HS384": {"kty": "oct", "size": 384},
    "HS512": {"kty": "oct", "size": 512},
    "RS256": {"kty": "RSA", "size": 2048},
    "RS384": {"kty": "RSA", "size": 2048},
    "RS512": {"kty": "RSA", "size": 2048},
    "PS256": {"kty": "RSA", "size": 2048},
    "PS384": {"kty": "RSA", "size": 2048},
    "PS512": {"kty": "RSA", "size": 2048},
    "ES256": {"kty": "EC", "crv": "P-256"},
    "ES384": {"kty": "EC", "crv": "P-384"},
    "ES512": {"kty": "EC", "crv": "P-521"},
    "EdDSA": {"kty": "OKP", "crv": "Ed25519"},
}
ALGORITHMS = list(KEY_SPECS)


# ---------------------------------------------------------------- helpers

def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def compact_json(value) -> str:
    """Compact JSON in insertion order, non-ASCII as itself, ints exact."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_claims():
    now = int(time.time())
    claims = {"sub": "interop", "iat": now, "exp": now + 600, "big": BIG, "name": NAME}
    assert list(claims) == CLAIM_ORDER
    return claims


def header_text(alg: str, kid: str = "k1") -> str:
    return compact_json({"typ": "JWT", "alg": alg, "kid": kid})


_key_cache = {}


def key_pair(alg: str):
    """Two different keys (kid "k1" and "k0") of the kind alg needs. Keys are
    shared between algorithms of the same kind to keep RSA generation cheap."""
    spec = KEY_SPECS[alg]
    cache_key = tuple(sorted(spec.items()))
    if cache_key not in _key_cache:
        _key_cache[cache_key] = (jwk.JWK.generate(kid="k1", **spec),
                                 jwk.JWK.generate(kid="k0", **spec))
    return _key_cache[cache_key]


def is_hmac(alg: str) -> bool:
    return alg.startswith("HS")


def raw_secret(key: jwk.JWK) -> bytes:
    return b64url_decode(json.loads(key.export())["k"])


def public_jwk(key: jwk.JWK, **extra) -> dict:
    """The JWK that verifies: the whole oct key, or the public part."""
    obj = json.loads(key.export() if key["kty"] == "oct" else key.export_public())
    obj.update(extra)
    return obj


def public_pem(key: jwk.JWK) -> bytes:
    return key.export_to_pem()  # SubjectPublicKeyInfo


def private_pem(key: jwk.JWK) -> bytes:
    return key.export_to_pem(private_key=True, password=None)  # PKCS#8


def python_sign(key: jwk.JWK, protected: str, payload: str) -> str:
    """Compact JWS over exactly these header and payload texts."""
    token = jws.JWS(payload.encode("utf-8"))
    token.add_signature(key, alg=None, protected=protected)
    compact = token.serialize(compact=True)
    # jwcrypto must not have re-serialized (reordered) our header.
    assert b64url_decode(compact.split(".")[0]).decode("utf-8") == protected
    return compact


def python_verify(key: jwk.JWK, alg: str, token: str) -> bytes:
    """Verifies with jwcrypto (alg pinned); returns the payload bytes."""
    obj = jws.JWS()
    obj.deserialize(token)
    obj.verify(key, alg=alg)
    return obj.payload


def hmac_forge(alg_hash, secret: bytes, header: dict, payload_segment: str) -> str:
    signing_input = b64url(compact_json(header).encode("utf-8")) + "." + payload_segment
    mac = hmac.new(secret, signing_input.encode("ascii"), alg_hash).digest()
    return signing_input + "." + b64url(mac)


def write(directory: str, name: str, data) -> str:
    path = os.path.join(directory, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


class CliRun:
    """One run of the CLI, with everything needed to explain a failure."""

    def __init__(self, args, stdin=None):
        self.args = [CLI] + list(args)
        self.stdin = stdin
        self.timed_out = False
        try:
            proc = subprocess.run(self.args, input=stdin.encode("utf-8") if stdin is not None else None,
                                  capture_output=True, timeout=CLI_TIMEOUT)
            self.returncode = proc.returncode
            self.stdout_bytes, self.stderr_bytes = proc.stdout, proc.stderr
        except subprocess.TimeoutExpired as e:
            self.timed_out = True
            self.returncode = None
            self.stdout_bytes, self.stderr_bytes = e.stdout or b"", e.stderr or b""
        self.stdout = self.stdout_bytes.decode("utf-8", errors="replace")
        self.stderr = self.stderr_bytes.decode("utf-8", errors="replace")

    def describe(self) -> str:
        def clip(text, limit=6000):
            return text if len(text) <= limit else text[:limit] + f"\n... ({len(text) - limit} more characters)"
        lines = ["command: " + " ".join(repr(a) if (" " in a or not a) else a for a in self.args)]
        if self.stdin is not None:
            lines.append("stdin: " + clip(self.stdin, 2000))
        lines.append("exit status: " + ("TIMED OUT after %ds" % CLI_TIMEOUT if self.timed_out
                                        else str(self.returncode)))
        lines.append("--- stdout ---\n" + clip(self.stdout))
        lines.append("--- stderr ---\n" + clip(self.stderr))
        return "\n".join(lines)


class CliTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="tidings-jwt-interop-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    # -- running

    def run_cli(self, *args, stdin=None) -> CliRun:
        run = CliRun(args, stdin)
        if run.timed_out:
            self.fail("tidings-cli did not finish\n" + run.describe())
        return run

    def inspect(self, token, key_args, via_stdin=False):
        """Runs `jwt inspect --json`; returns (run, report)."""
        args = ["jwt", "inspect", "--json", *key_args, "-" if via_stdin else token]
        run = self.run_cli(*args, stdin=token if via_stdin else None)
        try:
            report = json.loads(run.stdout_bytes.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            self.fail(f"stdout is not one UTF-8 JSON object ({e})\n" + run.describe())
        if not isinstance(report, dict):
            self.fail("stdout is JSON but not an object\n" + run.describe())
        return run, report

    def check(self, condition, message, run):
        if not condition:
            self.fail(message + "\n" + run.describe())

    def check_equal(self, actual, expected, message, run):
        if actual != expected:
            self.fail(f"{message}\n  expected: {expected!r}\n  actual:   {actual!r}\n" + run.describe())

    # -- key arguments for the CLI

    def verify_args(self, alg, key, form):
        """CLI options that give the verifying key for `form`:
        "pem" (PEM public key, or --secret-base64 for HMAC), "jwk", "jwks"."""
        if form == "pem":
            if is_hmac(alg):
                return ["--secret-base64", base64.b64encode(raw_secret(key)).decode("ascii")]
            return ["--key", write(self.tmp, f"{alg}-public.pem", public_pem(key))]
        if form == "jwk":
            return ["--key", write(self.tmp, f"{alg}.jwk.json", json.dumps(public_jwk(key), indent=2))]
        if form == "jwks":
            _, other = key_pair(alg)
            # The right key is second: selection must be by kid, not by position.
            jwks = {"keys": [public_jwk(other, alg=alg, use="sig"),
                             public_jwk(key, alg=alg, use="sig")]}
            return ["--key", write(self.tmp, f"{alg}.jwks.json", json.dumps(jwks, indent=2))]
        raise ValueError(form)

    def sign_args(self, alg, key):
        if is_hmac(alg):
            return ["--secret-base64", base64.b64encode(raw_secret(key)).decode("ascii")]
        return ["--key", write(self.tmp, f"{alg}-private.pem", private_pem(key))]


# ---------------------------------------------------------------- a. Python signs, we verify

class PythonSignsCliVerifies(CliTestCase):

    def check_valid_report(self, alg, run, report, header, payload, claims):
        self.check_equal(run.returncode, 0, "exit status", run)
        self.check(report.get("signature_valid") is True, "signature_valid must be true", run)
        self.check_equal(report.get("errors"), [], "errors", run)
        self.check_equal(report.get("warnings"), [], "warnings", run)
        self.check_equal(report.get("alg"), alg, "alg", run)
        # The texts exactly as signed.
        self.check_equal(report.get("header_text"), header, "header_text", run)
        self.check_equal(report.get("payload_text"), payload, "payload_text", run)
        # Exact digits in the raw output: the "payload" member, unescaped, and
        # never as a double.
        self.check(re.search(r'(?<!\\)"big":\s*' + BIG_DIGITS + r'(?![0-9.eE])', run.stdout) is not None,
                   f'the raw output must contain "big": {BIG_DIGITS} (exact digits) in "payload"', run)
        for rounded in ("1.2345678901234567e+19", "1.23456789012346e+19", "12345678901234567000",
                        "12345678901234567168"):
            self.check(rounded not in run.stdout, f"the big number was rounded ({rounded})", run)
        payload_obj = report.get("payload")
        self.check(isinstance(payload_obj, dict), '"payload" must be an object', run)
        self.check_equal(payload_obj, claims, "payload claims", run)
        self.check(type(payload_obj["big"]) is int, '"big" must be an integer', run)
        self.check_equal(list(payload_obj), CLAIM_ORDER, "member order of payload", run)
        self.check_equal(list(report.get("header") or {}), HEADER_ORDER, "member order of header", run)
        # The pretty texts keep the signed member order and the digits.
        for field, order in (("header_pretty", HEADER_ORDER), ("payload_pretty", CLAIM_ORDER)):
            pretty = report.get(field)
            self.check(isinstance(pretty, str), f"{field} must be a string", run)
            try:
                parsed = json.loads(pretty)
            except ValueError as e:
                self.fail(f"{field} is not JSON: {e}\n" + run.describe())
            self.check_equal(list(parsed), order, f"member order of {field}", run)
        self.check(re.search(r'"big":\s*' + BIG_DIGITS + r'(?![0-9.eE])', report["payload_pretty"]) is not None,
                   "payload_pretty must show the exact digits of big", run)
        self.check(NAME in report["payload_pretty"], "payload_pretty must show the name as itself", run)
        self.check_equal(report.get("times", {}).get("exp", {}).get("unix"), claims["exp"], "times.exp.unix", run)

    def _test(self, alg):
        key, _ = key_pair(alg)
        claims = make_claims()
        header, payload = header_text(alg), compact_json(claims)
        token = python_sign(key, header, payload)
        for form in ("pem", "jwk", "jwks"):
            with self.subTest(key_form=form):
                run, report = self.inspect(token, self.verify_args(alg, key, form), via_stdin=(form == "jwks"))
                self.check_valid_report(alg, run, report, header, payload, claims)


# ---------------------------------------------------------------- b. we sign, Python verifies

class CliSignsPythonVerifies(CliTestCase):

    def _test(self, alg):
        key, _ = key_pair(alg)
        claims = make_claims()
        payload = compact_json(claims)
        run = self.run_cli("jwt", "sign", "--alg", alg, *self.sign_args(alg, key), payload)
        self.check_equal(run.returncode, 0, "exit status of jwt sign", run)
        token = run.stdout.strip()
        self.check(re.fullmatch(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+", token) is not None,
                   "jwt sign must print one compact JWS", run)

        header = json.loads(b64url_decode(token.split(".")[0]))
        self.check_equal(header.get("alg"), alg, "header alg", run)
        self.check_equal(header.get("typ"), "JWT", "header typ", run)

        try:
            signed_payload = python_verify(key if is_hmac(alg) else jwk.JWK.from_pem(public_pem(key)), alg, token)
        except Exception as e:  # jwcrypto raises InvalidJWSSignature and others
            self.fail(f"jwcrypto does not verify our {alg} token: {type(e).__name__}: {e}\n" + run.describe())

        # Claims round-trip: values, member order, exact digits, UTF-8 name.
        self.check_equal(json.loads(signed_payload), claims, "claims after the round trip", run)
        self.check_equal(list(json.loads(signed_payload)), CLAIM_ORDER, "member order of the signed payload", run)
        self.check(b'"big":' + BIG_DIGITS.encode() in signed_payload,
                   "the signed payload must carry the exact digits of big", run)
        self.check_equal(signed_payload, payload.encode("utf-8"),
                         "a compact payload must be signed byte for byte as given", run)

        if pyjwt is not None:
            with self.subTest(verifier="PyJWT"):
                verify_key = raw_secret(key) if is_hmac(alg) else public_pem(key)
                try:
                    decoded = pyjwt.decode(token, verify_key, algorithms=[alg], options={"verify_aud": False})
                except Exception as e:
                    self.fail(f"PyJWT does not verify our {alg} token: {type(e).__name__}: {e}\n" + run.describe())
                self.check_equal(decoded, claims, "claims decoded by PyJWT", run)

        with self.subTest(verifier="tidings-cli itself"):
            run2, report = self.inspect(token, self.verify_args(alg, key, "pem"))
            self.check_equal(run2.returncode, 0, "exit status of inspecting our own token", run2)
            self.check(report.get("signature_valid") is True, "our own token must verify", run2)


# ---------------------------------------------------------------- c. negative cases

class WrongKeyIsRefused(CliTestCase):

    def _test(self, alg):
        key, other = key_pair(alg)
        claims = make_claims()
        token = python_sign(key, header_text(alg), compact_json(claims))
        for form in ("pem", "jwk"):
            with self.subTest(key_form=form):
                run, report = self.inspect(token, self.verify_args(alg, other, form))
                self.check_equal(run.returncode, 1, "exit status", run)
                self.check(report.get("signature_valid") is False, "signature_valid must be false", run)
                errors = report.get("errors") or []
                self.check(bool(errors), "errors must not be empty", run)
                self.check_equal(errors[0].get("kind"), "signature", "errors[0].kind", run)


class AlgorithmConfusionIsRefused(CliTestCase):
    """RFC 8725 §2.1 / §3.1: a token re-signed with HMAC keyed by the bytes of
    the verifier's public key must not verify when the verifier is given that
    public key."""

    def forge(self, public_key_bytes: bytes, payload_segment: str) -> str:
        # Libraries refuse to use a PEM as an HMAC secret, so build it by hand.
        return hmac_forge(hashlib.sha256, public_key_bytes, {"alg": "HS256", "typ": "JWT"}, payload_segment)

    def check_refused(self, forged, key_args, what):
        run, report = self.inspect(forged, key_args)
        self.check_equal(run.returncode, 1, f"exit status ({what})", run)
        self.check(report.get("signature_valid") is False, f"signature_valid must be false ({what})", run)
        kinds = [e.get("kind") for e in report.get("errors") or []]
        self.check("alg_mismatch" in kinds, f"an alg_mismatch error is required ({what}); got {kinds}", run)

    def test_rs256_resigned_as_hs256_with_the_public_pem(self):
        key, _ = key_pair("RS256")
        pem = public_pem(key)
        pem_path = write(self.tmp, "rsa-public.pem", pem)
        rs_token = python_sign(key, compact_json({"alg": "RS256", "typ": "JWT"}), compact_json(make_claims()))
        payload_segment = rs_token.split(".")[1]

        # Control: the genuine RS256 token verifies with this PEM.
        run, report = self.inspect(rs_token, ["--key", pem_path])
        self.check(run.returncode == 0 and report.get("signature_valid") is True,
                   "control: the genuine RS256 token must verify with the public PEM", run)

        for label, secret in (("PEM bytes as written", pem), ("PEM bytes without the final newline", pem.rstrip(b"\n"))):
            forged = self.forge(secret, payload_segment)
            # Control: the forgery is a well-formed HS256 token that a naive
            # verifier (any library handed the PEM bytes as the secret) accepts.
            header_b64, payload_b64, sig_b64 = forged.split(".")
            self.assertTrue(hmac.compare_digest(
                hmac.new(secret, f"{header_b64}.{payload_b64}".encode(), hashlib.sha256).digest(),
                b64url_decode(sig_b64)))
            with self.subTest(secret=label, control="as an explicit secret it verifies"):
                run, report = self.inspect(forged, ["--secret-base64", base64.b64encode(secret).decode("ascii")])
                self.check(report.get("signature_valid") is True,
                           "control: the forged token must verify when the PEM bytes are given as the secret", run)
            with self.subTest(secret=label, key="public PEM"):
                self.check_refused(forged, ["--key", pem_path], f"{label}, --key public PEM")

        # The same forgery keyed with the bytes of the public JWK or JWKS file.
        for form in ("jwk", "jwks"):
            args = self.verify_args("RS256", key, form)
            with open(args[1], "rb") as f:
                forged = self.forge(f.read(), payload_segment)
            with self.subTest(key=form):
                self.check_refused(forged, args, f"--key public {form.upper()}")

    def test_other_public_keys_used_as_hmac_secrets(self):
        for alg in ("ES256", "ES384", "ES512", "EdDSA", "PS256"):
            key, _ = key_pair(alg)
            pem = public_pem(key)
            pem_path = write(self.tmp, f"{alg}-public.pem", pem)
            token = python_sign(key, compact_json({"alg": alg, "typ": "JWT"}), compact_json(make_claims()))
            forged = self.forge(pem, token.split(".")[1])
            with self.subTest(alg=alg):
                self.check_refused(forged, ["--key", pem_path], f"{alg} public PEM")


def _add_tests_per_algorithm():
    """One test method per algorithm, so a failure names its algorithm.
    (A function, so that no loop variable is left behind at module level for
    unittest to collect as a second copy of a test class.)"""
    for alg in ALGORITHMS:
        for cls, prefix in ((PythonSignsCliVerifies, "test_a_python_signs_cli_verifies_"),
                            (CliSignsPythonVerifies, "test_b_cli_signs_python_verifies_"),
                            (WrongKeyIsRefused, "test_c_wrong_key_is_refused_")):
            setattr(cls, prefix + alg, (lambda alg: lambda self: self._test(alg))(alg))


_add_tests_per_algorithm()


def main():
    global CLI
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.stderr.write(f"usage: {sys.argv[0]} PATH_TO_tidings-cli [unittest options]\n")
        return 2
    CLI = os.path.abspath(sys.argv.pop(1))
    if not (os.path.isfile(CLI) and os.access(CLI, os.X_OK)):
        sys.stderr.write(f"{sys.argv[0]}: {CLI} is not an executable file\n")
        return 2
    print(f"tidings-cli: {CLI}", file=sys.stderr)
    if pyjwt is None:
        print("PyJWT (python3-jwt) not found: the second verifier is skipped", file=sys.stderr)
    program = unittest.main(verbosity=2, exit=False)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
