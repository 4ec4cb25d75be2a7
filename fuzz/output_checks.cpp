#include "output_checks.hpp"

#include <expat.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdio>
#include <cstdlib>

namespace snaplint::fuzz {

namespace {

[[noreturn]] void fail(const char* what, const char* problem, std::size_t offset,
                       std::string_view output) {
  std::fprintf(stderr, "%s: %s at byte %zu of %zu; output starts:\n%.*s\n", what, problem, offset,
               output.size(), static_cast<int>(output.size() < 2000 ? output.size() : 2000),
               output.data());
  std::abort();
}

}  // namespace

void check_json(std::string_view output, const char* what) {
  rapidjson::Document document;
  // Validate the encoding too: JSON is UTF-8 (RFC 8259), and a consumer in another language
  // rejects anything else.
  document.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseStopWhenDoneFlag>(
      output.data(), output.size());
  if (document.HasParseError()) {
    fail(what, rapidjson::GetParseError_En(document.GetParseError()), document.GetErrorOffset(),
         output);
  }
  if (!document.IsObject()) fail(what, "not an object", 0, output);
}

void check_xml(std::string_view output, const char* what) {
  XML_Parser parser = XML_ParserCreate("UTF-8");
  if (parser == nullptr) std::abort();
  const bool ok =
      XML_Parse(parser, output.data(), static_cast<int>(output.size()), 1) == XML_STATUS_OK;
  if (!ok) {
    const char* problem = XML_ErrorString(XML_GetErrorCode(parser));
    const auto offset = static_cast<std::size_t>(XML_GetCurrentByteIndex(parser));
    XML_ParserFree(parser);
    fail(what, problem, offset, output);
  }
  XML_ParserFree(parser);
}

}  // namespace snaplint::fuzz
