#include "rapidjson_config.hpp"
//
#include "snaplint/json_parser.hpp"

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace snaplint {

namespace {

std::string_view describe(rapidjson::ParseErrorCode code) {
  switch (code) {
    case rapidjson::kParseErrorDocumentEmpty:
      return "the file holds no JSON value";
    case rapidjson::kParseErrorDocumentRootNotSingular:
      return "unexpected content after the JSON value";
    case rapidjson::kParseErrorValueInvalid:
      return "expected a JSON value";
    case rapidjson::kParseErrorObjectMissName:
      return "expected a string key in the object";
    case rapidjson::kParseErrorObjectMissColon:
      return "expected ':' after the object key";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket:
      return "expected ',' or '}' after the object member";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket:
      return "expected ',' or ']' after the array element";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex:
      return "invalid hexadecimal digits in a \\u escape";
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid:
      return "invalid UTF-16 surrogate pair in a \\u escape";
    case rapidjson::kParseErrorStringEscapeInvalid:
      return "invalid escape sequence in a string";
    case rapidjson::kParseErrorStringMissQuotationMark:
      return "unterminated string";
    case rapidjson::kParseErrorStringInvalidEncoding:
      return "invalid UTF-8 in a string";
    case rapidjson::kParseErrorNumberTooBig:
      return "number too large to fit a double";
    case rapidjson::kParseErrorNumberMissFraction:
      return "expected digits after the decimal point";
    case rapidjson::kParseErrorNumberMissExponent:
      return "expected digits in the exponent";
    default:
      return "invalid JSON";
  }
}

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':';
}

}  // namespace

// Receives RapidJSON's SAX events and appends one tape entry per value. RapidJSON tells a handler
// where a value ends (the stream position when the event fires) but not where it starts; the
// start is the first byte after the previous event that is not whitespace, ',' or ':'.
class TapeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TapeBuilder> {
 public:
  TapeBuilder(JsonDocument& document, const rapidjson::MemoryStream& stream,
              const ParseLimits& limits, std::vector<DuplicateKey>& duplicates)
      : doc_(document),
        values_(document.values_),
        source_(document.source().bytes()),
        stream_(stream),
        limits_(limits),
        duplicates_(duplicates) {}

  bool Null() { return scalar(JsonType::null_value); }
  bool Bool(bool b) {
    if (!scalar(JsonType::boolean)) return false;
    values_.back().data.boolean = b;
    return true;
  }
  bool Int(int i) { return Int64(i); }
  bool Uint(unsigned u) { return Int64(u); }
  bool Int64(std::int64_t i) {
    if (!scalar(JsonType::integer)) return false;
    values_.back().data.integer = i;
    return true;
  }
  bool Uint64(std::uint64_t u) {
    if (u > static_cast<std::uint64_t>(INT64_MAX)) return Double(static_cast<double>(u));
    return Int64(static_cast<std::int64_t>(u));
  }
  bool Double(double d) {
    // RapidJSON 1.1.0 catches only over-long exponents; 2e308 and its kin arrive as infinity.
    if (!std::isfinite(d)) {
      fail(next_start(), "number too large to fit a double");
      return false;
    }
    if (!scalar(JsonType::real)) return false;
    values_.back().data.real = d;
    return true;
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    const std::uint32_t begin = next_start();
    const auto slice = store(text, length, begin);
    if (!scalar(JsonType::string)) return false;
    values_.back().data.string = slice;
    return true;
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    pending_key_begin_ = next_start();
    pending_key_ = store(text, length, pending_key_begin_);
    last_end_ = tell();
    return true;
  }
  bool StartObject() { return open(JsonType::object); }
  bool StartArray() { return open(JsonType::array); }
  bool EndObject(rapidjson::SizeType) {
    const JsonRef object = close();
    find_duplicate_keys(object);
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    close();
    return true;
  }

  // An error the handler found (RapidJSON then reports only that the handler stopped it).
  const std::optional<ParseError>& error() const { return error_; }

 private:
  std::uint32_t tell() const { return static_cast<std::uint32_t>(stream_.Tell()); }

  void fail(std::uint32_t offset, std::string message) {
    error_ = ParseError{offset, std::move(message)};
  }

  std::uint32_t next_start() {
    std::uint32_t at = last_end_;
    while (at < source_.size() && is_separator(source_[at])) ++at;
    return at;
  }

  // A string without escapes decodes to exactly its raw bytes, so it can point into the source;
  // any escape makes the raw text longer than the decoded one.
  JsonDocument::Slice store(const char* text, rapidjson::SizeType length, std::uint32_t begin) {
    JsonDocument::Slice slice{};
    const std::uint32_t raw_length = tell() - begin - 2;
    if (raw_length == length) {
      slice.offset = begin + 1;
    } else {
      slice.offset = static_cast<std::uint32_t>(doc_.buffer_.size());
      slice.in_buffer = 1;
      doc_.buffer_.append(text, length);
    }
    slice.length = length;
    return slice;
  }

