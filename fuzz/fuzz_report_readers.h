#pragma once
// The fuzz target for the report layer's reader (src/report/template.h), apart from
// fuzz_readers.h because it needs yardstick_report. Used by fuzz_template.cpp and by a
// test that reads tests/data/fuzz-regressions/template/ again.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>

#include "diagnostics.h"
#include "fuzz_fail.h"
#include "json_read.h"
#include "template.h"

#ifndef YS_FUZZ_SOURCE_DIR
#error "define YS_FUZZ_SOURCE_DIR as the source tree (reports/)"
#endif

namespace ys::fuzz {

// template.h: the template file, then a document started from it with every placeholder of
// its kind filled (values holding braces too), and every section started.
inline void report_template(const std::uint8_t* data, std::size_t size) {
    Diagnostics d("fuzz-template.json");
    auto doc = parse_json_text(std::string(reinterpret_cast<const char*>(data), size), d);
    if (!doc) return;
    auto tpl = report::parse_template(*doc, std::string(YS_FUZZ_SOURCE_DIR) + "/reports", d);
    if (!tpl) {
        if (!d.has_errors()) fail("parse_template refused its input without reporting an error");
        return;
    }
    std::map<std::string, std::string> values;
    int n = 0;
    for (const auto& name : report::placeholder_names(tpl->kind))
        values[name] = (n++ % 2) ? "{" + name + "}" : "Value of " + name + " }}{{";
    report::DocumentWriter writer(*tpl, values, "subtitle", "2026-03-14");
    for (const auto& s : tpl->sections) {
        writer.start_section(s);
        writer.anchor(s.heading);
    }
    for (const auto& s : tpl->sections)
        if (tpl->section(s.id) == nullptr) fail("ReportTemplate::section misses a section it holds");
    report::Document out = writer.take();
    (void)out;
}

}  // namespace ys::fuzz
