#include "rapidjson_config.hpp"
//
#include "snaplint/config.hpp"

#include <rapidjson/document.h>
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/pointer.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
// valijson's #warning that RAPIDJSON_ASSERT is already defined is silenced in lib/CMakeLists.txt:
// defining it first is deliberate (rapidjson_config.hpp).
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "snaplint/glob.hpp"
#include "snaplint/json_parser.hpp"
#include "snaplint/suggest.hpp"
#include "utf8_text.hpp"

namespace snaplint {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string quote(std::string_view text) {
  return "'" + std::string(text) + "'";
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  const auto suggestion = closest_match(word, candidates);
  return suggestion ? "; did you mean " + quote(*suggestion) + "?" : "";
}

// A problem found in the config: where (a value, or a member's key) and why.
struct Problem {
  JsonRef ref = no_value;
  bool at_key = false;
  std::string message;
};

std::string format_problem(const JsonDocument& doc, std::string_view path, const Problem& problem) {
  std::uint32_t offset = 0;
  std::string pointer;
  if (problem.ref != no_value) {
    offset = problem.at_key ? doc.key_span(problem.ref).first : doc.value_span(problem.ref).first;
    pointer = doc.pointer(problem.ref);
  }
  const Position at = doc.source().position(offset);
  std::string text = std::string(path) + ":" + std::to_string(at.line) + ":" +
                     std::to_string(at.column) + ": " + problem.message;
  if (!pointer.empty()) text += " (at " + pointer + ")";
  return text;
}

// How messages name a value: its key, or its index in an array.
std::string describe_place(const JsonDocument& doc, JsonRef ref) {
  if (ref == doc.root()) return "the config";
  if (doc.is_member(ref)) return quote(doc.key(ref));
  const JsonRef parent = doc.parent(ref);
  const std::string container = doc.is_member(parent) ? quote(doc.key(parent)) : "the array";
  return "item " + std::to_string(doc.at(ref).key_begin_or_index) + " of " + container;
}

std::string describe_found(const JsonDocument& doc, JsonRef ref) {
  const JsonDocument::Value& value = doc.at(ref);
  switch (value.type) {
    case JsonType::boolean:
      return value.data.boolean ? "boolean true" : "boolean false";
    case JsonType::integer:
    case JsonType::real: {
      const auto [begin, end] = doc.value_span(ref);
      return std::string(to_string(value.type)) + " " +
             std::string(doc.source().bytes().substr(begin, std::min(end - begin, 24u)));
    }
    case JsonType::string: {
      const std::string_view text = doc.string(ref);
      if (text.size() > 24) return "string \"" + std::string(text.substr(0, 21)) + "...\"";
      return "string \"" + std::string(text) + "\"";
    }
    default:
      return std::string(to_string(value.type));
  }
}

std::string with_article(std::string_view type) {
  const bool vowel = !type.empty() && std::string_view("aeiou").find(type[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + std::string(type);
}

// The part of config.schema.json that describes one value of the config, found by walking the
// schema alongside the document: $ref, properties, additionalProperties, items.
class SchemaNavigator {
 public:
  SchemaNavigator(const rapidjson::Document& schema, const JsonDocument& doc)
      : schema_(schema), doc_(doc) {}

  const rapidjson::Value* schema_for(JsonRef target) const {
    std::vector<JsonRef> chain;
    for (JsonRef at = target; at != no_value; at = doc_.parent(at)) chain.push_back(at);
    const rapidjson::Value* current = resolve(&schema_);
    for (std::size_t i = chain.size() - 1; i > 0 && current; --i) {
      current = resolve(child(*current, chain[i - 1]));
    }
    return current;
  }

  // The keys an object may hold, for "did you mean".
  static std::vector<std::string_view> property_names(const rapidjson::Value* schema) {
    std::vector<std::string_view> names;
    if (!schema || !schema->IsObject()) return names;
    const auto properties = schema->FindMember("properties");
    if (properties == schema->MemberEnd() || !properties->value.IsObject()) return names;
    for (const auto& property : properties->value.GetObject()) {
      names.emplace_back(property.name.GetString(), property.name.GetStringLength());
    }
    return names;
  }

 private:
  const rapidjson::Value* resolve(const rapidjson::Value* schema) const {
    for (int hops = 0; schema && schema->IsObject() && hops < 16; ++hops) {
      const auto ref = schema->FindMember("$ref");
      if (ref == schema->MemberEnd() || !ref->value.IsString()) return schema;
      const std::string_view target = ref->value.GetString();
      if (!starts_with(target, "#")) return nullptr;
      schema = rapidjson::Pointer(std::string(target.substr(1)).c_str()).Get(schema_);
    }
    return schema;
  }

  const rapidjson::Value* child(const rapidjson::Value& schema, JsonRef child_ref) const {
    if (!schema.IsObject()) return nullptr;
    if (doc_.is_member(child_ref)) {
      const auto properties = schema.FindMember("properties");
      if (properties != schema.MemberEnd()) {
        const std::string key(doc_.key(child_ref));
        const auto property = properties->value.FindMember(key.c_str());
        if (property != properties->value.MemberEnd()) return &property->value;
      }
      const auto additional = schema.FindMember("additionalProperties");
      if (additional != schema.MemberEnd() && additional->value.IsObject()) {
        return &additional->value;
      }
      return nullptr;
    }
    const auto items = schema.FindMember("items");
    return items != schema.MemberEnd() ? &items->value : nullptr;
  }

  const rapidjson::Document& schema_;
  const JsonDocument& doc_;
};

// Follows valijson's context ("<root>", "[overrides]", "[0]", ...) down the tape.
JsonRef locate(const JsonDocument& doc, const std::vector<std::string>& context) {
  JsonRef at = doc.root();
  for (std::size_t i = 1; i < context.size() && at != no_value; ++i) {
    std::string_view segment = context[i];
    if (segment.size() >= 2 && segment.front() == '[' && segment.back() == ']') {
      segment = segment.substr(1, segment.size() - 2);
    }
    if (doc.type(at) == JsonType::object) {
      at = doc.member(at, segment);
    } else if (doc.type(at) == JsonType::array) {
      JsonRef found = no_value;
      for (JsonRef item : doc.children(at)) {
        if (std::to_string(doc.at(item).key_begin_or_index) == segment) found = item;
      }
      at = found;
    } else {
      return no_value;
    }
  }
  return at;
}

// Turns one of valijson's errors into a problem worded from the schema and the value found.
Problem schema_problem(const JsonDocument& doc, const SchemaNavigator& navigator, JsonRef ref,
                       const std::string& description) {
  const rapidjson::Value* schema = navigator.schema_for(ref);
  const std::string place = describe_place(doc, ref);
  auto keyword = [&](const char* name) -> const rapidjson::Value* {
    if (!schema || !schema->IsObject()) return nullptr;
    const auto it = schema->FindMember(name);
    return it == schema->MemberEnd() ? nullptr : &it->value;
  };

  if (starts_with(description, "Object contains a property that could not be validated")) {
    const std::size_t open = description.find(": '");
    const std::size_t close = description.rfind('\'');
    const std::string key = open == std::string::npos || close <= open + 3
                                ? std::string()
                                : description.substr(open + 3, close - open - 3);
    const JsonRef member = doc.member(ref, key);
    return {
        member != no_value ? member : ref, member != no_value,
        "unknown key " + quote(key) + did_you_mean(key, SchemaNavigator::property_names(schema))};
  }
  if (starts_with(description, "Value type not permitted")) {
    const rapidjson::Value* type = keyword("type");
    const std::string expected = type && type->IsString() ? type->GetString() : "other";
    if (expected == "integer" && doc.is(ref, JsonType::real) && doc.at(ref).data.real >= 0x1p63) {
      return {ref, false, place + " is too large, found " + describe_found(doc, ref)};
    }
    return {ref, false,
            place + " should be " + with_article(expected) + ", found " + describe_found(doc, ref)};
  }
  if (starts_with(description, "Failed to match against any enum values")) {
    std::vector<std::string_view> allowed;
    std::string list;
    if (const rapidjson::Value* values = keyword("enum"); values && values->IsArray()) {
      for (const auto& value : values->GetArray()) {
        if (!value.IsString()) continue;
        allowed.emplace_back(value.GetString(), value.GetStringLength());
        if (!list.empty()) list += ", ";
        list += "\"" + std::string(allowed.back()) + "\"";
      }
    }
    std::string message =
        place + " should be one of " + list + ", found " + describe_found(doc, ref);
    if (doc.is(ref, JsonType::string)) {
      // "warn" (ESLint's spelling) is too far from "warning" for an edit distance of 2.
      const std::string_view found = doc.string(ref);
      const auto prefix_of = std::find_if(allowed.begin(), allowed.end(), [&](std::string_view a) {
        return !found.empty() && starts_with(a, found);
      });
      message += prefix_of != allowed.end() ? "; did you mean " + quote(*prefix_of) + "?"
                                            : did_you_mean(found, allowed);
    }
    return {ref, false, message};
  }
  if (starts_with(description, "Expected number greater than or equal to")) {
    // valijson reads an integer beyond int64 (the tape's double) as a negative one.
    if (doc.is(ref, JsonType::real) && doc.at(ref).data.real > 0) {
      return {ref, false, place + " is too large, found " + describe_found(doc, ref)};
    }
    const rapidjson::Value* minimum = keyword("minimum");
    const std::string bound = minimum && minimum->IsNumber() ? format_number(minimum->GetDouble())
                                                             : description.substr(41);
    return {ref, false,
            place + " should be at least " + bound + ", found " + describe_found(doc, ref)};
  }
  if (starts_with(description, "Missing required property '")) {
    const std::size_t begin = description.find('\'') + 1;
    const std::string key = description.substr(begin, description.rfind('\'') - begin);
    return {ref, false, place + " is missing the required key " + quote(key)};
  }
  if (starts_with(description, "Array should contain no fewer than") ||
      starts_with(description, "String should be no fewer than")) {
    return {ref, false, place + " should not be empty"};
  }
  std::string text = description;
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  while (!text.empty() && text.back() == '.') text.pop_back();
  return {ref, false, place + ": " + text};
}

// The schema's verdict: the first problem in document order, if any.
std::optional<Problem> check_schema(const JsonDocument& doc, std::string_view text) {
  rapidjson::Document schema_json;
  const std::string_view schema_text = config_schema_text();
  schema_json.Parse(schema_text.data(), schema_text.size());
  rapidjson::Document instance;
  instance.Parse(text.data(), text.size());
  if (schema_json.HasParseError() || instance.HasParseError()) {
    return Problem{doc.root(), false, "internal error: the config schema failed to load"};
  }
  valijson::ValidationResults results;
  valijson::Schema schema;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::RapidJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::adapters::RapidJsonAdapter adapter(instance);
  if (validator.validate(schema, adapter, &results)) return std::nullopt;

  const SchemaNavigator navigator(schema_json, doc);
  std::optional<Problem> first;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    const std::string& description = error.description;
    if (starts_with(description, "Failed to validate") ||
        starts_with(description, "Cannot validate")) {
      continue;
    }
    const JsonRef ref = locate(doc, error.context);
    if (ref == no_value) continue;
    Problem problem = schema_problem(doc, navigator, ref, description);
    // A key comes before its value; among problems at one place, valijson's first wins.
    const std::uint32_t begin =
        problem.at_key ? doc.key_span(problem.ref).first : doc.value_span(problem.ref).first;
    if (!first || begin < (first->at_key ? doc.key_span(first->ref).first
                                         : doc.value_span(first->ref).first)) {
      first = std::move(problem);
    }
  }
  if (!first) return Problem{doc.root(), false, "the config does not match its schema"};
  return first;
}

// Reads the config once the schema has accepted it, checking names against the registry.
class ConfigReader {
 public:
  ConfigReader(const JsonDocument& doc, const RuleRegistry& registry)
      : doc_(doc), registry_(registry) {}

  // Members in document order, so the problem reported is the first one in the file.
  std::optional<Config> read() {
    Config config;
    for (JsonRef member : doc_.children(doc_.root())) {
      const std::string_view key = doc_.key(member);
      if (key == "root") {
        config.root = doc_.at(member).data.boolean;
      } else if (key == "overrides") {
        for (JsonRef item : doc_.children(member)) {
          ConfigOverride entry;
          for (JsonRef field : doc_.children(item)) {
            if (!(doc_.key(field) == "files" ? read_globs(field, entry.files)
                                             : read_setting(field, entry.settings))) {
              return std::nullopt;
            }
          }
          config.overrides.push_back(std::move(entry));
        }
      } else if (!read_setting(member, config.settings)) {
        return std::nullopt;
      }
    }
    return config;
  }

  const std::optional<Problem>& problem() const { return problem_; }

 private:
  std::nullopt_t fail(JsonRef ref, bool at_key, std::string message) {
    problem_ = Problem{ref, at_key, std::move(message)};
    return std::nullopt;
  }

  bool known_name(JsonRef ref, bool at_key, std::string_view name) {
    if (registry_.find(name) || registry_.is_category(name)) return true;
    fail(ref, at_key, registry_.unknown_name_message(name));
    return false;
  }

  // A name `ignore` or `severity` may not take: too-many-diagnostics (fixed_rule_problem).
  bool can_turn_off(JsonRef ref, bool at_key, std::string_view name) {
    if (auto problem = fixed_rule_problem(name)) {
      fail(ref, at_key, std::move(*problem));
      return false;
    }
    return true;
  }

  bool read_names(JsonRef array, std::vector<std::string>& out, bool turning_off) {
    for (JsonRef item : doc_.children(array)) {
      const std::string_view name = doc_.string(item);
      if (!known_name(item, false, name)) return false;
      if (turning_off && !can_turn_off(item, false, name)) return false;
      out.emplace_back(name);
    }
    return true;
  }

  bool read_globs(JsonRef array, std::vector<std::string>& out) {
    for (JsonRef pattern : doc_.children(array)) {
      const std::string_view text = doc_.string(pattern);
      if (auto why = glob_problem(text)) {
        fail(pattern, false, "glob " + quote(text) + ": " + *why);
        return false;
      }
      out.emplace_back(text);
    }
    return true;
  }

  // One member of a layer; members that are not settings ($schema) are skipped.
  bool read_setting(JsonRef member, ConfigLayer& layer) {
    const std::string_view key = doc_.key(member);
    if (key == "select") {
      layer.select.emplace();
      if (!read_names(member, *layer.select, false)) return false;
    } else if (key == "ignore") {
      if (!read_names(member, layer.ignore, true)) return false;
    } else if (key == "severity") {
      for (JsonRef entry : doc_.children(member)) {
        const std::string_view name = doc_.key(entry);
        if (!known_name(entry, true, name)) return false;
        if (!can_turn_off(entry, true, name)) return false;
        const std::string_view level = doc_.string(entry);
        layer.severity.push_back(
            {std::string(name), level == "off" ? std::nullopt : severity_from_string(level)});
      }
    } else if (key == "rules") {
      if (!read_options(member, layer.options)) return false;
    } else if (key == "fail-on") {
      layer.fail_on = severity_from_string(doc_.string(member));
    } else if (key == "max-warnings") {
      // Beyond 64-bit integers the tape holds a double.
      if (!doc_.is(member, JsonType::integer)) {
        fail(member, false, "'max-warnings' is too large");
        return false;
      }
      layer.max_warnings = static_cast<unsigned long long>(doc_.at(member).data.integer);
    }
    return true;
  }

  bool read_options(JsonRef rules, std::vector<OptionSetting>& out) {
    for (JsonRef rule_entry : doc_.children(rules)) {
      const std::string_view rule = doc_.key(rule_entry);
      if (!registry_.find(rule)) {
        std::vector<std::string_view> names;
        for (const RuleInfo& info : registry_.infos()) names.push_back(info.name);
        fail(rule_entry, true,
             registry_.is_category(rule)
                 ? quote(rule) + " is a category; options belong to one rule"
                 : "unknown rule " + quote(rule) + did_you_mean(rule, names));
        return false;
      }
      for (JsonRef option_entry : doc_.children(rule_entry)) {
        const std::string_view option = doc_.key(option_entry);
        const JsonDocument::Value& value = doc_.at(option_entry);
        const double number = value.type == JsonType::integer
                                  ? static_cast<double>(value.data.integer)
                                  : value.data.real;
        if (auto why = option_problem(registry_, rule, option, number)) {
          // A wrong name is the key's fault, a wrong number the value's.
          const bool unknown_option = registry_.find(rule)->find_option(option) == nullptr;
          fail(option_entry, unknown_option, std::move(*why));
          return false;
        }
        out.push_back({std::string(rule), std::string(option), number});
      }
    }
    return true;
  }

  const JsonDocument& doc_;
  const RuleRegistry& registry_;
  std::optional<Problem> problem_;
};

}  // namespace

bool ConfigOverride::matches(std::string_view path) const {
  return std::any_of(files.begin(), files.end(),
                     [&](const std::string& pattern) { return glob_match(pattern, path); });
}

std::optional<Config> parse_config(std::string_view text, std::string_view path,
                                   const RuleRegistry& registry, std::string* error) {
  const SourceFile source{std::string(text)};
  JsonDocument doc(source);
  auto fail = [&](const Problem& problem) -> std::optional<Config> {
    if (error) *error = format_problem(doc, path, problem);
    return std::nullopt;
  };
  try {
    const ParseResult parsed = parse_json(source, doc);
    if (parsed.error) {
      const Position at = source.position(parsed.error->offset);
      if (error) {
        *error = std::string(path) + ":" + std::to_string(at.line) + ":" +
                 std::to_string(at.column) + ": invalid JSON: " + parsed.error->message;
      }
      return std::nullopt;
    }
    // The last of repeated keys would win silently; in a config that is a mistake.
    if (!parsed.duplicate_keys.empty()) {
      const auto first = std::min_element(
          parsed.duplicate_keys.begin(), parsed.duplicate_keys.end(),
          [](const DuplicateKey& a, const DuplicateKey& b) { return a.repeat < b.repeat; });
      const Position earlier = source.position(doc.key_span(first->first).first);
      return fail({first->repeat, true,
                   "key " + quote(doc.key(first->repeat)) + " is repeated (first on line " +
                       std::to_string(earlier.line) + ")"});
    }
    if (auto problem = check_schema(doc, text)) return fail(*problem);
    ConfigReader reader(doc, registry);
    auto config = reader.read();
    if (!config) return fail(*reader.problem());
    return config;
  } catch (const std::exception& exception) {
    if (error) *error = std::string(path) + ": internal error: " + exception.what();
  } catch (...) {
    if (error) *error = std::string(path) + ": internal error";
  }
  return std::nullopt;
}

EffectiveSettings EffectiveSettings::defaults(const RuleRegistry& registry) {
  EffectiveSettings settings;
  settings.selection = RuleSelection::all(registry);
  return settings;
}

void EffectiveSettings::apply(const RuleRegistry& registry, const ConfigLayer& layer,
                              std::string_view source) {
  if (layer.select) selection.select_only(registry, *layer.select);
  selection.disable(registry, layer.ignore);
  // Categories first, so that a rule's own entry in the same layer wins over its category's.
  for (const bool categories : {true, false}) {
    for (const SeveritySetting& setting : layer.severity) {
      if (registry.is_category(setting.name) == categories) {
        selection.set_severity(registry, setting.name, setting.severity);
      }
    }
  }
  for (const OptionSetting& option : layer.options) {
    selection.set_option(registry, option.rule, option.option, option.value, nullptr);
  }
  if (layer.fail_on) fail_on = *layer.fail_on;
  if (layer.max_warnings) {
    max_warnings = layer.max_warnings;
    max_warnings_source = std::string(source);
  }
}

void write_effective_config_json(std::ostream& out, const RuleRegistry& registry,
                                 const EffectiveConfigReport& report) {
  rapidjson::OStreamWrapper stream(out);
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> writer(stream);
  writer.SetIndent(' ', 2);
  // The file and config paths come from the file system in any bytes; JSON is UTF-8.
  auto string = [&](std::string_view text) {
    const std::string valid = detail::valid_utf8(text);
    writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
  };
  auto key = [&](std::string_view text) {
    writer.Key(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  };
  const EffectiveSettings& settings = *report.settings;
  writer.StartObject();
  writer.Key("file");
  string(report.file);
  writer.Key("config-files");
  writer.StartArray();
  for (const std::string& file : report.config_files) string(file);
  writer.EndArray();
  writer.Key("layers");
  writer.StartArray();
  for (const std::string& layer : report.layers) string(layer);
  writer.EndArray();
  writer.Key("fail-on");
  string(to_string(settings.fail_on));
  writer.Key("max-warnings");
  if (settings.max_warnings) {
    writer.Uint64(*settings.max_warnings);
  } else {
    writer.Null();
  }
  writer.Key("max-warnings-source");
  if (settings.max_warnings) {
    string(settings.max_warnings_source);
  } else {
    writer.Null();
  }
  writer.Key("rules");
  writer.StartObject();
  for (const RuleInfo& info : registry.infos()) {
    key(info.name);
    writer.StartObject();
    writer.Key("category");
    string(info.category);
    writer.Key("enabled");
    writer.Bool(settings.selection.enabled(info.name));
    writer.Key("severity");
    string(to_string(settings.selection.severity(info.name)));
    writer.Key("options");
    writer.StartObject();
    for (const RuleOption& option : info.options) {
      key(option.name);
      writer.Double(settings.selection.option(info, option.name));
    }
    writer.EndObject();
    writer.EndObject();
  }
  writer.EndObject();
  writer.EndObject();
  out << '\n';
}

}  // namespace snaplint
