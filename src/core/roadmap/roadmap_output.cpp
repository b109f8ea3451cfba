#include "roadmap_output.h"

#include <cmath>

#include "number_format.h"
#include "score_output.h"

namespace ys {
namespace {

std::string pounds(double v) {
    // £12,345 with thousands separators, whatever the locale.
    std::string digits = fixed(std::fabs(v), 0), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (v < -0.5 ? "-£" : "£") + out;
}

std::string padded(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++chars;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

nlohmann::json money(const Money& m) {
    return {{"low", round_to(m.low, 2)}, {"mid", round_to(m.mid, 2)}, {"high", round_to(m.high, 2)}};
}

}  // namespace

void write_roadmap_table(std::ostream& out, const Roadmap& r, const Framework& fw) {
    for (const auto& ph : r.phases) {
        out << "Phase " << ph.number << " (from year " << ph.start_year << (ph.due.empty() ? "" : ", due by " + ph.due)
            << "): " << ph.name << "\n";
        out << "  Needs:";
        for (const auto& id : ph.responsibilities) {
            const Responsibility* resp = fw.find_responsibility(id);
            out << " " << (resp ? resp->name : id) << ";";
        }
        out << "\n";
        if (ph.hires.empty()) out << "  Already covered by the current team.\n";
        for (std::size_t i : ph.hires) {
            const RoadmapHire& h = r.hires[i];
            out << "  + " << h.title << " (" << h.route << ", " << h.sits_in << ")\n";
            for (const auto& why : h.justification) out << "      " << why << "\n";
        }
    }
    if (!r.uncovered.empty()) {
        out << "\nNo role in the catalogue carries:";
        for (const auto& u : r.uncovered) out << " " << u;
        out << "\n";
    }
    out << "\nCost per year (low / mid / high salary points)\n";
    for (const auto& y : r.years) {
        out << "Year " << y.year << " (" << y.from << " to " << y.to << ")\n";
        for (const auto& [name, m] : y.lines) {
            if (m.low == 0 && m.mid == 0 && m.high == 0) continue;
            out << "  " << padded(name, 30) << padded(pounds(m.low), 12) << padded(pounds(m.mid), 12) << pounds(m.high) << "\n";
        }
        out << "  " << padded("Total", 30) << padded(pounds(y.total.low), 12) << padded(pounds(y.total.mid), 12)
            << pounds(y.total.high) << "\n";
        out << "  " << padded("Cumulative", 30) << padded(pounds(y.cumulative.low), 12) << padded(pounds(y.cumulative.mid), 12)
            << pounds(y.cumulative.high) << "\n";
    }
    for (const auto& n : r.notes) out << "Note: " << n << "\n";
}

nlohmann::json roadmap_json(const Roadmap& r) {
    nlohmann::json phases = nlohmann::json::array(), hires = nlohmann::json::array(), years = nlohmann::json::array();
    for (const auto& ph : r.phases)
        phases.push_back({{"number", ph.number}, {"name", ph.name}, {"start_year", ph.start_year}, {"level", ph.level},
                          {"due", ph.due.empty() ? nlohmann::json(nullptr) : nlohmann::json(ph.due)},
                          {"responsibilities", ph.responsibilities}, {"hires", ph.hires}});
    for (const auto& h : r.hires) {
        nlohmann::json covers = nlohmann::json::array();
        for (const auto& [id, share] : h.covers) covers.push_back({{"responsibility", id}, {"fte_share", share}});
        hires.push_back({{"role", h.role}, {"title", h.title}, {"route", h.route}, {"upskilled_from", h.upskilled_from}, {"fte", h.fte},
                         {"cost_share", round_to(h.cost_share, 6)}, {"phase", h.phase}, {"start_year", h.start_year},
                         {"sits_in", h.sits_in}, {"covers", covers}, {"justification", h.justification}});
    }
    for (const auto& y : r.years) {
        nlohmann::json lines = nlohmann::json::array();
        for (const auto& [name, m] : y.lines) lines.push_back({{"item", name}, {"cost", money(m)}});
        years.push_back({{"year", y.year}, {"from", y.from}, {"to", y.to}, {"lines", lines}, {"total", money(y.total)},
                         {"cumulative", money(y.cumulative)}});
    }
    return {{"format", "yardstick-roadmap/1"}, {"phases", phases}, {"hires", hires}, {"years", years},
            {"uncovered", r.uncovered}, {"notes", r.notes}};
}

void write_roadmap_csv(std::ostream& out, const Roadmap& r) {
    out << "year,from,to,item,low,mid,high\r\n";
    for (const auto& y : r.years) {
        for (const auto& [name, m] : y.lines)
            out << y.year << "," << y.from << "," << y.to << "," << csv_field(name) << "," << fixed(m.low, 2) << ","
                << fixed(m.mid, 2) << "," << fixed(m.high, 2) << "\r\n";
        out << y.year << "," << y.from << "," << y.to << ",Total," << fixed(y.total.low, 2) << "," << fixed(y.total.mid, 2)
            << "," << fixed(y.total.high, 2) << "\r\n";
        out << y.year << "," << y.from << "," << y.to << ",Cumulative," << fixed(y.cumulative.low, 2) << ","
            << fixed(y.cumulative.mid, 2) << "," << fixed(y.cumulative.high, 2) << "\r\n";
    }
}

}  // namespace ys
