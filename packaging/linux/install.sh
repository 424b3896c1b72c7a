#!/usr/bin/env bash
# Installs the StepFun Studio bundle on Linux: the program folder, a `stepfun-studio` command,
# the desktop file (so it shows in the applications menu), the AppStream metainfo and the icons.
#
#   ./install.sh                      # for you alone, under ~/.local (no root needed)
#   sudo PREFIX=/usr/local ./install.sh   # for every user
#   ./install.sh --uninstall          # removes exactly what it installed (same PREFIX)
#
# It runs from inside a built bundle (packaging/dist/stepfun-studio/install.sh) or from the
# source tree (packaging/linux/install.sh, which then installs packaging/dist/stepfun-studio).
set -euo pipefail

APP_ID=io.github.stepfun_studio.StepFunStudio
EXECUTABLE=stepfun-studio
PREFIX=${PREFIX:-$HOME/.local}
here=$(cd "$(dirname "$0")" && pwd)

if [ -x "$here/$EXECUTABLE" ]; then
  bundle=$here
else
  bundle=$(cd "$here/.." && pwd)/dist/$EXECUTABLE
fi

target=$PREFIX/lib/$EXECUTABLE
bin=$PREFIX/bin/$EXECUTABLE
desktop=$PREFIX/share/applications/$APP_ID.desktop
metainfo=$PREFIX/share/metainfo/$APP_ID.metainfo.xml
icons=$PREFIX/share/icons/hicolor
sizes="16 24 32 48 64 128 256 512"

refresh_caches() {
  # Menus pick up the change without a new login where these tools exist; absent tools are fine.
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$PREFIX/share/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$icons/index.theme" ]; then
    gtk-update-icon-cache -q -t "$icons" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target"
  rm -f "$bin" "$desktop" "$metainfo" "$icons/scalable/apps/$APP_ID.svg"
  for size in $sizes; do
    rm -f "$icons/${size}x${size}/apps/$APP_ID.png"
  done
  refresh_caches
  echo "StepFun Studio removed from $PREFIX"
  exit 0
fi

if [ ! -x "$bundle/$EXECUTABLE" ]; then
  echo "No built bundle at $bundle: run 'make package' first." >&2
  exit 1
fi
bundle_icons=$bundle/_internal/stepfun_studio/resources/icons

# Copy to a fresh folder, then swap, so an interrupted install never leaves half a program.
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$(dirname "$desktop")" "$(dirname "$metainfo")"
rm -rf "$target.new"
cp -a "$bundle" "$target.new"
rm -rf "$target"
mv "$target.new" "$target"
ln -sfn "$target/$EXECUTABLE" "$bin"

# The desktop file names the installed program by its full path: ~/.local/bin is not on every
# desktop session's PATH.
sed -e "s|^Exec=.*|Exec=$target/$EXECUTABLE|" -e "s|^TryExec=.*|TryExec=$target/$EXECUTABLE|" \
  "$here/$APP_ID.desktop" >"$desktop"
cp "$here/$APP_ID.metainfo.xml" "$metainfo"

for size in $sizes; do
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$bundle_icons/stepfun-studio-$size.png" "$icons/${size}x${size}/apps/$APP_ID.png"
done
mkdir -p "$icons/scalable/apps"
cp "$bundle_icons/stepfun-studio.svg" "$icons/scalable/apps/$APP_ID.svg"
refresh_caches

echo "StepFun Studio installed in $target; start it from the applications menu or with $bin"
