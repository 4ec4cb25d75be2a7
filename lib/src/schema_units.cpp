#include "rapidjson_config.hpp"
//
#include "schema_units.hpp"

#include <rapidjson/pointer.h>

#include <algorithm>
#include <cstring>

namespace snaplint::schema_units {

namespace {

constexpr std::string_view definitions_prefix = "#/definitions/";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string_view view(const rapidjson::Value& string) {
  return {string.GetString(), string.GetStringLength()};
}

// Keywords whose verdict depends only on a value's shape, plus annotations that judge nothing.
bool is_shape_keyword(std::string_view key) {
  static constexpr std::string_view allowed[] = {
      "$schema",  "$id",         "$comment", "title", "description", "default",
      "examples", "definitions", "type",     "$ref",  "properties",  "required",
      "items",    "if",          "then",     "else"};
  return std::find(std::begin(allowed), std::end(allowed), key) != std::end(allowed);
}

std::string find_blocker(const rapidjson::Value& schema, const std::string& pointer) {
  if (schema.IsBool()) return {};
  if (!schema.IsObject()) return pointer + ": a schema that is not an object";
  for (const auto& member : schema.GetObject()) {
    const std::string_view key = view(member.name);
    const std::string at = pointer + "/" + std::string(key);
    if (!is_shape_keyword(key)) return at;
    const rapidjson::Value& value = member.value;
    if (key == "definitions" || key == "properties") {
      if (!value.IsObject()) return at;
      for (const auto& entry : value.GetObject()) {
        std::string blocker = find_blocker(entry.value, at + "/" + entry.name.GetString());
        if (!blocker.empty()) return blocker;
      }
    } else if (key == "items" || key == "then" || key == "else") {
      // `items` as an array (tuple validation) would make positions matter.
      if (!value.IsObject() && !value.IsBool()) return at;
      std::string blocker = find_blocker(value, at);
      if (!blocker.empty()) return blocker;
    } else if (key == "if") {
      // Only conditions on which keys are present: the walk below evaluates exactly those.
      if (!value.IsObject()) return at;
      for (const auto& condition : value.GetObject()) {
        if (view(condition.name) != "required") return at + "/" + condition.name.GetString();
      }
    } else if (key == "$ref") {
      if (!value.IsString() || !starts_with(view(value), definitions_prefix)) return at;
    }
  }
  return {};
}

// The schema a `$ref` chain ends at, or nullptr.
const rapidjson::Value* resolve(const rapidjson::Value& root, const rapidjson::Value* schema) {
  for (int hops = 0; schema && schema->IsObject() && hops < 32; ++hops) {
    const auto ref = schema->FindMember("$ref");
    if (ref == schema->MemberEnd()) return schema;
    schema = rapidjson::Pointer(ref->value.GetString() + 1).Get(root);
  }
  return schema && schema->IsObject() ? schema : nullptr;
}

// JSON Schema's `required` holds for any value that is not an object.
bool required_holds(const rapidjson::Value& condition, const JsonDocument& doc, JsonRef value) {
  if (!doc.is(value, JsonType::object)) return true;
  const auto required = condition.FindMember("required");
  if (required == condition.MemberEnd() || !required->value.IsArray()) return true;
  for (const auto& name : required->value.GetArray()) {
    if (!name.IsString() || doc.member(value, view(name)) == no_value) return false;
  }
  return true;
}

using Schemas = std::vector<const rapidjson::Value*>;

// Adds `schema` and every schema its $ref and if/then/else make apply to `value`.
void collect(const rapidjson::Value& root, const rapidjson::Value* schema, const JsonDocument& doc,
             JsonRef value, Schemas& out) {
  for (int hops = 0; hops < 32; ++hops) {
    schema = resolve(root, schema);
    if (!schema) return;
    out.push_back(schema);
    const auto condition = schema->FindMember("if");
    if (condition == schema->MemberEnd()) return;
    const char* branch = required_holds(condition->value, doc, value) ? "then" : "else";
    const auto next = schema->FindMember(branch);
    if (next == schema->MemberEnd()) return;
    schema = &next->value;
  }
}

// The definition named by a schema that is nothing but {"$ref": "#/definitions/NAME"}.
std::string_view lone_definition_ref(const rapidjson::Value& schema) {
  if (!schema.IsObject() || schema.MemberCount() != 1) return {};
  const auto ref = schema.FindMember("$ref");
  if (ref == schema.MemberEnd() || !ref->value.IsString()) return {};
  const std::string_view target = view(ref->value);
  if (!starts_with(target, definitions_prefix)) return {};
  const std::string_view name = target.substr(definitions_prefix.size());
  if (name.find_first_of("/~") != std::string_view::npos) return {};
  return name;
}

class UnitFinder {
 public:
  UnitFinder(const rapidjson::Value& root, const JsonDocument& doc) : root_(root), doc_(doc) {}

