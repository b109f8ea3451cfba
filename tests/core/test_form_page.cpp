// The offline form's page (src/core/form): the questionnaire embedded as JSON that reads
// back the same, text that cannot end the script element early, nothing that loads from
// outside, and a Content-Security-Policy that lets only this page's own script and style run.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <stdexcept>
#include <string>

#include "form_assets.h"
#include "form_page.h"
#include "json_read.h"
#include "sha256.h"
#include "test_helpers.h"

using namespace ys;

namespace {

const std::string kData = YS_TEST_DATA;

Questionnaire tiny(const std::string& first_text = {}) {
    Diagnostics d("tiny");
    auto fwj = read_json_file(kData + "/frameworks/tiny-example.json", d);
    auto qj = read_json_file(kData + "/questionnaires/tiny-check.json", d);
    if (!fwj || !qj) throw std::runtime_error(test::all_problems(d));
    if (!first_text.empty()) (*qj)["sections"][0]["questions"][0]["text"] = first_text;
    auto fw = parse_framework(*fwj, d);
    auto qn = parse_questionnaire(*qj, d);
    if (!fw || !qn || !bind_questionnaire(*qn, *fw, d)) throw std::runtime_error(test::all_problems(d));
    return *qn;
}

form::FormPage page_for(const Questionnaire& q) {
    form::FormPage p;
    p.questionnaire = &q;
    p.organisation = {"westford", "Westford <Borough> & \"Partners\"", "london-borough", ""};
    p.period = "2026";
    p.round = "westford.2026.tiny-check";
    p.form_id = "0123456789abcdef0123456789abcdef";
    p.note = "Please reply by 16 January";
    p.reply_to = "Jo Smith";
    return p;
}

// The text between <script type="application/json" id="form-data"> and the next "</script>".
std::string data_block(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"form-data\">";
    auto a = html.find(open);
    REQUIRE(a != std::string::npos);
    a += open.size();
    auto b = html.find("</script>", a);
    REQUIRE(b != std::string::npos);
    return html.substr(a, b - a);
}

std::string between(const std::string& html, const std::string& open, const std::string& close) {
    auto a = html.rfind(open);
    REQUIRE(a != std::string::npos);
    a += open.size();
    auto b = html.find(close, a);
    REQUIRE(b != std::string::npos);
    return html.substr(a, b - a);
}

std::string base64_of_hex(const std::string& hex) {
    static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string bits;
    for (char c : hex) {
        int v = std::stoi(std::string(1, c), nullptr, 16);
        for (int i = 3; i >= 0; --i) bits += ((v >> i) & 1) ? '1' : '0';
    }
    std::string out;
    for (std::size_t i = 0; i < bits.size(); i += 6) {
        std::string chunk = bits.substr(i, 6);
        chunk.resize(6, '0');
        out += k[std::stoi(chunk, nullptr, 2)];
    }
    while (out.size() % 4) out += '=';
    return out;
}

}  // namespace

TEST_CASE("form page: the embedded questionnaire reads back the same, with every question", "[form]") {
    const Questionnaire q = tiny();
    const auto page = page_for(q);
    const std::string html = form::render_form_page(page);
    const auto data = nlohmann::json::parse(data_block(html));
    CHECK(data == form::form_data(page));
    CHECK(data["form"]["id"] == page.form_id);
    CHECK(data["form"]["round"] == page.round);
    CHECK(data["questionnaire"]["id"] == "tiny-check");
    CHECK(data["questionnaire"]["version"] == "1.0");
    CHECK(data["organisation"]["name"] == page.organisation.name);
    CHECK(data["note"] == "Please reply by 16 January");
    CHECK(data["evidence_limit"] == kMaxEvidenceChars);
    REQUIRE(data["questions"].size() == q.questions.size());
    for (std::size_t i = 0; i < q.questions.size(); ++i) {
        CHECK(data["questions"][i]["id"] == q.questions[i].id);
        CHECK(data["questions"][i]["kind"] == to_string(q.questions[i].kind));
        CHECK(data["questions"][i]["text"] == q.questions[i].text);
    }
    std::set<int> in_sections;
    for (const auto& s : data["sections"])
        for (int qi : s["questions"]) in_sections.insert(qi);
    CHECK(in_sections.size() == q.questions.size());
    CHECK(data["roles"].size() == 2);
    // What the script needs to decide conditions and scores as the C++ core does.
    const int plan = q.find_question("q-training-plan"), agree = q.find_question("q-skills-agree");
    CHECK(data["questions"][plan]["condition"]["question"] == agree);
    CHECK(data["questions"][plan]["condition"]["any_of"] == nlohmann::json::array({"agree"}));
    const auto& trained = data["questions"][q.find_question("q-trained")];
    CHECK(trained["allow_na"] == true);
    CHECK(trained["min"] == 0);
    CHECK(trained["max"] == 100);
    CHECK(trained["unit"] == "staff");
    CHECK(trained["bands"].size() == 3);
    const auto& checks = data["questions"][q.find_question("q-checks")];
    CHECK(checks["allow_dont_know"] == false);
    CHECK(checks["steps"][1]["id"] == "measured");
    CHECK(checks.contains("score_if_none"));
    CHECK(data["questions"][q.find_question("q-practices")]["checklist_scoring"] == "count");
}

