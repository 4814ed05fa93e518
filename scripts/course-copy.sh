#!/usr/bin/env bash
# course-copy.sh SOURCE TARGET: copies each file of SOURCE that TARGET lacks into TARGET and
# names it on stderr; a file already in TARGET is never overwritten, so a student's edits stay.
# `npm start` (scripts/start.sh) uses it to give students a working copy of courses/: running
# a notebook saves outputs and slider settings into the file, and courses/ is tracked.
# Jupyter's .ipynb_checkpoints/ folders are not copied.
set -euo pipefail
source_dir="$1"
target_dir="$2"
mkdir -p "$target_dir"
(cd "$source_dir" && find . -type f ! -path '*/.ipynb_checkpoints/*' -print0) |
  while IFS= read -r -d '' file; do
    if [ ! -e "$target_dir/$file" ]; then
      mkdir -p "$(dirname "$target_dir/$file")"
      cp -p "$source_dir/$file" "$target_dir/$file"
      echo "[pmxlab] copied ${file#./} into $target_dir" >&2
    fi
  done
