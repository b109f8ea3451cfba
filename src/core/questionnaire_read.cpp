#include "questionnaire_read.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "json_fields.h"
#include "number_format.h"
#include "retired_roles.h"
#include "source_list.h"

namespace ys {
namespace {

std::string number_text(double d) { return plain(d); }

class QuestionnaireReader {
public:
    QuestionnaireReader(const nlohmann::json& doc, Diagnostics& diags)
        : root_(&doc, "", diags), errors_before_(diags.error_count()) {}

    std::optional<Questionnaire> read() {
        if (!root_.expect_object()) return std::nullopt;
        root_.check_keys({"format", "id", "version", "title", "description", "licence", "sources", "framework",
                          "audience", "service_area", "respondent_roles", "scales", "sections", "retired",
                          "retired_roles"});
        auto format = root_.string("format", Need::Required);
        if (format && *format != kQuestionnaireFormat)
            root_["format"].error("expected \"" + std::string(kQuestionnaireFormat) + "\", found \"" +
                                  *format + "\"");
        q_.id = root_.id("id", Need::Required).value_or("");
        if (auto v = root_.string("version", Need::Required)) {
            if (is_valid_version(*v)) q_.version = *v;
            else root_["version"].error("expected a version such as \"1.0\" or \"1.2.3\", found \"" + *v + "\"");
        }
        q_.title = root_.string("title", Need::Required).value_or("");
        q_.description = root_.string("description", Need::Optional).value_or("");
        q_.licence = root_.string("licence", Need::Optional).value_or("");
        // Checked, not kept: the notes are for reviewers of the file, and nothing shows them yet.
        (void)read_source_list(root_["sources"]);
        read_framework_ref();
        if (auto a = root_.string("audience", Need::Required)) {
            if (*a == "organisation") q_.audience = Audience::Organisation;
            else if (*a == "service") q_.audience = Audience::Service;
            else if (*a == "individual") q_.audience = Audience::Individual;
            else root_["audience"].error("unknown audience \"" + *a + "\"; expected organisation, service or individual");
        }
        q_.service_area = root_.string("service_area", Need::Optional).value_or("");
        read_roles();
        read_scales();
        read_sections();
        read_retired();
        // Checked, not kept: only `round upgrade` uses them (retired_roles.h), reading the file again.
        (void)read_retired_roles(root_["retired_roles"], q_);
        if (root_.diags().error_count() != errors_before_) return std::nullopt;
        return std::move(q_);
    }

private:
    void read_framework_ref() {
        JsonAt f = root_["framework"];
        if (!f.expect_object()) return;
        f.check_keys({"id", "versions"});
        q_.framework_id = f.id("id", Need::Required).value_or("");
        JsonAt v = f["versions"];
        if (!v.expect_array(1)) return;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const auto& j = v[i].json();
            std::string p = j.is_string() ? j.get<std::string>() : "";
            std::string bare = !p.empty() && p.back() == '*' ? p.substr(0, p.size() - 1) : p;
            bool ok = j.is_string() && !p.empty() &&
                      (p == "*" || is_valid_version(p) ||
                       (p.back() == '*' && !bare.empty() && bare.back() == '.' &&
                        std::all_of(bare.begin(), bare.end(),
                                    [](char c) { return c == '.' || (c >= '0' && c <= '9'); })));
            if (!ok) {
                v[i].error("expected a version (\"1.0\") or a prefix pattern (\"1.*\")");
                continue;
            }
            q_.framework_versions.push_back(p);
        }
    }

    void read_roles() {
        JsonAt roles = root_["respondent_roles"];
        if (!roles.present() || !roles.expect_array()) return;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < roles.size(); ++i) {
            JsonAt r = roles[i];
            if (!r.expect_object()) continue;
            r.check_keys({"id", "name"});
            RespondentRole out;
            out.id = r.id("id", Need::Required).value_or("");
            out.name = r.string("name", Need::Required).value_or("");
            if (!out.id.empty() && !ids.insert(out.id).second)
                r["id"].error("duplicate role id \"" + out.id + "\"");
            q_.roles.push_back(std::move(out));
        }
    }

