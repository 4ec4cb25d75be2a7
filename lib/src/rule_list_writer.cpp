#include "rapidjson_config.hpp"
//
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <string>

#include "snaplint/report_writer.hpp"

namespace snaplint {

void write_rule_list_text(std::ostream& out, const RuleRegistry& registry) {
  std::size_t name_width = 0;
  std::size_t category_width = 0;
  for (const RuleInfo& info : registry.infos()) {
    name_width = std::max(name_width, info.name.size());
    category_width = std::max(category_width, info.category.size());
  }
  for (const RuleInfo& info : registry.infos()) {
    const std::string severity(to_string(info.default_severity));
    out << info.name << std::string(name_width + 2 - info.name.size(), ' ') << info.category
        << std::string(category_width + 2 - info.category.size(), ' ') << severity
        << std::string(9 - severity.size(), ' ') << info.summary << '\n';
  }
}

void write_rule_list_json(std::ostream& out, const RuleRegistry& registry) {
  rapidjson::OStreamWrapper stream(out);
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> writer(stream);
  writer.SetIndent(' ', 2);
  auto string = [&](std::string_view text) {
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  };
  writer.StartObject();
  writer.Key("rules");
  writer.StartArray();
  for (const RuleInfo& info : registry.infos()) {
    writer.StartObject();
    writer.Key("name");
    string(info.name);
    writer.Key("category");
    string(info.category);
    writer.Key("severity");
    string(to_string(info.default_severity));
    writer.Key("summary");
    string(info.summary);
    writer.Key("options");
    writer.StartArray();
    for (const RuleOption& option : info.options) {
      writer.StartObject();
      writer.Key("name");
      string(option.name);
      writer.Key("default");
      writer.Double(option.default_value);
      writer.Key("minimum");
      writer.Double(option.minimum);
      writer.Key("maximum");
      writer.Double(option.maximum);
      writer.Key("description");
      string(option.description);
      writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  out << '\n';
}

}  // namespace snaplint
