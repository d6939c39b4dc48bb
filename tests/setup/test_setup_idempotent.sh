#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# scripts/setup is idempotent: after one run, a second run exits 0, reports that
# there is nothing to do, and leaves every package's name, version and status
# exactly as they were.
# usage: test_setup_idempotent.sh [path/to/scripts/setup]
set -euo pipefail

setup=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/scripts/setup}
[[ -x $setup ]] || { echo "FAIL: $setup is not executable" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

packages() {
    dpkg-query -W -f '${Package} ${Version} ${db:Status-Status}\n' | LC_ALL=C sort
}

# First run: may install what is missing (needs root or sudo then).
"$setup" </dev/null >"$work/first.out" 2>&1 || {
    echo "FAIL: first run of $setup exited non-zero:" >&2
    cat "$work/first.out" >&2
    exit 1
}

packages >"$work/before"
rc=0
"$setup" </dev/null >"$work/second.out" 2>&1 || rc=$?
packages >"$work/after"

status=0
if ((rc != 0)); then
    echo "FAIL: second run exited $rc" >&2
    status=1
fi
if ! diff -u "$work/before" "$work/after" >"$work/diff"; then
    echo "FAIL: the second run changed installed packages:" >&2
    cat "$work/diff" >&2
    status=1
fi
if ! grep -q 'nothing to do' "$work/second.out"; then
    echo "FAIL: the second run did not report 'nothing to do'" >&2
    status=1
fi
if grep -q 'installing' "$work/second.out"; then
    echo "FAIL: the second run tried to install something" >&2
    status=1
fi
echo "--- second run said:"
cat "$work/second.out"
((status == 0)) && echo "PASS: $(wc -l <"$work/after") packages unchanged by a second run"
exit "$status"
