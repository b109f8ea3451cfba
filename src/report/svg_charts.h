#pragma once
// Charts of a report Document drawn as inline SVG for the HTML renderer, and each chart's
// data as a Table: the text alternative for readers who cannot see the picture.
//
// Every SVG has role="img", a <title> and a <desc> (the chart's alt sentence) that
// aria-labelledby points at, a viewBox and width 100% so it scales. Series differ in
// colour and also in dash pattern and marker shape (lines) or hatching (bars), so a chart
// reads in greyscale. Coordinates are written with std::to_chars: never locale-dependent.
#include <string>

#include "document.h"

namespace ys::report {

// `id` must be unique in the page and not collide with heading anchors ([a-z0-9-]); the
// renderer uses "fig_1", "fig_2", ... The SVG's own ids are `id`, `id`_title, `id`_desc
// and `id`_p<N> (bar hatching patterns).
std::string chart_svg(const RadarChart& chart, const Theme& theme, const std::string& id);
std::string chart_svg(const BarChart& chart, const Theme& theme, const std::string& id);
std::string chart_svg(const LineChart& chart, const Theme& theme, const std::string& id);
std::string chart_svg(const RangeChart& chart, const Theme& theme, const std::string& id);

// The chart's data, one row per axis/category/range row and one column per series; the
// caption is the chart's title, the first column holds row headers, numbers align right.
// Missing values read "No data".
Table chart_data_table(const RadarChart& chart);
Table chart_data_table(const BarChart& chart);  // stacked charts get a Total column
Table chart_data_table(const LineChart& chart);
Table chart_data_table(const RangeChart& chart);

// A number with thousands separators and a prefix, locale-independent:
// format_value(12000, 0, "£") == "£12,000", format_value(-1500.5, 1, "£") == "-£1,500.5".
std::string format_value(double value, int decimals, const std::string& prefix = "");

// Escapes & < > " ' for HTML text and attribute values; invalid UTF-8 becomes U+FFFD and
// control characters other than tab and newline are dropped.
std::string html_escape(const std::string& text);

}  // namespace ys::report
