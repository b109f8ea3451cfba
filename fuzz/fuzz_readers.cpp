// The fuzz targets' work, declared in fuzz_readers.h. Compiled once into ys_fuzz_readers
// for the libFuzzer targets, and included by tests/core/test_fuzz_regressions.cpp (which
// defines YS_FUZZ_ORACLE_THROWS and YS_FUZZ_SOURCE_DIR first).
#include "fuzz_readers.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "answers_read.h"
#include "assumptions.h"
#include "bundle.h"
#include "bundle_stream.h"
#include "catalogue.h"
#include "csv.h"
#include "diagnostics.h"
#include "framework_read.h"
#include "fuzz_fail.h"
#include "json_fields.h"
#include "json_read.h"
#include "input_limits.h"
#include "questionnaire_read.h"
#include "roles.h"
#include "scenario.h"
#include "sha256.h"
#include "survey_import.h"
#include "targets.h"

#ifndef YS_FUZZ_SOURCE_DIR
#error "define YS_FUZZ_SOURCE_DIR as the source tree (frameworks/, questionnaires/, tests/data/)"
#endif

namespace ys::fuzz {

struct Context {
    std::string source = YS_FUZZ_SOURCE_DIR;
    Catalogue catalogue;  // shipped and tiny frameworks and questionnaires, bound
    std::shared_ptr<const Questionnaire> tiny;  // tests/data/questionnaires/tiny-check.json
    std::optional<SurveyMapping> mapping;       // tests/data/csv/surveymonkey-mapping.json
    std::string monkey_csv, forms_csv;          // tests/data/csv/surveymonkey.csv, ms-forms.csv
    nlohmann::json questionnaire_docs = nlohmann::json::array();  // unbound, to bind to a fuzzed framework

