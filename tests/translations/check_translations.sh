#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when the Chinese translation misses any string that the sources contain:
# lupdate is run on the current sources into a copy of the .ts, then lrelease
# must report every message finished and none untranslated.
set -eu
lupdate=$1 lrelease=$2 srcdir=$3 ts=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$ts" "$work/check.ts"
"$lupdate" -silent -no-obsolete -locations none "$srcdir/src/gui" "$srcdir/ui" "$srcdir/src/core/jwt" "$srcdir/src/client" -ts "$work/check.ts"
report=$("$lrelease" "$work/check.ts" -qm "$work/check.qm")
echo "$report"
if grep -q 'type="unfinished"' "$work/check.ts"; then
    echo "FAIL: unfinished or new untranslated messages:" >&2
    grep -B3 'type="unfinished"' "$work/check.ts" | grep '<source>' >&2
    exit 1
fi
case $report in
    *" 0 unfinished"*) ;;
    *) echo "FAIL: lrelease reports unfinished messages" >&2; exit 1 ;;
esac
if echo "$report" | grep -q untranslated; then
    echo "FAIL: untranslated messages" >&2; exit 1
fi
count=$(grep -c '<message' "$work/check.ts")
[ "$count" -gt 0 ] || { echo "FAIL: no messages found" >&2; exit 1; }
echo "OK: $count messages, all translated"