    std::vector<Option> read_options(const JsonAt& list, bool checklist) {
        std::vector<Option> out;
        if (!list.expect_array(checklist ? 1 : 2)) return out;
        if (list.size() > kMaxOptions) {
            list.error("at most " + std::to_string(kMaxOptions) + " options are allowed, found " +
                       std::to_string(list.size()));
            return out;
        }
        std::set<std::string> ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            JsonAt o = list[i];
            if (!o.expect_object()) continue;
            if (checklist) o.check_keys({"id", "label", "points"});
            else o.check_keys({"id", "label", "score"});
            Option opt;
            opt.id = o.id("id", Need::Required).value_or("");
            if (!opt.id.empty() && !ids.insert(opt.id).second)
                o["id"].error("duplicate option id \"" + opt.id + "\"");
            opt.label = o.string("label", Need::Required).value_or("");
            if (checklist) {
                auto p = o.number("points", Need::Optional);
                if (p && *p < 0) o["points"].error("expected points of 0 or more");
                opt.points = p.value_or(1);
            } else {
                opt.score = o.number("score", Need::Required).value_or(0);
            }
            out.push_back(std::move(opt));
        }
        return out;
    }

    void read_scales() {
        JsonAt scales = root_["scales"];
        if (!scales.present() || !scales.expect_object()) return;
        for (auto it = scales.json().begin(); it != scales.json().end(); ++it) {
            JsonAt s = scales[it.key()];
            if (!is_valid_id(it.key())) s.error("\"" + it.key() + "\" is not a valid scale name (the id rule)");
            scales_[it.key()] = read_options(s, false);
        }
    }

    std::vector<Band> read_bands(const JsonAt& list, bool first_must_be_zero) {
        std::vector<Band> out;
        if (!list.expect_array(1)) return out;
        for (std::size_t i = 0; i < list.size(); ++i) {
            JsonAt b = list[i];
            if (!b.expect_object()) continue;
            b.check_keys({"min", "score"});
            auto min = b.number("min", Need::Required);
            auto score = b.number("score", Need::Required);
            if (!min || !score) continue;
            if (i == 0 && first_must_be_zero && *min != 0)
                b["min"].error("the first band must start at 0, found " + number_text(*min));
            if (!out.empty() && *min <= out.back().min)
                b["min"].error("band minimums must rise strictly");
            out.push_back({*min, *score});
        }
        return out;
    }

    // After the sections, so a replacement can be checked against this version's questions.
    void read_retired() {
        JsonAt list = root_["retired"];
        if (!list.present() || !list.expect_array()) return;
        for (std::size_t i = 0; i < list.size(); ++i) {
            JsonAt r = list[i];
            if (!r.expect_object()) continue;
            r.check_keys({"id", "replaced_by", "note"});
            RetiredQuestion out;
            out.id = r.id("id", Need::Required).value_or("");
            out.replaced_by = r.id("replaced_by", Need::Optional).value_or("");
            out.note = r.string("note", Need::Required).value_or("");
            if (!out.id.empty() && q_.find_question(out.id) >= 0)
                r["id"].error("\"" + out.id + "\" is a question of this version, so it cannot be retired");
            if (!out.id.empty() && q_.find_retired(out.id))
                r["id"].error("\"" + out.id + "\" is retired twice");
            if (!out.replaced_by.empty() && q_.find_question(out.replaced_by) < 0)
                r["replaced_by"].error("expected a question of this version, found \"" + out.replaced_by + "\"");
            q_.retired.push_back(std::move(out));
        }
    }

    void read_sections() {
        JsonAt sections = root_["sections"];
        if (!sections.expect_array(1)) return;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < sections.size(); ++i) {
            JsonAt s = sections[i];
            if (!s.expect_object()) continue;
            s.check_keys({"id", "title", "description", "questions"});
            Section sec;
            sec.id = s.id("id", Need::Required).value_or("");
            if (!sec.id.empty() && !ids.insert(sec.id).second)
                s["id"].error("duplicate section id \"" + sec.id + "\"");
            sec.title = s.string("title", Need::Required).value_or("");
            sec.description = s.string("description", Need::Optional).value_or("");
            JsonAt qs = s["questions"];
            if (qs.expect_array(1)) {
                for (std::size_t k = 0; k < qs.size(); ++k) {
                    int idx = read_question(qs[k], static_cast<int>(q_.sections.size()));
                    if (idx >= 0) sec.questions.push_back(idx);
                }
            }
            q_.sections.push_back(std::move(sec));
        }
        if (q_.questions.size() > kMaxQuestions)
            root_.diags().error("/sections", "at most " + std::to_string(kMaxQuestions) +
                                                 " questions are allowed, found " +
                                                 std::to_string(q_.questions.size()));
    }

    int read_question(const JsonAt& j, int section) {
        if (!j.expect_object()) return -1;
        Question q;
        q.pointer = j.pointer();
        q.section = section;
        q.id = j.id("id", Need::Required).value_or("");
        if (!q.id.empty() && !question_ids_.insert(q.id).second)
            j["id"].error("duplicate question id \"" + q.id + "\"");
        auto kind = j.string("kind", Need::Required);
        if (!kind) return -1;
        if (*kind == "choice") q.kind = QuestionKind::Choice;
        else if (*kind == "likert") q.kind = QuestionKind::Likert;
        else if (*kind == "chain") q.kind = QuestionKind::Chain;
        else if (*kind == "checklist") q.kind = QuestionKind::Checklist;
        else if (*kind == "number") q.kind = QuestionKind::Number;
        else {
            j["kind"].error("unknown question kind \"" + *kind +
                            "\"; expected choice, likert, chain, checklist or number");
            return -1;
        }
        switch (q.kind) {
            case QuestionKind::Choice: check_common_keys(j, {"options"}); break;
            case QuestionKind::Likert: check_common_keys(j, {"options", "scale", "reverse"}); break;
            case QuestionKind::Chain: check_common_keys(j, {"steps", "score_if_none"}); break;
            case QuestionKind::Checklist: check_common_keys(j, {"options", "scoring"}); break;
            case QuestionKind::Number: check_common_keys(j, {"unit", "min", "max", "bands"}); break;
        }
        q.text = j.string("text", Need::Required).value_or("");
        q.help = j.string("help", Need::Optional).value_or("");
        q.evidence_prompt = j.string("evidence_prompt", Need::Optional).value_or("");
        (void)j.string("source", Need::Optional);  // a reviewer's note on the wording: checked, not kept
        q.dimension_id = j.id("dimension", Need::Required).value_or("");
        if (auto w = j.number("weight", Need::Optional)) {
            if (*w <= 0) j["weight"].error("expected a weight above 0");
            else q.weight = *w;
        }
        if (auto g = j.integer("gate_level", Need::Optional)) q.gate_level = static_cast<int>(*g);
        q.allow_na = j.boolean("allow_na", Need::Optional).value_or(false);
        q.allow_dont_know = j.boolean("allow_dont_know", Need::Optional).value_or(true);
        JsonAt facets = j["facets"];
        if (facets.present() && facets.expect_object()) {
            for (auto it = facets.json().begin(); it != facets.json().end(); ++it) {
                if (!it->is_string()) facets[it.key()].error("expected a facet value id (a string)");
                else q.facets[it.key()] = it->get<std::string>();
            }
        }
        read_kind_details(j, q);
        read_condition(j, q);
        const int index = static_cast<int>(q_.questions.size());
        question_index_.emplace(q.id, index);  // the first of duplicates, as find_question finds
        q_.questions.push_back(std::move(q));
        return index;
    }

    void check_common_keys(const JsonAt& j, std::initializer_list<const char*> extra) {
        static const char* common[] = {"id", "kind", "text", "dimension", "facets", "help", "weight",
                                       "gate_level", "allow_na", "allow_dont_know",
                                       "evidence_prompt", "condition", "source"};
        std::vector<const char*> all(std::begin(common), std::end(common));
        all.insert(all.end(), extra.begin(), extra.end());
        for (auto it = j.json().begin(); it != j.json().end(); ++it) {
            const std::string& k = it.key();
            if (k.rfind("x-", 0) == 0 || k == "$comment") continue;
            if (std::find_if(all.begin(), all.end(), [&](const char* a) { return k == a; }) == all.end())
                j[k].error("unknown key \"" + k + "\" for a " + string_or_empty(j.json(), "kind") + " question");
        }
    }

    void read_kind_details(const JsonAt& j, Question& q) {
        switch (q.kind) {
            case QuestionKind::Choice:
                q.options = read_options(j["options"], false);
                break;
            case QuestionKind::Likert: {
                bool has_options = j["options"].present();
                auto scale = j.string("scale", Need::Optional);
                if (has_options == scale.has_value()) {
                    j.error("a likert question needs either \"options\" or \"scale\", not both or neither");
                    break;
                }
                if (has_options) {
                    q.options = read_options(j["options"], false);
                } else if (!scales_.count(*scale)) {
                    j["scale"].error("unknown scale \"" + *scale + "\"; it is not in the questionnaire's scales");
                    break;
                } else {
                    q.options = scales_[*scale];
                }
                if (j.boolean("reverse", Need::Optional).value_or(false) && !q.options.empty()) {
                    auto [lo, hi] = std::minmax_element(q.options.begin(), q.options.end(),
                                                        [](const Option& a, const Option& b) { return a.score < b.score; });
                    double sum = lo->score + hi->score;
                    for (auto& o : q.options) o.score = sum - o.score;
                }
                break;
            }
            case QuestionKind::Chain: {
                JsonAt steps = j["steps"];
                if (!steps.expect_array(1)) break;
                if (steps.size() > kMaxChainSteps) {
                    steps.error("at most " + std::to_string(kMaxChainSteps) + " steps are allowed");
                    break;
                }
                std::set<std::string> ids;
                for (std::size_t i = 0; i < steps.size(); ++i) {
                    JsonAt s = steps[i];
                    if (!s.expect_object()) continue;
                    s.check_keys({"id", "text", "score"});
                    ChainStep st;
                    st.id = s.id("id", Need::Required).value_or("");
                    if (!st.id.empty() && !ids.insert(st.id).second)
                        s["id"].error("duplicate step id \"" + st.id + "\"");
                    st.text = s.string("text", Need::Required).value_or("");
                    auto score = s.number("score", Need::Required);
                    if (!score) continue;
                    st.score = *score;
                    if (!q.steps.empty() && st.score <= q.steps.back().score)
                        s["score"].error("step scores must rise along the chain; expected more than " +
                                         number_text(q.steps.back().score));
                    q.steps.push_back(std::move(st));
                }
                q.score_if_none = j.number("score_if_none", Need::Optional);
                if (q.score_if_none && !q.steps.empty() && *q.score_if_none >= q.steps.front().score)
                    j["score_if_none"].error("expected a score below the first step's (" +
                                             number_text(q.steps.front().score) + ")");
                break;
            }
            case QuestionKind::Checklist: {
                q.options = read_options(j["options"], true);
                JsonAt s = j["scoring"];
                if (!s.expect_object()) break;
                s.check_keys({"method", "bands"});
                auto method = s.string("method", Need::Required);
                if (!method) break;
                if (*method == "sum") {
                    q.checklist_scoring = Question::ChecklistScoring::Sum;
                    if (s["bands"].present()) s["bands"].error("bands are only used with method \"count\"");
                } else if (*method == "count") {
                    q.checklist_scoring = Question::ChecklistScoring::Count;
                    q.bands = read_bands(s["bands"], true);
                } else {
                    s["method"].error("unknown method \"" + *method + "\"; expected sum or count");
                }
                break;
            }
            case QuestionKind::Number: {
                q.unit = j.string("unit", Need::Optional).value_or("");
                q.min = j.number("min", Need::Optional);
                q.max = j.number("max", Need::Optional);
                if (q.min && q.max && *q.min > *q.max) j["max"].error("expected max to be at least min");
                q.bands = read_bands(j["bands"], false);
                break;
            }
        }
    }

    void read_condition(const JsonAt& j, Question& q) {
        JsonAt c = j["condition"];
        if (!c.present() || !c.expect_object()) return;
        c.check_keys({"question", "any_of", "score_at_least"});
        auto ref = c.id("question", Need::Required);
        if (!ref) return;
        Condition cond;
        if (*ref == q.id) {
            c["question"].error("a condition may not refer to its own question (it would loop)");
            return;
        }
        auto earlier = question_index_.find(*ref);
        cond.question = earlier == question_index_.end() ? -1 : earlier->second;
        if (cond.question < 0) {
            c["question"].error(question_ids_.count(*ref) || later_question_exists(*ref)
                                    ? "the condition refers forward to \"" + *ref +
                                          "\"; it may only refer to an earlier question"
                                    : "unknown question \"" + *ref + "\"");
            return;
        }
        const Question& target = q_.questions[cond.question];
        bool has_any = c["any_of"].present();
        cond.score_at_least = c.number("score_at_least", Need::Optional);
        if (has_any == cond.score_at_least.has_value()) {
            c.error("a condition needs either \"any_of\" or \"score_at_least\", not both or neither");
            return;
        }
        if (has_any) {
            JsonAt any = c["any_of"];
            if (!any.expect_array(1)) return;
            if (target.kind == QuestionKind::Number) {
                any.error("\"" + target.id + "\" is a number question; use score_at_least");
                return;
            }
            for (std::size_t i = 0; i < any.size(); ++i) {
                if (!any[i].json().is_string()) {
                    any[i].error("expected an option id (a string)");
                    continue;
                }
                std::string v = any[i].json().get<std::string>();
                bool known = false;
                for (const auto& o : target.options) known = known || o.id == v;
                for (const auto& s : target.steps) known = known || s.id == v;
                if (!known) any[i].error("\"" + target.id + "\" has no option or step \"" + v + "\"");
                cond.any_of.push_back(v);
            }
        }
        q.condition = std::move(cond);
    }

    // Whether any question in the file has this id. The ids are collected once: scanning the
    // file for every condition that refers forward was quadratic in the number of questions.
    bool later_question_exists(const std::string& id) {
        if (!all_question_ids_) {
            all_question_ids_.emplace();
            JsonAt sections = root_["sections"];
            for (std::size_t i = 0; i < sections.size(); ++i) {
                JsonAt qs = sections[i]["questions"];
                if (!qs.present() || !qs.json().is_array()) continue;
                for (const auto& question : qs.json())
                    if (question.is_object()) all_question_ids_->insert(string_or_empty(question, "id"));
            }
        }
        return all_question_ids_->count(id) > 0;
    }

    JsonAt root_;
    std::size_t errors_before_;
    Questionnaire q_;
    std::map<std::string, std::vector<Option>> scales_;
    std::set<std::string> question_ids_;
    std::unordered_map<std::string, int> question_index_;  // questions read so far, by id
    std::optional<std::set<std::string>> all_question_ids_;  // every question id in the file
};

