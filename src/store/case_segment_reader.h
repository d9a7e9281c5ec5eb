// Reads the case segment of a partition (cases, parties, agents, hash indexes) and the document segment.
// Layout: docs/store-format.md "Case segments". Thread-safety: const methods are thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/segment_reader.h"
#include "tianping/model/case.h"
#include "tianping/store/case_fields.h"

namespace tianping::store {

class CaseSegmentReader {
 public:
  static Result<std::unique_ptr<CaseSegmentReader>> Open(const std::string& path, uint64_t expected_size = 0);

  uint64_t case_count() const { return cases_->row_count; }
  uint64_t party_count() const { return parties_->row_count; }
  const SegmentReader& file() const { return *file_; }
  // Raw tables and columns (schema order of case_schema.h), for column-level copying.
  const TableMeta& cases_table() const { return *cases_; }
  const TableMeta& parties_table() const { return *parties_; }
  const TableMeta& agents_table() const { return *agents_; }
  const std::vector<const ColumnMeta*>& case_columns() const { return case_cols_; }
  const std::vector<const ColumnMeta*>& party_columns() const { return party_cols_; }
  const std::vector<const ColumnMeta*>& agent_columns() const { return agent_cols_; }

  Result<Case> ReadCase(uint32_t row) const { return ReadCaseFields(row, kAllCaseFields); }
  Result<Party> ReadParty(uint32_t party_row) const { return ReadPartyFields(party_row, kAllPartyFields); }
  // Only the parts `fields` (CaseFields bits); see StoreSnapshot::ReadCaseFields.
  Result<Case> ReadCaseFields(uint32_t row, uint32_t fields, uint32_t* first_party_row = nullptr) const;
  Result<Party> ReadPartyFields(uint32_t party_row, uint32_t fields) const;
  Result<uint32_t> PartyCaseRow(uint32_t party_row) const;
  Result<std::string> CaseId(uint32_t row) const;
  Result<uint64_t> Fingerprint(uint32_t row) const;

  // Calls fn(row, case_id, fingerprint) for every case in row order.
  Status ScanIds(const std::function<void(uint32_t, std::string_view, uint64_t)>& fn) const;

  // Case rows whose case_id / case_number / derived_from.case_id equals key.
  Result<std::vector<uint32_t>> FindByCaseId(std::string_view key) const;
  Result<std::vector<uint32_t>> FindByCaseNumber(std::string_view key) const;
  Result<std::vector<uint32_t>> FindDerivedFrom(std::string_view case_id) const;
  // Party rows whose name / id_number / credit_code equals key.
  Result<std::vector<uint32_t>> FindPartiesByName(std::string_view key) const;
  Result<std::vector<uint32_t>> FindPartiesByIdNumber(std::string_view key) const;
  Result<std::vector<uint32_t>> FindPartiesByCreditCode(std::string_view key) const;

 private:
  Result<std::vector<uint32_t>> Find(const char* index, const TableMeta* table, const ColumnMeta* col,
                                     std::string_view key) const;
  Result<std::string> Str(const TableMeta* t, const ColumnMeta* c, uint32_t row) const {
    return file_->GetString(*t, *c, row);
  }
  std::unique_ptr<SegmentReader> file_;
  const TableMeta *cases_ = nullptr, *parties_ = nullptr, *agents_ = nullptr;
  std::vector<const ColumnMeta*> case_cols_, party_cols_, agent_cols_;
};

class DocSegmentReader {
 public:
  static Result<std::unique_ptr<DocSegmentReader>> Open(const std::string& path, uint64_t expected_size = 0);
  uint64_t size() const { return docs_->row_count; }
  const SegmentReader& file() const { return *file_; }
  const TableMeta& table() const { return *docs_; }
  const std::vector<const ColumnMeta*>& columns() const { return cols_; }
  Result<Document> ReadDocument(uint32_t row) const;
  Status ScanIds(const std::function<void(uint32_t, std::string_view, uint64_t)>& fn) const;
  Result<std::vector<uint32_t>> FindByDocId(std::string_view key) const;
  Result<std::vector<uint32_t>> FindByCaseId(std::string_view key) const;

 private:
  std::unique_ptr<SegmentReader> file_;
  const TableMeta* docs_ = nullptr;
  std::vector<const ColumnMeta*> cols_;
};

// Shared by both readers: calls fn(row, key, fingerprint) over a string key column (dict or blob) and
// a u64 column.
Status ScanKeyAndFingerprint(const SegmentReader& file, const TableMeta& table, const ColumnMeta& key,
                             const ColumnMeta& fp,
                             const std::function<void(uint32_t, std::string_view, uint64_t)>& fn);

}  // namespace tianping::store
