// Reads the nodes and edges of a large snapshot while the parser is still reading the rest of the
// file, on the second core, which is otherwise idle during the parse. What it read is handed to
// the model after the parse when it read the arrays the model uses (a snapshot's envelope is only
// known once the whole file is read); the model then reads on from where it stopped.
#pragma once

#include "snaplint/json_parser.hpp"
#include "snaplint/model.hpp"

namespace snaplint {

class ModelStream final : public ParseFollower {
 public:
  void follow(const JsonDocument& document, const ParseProgress& progress) noexcept override;

  // After the parse: gives `model` (fresh from begin_model) the nodes and edges read, when they
  // are elements of its own nodes and edges arrays, and sets model.read_so_far; otherwise leaves
  // it as it is. Call once.
  void hand_over(Model& model);

 private:
  // Reads the watched array's elements as the parser completes them; true when it read them all.
  bool follow_array(const JsonDocument& document, const ParseProgress& progress,
                    ParseProgress::Watched which);

  Model read_;  // the nodes (with their index, start and end) and edges read, and how far
  JsonRef nodes_array_ = no_value;
  JsonRef edges_array_ = no_value;
  bool failed_ = false;  // what was read is incomplete (an allocation failed)
};

}  // namespace snaplint
