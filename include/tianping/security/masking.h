// Masking functions (脱敏): pure string transforms used by AccessGuard. Hand-checked examples in
// test/golden/security/masking.test; rules in docs/security.md. Thread-safety: reentrant.
#pragma once

#include <string>
#include <string_view>

namespace tianping::security {

// 18-character 公民身份号码 → first 6 + 8 '*' + last 4 (110105********1234); 15-digit numbers keep
// 6 + 5 '*' + 4; anything else of length >= 4 keeps its last 2 characters; shorter → "****".
std::string MaskIdNumber(std::string_view id);
// Mobile (11 digits) → 138****5678. Landlines "010-12345678" keep the area code and the last 2 digits
// (010-******78). Other digit strings keep the last 2 digits. Non-digits other than '-' are dropped.
std::string MaskPhone(std::string_view phone);
// A natural person's name → surname + 某 (张三 → 张某, 欧阳娜娜 → 欧阳某); compound surnames from a fixed
// list. `index` > 0 appends it to tell same-surname parties apart (张某1, 张某2). Empty stays empty.
std::string AnonymiseName(std::string_view name, int index = 0);
// The surname as used by AnonymiseName.
std::string Surname(std::string_view name);
// An address kept down to the county-level division and the rest replaced by "××":
// 北京市朝阳区建国路88号 → 北京市朝阳区××; 广西壮族自治区南宁市青秀区民族大道1号 → 广西壮族自治区南宁市青秀区××;
// without a 区/县/旗 the address is kept through its first 市 (东莞市南城街道 → 东莞市××); else "××".
std::string MaskAddress(std::string_view address);
// Bank card / account numbers and other long codes: first 4 + '*' + last 4 (6222***********0123);
// 8 characters or fewer → all '*'.
std::string MaskAccount(std::string_view account);
// Scrubs patterns of personal identifiers from free text: 18-digit ID numbers (with X), 11-digit
// mobile numbers and 16–19 digit account numbers, each masked as above. Digits that are part of a
// longer digit run are left to the longest match (a 19-digit card is not read as a phone number).
// With `remove`, each match becomes "××" instead, and so do ID numbers already masked in the published
// form (210782********9778).
std::string ScrubIdentifiers(std::string_view text, bool remove = false);
// An audit record's detail as the audit view shows it (docs/security.md "Audit view"): identifiers
// scrubbed as ScrubIdentifiers does, and the value of every `name=`, `party=` or `grep=` key that reads as a natural person's
// name (2–4 characters, or a name with '·', and no organisation word such as 公司, 银行, 委员会) replaced
// by AnonymiseName: "party name=张三" → "party name=张某". Organisation names stay. Errs on the side of
// privacy: a 4-character search phrase without an organisation word
// (grep=借款合同) is shown as 借某 too.
std::string MaskAuditDetail(std::string_view detail);

}  // namespace tianping::security