  std::vector<UnitArray> run() {
    Schemas applicable;
    collect(root_, &root_, doc_, doc_.root(), applicable);
    walk(doc_.root(), applicable);
    return std::move(units_);
  }

 private:
  void walk(JsonRef value, const Schemas& applicable) {
    if (applicable.empty()) return;  // nothing constrains this subtree
    if (doc_.is(value, JsonType::array)) {
      Schemas items;
      for (const rapidjson::Value* schema : applicable) {
        const auto found = schema->FindMember("items");
        if (found != schema->MemberEnd()) items.push_back(&found->value);
      }
      if (items.size() == 1) {
        const std::string_view definition = lone_definition_ref(*items.front());
        if (!definition.empty()) {
          units_.push_back({value, std::string(definition)});
          return;
        }
      }
      for (JsonRef child : doc_.children(value)) {
        Schemas child_schemas;
        for (const rapidjson::Value* item : items) collect(root_, item, doc_, child, child_schemas);
        walk(child, child_schemas);
      }
    } else if (doc_.is(value, JsonType::object)) {
      for (JsonRef child : doc_.children(value)) {
        Schemas child_schemas;
        for (const rapidjson::Value* schema : applicable) {
          const auto properties = schema->FindMember("properties");
          if (properties == schema->MemberEnd() || !properties->value.IsObject()) continue;
          const std::string_view key = doc_.key(child);
          const auto property = properties->value.FindMember(
              rapidjson::Value(rapidjson::StringRef(key.data(), key.size())));
          if (property != properties->value.MemberEnd()) {
            collect(root_, &property->value, doc_, child, child_schemas);
          }
        }
        walk(child, child_schemas);
      }
    }
  }

  const rapidjson::Value& root_;
  const JsonDocument& doc_;
  std::vector<UnitArray> units_;
};

void find_item_refs(const rapidjson::Value& schema, std::vector<std::string>& names) {
  if (!schema.IsObject()) return;
  for (const auto& member : schema.GetObject()) {
    if (view(member.name) == "items") {
      const std::string_view name = lone_definition_ref(member.value);
      if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
        names.emplace_back(name);
      }
    }
    if (member.value.IsObject()) find_item_refs(member.value, names);
  }
}

}  // namespace

std::string shape_cache_blocker(const rapidjson::Value& schema) {
  return find_blocker(schema, "");
}

std::vector<std::string> unit_definitions(const rapidjson::Value& schema) {
  std::vector<std::string> names;
  find_item_refs(schema, names);
  return names;
}

std::vector<UnitArray> find_unit_arrays(const rapidjson::Value& schema, const JsonDocument& doc) {
  if (doc.empty()) return {};
  return UnitFinder(schema, doc).run();
}

void append_shape(const JsonDocument& doc, JsonRef ref, std::string& out) {
  switch (doc.type(ref)) {
    case JsonType::null_value:
      out += 'n';
      return;
    case JsonType::boolean:
      out += 'b';
      return;
    case JsonType::integer:
      out += 'i';
      return;
    case JsonType::real:
      out += 'r';
      return;
    case JsonType::string:
      out += 's';
      return;
    case JsonType::object:
      out += '{';
      for (JsonRef child : doc.children(ref)) {
        // Length-prefixed, so no key can be confused with the shape that follows it.
        const std::string_view key = doc.key(child);
        const auto length = static_cast<std::uint32_t>(key.size());
        out.append(reinterpret_cast<const char*>(&length), sizeof length);
        out += key;
        append_shape(doc, child, out);
      }
      out += '}';
      return;
    case JsonType::array: {
      out += '[';
      // Items are judged alike, so a run of items of one shape is written once.
      std::size_t previous = std::string::npos;
      for (JsonRef child : doc.children(ref)) {
        const std::size_t start = out.size();
        append_shape(doc, child, out);
        const std::size_t length = out.size() - start;
        if (previous != std::string::npos && start - previous == length &&
            std::memcmp(out.data() + previous, out.data() + start, length) == 0) {
          out.resize(start);
        } else {
          previous = start;
        }
      }
      out += ']';
      return;
    }
  }
}

}  // namespace snaplint::schema_units
