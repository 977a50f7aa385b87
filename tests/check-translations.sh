#!/usr/bin/env bash
# Every user-visible string must be translated: the Japanese catalogue has
# a translation for each msgid in the sources, nothing fuzzy or untranslated,
# and every source file with translatable strings is listed in POTFILES.in.
set -euo pipefail
src=${1:?source root}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"

status=0
for f in $(git ls-files 'src/*.c' 'ui/*.ui' 'ui/**/*.ui' 2>/dev/null || find src ui -name '*.c' -o -name '*.ui'); do
  if grep -qE '_\("|translatable="yes"' "$f" && ! grep -qxF "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done

grep -v '^#' po/POTFILES.in | grep . > "$work/files"
xgettext --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from="$work/files" --output="$work/tsunagu.pot" 2>"$work/xgettext.log" || {
    cat "$work/xgettext.log"; exit 1; }

if ! msgcmp po/ja.po "$work/tsunagu.pot" 2>"$work/msgcmp.log"; then
  echo "po/ja.po lacks translations:"
  grep -v '^msgcmp' "$work/msgcmp.log" | head -50
  status=1
fi
stats=$(msgfmt --check --statistics -o /dev/null po/ja.po 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/ja.po: $stats"; status=1 ;;
esac
[ $status -eq 0 ] && echo "ok: $stats"
exit $status
