#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/case_fingerprint.h"
#include "store/case_segment_builder.h"
#include "store/case_segment_reader.h"
#include "store/file_util.h"
#include "store/test_cases.h"

namespace tianping::store {
namespace {

using testing::MakeCase;
using testing::MakeDocument;

std::string TempDir(const std::string& name) {
  std::string dir = ::testing::TempDir() + "tp_store_" + name + "_" + std::to_string(::getpid());
  (void)RemoveAll(dir);
  EXPECT_TRUE(MakeDirs(dir).ok());
  return dir;
}

TEST(CaseSegment, RoundTripAcrossBlocksWithDrops) {
  std::string dir = TempDir("roundtrip");
  constexpr int kN = 20000;  // spans many blocks
  CaseSegmentBuilder b;
  for (int i = 0; i < kN; ++i) {
    Case c = MakeCase(i);
    EXPECT_EQ(b.Add(c, CaseFingerprint(c)), static_cast<uint32_t>(i));
  }
  b.Drop(0);
  b.Drop(9000);
  std::string path = dir + "/a.seg";
  auto w = SegmentWriter::Create(path);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(b.WriteTo(w->get()).ok());
  auto info = (*w)->Finish();
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->size, std::filesystem::file_size(path));

  auto r = CaseSegmentReader::Open(path, info->size);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE((*r)->file().VerifyFileChecksum(info->crc32c).ok());
  ASSERT_EQ((*r)->case_count(), static_cast<uint64_t>(kN - 2));
  EXPECT_EQ((*r)->party_count(), static_cast<uint64_t>(2 * (kN - 2)));
  // Row 0 is now case 1; rows after 8998 are shifted by two.
  for (int i : {1, 2, 3, 4, 8999, 9001, 12345, kN - 1}) {
    uint32_t row = static_cast<uint32_t>(i < 9000 ? i - 1 : i - 2);
    auto c = (*r)->ReadCase(row);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    Case want = MakeCase(i);
    EXPECT_EQ(c->case_id, want.case_id);
    EXPECT_EQ(c->cause_path, want.cause_path);
    EXPECT_EQ(c->parties.size(), 2u);
    EXPECT_EQ(c->parties[0].agents.size(), 1u);
    EXPECT_EQ(c->parties[0].agents[0].license_number, want.parties[0].agents[0].license_number);
    EXPECT_EQ(c->closed_date.has_value(), want.closed_date.has_value());
    EXPECT_EQ(c->derived_from.has_value(), want.derived_from.has_value());
    EXPECT_EQ(c->execution.has_value(), want.execution.has_value());
    EXPECT_EQ(CaseFingerprint(*c), CaseFingerprint(want)) << "case " << i;
    auto fp = (*r)->Fingerprint(row);
    ASSERT_TRUE(fp.ok());
    EXPECT_EQ(*fp, CaseFingerprint(want));
  }
  auto rows = (*r)->FindByCaseId("C112345");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0], 12343u);
  EXPECT_TRUE((*r)->FindByCaseId("C100000")->empty());  // dropped
  EXPECT_TRUE((*r)->FindByCaseId("nope")->empty());
  auto by_number = (*r)->FindByCaseNumber("（2023）沪0115民初1007号");
  ASSERT_EQ(by_number->size(), 1u);
  EXPECT_EQ(*(*r)->CaseId((*by_number)[0]), "C100007");
  auto appeals = (*r)->FindDerivedFrom("C100005");
  ASSERT_EQ(appeals->size(), 1u);
  EXPECT_EQ(*(*r)->CaseId((*appeals)[0]), "C100006");
  // 张三 is the plaintiff of every fifth case, minus the dropped cases 0 and 9000.
  auto zhang = (*r)->FindPartiesByName("张三");
  ASSERT_TRUE(zhang.ok());
  EXPECT_EQ(zhang->size(), static_cast<size_t>(kN / 5 - 2));
  auto company = (*r)->FindPartiesByCreditCode(MakeCreditCode('9', '1', "110105", "MA01234T"));
  EXPECT_EQ(company->size(), static_cast<size_t>(kN - 2));
  auto case_row = (*r)->PartyCaseRow((*zhang)[0]);
  EXPECT_EQ(*(*r)->CaseId(*case_row), "C100005");

  size_t scanned = 0;
  ASSERT_TRUE((*r)->ScanIds([&](uint32_t row, std::string_view id, uint64_t) {
                     if (row == 0) {
                       EXPECT_EQ(id, "C100001");
                     }
                     ++scanned;
                   }).ok());
  EXPECT_EQ(scanned, static_cast<size_t>(kN - 2));
  (void)RemoveAll(dir);
}

