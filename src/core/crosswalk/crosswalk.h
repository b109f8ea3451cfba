#pragma once
// A crosswalk (yardstick-crosswalk/1): how a framework's dimensions and a questionnaire's
// questions bear on another published framework's items (CDDO's topics and themes, Data
// Orchard's themes), with a weight each, so a council's result can also be read in those
// terms. Always an approximation: the other framework asks its own questions.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "framework.h"
#include "questionnaire.h"

namespace ys {

inline constexpr const char* kCrosswalkFormat = "yardstick-crosswalk/1";

struct CrosswalkItem {
    std::string id;
    std::string name;
    std::string note;
    int axis = 0;  // index into Crosswalk::axes
};

struct CrosswalkAxis {
    std::string id;    // "topic"
    std::string name;  // "Topic"
    std::vector<int> items;  // into Crosswalk::items, in file order
};

struct CrosswalkLink {
    int item = 0;  // into Crosswalk::items
    double weight = 1;  // (0, 1]: how much of our item bears on theirs
};

struct CrosswalkMapping {
    enum class Kind { Dimension, Question } kind = Kind::Dimension;
    std::string id;  // dimension or question id
    std::vector<CrosswalkLink> to;
    std::string note;
    std::string pointer;  // "/mappings/3", for messages
};

struct Crosswalk {
    std::string id, version, title, description;
    std::string approximation;  // the sentence every output prints
    // The framework it maps from.
    std::string framework_id;
    std::vector<std::string> framework_versions;  // patterns as questionnaires use: "1.*"
    std::vector<std::string> questionnaires;      // whose question ids the mappings may name
    // The framework it maps to.
    std::string to_id, to_name, to_publisher, to_url;
    std::optional<int> to_year;
    std::vector<Level> to_levels;  // its scale, rising by 1
    std::vector<Source> sources;
    std::vector<CrosswalkAxis> axes;
    std::vector<CrosswalkItem> items;
    std::vector<CrosswalkMapping> mappings;

    int find_item(const std::string& id) const;  // -1 when absent
    int find_axis(const std::string& id) const;  // -1 when absent
    bool maps_version(const std::string& framework_version) const;
};

// Reads the file's own structure; ids it names are checked by check_crosswalk.
std::optional<Crosswalk> parse_crosswalk(const nlohmann::json& doc, Diagnostics& diags);

// Every dimension the crosswalk names exists in fw (errors naming the mapping otherwise).
bool check_crosswalk_dimensions(const Crosswalk& cw, const Framework& fw, Diagnostics& diags);

// Checks the crosswalk against the framework it maps and the questionnaires it names
// (nullptr where one was not found, reported by the caller): every dimension and question
// it names exists (errors); leaf dimensions, questions and their items mapped to nothing on
// an axis, and the other framework's items nothing maps to, are warnings. True when no error.
bool check_crosswalk(const Crosswalk& cw, const Framework& fw,
                     const std::vector<const Questionnaire*>& questionnaires, Diagnostics& diags);

}  // namespace ys
