#!/usr/bin/env bash
# Re-records tests/text/golden/*.txt from the fonts installed now (after a
# fonts-noto-cjk / fonts-dejavu-core / fonts-noto-color-emoji / harfbuzz
# update). Review the diff before committing it.
#   tests/text/record-golden.sh [build dir, default build-text]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-text}
cmake --build "$build" --target text_test -j2
MADANG_RECORD_GOLDEN=1 "$build/tests/text/text_test" --gtest_filter='Golden.*'
git diff --stat -- tests/text/golden
