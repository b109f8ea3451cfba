#pragma once
// The benchmark report: a group of organisations compared on one framework. A heatmap of
// scores (organisations x dimensions), the spread per dimension with the viewing
// organisation marked, trends across rounds, the gaps many share, and a method note
// (inclusion rules, coverage, questionnaires, organisations left out and why). Labels are
// printed as the benchmark result gives them, so an anonymised result stays anonymous.
#include <optional>
#include <string>
#include <vector>

#include "benchmark.h"
#include "document.h"
#include "questionnaire.h"
#include "template.h"

namespace ys::report {

struct BenchmarkReportInput {
    const BenchmarkResult* result = nullptr;  // from run_benchmark; its framework is used
    // What is compared, in words: "London boroughs peer group", "departments of Ashby Vale".
    std::string group;
    // Optional: questionnaires the rounds used, for their titles in the method note.
    std::vector<const Questionnaire*> questionnaires;
    std::string report_date;  // YYYY-MM-DD
    std::string created;      // ISO date-time for the PDF's creation date
};

// Returns nullopt with a one-line error when the result or its framework is missing or the
// report date is not a date.
std::optional<Document> build_benchmark_report(const BenchmarkReportInput& in, const ReportTemplate& tpl,
                                                std::string& error);

}  // namespace ys::report