// Where the question's score range sits; used to check it against the scale.
void compute_score_range(Question& q) {
    auto minmax = [](const std::vector<double>& v) {
        return std::make_pair(*std::min_element(v.begin(), v.end()), *std::max_element(v.begin(), v.end()));
    };
    std::vector<double> scores;
    switch (q.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert:
            for (const auto& o : q.options) scores.push_back(o.score);
            break;
        case QuestionKind::Chain:
            scores.push_back(q.score_if_none.value_or(0));
            for (const auto& s : q.steps) scores.push_back(s.score);
            break;
        case QuestionKind::Checklist:
            if (q.checklist_scoring == Question::ChecklistScoring::Count) {
                for (const auto& b : q.bands) scores.push_back(b.score);
            } else {
                double total = 0;
                for (const auto& o : q.options) total += o.points;
                scores.push_back(0);
                scores.push_back(total);
            }
            break;
        case QuestionKind::Number:
            for (const auto& b : q.bands) scores.push_back(b.score);
            break;
    }
    if (scores.empty()) return;
    std::tie(q.min_score, q.max_score) = minmax(scores);
}

}  // namespace

std::optional<Questionnaire> parse_questionnaire(const nlohmann::json& doc, Diagnostics& diags) {
    return QuestionnaireReader(doc, diags).read();
}

