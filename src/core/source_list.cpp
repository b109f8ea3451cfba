#include "source_list.h"

namespace ys {

std::vector<Source> read_source_list(const JsonAt& list) {
    std::vector<Source> sources;
    if (!list.present() || !list.expect_array()) return sources;
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonAt s = list[i];
        if (!s.expect_object()) continue;
        s.check_keys({"title", "publisher", "year", "url", "note"});
        Source out;
        out.title = s.string("title", Need::Required).value_or("");
        out.publisher = s.string("publisher", Need::Optional).value_or("");
        if (auto y = s.integer("year", Need::Optional)) out.year = static_cast<int>(*y);
        out.url = s.string("url", Need::Optional).value_or("");
        out.note = s.string("note", Need::Optional).value_or("");
        sources.push_back(std::move(out));
    }
    return sources;
}

}  // namespace ys
