#include "use_case_areas.h"

namespace ys {

const std::vector<UseCaseArea>& use_case_areas() {
    static const std::vector<UseCaseArea> areas = {
        {"case-management", "Managing individual cases"},
        {"citizen-needs", "Understanding residents' needs"},
        {"early-identification-of-risk", "Identifying people or places at risk early"},
        {"fraud-and-error", "Tackling fraud and error"},
        {"local-economy", "Supporting the local economy"},
        {"open-government", "Openness and transparency"},
        {"outcomes-based-performance", "Managing performance by outcomes"},
        {"place-and-infrastructure", "Planning places and infrastructure"},
        {"service-transformation", "Redesigning services"},
        {"streamlining-processes", "Streamlining processes and saving staff time"},
        {"testing-what-works", "Testing which approaches work"},
    };
    return areas;
}

const UseCaseArea* find_use_case_area(const std::string& id) {
    for (const auto& a : use_case_areas())
        if (id == a.id) return &a;
    return nullptr;
}

void check_use_case_tags(const JsonAt& tags) {
    if (!tags.present() || !tags.json().is_array()) return;  // the reader reports the wrong kind
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const auto& t = tags[i].json();
        if (!t.is_string() || find_use_case_area(t.get<std::string>())) continue;
        std::string ids;
        for (const auto& a : use_case_areas()) ids += std::string(ids.empty() ? "" : ", ") + a.id;
        tags[i].warning("unknown use-case area \"" + t.get<std::string>() + "\"; expected one of " + ids +
                        " (frameworks/README.md, \"Use-case areas\")");
    }
}

}  // namespace ys
