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
  const std::string_view base =
      slice.in_buffer ? std::string_view(buffer_.data(), buffer_.size()) : source_->bytes();
  return base.substr(slice.offset, slice.length);
}

const JsonDocument::Decoded* JsonDocument::find(const Table<Decoded>& table, JsonRef ref) {
  const auto it = std::lower_bound(table.begin(), table.end(), ref,
                                   [](const Decoded& entry, JsonRef at) { return entry.ref < at; });
  return it != table.end() && it->ref == ref ? &*it : nullptr;
}

const JsonDocument::Number* JsonDocument::number(JsonRef ref) const {
  const auto it = std::lower_bound(numbers_.begin(), numbers_.end(), ref,
                                   [](const Number& entry, JsonRef at) { return entry.ref < at; });
  return it != numbers_.end() && it->ref == ref ? &*it : nullptr;
}

std::string_view JsonDocument::string(JsonRef ref) const {
  const Entry& entry = entries_[ref];
  if (entry.flags & Entry::decoded_string) {
    const Decoded* decoded = find(decoded_strings_, ref);
    return decoded ? text(decoded->text) : std::string_view();
  }
  return source_->bytes().substr(entry.begin + 1, entry.end_or_next - entry.begin - 2);
}

std::string_view JsonDocument::key(JsonRef ref) const {
  const Entry& entry = entries_[ref];
  if (entry.flags & Entry::decoded_key) {
    const Decoded* decoded = find(decoded_keys_, ref);
    return decoded ? text(decoded->text) : std::string_view();
  }
  if (!is_member(ref)) return {};
  return source_->bytes().substr(entry.key_begin_or_index + 1, entry.key_length);
}

std::int64_t JsonDocument::integer(JsonRef ref) const {
  const Number* found = number(ref);
  return found && entries_[ref].type == JsonType::integer ? found->integer : 0;
}

double JsonDocument::real(JsonRef ref) const {
  const Number* found = number(ref);
  return found && entries_[ref].type == JsonType::real ? found->real : 0.0;
}

JsonDocument::Value JsonDocument::at(JsonRef ref) const {
  const Entry& entry = entries_[ref];
  Value value;
  value.begin = entry.begin;
  value.next = next(ref);
  value.key_begin_or_index = entry.key_begin_or_index;
  value.type = entry.type;
  value.shadowed = (entry.flags & Entry::shadowed) != 0;
  if (entry.type == JsonType::integer) value.data.integer = integer(ref);
  if (entry.type == JsonType::real) value.data.real = real(ref);
  if (entry.type == JsonType::boolean) value.data.boolean = boolean(ref);
  return value;
}

const JsonDocument::Table<JsonRef>& JsonDocument::parents() const {
  if (const Table<JsonRef>* table = parents_.load(std::memory_order_acquire)) return *table;
  const std::lock_guard<std::mutex> lock(parents_mutex_);
  if (!parents_table_) {
    // One pass in document order with the chain of open containers: a value's parent is the
    // innermost container whose subtree still holds it.
    auto table = std::make_unique<Table<JsonRef>>(entries_.size(), no_value);
    std::vector<JsonRef> open;
    for (JsonRef ref = 0; ref < entries_.size(); ++ref) {
      while (!open.empty() && next(open.back()) <= ref) open.pop_back();
      (*table)[ref] = open.empty() ? no_value : open.back();
      if (next(ref) > ref + 1) open.push_back(ref);
    }
    parents_table_ = std::move(table);
    parents_.store(parents_table_.get(), std::memory_order_release);
  }
  return *parents_table_;
}

JsonRef JsonDocument::parent(JsonRef ref) const {
  return parents()[ref];
}

std::uint32_t JsonDocument::child_count(JsonRef container) const {
  if (entries_[container].type == JsonType::array) {
    const auto it =
        std::lower_bound(array_lengths_.begin(), array_lengths_.end(), container,
                         [](const ArrayLength& entry, JsonRef at) { return entry.ref < at; });
    if (it != array_lengths_.end() && it->ref == container) return it->length;
  }
  std::uint32_t count = 0;
  for (JsonRef child = container + 1, stop = next(container); child < stop; child = next(child)) {
    ++count;
  }
  return count;
}

