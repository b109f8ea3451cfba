// Reading a large bundle (issue 17 section 6): `yardstick-cli import --dry-run` of a generated
// bundle of about 126 MB, just under the 128 MB limit: the three rounds of
// tests/data/bundles/good-v2.json (a fictional council), each grown to 90,000 respondents
// (copies of its own, with new ids, no names), written with an indent of 2 as a person might
// keep it. A dry run reads and checks everything and writes nothing, so this is the reader.
//
//   bench_bundle               generate, measure, print the table
//   bench_bundle --keep F      also leave the generated bundle at F
//   bench_bundle --cli PATH    measure another yardstick-cli (an older build, to compare)
//   bench_bundle --generate F  write the bundle only (run by the benchmark as a child: a child's
//                              peak memory starts from its parent's size at fork())
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "bench_util.h"
#include "number_format.h"

namespace {

constexpr int kRespondentsPerRound = 90000;

bool write_bundle(const std::string& path) {
    std::ifstream in(std::string(YS_SOURCE_DIR) + "/tests/data/bundles/good-v2.json", std::ios::binary);
    nlohmann::json b = nlohmann::json::parse(in);
    nlohmann::json third = b["rounds"][1];
    third["id"] = "eastmere-2028";
    third["period"] = "2028";
    b["rounds"].push_back(third);
    for (auto& round : b["rounds"]) {
        const nlohmann::json base = round["respondents"];
        nlohmann::json list = nlohmann::json::array();
        for (int i = 0; i < kRespondentsPerRound; ++i) {
            nlohmann::json r = base[static_cast<std::size_t>(i) % base.size()];
            char id[16];
            std::snprintf(id, sizeof id, "r%06d", i);
            r["id"] = id;
            r.erase("name");
            r.erase("email");
            list.push_back(std::move(r));
        }
        round["respondents"] = std::move(list);
    }
    std::ofstream out(path, std::ios::binary);
    out << b.dump(2);
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--generate") == 0) return write_bundle(argv[2]) ? 0 : 1;
    std::string keep, cli_path = YS_CLI;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--keep") == 0) keep = argv[i + 1];
        else if (std::strcmp(argv[i], "--cli") == 0) cli_path = argv[i + 1];
    }
    const std::string path = keep.empty() ? "/tmp/yardstick-bench-bundle.json" : keep;
    const std::string db = "/tmp/yardstick-bench-bundle.db";
    if (bench::run({"/proc/self/exe", "--generate", path}).status != 0) {
        std::fprintf(stderr, "bench: could not write %s\n", path.c_str());
        return 1;
    }
    const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    std::printf("Bundle benchmark: 3 rounds x %d respondents, %s MB (Eastmere, fictional)\n", kRespondentsPerRound,
                ys::fixed(mb, 1).c_str());
    bench::remove_db(db);
    bench::Measured m = bench::run({cli_path, "import", "--dry-run", "--db", db, path}, /*quiet_stderr=*/true);
    bench::remove_db(db);
    if (keep.empty()) std::remove(path.c_str());
    if (m.status != 0) {
        std::printf("  yardstick-cli import failed (exit %d)\n", m.status);
        return 1;
    }
    std::printf("\n  %-46s %10s %10s %10s\n", "one run", "seconds", "CPU s", "peak MB");
    std::printf("  %-46s %10s %10s %10s\n", "yardstick-cli import --dry-run", ys::fixed(m.seconds, 2).c_str(),
                ys::fixed(m.cpu_seconds, 2).c_str(), ys::fixed(m.peak_mb, 1).c_str());
    return 0;
}
