/* bal-stall-probe.h: the main loop's longest stall and the first frame, for benchmarks
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void bal_stall_probe_start (GApplication *app);

G_END_DECLS
