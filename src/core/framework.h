#pragma once
// The maturity framework model: levels, the dimension tree, actions, responsibilities.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ys {

// Every dimension holds the facets it inherits: a documented limit keeps that small.
inline constexpr std::size_t kMaxFacets = 16;

enum class Aggregation { Mean, WeightedMean, Min, Sum, Gated };
enum class Combine { Median, Mean };
enum class Effort { Small, Medium, Large };
enum class Tier { Foundation, Growth };
// What an unanswered or "don't know" question does to the node it scores: left out (the
// node is scored on what was answered), counted as the question's lowest score (as a
// spreadsheet counts a blank as 0), or voids the node (no score until everything is answered).
enum class Unanswered { LeaveOut, Lowest, Void };

const char* to_string(Aggregation a);
const char* to_string(Effort e);
const char* to_string(Tier t);
const char* to_string(Unanswered u);

struct Threshold {
    double min = 0;
    int level = 0;
};

struct LevelMapping {
    enum class Method { Floor, Round, Thresholds } method = Method::Floor;
    std::vector<Threshold> thresholds;
};

struct Level {
    int value = 0;
    std::string name;
    std::string description;
};

struct FacetValue {
    std::string id;
    std::string name;
};

struct Facet {
    std::string id;
    std::string name;
    std::vector<FacetValue> values;
    Aggregation aggregation = Aggregation::Mean;  // how a cell (and a column) combines its questions
};

struct Action {
    std::string id;
    int from = 0;
    int to = 0;
    std::string title;
    std::string description;
    std::optional<Effort> effort;  // not every framework rates effort
    std::string timescale;
    std::string owner;
    std::vector<std::string> responsibilities;
    std::vector<std::string> tags;
};

struct Dimension {
    std::string id;
    std::string name;
    std::string description;
    double weight = 1;
    Aggregation aggregation = Aggregation::Mean;  // after inheritance
    Unanswered unanswered = Unanswered::LeaveOut;  // after inheritance
    LevelMapping level_mapping;                   // after inheritance
    std::optional<int> gate_level;
    std::map<std::string, std::string> facets;  // own and inherited, facet id -> value id
    int parent = -1;
    int depth = 0;
    std::vector<int> children;
    std::map<int, std::string> descriptors;  // level value -> text
    std::vector<Action> actions;
    std::string pointer;  // where it was defined, for messages

    bool is_leaf() const { return children.empty(); }
};

struct Responsibility {
    std::string id;
    std::string name;
    std::string description;
    Tier tier = Tier::Foundation;
    int from_level = 0;
    std::vector<std::string> dimensions;
};

struct Source {
    std::string title;
    std::string publisher;
    std::optional<int> year;
    std::string url;
    std::string note;
};

struct Framework {
    std::string id;
    std::string version;
    std::string title;
    std::string description;
    std::string licence;
    std::vector<Source> sources;
    std::vector<Level> levels;
    std::vector<Facet> facets;
    Aggregation aggregation = Aggregation::Mean;  // for the overall result
    Unanswered unanswered = Unanswered::LeaveOut;  // for the overall result, and inherited by dimensions
    LevelMapping level_mapping;
    Combine combine = Combine::Median;
    std::vector<Dimension> dimensions;  // pre-order: a parent comes before its children
    std::vector<int> roots;             // top-level dimensions
    std::vector<Responsibility> responsibilities;

    int min_level() const { return levels.empty() ? 0 : levels.front().value; }
    int max_level() const { return levels.empty() ? 0 : levels.back().value; }
    int find_dimension(const std::string& id) const;  // -1 when absent
    const Level* level(int value) const;
    const Responsibility* find_responsibility(const std::string& id) const;
};

// Maps a continuous score to a level under a mapping, clamped to the scale.
int level_for_score(const Framework& fw, const LevelMapping& mapping, double score);

}  // namespace ys
