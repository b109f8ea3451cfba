#include "form_page.h"

#include <random>
#include <stdexcept>

#include "answers_read.h"
#include "form_assets.h"
#include "respondent_tags.h"
#include "sha256.h"

namespace ys::form {
namespace {

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// The CSP source for an inline element: 'sha256-' and the base64 of its text's digest, so
// the browser runs that exact script and style and nothing else.
std::string csp_hash(std::string_view text) {
    const std::string hex = sha256_hex(std::string(text));
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += k[(n >> 18) & 63];
        out += k[(n >> 12) & 63];
        out += k[(n >> 6) & 63];
        out += k[n & 63];
    }
    if (i < bytes.size()) {  // 32 bytes: two left over
        const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0u);
        out += k[(n >> 18) & 63];
        out += k[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? k[(n >> 6) & 63] : '=';
        out += '=';
    }
    return "'sha256-" + out + "'";
}

nlohmann::json question_json(const Question& q) {
    nlohmann::json j{{"id", q.id},
                     {"kind", to_string(q.kind)},
                     {"text", q.text},
                     {"section", q.section},
                     {"allow_na", q.allow_na},
                     {"allow_dont_know", q.allow_dont_know}};
    if (!q.help.empty()) j["help"] = q.help;
    if (!q.evidence_prompt.empty()) j["evidence_prompt"] = q.evidence_prompt;
    if (!q.options.empty()) {
        nlohmann::json options = nlohmann::json::array();
        for (const auto& o : q.options) options.push_back({{"id", o.id}, {"label", o.label}, {"score", o.score}, {"points", o.points}});
        j["options"] = options;
    }
    if (!q.steps.empty()) {
        nlohmann::json steps = nlohmann::json::array();
        for (const auto& s : q.steps) steps.push_back({{"id", s.id}, {"text", s.text}, {"score", s.score}});
        j["steps"] = steps;
    }
    if (q.score_if_none) j["score_if_none"] = *q.score_if_none;
    if (q.kind == QuestionKind::Checklist)
        j["checklist_scoring"] = q.checklist_scoring == Question::ChecklistScoring::Count ? "count" : "sum";
    if (!q.bands.empty()) {
        nlohmann::json bands = nlohmann::json::array();
        for (const auto& b : q.bands) bands.push_back({{"min", b.min}, {"score", b.score}});
        j["bands"] = bands;
    }
    if (!q.unit.empty()) j["unit"] = q.unit;
    if (q.min) j["min"] = *q.min;
    if (q.max) j["max"] = *q.max;
    j["min_score"] = q.min_score;
    j["max_score"] = q.max_score;
    if (q.condition) {
        nlohmann::json c{{"question", q.condition->question}, {"any_of", q.condition->any_of}};
        if (q.condition->score_at_least) c["score_at_least"] = *q.condition->score_at_least;
        j["condition"] = c;
    }
    return j;
}

}  // namespace

std::string new_form_id() {
    // The system's random source (getrandom or /dev/urandom on Linux, the OS's on Windows
    // with MinGW-w64's GCC 9.2 or newer), not a seeded generator: two forms never share an id.
    std::random_device rd;
    std::string out;
    static const char* hex = "0123456789abcdef";
    while (out.size() < 32) {
        std::uint32_t v = rd();
        for (int k = 0; k < 8 && out.size() < 32; ++k, v >>= 4) out += hex[v & 15u];
    }
    return out;
}

bool is_form_id(const std::string& s) {
    if (s.size() != 32) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

nlohmann::json form_data(const FormPage& page) {
    const Questionnaire& qn = *page.questionnaire;
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& r : qn.roles) roles.push_back({{"id", r.id}, {"name", r.name}});
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& s : qn.sections) {
        nlohmann::json j{{"id", s.id}, {"title", s.title}, {"questions", s.questions}};
        if (!s.description.empty()) j["description"] = s.description;
        sections.push_back(j);
    }
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : qn.questions) questions.push_back(question_json(q));
    nlohmann::json organisation{{"id", page.organisation.id}, {"name", page.organisation.name}};
    if (!page.organisation.type.empty()) organisation["type"] = page.organisation.type;
    return {{"format", kAnswersFormat},
            {"form", {{"id", page.form_id}, {"round", page.round}}},
            {"questionnaire", {{"id", qn.id}, {"version", qn.version}, {"title", qn.title}, {"description", qn.description}}},
            {"organisation", organisation},
            {"period", page.period},
            {"note", page.note},
            {"reply_to", page.reply_to},
            {"evidence_limit", kMaxEvidenceChars},
            {"name_limit", kMaxNameChars},
            {"email_limit", field_rule(TextField::RespondentEmail).max_chars},
            // An individual questionnaire (a skills self-assessment) also asks team, target role and age band.
            {"individual", qn.audience == Audience::Individual},
            {"team_limit", kMaxTeamChars},
            {"roles", roles},
            {"sections", sections},
            {"questions", questions}};
}

std::string script_safe_json(const nlohmann::json& data) {
    const std::string text = data.dump();
    std::string out;
    out.reserve(text.size() + 64);
    for (char c : text) {
        // These only occur inside JSON strings, where a \u escape means the same character.
        if (c == '<') out += "\\u003c";
        else if (c == '>') out += "\\u003e";
        else if (c == '&') out += "\\u0026";
        else out += c;
    }
    return out;
}

std::string render_form_page(const FormPage& page) {
    if (!page.questionnaire || !page.questionnaire->bound)
        throw std::invalid_argument("the form needs a questionnaire bound to its framework");
    if (!is_form_id(page.form_id)) throw std::invalid_argument("the form id must be 32 lowercase hex characters");
    const std::string_view css = form_css();
    const std::string js = std::string(form_rules_js()) + std::string(form_js());
    const std::string csp = "default-src 'none'; script-src " + csp_hash(js) + "; style-src " + csp_hash(css) +
                            "; img-src data:; base-uri 'none'; form-action 'none'";
    const std::string title = page.questionnaire->title + " - " + page.organisation.name + ", " + page.period;
    // The tokens are replaced in the template only, in the order they appear, so text put in
    // (a question that mentions "{{data}}") is never read as a token.
    std::string html(form_html());
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const auto open = html.find("{{", pos);
        if (open == std::string::npos) break;
        const auto close = html.find("}}", open);
        if (close == std::string::npos) break;
        out.append(html, pos, open - pos);
        const std::string token = html.substr(open + 2, close - open - 2);
        if (token == "csp") out += html_escape(csp);
        else if (token == "title") out += html_escape(title);
        else if (token == "style") out += css;
        else if (token == "script") out += js;
        else if (token == "data") out += script_safe_json(form_data(page));
        else throw std::logic_error("the form page has an unknown token {{" + token + "}}");
        pos = close + 2;
    }
    out.append(html, pos, std::string::npos);
    return out;
}

}  // namespace ys::form
