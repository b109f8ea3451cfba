#pragma once
// What the report content tests share: the shipped files, searching a Document's text,
// finding headings and the blocks under them, and Eastmere's scored rounds.
#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "answer_files.h"
#include "document.h"
#include "score_files.h"
#include "template.h"

namespace report_test {
using namespace ys;
using namespace ys::report;

inline const std::string kSource = YS_SOURCE_DIR;
inline const std::string kData = YS_TEST_DATA;

inline std::string example(const std::string& name) { return kSource + "/examples/answers/" + name; }

inline std::string problems(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.items()) s += to_string(x) + "\n";
    return s;
}

// Every piece of text a document holds, for searching.
inline std::vector<std::string> all_text(const Document& doc) {
    std::vector<std::string> out{doc.title, doc.subtitle, doc.running_header, doc.author};
    for (const auto& b : doc.blocks) {
        if (auto* h = std::get_if<Heading>(&b)) out.push_back(h->text);
        else if (auto* p = std::get_if<Paragraph>(&b)) out.push_back(p->text);
        else if (auto* l = std::get_if<BulletList>(&b)) out.insert(out.end(), l->items.begin(), l->items.end());
        else if (auto* kv = std::get_if<KeyValues>(&b))
            for (const auto& [k, v] : kv->rows) {
                out.push_back(k);
                out.push_back(v);
            }
        else if (auto* t = std::get_if<Table>(&b)) {
            out.push_back(t->caption);
            out.insert(out.end(), t->header.begin(), t->header.end());
            for (const auto& r : t->rows) out.insert(out.end(), r.begin(), r.end());
        } else if (auto* c = std::get_if<RadarChart>(&b)) {
            out.push_back(c->title);
            out.push_back(c->alt);
            out.insert(out.end(), c->axes.begin(), c->axes.end());
            for (const auto& s : c->series) out.push_back(s.name);
        } else if (auto* c = std::get_if<LineChart>(&b)) {
            out.push_back(c->title);
            out.push_back(c->alt);
            for (const auto& s : c->series) out.push_back(s.name);
        } else if (auto* c = std::get_if<RangeChart>(&b)) {
            out.push_back(c->title);
            out.push_back(c->alt);
            out.push_back(c->marker_label);
            for (const auto& r : c->rows) out.push_back(r.label);
        } else if (auto* c = std::get_if<BarChart>(&b)) {
            out.push_back(c->title);
            out.push_back(c->alt);
            for (const auto& s : c->series) out.push_back(s.name);
        }
    }
    return out;
}

inline bool mentions(const Document& doc, const std::string& needle) {
    for (const auto& s : all_text(doc))
        if (s.find(needle) != std::string::npos) return true;
    return false;
}

// The appendix as question -> {answers given, evidence notes}, from its tables.
inline std::map<std::string, std::vector<std::string>> appendix_rows(const Document& doc) {
    std::map<std::string, std::vector<std::string>> rows;
    for (const auto& b : doc.blocks)
        if (auto* t = std::get_if<Table>(&b); t && t->caption.rfind("Answers and evidence: ", 0) == 0)
            for (const auto& r : t->rows)
                if (r.size() == 3) rows[r[0]] = {r[1], r[2]};
    return rows;
}

inline std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

// The index of the level-N heading with this text, or -1.
inline int heading_index(const Document& doc, const std::string& text, int level = 0) {
    for (std::size_t i = 0; i < doc.blocks.size(); ++i)
        if (auto* h = std::get_if<Heading>(&doc.blocks[i]))
            if (h->text == text && (level == 0 || h->level == level)) return static_cast<int>(i);
    return -1;
}

// The first block of type T at or after `from`, before the next heading of level <= stop_level.
template <typename T>
inline const T* next_block(const Document& doc, int from, int stop_level = 2) {
    for (std::size_t i = static_cast<std::size_t>(from) + 1; i < doc.blocks.size(); ++i) {
        if (auto* h = std::get_if<Heading>(&doc.blocks[i]))
            if (h->level <= stop_level) return nullptr;
        if (auto* t = std::get_if<T>(&doc.blocks[i])) return t;
    }
    return nullptr;
}

inline std::string value_of(const KeyValues& kv, const std::string& key) {
    for (const auto& [k, v] : kv.rows)
        if (k == key) return v;
    return "(missing " + key + ")";
}

// "£53,370.25" or "-£1,200.00" as pennies.
inline long long pennies(const std::string& money_text) {
    long long v = 0;
    for (char c : money_text)
        if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
    return money_text.rfind("-", 0) == 0 ? -v : v;
}

inline ReportTemplate shipped(TemplateKind kind) {
    Diagnostics d;
    auto t = read_template(shipped_template_path(kSource, kind), d, kind);
    if (!t) FAIL(problems(d));
    return *t;
}

// Eastmere's rounds (2025 and 2026) scored with targets, and the answer sets for the appendix.
struct EastmereRound {
    ScoreReport scored;
    LoadedAnswerFiles loaded;
    const ScoredRound* round2026 = nullptr;
    std::vector<const AnswerSet*> sets2026;
};

inline const EastmereRound& eastmere() {
    static const std::unique_ptr<EastmereRound> e = [] {
        auto r = std::make_unique<EastmereRound>();
        std::vector<std::string> files = {example("eastmere-2025-full.json"), example("eastmere-2026-full.json")};
        std::vector<std::string> targets = {kSource + "/examples/targets/eastmere-2027.json"};
        r->scored = score_files({files, {}, targets, {kSource}, {}});
        r->loaded = load_answer_files({{example("eastmere-2026-full.json")}, {}, {}, {kSource}});
        for (const auto& sr : r->scored.rounds)
            if (sr.result.period == "2026") r->round2026 = &sr;
        for (const auto& set : r->loaded.sets) r->sets2026.push_back(&set);
        return r;
    }();
    return *e;
}

}  // namespace report_test
