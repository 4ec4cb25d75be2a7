#include "snaplint/json_document.hpp"

#include <algorithm>
#include <charconv>

namespace snaplint {

std::string_view to_string(JsonType type) {
  switch (type) {
    case JsonType::null_value:
      return "null";
    case JsonType::boolean:
      return "boolean";
    case JsonType::integer:
      return "integer";
    case JsonType::real:
      return "number";
    case JsonType::string:
      return "string";
    case JsonType::array:
      return "array";
    case JsonType::object:
      return "object";
  }
  return "value";
}

std::string_view JsonDocument::text(Slice slice) const {
  const std::string_view base = slice.in_buffer ? std::string_view(buffer_) : source_->bytes();
  return base.substr(slice.offset, slice.length);
}

bool JsonDocument::is_member(JsonRef ref) const {
  const JsonRef parent = values_[ref].parent;
  return parent != no_value && values_[parent].type == JsonType::object;
}

JsonRef JsonDocument::member(JsonRef object, std::string_view name) const {
  if (!is(object, JsonType::object)) return no_value;
  for (JsonRef child : children(object)) {
    if (key(child) == name) return child;
  }
  return no_value;
}

std::string_view JsonDocument::member_string(JsonRef object, std::string_view name) const {
  const JsonRef value = member(object, name);
  return is(value, JsonType::string) ? string(value) : std::string_view();
}

JsonDocument::Children JsonDocument::children(JsonRef container) const {
  if (container == no_value ||
      (values_[container].type != JsonType::array && values_[container].type != JsonType::object)) {
    return {ChildIterator(this, 0, 0), ChildIterator(this, 0, 0)};
  }
  const JsonRef stop = values_[container].next;
  return {ChildIterator(this, container + 1, stop), ChildIterator(this, stop, stop)};
}

namespace {
void append_escaped_token(std::string& out, std::string_view token) {
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
}

std::string unescape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}
}  // namespace

std::string JsonDocument::pointer(JsonRef ref) const {
  std::vector<JsonRef> chain;
  for (JsonRef at = ref; at != no_value && values_[at].parent != no_value;
       at = values_[at].parent) {
    chain.push_back(at);
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    out += '/';
    if (is_member(*it)) {
      append_escaped_token(out, key(*it));
    } else {
      out += std::to_string(values_[*it].key_begin_or_index);
    }
  }
  return out;
}

JsonRef JsonDocument::resolve(std::string_view pointer) const {
  JsonRef at = root();
  if (pointer.empty()) return at;
  if (pointer.front() != '/') return no_value;
  pointer.remove_prefix(1);
  while (at != no_value) {
    const std::size_t slash = pointer.find('/');
    const std::string token = unescape_token(pointer.substr(0, slash));
    if (values_[at].type == JsonType::object) {
      at = member(at, token);
    } else if (values_[at].type == JsonType::array) {
      std::uint32_t index = 0;
      const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
      if (error != std::errc() || end != token.data() + token.size() || token.empty() ||
          index >= values_[at].data.child_count) {
        return no_value;
      }
      JsonRef child = at + 1;
      for (std::uint32_t i = 0; i < index; ++i) child = values_[child].next;
      at = child;
    } else {
      return no_value;
    }
    if (slash == std::string_view::npos) return at;
    pointer.remove_prefix(slash + 1);
  }
  return no_value;
}

std::pair<std::uint32_t, std::uint32_t> JsonDocument::value_span(JsonRef ref) const {
  return {values_[ref].begin, values_[ref].end};
}

std::pair<std::uint32_t, std::uint32_t> JsonDocument::key_span(JsonRef ref) const {
  if (!is_member(ref)) return value_span(ref);
  const std::string_view bytes = source_->bytes();
  const std::uint32_t begin = values_[ref].key_begin_or_index;
  std::uint32_t at = begin + 1;
  while (at < bytes.size() && bytes[at] != '"') at += bytes[at] == '\\' ? 2 : 1;
  return {begin, std::min<std::uint32_t>(at + 1, static_cast<std::uint32_t>(bytes.size()))};
}

}  // namespace snaplint
