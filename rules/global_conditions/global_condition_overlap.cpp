// global-condition-overlap: two global nodes whose conditions are near-duplicates (most words
// shared, or one's words all in the other's). Both are offered at every step and the LLM picks
// one of them at random.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

#include "../flat_tables.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

constexpr RuleOption overlap_options[] = {
    {"threshold", 0.75, 0.0, 1.0,
     "the word-set Jaccard similarity from which two global conditions count as overlapping"},
};

// A global node with a usable condition; nodes with the same normalized text are chained.
struct Holder {
  const Node* node;
  JsonRef condition;
  std::uint32_t next;  // the next holder of the same text, or no_index
};

// One distinct normalized condition. Its words live in Conditions::words, as rarity ranks,
// distinct and sorted (rarest first).
struct Condition {
  std::uint32_t first_holder;
  std::uint32_t last_holder;
  std::uint32_t words_begin = 0;
  std::uint32_t words_end = 0;
  std::uint32_t size() const { return words_end - words_begin; }
};

// Flat storage: a few large allocations instead of several per condition, so that thousands of
// global nodes stay cheap.
struct Conditions {
  std::string text;                     // every distinct normalized text, one after another
  std::vector<std::uint32_t> text_end;  // where each condition's text ends in `text`
  std::vector<Condition> list;
  std::vector<Holder> holders;
  std::vector<std::uint32_t> words;

  std::string_view text_of(std::uint32_t c) const {
    const std::uint32_t begin = c == 0 ? 0 : text_end[c - 1];
    return std::string_view(text).substr(begin, text_end[c] - begin);
  }
};

struct Overlap {
  const Node* later;
  JsonRef later_condition;
  const Node* earlier;
  JsonRef earlier_condition;
  double score;
  // Which word set holds the other: -1 the later's is inside the earlier's, 1 the other way
  // round, 2 both (the same words), 0 neither.
  int containment;
};

