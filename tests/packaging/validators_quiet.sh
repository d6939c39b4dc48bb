#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# desktop-file-validate and appstreamcli exit 0 on hints and (some) warnings; distributions
# read them anyway. Both must say nothing, except AppStream's pedantic note that the
# component ID has capitals: org.tidings.Tidings names the desktop file, the icon and the
# window's desktop file name (QGuiApplication::desktopFileName), as GNOME's own apps do.
# Usage: validators_quiet.sh DESKTOP_FILE METAINFO
set -uo pipefail
status=0
out=$(desktop-file-validate "$1" 2>&1) || status=1
if [[ -n $out ]]; then echo "desktop-file-validate:"; echo "$out"; status=1; fi
out=$(appstreamcli validate --no-net --pedantic --no-color "$2" 2>&1) || status=1
issues=$(grep -E '^[EWIP]: ' <<<"$out" | grep -v ': cid-contains-uppercase-letter ')
if [[ -n $issues ]]; then echo "appstreamcli validate --pedantic:"; echo "$issues"; status=1; fi
((status == 0)) && echo "desktop entry and metainfo: no findings"
exit $status
