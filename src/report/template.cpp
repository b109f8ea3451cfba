#include "template.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <system_error>

#include "json_fields.h"
#include "json_read.h"
#include "number_format.h"
#include "text_format.h"

namespace ys::report {
namespace {

namespace fs = std::filesystem;

std::string list_of(const std::vector<std::string>& items, const std::string& before = "", const std::string& after = "") {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + before + i + after;
    return out;
}

struct ColourField {
    const char* key;
    Colour Theme::*member;
};
const ColourField kColourFields[] = {
    {"text", &Theme::text},       {"muted", &Theme::muted},   {"primary", &Theme::primary},
    {"on_primary", &Theme::on_primary}, {"accent", &Theme::accent}, {"grid", &Theme::grid},
    {"heat_low", &Theme::heat_low}, {"heat_high", &Theme::heat_high},
};

class TemplateReader {
public:
    TemplateReader(const nlohmann::json& doc, std::string base_dir, Diagnostics& diags)
        : root_(&doc, "", diags), base_dir_(std::move(base_dir)), errors_before_(diags.error_count()) {}

    std::optional<ReportTemplate> read() {
        if (!root_.expect_object()) return std::nullopt;
        root_.check_keys({"format", "id", "version", "kind", "description", "title", "subtitle", "running_header",
                          "author", "sections", "colours", "logo"});
        auto format = root_.string("format", Need::Required);
        if (format && *format != kTemplateFormat)
            root_["format"].error("expected \"" + std::string(kTemplateFormat) + "\", found \"" + *format + "\"");
        out_.id = root_.id("id", Need::Required).value_or("");
        if (auto v = root_.string("version", Need::Required)) {
            if (is_valid_version(*v)) out_.version = *v;
            else root_["version"].error("expected a version such as \"1.0\" or \"1.2.3\", found \"" + *v + "\"");
        }
        out_.description = root_.string("description", Need::Optional).value_or("");
        bool kind_known = false;
        if (auto k = root_.string("kind", Need::Required)) {
            if (auto kind = template_kind(*k)) {
                out_.kind = *kind;
                kind_known = true;
            } else {
                root_["kind"].error("unknown kind \"" + *k + "\"; expected one of: action-plan, benchmark, business-case, skills");
            }
        }
        // Placeholders and sections depend on the kind: without one, they cannot be checked.
        if (kind_known) {
            out_.title = text(root_, "title", Need::Required);
            out_.subtitle = text(root_, "subtitle", Need::Optional);
            out_.running_header = text(root_, "running_header", Need::Optional);
            out_.author = text(root_, "author", Need::Optional);
            read_sections();
        }
        read_colours();
        read_logo();
        if (root_.diags().error_count() != errors_before_) return std::nullopt;
        return std::move(out_);
    }

private:
    // A string whose placeholders must all be ones this kind of report fills in.
    std::string text(const JsonAt& owner, const std::string& key, Need need) {
        auto s = owner.string(key, need);
        if (!s) return {};
        check_placeholders(owner[key], *s);
        return *s;
    }

    void check_placeholders(const JsonAt& at, const std::string& s) {
        std::vector<std::string> names;
        std::string why;
        if (!find_placeholders(s, names, why)) {
            at.error(why);
            return;
        }
        const auto& known = placeholder_names(out_.kind);
        for (const auto& n : names)
            if (std::find(known.begin(), known.end(), n) == known.end()) {
                at.error("unknown placeholder \"{" + n + "}\" for " + article(out_.kind) + " template; expected one of: " +
                         list_of(known, "{", "}"));
                return;
            }
    }

    static std::string article(TemplateKind k) {
        return std::string(k == TemplateKind::ActionPlan ? "an " : "a ") + to_string(k);
    }

