#!/usr/bin/env bash
# Prints one closing line for CI, "ci: N passed, N failed", summed over the Vitest runs in a log.
log="$1"
sed -r 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  /^ *Tests +[0-9]/ {
    for (i = 1; i <= NF; i++) {
      if ($(i+1) ~ /^passed/) passed += $i
      if ($(i+1) ~ /^failed/) failed += $i
    }
  }
  END { printf "ci: %d passed, %d failed\n", passed, failed }'
