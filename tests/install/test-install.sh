#!/usr/bin/env bash
# Install the build into a temporary folder (meson install --destdir, never
# the real prefix) and check it the way a GNOME desktop would use it: the
# files where GNOME looks for them, the desktop file and metainfo valid, the
# schema compiling, and the program started as its desktop file says,
# finding its installed translations.
#
# test-install.sh MESON BUILD_ROOT SOURCE_ROOT PREFIX BINDIR DATADIR LOCALEDIR
set -euo pipefail

meson=$1 build=$2 source=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7
app_id=jp.tsunagu.Tsunagu

fail() { echo "FAIL: $*" >&2; exit 1; }
need() {
  command -v "$1" >/dev/null 2>&1 || fail "$1 is missing (Debian package $2)"
}
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need glib-compile-schemas libglib2.0-bin

case $prefix in /*) ;; *) fail "the prefix $prefix is not absolute" ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tsunagu-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
case $tmp/ in
  # From inside the build folder the program would take the build's own
  # translations, and the test would prove nothing.
  "$build"/*) fail "the temporary folder $tmp is inside the build folder" ;;
esac
dest=$tmp/root

echo "# meson install --destdir $dest"
"$meson" install -C "$build" --no-rebuild --destdir "$dest" >"$tmp/install.log" 2>&1 || {
  cat "$tmp/install.log" >&2; fail "meson install failed"; }
# Nothing may go outside the temporary folder.
if grep -E '^Installing .* to ' "$tmp/install.log" | grep -vF " to $dest/" | grep -q .; then
  grep -E '^Installing .* to ' "$tmp/install.log" | grep -vF " to $dest/" >&2
  fail "meson install wrote outside $dest"
fi

root=$dest$prefix
bin=$dest$bindir
share=$dest$datadir
locale=$dest$localedir

for f in \
  "$bin/tsunagu" \
  "$share/applications/$app_id.desktop" \
  "$share/metainfo/$app_id.metainfo.xml" \
  "$share/icons/hicolor/scalable/apps/$app_id.svg" \
  "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "$share/glib-2.0/schemas/$app_id.gschema.xml" \
  "$locale/ja/LC_MESSAGES/tsunagu.mo"; do
  [ -s "$f" ] || fail "not installed: ${f#"$dest"}"
  echo "ok: ${f#"$dest"}"
done
[ -x "$bin/tsunagu" ] || fail "bin/tsunagu is not executable"

desktop=$share/applications/$app_id.desktop
metainfo=$share/metainfo/$app_id.metainfo.xml

echo "# desktop-file-validate"
desktop-file-validate "$desktop" || fail "desktop-file-validate: $desktop"
grep -q '^Name\[ja\]=つなぐ$' "$desktop" || fail "the desktop file has no Japanese name"
grep -q '^Keywords\[ja\]=.*名簿' "$desktop" || fail "the desktop file has no Japanese keywords"

echo "# appstreamcli validate --no-net"
appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli validate: $metainfo"
grep -q 'xml:lang="ja"' "$metainfo" || fail "the metainfo has no Japanese"

# The icons are SVG documents, the newest release is the program's version,
# and every screenshot the metainfo points at is one in data/screenshots.
/usr/bin/python3 - "$share/icons/hicolor" "$app_id" "$metainfo" "$source/data/screenshots" \
  "$("$bin/tsunagu" --version)" <<'PY'
import os, sys, xml.etree.ElementTree as ET
icons, app_id, metainfo, shots, version = sys.argv[1:]
for path in (f"{icons}/scalable/apps/{app_id}.svg",
             f"{icons}/symbolic/apps/{app_id}-symbolic.svg"):
    root = ET.parse(path).getroot()
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        sys.exit(f"FAIL: {path} is not an SVG document")
    if not root.get("viewBox"):
        sys.exit(f"FAIL: {path} has no viewBox")
root = ET.parse(metainfo).getroot()
newest = root.find("releases/release").get("version")
if version.split()[-1] != newest:
    sys.exit(f"FAIL: the program says {version!r}, the newest release is {newest}")
images = root.findall("screenshots/screenshot/image")
if not images:
    sys.exit("FAIL: the metainfo has no screenshots")
for image in images:
    name = os.path.basename(image.text.strip())
    if not os.path.isfile(os.path.join(shots, name)):
        sys.exit(f"FAIL: screenshot {image.text.strip()} is not data/screenshots/{name}")
print(f"ok: icons are SVG, release {newest}, {len(images)} screenshot(s)")
PY

echo "# glib-compile-schemas"
glib-compile-schemas --strict "$share/glib-2.0/schemas" || fail "the installed schema does not compile"
[ -s "$share/glib-2.0/schemas/gschemas.compiled" ] || fail "no gschemas.compiled"

# Start the program as the desktop file says: its Exec line without field
# codes, found on PATH, in a session that has the prefix's data folders and
# no display.
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n 1)
[ -n "$exec_line" ] || fail "the desktop file has no Exec line"
read -r -a command <<<"$(printf '%s' "$exec_line" | sed -E 's/ ?%[fFuUdDnNickvm]//g')"
run() {
  env -u DISPLAY -u WAYLAND_DISPLAY -u LANGUAGE \
    PATH="$bin:$PATH" \
    XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
    GSETTINGS_SCHEMA_DIR="$share/glib-2.0/schemas" \
    GSETTINGS_BACKEND=memory \
    HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" \
    "$@"
}
found=$(run sh -c 'command -v "$1"' sh "${command[0]}") || fail "${command[0]} is not on PATH"
[ "$found" = "$bin/tsunagu" ] || fail "Exec=${command[0]} starts $found, not the installed $bin/tsunagu"

echo "# ${command[*]} --version"
version=$(run LC_ALL=C.UTF-8 "${command[@]}" --version) || fail "--version failed"
echo "$version"
case $version in "tsunagu "[0-9]*) ;; *) fail "unexpected --version: $version" ;; esac

echo "# LANG=ja_JP.UTF-8 ${command[*]} --help"
locale -a 2>/dev/null | grep -qix 'ja_JP.utf-\?8' || fail "the ja_JP.UTF-8 locale is missing (localedef -i ja_JP -f UTF-8 ja_JP.UTF-8)"
help=$(run LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "${command[@]}" --help) || fail "--help failed"
echo "$help" | tail -n 1
case $help in
  *"データベースは"*) ;;
  *) fail "--help under ja_JP.UTF-8 is not in Japanese: the installed translations were not found" ;;
esac

# And they were these translations: without the installed catalogue the
# same command speaks English.
rm "$locale/ja/LC_MESSAGES/tsunagu.mo"
help=$(run LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "${command[@]}" --help) || fail "--help failed"
case $help in
  *"データベースは"*) fail "--help is Japanese without the installed catalogue: it reads translations from elsewhere" ;;
  *"The database is"*) ;;
  *) fail "unexpected --help output: $help" ;;
esac
echo "ok: the Japanese came from ${localedir}/ja/LC_MESSAGES/tsunagu.mo under the install"