JsonRef JsonDocument::member(JsonRef object, std::string_view name) const {
  if (!is(object, JsonType::object)) return no_value;
  const std::string_view bytes = source_->bytes();
  for (JsonRef child : children(object)) {
    const Entry& entry = entries_[child];
    if (entry.flags & Entry::decoded_key) {
      if (key(child) == name) return child;
    } else if (entry.key_length == name.size() &&
               // The first byte before memcmp: most keys of the same length differ there, and
               // this loop runs for every member lookup of every rule.
               (name.empty() || bytes[entry.key_begin_or_index + 1] == name.front()) &&
               bytes.compare(entry.key_begin_or_index + 1, name.size(), name) == 0) {
      return child;
    }
  }
  return no_value;
}

std::string_view JsonDocument::member_string(JsonRef object, std::string_view name) const {
  const JsonRef value = member(object, name);
  return is(value, JsonType::string) ? string(value) : std::string_view();
}

JsonDocument::Children JsonDocument::children(JsonRef container) const {
  if (container == no_value || (entries_[container].type != JsonType::array &&
                                entries_[container].type != JsonType::object)) {
    return {ChildIterator(this, 0, 0), ChildIterator(this, 0, 0)};
  }
  const JsonRef stop = next(container);
  return {ChildIterator(this, container + 1, stop), ChildIterator(this, stop, stop)};
}

JsonDocument::Children JsonDocument::children_from(JsonRef container, JsonRef first) const {
  const Children all = children(container);
  if (first == no_value) return all;
  const JsonRef stop = *all.end();
  return first >= stop ? Children{all.last, all.last}
                       : Children{ChildIterator(this, first, stop), all.last};
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
  const Table<JsonRef>& parent_of = parents();
  for (JsonRef at = ref; at != no_value && parent_of[at] != no_value; at = parent_of[at]) {
    chain.push_back(at);
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    out += '/';
    if (is_member(*it)) {
      append_escaped_token(out, key(*it));
    } else {
      out += std::to_string(entries_[*it].key_begin_or_index);
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
    if (entries_[at].type == JsonType::object) {
      at = member(at, token);
    } else if (entries_[at].type == JsonType::array) {
      std::uint32_t index = 0;
      const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
      if (error != std::errc() || end != token.data() + token.size() || token.empty() ||
          index >= child_count(at)) {
        return no_value;
      }
      JsonRef child = at + 1;
      for (std::uint32_t i = 0; i < index; ++i) child = next(child);
      at = child;
    } else {
      return no_value;
    }
    if (slash == std::string_view::npos) return at;
    pointer.remove_prefix(slash + 1);
  }
  return no_value;
}

std::uint32_t JsonDocument::end(JsonRef ref) const {
  if (!is_container(entries_[ref].type)) return entries_[ref].end_or_next;
  // Down the chain of last children to the subtree's last leaf: a scalar, whose end is kept, or
  // an empty container. Past it come only whitespace and one closing bracket for each container
  // of the chain, this one's the last.
  std::uint32_t closers = 0;
  std::uint32_t at = 0;
  for (JsonRef container = ref;;) {
    ++closers;
    const JsonRef stop = entries_[container].end_or_next;
    if (stop == container + 1) {  // empty: its own bracket follows its opening one
      at = entries_[container].begin + 1;
      break;
    }
    JsonRef last = container + 1;
    for (JsonRef child = next(last); child < stop; child = next(child)) last = child;
    if (!is_container(entries_[last].type)) {
      at = entries_[last].end_or_next;
      break;
    }
    container = last;
  }
  const std::string_view bytes = source_->bytes();
  for (; at < bytes.size(); ++at) {
    if ((bytes[at] == ']' || bytes[at] == '}') && --closers == 0) return at + 1;
  }
  return static_cast<std::uint32_t>(bytes.size());
}

std::pair<std::uint32_t, std::uint32_t> JsonDocument::value_span(JsonRef ref) const {
  return {entries_[ref].begin, end(ref)};
}

std::pair<std::uint32_t, std::uint32_t> JsonDocument::key_span(JsonRef ref) const {
  if (!is_member(ref)) return value_span(ref);
  const std::string_view bytes = source_->bytes();
  const std::uint32_t begin = entries_[ref].key_begin_or_index;
  std::uint32_t at = begin + 1;
  while (at < bytes.size() && bytes[at] != '"') at += bytes[at] == '\\' ? 2 : 1;
  return {begin, std::min<std::uint32_t>(at + 1, static_cast<std::uint32_t>(bytes.size()))};
}

}  // namespace snaplint
