// unknown-field: a key the snapshot schema does not define for its object (graph, node, edge,
// tool, payload, subagent tool). A misspelt key does not set the field it was meant to, and
// nothing else complains. The known keys come from the embedded schema itself, which stays the
// one source of truth.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "../flat_tables.hpp"
#include "../rule_support.hpp"
#include "snaplint/json_parser.hpp"
#include "snaplint/schema_check.hpp"
#include "snaplint/suggest.hpp"

namespace snaplint::rules {
namespace {

// A transparent hash, so that maps keyed by std::string can be searched with a string_view.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

struct Definition;

// What the schema says about one property: free-form (nothing to look into), an object of a
// definition, or an array whose items are objects of a definition.
struct Property {
  std::string definition;  // empty: free-form contents
  bool array_of = false;
  const Definition* target = nullptr;  // `definition` itself; null when free-form or unknown
};

struct Definition {
  std::string name;  // as in "#/definitions/<name>", or "(request)"
  std::string title;
  std::unordered_map<std::string, Property, TextHash, std::equal_to<>> properties;
  std::vector<std::string> names;  // in schema order, for suggestions

  // The walk looks every key of the document up here: a small open-addressing table of
  // positions in `names`, with the property of each position alongside.
  std::vector<std::uint32_t> slots;
  std::vector<const Property*> property_at;

  void index() {
    slots.assign(slot_count_for(names.size()), no_index);
    property_at.clear();
    const std::size_t mask = slots.size() - 1;
    for (std::uint32_t k = 0; k < names.size(); ++k) {
      std::size_t at = hash_text(names[k]) & mask;
      while (slots[at] != no_index) at = (at + 1) & mask;
      slots[at] = k;
      property_at.push_back(&properties.find(names[k])->second);
    }
  }

  // The property named `key`, or null when the schema does not define it here.
  const Property* find(std::string_view key) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t at = hash_text(key) & mask;; at = (at + 1) & mask) {
      const std::uint32_t k = slots[at];
      if (k == no_index) return nullptr;
      if (names[k] == key) return property_at[k];
    }
  }
};

struct SchemaKeys {
  std::unordered_map<std::string, Definition, TextHash, std::equal_to<>> definitions;
};

// "#/definitions/node" -> "node"; anything else -> "".
std::string definition_of_ref(const JsonDocument& doc, JsonRef holder) {
  constexpr std::string_view prefix = "#/definitions/";
  const std::string_view ref = doc.member_string(holder, "$ref");
  if (ref.substr(0, prefix.size()) != prefix) return {};
  return std::string(ref.substr(prefix.size()));
}

Definition read_properties(const JsonDocument& doc, JsonRef properties, std::string title) {
  Definition definition;
  definition.title = std::move(title);
  if (!doc.is(properties, JsonType::object)) return definition;
  for (JsonRef property : doc.children(properties)) {
    Property described;
    described.definition = definition_of_ref(doc, property);
    if (described.definition.empty() &&
        doc.member_string(property, "type") == std::string_view("array")) {
      described.definition = definition_of_ref(doc, doc.member(property, "items"));
      described.array_of = !described.definition.empty();
    }
    const std::string name(doc.key(property));
    definition.names.push_back(name);
    definition.properties.emplace(name, std::move(described));
  }
  return definition;
}

// The definitions of the schema, plus "(request)" for the root of a request envelope (the
// schema's else/then branch, which defines `graph`). A response's `data` is the schema's own
// response_data.
SchemaKeys load_schema_keys() {
  SchemaKeys keys;
  const SourceFile source{std::string(snapshot_schema_text())};
  JsonDocument doc(source);
  if (parse_json(source, doc).error) return keys;
  const JsonRef root = doc.root();
  const JsonRef definitions = doc.member(root, "definitions");
  if (doc.is(definitions, JsonType::object)) {
    for (JsonRef definition : doc.children(definitions)) {
      keys.definitions.emplace(
          std::string(doc.key(definition)),
          read_properties(doc, doc.member(definition, "properties"),
                          std::string(doc.member_string(definition, "title"))));
    }
  }
  const JsonRef request = doc.member(doc.member(doc.member(root, "else"), "then"), "properties");
  Definition request_root = read_properties(doc, request, "request envelope");
  if (request_root.properties.empty()) {  // never report `graph` itself, whatever the schema says
    request_root.names.push_back("graph");
    request_root.properties.emplace("graph", Property{"graph", false});
  }
  keys.definitions.emplace("(request)", std::move(request_root));
  // Definitions stay where the map put them, so properties can point at them.
  for (auto& [name, definition] : keys.definitions) {
    definition.name = name;
    for (auto& [key, property] : definition.properties) {
      if (property.definition.empty()) continue;
      const auto target = keys.definitions.find(property.definition);
      if (target != keys.definitions.end()) property.target = &target->second;
    }
    definition.index();
  }
  return keys;
}

