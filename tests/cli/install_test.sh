#!/usr/bin/env bash
# `cmake --install` into a scratch prefix: the binary, the desktop entry, the
# kiosk's systemd user unit and its X session land where systemd, desktops
# and display managers look, and each passes its own validator
# (systemd-analyze verify, desktop-file-validate); the unit starts the
# installed binary, restarts it on failure within 2 s, reloads on SIGHUP.
#   install_test.sh BUILD_DIR
set -euo pipefail
build=${1:?build dir}
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "install_test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
unit=$prefix/lib/systemd/user/madang-kiosk.service
for f in bin/madang share/applications/madang.desktop lib/systemd/user/madang-kiosk.service \
         share/madang/kiosk-session share/xsessions/madang-kiosk-session.desktop \
         share/doc/madang/kiosk.md; do
  [[ -e $prefix/$f ]] || fail "$f not installed"
done
[[ -x $prefix/share/madang/kiosk-session ]] || fail "kiosk-session is not executable"
"$prefix/bin/madang" --version | grep -q '^madang ' || fail "the installed madang does not run"

grep -qx "ExecStart=$prefix/bin/madang kiosk \${MADANG_KIOSK_DECK}" "$unit" ||
  fail "ExecStart is not the installed binary: $(grep ExecStart= "$unit")"
grep -qx 'Restart=on-failure' "$unit" || fail "no Restart=on-failure"
grep -qx 'RestartSec=500ms' "$unit" || fail "not restarted within 2 s"
grep -qx 'ExecReload=/bin/kill -HUP $MAINPID' "$unit" || fail "reload is not SIGHUP"
grep -q "Exec=$prefix/share/madang/kiosk-session" "$prefix/share/xsessions/madang-kiosk-session.desktop" ||
  fail "the session does not run the installed script"

# Each file as its own tool reads it: any complaint fails.
out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze: $out"
[[ -z $out ]] || fail "systemd-analyze: $out"
out=$(desktop-file-validate "$prefix/share/applications/madang.desktop" 2>&1) ||
  fail "desktop-file-validate: $out"
[[ -z $out ]] || fail "desktop-file-validate: $out"
sh -n "$prefix/share/madang/kiosk-session" || fail "kiosk-session is not valid sh"
echo "install_test: ok ($prefix)"
