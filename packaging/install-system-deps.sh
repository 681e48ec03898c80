#!/usr/bin/env bash
# Installs the few system libraries Qt needs on a bare Debian/Ubuntu, only when missing
# and only where apt-get is available and we are allowed to use it (root or passwordless sudo).
set -u
# Qt's xcb platform plugin (a real X display) also needs the xcb utility libraries.
pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1
      libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0)
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Qt needs these system packages, please install them: ${missing[*]}" >&2; exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "Qt needs these system packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})" >&2; exit 0
  fi
fi
echo "Installing system libraries for Qt: ${missing[*]}"
$SUDO apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || echo "warning: could not install ${missing[*]}; Qt may fail to start" >&2
