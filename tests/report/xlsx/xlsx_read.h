#pragma once
// A small .xlsx reader for the tests: the zip's parts through `unzip -p`, and the cells,
// panes, filters, widths and number formats of a sheet by plain XML matching (the writer's
// XML is libxlsxwriter's, one element per cell, no namespaces prefixes).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace ys::test {

inline std::string zip_part(const std::string& file, const std::string& part) {
    std::string out;
    FILE* p = ::popen(("unzip -p '" + file + "' '" + part + "' 2>/dev/null").c_str(), "r");
    if (!p) return out;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
    return out;
}

// Every part of the zip, concatenated: for "this text appears nowhere".
inline std::string zip_everything(const std::string& file) {
    std::string out;
    FILE* p = ::popen(("unzip -p '" + file + "' 2>/dev/null").c_str(), "r");
    if (!p) return out;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
    return out;
}

inline std::string xml_unescape(std::string s) {
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}}) {
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
            s.replace(at, from.size(), to);
    }
    return s;
}

// Every match of `pattern` in `s`, each as its groups (0 = the whole match).
inline std::vector<std::vector<std::string>> all_matches(const std::string& s, const std::string& pattern) {
    const std::regex re(pattern);
    std::vector<std::vector<std::string>> out;
    for (std::sregex_iterator it(s.begin(), s.end(), re), end; it != end; ++it) {
        std::vector<std::string> groups;
        for (std::size_t i = 0; i < it->size(); ++i) groups.push_back((*it)[i].str());
        out.push_back(groups);
    }
    return out;
}

struct XCell {
    std::string type;   // "s" for a shared string, "" for a number, "str" for a formula's text
    std::string value;  // the string itself, or the number as written
    int style = 0;
    bool formula = false;
    double number() const { return std::stod(value); }
};

struct XSheet {
    std::string name, xml;
    std::map<std::string, XCell> cells;  // "B2" -> cell
    const XCell& at(const std::string& ref) const {
        static const XCell none;
        auto it = cells.find(ref);
        return it == cells.end() ? none : it->second;
    }
    bool frozen_header() const { return xml.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>") != std::string::npos; }
    std::string autofilter() const {
        std::smatch m;
        return std::regex_search(xml, m, std::regex("<autoFilter ref=\"([A-Z0-9:]+)\"")) ? m[1].str() : "";
    }
    int columns_with_width() const {
        int n = 0;
        n = static_cast<int>(all_matches(xml, "<col [^>]*width=\"[0-9.]+\" customWidth=\"1\"").size());
        return n;
    }
    // Row r (1-based) as its cells' values, in column order (empty cells left out).
    std::vector<std::string> row(int r) const {
        std::vector<std::pair<std::string, std::string>> found;
        for (const auto& [ref, c] : cells) {
            std::size_t digits = ref.find_first_of("0123456789");
            if (std::stoi(ref.substr(digits)) == r) found.push_back({ref.substr(0, digits), c.value});
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return a.first.size() != b.first.size() ? a.first.size() < b.first.size() : a.first < b.first;
        });
        std::vector<std::string> out;
        for (const auto& f : found) out.push_back(f.second);
        return out;
    }
    // The ref of the header cell whose text is `header`, e.g. "D".
    std::string column(const std::string& header) const {
        for (const auto& [ref, c] : cells)
            if (c.value == header && ref.find_first_of("0123456789") == ref.size() - 1 && ref.back() == '1')
                return ref.substr(0, ref.size() - 1);
        return "";
    }
    int rows() const {
        int n = 0;
        for (const auto& [ref, c] : cells) n = std::max(n, std::stoi(ref.substr(ref.find_first_of("0123456789"))));
        return n;
    }
};

struct XBook {
    std::string file;
    std::vector<std::string> names;
    std::vector<std::string> strings;
    std::vector<std::string> style_formats;  // per cellXfs index: its number format code ("" = General)

    explicit XBook(const std::string& f) : file(f) {
        const std::string wb = zip_part(file, "xl/workbook.xml");
        for (const auto& m : all_matches(wb, "<sheet name=\"([^\"]*)\"")) names.push_back(xml_unescape(m[1]));
        const std::string ss = zip_part(file, "xl/sharedStrings.xml");
        for (const auto& m : all_matches(ss, "<si>([\\s\\S]*?)</si>"))
            strings.push_back(xml_unescape(std::regex_replace(m[1], std::regex("<[^>]+>"), "")));
        const std::string st = zip_part(file, "xl/styles.xml");
        std::map<int, std::string> codes;
        for (const auto& m : all_matches(st, "<numFmt numFmtId=\"([0-9]+)\" formatCode=\"([^\"]*)\""))
            codes[std::stoi(m[1])] = xml_unescape(m[2]);
        auto xfs_at = st.find("<cellXfs");
        const std::string xfs = st.substr(xfs_at, st.find("</cellXfs>") - xfs_at);
        for (const auto& m : all_matches(xfs, "<xf numFmtId=\"([0-9]+)\"")) {
            const int id = std::stoi(m[1]);
            style_formats.push_back(codes.count(id) ? codes[id] : id == 0 ? "" : "builtin " + std::to_string(id));
        }
    }

    XSheet sheet(const std::string& name) const {
        XSheet s;
        s.name = name;
        std::size_t i = 0;
        while (i < names.size() && names[i] != name) ++i;
        REQUIRE(i < names.size());
        s.xml = zip_part(file, "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml");
        for (const auto& mm : all_matches(s.xml, "<c r=\"([A-Z]+[0-9]+)\"((?: [a-z]+=\"[^\"]*\")*)(?:/>|>([\\s\\S]*?)</c>)")) {
            XCell c;
            const std::string attrs = mm[2], body = mm[3];
            std::smatch m;
            if (std::regex_search(attrs, m, std::regex(" t=\"([a-z]+)\""))) c.type = m[1];
            if (std::regex_search(attrs, m, std::regex(" s=\"([0-9]+)\""))) c.style = std::stoi(m[1]);
            c.formula = body.find("<f>") != std::string::npos;
            if (std::regex_search(body, m, std::regex("<v>([^<]*)</v>"))) c.value = xml_unescape(m[1]);
            if (c.type == "s" && !c.value.empty()) c.value = strings.at(static_cast<std::size_t>(std::stoi(c.value)));
            s.cells[mm[1]] = c;
        }
        return s;
    }

    std::string format_of(const XCell& c) const {
        return static_cast<std::size_t>(c.style) < style_formats.size() ? style_formats[static_cast<std::size_t>(c.style)] : "?";
    }
};

}  // namespace ys::test
