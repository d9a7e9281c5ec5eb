// Store format versions: version 2 stores near-unique strings as blob columns; version-1 segments
// (every string column a dictionary, 4096-row blocks) still read, scan, look up and carry over into
// version-2 segments; unknown versions are refused with a clear error.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/case_fingerprint.h"
#include "store/case_schema.h"
#include "store/case_segment_builder.h"
#include "store/case_segment_reader.h"
#include "store/coding.h"
#include "store/file_util.h"
#include "store/test_cases.h"

namespace tianping::store {
namespace {

using testing::MakeCase;
using testing::MakeDocument;

constexpr int kN = 5000;  // more than one version-1 block (4096) and several version-2 blocks (512)

std::string TempDir(const std::string& name) {
  std::string dir = ::testing::TempDir() + "tp_segver_" + name + "_" + std::to_string(::getpid());
  (void)RemoveAll(dir);
  EXPECT_TRUE(MakeDirs(dir).ok());
  return dir;
}

// Writes cases 0..kN-1 in the layout of `version`.
std::string WriteCases(const std::string& dir, uint32_t version) {
  CaseSegmentBuilder b(version);
  for (int i = 0; i < kN; ++i) b.Add(MakeCase(i), CaseFingerprint(MakeCase(i)));
  std::string path = dir + "/v" + std::to_string(version) + ".cases";
  auto w = SegmentWriter::Create(path, 1, version);
  EXPECT_TRUE(w.ok());
  EXPECT_TRUE(b.WriteTo(w->get()).ok());
  EXPECT_TRUE((*w)->Finish().ok());
  return path;
}

void ExpectSameCases(const CaseSegmentReader& r) {
  ASSERT_EQ(r.case_count(), static_cast<uint64_t>(kN));
  for (int i : {0, 1, 511, 512, 1023, 1024, 4095, 4096, kN - 1}) {
    auto c = r.ReadCase(static_cast<uint32_t>(i));
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_EQ(CaseFingerprint(*c), CaseFingerprint(MakeCase(i))) << "case " << i;
  }
  auto rows = r.FindByCaseId(MakeCase(4200).case_id);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0], 4200u);
  auto by_number = r.FindByCaseNumber(MakeCase(17).case_number);
  ASSERT_EQ(by_number->size(), 1u);
  EXPECT_EQ((*by_number)[0], 17u);
  EXPECT_EQ(r.FindPartiesByName("张三")->size(), static_cast<size_t>(kN / 5));
  size_t scanned = 0;
  ASSERT_TRUE(r.ScanIds([&](uint32_t row, std::string_view id, uint64_t fp) {
                 EXPECT_EQ(id, MakeCase(static_cast<int>(row)).case_id);
                 EXPECT_EQ(fp, CaseFingerprint(MakeCase(static_cast<int>(row))));
                 ++scanned;
               }).ok());
  EXPECT_EQ(scanned, static_cast<size_t>(kN));
}

TEST(SegmentVersion, NearUniqueStringsAreBlobsInVersion2) {
  std::string dir = TempDir("v2");
  auto r = CaseSegmentReader::Open(WriteCases(dir, kFormatVersion));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->file().format_version(), 2u);
  EXPECT_EQ((*r)->cases_table().rows_per_block, kCaseRowsPerBlock);
  EXPECT_EQ((*r)->case_columns()[kCaseId]->type, ColumnType::kBlob);
  EXPECT_EQ((*r)->case_columns()[kCaseNumber]->type, ColumnType::kBlob);
  EXPECT_EQ((*r)->case_columns()[kCourtCode]->type, ColumnType::kDict);
  EXPECT_EQ((*r)->party_columns()[kIdNumber]->type, ColumnType::kBlob);
  EXPECT_EQ((*r)->party_columns()[kRole]->type, ColumnType::kDict);
  EXPECT_TRUE((*r)->case_columns()[kCaseId]->dict_blocks.empty());
  ExpectSameCases(**r);
  (void)RemoveAll(dir);
}