    void read_sections() {
        JsonAt secs = root_["sections"];
        if (!secs.expect_array(1)) return;
        const auto& known = section_ids(out_.kind);
        std::map<std::string, std::string> seen;  // id -> pointer of its first use
        for (std::size_t i = 0; i < secs.size(); ++i) {
            JsonAt s = secs[i];
            if (!s.expect_object()) continue;
            s.check_keys({"id", "heading", "paragraphs"});
            TemplateSection sec;
            auto id = s.string("id", Need::Required);
            bool ok = id.has_value();
            if (id) {
                if (std::find(known.begin(), known.end(), *id) == known.end()) {
                    s["id"].error("unknown section \"" + *id + "\" for " + article(out_.kind) +
                                  " template; expected one of: " + list_of(known));
                    ok = false;
                } else if (auto it = seen.find(*id); it != seen.end()) {
                    s["id"].error("section \"" + *id + "\" appears twice (first at " + it->second + ")");
                    ok = false;
                } else {
                    seen[*id] = s["id"].pointer();
                }
                sec.id = *id;
            }
            sec.heading = text(s, "heading", Need::Required);
            JsonAt paras = s["paragraphs"];
            if (paras.present() && paras.expect_array())
                for (std::size_t k = 0; k < paras.size(); ++k) {
                    JsonAt p = paras[k];
                    if (!p.json().is_string()) {
                        p.error("expected a string, found " + describe_json_type(p.json()));
                        continue;
                    }
                    std::string t = p.json().get<std::string>();
                    if (t.empty()) {
                        p.error("expected a non-empty string");
                        continue;
                    }
                    check_placeholders(p, t);
                    sec.paragraphs.push_back(std::move(t));
                }
            if (ok) out_.sections.push_back(std::move(sec));
        }
    }

    std::optional<Colour> colour(const JsonAt& at) {
        if (!at.json().is_string()) {
            at.error("expected a colour as \"#rrggbb\", found " + describe_json_type(at.json()));
            return std::nullopt;
        }
        auto c = parse_colour(at.json().get<std::string>());
        if (!c) at.error("expected a colour as \"#rrggbb\", found \"" + printable(at.json().get<std::string>()) + "\"");
        return c;
    }

    void read_colours() {
        JsonAt cols = root_["colours"];
        if (!cols.present() || !cols.expect_object()) return;
        cols.check_keys({"text", "muted", "primary", "on_primary", "accent", "grid", "heat_low", "heat_high", "series"});
        std::map<std::string, bool> given, valid;
        bool all_valid = true;
        for (const auto& f : kColourFields) {
            JsonAt at = cols[f.key];
            if (!at.present()) continue;
            given[f.key] = true;
            if (auto c = colour(at)) out_.theme.*f.member = *c;
            else all_valid = false;
        }
        JsonAt series = cols["series"];
        bool series_valid = true;
        if (series.present() && series.expect_array(1)) {
            std::vector<Colour> list;
            for (std::size_t i = 0; i < series.size(); ++i) {
                if (auto c = colour(series[i])) list.push_back(*c);
                else series_valid = false;
            }
            if (series_valid) out_.theme.series = list;
        } else if (series.present()) {
            series_valid = false;
        }
        if (!all_valid) return;  // contrast is only meaningful between colours that were read

        const Theme& t = out_.theme;
        auto check = [&](const char* fg_key, Colour fg, const char* bg_key, Colour bg, double need, const char* what) {
            double ratio = contrast_ratio(fg, bg);
            if (ratio + 1e-9 >= need) return;
            // Blame the colour the file set: the foreground when it did, else the background.
            bool fg_given = given.count(fg_key) > 0;
            JsonAt at = cols[fg_given || !bg_key ? fg_key : bg_key];
            std::string on = bg_key ? std::string(bg_key) + " \"" + colour_hex(bg) + "\"" : "the white page";
            at.error(std::string(fg_key) + " \"" + colour_hex(fg) + "\" on " + on + " has a contrast ratio of " +
                     fixed(std::floor(ratio * 100) / 100, 2) + ":1; " + what + " need at least " + plain(need, 1) +
                     ":1 (WCAG AA)");
        };
        // Only pairs involving a colour the file set: the defaults are known to pass.
        auto involved = [&](const char* a, const char* b) { return given.count(a) || (b && given.count(b)); };
        if (involved("text", nullptr)) check("text", t.text, nullptr, kPage, kTextContrast, "text colours");
        if (involved("muted", nullptr)) check("muted", t.muted, nullptr, kPage, kTextContrast, "text colours");
        if (involved("primary", nullptr)) check("primary", t.primary, nullptr, kPage, kTextContrast, "headings");
        if (involved("on_primary", "primary"))
            check("on_primary", t.on_primary, "primary", t.primary, kTextContrast, "table headers");
        if (involved("accent", nullptr)) check("accent", t.accent, nullptr, kPage, kGraphicContrast, "chart marks");
        if (series_valid && series.present())
            for (std::size_t i = 0; i < t.series.size(); ++i) {
                double ratio = contrast_ratio(t.series[i], kPage);
                if (ratio + 1e-9 < kGraphicContrast)
                    series[i].error("series colour \"" + colour_hex(t.series[i]) +
                                    "\" on the white page has a contrast ratio of " +
                                    fixed(std::floor(ratio * 100) / 100, 2) + ":1; chart marks need at least " +
                                    plain(kGraphicContrast, 1) + ":1 (WCAG AA)");
            }
    }

