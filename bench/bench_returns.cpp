// Answers in from colleagues (issue 14): a data lead sends the full assessment's offline form
// to 200 colleagues and imports the 200 files that come back, then 200 newer saves of them.
// Set beside the way in that existed before: the same 200 respondents in one answer file.
// Then the round's status and its results workbook. Each command runs in a process of its own
// against a fresh copy of one database; best of 3.
//
//   bench_returns               generate, measure, print the table
//   bench_returns --cli PATH    measure another yardstick-cli
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "bench_util.h"
#include "catalogue.h"
#include "number_format.h"
#include "random_answers.h"

namespace fs = std::filesystem;
using namespace ys;

namespace {

constexpr int kReturns = 200;
const std::string kOrg = "westmarsh";
const std::string kRound = "westmarsh.2026.council-full";

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

void spill(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    f << text;
}

// The form id written into the form's embedded data.
std::string form_id_of(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"form-data\">";
    auto a = html.find(open);
    if (a == std::string::npos) return {};
    a += open.size();
    auto data = nlohmann::json::parse(html.substr(a, html.find("</script>", a) - a), nullptr, false);
    if (data.is_discarded()) return {};
    return data["form"].value("id", "");
}

nlohmann::json respondent(const Questionnaire& q, int n, std::mt19937& rng) {
    nlohmann::json answers = nlohmann::json::object();
    for (const auto& qu : q.questions) answers[qu.id] = bench::random_answer(qu, rng);
    char id[32];
    std::snprintf(id, sizeof id, "f-%016x", static_cast<unsigned>(n + 1));
    return {{"id", id}, {"role", q.roles[n % q.roles.size()].id}, {"answers", answers}};
}

nlohmann::json answer_file(const Questionnaire& q, nlohmann::json respondents) {
    return {{"format", "yardstick-answers/1"},
            {"questionnaire", {{"id", q.id}, {"version", q.version}}},
            {"organisation", {{"id", kOrg}, {"name", "Westmarsh Borough Council (fictional)"}, {"type", "unitary"}}},
            {"period", "2026"},
            {"respondents", std::move(respondents)}};
}

// 200 returned forms in `dir` (saved at `saved_at`), and the same respondents in one file.
void write_returns(const Questionnaire& q, const std::string& form_id, const std::string& dir,
                   const std::string& saved_at, unsigned seed, const std::string& single) {
    std::mt19937 rng(seed);
    fs::create_directories(dir);
    nlohmann::json all = nlohmann::json::array();
    for (int n = 0; n < kReturns; ++n) {
        nlohmann::json r = respondent(q, n, rng);
        nlohmann::json doc = answer_file(q, nlohmann::json::array({r}));
        doc["form"] = {{"id", form_id}, {"round", kRound}, {"saved_at", saved_at}};
        spill(dir + "/answers-" + std::to_string(n + 1) + ".json", doc.dump());
        all.push_back(std::move(r));
    }
    if (!single.empty()) {
        // Without the form stamp and with keys of its own: the way in before the form.
        for (std::size_t n = 0; n < all.size(); ++n) all[n]["id"] = "r" + std::to_string(n + 1);
        spill(single, answer_file(q, all).dump());
    }
}

void fresh_copy(const std::string& base, const std::string& db) {
    bench::remove_db(db);
    fs::copy_file(base, db, fs::copy_options::overwrite_existing);
}

// Best of 3, each on a fresh copy of `base` (after `prepare`, when given, which is not timed).
bench::Measured timed(const std::string& base, const std::string& db, const std::vector<std::string>& argv,
                      const std::vector<std::string>& prepare = {}) {
    bench::Measured best;
    best.seconds = 1e9;
    for (int i = 0; i < 3; ++i) {
        fresh_copy(base, db);
        if (!prepare.empty() && bench::run(prepare, true).status != 0) return {};
        bench::Measured m = bench::run(argv, true);
        if (m.status != 0) return m;
        if (m.seconds < best.seconds) best.seconds = m.seconds;
        if (m.peak_mb > best.peak_mb) best.peak_mb = m.peak_mb;
        best.status = 0;
    }
    return best;
}

void row(const char* what, const bench::Measured& m) {
    std::printf("  %-62s %9s %9s\n", what, fixed(m.seconds, 3).c_str(), fixed(m.peak_mb, 1).c_str());
}

}  // namespace

