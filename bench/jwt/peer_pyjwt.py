#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The peer side of bench/jwt: PyJWT (Debian's python3-jwt) decoding and
verifying the very tokens Tidings was timed on, with the same keys.

usage: peer_pyjwt.py DIR SECONDS
DIR holds ALG.jwt and ALG.key (PEM public key, or the raw HMAC secret).
Prints one line per algorithm: ALG TOKENS_PER_SECOND
"""
import pathlib
import sys
import time

import jwt  # PyJWT
from jwt.algorithms import get_default_algorithms


# The same checks as ours: signature, exp, nbf, iat (PyJWT's defaults), iss, aud.
CHECKS = {"audience": "tidings", "issuer": "https://auth.tidings.test"}


def main() -> None:
    directory = pathlib.Path(sys.argv[1])
    seconds = float(sys.argv[2])
    available = get_default_algorithms()
    for token_file in sorted(directory.glob("*.jwt")):
        alg = token_file.stem
        token = token_file.read_text().strip()
        key_bytes = (directory / f"{alg}.key").read_bytes()
        # Parse the key once, as a server would, so only decode+verify is timed.
        key = available[alg].prepare_key(key_bytes)
        decode = jwt.decode
        # Warm up and check that it verifies at all.
        decode(token, key, algorithms=[alg], **CHECKS)
        count = 0
        start = time.perf_counter()
        deadline = start + seconds
        while True:
            for _ in range(50):
                decode(token, key, algorithms=[alg], **CHECKS)
            count += 50
            now = time.perf_counter()
            if now >= deadline:
                break
        print(f"{alg} {count / (now - start):.0f}", flush=True)


if __name__ == "__main__":
    main()
