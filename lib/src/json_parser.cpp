#include "rapidjson_config.hpp"
//
#include "snaplint/json_parser.hpp"

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>
#include <thread>
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

// Integers of magnitude up to 2^53 are exact in a double, so in JavaScript; beyond, only some are.
constexpr std::int64_t exact_integer_limit = std::int64_t{1} << 53;

bool exact_in_double(std::int64_t i) {
  const double d = static_cast<double>(i);
  // 2^63 itself is out of range for the cast back (INT64_MAX rounds up to it).
  return d < 9223372036854775808.0 && static_cast<std::int64_t>(d) == i;
}

// The exact decimal value of an integral double ("9007199254740992").
std::string integer_text(double d) {
  char buffer[400];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::fixed, 0);
  return std::string(buffer, result.ptr);
}

// The double nearest to a JSON number, as JavaScript and Ruby read it (RapidJSON's own reading
// without kParseFullPrecisionFlag may differ in the last place). The number is valid JSON and
// finite, so from_chars succeeds.
double nearest_double(std::string_view token) {
  double value = 0;
  std::from_chars(token.data(), token.data() + token.size(), value);
  return value;
}

// RapidJSON 1.1 decodes a lone low surrogate escape (\uDC00-\uDFFF) into the three bytes
// ED B0..BF xx, which are not UTF-8; validation rejects them in raw text, so in decoded text they
// can only come from such an escape. Returns where the escape starts in `raw` (the string's
// source text, quotes excluded), or npos.
std::size_t lone_low_surrogate(std::string_view decoded, std::string_view raw) {
  const void* lead = std::memchr(decoded.data(), '\xED', decoded.size());
  bool found = false;
  while (lead) {
    const std::size_t at =
        static_cast<std::size_t>(static_cast<const char*>(lead) - decoded.data());
    if (at + 1 < decoded.size() && static_cast<unsigned char>(decoded[at + 1]) >= 0xA0) {
      found = true;
      break;
    }
    lead = std::memchr(decoded.data() + at + 1, '\xED', decoded.size() - at - 1);
  }
  if (!found) return std::string_view::npos;
  const auto hex = [](char c) {
    return c >= '0' && c <= '9'                     ? c - '0'
           : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                    : 0;
  };
  bool after_high = false;
  for (std::size_t i = 0; i + 1 < raw.size();) {
    if (raw[i] != '\\') {
      after_high = false;
      ++i;
      continue;
    }
    if (raw[i + 1] != 'u' || i + 6 > raw.size()) {
      after_high = false;
      i += 2;
      continue;
    }
    unsigned unit = 0;
    for (std::size_t k = 2; k < 6; ++k) unit = unit * 16 + static_cast<unsigned>(hex(raw[i + k]));
    if (unit >= 0xDC00 && unit <= 0xDFFF && !after_high) return i;
    after_high = unit >= 0xD800 && unit <= 0xDBFF;
    i += 6;
  }
  return std::string_view::npos;
}

}  // namespace

// The second thread of a parse. It searches the input for its first NUL byte while the parser
// reads it: that search is the first pass over the bytes, and on a virtual machine the first
// touch of each page is dear (some 35 ms for 77 MB here, against 3 ms for a second pass), so done
// ahead of the parser on the otherwise idle core it spares the parser that cost. Then it runs the
// follower, if there is one, until the parse is over. A small input is searched at once, without
// a thread, as starting one would cost more than the search.
class ParseHelper {
 public:
  ParseHelper(std::string_view bytes, const JsonDocument& document, ParseFollower* follower)
      : bytes_(bytes) {
    const bool follow = follower && bytes.size() >= follower->min_bytes;
    if (bytes.size() >= search_on_thread_from || follow) {
      try {
        thread_ = std::thread([this, &document, follower, follow] {
          search();
          if (follow) follower->follow(document, progress_);
        });
        following_ = follow;
        return;
      } catch (const std::system_error&) {
        // No thread to be had: search here instead, and nobody follows.
      }
    }
    search();
  }
  ParseHelper(const ParseHelper&) = delete;
  ParseHelper& operator=(const ParseHelper&) = delete;
  ~ParseHelper() { stop(); }

  // Where the parser reports its progress, or null when nobody follows.
  ParseProgress* progress() { return following_ ? &progress_ : nullptr; }

