// snaplint's C++ API, all of it: #include <snaplint/snaplint.hpp> and link snaplint::snaplint.
//
//   auto linter = snaplint::Linter::create(config_json);
//   if (!linter) { report(linter.error()); return; }
//   snaplint::Report report = linter->lint(snapshot_json, "agent.json");
//   if (report.fails()) { report.write_text(std::cerr); return; }  // do not upload
#pragma once

#include "snaplint/diagnostic.hpp"
#include "snaplint/linter.hpp"
#include "snaplint/report.hpp"
#include "snaplint/result.hpp"
#include "snaplint/version.hpp"