const SchemaKeys& schema_keys() {
  static const SchemaKeys keys = load_schema_keys();
  return keys;
}

// Lower-case letters and digits only: "globalCondition", "global-condition" and
// "global_condition" all read "globalcondition".
std::string squashed(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte)) out += static_cast<char>(std::tolower(byte));
  }
  return out;
}

// Two edits turn any two-letter key into any other: a match must keep more than it changes.
bool plausible(std::string_view word, std::string_view match) {
  return edit_distance(word, match, true) < std::min(word.size(), match.size());
}

// The known key the unknown one most likely meant: the same words in another case style, else
// the closest spelling within two edits (as written, then with case and separators removed),
// else the one known key the unknown one is a word of, else an edge end's other name.
std::optional<std::string> suggestion(std::string_view key, const Definition& definition) {
  const std::string key_squashed = squashed(key);
  std::vector<std::string> squashed_names;
  for (const std::string& name : definition.names) {
    squashed_names.push_back(squashed(name));
    if (!key_squashed.empty() && squashed_names.back() == key_squashed) return name;
  }
  std::vector<std::string_view> names(definition.names.begin(), definition.names.end());
  if (const auto match = closest_match(key, names); match && plausible(key, *match)) {
    return std::string(*match);
  }
  std::vector<std::string_view> squashed_views(squashed_names.begin(), squashed_names.end());
  if (const auto match = closest_match(key_squashed, squashed_views);
      match && plausible(key_squashed, *match)) {
    for (std::size_t i = 0; i < squashed_views.size(); ++i) {
      if (squashed_views[i].data() == match->data()) return definition.names[i];
    }
  }
  // A key that is one word of a known one: 'method' for 'http_method', 'text' for
  // 'knowledge_base_text'; only when a single known key fits.
  std::string word = "_";
  for (char c : key) {
    word += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  word += "_";
  std::optional<std::string> part_of;
  for (const std::string& name : definition.names) {
    if (key_squashed.empty() || ("_" + name + "_").find(word) == std::string::npos) continue;
    if (part_of) return std::nullopt;
    part_of = name;
  }
  if (part_of) return part_of;
  // The names another graph format (Kapso's Workflows) gives the two ends of an edge.
  for (const auto& [other, ours] : {std::pair{"source", "from"}, std::pair{"target", "to"}}) {
    if (key_squashed == other && definition.properties.count(std::string_view(ours)) != 0) {
      return std::string(ours);
    }
  }
  return std::nullopt;
}

// Walks the document along the schema's definitions and reports every key a definition lacks.
class Walker {
 public:
  Walker(const LintContext& context, Reporter& reporter)
      : doc_(context.json), model_(context.model), keys_(schema_keys()), reporter_(reporter) {}

  void run() {
    const JsonRef root = doc_.root();
    switch (model_.envelope) {
      case Envelope::request:
        visit(root, "(request)");
        break;
      case Envelope::response:
        // The response root may carry API envelope keys besides `data`; only `data` is the
        // snapshot's, so the walk starts there.
        visit(doc_.member(root, "data"), "response_data");
        break;
      case Envelope::bare:
        visit(root, "graph");
        break;
    }
  }

 private:
  // Whose object is being walked: the node, edge or tool it belongs to, if any.
  struct Owner {
    const Node* node = nullptr;
    const Edge* edge = nullptr;
    const Tool* tool = nullptr;
  };

  void visit(JsonRef object, std::string_view definition_name) {
    const auto found = keys_.definitions.find(definition_name);
    if (found != keys_.definitions.end()) visit(object, found->second, Owner{});
  }

  // The items of `items` in index order, each found by the index of its array element; the
  // elements come in increasing order, so one cursor serves the whole array.
  template <typename Item>
  struct Cursor {
    const ModelArray<Item>* items = nullptr;  // null: the array is not the model's
    std::size_t at = 0;
    const Item* find(std::uint32_t index) {
      if (items == nullptr) return nullptr;
      while (at < items->size() && (*items)[at].index < index) ++at;
      return at < items->size() && (*items)[at].index == index ? &(*items)[at] : nullptr;
    }
  };

  void visit(JsonRef object, const Definition& definition, const Owner& owner) {
    if (!doc_.is(object, JsonType::object)) return;  // a wrong type is the schema's finding
    for (JsonRef member : doc_.children(object)) {
      const Property* property = definition.find(doc_.key(member));
      if (property == nullptr) {
        report(object, member, definition, owner);
        continue;
      }
      // Free-form (metadata, config, headers...), or a definition the schema lacks.
      if (property->target == nullptr) continue;
      if (!property->array_of) {
        visit(member, *property->target, owner);
        continue;
      }
      if (!doc_.is(member, JsonType::array)) continue;
      // The items of the model's own arrays belong to its nodes, edges and tools.
      const std::string_view item_kind = property->target->name;
      Cursor<Node> nodes;
      Cursor<Edge> edges;
      Cursor<Tool> tools;
      if (item_kind == "node" && member == model_.nodes_array) nodes.items = &model_.nodes;
      if (item_kind == "edge" && member == model_.edges_array) edges.items = &model_.edges;
      if (item_kind == "tool" && member == model_.tools_array) tools.items = &model_.tools;
      std::uint32_t index = 0;  // arrays have no shadowed elements: the count is the index
      for (JsonRef item : doc_.children(member)) {
        Owner item_owner = owner;
        if (nodes.items != nullptr) item_owner.node = nodes.find(index);
        if (edges.items != nullptr) item_owner.edge = edges.find(index);
        if (tools.items != nullptr) item_owner.tool = tools.find(index);
        visit(item, *property->target, item_owner);
        ++index;
      }
    }
  }

  Entity entity(const Owner& owner) const {
    if (owner.node) return entity_of(*owner.node);
    if (owner.edge) return entity_of(*owner.edge);
    if (owner.tool) return entity_of(*owner.tool);
    return graph_entity();
  }

  // "node 'a'", "the webhook payload of node 'c'", "subagent webhook 'get' of node 'x'".
  std::string subject(JsonRef object, std::string_view definition_name,
                      const Definition& definition, const Owner& owner) const {
    const auto index_name = [&](JsonRef item) { return "#" + std::to_string(doc_.index(item)); };
    if (definition_name == "(request)") return "the request envelope";
    if (definition_name == "response_data") return "the response's 'data'";
    if (definition_name == "graph") return "the graph";
    if (definition_name == "node") {
      return "node " + (owner.node ? display_name(*owner.node) : index_name(object));
    }
    if (definition_name == "edge") {
      return "edge " + (owner.edge ? display_name(*owner.edge) : index_name(object));
    }
    if (definition_name == "tool") {
      return "tool " +
             (owner.tool && owner.tool->has_id() ? quoted(owner.tool->id) : index_name(object));
    }
    const std::string of_node =
        owner.node ? " of node " + display_name(*owner.node) : std::string();
    if (doc_.is_member(object)) return "the " + definition.title + of_node;
    const std::string_view name = doc_.member_string(object, "name");
    return definition.title + " " + (name.empty() ? index_name(object) : quoted(name)) + of_node;
  }

  // Where a key that is not the object's own belongs instead, when that is clear: a graph key
  // written next to `graph` in a request, or a payload field written on the node itself.
  std::string misplaced_help(std::string_view key, std::string_view definition_name,
                             const Owner& owner) const {
    const auto has = [&](std::string_view definition, std::string_view name) {
      const auto it = keys_.definitions.find(definition);
      return it != keys_.definitions.end() && it->second.properties.count(name) != 0;
    };
    if (definition_name == "(request)" && has("graph", key)) {
      return "move " + quoted(key) + " into 'graph'";
    }
    if (definition_name == "node" && owner.node) {
      const std::string_view payload = payload_key(owner.node->type);
      if (!payload.empty() && has(payload, key)) {
        return quoted(key) + " belongs inside the node's " + quoted(payload) + " payload";
      }
    }
    return {};
  }

  void report(JsonRef object, JsonRef member, const Definition& definition,
              const Owner& owner) const {
    const std::string_view definition_name = definition.name;
    const std::string_view key = doc_.key(member);
    Finding finding{
        {member, true},
        "unknown key " + quoted(key) + " in " + subject(object, definition_name, definition, owner),
        entity(owner)};
    finding.help = misplaced_help(key, definition_name, owner);
    if (finding.help.empty()) {
      if (const auto match = suggestion(key, definition)) {
        finding.help = "did you mean " + quoted(*match) + "?";
      }
    }
    reporter_.report(std::move(finding));
  }

  const JsonDocument& doc_;
  const Model& model_;
  const SchemaKeys& keys_;
  Reporter& reporter_;
};

class UnknownField final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"unknown-field", "schema", Severity::warning,
                                   "a key the snapshot schema does not define for its object"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    Walker(context, reporter).run();
  }
};

}  // namespace

const Rule& unknown_field() {
  static const UnknownField rule;
  return rule;
}

}  // namespace snaplint::rules
