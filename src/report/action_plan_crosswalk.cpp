#include "action_plan_crosswalk.h"

#include "text_format.h"

namespace ys::report {

void add_crosswalk_summary(DocumentWriter& w, const CrosswalkResult& res) {
    const Crosswalk& cw = *res.crosswalk;
    w.heading(2, "In the terms of the " + cw.to_name + " (an approximation)", "crosswalk-" + cw.to_id);
    w.paragraph(cw.approximation, TextStyle::note);
    for (const auto& axis : cw.axes) {
        Table t;
        t.caption = "By " + axis.name + " of the " + cw.to_name;
        t.header = {axis.name, "Score", "Level", "Based on"};
        t.align = {Align::left, Align::right, Align::left, Align::left};
        t.widths = {3, 1, 1.6, 4};
        t.first_column_is_header = true;
        for (int i : axis.items) {
            const auto& ir = res.items[i];
            std::string basis;
            int questions = 0;
            for (const auto& b : ir.basis) {
                if (b.kind == "question") ++questions;
                else basis += (basis.empty() ? "" : ", ") + b.name;
            }
            if (questions)
                basis += (basis.empty() ? "" : "; ") + std::to_string(questions) + (questions == 1 ? " question" : " questions");
            t.rows.push_back({cw.items[i].name, ir.score ? score_text(*ir.score) : "-",
                              ir.score ? std::to_string(ir.level) + " " + crosswalk_level_name(cw, ir.level) : "Not scored",
                              basis.empty() ? "Nothing mapped" : basis});
        }
        w.add(std::move(t));
    }
    if (!res.unmapped.empty()) {
        std::string names;
        for (std::size_t i = 0; i < res.unmapped.size(); ++i) names += (i ? ", " : "") + res.unmapped[i];
        w.paragraph("Not mapped to the " + cw.to_name + ", so left out of these figures: " + names + ".", TextStyle::note);
    }
}

}  // namespace ys::report
