#include "level_tables.h"

#include "round_scope.h"
#include "text_format.h"

namespace ys::report {

std::string excluded_text(const Framework& fw, const RoundResult& r) { return excluded_names(fw, r.excluded); }

void add_level_distribution(DocumentWriter& w, const Framework& fw, const RoundResult& r, const std::string& anchor) {
    const LevelDistributions& L = r.levels;
    if (L.empty() || L.overall.questions == 0 || L.overall.questions_at_or_above.size() < 2) return;
    w.heading(2, "Questions at or above each level", anchor);
    w.paragraph("The share of each dimension's scored questions (everyone's answers combined) that stand at or above "
                "each level: where the level is held across the board, and where a few questions hold it back.",
                TextStyle::note);
    Table t;
    t.caption = "Share of questions at or above each level";
    t.header.push_back("Dimension");
    const std::size_t first = 1;  // every scored question is at or above the lowest level
    for (std::size_t i = first; i < L.overall.questions_at_or_above.size(); ++i) {
        int level = L.min_level + static_cast<int>(i);
        const Level* lv = fw.level(level);
        t.header.push_back(std::to_string(level) + (lv ? " " + lv->name : std::string()));
    }
    t.header.push_back("Questions");
    t.first_column_is_header = true;
    t.align.assign(t.header.size(), Align::right);
    t.align[0] = Align::left;
    t.widths.assign(t.header.size(), 1.0);
    t.widths[0] = 3.0;
    auto row = [&](const std::string& label, const LevelDistribution& d) {
        std::vector<std::string> cells{label};
        std::vector<std::optional<Colour>> fills{std::nullopt};
        for (std::size_t i = first; i < d.questions_at_or_above.size(); ++i) {
            if (d.questions == 0) {
                cells.push_back("-");
                fills.push_back(std::nullopt);
                continue;
            }
            double share = d.question_share(i);
            cells.push_back(percent(share));
            fills.push_back(blend(w.tpl().theme.heat_low, w.tpl().theme.heat_high, share));
        }
        cells.push_back(std::to_string(d.questions));
        fills.push_back(std::nullopt);
        t.rows.push_back(std::move(cells));
        t.fills.push_back(std::move(fills));
    };
    for (std::size_t k = 0; k < fw.dimensions.size() && k < L.dimensions.size(); ++k)
        if (!r.is_out_of_scope(k))
            row(std::string(2 * fw.dimensions[k].depth, ' ') + fw.dimensions[k].name, L.dimensions[k]);
    row("Overall", L.overall);
    t.last_row_is_total = true;
    w.add(std::move(t));
}

}  // namespace ys::report
