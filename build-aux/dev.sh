#!/bin/sh
# dev.sh: install what a fresh Debian 12 machine lacks, build, and then
#   run   start Balans on the built-in demo project
#   test  run every test (widget tests under Xvfb), then all again built with
#         clang under AddressSanitizer, LeakSanitizer and UBSan (build-asan),
#         with a short libFuzzer run of the importer
# Works as root and as a user with sudo; running it again changes nothing.
set -eu

cd "$(dirname "$0")/.."

packages="build-essential meson ninja-build pkg-config gettext git
libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libadwaita-1-dev
libsqlite3-dev libxlsxwriter-dev libjson-glib-dev libsodium-dev libstemmer-dev
desktop-file-utils appstream sqlite3 xvfb xauth xdotool dbus-daemon python3-openpyxl valgrind
clang libclang-rt-14-dev locales
libpango1.0-dev libcairo2-dev poppler-utils"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "Installing:$missing"
  $sudo apt-get update
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
fi

if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build

export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
# The translations as built, so that Balans speaks the user's language
# without being installed.
export BALANS_LOCALEDIR="${BALANS_LOCALEDIR:-$PWD/build/po}"

case "${1:-run}" in
  run)
    exec ./build/app/ui/balans --demo
    ;;
  test)
    status=0
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- meson test -C build --print-errorlogs || status=$?

    # The same suite under the sanitizers; clang for libFuzzer (tests/fuzz).
    if [ ! -f build-asan/build.ninja ]; then
      CC=clang meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dfuzzing=true
    fi
    meson compile -C build-asan
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- meson test -C build-asan --print-errorlogs || status=$?

    passed=0 failed=0 skipped=0
    for log in build/meson-logs/testlog.json build-asan/meson-logs/testlog.json; do
      passed=$((passed + $(grep -cE '"result": "(OK|EXPECTEDFAIL)"' "$log" || true)))
      failed=$((failed + $(grep -cE '"result": "(FAIL|TIMEOUT|ERROR|UNEXPECTEDPASS)"' "$log" || true)))
      skipped=$((skipped + $(grep -cE '"result": "SKIP"' "$log" || true)))
    done
    [ "$failed" -eq 0 ] || status=1
    echo "$passed passed, $failed failed, $skipped skipped"
    exit $status
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