  // Tells the follower the parse is over, and waits for the thread to end.
  void stop() {
    progress_.over_.store(true, std::memory_order_release);
    if (thread_.joinable()) thread_.join();
  }

  // The offset of the first NUL byte, or npos.
  std::size_t first_nul() {
    stop();
    return first_;
  }

 private:
  static constexpr std::size_t search_on_thread_from = std::size_t{4} << 20;
  void search() {
    const void* nul = std::memchr(bytes_.data(), '\0', bytes_.size());
    first_ = nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - bytes_.data())
                 : std::string_view::npos;
  }

  std::string_view bytes_;
  std::size_t first_ = std::string_view::npos;
  ParseProgress progress_;
  bool following_ = false;
  std::thread thread_;
};

// Receives RapidJSON's SAX events and appends one tape entry per value. RapidJSON tells a handler
// where a value ends (the stream position when the event fires) but not where it starts; the
// start is the first byte after the previous event that is not whitespace, ',' or ':'.
class TapeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TapeBuilder> {
 public:
  using Entry = JsonDocument::Entry;

  TapeBuilder(JsonDocument& document, const rapidjson::MemoryStream& stream,
              const ParseLimits& limits, std::vector<DuplicateKey>& duplicates)
      : doc_(document),
        entries_(document.entries_),
        source_(document.source().bytes()),
        stream_(stream),
        limits_(limits),
        duplicates_(duplicates) {
    // Snapshots average 25-30 bytes per value; reserving one value per 8 bytes avoids copying the
    // tape as it grows and, with huge pages, costs only address space until it is used.
    entries_.reserve(source_.size() / 8 + 16);
    // The side tables likewise, from generous guesses (a number per 64 bytes, escapes in a
    // quarter of the text); past a guess a table grows as usual.
    doc_.numbers_.reserve(source_.size() / 64 + 16);
    doc_.decoded_strings_.reserve(source_.size() / 256 + 16);
    doc_.buffer_.reserve(source_.size() / 4 + 16);
  }

  bool Null() { return scalar(JsonType::null_value) != no_value; }
  bool Bool(bool b) {
    const JsonRef ref = scalar(JsonType::boolean);
    if (b) entries_[ref].flags |= Entry::true_value;
    return true;
  }
  bool Int(int i) { return Int64(i); }
  bool Uint(unsigned u) { return Int64(u); }
  bool Int64(std::int64_t i) {
    if ((i > exact_integer_limit || i < -exact_integer_limit) && !exact_in_double(i)) {
      return inexact_integer();
    }
    JsonDocument::Number number{};
    number.ref = scalar(JsonType::integer);
    number.integer = i;
    doc_.numbers_.push_back(number);
    return true;
  }
  bool Uint64(std::uint64_t u) {
    if (u > static_cast<std::uint64_t>(INT64_MAX)) {
      const double d = static_cast<double>(u);
      // 2^64 itself is out of range for the cast back.
      if (d >= 18446744073709551616.0 || static_cast<std::uint64_t>(d) != u) {
        return inexact_integer();
      }
      return Double(d);
    }
    return Int64(static_cast<std::int64_t>(u));
  }
  bool Double(double d) {
    // RapidJSON 1.1.0 catches only over-long exponents; 2e308 and its kin arrive as infinity.
    if (!std::isfinite(d)) {
      fail(next_start(), "number too large to fit a double");
      return false;
    }
    // An integer beyond 64 bits arrives as a double: check that it is exact. (RapidJSON's
    // double may be off by a few units in the last place; the check uses the correctly rounded
    // value, the one JavaScript reads.)
    if (std::fabs(d) >= 9223372036854775808.0) [[unlikely]] {
      const std::string_view token = number_token();
      if (token.find_first_of(".eE") == std::string_view::npos) {
        d = nearest_double(token);
        if (integer_text(d) != token) return inexact_integer();
      }
    }
    JsonDocument::Number number{};
    number.ref = scalar(JsonType::real);
    number.real = d;
    doc_.numbers_.push_back(number);
    return true;
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    const std::uint32_t begin = next_start();
    const bool decoded = tell() - begin - 2 != length;
    if (decoded && !check_surrogates(text, length, begin)) return false;
    const JsonRef ref = scalar(JsonType::string, begin);
    if (limits_.max_string_length != 0 && length > limits_.max_string_length) [[unlikely]] {
      keep_prefix(ref, begin, text, length, decoded);
    } else if (decoded) {
      entries_[ref].flags |= Entry::decoded_string;
      doc_.decoded_strings_.push_back({ref, keep(text, length)});
    }
    return true;
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    pending_key_begin_ = next_start();
    const std::uint32_t raw_length = tell() - pending_key_begin_ - 2;
    if (raw_length != length && !check_surrogates(text, length, pending_key_begin_)) return false;
    // A key is read from the source unless it has escapes or is too long for the entry.
    pending_key_decoded_ = raw_length != length || raw_length > UINT16_MAX;
    pending_key_length_ = static_cast<std::uint16_t>(pending_key_decoded_ ? 0 : raw_length);
    if (pending_key_decoded_) pending_key_ = keep(text, length);
    last_end_ = tell();
    return true;
  }
  bool StartObject() { return open(JsonType::object); }
  bool StartArray() { return open(JsonType::array); }
  bool EndObject(rapidjson::SizeType) {
    const JsonRef object = close();
    find_duplicate_keys(object);
    if (progress_) report_closed(object);
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    const JsonRef array = close();
    if (progress_) report_closed(array);
    return true;
  }

