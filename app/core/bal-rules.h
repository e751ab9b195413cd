/* bal-rules.h: the application rules of a reference function
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-verdict.h"

G_BEGIN_DECLS

char *bal_rules_grade (const char * const *grades,
                       const char         *reference_grade,
                       const char         *rule_grade,
                       BalVerdict          verdict,
                       GPtrArray          *warnings);

G_END_DECLS