    void read_logo() {
        auto logo = root_.string("logo", Need::Optional);
        if (!logo) return;
        if (logo->empty()) {
            root_["logo"].error("expected a path to a PNG or JPEG file, relative to the template's folder");
            return;
        }
        fs::path p = fs::u8path(*logo);
        if (p.is_relative()) p = fs::u8path(base_dir_.empty() ? "." : base_dir_) / p;
        std::error_code ec;
        fs::path abs = fs::absolute(p, ec);
        out_.theme.logo_path = (ec ? p : abs).lexically_normal().u8string();
    }

    JsonAt root_;
    std::string base_dir_;
    std::size_t errors_before_;
    ReportTemplate out_;
};

}  // namespace

const char* to_string(TemplateKind k) {
    switch (k) {
        case TemplateKind::ActionPlan: return "action-plan";
        case TemplateKind::Benchmark: return "benchmark";
        case TemplateKind::BusinessCase: return "business-case";
        case TemplateKind::Skills: return "skills";
    }
    return "action-plan";
}

std::optional<TemplateKind> template_kind(const std::string& name) {
    if (name == "action-plan") return TemplateKind::ActionPlan;
    if (name == "benchmark") return TemplateKind::Benchmark;
    if (name == "business-case") return TemplateKind::BusinessCase;
    if (name == "skills") return TemplateKind::Skills;
    return std::nullopt;
}

const std::vector<std::string>& section_ids(TemplateKind kind) {
    static const std::vector<std::string> action_plan = {"cover",    "introduction", "summary", "dimensions",
                                                         "timeline", "responsibilities", "answers"};
    static const std::vector<std::string> benchmark = {"cover", "introduction", "heatmap", "ranges",
                                                       "trends", "common-gaps", "method"};
    static const std::vector<std::string> business_case = {"cover", "summary", "need",        "role",    "options",  "posts",
                                                           "costs", "scenarios", "assumptions", "funding", "benefits", "risks"};
    static const std::vector<std::string> skills = {"cover",     "summary",   "heatmap", "distribution", "gaps",
                                                    "readiness", "plan",      "figures", "assumptions",  "method"};
    switch (kind) {
        case TemplateKind::ActionPlan: return action_plan;
        case TemplateKind::Benchmark: return benchmark;
        case TemplateKind::BusinessCase: return business_case;
        case TemplateKind::Skills: return skills;
    }
    return action_plan;
}

const std::vector<std::string>& placeholder_names(TemplateKind kind) {
    static const std::vector<std::string> action_plan = {"organisation", "period",    "date",         "framework",
                                                         "framework_version", "questionnaire", "round"};
    static const std::vector<std::string> benchmark = {"organisation", "period", "date", "framework",
                                                       "framework_version", "group", "count"};
    static const std::vector<std::string> business_case = {"organisation", "period", "date",    "framework",
                                                           "framework_version", "role", "horizon", "start",
                                                           "role_needed", "plan_length"};
    static const std::vector<std::string> skills = {"organisation", "period", "date",  "framework",
                                                    "framework_version", "team", "people", "start"};
    switch (kind) {
        case TemplateKind::ActionPlan: return action_plan;
        case TemplateKind::Benchmark: return benchmark;
        case TemplateKind::BusinessCase: return business_case;
        case TemplateKind::Skills: return skills;
    }
    return action_plan;
}

const TemplateSection* ReportTemplate::section(const std::string& id) const {
    for (const auto& s : sections)
        if (s.id == id) return &s;
    return nullptr;
}

std::optional<ReportTemplate> parse_template(const nlohmann::json& doc, const std::string& base_dir, Diagnostics& diags) {
    return TemplateReader(doc, base_dir, diags).read();
}

std::optional<ReportTemplate> read_template(const std::string& path, Diagnostics& diags,
                                            std::optional<TemplateKind> expect) {
    Diagnostics d(path);
    std::optional<ReportTemplate> out;
    if (auto doc = read_json_file(path, d)) {
        std::string dir = fs::u8path(path).parent_path().u8string();
        out = parse_template(*doc, dir, d);
        if (out && expect && out->kind != *expect) {
            d.error("/kind", std::string("this is ") + (out->kind == TemplateKind::ActionPlan ? "an " : "a ") +
                                 to_string(out->kind) + " template; expected " +
                                 (*expect == TemplateKind::ActionPlan ? "an " : "a ") + to_string(*expect) + " template");
            out.reset();
        }
        if (out) out->path = path;
    }
    diags.append(d);
    return out;
}

ReportTemplate default_template(TemplateKind kind) {
    static const std::map<std::string, std::string> headings = {
        {"cover", "About this report"},
        {"introduction", "Introduction"},
        {"summary", "Summary"},
        {"dimensions", "Dimension by dimension"},
        {"timeline", "Timeline"},
        {"responsibilities", "Responsibilities needed"},
        {"answers", "Appendix: answers and evidence"},
        {"heatmap", "Scores by organisation"},
        {"ranges", "Spread of scores"},
        {"trends", "Trends across rounds"},
        {"common-gaps", "Common gaps"},
        {"method", "Method"},
        {"need", "The need"},
        {"role", "The role"},
        {"options", "Options"},
        {"posts", "The plan's posts and other costs"},
        {"costs", "Costs"},
        {"scenarios", "Scenarios compared"},
        {"assumptions", "Assumptions"},
        {"funding", "Funding"},
        {"benefits", "Benefits"},
        {"risks", "Risks of not investing"},
        {"distribution", "The team's spread on each skill"},
        {"gaps", "Gaps against roles"},
        {"readiness", "Readiness for target roles"},
        {"plan", "Training plan"},
        {"figures", "How the figures are worked out"},
    };
    ReportTemplate t;
    t.id = std::string("default-") + to_string(kind);
    t.version = "1.0";
    t.kind = kind;
    switch (kind) {
        case TemplateKind::ActionPlan: t.title = "Data maturity action plan"; break;
        case TemplateKind::Benchmark: t.title = "Data maturity benchmark"; break;
        case TemplateKind::BusinessCase: t.title = "Business case: {role}"; break;
        case TemplateKind::Skills: t.title = "Team skills profile and training plan"; break;
    }
    t.subtitle = "{organisation}";
    for (const auto& id : section_ids(kind))
        t.sections.push_back({id, kind == TemplateKind::Skills && id == "heatmap" ? "Skills by person" : headings.at(id), {}});
    return t;
}

std::string shipped_template_path(const std::string& shipped_dir, TemplateKind kind) {
    return (fs::u8path(shipped_dir) / "reports" / (std::string(to_string(kind)) + ".json")).u8string();
}

std::optional<ReportTemplate> load_template(const std::string& path, const std::string& shipped_dir, TemplateKind kind,
                                            Diagnostics& diags) {
    if (!path.empty()) return read_template(path, diags, kind);
    if (!shipped_dir.empty()) {
        std::string shipped = shipped_template_path(shipped_dir, kind);
        std::error_code ec;
        if (fs::is_regular_file(fs::u8path(shipped), ec)) return read_template(shipped, diags, kind);
    }
    return default_template(kind);
}

Colour blend(Colour a, Colour b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    auto mix = [t](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(std::lround(x + (static_cast<double>(y) - x) * t));
    };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

DocumentWriter::DocumentWriter(const ReportTemplate& tpl, std::map<std::string, std::string> values,
                               const std::string& default_subtitle, const std::string& created)
    : tpl_(&tpl), values_(std::move(values)) {
    doc_.title = fill(tpl.title);
    doc_.subtitle = tpl.subtitle.empty() ? default_subtitle : fill(tpl.subtitle);
    doc_.running_header = tpl.running_header.empty() ? doc_.title : fill(tpl.running_header);
    doc_.author = tpl.author.empty() ? "Yardstick" : fill(tpl.author);
    doc_.created = created;
    doc_.theme = tpl.theme;
}

std::string DocumentWriter::fill(const std::string& text) const { return substitute(text, values_); }

std::string DocumentWriter::anchor(const std::string& text) {
    std::string base = anchor_text(text), a = base;
    for (int n = 2; std::find(anchors_.begin(), anchors_.end(), a) != anchors_.end(); ++n) a = base + "-" + std::to_string(n);
    anchors_.push_back(a);
    return a;
}

void DocumentWriter::start_section(const TemplateSection& s) {
    heading(1, fill(s.heading), s.id);
    for (const auto& p : s.paragraphs) paragraph(fill(p));
}

void DocumentWriter::heading(int level, const std::string& text, const std::string& anchor_hint) {
    doc_.blocks.push_back(Heading{level, text, anchor(anchor_hint)});
}

void DocumentWriter::paragraph(const std::string& text, TextStyle style) { doc_.blocks.push_back(Paragraph{text, style}); }

}  // namespace ys::report
