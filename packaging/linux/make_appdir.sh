#!/usr/bin/env bash
# Lay out an AppDir from the PyInstaller bundle (dist/annotext), ready for appimagetool:
#   packaging/linux/make_appdir.sh [dist/annotext] [build/Annotext.AppDir]
#   appimagetool build/Annotext.AppDir Annotext-x86_64.AppImage
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bundle=${1:-$root/dist/annotext}
appdir=${2:-$root/build/Annotext.AppDir}
id=io.github.annotext.Annotext
[ -x "$bundle/annotext" ] || { echo "no bundle at $bundle: run make bundle first" >&2; exit 2; }
rm -rf "$appdir"
mkdir -p "$appdir/usr/bin" "$appdir/usr/share/applications" "$appdir/usr/share/metainfo" \
         "$appdir/usr/share/icons/hicolor/scalable/apps" "$appdir/usr/lib"
cp -a "$bundle" "$appdir/usr/lib/annotext"
ln -s ../lib/annotext/annotext "$appdir/usr/bin/annotext"
cp "$root/packaging/linux/$id.desktop" "$appdir/usr/share/applications/"
cp "$root/packaging/linux/$id.metainfo.xml" "$appdir/usr/share/metainfo/"
cp "$root/resources/icons/annotext.svg" "$appdir/usr/share/icons/hicolor/scalable/apps/$id.svg"
ln -s "usr/share/applications/$id.desktop" "$appdir/$id.desktop"
ln -s "usr/share/icons/hicolor/scalable/apps/$id.svg" "$appdir/$id.svg"
cat > "$appdir/AppRun" <<'RUN'
#!/bin/sh
here="$(dirname "$(readlink -f "$0")")"
exec "$here/usr/lib/annotext/annotext" "$@"
RUN
chmod +x "$appdir/AppRun"
echo "AppDir ready: $appdir"
