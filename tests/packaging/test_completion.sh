#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion of tidings-cli, driven as bash drives it (COMP_WORDS, COMP_CWORD and the
# completion function), against the built program: the commands and every action's options
# must be exactly what its --help prints, so the completion cannot drift from the program.
# Usage: test_completion.sh COMPLETION_FILE TIDINGS_CLI
set -uo pipefail
completion=$1
cli=$2
source /usr/share/bash-completion/bash_completion || { echo "bash-completion is not installed"; exit 1; }
source "$completion"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# complete WORD... : COMPREPLY for the last word, one per line, sorted.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _tidings_cli
    printf '%s\n' "${COMPREPLY[@]}" | sort -u | sed '/^$/d'
}

expect() { # expect "WANTED (sorted, space-separated)" WORD...
    local wanted=$1 got
    shift
    got=$(complete_words "$@" | tr '\n' ' ' | sed 's/ $//')
    [[ $got == "$wanted" ]] || fail "[$*<TAB>] gave '$got', want '$wanted'"
}

# The option names of a --help: "  -h, --help   ..." and "  --auth, --login <method>  ...".
help_options() {
    "$cli" "$@" --help | sed -n 's/^  \(-[^ ].*\)$/\1/p' | sed 's/  .*//' |
        grep -oE '(^|[ ,])--?[A-Za-z0-9-]+' | tr -d ' ,' | sort -u
}

expect "jwt" tidings-cli jw
expect "inspect sign" tidings-cli jwt ""
expect "none starttls tls" tidings-cli pop3 sync --security ""
expect "no yes" tidings-cli account set --leave-on-server ""
expect "show" tidings-cli account --id ID sh
expect "--help --version" tidings-cli --

# The commands: the first word of each entry of `tidings-cli --help`'s "Commands:".
wanted=$("$cli" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z0-9]*\) .*/\1/p' | sort | tr '\n' ' ' | sed 's/ $//')
[[ -n $wanted ]] || fail "no commands in tidings-cli --help"
expect "$wanted" tidings-cli ""

# Every action's options, both ways.
checked=0
for words in "account show" "account password" "auth login" "auth resume" "jwt inspect" "jwt sign" \
    "mime show" "mime build" "pop3 sync" "pop3 search" "smtp send"; do
    read -r -a argv <<<"$words"
    wanted=$(help_options "${argv[@]}")
    [[ $(wc -l <<<"$wanted") -ge 3 ]] || { fail "$words --help printed no options"; continue; }
    got=$(complete_words tidings-cli "${argv[@]}" -)
    missing=$(comm -23 <(echo "$wanted") <(echo "$got") | tr '\n' ' ')
    extra=$(comm -13 <(echo "$wanted") <(echo "$got") | tr '\n' ' ')
    [[ -z $missing ]] || fail "tidings-cli $words -<TAB> lacks $missing(in its --help)"
    [[ -z $extra ]] || fail "tidings-cli $words -<TAB> offers $extra(not in its --help)"
    checked=$((checked + 1))
done

# Options that name a file complete file names, and their value is not taken for the action.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
touch "$dir/password.txt" "$dir/other"
expect "$dir/password.txt" tidings-cli auth login --password-file "$dir/pa"
expect "$dir/password.txt" tidings-cli pop3 --ca "$dir/pa"
expect "--password-file" tidings-cli auth --host h login --password-f

echo "$checked actions' options compared with their --help; $failures failures"
((failures == 0))