  // Reports progress to the helper's follower, if it has one (after the tape is reserved: the
  // follower reads the tape where it is now, so it must not move while followed).
  void report_to(ParseHelper& helper) {
    helper_ = &helper;
    progress_ = helper.progress();
  }

  // An error the handler found (RapidJSON then reports only that the handler stopped it).
  const std::optional<ParseError>& error() const { return error_; }
  std::vector<LongString>& long_strings() { return long_strings_; }

 private:
  std::uint32_t tell() const { return static_cast<std::uint32_t>(stream_.Tell()); }

  void fail(std::uint32_t offset, std::string message) {
    error_ = ParseError{offset, std::move(message)};
  }

  // Integers that a double cannot hold exactly: RapidJSON keeps them, but JavaScript rounds them to
  // the nearest double, so a server in JS would read another number.
  bool inexact_integer() {
    const std::string_view token = number_token();
    fail(next_start(),
         "integer " + std::string(token.substr(0, 40)) + (token.size() > 40 ? "..." : "") +
             " cannot be held exactly by a double: a JavaScript server reads " +
             integer_text(nearest_double(token)) +
             " (write it as a string, or keep integers within 2^53 = 9007199254740992)");
    return false;
  }

  // A string or key that had escapes (`text` is decoded): a lone low surrogate escape is an error.
  bool check_surrogates(const char* text, rapidjson::SizeType length, std::uint32_t begin) {
    const std::string_view raw = source_.substr(begin + 1, tell() - begin - 2);
    const std::size_t at = lone_low_surrogate(std::string_view(text, length), raw);
    if (at == std::string_view::npos) return true;
    fail(begin + 1 + static_cast<std::uint32_t>(at),
         "lone UTF-16 low surrogate \"" + std::string(raw.substr(at, 6)) +
             "\" in a string: it encodes no character (JSON parsers disagree on what it reads as)");
    return false;
  }

  // A string over the length limit: the document keeps its first max_string_length bytes, cut
  // before a partial UTF-8 sequence, from the source when it has no escapes.
  void keep_prefix(JsonRef ref, std::uint32_t begin, const char* text, rapidjson::SizeType length,
                   bool decoded) {
    std::uint32_t cut = limits_.max_string_length;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    entries_[ref].flags |= Entry::decoded_string;
    JsonDocument::Slice slice{};
    if (decoded) {
      slice = keep(text, cut);
    } else {
      slice.offset = begin + 1;
      slice.length = cut;
      slice.in_buffer = 0;
    }
    doc_.decoded_strings_.push_back({ref, slice});
    long_strings_.push_back({ref, length});
  }

  // The text of the number RapidJSON just read.
  std::string_view number_token() {
    const std::uint32_t begin = next_start();
    return source_.substr(begin, tell() - begin);
  }

  std::uint32_t next_start() {
    std::uint32_t at = last_end_;
    while (at < source_.size() && is_separator(source_[at])) ++at;
    return at;
  }

