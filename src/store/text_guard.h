#pragma once
// The store's own check of text fields, so every caller (the CLI, the desktop app, the
// imports) gets the same limits (core/text/field_limits.h) even when it checked nothing.
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "export_check.h"
#include "respondent_tags.h"
#include "sqlite_handle.h"
#include "text_check.h"

namespace ys::store {

// Throws StoreError(Invalid) with the first field text_problem() refuses.
inline void check_text(std::initializer_list<std::pair<TextField, const std::string*>> fields) {
    for (const auto& [field, text] : fields)
        if (text)
            if (std::string p = text_problem(field, *text); !p.empty()) throw StoreError(StoreError::Kind::Invalid, p);
}

// Every respondent's key, name, email, tags and evidence notes, before an import writes them.
inline void check_respondents_text(const std::string& round, const std::vector<Respondent>& respondents,
                                   const Questionnaire& q) {
    if (std::string p = respondents_text_problem(round, respondents, &q, false); !p.empty())
        throw StoreError(StoreError::Kind::Invalid, p);
    for (const Respondent& r : respondents)
        if (std::string p = respondent_tags_problem(q, r); !p.empty())
            throw StoreError(StoreError::Kind::Invalid, "round \"" + round + "\", respondent \"" + r.id + "\": " + p);
}

}  // namespace ys::store
