#pragma once
// Report templates ("yardstick-report-template/1", reports/*.json): for one kind of report,
// the title, the sections in the order they are printed with their headings and
// boilerplate paragraphs, the colours and the logo. Text may hold {placeholders} that the
// content builders fill in. Format: reports/README.md.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "document.h"

namespace ys::report {

inline constexpr const char* kTemplateFormat = "yardstick-report-template/1";

enum class TemplateKind { ActionPlan, Benchmark, BusinessCase, Skills };
const char* to_string(TemplateKind k);  // "action-plan", "benchmark", "business-case", "skills"
std::optional<TemplateKind> template_kind(const std::string& name);

// The sections a kind of report knows, in the order the built-in default prints them.
const std::vector<std::string>& section_ids(TemplateKind kind);
// The placeholders a kind of report fills in (without braces).
const std::vector<std::string>& placeholder_names(TemplateKind kind);

// WCAG AA: body text needs 4.5:1 against what it is drawn on; chart marks need 3:1.
inline constexpr double kTextContrast = 4.5;
inline constexpr double kGraphicContrast = 3.0;
inline constexpr Colour kPage{0xff, 0xff, 0xff};  // reports are drawn on white

struct TemplateSection {
    std::string id;
    std::string heading;                  // may hold placeholders
    std::vector<std::string> paragraphs;  // boilerplate printed under the heading, may hold placeholders
};

struct ReportTemplate {
    std::string id, version, description;
    TemplateKind kind = TemplateKind::ActionPlan;
    std::string title;           // may hold placeholders
    std::string subtitle;        // may hold placeholders; empty = the builder's own
    std::string running_header;  // may hold placeholders; empty = the title
    std::string author;          // may hold placeholders; empty = "Yardstick"
    std::vector<TemplateSection> sections;  // printed in this order; sections left out are not printed
    Theme theme;                 // logo_path is absolute when set
    std::string path;            // the file it came from; empty for the built-in default

    const TemplateSection* section(const std::string& id) const;  // nullptr when not printed
};

// Builds a template from a parsed file, reporting every problem with its JSON pointer:
// format, kind, unknown or repeated section ids, placeholders the kind does not fill,
// colours that are not "#rrggbb", text colours below 4.5:1 (or chart colours below 3:1)
// against what they are drawn on. `base_dir` is the folder the logo path is relative to.
// Returns nullopt when there was any error.
std::optional<ReportTemplate> parse_template(const nlohmann::json& doc, const std::string& base_dir, Diagnostics& diags);

// Reads a template file; every message names the file. With `expect`, a template of
// another kind is an error at /kind.
std::optional<ReportTemplate> read_template(const std::string& path, Diagnostics& diags,
                                            std::optional<TemplateKind> expect = std::nullopt);

// The built-in template of a kind: every section with a plain heading, no boilerplate, the
// default theme. Used when no shipped template is installed.
ReportTemplate default_template(TemplateKind kind);

// DIR/reports/action-plan.json (benchmark.json, business-case.json, skills.json).
std::string shipped_template_path(const std::string& shipped_dir, TemplateKind kind);

// The template a report is drawn with: `path` when given; else the shipped one under
// `shipped_dir` when that file exists; else the built-in default. Checks the kind.
std::optional<ReportTemplate> load_template(const std::string& path, const std::string& shipped_dir, TemplateKind kind,
                                            Diagnostics& diags);

// A colour between two others, t from 0 (a) to 1 (b), for heatmap cells.
Colour blend(Colour a, Colour b, double t);

// What the content builders share: a document started from a template, with section
// headings whose anchors are unique.
class DocumentWriter {
public:
    // Sets the title, subtitle (the template's, else `default_subtitle`), running header,
    // author, creation date and theme, with placeholders filled from `values`.
    DocumentWriter(const ReportTemplate& tpl, std::map<std::string, std::string> values,
                   const std::string& default_subtitle, const std::string& created);

    Document& doc() { return doc_; }
    const ReportTemplate& tpl() const { return *tpl_; }
    std::string fill(const std::string& text) const;  // placeholders filled
    // A unique anchor made from text ([a-z0-9-]); "-2", "-3" added on repeats.
    std::string anchor(const std::string& text);

    // Starts a template section: a level 1 heading and its boilerplate paragraphs.
    void start_section(const TemplateSection& s);
    void heading(int level, const std::string& text, const std::string& anchor_hint);
    void paragraph(const std::string& text, TextStyle style = TextStyle::body);
    void add(Block b) { doc_.blocks.push_back(std::move(b)); }

    Document take() { return std::move(doc_); }

private:
    const ReportTemplate* tpl_;
    std::map<std::string, std::string> values_;
    std::vector<std::string> anchors_;
    Document doc_;
};

}  // namespace ys::report
