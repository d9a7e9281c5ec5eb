// Phase A of the generator: plans every planted scenario from the seed (serially) — 年底不立案 and surge
// courts (with their own filing calendars), outlier judges, and the scripted families of false-litigation
// rings, abusive litigants and professional lenders. Rates and features: docs/generator.md.
#pragma once

#include "gen_context.h"

namespace tianping::gen {

// REQUIRES: ctx has courts, causes and the national day_cum built.
void PlanScenarios(GenContext* ctx);

}  // namespace tianping::gen