    Context() {
        catalogue.add_library(source, "shipped");
        Diagnostics d;
        catalogue.add_file(source + "/tests/data/frameworks/tiny-example.json", "given", d);
        catalogue.add_file(source + "/tests/data/questionnaires/tiny-check.json", "given", d);
        catalogue.bind_all();
        for (const auto& e : catalogue.entries())
            if (e.kind == DocKind::Questionnaire && e.document) questionnaire_docs.push_back(*e.document);
        tiny = catalogue.questionnaire("tiny-check");
        if (!tiny) fail("cannot read tests/data/questionnaires/tiny-check.json");
        Diagnostics dm(source + "/tests/data/csv/surveymonkey-mapping.json");
        if (auto doc = read_json_file(dm.file(), dm)) mapping = parse_survey_mapping(*doc, dm);
        if (!mapping) fail("cannot read tests/data/csv/surveymonkey-mapping.json");
        std::string error;
        if (!read_text_file(source + "/tests/data/csv/surveymonkey.csv", 1 << 20, monkey_csv, error) ||
            !read_text_file(source + "/tests/data/csv/ms-forms.csv", 1 << 20, forms_csv, error))
            fail("cannot read tests/data/csv/*.csv");
    }
};

inline const Context& context() {
    static const Context c;
    return c;
}

inline std::optional<nlohmann::json> parse(const std::uint8_t* data, std::size_t size, Diagnostics& d) {
    return parse_json_text(std::string(reinterpret_cast<const char*>(data), size), d);
}

// A reader that returns nothing must have said why.
inline void require_error_when_refused(bool accepted, const Diagnostics& d) {
    if (!accepted && !d.has_errors()) fail("a reader refused its input without reporting an error");
}

// What a reader accepted as answers, written as answer files and bundles write them, must
// read back the same way.
inline void require_answers_round_trip(const Questionnaire& q, const std::vector<Respondent>& respondents) {
    for (const auto& r : respondents)
        for (const auto& a : r.answers) {
            if (a.question >= q.questions.size()) fail("an answer to a question outside the questionnaire");
            const Question& qu = q.questions[a.question];
            const nlohmann::json written = answer_to_json(qu, a);
            Diagnostics d("written-answer.json");
            Answer again;
            again.question = a.question;
            if (!read_answer_entry(JsonAt(&written, "", d), qu, again)) {
                for (const auto& x : d.items()) std::fprintf(stderr, "%s\n", to_string(x).c_str());
                fail("an accepted answer, written out, is refused when read back");
            }
        }
}

// json_read.h: the safe JSON reader itself. Whatever it accepts it can write back, and
// reading that again gives the same document.
void json(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    Diagnostics d("fuzz.json");
    auto doc = parse_json_text(text, d);
    require_error_when_refused(doc.has_value(), d);
    if (doc) {
        std::string once = doc->dump();
        Diagnostics again("again.json");
        auto reread = parse_json_text(once, again);
        if (!reread) fail("parse_json_text refused its own output");
        if (reread->dump() != once) fail("JSON changed when read back");
    }
    // The nesting limit at a shallow depth.
    JsonLimits shallow;
    shallow.max_depth = 3;
    Diagnostics ds("shallow.json");
    auto limited = parse_json_text(text, ds, shallow);
    require_error_when_refused(limited.has_value(), ds);
}

// framework_read.h, then binding every shipped questionnaire for the same framework id to it.
void framework(const std::uint8_t* data, std::size_t size) {
    const Context& c = context();
    Diagnostics d("fuzz-framework.json");
    auto doc = parse(data, size, d);
    if (!doc) return;
    auto fw = parse_framework(*doc, d);
    require_error_when_refused(fw.has_value(), d);
    if (!fw) return;
    for (const auto& qdoc : c.questionnaire_docs) {
        if (string_or_empty(qdoc.value("framework", nlohmann::json::object()), "id") != fw->id) continue;
        Diagnostics dq("shipped-questionnaire.json");
        auto q = parse_questionnaire(qdoc, dq);
        if (q) bind_questionnaire(*q, *fw, dq);
    }
}

// questionnaire_read.h: reading, then binding to the framework it names (the newest version
// it fits, else any version so that a mismatch is reported, else the tiny framework).
void questionnaire(const std::uint8_t* data, std::size_t size) {
    const Context& c = context();
    Diagnostics d("fuzz-questionnaire.json");
    auto doc = parse(data, size, d);
    if (!doc) return;
    auto q = parse_questionnaire(*doc, d);
    require_error_when_refused(q.has_value(), d);
    if (!q) return;
    std::shared_ptr<const Framework> best;
    for (const auto& e : c.catalogue.entries())
        if (e.kind == DocKind::Framework && e.valid && e.id == q->framework_id && q->fits_framework_version(e.version) &&
            (!best || compare_versions(e.version, best->version) >= 0))
            best = e.framework;
    if (!best) best = c.catalogue.framework(q->framework_id);
    if (!best) best = c.catalogue.framework("tiny-example");
    bool bound = bind_questionnaire(*q, *best, d);
    require_error_when_refused(bound, d);
}

// answers_read.h and targets.h, as answer_files.h loads them: the header names the
// questionnaire (or the framework, for targets), which is looked up among the shipped ones.
void answer_files(const std::uint8_t* data, std::size_t size) {
    const Context& c = context();
    Diagnostics d("fuzz-answers.json");
    auto doc = parse(data, size, d);
    if (!doc) return;
    if (kind_of(*doc) == DocKind::Targets) {
        auto fid = read_targets_framework(*doc, d);
        if (!fid) return;
        auto fw = c.catalogue.framework(*fid);
        if (!fw) fw = c.catalogue.framework("council-data-maturity");
        auto t = parse_targets(*doc, *fw, d);
        require_error_when_refused(t.has_value(), d);
        return;
    }
    auto header = read_answers_header(*doc, d);
    require_error_when_refused(header.has_value(), d);
    if (!header) return;
    auto q = c.catalogue.questionnaire(header->questionnaire_id, header->questionnaire_version);
    if (!q) q = c.catalogue.questionnaire(header->questionnaire_id);
    if (!q) q = c.tiny;
    auto set = parse_answers(*doc, *q, d);
    require_error_when_refused(set.has_value(), d);
    if (set) require_answers_round_trip(*q, set->respondents);
}

// Definitions in a bundle are keyed by their content hash, which a mutation inside one
// breaks at once. So that mutated definitions reach the rest of the reader too, this
// re-keys every definition by its actual hash and rewrites every string anywhere that
// named an old key. False when nothing changed.
inline bool rehash_definitions(nlohmann::json& doc) {
    if (!doc.is_object() || !doc.contains("definitions") || !doc["definitions"].is_object()) return false;
    std::map<std::string, std::string> renamed;
    nlohmann::json defs = nlohmann::json::object();
    for (auto& [key, value] : doc["definitions"].items()) {
        std::string actual = content_hash(value);
        if (actual != key) renamed[key] = actual;
        defs[actual] = value;
    }
    if (renamed.empty()) return false;
    doc["definitions"] = std::move(defs);
    auto rewrite = [&renamed](auto& self, nlohmann::json& j) -> void {
        if (j.is_string()) {
            auto it = renamed.find(j.get_ref<const std::string&>());
            if (it != renamed.end()) j = it->second;
        } else if (j.is_array() || j.is_object()) {
            for (auto& child : j) self(self, child);
        }
    };
    for (auto& [key, value] : doc.items())
        if (key != "definitions") rewrite(rewrite, value);
    return true;
}

// bundle.h: reading a whole bundle, as it comes and with its definitions re-keyed; what it
// accepts it can write again (plain and anonymised), and the bundle written reads back.
inline void bundle_once(const nlohmann::json& doc) {
    Diagnostics d("fuzz-bundle.json");
    auto b = parse_bundle(doc, d);
    require_error_when_refused(b.has_value(), d);
    if (!b) return;
    for (const auto& r : b->rounds) {
        Diagnostics dr("round");
        round_questionnaire(*b, r, dr);
    }
    for (bool anonymise : {false, true}) {
        nlohmann::json out = bundle_to_json(*b, anonymise);
        Diagnostics again("written-bundle.json");
        auto text = out.dump();
        auto reread_doc = parse_json_text(text, again);
        if (!reread_doc) fail("a written bundle is not JSON that parse_json_text reads");
        if (!parse_bundle(*reread_doc, again)) {
            for (const auto& x : again.items()) std::fprintf(stderr, "%s\n", to_string(x).c_str());
            fail("a bundle written from an accepted bundle is refused when read back");
        }
    }
}

// The fast reader of bundles (bundle_stream.h) takes only what the checked one takes, with
// the same warnings, and reports nothing when it gives up.
void bundle_fast(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    Diagnostics fast("fuzz-bundle.json");
    auto streamed = read_bundle_streamed(text, exchange_json_limits(), fast);
    if (!streamed) {
        if (!fast.items().empty()) fail("the fast bundle reader reported something when it gave up");
        return;
    }
    Diagnostics checked("fuzz-bundle.json");
    auto doc = parse_json_text(text, checked, exchange_json_limits());
    if (!doc || !parse_bundle(*doc, checked)) fail("the fast bundle reader took a bundle the checked reader refuses");
    if (checked.items().size() != fast.items().size()) fail("the fast and checked bundle readers warned differently");
}

void bundle(const std::uint8_t* data, std::size_t size) {
    bundle_fast(data, size);
    Diagnostics d("fuzz-bundle.json");
    auto doc = parse(data, size, d);
    if (!doc) return;
    bundle_once(*doc);
    if (rehash_definitions(*doc)) bundle_once(*doc);
}

// csv.h and survey_import.h: the input is a survey export, imported into tiny-check
// without a mapping and with the SurveyMonkey mapping (skipping invalid rows), and read
// by a bare CsvReader with tiny limits so that every limit is reached.
void survey_csv(const std::uint8_t* data, std::size_t size) {
    const Context& c = context();
    const std::string text(reinterpret_cast<const char*>(data), size);
    {
        std::istringstream in(text);
        SurveyImportOptions options;
        SurveyImport r = read_survey_csv(in, "fuzz.csv", *c.tiny, nullptr, options);
        if (r.ok()) require_answers_round_trip(*c.tiny, r.respondents);
    }
    {
        std::istringstream in(text);
        SurveyImportOptions options;
        options.skip_invalid = true;
        SurveyImport r = read_survey_csv(in, "fuzz.csv", *c.tiny, &*c.mapping, options);
        require_answers_round_trip(*c.tiny, r.respondents);
    }
    {
        std::istringstream in(text);
        CsvLimits small;
        small.max_field_bytes = 64;
        small.max_record_bytes = 256;
        small.max_columns = 8;
        CsvReader reader(in, small);
        std::vector<std::string> fields;
        std::size_t records = 0;
        while (reader.next(fields)) {
            if (fields.size() > small.max_columns) fail("CsvReader returned more columns than its limit");
            for (const auto& f : fields)
                if (f.size() > small.max_field_bytes) fail("CsvReader returned a field over its limit");
            if (++records > size + 1) fail("CsvReader returned more records than the input has bytes");
        }
        if (reader.error().empty() && reader.bytes_read() != size) fail("CsvReader stopped early without an error");
    }
}

// survey_import.h's mapping file: read, then used to import two real exports.
void survey_mapping(const std::uint8_t* data, std::size_t size) {
    const Context& c = context();
    Diagnostics d("fuzz-mapping.json");
    auto doc = parse(data, size, d);
    if (!doc) return;
    auto mapping = parse_survey_mapping(*doc, d);
    require_error_when_refused(mapping.has_value(), d);
    if (!mapping) return;
    for (const std::string* csv : {&c.monkey_csv, &c.forms_csv}) {
        for (bool skip : {false, true}) {
            std::istringstream in(*csv);
            SurveyImportOptions options;
            options.skip_invalid = skip;
            SurveyImport r = read_survey_csv(in, "export.csv", *c.tiny, &*mapping, options);
            if (r.ok() || skip) require_answers_round_trip(*c.tiny, r.respondents);
        }
    }
}

// roles.h: the catalogue, then checked against the frameworks it names (the shipped
// council-data-maturity and analyst-data-skills when it names others).
void roles(const std::uint8_t* data, std::size_t size) {
    const Context& c = context();
    Diagnostics d("fuzz-roles.json");
    auto doc = parse(data, size, d);
    if (!doc) return;
    auto cat = parse_role_catalogue(*doc, d);
    require_error_when_refused(cat.has_value(), d);
    if (!cat) return;
    auto fw = c.catalogue.framework(cat->framework_id);
    if (!fw) fw = c.catalogue.framework("council-data-maturity");
    std::shared_ptr<const Framework> skills;
    if (!cat->skills_framework_id.empty()) {
        skills = c.catalogue.framework(cat->skills_framework_id);
        if (!skills) skills = c.catalogue.framework("analyst-data-skills");
    }
    bool ok = check_role_catalogue(*cat, *fw, skills.get(), d);
    require_error_when_refused(ok, d);
    for (const auto& r : cat->roles)
        if (cat->find(r.id) == nullptr) fail("RoleCatalogue::find misses a role it holds");
}

// assumptions.h: the file, then every rule looked up on dates around its periods.
void assumptions(const std::uint8_t* data, std::size_t size) {
    Diagnostics d("fuzz-assumptions.json");
    auto doc = parse(data, size, d);
    if (!doc) return;
    auto a = parse_assumptions(*doc, d);
    require_error_when_refused(a.has_value(), d);
    if (!a) return;
    for (const char* date : {"1900-01-01", "2025-04-05", "2025-04-06", "2026-02-29", "2028-02-29", "9999-12-31",
                             "2025-13-01", "", "2025-4-6"}) {
        a->employer_ni_on(date);
        a->pension_on(date);
        a->apprenticeship_levy_on(date);
        a->pay_award_on(date);
        for (LondonArea area : {LondonArea::None, LondonArea::Inner, LondonArea::Outer, LondonArea::Fringe})
            a->london_weighting_on(area, date);
        a->apprentice_ni_relief_on(date);
        for (AgeBand age : {AgeBand::Unknown, AgeBand::From16To18, AgeBand::From19To21, AgeBand::From22To24, AgeBand::From25})
            for (int level : {2, 3, 7})
                for (bool levy : {true, false}) a->apprenticeship_terms("data-analyst-l4", level, level == 2, age, levy, date);
        a->recruitment_cost_on(date);
        a->training_budget_on(date);
        a->apprenticeship_funding_on(date);
        a->apprenticeship_band("data-analyst-l4", date);
    }
    for (const auto& rule : a->employer_ni) a->employer_ni_on(rule.effective_from);
    for (const auto& rule : a->apprenticeship_funding)
        for (const auto& [key, value] : rule.bands) a->apprenticeship_band(key, rule.effective_from);
}

// scenario.h: a roadmap scenario, checked against the shipped role catalogue and its
// framework; what it accepts, written by scenario_json, reads back as the same scenario.
void scenario(const std::uint8_t* data, std::size_t size) {
    const Context& c = context();
    static const std::optional<RoleCatalogue> roles = [&c] {
        Diagnostics dr(c.source + "/frameworks/roles/council-data-roles.json");
        auto doc = read_json_file(dr.file(), dr);
        return doc ? parse_role_catalogue(*doc, dr) : std::nullopt;
    }();
    auto fw = c.catalogue.framework("council-data-maturity");
    if (!roles || !fw) fail("cannot read the shipped role catalogue and its framework");
    Diagnostics d("fuzz-scenario.json");
    auto doc = parse(data, size, d);
    if (!doc) return;
    auto s = parse_scenario(*doc, d);
    require_error_when_refused(s.has_value(), d);
    if (!s) return;
    require_error_when_refused(check_scenario(*s, *roles, *fw, d), d);
    const nlohmann::json once = scenario_json(*s);
    Diagnostics again("written-scenario.json");
    auto text = parse_json_text(once.dump(), again);
    auto back = text ? parse_scenario(*text, again) : std::nullopt;
    if (!back) {
        for (const auto& x : again.items()) std::fprintf(stderr, "%s\n", to_string(x).c_str());
        fail("an accepted scenario, written out, is refused when read back");
    }
    if (scenario_json(*back) != once) fail("a scenario written out and read back is not the same scenario");
    for (const auto& t : s->team)
        if (s->find_team_post(t.id) == nullptr) fail("RoadmapScenario::find_team_post misses a post it holds");
}

}  // namespace ys::fuzz