  // Decoded text (a string or key with escapes) in the document's buffer.
  JsonDocument::Slice keep(const char* text, rapidjson::SizeType length) {
    JsonDocument::Slice slice{};
    slice.offset = static_cast<std::uint32_t>(doc_.buffer_.size());
    slice.length = length;
    slice.in_buffer = 1;
    doc_.buffer_.insert(doc_.buffer_.end(), text, text + length);
    return slice;
  }

  JsonRef append(JsonType type, std::uint32_t begin) {
    const auto ref = static_cast<JsonRef>(entries_.size());
    Entry entry{};
    entry.type = type;
    entry.begin = begin;
    if (!open_.empty()) {
      if (entries_[open_.back()].type == JsonType::object) {
        entry.flags |= Entry::member;
        entry.key_begin_or_index = pending_key_begin_;
        entry.key_length = pending_key_length_;
        if (pending_key_decoded_) {
          entry.flags |= Entry::decoded_key;
          doc_.decoded_keys_.push_back({ref, pending_key_});
        }
      } else {
        entry.key_begin_or_index = counts_.back();
      }
      ++counts_.back();
    }
    // The follower reads the tape in place: it stops before the tape grows (past the generous
    // reservation, which a snapshot does not reach) and moves.
    if (progress_ && entries_.size() == entries_.capacity()) [[unlikely]] {
      helper_->stop();
      progress_ = nullptr;
    }
    entries_.push_back(entry);
    return ref;
  }

  JsonRef scalar(JsonType type) { return scalar(type, next_start()); }
  JsonRef scalar(JsonType type, std::uint32_t begin) {
    const JsonRef ref = append(type, begin);
    entries_[ref].end_or_next = last_end_ = tell();
    return ref;
  }

  bool open(JsonType type) {
    // RapidJSON fires container events before it consumes the '{', '[', '}' or ']'.
    const std::uint32_t begin = tell();
    if (open_.size() >= limits_.max_depth) {
      fail(begin, "nesting deeper than " + std::to_string(limits_.max_depth) +
                      " levels, snaplint's limit for arrays and objects inside one another");
      return false;
    }
    const JsonRef ref = append(type, begin);
    if (progress_ && type == JsonType::array) consider_watching(ref);
    open_.push_back(ref);
    counts_.push_back(0);
    last_end_ = begin + 1;
    return true;
  }

  JsonRef close() {
    const JsonRef ref = open_.back();
    // A large array's length is kept: counting its elements would read an entry per element
    // (the nodes and edges arrays are counted to reserve the model).
    if (entries_[ref].type == JsonType::array && counts_.back() >= large_array) {
      doc_.array_lengths_.push_back({ref, counts_.back()});
    }
    open_.pop_back();
    counts_.pop_back();
    last_end_ = tell() + 1;
    entries_[ref].end_or_next = static_cast<JsonRef>(entries_.size());
    return ref;
  }

  static constexpr std::uint32_t large_array = 256;

  // A key read from the source (not decoded) equal to `name`.
  bool has_raw_key(JsonRef ref, std::string_view name) const {
    const Entry& entry = entries_[ref];
    return (entry.flags & Entry::member) && !(entry.flags & Entry::decoded_key) &&
           source_.substr(entry.key_begin_or_index + 1, entry.key_length) == name;
  }

  // Whether the array just opened at `array` is the next one to watch (ParseProgress says which),
  // and if so tells the follower. open_ holds its ancestors.
  void consider_watching(JsonRef array) {
    static constexpr std::string_view watched_keys[] = {"nodes", "edges"};
    if (watching_ != no_value || watch_ >= std::size(watched_keys)) return;
    const std::size_t depth = open_.size();
    if (depth < 1 || depth > 3 || !has_raw_key(array, watched_keys[watch_])) return;
    const JsonRef parent = open_.back();
    if (depth > 1 && !has_raw_key(parent, "graph")) return;
    watching_ = array;
    progress_->arrays_[watch_].store(array, std::memory_order_release);
  }

  // After a container closed (and its duplicate keys were marked): an element of the watched
  // array is now final, or the watched array itself is.
  void report_closed(JsonRef container) {
    const auto next = static_cast<JsonRef>(entries_.size());
    if (container == watching_) {
      progress_->array_nexts_[watch_].store(next, std::memory_order_release);
      watching_ = no_value;
      ++watch_;
    } else if (!open_.empty() && open_.back() == watching_) {
      progress_->complete_.store(next, std::memory_order_release);
    }
  }

