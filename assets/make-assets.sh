#!/bin/sh
# Draws the pictures that the decks in slides/ use, from shapes only (no fonts,
# no photos), with ImageMagick 6 from Debian (`convert`).
#
#   assets/make-assets.sh            # writes slides/assets/*.png
#   assets/make-assets.sh OUT_DIR    # writes them somewhere else
#
# The pictures live in slides/assets/, not here: docs/format.md refuses an
# image outside the deck's folder, so a deck in slides/ cannot use ../assets/.
#
# The output is reproducible: no timestamps or other metadata chunks are
# written, so running it again gives the same bytes for the same ImageMagick.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../slides/assets}
mkdir -p "$out"

# madang-yard.png (1200x675): a 마당, the open yard of a Korean house, at
# dusk: a sky gradient, the tiled roof and wooden posts of a hanok, a
# persimmon tree, and the packed-earth yard where people gather.
convert -size 1200x675 gradient:'#9ed3f0-#fbe3c0' \
  -fill '#e9d3a8' -draw 'rectangle 0,470 1200,675' \
  -fill '#d9bf8c' -draw 'ellipse 600,590 420,60 0,360' \
  -fill '#f3f0e8' -draw 'rectangle 300,300 900,470' \
  -fill '#8a5a3b' -draw 'rectangle 320,300 340,470' -draw 'rectangle 590,300 610,470' \
                  -draw 'rectangle 860,300 880,470' \
  -fill '#c9b79c' -draw 'rectangle 360,330 570,440' -draw 'rectangle 630,330 840,440' \
  -fill '#e4d6bd' -draw 'rectangle 370,340 560,430' -draw 'rectangle 640,340 830,430' \
  -fill '#3d4a57' -draw 'polygon 220,310 980,310 900,225 600,205 300,225' \
  -fill '#2f3944' -draw 'bezier 200,315 230,290 260,300 300,300' \
                  -draw 'bezier 1000,315 970,290 940,300 900,300' \
                  -draw 'rectangle 250,300 950,318' \
  -fill '#6b4a2e' -draw 'rectangle 1015,300 1035,500' \
  -fill '#5e8c4a' -draw 'circle 1025,270 1025,185' \
  -fill '#f28c28' -draw 'circle 990,250 990,238' -draw 'circle 1060,285 1060,273' \
                  -draw 'circle 1020,215 1020,203' -draw 'circle 1050,235 1050,223' \
  -fill '#f6c75a' -draw 'circle 150,120 150,70' \
  -strip -define png:exclude-chunks=date,time "$out/madang-yard.png"

# icon.png (256x256): the Madang mark: a square yard seen from above, with the
# three corners of the triangle diagram (government, market, civil society)
# meeting in the middle.
convert -size 256x256 xc:none \
  -fill '#1f3b5c' -draw 'roundrectangle 8,8 248,248 40,40' \
  -fill '#e9d3a8' -draw 'roundrectangle 40,40 216,216 20,20' \
  -stroke '#1f3b5c' -strokewidth 8 -fill none -draw 'polygon 128,70 190,178 66,178' \
  -stroke none -fill '#d9534f' -draw 'circle 128,70 128,52' \
  -fill '#3b6fb6' -draw 'circle 190,178 190,160' \
  -fill '#5e8c4a' -draw 'circle 66,178 66,160' \
  -fill '#f28c28' -draw 'circle 128,142 128,130' \
  -strip -define png:exclude-chunks=date,time "$out/icon.png"

ls -l "$out"/*.png