TEST(SegmentVersion, Version1SegmentsReadAndCarryOverIntoVersion2) {
  std::string dir = TempDir("v1");
  auto v1 = CaseSegmentReader::Open(WriteCases(dir, 1));
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  EXPECT_EQ((*v1)->file().format_version(), 1u);
  EXPECT_EQ((*v1)->cases_table().rows_per_block, kCaseRowsPerBlockV1);
  EXPECT_EQ((*v1)->case_columns()[kCaseId]->type, ColumnType::kDict);
  ExpectSameCases(**v1);

  // An ingest on top of a version-1 store copies the kept rows column by column into a new segment.
  CaseSegmentBuilder b;
  std::vector<uint32_t> all(kN);
  for (uint32_t i = 0; i < kN; ++i) all[i] = i;
  ASSERT_TRUE(b.AppendStored(**v1, all).ok());
  std::string path = dir + "/carried.cases";
  auto w = SegmentWriter::Create(path);
  ASSERT_TRUE(b.WriteTo(w->get()).ok());
  ASSERT_TRUE((*w)->Finish().ok());
  auto v2 = CaseSegmentReader::Open(path);
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ((*v2)->file().format_version(), 2u);
  EXPECT_EQ((*v2)->case_columns()[kCaseId]->type, ColumnType::kBlob);
  ExpectSameCases(**v2);
  (void)RemoveAll(dir);
}

TEST(SegmentVersion, Version1DocumentsReadAndCarryOver) {
  std::string dir = TempDir("docs");
  DocSegmentBuilder b(1);
  for (int i = 0; i < 100; ++i) b.Add(MakeDocument(i), DocumentFingerprint(MakeDocument(i)));
  std::string path = dir + "/v1.docs";
  auto w = SegmentWriter::Create(path, 1, 1);
  ASSERT_TRUE(b.WriteTo(w->get()).ok());
  ASSERT_TRUE((*w)->Finish().ok());
  auto r = DocSegmentReader::Open(path);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->columns()[kDocId]->type, ColumnType::kDict);
  auto rows = (*r)->FindByDocId("D42");
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*r)->ReadDocument((*rows)[0])->text, MakeDocument(42).text);
  size_t scanned = 0;
  ASSERT_TRUE((*r)->ScanIds([&](uint32_t, std::string_view, uint64_t) { ++scanned; }).ok());
  EXPECT_EQ(scanned, 100u);

  // Carried into a version-2 document segment (dictionary columns become blob columns), minus row 7.
  DocSegmentBuilder v2;
  std::vector<uint32_t> keep;
  for (uint32_t i = 0; i < 100; ++i) {
    if (i != 7) keep.push_back(i);
  }
  ASSERT_TRUE(v2.AppendStored(**r, keep).ok());
  std::string path2 = dir + "/v2.docs";
  auto w2 = SegmentWriter::Create(path2);
  ASSERT_TRUE(v2.WriteTo(w2->get()).ok());
  ASSERT_TRUE((*w2)->Finish().ok());
  auto r2 = DocSegmentReader::Open(path2);
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  EXPECT_EQ((*r2)->columns()[kDocId]->type, ColumnType::kBlob);
  EXPECT_EQ((*r2)->size(), 99u);
  EXPECT_TRUE((*r2)->FindByDocId("D7")->empty());
  auto hit = (*r2)->FindByCaseId(MakeDocument(42).case_id);
  ASSERT_EQ(hit->size(), 1u);
  auto d = (*r2)->ReadDocument((*hit)[0]);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(DocumentFingerprint(*d), DocumentFingerprint(MakeDocument(42)));
  (void)RemoveAll(dir);
}

TEST(SegmentVersion, UnknownVersionIsRefusedNamingTheFile) {
  std::string dir = TempDir("v9");
  std::string path = WriteCases(dir, kFormatVersion);
  {
    // The version is the u32 before the trailer magic (docs/store-format.md "Segment files").
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(path) - 8));
    uint32_t v = 9;
    f.write(reinterpret_cast<const char*>(&v), 4);
  }
  auto r = CaseSegmentReader::Open(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find(path), std::string::npos);
  EXPECT_NE(r.status().message().find("format version 9"), std::string::npos);
  (void)RemoveAll(dir);
}

}  // namespace
}  // namespace tianping::store