 public:
  // Lengths of large arrays are kept as the arrays close, inner ones first; lookups want them
  // in document order.
  void sort_array_lengths() {
    std::sort(doc_.array_lengths_.begin(), doc_.array_lengths_.end(),
              [](const auto& a, const auto& b) { return a.ref < b.ref; });
  }

 private:
  // Small objects (all of a snapshot's nodes and edges) are checked pairwise, which beats hashing
  // for a handful of keys; large ones use a map.
  void find_duplicate_keys(JsonRef object) {
    members_.clear();
    for (JsonRef child = object + 1, stop = doc_.next(object); child < stop;
         child = doc_.next(child)) {
      members_.push_back(child);
    }
    if (members_.size() < 2) return;
    if (members_.size() <= 16) {
      // Each key read once (key() looks at the entry, its flags and the source), then compared
      // by length and first byte before memcmp: this runs for every object of the file.
      std::string_view keys[16];
      for (std::size_t i = 0; i < members_.size(); ++i) keys[i] = doc_.key(members_[i]);
      for (std::size_t i = 1; i < members_.size(); ++i) {
        const std::string_view key = keys[i];
        JsonRef first = no_value;
        for (std::size_t j = 0; j < i; ++j) {
          if (keys[j].size() != key.size() || (!key.empty() && keys[j][0] != key[0]) ||
              keys[j] != key) {
            continue;
          }
          if (first == no_value) first = members_[j];
          entries_[members_[j]].flags |= Entry::shadowed;
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
      entries_[it->second.second].flags |= Entry::shadowed;
      it->second.second = member;
      duplicates_.push_back({member, it->second.first});
    }
  }

  JsonDocument& doc_;
  std::vector<Entry, HugePageAllocator<Entry>>& entries_;
  std::string_view source_;
  const rapidjson::MemoryStream& stream_;
  const ParseLimits& limits_;
  std::vector<DuplicateKey>& duplicates_;
  std::vector<JsonRef> open_;
  std::vector<std::uint32_t> counts_;  // children so far of each open container
  std::vector<JsonRef> members_;
  JsonDocument::Slice pending_key_{};
  std::uint32_t pending_key_begin_ = 0;
  std::uint16_t pending_key_length_ = 0;
  bool pending_key_decoded_ = false;
  std::uint32_t last_end_ = 0;
  std::optional<ParseError> error_;
  std::vector<LongString> long_strings_;
  ParseHelper* helper_ = nullptr;
  ParseProgress* progress_ = nullptr;  // null when nobody follows, or no longer
  JsonRef watching_ = no_value;        // the watched array while it is open
  std::size_t watch_ = 0;              // which array is watched next: ParseProgress::Watched
};

ParseResult parse_json(const SourceFile& source, JsonDocument& document, const ParseLimits& limits,
                       ParseFollower* follower) {
  document.clear();  // an early return leaves no earlier document behind
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
  // RapidJSON takes a NUL byte for the end of input, even with an explicit length: it stops there,
  // as if the input ended. (Its UTF-8 check may read the NUL and two bytes more after a lead
  // byte, but then reports the lead byte, before the NUL.) So the first NUL byte is reported if
  // everything before it was fine, or if the parser's error is where it stopped.
  rapidjson::MemoryStream stream(bytes.data(), bytes.size());
  TapeBuilder builder(document, stream, limits, result.duplicate_keys);
  ParseHelper helper(bytes, document, follower);
  builder.report_to(helper);
  rapidjson::Reader reader;
  constexpr unsigned flags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
  const rapidjson::ParseResult parsed = reader.Parse<flags>(stream, builder);

  result.long_strings = std::move(builder.long_strings());
  const std::size_t nul = helper.first_nul();
  if (builder.error()) {
    result.error = builder.error();
  } else if (nul != std::string_view::npos && (parsed || parsed.Offset() >= nul)) {
    result.error = ParseError{static_cast<std::uint32_t>(nul), "NUL byte in the file"};
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
  builder.sort_array_lengths();
  if (result.error) {
    document.clear();
    result.duplicate_keys.clear();
    result.long_strings.clear();
  }
  return result;
}

}  // namespace snaplint
