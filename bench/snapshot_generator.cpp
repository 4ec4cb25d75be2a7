#include "snapshot_generator.hpp"

#include <random>

namespace snaplint::bench {

namespace {

const char* const prompts[] = {
    "Greet the customer, ask for their order number and confirm the delivery address before "
    "continuing. Keep answers short and friendly.",
    "Explain the return policy in plain words: thirty days, receipt required, refunds to the "
    "original payment method within five business days.",
    "Collect the details of the problem, repeat them back to the customer and ask whether "
    "anything is missing before you hand over.",
};

void append_node(std::string& out, std::size_t i, std::mt19937& random) {
  const std::string id = "n" + std::to_string(i);
  out += "    {\"id\": \"" + id + "\", \"name\": \"step_" + std::to_string(i) + "\", ";
  const char* prompt = prompts[random() % 3];
  switch (random() % 6) {
    case 0:
      out += "\"type\": \"WebhookNode\", \"prompt\": \"" + std::string(prompt) +
             "\", \"nodeable_id\": \"wh-" + id + "\", \"webhook\": {\"nodeable_id\": \"wh-" + id +
             "\", \"url\": \"https://api.example.com/orders/#{order_id}\", \"http_method\": "
             "\"GET\", \"headers\": {\"Authorization\": \"Bearer #{token}\"}}}";
      break;
    case 1:
      out += "\"type\": \"KnowledgeBaseNode\", \"prompt\": \"" + std::string(prompt) +
             "\", \"knowledge_base\": {\"key\": \"kb\", \"knowledge_base_text\": \"Returns within "
             "30 days. Shipping is free over 50 dollars.\"}}";
      break;
    default:
      out += "\"type\": \"DefaultNode\", \"prompt\": \"" + std::string(prompt) +
             "\", \"global\": false}";
      break;
  }
}

}  // namespace

std::string generate_snapshot(std::size_t node_count, unsigned seed) {
  std::mt19937 random(seed);
  std::string out = "{\n  \"graph\": {\n  \"nodes\": [\n";
  out +=
      "    {\"id\": \"start\", \"name\": \"__start__\", \"type\": \"DefaultNode\", \"prompt\": "
      "\"\"},\n";
  for (std::size_t i = 0; i < node_count; ++i) {
    append_node(out, i, random);
    out += ",\n";
  }
  out +=
      "    {\"id\": \"end\", \"name\": \"__end__\", \"type\": \"DefaultNode\", \"prompt\": \"\"}\n";
  out += "  ],\n  \"edges\": [\n";
  out += "    {\"id\": \"e-start\", \"from\": \"start\", \"to\": \"n0\"}";
  for (std::size_t i = 0; i < node_count; ++i) {
    const std::string from = "n" + std::to_string(i);
    const std::string next = i + 1 < node_count ? "n" + std::to_string(i + 1) : "end";
    out += ",\n    {\"id\": \"e" + std::to_string(2 * i) + "\", \"from\": \"" + from +
           "\", \"to\": \"" + next + "\"}";
    const std::string other = "n" + std::to_string(random() % node_count);
    out += ",\n    {\"id\": \"e" + std::to_string(2 * i + 1) + "\", \"from\": \"" + from +
           "\", \"to\": \"" + other + "\", \"label\": \"the customer asks about step " +
           std::to_string(i) + "\"}";
  }
  out += "\n  ]\n  }\n}\n";
  return out;
}

}  // namespace snaplint::bench
