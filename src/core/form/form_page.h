#pragma once
// The questionnaire as one self-contained HTML page that a colleague answers offline: the
// page, its style and script are inline, the questionnaire is embedded as JSON, and a
// Content-Security-Policy lets nothing else load or be sent anywhere. "Save my answers" in
// the page downloads a yardstick-answers/1 file with a "form" object naming the form and
// its round (questionnaires/README.md).
#include <string>

#include <nlohmann/json.hpp>

#include "answers.h"
#include "questionnaire.h"

namespace ys::form {

struct FormPage {
    const Questionnaire* questionnaire = nullptr;  // bound
    Organisation organisation;                     // id, name, type
    std::string period;
    std::string round;    // the round id the form is for
    std::string form_id;  // 32 lowercase hex characters (new_form_id)
    std::string note;     // optional words from the data lead
    std::string reply_to;  // optional: who the saved file goes back to
};

// 32 lowercase hex characters from the system's random source (std::random_device).
std::string new_form_id();
bool is_form_id(const std::string& s);

// What the page's script reads: the form, the round and the questionnaire with the ids,
// scores, bands and conditions it needs to show questions and leave out those not asked
// exactly as the C++ reader does (answers.cpp condition_holds).
nlohmann::json form_data(const FormPage& page);

// JSON text safe inside <script type="application/json">: every '<', '>' and '&' is written
// as a \u escape, so no text (such as "</script>") can end the element early.
std::string script_safe_json(const nlohmann::json& data);

// The whole page. Throws std::invalid_argument when the questionnaire is missing or not
// bound, or the form id is not 32 lowercase hex characters.
std::string render_form_page(const FormPage& page);

}  // namespace ys::form
