// Internal pieces of the judgment parser, one concern per file: title and 案号 (judgment_title.cc),
// party block (party_parser.cc), section markers (section_splitter.cc), signature (signature_parser.cc).
// Thread-safety: pure functions. Contracts of each heuristic: docs/judgment-parser.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tianping/text/judgment.h"

namespace tianping::text {

struct CaseNumberHit {
  Span span;
  std::string raw;
};

// 案号-shaped strings in text[from, to): an opening bracket （ ( 〔 [ 【, four digits, the closing bracket,
// then up to 40 characters ending in 号 (之一 … kept).
std::vector<CaseNumberHit> FindCaseNumbers(std::string_view text, size_t from, size_t to, size_t max_hits = 16);

// Title: court, document kind, 案号 with spans; returns the offset just past the 案号 (or the title).
size_t ParseTitle(std::string_view text, ParsedJudgment* j);

// Party block starting at `from`; returns the offset where the history (案件由来) starts.
size_t ParsePartyBlock(std::string_view text, size_t from, ParsedJudgment* j);

// When the block had no parties: 被告人 names and the 检察院 quoted in the history text[from, to).
void ParseNarrativeParties(std::string_view text, size_t from, size_t to, ParsedJudgment* j);

// Sections after the party block (history … appeal notice, signature) from markers; `history_begin` is
// what ParsePartyBlock returned.
void SplitSections(std::string_view text, size_t history_begin, ParsedJudgment* j);

// Panel, date and clerk from the signature section (date: last Chinese-numeral date when no signature).
void ParseSignature(std::string_view text, ParsedJudgment* j);

// Start of the sentence or line containing `pos` (after the last 。 ； \n before it, not before `floor`).
size_t SentenceStart(std::string_view text, size_t pos, size_t floor);
// Offset just past the sentence containing `pos` (after 。 or \n), at most `limit`.
size_t SentenceEnd(std::string_view text, size_t pos, size_t limit);

}  // namespace tianping::text
