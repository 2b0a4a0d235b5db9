#!/usr/bin/env bash
# Writes madang(1), gzipped, from the program's own help: help2man turns
# `madang --help` into the page (name, synopsis, options, the subcommands'
# list, the guides), and a COMMANDS section gets each subcommand's
# `madang SUBCOMMAND --help`, its usage and every option. Nothing in it is
# written by hand, so the page says what the program it ships with says.
# The build runs this (dist/CMakeLists.txt, target madang_man); the page is
# never kept in git.
#   manpage.sh MADANG OUT.1.gz [HELP2MAN]
set -euo pipefail
bin=${1:?madang binary}
out=${2:?output .1.gz}
help2man=${3:-help2man}
command -v "$help2man" >/dev/null ||
  { echo "manpage.sh: help2man is missing (scripts/setup installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

"$bin" --help >"$work/help"
# The subcommands are the first words of the lines under "Subcommands:".
mapfile -t subcommands < <(awk '/^Subcommands:$/ {on = 1; next}
                                 on && /^$/ {exit}
                                 on {print $1}' "$work/help")
((${#subcommands[@]})) || { echo "manpage.sh: no subcommands in '$bin --help'" >&2; exit 1; }
# The footer (the guides) closes every subcommand's help too: said once, in the page's own text.
footer=$(awk 'BEGIN {RS = ""} {last = $0} END {print last}' "$work/help")
# NAME: what the first line of the help says after "Madang (마당): ".
name=$(head -n1 "$work/help" | sed 's/^[^:]*: *//')

# A subcommand's help as roff: its usage as a subsection, its description,
# each positional and option as a tagged paragraph (the name in bold).
# CLI11 writes "  NAME [TYPE]   description", continuation lines indented.
to_roff() {
  awk -v footer="$footer" '
    function esc(s) { gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s); sub(/^[.'"'"']/, "\\\\\\&&", s); return s }
    NR == 1 { desc = $0; next }
    /^Usage: / { printf ".SS \"%s\"\n%s\n", esc(substr($0, 8)), esc(desc); next }
    /^[^ ].*:$/ { next }                       # "Positionals:", "Options:"
    /^$/ { entry = 0; if (para != "" && para != footer) printf ".PP\n%s\n", esc(para); para = ""; next }
    /^  [^ ]/ {
      line = substr($0, 3)
      n = match(line, /  +/)
      tag = n ? substr(line, 1, n - 1) : line
      text = n ? substr(line, n + RLENGTH) : ""
      entry = !(tag ~ /^-h,--help$/)            # every subcommand has it; OPTIONS says it once
      if (entry) {
        k = split(tag, w, " ")                   # name, type (=default), REQUIRED
        printf ".TP\n\\fB%s\\fR", esc(w[1])
        if (k > 1) printf " \\fI%s\\fR", esc(w[2])
        for (i = 3; i <= k; i++) printf " %s", esc(w[i])
        printf "\n"
        if (text != "") print esc(text)
      }
      next
    }
    /^   / { if (entry) { sub(/^ +/, ""); print esc($0) } next }
    { para = para == "" ? $0 : para "\n" $0 }
    END { if (para != "" && para != footer) printf ".PP\n%s\n", esc(para) }
  '
}

{
  echo "[COMMANDS]"
  for s in "${subcommands[@]}"; do
    "$bin" "$s" --help | to_roff
  done
} >"$work/include"

"$help2man" --locale=C.UTF-8 --no-info --section=1 --manual="User Commands" \
  --name="$name" --include="$work/include" --output="$work/madang.1" "$bin"
gzip -9n <"$work/madang.1" >"$work/madang.1.gz"
mv "$work/madang.1.gz" "$out"