int main(int argc, char** argv) {
    std::string cli = YS_CLI;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--cli") == 0) cli = argv[i + 1];
    Catalogue cat;
    cat.add_library(YS_SOURCE_DIR, "shipped");
    cat.bind_all();
    auto q = cat.questionnaire("council-full");
    if (!q || q->roles.empty()) {
        std::fprintf(stderr, "bench_returns: the shipped council-full questionnaire did not load\n");
        return 1;
    }
    const std::string dir = (fs::temp_directory_path() / "yardstick-bench-returns").string();
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string base = dir + "/base.db", db = dir + "/work.db", form = dir + "/form.html";

    if (bench::run({cli, "org", "add", kOrg, "--name", "Westmarsh Borough Council (fictional)", "--type", "unitary",
                    "--db", base}, true).status != 0) {
        std::fprintf(stderr, "bench_returns: %s org add failed\n", cli.c_str());
        return 1;
    }
    bench::Measured form_write = bench::best_of_3(
        {cli, "form", "council-full", "--org", kOrg, "--period", "2026", "--out", form, "--db", base});
    const std::string form_id = form_id_of(slurp(form));
    if (form_write.status != 0 || form_id.empty()) {
        std::fprintf(stderr, "bench_returns: writing the form failed\n");
        return 1;
    }
    write_returns(*q, form_id, dir + "/first", "2026-12-05T10:00:00Z", 1, dir + "/single.json");
    write_returns(*q, form_id, dir + "/second", "2026-12-08T16:30:00Z", 2, {});
    std::string invitations = "name,email,role,department\n";
    for (int n = 0; n < kReturns + 50; ++n)
        invitations += "Colleague " + std::to_string(n + 1) + ",colleague" + std::to_string(n + 1) +
                       "@westmarsh.example," + q->roles[n % q->roles.size()].id + ",Department " +
                       std::to_string(n % 12 + 1) + "\n";
    spill(dir + "/invitations.csv", invitations);

    const std::string first = dir + "/first/*.json", second = dir + "/second/*.json";
    bench::Measured returns = timed(base, db, {cli, "import", first, "--db", db});
    bench::Measured single = timed(base, db, {cli, "import", dir + "/single.json", "--db", db});
    bench::Measured again = timed(base, db, {cli, "import", second, "--db", db}, {cli, "import", first, "--db", db});
    bench::Measured invite = timed(base, db, {cli, "round", "invite", kRound, "--csv", dir + "/invitations.csv", "--db", db},
                                   {cli, "import", first, "--db", db});
    // The status and the workbook read a database holding the first returns and the invitations.
    fresh_copy(base, db);
    bench::run({cli, "import", first, "--db", db}, true);
    bench::run({cli, "round", "invite", kRound, "--csv", dir + "/invitations.csv", "--db", db}, true);
    fs::copy_file(db, dir + "/answered.db", fs::copy_options::overwrite_existing);
    bench::Measured status = timed(dir + "/answered.db", db,
                                   {cli, "round", "status", kRound, "--pending-csv", dir + "/pending.csv", "--db", db});
    bench::Measured book = timed(dir + "/answered.db", db,
                                 {cli, "export", "--xlsx", dir + "/results.xlsx", "--round", kRound, "--db", db});

    for (const auto* m : {&returns, &single, &again, &invite, &status, &book})
        if (m->status != 0) {
            std::fprintf(stderr, "bench_returns: a run failed (exit %d)\n", m->status);
            return 1;
        }
    std::printf("Returns benchmark: %d colleagues answer the full assessment (%zu questions) through the offline form\n",
                kReturns, q->questions.size());
    std::printf("  form: %s KB\n\n", fixed(static_cast<double>(fs::file_size(form)) / 1024.0, 1).c_str());
    std::printf("  %-62s %9s %9s\n", "best of 3", "seconds", "peak MB");
    row("yardstick-cli form (write the offline form)", form_write);
    row("import 200 returned forms (one pattern, one transaction)", returns);
    row("import the same 200 respondents as one answer file (before)", single);
    std::printf("  %-62s %8sx %8sx\n", "ratio", fixed(returns.seconds / single.seconds, 2).c_str(),
                fixed(returns.peak_mb / single.peak_mb, 2).c_str());
    row("import 200 newer saves (each replaces its respondent)", again);
    row("round invite: 250 people from CSV", invite);
    row("round status --pending-csv", status);
    row("export --xlsx of the round's results", book);
    fs::remove_all(dir);
    return 0;
}