class GlobalConditionOverlap final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{
        "global-condition-overlap", "global-conditions", Severity::warning,
        "two global nodes' conditions are near-duplicates", overlap_options};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    Conditions conditions = collect(context);
    if (conditions.list.size() < 2) return;
    rank_words(conditions);
    std::vector<Overlap> overlaps = join(conditions, context.option("threshold"));
    std::sort(overlaps.begin(), overlaps.end(), [](const Overlap& a, const Overlap& b) {
      return std::pair(a.later->index, a.earlier->index) <
             std::pair(b.later->index, b.earlier->index);
    });
    for (const Overlap& overlap : overlaps) reporter.report(finding_for(overlap));
  }

 private:
  // Global nodes' conditions, grouped by normalized text (equal texts are
  // global-condition-conflict's business, so they are compared as one).
  static Conditions collect(const LintContext& context) {
    const JsonDocument& doc = context.json;
    Conditions conditions;
    std::vector<std::pair<const Node*, JsonRef>> found;
    std::size_t length = 0;
    for (const Node& node : context.model.nodes) {
      if (!node.is_global) continue;
      const JsonRef condition = node.global_condition_ref;
      if (!doc.is(condition, JsonType::string)) continue;
      found.emplace_back(&node, condition);
      length += doc.string(condition).size();
    }
    // Normalizing never lengthens a text, so `text` never reallocates.
    conditions.text.reserve(length);
    conditions.holders.reserve(found.size());
    // Normalized text → its condition, looked up with the text just appended to `text` (and
    // removed again when it is already known).
    TextTable by_text(found.size(), [&](std::uint32_t c) { return conditions.text_of(c); });
    for (const auto& [node, condition] : found) {
      const std::size_t begin = conditions.text.size();
      append_normalized_condition(doc.string(condition), conditions.text);
      const std::string_view normalized = std::string_view(conditions.text).substr(begin);
      if (normalized.empty()) continue;  // global-condition-missing's finding
      const auto holder = static_cast<std::uint32_t>(conditions.holders.size());
      conditions.holders.push_back({node, condition, no_index});
      const auto next = static_cast<std::uint32_t>(conditions.list.size());
      conditions.text_end.push_back(static_cast<std::uint32_t>(conditions.text.size()));
      const auto [known, inserted] = by_text.insert(normalized, next);
      if (!inserted) {
        conditions.text.resize(begin);
        conditions.text_end.pop_back();
        Condition& same = conditions.list[known];
        conditions.holders[same.last_holder].next = holder;
        same.last_holder = holder;
        continue;
      }
      conditions.list.push_back({holder, holder});
    }
    return conditions;
  }

  // Splits each condition into distinct words and numbers the words by rarity (fewest
  // conditions first), so that each condition's rarest words come first.
  static void rank_words(Conditions& conditions) {
    // Word → its id (its first occurrence's rank in `first_word`).
    std::vector<std::string_view> first_word;
    TextTable ids(conditions.list.size() * 2, [&](std::uint32_t w) { return first_word[w]; });
    std::vector<std::uint32_t> frequency;
    std::vector<std::uint32_t>& words = conditions.words;
    words.reserve(conditions.text.size() / 4);
    for (std::uint32_t c = 0; c < conditions.list.size(); ++c) {
      const std::string_view text = conditions.text_of(c);
      const auto begin = static_cast<std::uint32_t>(words.size());
      for (std::size_t at = 0; at <= text.size();) {
        std::size_t end = text.find(' ', at);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(at, end - at);
        const auto [id, inserted] = ids.insert(word, static_cast<std::uint32_t>(frequency.size()));
        if (inserted) {
          frequency.push_back(0);
          first_word.push_back(word);
        }
        words.push_back(id);
        at = end + 1;
      }
      std::sort(words.begin() + begin, words.end());
      words.erase(std::unique(words.begin() + begin, words.end()), words.end());
      for (auto w = words.begin() + begin; w != words.end(); ++w) ++frequency[*w];
      conditions.list[c].words_begin = begin;
      conditions.list[c].words_end = static_cast<std::uint32_t>(words.size());
    }
    std::vector<std::uint32_t> order(frequency.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return std::pair(frequency[a], a) < std::pair(frequency[b], b);
    });
    std::vector<std::uint32_t> rank(frequency.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    for (const Condition& condition : conditions.list) {
      for (auto w = words.begin() + condition.words_begin; w != words.begin() + condition.words_end;
           ++w) {
        *w = rank[*w];
      }
      std::sort(words.begin() + condition.words_begin, words.begin() + condition.words_end);
    }
  }

  // Words two conditions must share, at least, for a qualifying pair: never fewer than one.
  static std::uint32_t at_least(double words) {
    return std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::ceil(words - 1e-9)));
  }

  // Posting lists in one array (compressed rows): for each word, the conditions indexed under
  // it, as positions in the order of the join, with their sizes, in that order.
  struct Index {
    struct Entry {
      std::uint32_t position;
      std::uint32_t size;
    };
    std::vector<std::uint32_t> start;  // per word, where its list begins; one more at the end
    std::vector<Entry> entries;

    // Indexes the first prefix(size) words of each condition.
    template <class Prefix>
    Index(const Conditions& conditions, const std::vector<std::uint32_t>& order,
          std::size_t word_count, Prefix prefix)
        : start(word_count + 1, 0) {
      const std::vector<Condition>& list = conditions.list;
      for (std::uint32_t y : order) {
        const std::uint32_t* words = conditions.words.data() + list[y].words_begin;
        for (std::uint32_t k = 0, n = prefix(list[y].size()); k < n; ++k) ++start[words[k] + 1];
      }
      std::partial_sum(start.begin(), start.end(), start.begin());
      entries.resize(start.back());
      std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
      for (std::uint32_t position = 0; position < order.size(); ++position) {
        const Condition& condition = list[order[position]];
        const std::uint32_t* words = conditions.words.data() + condition.words_begin;
        for (std::uint32_t k = 0, n = prefix(condition.size()); k < n; ++k) {
          entries[next[words[k]]++] = {position, condition.size()};
        }
      }
    }

    // Calls visit(entry) for the conditions under `word` that come before `position`, in
    // order (so of growing size), until it returns false.
    template <class Visit>
    void visit(std::uint32_t word, std::uint32_t position, Visit&& visit_one) const {
      for (std::uint32_t e = start[word]; e < start[word + 1]; ++e) {
        if (entries[e].position >= position || !visit_one(entries[e])) return;
      }
    }
  };

  // A prefix-filtered similarity join (as in AllPairs/PPJoin) over the conditions taken in
  // order of size. A pair qualifies when it shares at least one word and either its Jaccard
  // similarity reaches `threshold` or the smaller word set lies inside the larger.
  //  - Jaccard: with |x| <= |y| and J >= t, the pair shares >= ceil(2t/(1+t)|x|) words and
  //    >= ceil(t|y|) words, so x's first |x| - ceil(2t/(1+t)|x|) + 1 rarest words and y's
  //    first |y| - ceil(t|y|) + 1 have one in common; common words rarely make it into either.
  //  - containment: x inside y means x's rarest word is a word of y, followed in y by at least
  //    |x| - 1 more words.
  // Only candidates found through these indexes are compared in full.
  static std::vector<Overlap> join(const Conditions& conditions, double threshold) {
    const std::vector<Condition>& list = conditions.list;
    std::vector<std::uint32_t> order(list.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return list[a].size() < list[b].size();
    });
    std::size_t word_count = 0;
    for (std::uint32_t word : conditions.words) {
      word_count = std::max<std::size_t>(word_count, word + 1);
    }
    const auto probed = [&](std::uint32_t size) {
      return size - std::min(size, at_least(threshold * size)) + 1;
    };
    const auto indexed = [&](std::uint32_t size) {
      return size - std::min(size, at_least(2 * threshold / (1 + threshold) * size)) + 1;
    };
    const Index by_prefix_word(conditions, order, word_count, indexed);
    const Index by_rarest_word(conditions, order, word_count, [](std::uint32_t) { return 1u; });
    std::vector<std::uint32_t> seen(list.size(), no_index);  // by position
    std::vector<std::uint32_t> in_y(word_count, no_index);   // word → the position holding it
    std::vector<Overlap> overlaps;

    for (std::uint32_t position = 0; position < order.size(); ++position) {
      const std::uint32_t y = order[position];
      const std::uint32_t* words = conditions.words.data() + list[y].words_begin;
      const std::uint32_t size = list[y].size();
      for (std::uint32_t k = 0; k < size; ++k) in_y[words[k]] = position;
      const auto consider = [&](std::uint32_t x) {
        if (seen[x] == position) return;
        seen[x] = position;
        compare(conditions, order[x], y, in_y, position, threshold, overlaps);
      };
      for (std::uint32_t k = 0, n = probed(size); k < n; ++k) {
        by_prefix_word.visit(words[k], position, [&](const Index::Entry& x) {
          if (x.size + 1e-9 >= threshold * size) consider(x.position);
          return true;
        });
      }
      for (std::uint32_t k = 0; k < size; ++k) {
        by_rarest_word.visit(words[k], position, [&](const Index::Entry& x) {
          if (x.size > size - k) return false;  // and so are all after it
          consider(x.position);
          return true;
        });
      }
    }
    return overlaps;
  }

  // Compares condition x with condition y (x has no more words than y) and records an overlap
  // for each pair of their nodes when they qualify.
  // `in_y[word] == mark` tells the words of y.
  static void compare(const Conditions& conditions, std::uint32_t x, std::uint32_t y,
                      const std::vector<std::uint32_t>& in_y, std::uint32_t mark, double threshold,
                      std::vector<Overlap>& overlaps) {
    const Condition& cx = conditions.list[x];
    const Condition& cy = conditions.list[y];
    const std::uint32_t* a = conditions.words.data() + cx.words_begin;
    const std::uint32_t size_a = cx.size();
    const std::uint32_t size_b = cy.size();
    // Fewest shared words that can qualify: all of x's (containment) or enough for the
    // threshold, whichever is fewer; the count stops once that is out of reach (most
    // candidates miss one of their first words).
    const std::uint32_t needed =
        std::min(size_a, at_least(threshold * (size_a + size_b) / (1 + threshold)));
    std::uint32_t shared = 0;
    for (std::uint32_t i = 0; i < size_a; ++i) {
      if (in_y[a[i]] == mark) {
        ++shared;
      } else if (size_a - (i + 1 - shared) < needed) {
        return;
      }
    }
    if (shared == 0) return;
    const std::uint32_t together = size_a + size_b - shared;
    const double score = static_cast<double>(shared) / static_cast<double>(together);
    const bool inside = shared == size_a;  // x's words all in y
    if (!inside && static_cast<double>(shared) + 1e-9 < threshold * static_cast<double>(together)) {
      return;
    }
    for (std::uint32_t hx = cx.first_holder; hx != no_index; hx = conditions.holders[hx].next) {
      const Holder& holder_x = conditions.holders[hx];
      for (std::uint32_t hy = cy.first_holder; hy != no_index; hy = conditions.holders[hy].next) {
        const Holder& holder_y = conditions.holders[hy];
        const bool x_later = holder_x.node->index > holder_y.node->index;
        int containment = 0;
        if (inside && size_a == size_b) {
          containment = 2;
        } else if (inside) {
          containment = x_later ? -1 : 1;
        }
        overlaps.push_back(x_later ? Overlap{holder_x.node, holder_x.condition, holder_y.node,
                                             holder_y.condition, score, containment}
                                   : Overlap{holder_y.node, holder_y.condition, holder_x.node,
                                             holder_x.condition, score, containment});
      }
    }
  }

  static Finding finding_for(const Overlap& overlap) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", overlap.score);
    std::string detail = "similarity " + std::string(score);
    const std::string other = display_name(*overlap.earlier);
    if (overlap.containment == 2) {
      detail += ": the same words";
    } else if (overlap.containment == -1) {
      detail += "; every word of this condition is also in that of " + other;
    } else if (overlap.containment == 1) {
      detail += "; every word of the condition of " + other + " is also in this one";
    }
    Finding finding{{overlap.later_condition},
                    "the condition of global node " + display_name(*overlap.later) +
                        " overlaps that of global node " + other + " (" + detail +
                        "); both are offered at every step and the LLM may pick either",
                    entity_of(*overlap.later)};
    finding.related.push_back(
        {"the condition of global node " + other, {overlap.earlier_condition}});
    finding.help =
        "make the two conditions describe clearly different situations, or merge the two nodes";
    return finding;
  }
};

}  // namespace

const Rule& global_condition_overlap() {
  static const GlobalConditionOverlap rule;
  return rule;
}

}  // namespace snaplint::rules
