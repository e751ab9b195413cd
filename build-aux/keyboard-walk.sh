#!/bin/sh
# keyboard-walk.sh: a consultant's whole flow in Balans by keyboard alone,
# in Dutch, under Xvfb: xdotool key presses and typing, no clicks.
#
#   build-aux/keyboard-walk.sh [BUILD_DIR] [OUT_DIR] [SIZE]
#
# From the welcome page: a new project (the organisation asked), a job,
# the questionnaire, a grading, a remark and an objection on the Review
# page, the notice's Print dialog (cancelled), the workbook exported. A shot
# after each step goes to OUT_DIR as walk-NN-STEP-SIZE.png. The set-up and
# helpers are those of screenshots.sh. No window manager: a dialog that
# closes leaves the X focus nowhere, so the main window is focused again.
#
# Copyright 2026 The Balans developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

BALANS_SHOTS_SOURCED=1
export BALANS_SHOTS_SOURCED
. "$(dirname "$0")/screenshots.sh"
trap stop EXIT INT TERM

# Files the walk saves (the project, the workbook) go to a home of its own.
export HOME="$run/walk-home"
rm -rf "$HOME"
mkdir -p "$HOME"

step () { shoot "walk-$1"; }
refocus () { xdotool windowfocus --sync "$window"; pause 0.5; }
# The dialog on top, focused, and shot.
dialog_step () { place_dialog; shoot_dialog "walk-$1"; }

screen "${3:-1366x768}"
start

# 1. A new project: the organisation, the demo handbook, saved at home.
key ctrl+n
xdotool type --delay 30 "Voorbeeld B.V."
dialog_step 01-new-project
key Return
pause 2
dialog_step 02-save
key Return
pause 3
refocus
step 03-project
test -f "$HOME/Voorbeeld B.V..balans" || { echo "keyboard-walk: no project file" >&2; exit 1; }

# 2. A job: its name, its department, a description.
key ctrl+shift+n
xdotool type --delay 20 "Medewerker klantenservice"
key Return
key Tab
key Return
xdotool type --delay 20 "Klantenservice"
key Return
step 04-job

# 3. The questionnaire: the focus starts on the first question; Space
#    chooses, Tab goes on to the next question's options.
key ctrl+Return
pause 1
step 05-questionnaire
key Down Down space
key Tab Tab space
step 06-answered
# One answer on each step, then the summary, which offers Grade.
for i in 1 2 3; do
  key ctrl+Page_Down
  pause 1
  key space
done
key ctrl+Page_Down
pause 1
step 07-summary

# 4. Grading: the focus is on Grade; the candidates, the first compared,
#    on to the decision with a justification. The first record asks who
#    decides.
key Return
pause 2
dialog_step 08-candidates
key Return
pause 1
dialog_step 09-comparison
key alt+v
pause 1
xdotool type --delay 20 "Vergelijkbaar met de referentiefunctie: zelfde opleiding en zelfstandigheid."
# Provisional (few questions answered): decide anyway, with a reason.
key Tab
key space
key Tab
xdotool type --delay 20 "Eerste indeling, de vragenlijst volgt."
dialog_step 10-decision
key alt+v
pause 1
dialog_step 11-author
xdotool type --delay 20 "Sanne Jansen"
key Return
pause 1
# Nobody agreed the description yet: Balans asks; grade anyway.
dialog_step 12-unagreed
key alt+i
pause 2
refocus
step 13-graded

# 5. The Review page: a remark, an objection, the notice printed.
key Escape
key alt+4
pause 1
step 14-review
# Tab from the header into the page: past the sidebar and the three
# signature rows and the remark's job row and list, to its text.
for i in 1 2 3 4 5 6 7 8; do key Tab; done
xdotool type --delay 20 "De werkervaring is nog niet beantwoord."
key alt+t
pause 1
step 15-remark
# On to the status: past the trail's job and the Now row to the note,
# then Propose.
key Tab Tab Tab
xdotool type --delay 20 "Voorstel aan de ondernemingsraad."
key Tab
key space
pause 1
refocus
step 16-proposed
# The objection: the reasons in the note, then Lodge Objection, the third
# button after Adopt and Back to Draft.
key shift+Tab
xdotool type --delay 20 "De werknemer vindt de functie zwaarder."
key Tab Tab Tab
step 17-objection-button
key space
pause 1
place_dialog
refocus
step 18-objection

# 6. The notice: the Print dialog opens, and is cancelled.
key alt+a
pause 3
dialog_step 19-print
key Escape
pause 1
refocus

# 7. Export: the workbook saved at home.
key alt+5
key ctrl+e
pause 2
dialog_step 20-export-save
key Return
pause 5
refocus
step 21-exported
ls "$HOME"/*.xlsx >/dev/null 2>&1 || echo "keyboard-walk: no workbook written" >&2

quit
stop
echo "keyboard walk in $out"
