#include "suppressions.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "snaplint/suggest.hpp"

namespace snaplint {

namespace {

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool is_suppression_rule(std::string_view rule) {
  return rule == builtin::unused_suppression.name || rule == builtin::expired_suppression.name ||
         rule == builtin::invalid_suppression.name;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// A real calendar date written YYYY-MM-DD, which also makes string order date order.
bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  auto number = [&](std::size_t at, std::size_t length) {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  static constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const int last = days_in_month[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0);
  return day <= last;
}

bool covers(const SuppressionEntry& entry, const RuleRegistry& registry,
            const Diagnostic& diagnostic) {
  if (entry.rule != diagnostic.rule) {
    const RuleInfo* info = registry.find(diagnostic.rule);
    if (!info || info->category != entry.rule) return false;
  }
  return !entry.id || (diagnostic.entity.id && *diagnostic.entity.id == *entry.id);
}

std::string describe(const SuppressionEntry& entry) {
  return "suppression of " + quoted(entry.rule) + (entry.id ? " for " + quoted(*entry.id) : "");
}

}  // namespace

std::string current_utc_date() {
  // From the clock's days, not gmtime/strftime: glibc reads /etc/localtime on their first call,
  // a file read in every run of a pre-commit hook for a date that needs no time zone.
  const std::chrono::year_month_day date{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

std::vector<SuppressionEntry> read_suppressions(const JsonDocument& doc, const Model& model,
                                                const RuleRegistry& registry,
                                                std::string_view today,
                                                const SuppressionReport& report) {
  std::vector<SuppressionEntry> entries;
  if (model.graph == no_value || !doc.is(model.graph, JsonType::object)) return entries;
  const JsonRef metadata = doc.member(model.graph, "metadata");
  if (!doc.is(metadata, JsonType::object)) return entries;
  const JsonRef settings = doc.member(metadata, "snaplint");
  if (settings == no_value) return entries;
  auto invalid = [&](JsonRef where, bool at_key, std::string message, std::string help = {}) {
    report(builtin::invalid_suppression,
           Finding{{where, at_key}, std::move(message), graph_entity(), {}, std::move(help)});
  };
  if (!doc.is(settings, JsonType::object)) {
    invalid(settings, false, "metadata.snaplint should be an object with a 'suppress' array");
    return entries;
  }
  for (const JsonRef member : doc.children(settings)) {
    if (doc.key(member) != "suppress") {
      invalid(member, true, "unknown key " + quoted(doc.key(member)) + " in metadata.snaplint",
              "the only key is 'suppress'");
    }
  }
  const JsonRef list = doc.member(settings, "suppress");
  if (list == no_value) return entries;
  if (!doc.is(list, JsonType::array)) {
    invalid(list, false, "metadata.snaplint.suppress should be an array of suppressions");
    return entries;
  }

  std::vector<std::string_view> rule_names;
  for (const RuleInfo& info : registry.infos()) rule_names.push_back(info.name);

  for (const JsonRef item : doc.children(list)) {
    if (!doc.is(item, JsonType::object)) {
      invalid(item, false, "a suppression should be an object with 'rule' and 'reason'");
      continue;
    }
    SuppressionEntry entry;
    entry.json = item;
    bool valid = true;
    std::string until;
    for (const JsonRef member : doc.children(item)) {
      const std::string_view key = doc.key(member);
      const bool is_string = doc.is(member, JsonType::string);
      if (key == "rule" || key == "id" || key == "reason" || key == "until") {
        if (!is_string) {
          invalid(member, false, "suppression field " + quoted(key) + " should be a string");
          valid = false;
          continue;
        }
        const std::string value(doc.string(member));
        if (key == "rule") entry.rule = value;
        if (key == "id") entry.id = value;
        if (key == "reason") entry.reason = value;
        if (key == "until") until = value;
        continue;
      }
      const auto suggestion =
          closest_match(key, std::vector<std::string_view>{"rule", "id", "reason", "until"});
      invalid(member, true, "unknown key " + quoted(key) + " in a suppression",
              suggestion ? "did you mean " + quoted(*suggestion) + "?"
                         : "the keys are 'rule', 'id', 'reason' and 'until'");
      valid = false;
    }
    if (doc.member(item, "rule") == no_value) {
      invalid(item, false, "suppression has no 'rule'");
      valid = false;
    } else if (!entry.rule.empty() && !registry.find(entry.rule) &&
               !registry.is_category(entry.rule)) {
      const auto suggestion = closest_match(entry.rule, rule_names);
      invalid(
          doc.member(item, "rule"), false,
          "suppression names an unknown rule or category " + quoted(entry.rule),
          suggestion ? "did you mean " + quoted(*suggestion) + "?" : "'snaplint rules' lists them");
      valid = false;
    } else if (is_suppression_rule(entry.rule)) {
      invalid(doc.member(item, "rule"), false,
              "the suppression rules themselves cannot be suppressed here",
              "turn " + quoted(entry.rule) + " off in .snaplint.json instead");
      valid = false;
    } else if (fixed_rule_problem(entry.rule)) {
      invalid(doc.member(item, "rule"), false,
              quoted(entry.rule) + " cannot be suppressed: it stands for findings that still count",
              "raise --max-diagnostics (0: no limit) to list them, then suppress those");
      valid = false;
    }
    if (doc.is(doc.member(item, "reason"), JsonType::string) && is_blank(entry.reason)) {
      invalid(doc.member(item, "reason"), false, "suppression reason is empty",
              "say why the finding is accepted, e.g. \"wired up next sprint\"");
      valid = false;
    } else if (doc.member(item, "reason") == no_value) {
      invalid(item, false, "suppression has no 'reason'",
              "say why the finding is accepted, e.g. \"wired up next sprint\"");
      valid = false;
    }
    if (doc.is(doc.member(item, "until"), JsonType::string) && !is_iso_date(until)) {
      invalid(doc.member(item, "until"), false,
              "suppression 'until' " + quoted(until) + " is not a date written YYYY-MM-DD");
      valid = false;
    }
    if (!valid) continue;
    if (!until.empty() && until < today) {
      report(builtin::expired_suppression,
             Finding{{doc.member(item, "until"), false},
                     describe(entry) + " expired on " + until + " and no longer applies",
                     graph_entity(),
                     {},
                     "fix the finding, or move 'until' forward if there is still a reason"});
      continue;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

void apply_suppressions(std::vector<SuppressionEntry>& entries, const RuleRegistry& registry,
                        FileReport& report) {
  if (entries.empty()) return;
  std::vector<Diagnostic> kept;
  for (Diagnostic& diagnostic : report.diagnostics) {
    SuppressionEntry* match = nullptr;
    if (!is_suppression_rule(diagnostic.rule)) {
      for (SuppressionEntry& entry : entries) {
        if (covers(entry, registry, diagnostic)) {
          match = &entry;
          break;
        }
      }
    }
    if (!match) {
      kept.push_back(std::move(diagnostic));
      continue;
    }
    match->used = true;
    diagnostic.suppression = Suppression{Suppression::Kind::metadata, match->reason};
    report.suppressed.push_back(std::move(diagnostic));
  }
  report.diagnostics = std::move(kept);
}

void report_unused_suppressions(const std::vector<SuppressionEntry>& entries,
                                const RuleRegistry& registry, const RuleSelection& selection,
                                const SuppressionReport& report) {
  for (const SuppressionEntry& entry : entries) {
    if (entry.used) continue;
    // Like ruff's unused-noqa, an entry for a rule that is turned off is unused too: it silences
    // nothing in this run.
    bool ran = selection.enabled(entry.rule);
    for (const RuleInfo& info : registry.infos()) {
      if (info.category == entry.rule && selection.enabled(info.name)) ran = true;
    }
    report(builtin::unused_suppression,
           Finding{{entry.json, false},
                   describe(entry) + " matches no finding" +
                       (ran ? "" : " (" + quoted(entry.rule) + " is turned off)"),
                   graph_entity(),
                   {},
                   "remove it: the finding it was written for is gone"});
  }
}

}  // namespace snaplint
