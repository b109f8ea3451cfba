// jobs::write_form: the round found or started, the questionnaire from the library or a file,
// and every refusal (a closed round, an unknown organisation, questionnaire or round, an
// output that is the database or not a file) leaving every file byte-identical.
#include <catch2/catch.hpp>

#include <set>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../support/portable_test.h"
#include "database.h"
#include "exit_codes.h"
#include "form_job.h"
#include "forms.h"
#include "form_page.h"
#include "organisations.h"
#include "rounds.h"
#include "sha256.h"

using namespace ys;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// A folder of its own with a database holding the organisation "westford".
struct Scratch {
    std::string dir, db;
    explicit Scratch(const std::string& name) {
        dir = std::string(YS_WORK_DIR) + "/" + name + "-" + ys::test::pid_text();
        fs::remove_all(dir);
        fs::create_directories(dir);
        db = dir + "/lead.db";
        store::Connection c = store::open_database(db);
        store::add_organisation(c, {"westford", "Westford (fictional)", "london-borough", "London", "", ""});
    }
    ~Scratch() { fs::remove_all(dir); }
    jobs::FormJob job(const std::string& questionnaire = "council-quick-check") const {
        jobs::FormJob j;
        j.database = db;
        j.questionnaire = questionnaire;
        j.organisation = "westford";
        j.period = "2026";
        j.library_dirs = {YS_SOURCE_DIR, YS_TEST_DATA};
        j.out_path = dir + "/form.html";
        return j;
    }
    std::string hashes() const {
        std::string all;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file()) all += e.path().filename().string() + "=" + sha256_hex(slurp(e.path().string())) + "\n";
        return all;
    }
};

nlohmann::json embedded(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"form-data\">";
    auto a = html.find(open);
    REQUIRE(a != std::string::npos);
    a += open.size();
    return nlohmann::json::parse(html.substr(a, html.find("</script>", a) - a));
}

}  // namespace

TEST_CASE("form job: a questionnaire, organisation and period start the round and write the form", "[form]") {
    Scratch s("form-new-round");
    auto job = s.job();
    job.note = "Please reply by 16 January";
    job.reply_to = "Jo Smith";
    auto r = jobs::write_form(job);
    INFO(r.error);
    REQUIRE(r.exit_code == exit_code::ok);
    CHECK(form::is_form_id(r.form_id));
    CHECK(r.written == job.out_path);
    CHECK(r.questions == 14);
    auto data = embedded(slurp(job.out_path));
    CHECK(data["form"]["id"] == r.form_id);
    CHECK(data["form"]["round"] == "westford.2026.council-quick-check");
    CHECK(data["organisation"]["name"] == "Westford (fictional)");
    CHECK(data["organisation"]["type"] == "london-borough");
    CHECK(data["questions"].size() == 14);
    CHECK(data["note"] == "Please reply by 16 January");
    {
        store::Connection c = store::open_database(s.db);
        auto rounds = store::list_rounds(c, "westford");
        REQUIRE(rounds.size() == 1);
        CHECK(rounds[0].id == "westford.2026.council-quick-check");
        CHECK(rounds[0].status == "open");
    }
    // Again: the same round, a new form id.
    auto again = jobs::write_form(job);
    REQUIRE(again.exit_code == exit_code::ok);
    CHECK(again.form_id != r.form_id);
    store::Connection c = store::open_database(s.db);
    CHECK(store::list_rounds(c, "westford").size() == 1);

    // By round id: the same round's stored questionnaire.
    jobs::FormJob by_round;
    by_round.database = s.db;
    by_round.round = "westford.2026.council-quick-check";
    by_round.out_path = s.dir + "/by-round.html";
    auto br = jobs::write_form(by_round);
    INFO(br.error);
    REQUIRE(br.exit_code == exit_code::ok);
    CHECK(embedded(slurp(by_round.out_path))["questionnaire"]["id"] == "council-quick-check");

    // Each form written is recorded with its round and note, so returns can be traced to it.
    auto forms = store::list_forms(c, "westford.2026.council-quick-check");
    REQUIRE(forms.size() == 3);
    std::set<std::string> ids;
    for (const auto& f : forms) {
        ids.insert(f.id);
        CHECK(f.note == (f.id == br.form_id ? "" : "Please reply by 16 January"));
    }
    CHECK(ids == std::set<std::string>{r.form_id, again.form_id, br.form_id});

    // A form that could not be written is not recorded.
    jobs::FormJob unwritable = by_round;
    unwritable.out_path = s.dir + "/no-such-folder/form.html";
    auto failed = jobs::write_form(unwritable);
    CHECK(failed.exit_code != exit_code::ok);
    CHECK(store::list_forms(c, "westford.2026.council-quick-check").size() == 3);
}