TEST_CASE("form page: no text can close the script element or the page's markup", "[form]") {
    const std::string nasty = "Is it </script><script>alert(1)</script> or <!-- a comment --> & more?";
    const Questionnaire q = tiny(nasty);
    const auto page = page_for(q);
    const std::string html = form::render_form_page(page);
    const std::string block = data_block(html);
    CHECK(block.find('<') == std::string::npos);
    CHECK(block.find('>') == std::string::npos);
    CHECK(nlohmann::json::parse(block)["questions"][0]["text"] == nasty);
    // Exactly two script elements end: the data and the page's script.
    std::size_t ends = 0;
    for (auto at = html.find("</script>"); at != std::string::npos; at = html.find("</script>", at + 1)) ++ends;
    CHECK(ends == 2);
    // The title is escaped as text.
    CHECK(html.find("<title>Tiny check - Westford &lt;Borough&gt; &amp; &quot;Partners&quot;, 2026</title>") != std::string::npos);
    CHECK(form::script_safe_json(nlohmann::json("</script>")) == "\"\\u003c/script\\u003e\"");
}

TEST_CASE("form page: self-contained, with a policy that allows only its own inline script and style", "[form]") {
    const Questionnaire q = tiny();
    const std::string html = form::render_form_page(page_for(q));
    for (const char* outside : {"http://", "https://", "//cdn", " src=", "src =", "@import", "url(", "<link", "<iframe",
                                "<object", "<embed", "fetch(", "XMLHttpRequest", "WebSocket", "sendBeacon"})
        CHECK(html.find(outside) == std::string::npos);
    std::smatch m;
    REQUIRE(std::regex_search(html, m, std::regex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")));
    std::string csp = std::regex_replace(m[1].str(), std::regex("&#39;"), "'");
    CHECK(csp.find("default-src 'none'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(csp.find("unsafe-eval") == std::string::npos);
    CHECK(csp.find("form-action 'none'") != std::string::npos);
    // The hashes are those of the page's own script and style, so those run and nothing else.
    const std::string script = between(html, "<script>", "</script>");
    const std::string style = between(html, "<style>", "</style>");
    CHECK(csp.find("script-src 'sha256-" + base64_of_hex(sha256_hex(script)) + "'") != std::string::npos);
    CHECK(csp.find("style-src 'sha256-" + base64_of_hex(sha256_hex(style)) + "'") != std::string::npos);
    // No style attributes: the policy would block them.
    CHECK(html.find(" style=") == std::string::npos);
    CHECK(html.find("<html lang=\"en-GB\">") != std::string::npos);
}

TEST_CASE("form page: form ids are 32 lowercase hex characters, new each time", "[form]") {
    const std::string a = form::new_form_id(), b = form::new_form_id();
    CHECK(form::is_form_id(a));
    CHECK(form::is_form_id(b));
    CHECK(a != b);
    CHECK_FALSE(form::is_form_id("0123456789ABCDEF0123456789abcdef"));
    CHECK_FALSE(form::is_form_id("0123456789abcdef"));
    CHECK_FALSE(form::is_form_id("0123456789abcdef0123456789abcdeg"));
    const Questionnaire q = tiny();
    auto page = page_for(q);
    page.form_id = "not-an-id";
    CHECK_THROWS_AS(form::render_form_page(page), std::invalid_argument);
    Questionnaire unbound = q;
    unbound.bound = false;
    page = page_for(unbound);
    CHECK_THROWS_AS(form::render_form_page(page), std::invalid_argument);
}

TEST_CASE("form page: the built-in page, style and script are the files in src/core/form/assets, byte for byte", "[form]") {
    const std::string dir = std::string(YS_SOURCE_DIR) + "/src/core/form/assets/";
    auto file = [&](const std::string& name) {
        std::string text, error;
        INFO(error);
        REQUIRE(read_text_file(dir + name, 1 << 20, text, error));
        return text;
    };
    CHECK(std::string(form::form_html()) == file("form.html"));
    CHECK(std::string(form::form_css()) == file("form.css"));
    CHECK(std::string(form::form_js()) == file("form.js"));
    CHECK(std::string(form::form_rules_js()) == file("form_rules.js"));
}