// The block cache (one slot per footer block, FIFO eviction): with room for a few blocks only, every case
// still reads back intact, twice over (evicted blocks are read again), and a block ref that is not from
// this reader's footer is read uncached, not confused with a cached block at another offset.
TEST(CaseSegment, SmallBlockCacheEvictsAndRereads) {
  std::string dir = TempDir("cache");
  constexpr int kN = 3000;
  CaseSegmentBuilder b;
  for (int i = 0; i < kN; ++i) b.Add(MakeCase(i), CaseFingerprint(MakeCase(i)));
  std::string path = dir + "/a.seg";
  auto w = SegmentWriter::Create(path);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(b.WriteTo(w->get()).ok());
  auto info = (*w)->Finish();
  ASSERT_TRUE(info.ok());
  auto r = CaseSegmentReader::Open(path, info->size);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  (*r)->file().SetCacheCapacity(64 << 10);
  for (int pass = 0; pass < 2; ++pass) {
    for (int i = 0; i < kN; i += pass ? 7 : 1) {
      auto c = (*r)->ReadCase(static_cast<uint32_t>(i));
      ASSERT_TRUE(c.ok()) << c.status().ToString();
      EXPECT_EQ(CaseFingerprint(*c), CaseFingerprint(MakeCase(i))) << "pass " << pass << " case " << i;
    }
  }
  const ColumnMeta& ids = *(*r)->case_columns()[0];
  ASSERT_GE(ids.blocks.size(), 2u);
  BlockRef foreign = ids.blocks[1];
  foreign.cache_slot = ids.blocks[0].cache_slot;  // a slot whose block lies at another offset
  auto a = (*r)->file().ReadBlock(ids, foreign);
  auto want = (*r)->file().ReadBlock(ids, ids.blocks[1]);
  ASSERT_TRUE(a.ok() && want.ok());
  EXPECT_EQ(**a, **want);
  (void)RemoveAll(dir);
}

TEST(CaseSegment, FlippedByteIsReportedNotRead) {
  std::string dir = TempDir("corrupt");
  CaseSegmentBuilder b;
  for (int i = 0; i < 100; ++i) b.Add(MakeCase(i), CaseFingerprint(MakeCase(i)));
  std::string path = dir + "/a.seg";
  auto w = SegmentWriter::Create(path);
  ASSERT_TRUE(b.WriteTo(w->get()).ok());
  auto info = (*w)->Finish();
  ASSERT_TRUE(info.ok());
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(20);  // inside the first column block (case_id codes)
    char c;
    f.read(&c, 1);
    c ^= 0x40;
    f.seekp(20);
    f.write(&c, 1);
  }
  auto r = CaseSegmentReader::Open(path, info->size);
  ASSERT_TRUE(r.ok());  // the footer is intact
  auto c = (*r)->ReadCase(0);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kCorruption);
  EXPECT_NE(c.status().message().find(path), std::string::npos);
  EXPECT_NE(c.status().message().find("case_id"), std::string::npos);
  EXPECT_FALSE((*r)->file().VerifyFileChecksum(info->crc32c).ok());
  // A truncated file fails at open.
  std::filesystem::resize_file(path, info->size - 3);
  auto t = CaseSegmentReader::Open(path, info->size);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kCorruption);
  (void)RemoveAll(dir);
}

TEST(DocSegment, RoundTrip) {
  std::string dir = TempDir("docs");
  DocSegmentBuilder b;
  for (int i = 0; i < 100; ++i) b.Add(MakeDocument(i), DocumentFingerprint(MakeDocument(i)));
  b.Drop(3);
  std::string path = dir + "/a.doc";
  auto w = SegmentWriter::Create(path);
  ASSERT_TRUE(b.WriteTo(w->get()).ok());
  ASSERT_TRUE((*w)->Finish().ok());
  auto r = DocSegmentReader::Open(path);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->size(), 99u);
  auto rows = (*r)->FindByDocId("D77");
  ASSERT_EQ(rows->size(), 1u);
  auto d = (*r)->ReadDocument((*rows)[0]);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, MakeDocument(77).text);
  EXPECT_EQ(d->case_id, "C100077");
  EXPECT_TRUE((*r)->FindByDocId("D3")->empty());
  EXPECT_EQ((*r)->FindByCaseId("C100050")->size(), 1u);
  (void)RemoveAll(dir);
}

}  // namespace
}  // namespace tianping::store