TEST_CASE("form job: a questionnaire file is read and bound to its framework from the library", "[form]") {
    Scratch s("form-file");
    auto job = s.job(std::string(YS_TEST_DATA) + "/questionnaires/tiny-check.json");
    auto r = jobs::write_form(job);
    INFO(r.error);
    REQUIRE(r.exit_code == exit_code::ok);
    CHECK(r.questions == 6);
    CHECK(embedded(slurp(job.out_path))["form"]["round"] == "westford.2026.tiny-check");

    // A framework file is not a questionnaire.
    auto fw = s.job(std::string(YS_TEST_DATA) + "/frameworks/tiny-example.json");
    fw.out_path = s.dir + "/fw.html";
    auto bad = jobs::write_form(fw);
    CHECK(bad.exit_code == exit_code::invalid_input);
    CHECK(bad.error.find("not a questionnaire") != std::string::npos);
    CHECK_FALSE(fs::exists(fw.out_path));

    // A file that is not there, one that is not JSON, and an invalid questionnaire: each named.
    std::ofstream(s.dir + "/not-json.json") << "{ nope";
    std::ofstream(s.dir + "/no-version.json") << R"({"format": "yardstick-questionnaire/1", "id": "broken"})";
    for (const auto& [file, words] : std::vector<std::pair<std::string, std::string>>{
             {s.dir + "/missing.json", "no such file"},
             {s.dir + "/not-json.json", "syntax error"},
             {s.dir + "/no-version.json", "/version"}}) {
        auto j = s.job(file);
        j.out_path = s.dir + "/none.html";
        auto r = jobs::write_form(j);
        INFO(r.error);
        CHECK(r.exit_code == exit_code::invalid_input);
        CHECK(r.error.rfind(file + ": ", 0) == 0);
        CHECK(r.error.find(words) != std::string::npos);
        CHECK(r.error.find(file + ": " + file) == std::string::npos);
        CHECK_FALSE(fs::exists(j.out_path));
    }
}

TEST_CASE("form job: refusals name the problem and change no file", "[form]") {
    Scratch s("form-refused");
    {
        auto ok = jobs::write_form(s.job());
        REQUIRE(ok.exit_code == exit_code::ok);
    }
    std::ofstream(s.dir + "/existing.html") << "an earlier form\n";
    const std::string before = s.hashes();
    auto expect_refused = [&](jobs::FormJob job, int code, const std::string& words) {
        job.out_path = job.out_path == s.dir + "/form.html" ? s.dir + "/existing.html" : job.out_path;
        auto r = jobs::write_form(job);
        INFO(r.error);
        CHECK(r.exit_code == code);
        CHECK(r.error.find(words) != std::string::npos);
        CHECK(r.error.find('\n') == std::string::npos);
        CHECK(r.form_id.empty());
        CHECK(s.hashes() == before);
    };
    auto job = s.job();
    job.organisation = "nowhere";
    expect_refused(job, exit_code::invalid_input, "organisation \"nowhere\" does not exist");
    job = s.job("no-such-questionnaire");
    expect_refused(job, exit_code::invalid_input, "questionnaire \"no-such-questionnaire\" was not found");
    job = s.job();
    job.period = "20\x01" "26";
    expect_refused(job, exit_code::usage, "period");
    job = s.job();
    job.note = "bad\x1b[31m note";
    expect_refused(job, exit_code::usage, "the note holds a control character");
    job = s.job();
    job.note = std::string(2001, 'x');
    expect_refused(job, exit_code::usage, "the note is longer than 2000 characters");
    job = s.job();
    job.reply_to = "Jo\nSmith";
    expect_refused(job, exit_code::usage, "the reply-to text holds a control character; write it on one line");
    job = s.job();
    job.reply_to = "Jo \xff Smith";
    expect_refused(job, exit_code::usage, "the reply-to text");
    job = s.job();
    job.round = "westford.2026.council-quick-check";
    expect_refused(job, exit_code::usage, "not both");
    jobs::FormJob unknown;
    unknown.database = s.db;
    unknown.round = "westford.1999.council-quick-check";
    unknown.out_path = s.dir + "/form.html";
    expect_refused(unknown, exit_code::invalid_input, "does not exist");
    // Outputs that must never be replaced: the database itself, a folder.
    job = s.job();
    job.out_path = s.db;
    CHECK(jobs::refused_form_output(job).find(s.db) != std::string::npos);
    expect_refused(job, exit_code::usage, s.db);
    // Nor the questionnaire file it reads.
    job = s.job(std::string(YS_TEST_DATA) + "/questionnaires/tiny-check.json");
    job.out_path = job.questionnaire;
    CHECK_FALSE(jobs::refused_form_output(job).empty());
    CHECK(jobs::write_form(job).exit_code == exit_code::usage);
    CHECK(jobs::refused_form_output(s.job()).empty());
    fs::create_directories(s.dir + "/folder.html");
    const std::string with_folder = s.hashes();
    job.out_path = s.dir + "/folder.html";
    auto folder = jobs::write_form(job);
    CHECK(folder.exit_code == exit_code::usage);
    CHECK(folder.error.find("not a file") != std::string::npos);
    CHECK(s.hashes() == with_folder);
    fs::remove(s.dir + "/folder.html");
    // A database that does not exist is not created.
    job = s.job();
    job.database = s.dir + "/missing.db";
    expect_refused(job, exit_code::invalid_input, "no such database");
    CHECK_FALSE(fs::exists(s.dir + "/missing.db"));
}

TEST_CASE("form job: a closed round is refused, by round or by questionnaire", "[form]") {
    Scratch s("form-closed");
    REQUIRE(jobs::write_form(s.job()).exit_code == exit_code::ok);
    {
        store::Connection c = store::open_database(s.db);
        store::set_round_status(c, "westford.2026.council-quick-check", "closed");
    }
    std::ofstream(s.dir + "/existing.html") << "an earlier form\n";
    const std::string before = s.hashes();
    auto job = s.job();
    job.out_path = s.dir + "/existing.html";
    auto r = jobs::write_form(job);
    CHECK(r.exit_code == exit_code::invalid_input);
    CHECK(r.error.find("is closed, so no form can be made for it") != std::string::npos);
    CHECK(r.error.find("yardstick-cli round reopen westford.2026.council-quick-check") != std::string::npos);
    jobs::FormJob by_round;
    by_round.database = s.db;
    by_round.round = "westford.2026.council-quick-check";
    by_round.out_path = s.dir + "/existing.html";
    CHECK(jobs::write_form(by_round).exit_code == exit_code::invalid_input);
    CHECK(s.hashes() == before);
}
