#!/usr/bin/env bash
# Makes the small media files the simulators serve, and commits nothing by itself:
#   packages/adapter-<vendor>/media/video.mp4   4 s, 180x320 (9:16), 12 fps, H.264 (main) in MP4, no audio
#   packages/adapter-<vendor>/media/poster.jpg  a frame of that video (the vendor's thumbnail)
#   packages/core/media/sample-product.jpg      the sample product page's image
# Each vendor's video has its own colour and name, so a viewer of a comparison tells them apart.
#
# Needs ffmpeg and the DejaVu fonts from Debian (apt-get install -y ffmpeg fonts-dejavu-core); only
# whoever regenerates the files needs them, nothing at run time does. The output is byte-for-byte
# reproducible with the same ffmpeg build (bitexact flags, no metadata).
#
# Usage: bash scripts/make-sim-media.sh
set -euo pipefail
cd "$(dirname "$0")/.."
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
[ -f "$font" ] || { echo "missing $font: apt-get install -y fonts-dejavu-core" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "missing ffmpeg: apt-get install -y ffmpeg" >&2; exit 1; }
quiet=(-hide_banner -loglevel error -y)
exact=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact)

# video <dir> <background colour> <title> <subtitle>
video() {
  local dir=$1 colour=$2 title=$3 subtitle=$4
  mkdir -p "$dir"
  ffmpeg "${quiet[@]}" \
    -f lavfi -i "color=c=${colour}:size=180x320:rate=12:duration=4" \
    -f lavfi -i "color=c=white:size=36x8:rate=12:duration=4" \
    -filter_complex "[0][1]overlay=x='(W-w)*t/3.9':y=250,\
drawtext=fontfile=${font}:text='${title}':fontcolor=white:fontsize=26:x=(w-text_w)/2:y=110,\
drawtext=fontfile=${font}:text='${subtitle}':fontcolor=white@0.85:fontsize=14:x=(w-text_w)/2:y=150,\
drawtext=fontfile=${font}:text='%{eif\:t+1\:d} / 4':fontcolor=white:fontsize=14:x=(w-text_w)/2:y=275" \
    -c:v libx264 -profile:v main -pix_fmt yuv420p -crf 30 -preset veryslow -movflags +faststart -an \
    "${exact[@]}" "$dir/video.mp4"
  ffmpeg "${quiet[@]}" -ss 1.5 -i "$dir/video.mp4" -frames:v 1 -q:v 6 "${exact[@]}" "$dir/poster.jpg"
}

video packages/adapter-creatify/media 0x6d28d9 "Creatify" "simulated ad"
video packages/adapter-jogg/media 0xc2410c "JoggAI" "simulated ad"
video packages/adapter-drafts/media 0x0f766e "Hour One" "simulated video"

mkdir -p packages/core/media
ffmpeg "${quiet[@]}" -f lavfi -i "color=c=0xf1f5f9:size=320x320:duration=1" -frames:v 1 \
  -vf "drawbox=x=40:y=170:w=240:h=60:color=0x0ea5e9:t=fill,drawbox=x=40:y=218:w=240:h=12:color=0x1e293b:t=fill,\
drawbox=x=150:y=130:w=110:h=50:color=0x0ea5e9:t=fill,\
drawtext=fontfile=${font}:text='Aurora Trail':fontcolor=0x1e293b:fontsize=26:x=(w-text_w)/2:y=60,\
drawtext=fontfile=${font}:text='sample product':fontcolor=0x475569:fontsize=14:x=(w-text_w)/2:y=265" \
  -q:v 6 "${exact[@]}" packages/core/media/sample-product.jpg

ls -l packages/adapter-*/media packages/core/media
