/* bal-demo.h: the demo project
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

BalProject *bal_demo_create        (GFile   *file,
                                    GError **error);
BalProject *bal_demo_create_empty  (GFile   *file,
                                    GError **error);
GFile      *bal_demo_ensure  (GError **error);

G_END_DECLS