  JsonRef append(JsonType type, std::uint32_t begin) {
    const auto ref = static_cast<JsonRef>(values_.size());
    JsonDocument::Value& value = values_.emplace_back();
    value.type = type;
    value.begin = begin;
    if (!open_.empty()) {
      JsonDocument::Value& parent = values_[open_.back()];
      value.parent = open_.back();
      if (parent.type == JsonType::object) {
        value.key = pending_key_;
        value.key_begin_or_index = pending_key_begin_;
      } else {
        value.key_begin_or_index = parent.data.child_count;
      }
      ++parent.data.child_count;
    }
    return ref;
  }

  bool scalar(JsonType type) {
    const std::uint32_t begin = next_start();
    const JsonRef ref = append(type, begin);
    values_[ref].end = last_end_ = tell();
    values_[ref].next = ref + 1;
    return true;
  }

  bool open(JsonType type) {
    // RapidJSON fires container events before it consumes the '{', '[', '}' or ']'.
    const std::uint32_t begin = tell();
    if (open_.size() >= limits_.max_depth) {
      fail(begin, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
      return false;
    }
    open_.push_back(append(type, begin));
    values_.back().data.child_count = 0;
    last_end_ = begin + 1;
    return true;
  }

  JsonRef close() {
    const JsonRef ref = open_.back();
    open_.pop_back();
    values_[ref].end = last_end_ = tell() + 1;
    values_[ref].next = static_cast<JsonRef>(values_.size());
    return ref;
  }

  // Small objects (all of a snapshot's nodes and edges) are checked pairwise, which beats hashing
  // for a handful of keys; large ones use a map.
  void find_duplicate_keys(JsonRef object) {
    const std::uint32_t count = values_[object].data.child_count;
    if (count < 2) return;
    members_.clear();
    for (JsonRef child = object + 1; child < values_[object].next; child = values_[child].next) {
      members_.push_back(child);
    }
    if (count <= 16) {
      for (std::size_t i = 1; i < members_.size(); ++i) {
        const std::string_view key = doc_.key(members_[i]);
        JsonRef first = no_value;
        for (std::size_t j = 0; j < i; ++j) {
          if (doc_.key(members_[j]) != key) continue;
          if (first == no_value) first = members_[j];
          values_[members_[j]].shadowed = true;
        }
        if (first != no_value) duplicates_.push_back({members_[i], first});
      }
      return;
    }
    std::unordered_map<std::string_view, std::pair<JsonRef, JsonRef>> seen;  // first, latest
    seen.reserve(members_.size());
    for (JsonRef member : members_) {
      auto [it, inserted] = seen.try_emplace(doc_.key(member), member, member);
      if (inserted) continue;
      values_[it->second.second].shadowed = true;
      it->second.second = member;
      duplicates_.push_back({member, it->second.first});
    }
  }

  JsonDocument& doc_;
  std::vector<JsonDocument::Value>& values_;
  std::string_view source_;
  const rapidjson::MemoryStream& stream_;
  const ParseLimits& limits_;
  std::vector<DuplicateKey>& duplicates_;
  std::vector<JsonRef> open_;
  std::vector<JsonRef> members_;
  JsonDocument::Slice pending_key_{};
  std::uint32_t pending_key_begin_ = 0;
  std::uint32_t last_end_ = 0;
  std::optional<ParseError> error_;
};

ParseResult parse_json(const SourceFile& source, JsonDocument& document,
                       const ParseLimits& limits) {
  ParseResult result;
  const std::string_view bytes = source.bytes();
  if (bytes.size() >= std::numeric_limits<std::uint32_t>::max() / 2) {
    result.error = ParseError{0, "file too large (snaplint reads files up to 2 GiB)"};
    return result;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    result.error =
        ParseError{0, "the file starts with a UTF-8 byte-order mark, which JSON forbids"};
    return result;
  }
  // RapidJSON takes a NUL byte for the end of input, even with an explicit length, so parse only
  // up to the first one and report it if everything before it was fine.
  const void* nul = std::memchr(bytes.data(), '\0', bytes.size());
  const std::size_t parse_length =
      nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data()) : bytes.size();

  document.clear();
  rapidjson::MemoryStream stream(bytes.data(), parse_length);
  TapeBuilder builder(document, stream, limits, result.duplicate_keys);
  rapidjson::Reader reader;
  constexpr unsigned flags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
  const rapidjson::ParseResult parsed = reader.Parse<flags>(stream, builder);

  if (builder.error()) {
    result.error = builder.error();
  } else if (nul && (parsed || parsed.Offset() >= parse_length)) {
    result.error = ParseError{static_cast<std::uint32_t>(parse_length), "NUL byte in the file"};
  } else if (!parsed) {
    const auto offset = static_cast<std::uint32_t>(parsed.Offset());
    std::string message(describe(parsed.Code()));
    // RapidJSON reports a raw control character in a string as a bad escape.
    if (parsed.Code() == rapidjson::kParseErrorStringEscapeInvalid && offset < bytes.size() &&
        bytes[offset] != '\\') {
      message = "control character in a string (a string cannot span lines; write \\n or \\t)";
    }
    result.error = ParseError{offset, std::move(message)};
  }
  if (result.error) {
    document.clear();
    result.duplicate_keys.clear();
  }
  return result;
}

}  // namespace snaplint
