#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command with a real Secret Service: a private D-Bus session and a
# gnome-keyring-daemon whose login keyring is created and unlocked with a
# throwaway password (never qtkeychain's plain-text fallback).
exec dbus-run-session -- sh -c '
    export XDG_RUNTIME_DIR=$(mktemp -d) HOME=$(mktemp -d)
    printf "tidings-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    "$@"
    status=$?
    rm -rf "$XDG_RUNTIME_DIR" "$HOME"
    exit $status
' sh "$@"
