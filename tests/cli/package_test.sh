#!/usr/bin/env bash
# The Debian package: scripts/package makes it from this build into a scratch
# folder; dpkg-deb lists the files a kiosk and a user need (the program, the
# man page, the unit, the session, the desktop entry, the guides, copyright
# and changelog), all under /usr, and dependencies on the libraries and the
# fonts; lintian finds no error or warning but those dist/lintian-overrides
# keeps, with their reasons; the unpacked unit and session name /usr paths;
# the man page renders without warnings and documents every subcommand; the
# program unpacked from it (dpkg-deb -x, not installed) runs on the system's
# libraries: --version, and an export of the lecture's first slide.
#   package_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=${1:?source dir}
build=${2:?build dir}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

deb=$("$src/scripts/package" --build "$build" --out "$work/out") || fail "scripts/package failed"
[[ -f $deb ]] || fail "scripts/package printed '$deb', not a file"
version=$(dpkg-deb -f "$deb" Version)
[[ $(basename "$deb") == "madang_${version}_amd64.deb" ]] || fail "named $(basename "$deb")"
echo "package_test: $deb"

# Files: what the kiosk and a user need, and nothing outside /usr.
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/files"
for f in bin/madang share/man/man1/madang.1.gz lib/systemd/user/madang-kiosk.service \
         share/madang/kiosk-session share/xsessions/madang-kiosk-session.desktop \
         share/applications/madang.desktop share/doc/madang/copyright \
         share/doc/madang/changelog.gz share/doc/madang/kiosk.md share/doc/madang/presenting.md \
         share/doc/madang/format.md share/doc/madang/rehearsing.md share/doc/madang/export.md; do
  grep -qx "\./usr/$f" "$work/files" || fail "the package has no /usr/$f"
done
outside=$(grep -v -e '^\./$' -e '^\./usr/' -e '^\./usr/local' "$work/files" || true)
[[ -z $outside ]] || fail "files outside /usr: $outside"
! grep -q '^\./usr/local' "$work/files" || fail "files in /usr/local"

# Dependencies: the linked libraries (dpkg-shlibdeps) and the fonts (by hand).
depends=$(dpkg-deb -f "$deb" Depends)
echo "package_test: Depends: $depends"
for d in libsdl2 libharfbuzz libfreetype libicu libcairo libsqlite3 libsource-highlight \
         fonts-noto-cjk fonts-dejavu-core fonts-noto-color-emoji fontconfig; do
  grep -Eq "(^|, )$d" <<<"$depends" || fail "Depends has no $d: $depends"
done

# lintian: errors and warnings fail; the information is shown.
lintian --display-info --fail-on error,warning "$deb" 2>&1 | tee "$work/lintian" ||
  fail "lintian: $(grep -E '^[EW]:' "$work/lintian" || cat "$work/lintian")"

# Unpacked into an empty folder, not installed.
root=$work/root
mkdir "$root"
dpkg-deb -x "$deb" "$root"
unit=$root/usr/lib/systemd/user/madang-kiosk.service
# shellcheck disable=SC2016  # the unit's own ${MADANG_KIOSK_DECK}, literally
grep -qx 'ExecStart=/usr/bin/madang kiosk ${MADANG_KIOSK_DECK}' "$unit" ||
  fail "the unit does not start /usr/bin/madang: $(grep ExecStart= "$unit")"
grep -q 'file:///usr/share/doc/madang/kiosk.md' "$unit" || fail "the unit's Documentation is not /usr"
grep -qx 'Exec=/usr/share/madang/kiosk-session' "$root/usr/share/xsessions/madang-kiosk-session.desktop" ||
  fail "the session entry does not run /usr/share/madang/kiosk-session"
[[ -x $root/usr/share/madang/kiosk-session ]] || fail "kiosk-session is not executable"

madang() { env -u LD_LIBRARY_PATH "$root/usr/bin/madang" "$@"; }
missing=$(env -u LD_LIBRARY_PATH ldd "$root/usr/bin/madang" | grep 'not found' || true)
[[ -z $missing ]] || fail "libraries not found: $missing"
[[ $(madang --version) == "madang $version" ]] || fail "--version says '$(madang --version)', not 'madang $version'"

# The man page: renders without a warning, and documents every subcommand.
page=$root/usr/share/man/man1/madang.1.gz
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >"$work/man.txt") ||
  fail "man cannot render the page: $warnings"
[[ -z $warnings ]] || fail "man warns: $warnings"
grep -q "madang $version" "$work/man.txt" || fail "the man page is not for madang $version"
madang --help | awk '/^Subcommands:$/ {on = 1; next} on && /^$/ {exit} on {print $1}' >"$work/subcommands"
[[ -s $work/subcommands ]] || fail "madang --help lists no subcommands"
while read -r sub; do
  grep -q "^   madang $sub \[OPTIONS\]" "$work/man.txt" || fail "the man page has no section for madang $sub"
done <"$work/subcommands"
grep -q -- '--slides' "$work/man.txt" || fail "the man page does not list export's options"

# An export with the unpacked program: the lecture's first slide, 1920x1080.
madang export "$src/slides/lecture.md" --png "$work/png" --slides 1 >"$work/export.log" 2>&1 ||
  fail "export failed: $(cat "$work/export.log")"
png=$work/png/slide-01.png
[[ -f $png ]] || fail "export wrote no slide-01.png: $(ls "$work/png")"
[[ $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "slide-01.png is not a PNG"
size=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3 * 256 + $4 "x" $7 * 256 + $8}')
[[ $size == 1920x1080 ]] || fail "slide-01.png is $size, not 1920x1080"
echo "package_test: ok"
