#!/bin/sh
# check-po.sh: every translatable string has a Dutch translation that is
# neither missing nor fuzzy, and every source file with strings is in POTFILES.
set -eu

src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"

status=0
for f in $(git ls-files 'app/*.c' 'resources/*.ui' 'data/*.in' 2>/dev/null || find app resources data -name '*.c' -o -name '*.ui' -o -name '*.in'); do
  if grep -qE '(^|[^a-zA-Z_])N?_\(|translatable="yes"' "$f" && ! grep -qxF "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done

xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from=po/POTFILES.in --directory="$src" --output="$tmp/balans.pot"
msgmerge --quiet --no-fuzzy-matching "po/nl.po" "$tmp/balans.pot" --output-file="$tmp/nl.po"

stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$tmp/nl.po" 2>&1)
echo "nl: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Untranslated or fuzzy strings in po/nl.po:"
    msgattrib --untranslated --only-fuzzy --no-wrap "$tmp/nl.po" 2>/dev/null | grep '^msgid' || true
    msgattrib --untranslated --no-wrap "$tmp/nl.po" | grep '^msgid' | grep -v '^msgid ""$' || true
    status=1
    ;;
esac

LC_ALL=C msgfmt --check --output-file=/dev/null po/nl.po || status=1
exit $status
