// Standard court documents (制式文书) from templates: a small placeholder language filled from a case
// record. Language and fields: docs/templates.md. Templates live in data/templates/<name>.tpl.
// A value the record does not have is never invented: rendering fails and names every missing field.
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/date.h"
#include "tianping/common/status.h"
#include "tianping/model/case.h"

namespace tianping::text {

using TemplateRecord = std::map<std::string, std::string>;

// Values for a template: scalar fields and named lists of records ({{#parties}}…{{/parties}}).
struct TemplateData {
  TemplateRecord fields;
  std::map<std::string, std::vector<TemplateRecord>> lists;
};

// Renders `tmpl`:
//   {{name}}            the field's value (inside a list section the item's field first, then the top level)
//   {{#list}}…{{/list}} the body once per item of the list; a missing or empty list is a missing field
//   {{?name}}…{{/name}} the body only when the field (or list) has a value; never an error
//   {{!comment}}        nothing
// On success returns the text. When fields are missing returns Status::NotFound listing every missing
// field once ("hearing_time, hearing_place"); `missing` (optional) receives them in order of first use.
// Malformed templates (unclosed or mismatched sections) give Status::ParseError with the byte offset.
Result<std::string> RenderTemplate(std::string_view tmpl, const TemplateData& data,
                                   std::vector<std::string>* missing = nullptr);

// The fields a case record provides (docs/templates.md "Fields"); fields the record lacks are absent.
// `issue_date` is the date the document is issued. `extra` (key=value from the caller, e.g. the hearing
// schedule) is added last and wins.
TemplateData CaseTemplateData(const Case& c, Date issue_date, const TemplateRecord& extra = {});

// 二〇二三年五月十日 (zero as 〇) and 五百一十七 (Chinese article numbers).
std::string ChineseDateText(Date d);
std::string ChineseNumberText(int n);

}  // namespace tianping::text