bool bind_questionnaire(Questionnaire& q, const Framework& fw, Diagnostics& diags) {
    std::size_t before = diags.error_count();
    if (q.framework_id != fw.id) {
        diags.error("/framework/id", "names framework \"" + q.framework_id + "\" but was checked against \"" +
                                         fw.id + "\"");
        return false;
    }
    if (!q.fits_framework_version(fw.version)) {
        std::string list;
        for (const auto& v : q.framework_versions) list += (list.empty() ? "" : ", ") + v;
        diags.error("/framework/versions", "fits framework versions " + list + " but \"" + fw.id +
                                               "\" is version " + fw.version);
    }
    std::vector<int> question_count(fw.dimensions.size(), 0);
    // Indexes of the framework's dimensions and facet values: searching them for every
    // question was quadratic.
    std::unordered_map<std::string, int> dimension_index;
    for (std::size_t i = 0; i < fw.dimensions.size(); ++i)
        dimension_index.emplace(fw.dimensions[i].id, static_cast<int>(i));  // the first, as find_dimension finds
    std::map<std::string, std::set<std::string>> facet_values;  // the last of duplicate facets, as before
    for (const auto& f : fw.facets) {
        auto& values = facet_values[f.id];
        values.clear();
        for (const auto& v : f.values) values.insert(v.id);
    }
    for (auto& qu : q.questions) {
        auto found = dimension_index.find(qu.dimension_id);
        qu.dimension = found == dimension_index.end() ? -1 : found->second;
        if (qu.dimension < 0) {
            diags.error(qu.pointer + "/dimension", "unknown dimension \"" + qu.dimension_id +
                                                       "\" in framework \"" + fw.id + "\"");
            continue;
        }
        const Dimension& dim = fw.dimensions[qu.dimension];
        if (!dim.is_leaf()) {
            diags.error(qu.pointer + "/dimension", "\"" + qu.dimension_id +
                                                       "\" has child dimensions; a question must map to a leaf");
            continue;
        }
        ++question_count[qu.dimension];
        // Facets: check explicit ones, then inherit the dimension's.
        for (const auto& [fid, vid] : qu.facets) {
            auto facet = facet_values.find(fid);
            if (facet == facet_values.end()) {
                diags.error(qu.pointer + "/facets/" + fid, "unknown facet \"" + fid + "\" in framework \"" + fw.id + "\"");
                continue;
            }
            if (!facet->second.count(vid))
                diags.error(qu.pointer + "/facets/" + fid, "unknown value \"" + vid + "\" for facet \"" + fid + "\"");
        }
        for (const auto& [fid, vid] : dim.facets) qu.facets.emplace(fid, vid);

        if (qu.kind == QuestionKind::Chain && !qu.score_if_none) qu.score_if_none = fw.min_level();
        compute_score_range(qu);
        if (qu.kind == QuestionKind::Checklist && qu.checklist_scoring == Question::ChecklistScoring::Sum &&
            dim.aggregation != Aggregation::Sum) {
            qu.min_score = std::max<double>(qu.min_score, fw.min_level());
            qu.max_score = std::min<double>(qu.max_score, fw.max_level());
        }

        bool sum_leaf = dim.aggregation == Aggregation::Sum;
        if (!sum_leaf && (qu.min_score < fw.min_level() - 1e-9 || qu.max_score > fw.max_level() + 1e-9)) {
            diags.error(qu.pointer, "scores run from " + number_text(qu.min_score) + " to " +
                                        number_text(qu.max_score) + ", outside the framework's scale (" +
                                        std::to_string(fw.min_level()) + " to " +
                                        std::to_string(fw.max_level()) + ")");
        }
        // A facet combined by gates reads the gate_level of each question it holds.
        const Facet* gated_facet = nullptr;
        for (const auto& f : fw.facets)
            if (f.aggregation == Aggregation::Gated && qu.facets.count(f.id)) gated_facet = &f;
        if (dim.aggregation == Aggregation::Gated || gated_facet) {
            if (!qu.gate_level && dim.aggregation == Aggregation::Gated)
                diags.error(qu.pointer, "question maps to gated dimension \"" + dim.id + "\" and needs a gate_level");
            else if (!qu.gate_level)
                diags.error(qu.pointer, "question has a value of facet \"" + gated_facet->id +
                                            "\", which is combined by gates, and needs a gate_level");
            else if (*qu.gate_level < fw.min_level() || *qu.gate_level > fw.max_level())
                diags.error(qu.pointer + "/gate_level", "expected a level from " + std::to_string(fw.min_level()) +
                                                            " to " + std::to_string(fw.max_level()));
        } else if (qu.gate_level) {
            diags.error(qu.pointer + "/gate_level", "gate_level is only used for questions of a gated dimension or facet");
        }
    }
    bool ok = diags.error_count() == before;
    q.bound = ok;
    return ok;
}

}  // namespace ys
