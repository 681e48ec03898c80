#!/usr/bin/env bash
# Remove debug symbols from the large extension modules and libraries of a built bundle.
# (PyInstaller's own --strip strips everything, which breaks numpy's OpenBLAS; this skips it.)
set -euo pipefail
bundle=${1:-dist/annotext}
command -v strip >/dev/null 2>&1 || { echo "strip not found; bundle left as is"; exit 0; }
before=$(du -sm "$bundle" | cut -f1)
find "$bundle" -type f \( -name "*.so" -o -name "*.so.*" \) -size +1M \
  ! -name "*openblas*" ! -name "libgfortran*" ! -name "libquadmath*" -print0 |
  while IFS= read -r -d '' lib; do strip --strip-debug "$lib" 2>/dev/null || true; done
after=$(du -sm "$bundle" | cut -f1)
echo "stripped debug symbols: ${before} MB -> ${after} MB"
