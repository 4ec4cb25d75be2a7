#include "rapidjson_config.hpp"
//
#include "snaplint/schema_check.hpp"

#include "schema_units.hpp"

#include <rapidjson/document.h>
#include <rapidjson/pointer.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>
// valijson's #warning that RAPIDJSON_ASSERT is already defined is silenced in lib/CMakeLists.txt:
// defining it first is deliberate (rapidjson_config.hpp).
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace snaplint {

namespace {

// valijson walks a RapidJSON DOM, so the tape is copied into one (the last of repeated keys
// only, as the server sees it).
// Arrays in `emptied` are copied without their items (they are validated as units).
void copy_value(const JsonDocument& doc, JsonRef ref, rapidjson::Value& out,
                rapidjson::Document::AllocatorType& allocator,
                const std::vector<JsonRef>& emptied = {}) {
  const JsonDocument::Value& value = doc.at(ref);
  switch (value.type) {
    case JsonType::null_value:
      out.SetNull();
      break;
    case JsonType::boolean:
      out.SetBool(value.data.boolean);
      break;
    case JsonType::integer:
      out.SetInt64(value.data.integer);
      break;
    case JsonType::real:
      out.SetDouble(value.data.real);
      break;
    case JsonType::string: {
      const std::string_view text = doc.string(ref);
      out.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
      break;
    }
    case JsonType::array:
      out.SetArray();
      if (std::binary_search(emptied.begin(), emptied.end(), ref)) break;
      out.Reserve(doc.child_count(ref), allocator);
      for (JsonRef child : doc.children(ref)) {
        rapidjson::Value element;
        copy_value(doc, child, element, allocator, emptied);
        out.PushBack(element, allocator);
      }
      break;
    case JsonType::object:
      out.SetObject();
      for (JsonRef child : doc.children(ref)) {
        const std::string_view key = doc.key(child);
        rapidjson::Value name(key.data(), static_cast<rapidjson::SizeType>(key.size()), allocator);
        rapidjson::Value member;
        copy_value(doc, child, member, allocator, emptied);
        out.AddMember(name, member, allocator);
      }
      break;
  }
}

// Follows valijson's context ("<root>", "[nodes]", "[3]", ...) down the tape from `base`, the
// value valijson was given as its root.
JsonRef locate(const JsonDocument& doc, JsonRef base, const std::vector<std::string>& context) {
  JsonRef at = base;
  for (std::size_t i = 1; i < context.size() && at != no_value; ++i) {
    std::string_view segment = context[i];
    if (segment.size() >= 2 && segment.front() == '[' && segment.back() == ']') {
      segment = segment.substr(1, segment.size() - 2);
    }
    if (doc.type(at) == JsonType::object) {
      at = doc.member(at, segment);
    } else if (doc.type(at) == JsonType::array) {
      std::size_t index = 0;
      const auto [end, error] =
          std::from_chars(segment.data(), segment.data() + segment.size(), index);
      if (error != std::errc() || end != segment.data() + segment.size()) return no_value;
      JsonRef found = no_value;
      for (JsonRef child : doc.children(at)) {
        if (index-- == 0) {
          found = child;
          break;
        }
      }
      at = found;
    } else {
      return no_value;
    }
  }
  return at;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string describe_found(const JsonDocument& doc, JsonRef ref) {
  const JsonDocument::Value& value = doc.at(ref);
  switch (value.type) {
    case JsonType::boolean:
      return value.data.boolean ? "boolean true" : "boolean false";
    case JsonType::integer:
    case JsonType::real: {
      const auto [begin, end] = doc.value_span(ref);
      std::string text(doc.source().bytes().substr(begin, std::min(end - begin, 24u)));
      return std::string(to_string(value.type)) + " " + text;
    }
    case JsonType::string: {
      std::string_view text = doc.string(ref);
      if (text.size() > 24) return "string \"" + std::string(text.substr(0, 21)) + "...\"";
      return "string \"" + std::string(text) + "\"";
    }
    default:
      return std::string(to_string(value.type));
  }
}

std::string join_alternatives(const std::vector<std::string>& items, std::string_view last_word) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += i + 1 == items.size() ? std::string(" ") + std::string(last_word) + " " : ", ";
    out += items[i];
  }
  return out;
}

std::string with_article(const std::string& type) {
  if (type == "null") return "null";
  const bool vowel = !type.empty() && std::string_view("aeiou").find(type[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + type;
}

// How a finding names the value: its key, or its index in the parent array.
std::string describe_place(const JsonDocument& doc, JsonRef ref) {
  if (ref == doc.root()) return "the document";
  if (doc.is_member(ref)) return quoted(doc.key(ref));
  const JsonRef parent = doc.parent(ref);
  const std::string container = doc.is_member(parent) ? quoted(doc.key(parent)) : "the array";
  return "item " + std::to_string(doc.at(ref).key_begin_or_index) + " of " + container;
}

// The part of the schema that describes one value, found by walking the schema alongside the
// document. Understands only what snapshot.schema.json uses: $ref, properties, items and
// if/then/else decided by `required`.
class SchemaNavigator {
 public:
  SchemaNavigator(const rapidjson::Document& schema, const JsonDocument& doc)
      : schema_(schema), doc_(doc) {}

  const rapidjson::Value* schema_for(JsonRef target) const {
    std::vector<JsonRef> chain;
    for (JsonRef at = target; at != no_value; at = doc_.parent(at)) chain.push_back(at);
    const rapidjson::Value* current = &schema_;
    for (std::size_t i = chain.size() - 1; i > 0 && current; --i) {
      current = child(current, chain[i], chain[i - 1]);
    }
    return current ? resolve(current) : nullptr;
  }

  std::vector<std::string> types_of(const rapidjson::Value* schema) const {
    std::vector<std::string> types;
    if (!schema) return types;
    const auto type = schema->FindMember("type");
    if (type == schema->MemberEnd()) return types;
    if (type->value.IsString()) types.emplace_back(type->value.GetString());
    if (type->value.IsArray()) {
      for (const auto& item : type->value.GetArray()) {
        if (item.IsString()) types.emplace_back(item.GetString());
      }
    }
    return types;
  }

  // What the value is called ("node", "graph"): the title of the most specific definition that
  // applies to it, following if/then/else (the bare envelope's root is a graph).
  std::string title_for(const rapidjson::Value* schema, JsonRef instance) const {
    std::string title = "object";
    for (int hops = 0; schema && schema->IsObject() && hops < 16; ++hops) {
      const auto own = schema->FindMember("title");
      if (own != schema->MemberEnd() && own->value.IsString()) title = own->value.GetString();
      const auto condition = schema->FindMember("if");
      if (condition == schema->MemberEnd()) break;
      const char* branch = condition_holds(condition->value, instance) ? "then" : "else";
      const auto next = schema->FindMember(branch);
      if (next == schema->MemberEnd()) break;
      schema = resolve(&next->value);
    }
    return title;
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

  bool condition_holds(const rapidjson::Value& condition, JsonRef instance) const {
    const auto required = condition.FindMember("required");
    if (required == condition.MemberEnd() || !required->value.IsArray()) return true;
    for (const auto& name : required->value.GetArray()) {
      if (!name.IsString() || doc_.member(instance, name.GetString()) == no_value) return false;
    }
    return true;
  }

  const rapidjson::Value* child(const rapidjson::Value* schema, JsonRef instance,
                                JsonRef child_ref) const {
    for (int hops = 0; hops < 16; ++hops) {
      schema = resolve(schema);
      if (!schema || !schema->IsObject()) return nullptr;
      if (doc_.is_member(child_ref)) {
        const auto properties = schema->FindMember("properties");
        if (properties != schema->MemberEnd()) {
          const std::string key(doc_.key(child_ref));
          const auto property = properties->value.FindMember(key.c_str());
          if (property != properties->value.MemberEnd()) return &property->value;
        }
      } else {
        const auto items = schema->FindMember("items");
        if (items != schema->MemberEnd()) return &items->value;
      }
      const auto condition = schema->FindMember("if");
      if (condition == schema->MemberEnd()) return nullptr;
      const char* branch = condition_holds(condition->value, instance) ? "then" : "else";
      const auto next = schema->FindMember(branch);
      if (next == schema->MemberEnd()) return nullptr;
      schema = &next->value;
    }
    return nullptr;
  }

  const rapidjson::Document& schema_;
  const JsonDocument& doc_;
};

struct Problems {
  std::vector<std::string> missing;  // required fields, in the order valijson names them
  bool wrong_type = false;
  std::vector<std::string> other;
};

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  while (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

// valijson's verdict on one value: its errors, located on the tape.
using Problems_by_value = std::map<JsonRef, Problems>;  // ordered by tape position

void record(const JsonDocument& doc, JsonRef base, valijson::ValidationResults& results,
            Problems_by_value& problems) {
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    const std::string& text = error.description;
    if (starts_with(text, "Failed to validate") || starts_with(text, "Cannot validate")) continue;
    const JsonRef ref = locate(doc, base, error.context);
    if (ref == no_value) continue;
    Problems& found = problems[ref];
    if (starts_with(text, "Missing required property '")) {
      const std::size_t begin = text.find('\'') + 1;
      found.missing.push_back(text.substr(begin, text.rfind('\'') - begin));
    } else if (starts_with(text, "Value type not permitted")) {
      found.wrong_type = true;
    } else {
      found.other.push_back(lower_first(text));
    }
  }
}

// valijson over one value of the document; true when it is valid.
bool validate(const valijson::Schema& schema, const JsonDocument& doc, JsonRef ref,
              const std::vector<JsonRef>& emptied, Problems_by_value& problems) {
  rapidjson::Document instance;
  copy_value(doc, ref, instance, instance.GetAllocator(), emptied);
  valijson::Validator validator;
  valijson::adapters::RapidJsonAdapter adapter(instance);
  valijson::ValidationResults results;
  if (validator.validate(schema, adapter, &results)) return true;
  record(doc, ref, results, problems);
  return false;
}

// A schema for the items of one kind of array: {"$ref": "#/definitions/NAME", "definitions":
// <all of them>}, parsed by valijson on first use.
struct UnitSchema {
  std::string definition;
  std::once_flag parsed;
  valijson::Schema schema;
  bool ready = false;
};

}  // namespace

struct SchemaCheck::Impl {
  rapidjson::Document schema_json;
  valijson::Schema schema;
  bool ready = false;
  Strategy strategy = Strategy::by_shape;
  std::string blocker;  // why the schema cannot be judged by shape, if it cannot
  std::vector<std::unique_ptr<UnitSchema>> units;

  const valijson::Schema* unit_schema(std::string_view definition) const {
    for (const auto& unit : units) {
      if (unit->definition != definition) continue;
      std::call_once(unit->parsed, [&] { unit->ready = parse_unit(*unit); });
      return unit->ready ? &unit->schema : nullptr;
    }
    return nullptr;
  }

  bool parse_unit(UnitSchema& unit) const {
    try {
      rapidjson::Document wrapper;
      wrapper.SetObject();
      auto& allocator = wrapper.GetAllocator();
      const std::string ref = "#/definitions/" + unit.definition;
      wrapper.AddMember("$ref", rapidjson::Value(ref.c_str(), allocator), allocator);
      rapidjson::Value definitions(schema_json["definitions"], allocator);
      wrapper.AddMember("definitions", definitions, allocator);
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::RapidJsonAdapter adapter(wrapper);
      parser.populateSchema(adapter, unit.schema);
      return true;
    } catch (...) {
      return false;
    }
  }

  // The document with its unit arrays emptied, then each distinct item shape once.
  void check_by_shape(const JsonDocument& doc, Problems_by_value& problems) const {
    const std::vector<schema_units::UnitArray> unit_arrays =
        schema_units::find_unit_arrays(schema_json, doc);
    std::vector<JsonRef> emptied;
    for (const auto& unit : unit_arrays) emptied.push_back(unit.array);
    validate(schema, doc, doc.root(), emptied, problems);

    std::unordered_map<std::string, bool> valid_shapes;
    std::string shape;
    for (const auto& unit : unit_arrays) {
      const valijson::Schema* item_schema = unit_schema(unit.definition);
      if (!item_schema) throw std::runtime_error("the schema of " + unit.definition + " failed");
      for (JsonRef item : doc.children(unit.array)) {
        shape.assign(unit.definition);
        shape += '\0';
        schema_units::append_shape(doc, item, shape);
        const auto known = valid_shapes.find(shape);
        if (known != valid_shapes.end() && known->second) continue;
        const bool valid = validate(*item_schema, doc, item, {}, problems);
        if (known == valid_shapes.end()) valid_shapes.emplace(shape, valid);
      }
    }
  }
};

SchemaCheck::SchemaCheck(Strategy strategy) : impl_(std::make_unique<Impl>()) {
  impl_->strategy = strategy;
  try {
    const std::string_view text = snapshot_schema_text();
    impl_->schema_json.Parse(text.data(), text.size());
    if (impl_->schema_json.HasParseError()) return;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::RapidJsonAdapter adapter(impl_->schema_json);
    parser.populateSchema(adapter, impl_->schema);
    impl_->blocker = schema_units::shape_cache_blocker(impl_->schema_json);
    if (!impl_->blocker.empty()) impl_->strategy = Strategy::whole_document;
    for (const std::string& name : schema_units::unit_definitions(impl_->schema_json)) {
      impl_->units.push_back(std::make_unique<UnitSchema>());
      impl_->units.back()->definition = name;
    }
    impl_->ready = true;
  } catch (...) {
    impl_->ready = false;
  }
}

SchemaCheck::~SchemaCheck() = default;

const SchemaCheck& SchemaCheck::shared() {
  static const SchemaCheck instance;
  return instance;
}

std::string SchemaCheck::shape_blocker_of(std::string_view schema_text) {
  rapidjson::Document schema;
  schema.Parse(schema_text.data(), schema_text.size());
  if (schema.HasParseError()) return "/: not JSON";
  return schema_units::shape_cache_blocker(schema);
}

SchemaCheck::Strategy SchemaCheck::strategy() const {
  return impl_->strategy;
}

std::string_view SchemaCheck::shape_cache_blocker() const {
  return impl_->blocker;
}

void SchemaCheck::check(const JsonDocument& doc, std::vector<Finding>& findings) const {
  if (doc.empty()) return;
  if (!impl_->ready) {
    findings.push_back({{doc.root()}, "internal error: the embedded schema failed to load", {}});
    return;
  }
  Problems_by_value problems;
  try {
    if (impl_->strategy == Strategy::by_shape) {
      impl_->check_by_shape(doc, problems);
    } else {
      validate(impl_->schema, doc, doc.root(), {}, problems);
    }
  } catch (const std::exception& error) {
    findings.push_back(
        {{doc.root()}, std::string("internal error in the schema check: ") + error.what(), {}});
    return;
  }
  if (problems.empty()) return;

  const SchemaNavigator navigator(impl_->schema_json, doc);
  for (const auto& [ref, found] : problems) {
    const rapidjson::Value* schema = navigator.schema_for(ref);
    if (found.wrong_type) {
      // Optional fields allow null as "absent"; saying so in every message is noise.
      const std::vector<std::string> types = navigator.types_of(schema);
      std::vector<std::string> expected;
      for (const std::string& type : types) {
        if (type != "null" || types.size() == 1) expected.push_back(with_article(type));
      }
      findings.push_back({{ref},
                          describe_place(doc, ref) + " should be " +
                              join_alternatives(expected, "or") + ", found " +
                              describe_found(doc, ref),
                          {}});
      continue;  // a value of the wrong type has no fields to miss
    }
    if (!found.missing.empty()) {
      std::vector<std::string> names;
      for (const std::string& name : found.missing) names.push_back(quoted(name));
      findings.push_back({{ref},
                          navigator.title_for(schema, ref) + " is missing required field" +
                              (names.size() > 1 ? "s " : " ") + join_alternatives(names, "and"),
                          {}});
    }
    for (const std::string& text : found.other) {
      findings.push_back({{ref}, describe_place(doc, ref) + ": " + text, {}});
    }
  }
}

}  // namespace snaplint
