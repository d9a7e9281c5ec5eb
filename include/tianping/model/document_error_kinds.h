// The kinds of judgment-document error (domain.md §7): planted by the generator, found by `tianping doc
// check`, compared through truth.json. The ids are persisted in truth.json: never rename or reorder.
// Descriptions: docs/generator.md ("Document errors") and docs/doc-check.md.
#pragma once

#include <string_view>

namespace tianping {

struct DocumentErrorKind {
  std::string_view id;     // stable snake_case identifier
  std::string_view label;  // Chinese label
};

inline constexpr DocumentErrorKind kDocumentErrorKinds[] = {
    {"party_name_inconsistent", "当事人名称前后不一致"},
    {"party_role_inconsistent", "当事人诉讼地位前后不一致"},
    {"wrong_character", "错别字"},
    {"missing_character", "漏字"},
    {"extra_character", "多字"},
    {"homophone", "同音或形近字误用"},
    {"punctuation", "标点符号错误"},
    {"missing_section", "文书结构缺失"},
    {"costs_omitted", "遗漏诉讼费用负担"},
    {"wo_yuan", "自称“我院”"},
    {"amount_words_mismatch", "金额大小写不一致"},
    {"interest_arithmetic", "本息计算错误"},
    {"date_order", "日期先后矛盾"},
    {"mixed_zero", "〇与○混用"},
    {"address_province_mismatch", "地址省市不符"},
    {"repealed_law", "引用已废止法律"},
    {"civil_procedure_article_outdated", "民事诉讼法条文序号过时"},
    {"panel_procedure_mismatch", "审判组织与程序不符"},
    {"case_number_malformed", "案号格式错误"},
    {"case_number_wrong_year", "案号年度错误"},
    {"pii_unmasked", "个人信息未脱敏"},
};

}  // namespace tianping
