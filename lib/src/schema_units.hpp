// Splitting the schema check into "units" so valijson runs once per distinct shape.
//
// A snapshot is mostly long arrays (nodes, edges, tools) whose items the schema describes with a
// `$ref` to a definition. Under the keywords the snapshot schema uses (type, properties,
// required, items, $ref, if/then/else on `required`), whether an item is valid depends only on
// its *shape*: its type, its keys in order, and recursively the shapes of their values; never on
// the text of a string or the value of a number, nor on how many times an array repeats an item
// shape. So each distinct shape is judged once, and only items whose shape fails are given to
// valijson one by one for their exact errors. The rest of the document is validated as it is,
// with those arrays emptied.
//
// This is exact only for that keyword set: `shape_cache_blocker` finds any other keyword, and the
// schema check then falls back to validating the whole document (a test keeps the embedded
// schema free of them).
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <vector>

#include "snaplint/json_document.hpp"

namespace snaplint::schema_units {

// Why the schema cannot be judged by shape (a JSON pointer and the keyword), or empty when it can.
std::string shape_cache_blocker(const rapidjson::Value& schema);

// Every definition some `items` refers to: the units a document can be split into.
std::vector<std::string> unit_definitions(const rapidjson::Value& schema);

struct UnitArray {
  JsonRef array = no_value;
  std::string definition;  // each item is validated against #/definitions/<definition>
};

// The arrays of `doc` whose items are units, in document order. Walks only the parts of the
// document the schema constrains outside units (the envelope and the graph object).
std::vector<UnitArray> find_unit_arrays(const rapidjson::Value& schema, const JsonDocument& doc);

// Appends the shape of `ref` to `out`: everything its validity can depend on, and nothing else.
void append_shape(const JsonDocument& doc, JsonRef ref, std::string& out);

}  // namespace snaplint::schema_units
