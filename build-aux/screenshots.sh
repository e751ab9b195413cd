#!/bin/sh
# screenshots.sh: every page of Balans in Dutch at 1366x768, 800x600 and
# 360x640, under Xvfb, driven by the keyboard.
#
#   build-aux/screenshots.sh [BUILD_DIR] [OUT_DIR]
#
# Shots are named PAGE-SIZE.png. BALANS_SHOTS_DISPLAY picks the X display
# (default :77), BALANS_SHOTS_SIZES the sizes. build-aux/keyboard-walk.sh
# sources this file for its set-up and helpers (BALANS_SHOTS_SOURCED=1).
#
# Everything it makes (the nl_NL.UTF-8 locale, the demo project, settings)
# stays in BUILD_DIR/screenshots-run; the shots go to OUT_DIR (default
# BUILD_DIR/screenshots). Needs Xvfb, xdotool, ImageMagick's import and
# localedef.
#
# Copyright 2026 The Balans developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

build=$(cd "${1:-build}" && pwd)
out=${2:-$build/screenshots}
run=$build/screenshots-run
balans=$build/app/ui/balans

mkdir -p "$out" "$run/locale" "$run/data" "$run/config" "$run/cache" "$run/balans"
ninja -C "$build" >/dev/null

# The Dutch locale, built into the build directory rather than the system.
if [ ! -d "$run/locale/nl_NL.UTF-8" ]; then
  localedef -i nl_NL -f UTF-8 "$run/locale/nl_NL.UTF-8"
fi

export LOCPATH="$run/locale" LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8 LANGUAGE=nl
export BALANS_LOCALEDIR="$build/po"          # po/nl/LC_MESSAGES/balans.mo
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory
export XDG_DATA_HOME="$run/data" XDG_CONFIG_HOME="$run/config" XDG_CACHE_HOME="$run/cache"
export BALANS_DATA_DIR="$run/balans" NO_AT_BRIDGE=1 GTK_A11Y=none GDK_BACKEND=x11

display=${BALANS_SHOTS_DISPLAY:-:77}
xvfb_pid=
app_pid=

stop () {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  app_pid=
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null || true
  xvfb_pid=
}
trap stop EXIT INT TERM

pause () { sleep "${1:-1}"; }
key () { xdotool key --clearmodifiers "$@"; pause 0.6; }
# Each page at the screen's size, even after one that widened the window.
shoot () { xdotool windowsize "$window" "$width" "$height"; pause 1; import -display "$display" -window root "$out/$1-$size.png"; }
# A dialog is a window of its own: shot as it is, without resizing the main one.
shoot_dialog () { pause 1; import -display "$display" -window root "$out/$1-$size.png"; }

start () {
  "$balans" "$@" >"$run/balans.log" 2>&1 &
  app_pid=$!
  window=$(xdotool search --sync --onlyvisible --pid "$app_pid" 2>/dev/null | head -n 1)
  # No window manager: the window is placed and sized by hand.
  xdotool windowmove "$window" 0 0 windowsize "$window" "$width" "$height" windowfocus --sync "$window"
  pause 2
}

quit () {
  key ctrl+q
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}


# Xvfb at SIZE and the environment for it.
screen () {
  size=$1
  width=${size%x*}
  height=${size#*x}
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=$display
  pause 1
}

# A window that opened on top (a dialog) is placed where a window manager
# would put it, and sized to fit the screen.
place_dialog () {
  dialog=$(xdotool search --sync --onlyvisible --pid "$app_pid" 2>/dev/null | grep -v "^$window\$" | tail -n 1)
  [ -n "$dialog" ] || return 0
  xdotool windowmove "$dialog" 0 0 windowfocus --sync "$dialog" 2>/dev/null || true
  pause 1
}

[ "${BALANS_SHOTS_SOURCED:-0}" = 1 ] && return 0

for size in ${BALANS_SHOTS_SIZES:-1366x768 800x600 360x640}; do
  screen "$size"

  start
  shoot 01-welcome
  quit

  rm -f "$XDG_DATA_HOME/balans/demo.balans"
  start --demo
  shoot 02-jobs
  # A job: search for it, then into the list and onto its row.
  key ctrl+f
  xdotool type --delay 40 "Klantenservice"
  pause 1
  key Tab Tab Down
  key Up
  shoot 03-job
  # Down the form to the description and its versions.
  for i in 1 2 3 4 5 6 7 8 9 10; do key Tab; done
  shoot 03b-job-description
  key ctrl+Return
  pause 1
  shoot 04-questionnaire
  key Escape
  key ctrl+g
  pause 1
  place_dialog
  shoot_dialog 05-grade-candidates
  # Into the list of candidates, onto the first: the comparison.
  key Tab Tab
  key Return
  pause 1
  shoot_dialog 05b-grade-comparison
  key alt+v
  pause 1
  shoot_dialog 05c-grade-decision
  # A justification, then Record: the first record asks who is deciding.
  xdotool type --delay 20 "Vergelijkbaar met de referentiefunctie."
  key alt+v
  pause 1
  place_dialog
  shoot_dialog 05d-author
  key Escape
  key Escape
  key Escape
  key alt+2
  shoot 06-handbook
  key alt+3
  pause 2
  shoot 07-structure
  key alt+4
  shoot 08-review
  key alt+5
  shoot 09-export
  key F10
  shoot 10-menu
  key Escape
  key ctrl+question
  shoot_dialog 11-shortcuts
  key Escape
  key ctrl+comma
  place_dialog
  shoot_dialog 13-preferences
  key Escape
  key alt+Left
  shoot 12-sidebar
  quit

  # The same project for review, as the works council gets it.
  start --review "$XDG_DATA_HOME/balans/demo.balans"
  key alt+4
  shoot 14-review-mode
  key alt+1
  shoot 15-jobs-review-mode
  quit

  stop
done

echo "screenshots in $out"
