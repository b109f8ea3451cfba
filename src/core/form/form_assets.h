#pragma once
// The offline form's page, style sheet and script (src/core/form/assets), built into the
// program by embed_assets.cmake.
#include <string_view>

namespace ys::form {

std::string_view form_html();
std::string_view form_css();
std::string_view form_rules_js();  // scores and conditions, as the C++ core
std::string_view form_js();        // the page's behaviour; comes after form_rules_js in one script

}  // namespace ys::form
