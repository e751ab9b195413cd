/* bal-method.h: a handbook's method file: grade scale, characteristics, questionnaire
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-importer.h"
#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_METHOD_ERROR (bal_method_error_quark ())

typedef enum
{
  BAL_METHOD_ERROR_INVALID,
} BalMethodError;

typedef struct
{
  char  *id;
  char  *name;
  int    levels;
  GStrv  descriptions;  /* one per level, from level 1 */
} BalCharacteristic;

typedef struct
{
  char *id;
  int   level;
  char *text;
  char *fact_value;
} BalQuestionOption;

typedef struct
{
  char      *id;
  char      *characteristic;
  char      *text;
  char      *help;
  char      *fact;
  GPtrArray *options;  /* BalQuestionOption, lightest first */
} BalQuestion;

/* A grade's salary scale: what the job pays per month, in euros. */
typedef struct
{
  char   *grade;
  char   *name;
  double  minimum;
  double  maximum;
} BalSalaryScale;

typedef struct
{
  char      *name;
  char      *sector;
  char      *version;
  GStrv      grades;           /* the ordered grade scale */
  GStrv      documents;        /* the handbook's documents, for a shipped handbook */
  GPtrArray *characteristics;  /* BalCharacteristic */
  GPtrArray *questions;        /* BalQuestion */
  GStrv      lesser;           /* [Method] Lesser: characteristics that only break a tie; NULL: the default */
  int        completeness;     /* [Method] Completeness: percent of questions answered; 0: the default */
  int        objection_period; /* [Method] ObjectionPeriod: days to object after the notice; 0: the default */
  GPtrArray *scales;           /* BalSalaryScale, from [Scale GRADE] groups, in grade order */
} BalMethod;

/* The rules when a method file does not say. A project keeps its method
 * file's [Method] group and scales (tables method_rule and salary_scale). */
#define BAL_METHOD_DEFAULT_LESSER           "physical"
#define BAL_METHOD_DEFAULT_COMPLETENESS     75
#define BAL_METHOD_DEFAULT_OBJECTION_PERIOD 30

/* An option with this level means "not applicable": it is left out of the mean. */
#define BAL_LEVEL_NOT_APPLICABLE 0

GQuark             bal_method_error_quark                 (void);
BalMethod         *bal_method_parse                       (const char        *file_name,
                                                           const char        *data,
                                                           gsize              length,
                                                           GError           **error);
int                bal_method_grade_index                 (BalMethod         *method,
                                                           const char        *grade);
BalCharacteristic *bal_method_find_characteristic_by_name (BalMethod         *method,
                                                           const char        *name);
void               bal_method_derive_profile              (BalMethod         *method,
                                                           BalReferenceDoc   *doc,
                                                           int               *levels_out,
                                                           gboolean          *derived_out);

gboolean           bal_method_is_lesser                   (BalMethod         *method,
                                                           const char        *characteristic_id);
int                bal_method_completeness                (BalMethod         *method);
int                bal_method_objection_period            (BalMethod         *method);
BalSalaryScale    *bal_method_find_scale                  (BalMethod         *method,
                                                           const char        *grade);
char              *bal_salary_scale_format                (BalSalaryScale    *scale);
char              *bal_method_grade_text                  (BalMethod         *method,
                                                           const char        *grade);

/* The project's copy: written with the handbook, read with it. */
gboolean           bal_method_store_rules                 (BalProject        *project,
                                                           BalMethod         *method,
                                                           GError           **error);
gboolean           bal_method_load_rules                  (BalProject        *project,
                                                           BalMethod         *method,
                                                           GError           **error);
gboolean           bal_method_set_scale                   (BalProject        *project,
                                                           const char        *grade,
                                                           const char        *name,
                                                           double             minimum,
                                                           double             maximum,
                                                           GError           **error);
gboolean           bal_method_remove_scale                (BalProject        *project,
                                                           const char        *grade,
                                                           GError           **error);
gboolean           bal_method_set_objection_period        (BalProject        *project,
                                                           int                days,
                                                           GError           **error);
int                bal_project_objection_period           (BalProject        *project);

void               bal_characteristic_free                (BalCharacteristic *characteristic);
void               bal_question_option_free               (BalQuestionOption *option);
void               bal_question_free                      (BalQuestion       *question);
void               bal_method_free                        (BalMethod         *method);
void               bal_salary_scale_free                  (BalSalaryScale    *scale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalMethod, bal_method_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalSalaryScale, bal_salary_scale_free)

G_END_DECLS
