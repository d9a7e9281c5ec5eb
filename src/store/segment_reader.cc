#include "store/segment_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "store/coding.h"
#include "store/crc32c.h"

namespace tianping::store {

Result<std::unique_ptr<SegmentReader>> SegmentReader::Open(const std::string& path, uint64_t expected_size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::Corruption("store file " + path + " is missing or unreadable: " + std::strerror(errno));
  }
  std::unique_ptr<SegmentReader> r(new SegmentReader(path, fd));
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Status::IoError("cannot stat " + path);
  r->size_ = static_cast<uint64_t>(st.st_size);
  if (expected_size != 0 && r->size_ != expected_size) {
    return Status::Corruption("store file " + path + " has " + std::to_string(r->size_) +
                              " bytes, the manifest says " + std::to_string(expected_size));
  }
  if (r->size_ < sizeof kSegmentMagic + kTrailerSize) {
    return Status::Corruption("store file " + path + " is truncated");
  }
  std::string head, trailer;
  TP_RETURN_IF_ERROR(r->ReadAt(0, sizeof kSegmentMagic, &head));
  TP_RETURN_IF_ERROR(r->ReadAt(r->size_ - kTrailerSize, kTrailerSize, &trailer));
  Decoder d(trailer);
  uint64_t footer_offset = d.Fixed<uint64_t>();
  uint32_t footer_size = d.Fixed<uint32_t>();
  uint32_t footer_crc = d.Fixed<uint32_t>();
  uint32_t version = d.Fixed<uint32_t>();
  uint32_t magic = d.Fixed<uint32_t>();
  if (head != std::string_view(kSegmentMagic, sizeof kSegmentMagic) || magic != kTrailerMagic) {
    return Status::Corruption("store file " + path + " is not a Tianping segment (bad magic)");
  }
  if (version < kMinFormatVersion || version > kFormatVersion) {
    return Status::Corruption("store file " + path + " has format version " + std::to_string(version) +
                              ", this build reads versions " + std::to_string(kMinFormatVersion) + " to " +
                              std::to_string(kFormatVersion) + " (re-ingest the data with this build)");
  }
  r->version_ = version;
  if (footer_offset + footer_size + kTrailerSize != r->size_) {
    return Status::Corruption("store file " + path + ": footer position does not match the file size");
  }
  std::string footer;
  TP_RETURN_IF_ERROR(r->ReadAt(footer_offset, footer_size, &footer));
  if (Crc32c(footer) != footer_crc) {
    return Status::Corruption("store file " + path + ": footer checksum mismatch");
  }
  if (!DecodeFooter(footer, &r->tables_)) {
    return Status::Corruption("store file " + path + ": malformed footer");
  }
  for (auto& t : r->tables_) {
    for (auto& c : t.columns) {
      for (auto* list : {&c.blocks, &c.dict_blocks}) {
        for (auto& b : *list) {
          if (b.offset + b.stored_size > footer_offset) {
            return Status::Corruption("store file " + path + ": block of column " + c.name + " lies outside the data");
          }
          b.cache_slot = static_cast<uint32_t>(r->slots_.size());
          r->slots_.push_back(CacheSlot{b.offset, nullptr});
        }
      }
    }
  }
  return r;
}

SegmentReader::~SegmentReader() {
  if (fd_ >= 0) ::close(fd_);
}

const TableMeta* SegmentReader::table(const std::string& name) const {
  for (const auto& t : tables_) if (t.name == name) return &t;
  return nullptr;
}

Status SegmentReader::ReadAt(uint64_t offset, size_t n, std::string* out) const {
  out->resize(n);
  size_t done = 0;
  while (done < n) {
    ssize_t got = ::pread(fd_, out->data() + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0) {
      if (errno == EINTR) continue;
      return Status::IoError("cannot read " + path_ + ": " + std::strerror(errno));
    }
    if (got == 0) return Status::Corruption("store file " + path_ + " is truncated");
    done += static_cast<size_t>(got);
  }
  return Status::Ok();
}

Status SegmentReader::Corrupt(const ColumnMeta& col, const std::string& what) const {
  return Status::Corruption("store file " + path_ + ", column " + col.name + ": " + what);
}

Result<std::shared_ptr<const std::string>> SegmentReader::ReadBlock(const ColumnMeta& col,
                                                                    const BlockRef& ref) const {
  // A ref from this reader's footer names its cache slot; any other ref (none today) is read uncached.
  const bool cached = ref.cache_slot < slots_.size() && slots_[ref.cache_slot].offset == ref.offset;
  if (cached) {
    std::lock_guard lock(mu_);
    if (const auto& hit = slots_[ref.cache_slot].data) return hit;
  }
  std::string stored;
  TP_RETURN_IF_ERROR(ReadAt(ref.offset, ref.stored_size, &stored));
  if (Crc32c(stored) != ref.crc32c) {
    return Corrupt(col, "checksum mismatch in the block at offset " + std::to_string(ref.offset));
  }
  auto raw = std::make_shared<std::string>();
  if (ref.codec == Codec::kNone) {
    *raw = std::move(stored);
  } else {
    raw->resize(ref.raw_size);
    // One decompression context per thread: ZSTD_decompress would allocate and free one per block.
    thread_local std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
    size_t n = ZSTD_decompressDCtx(dctx.get(), raw->data(), raw->size(), stored.data(), stored.size());
    if (ZSTD_isError(n) || n != ref.raw_size) return Corrupt(col, "block does not decompress");
  }
  if (!cached) return std::shared_ptr<const std::string>(raw);
  std::lock_guard lock(mu_);
  CacheSlot& slot = slots_[ref.cache_slot];
  if (slot.data) return slot.data;  // another thread read it meanwhile
  while (cache_bytes_ + raw->size() > cache_capacity_ && !cache_order_.empty()) {
    CacheSlot& old = slots_[cache_order_.front()];
    cache_order_.pop_front();
    if (!old.data) continue;
    cache_bytes_ -= old.data->size();
    old.data.reset();
  }
  slot.data = raw;
  cache_bytes_ += raw->size();
  cache_order_.push_back(ref.cache_slot);
  return std::shared_ptr<const std::string>(raw);
}

void SegmentReader::SetCacheCapacity(size_t bytes) const {
  std::lock_guard lock(mu_);
  cache_capacity_ = bytes;
}

bool StringListEntry(std::string_view payload, size_t i, std::string_view* out) {
  if (payload.size() < 4) return false;
  uint32_t count;
  std::memcpy(&count, payload.data(), 4);
  size_t header = 4 + 4 * (static_cast<size_t>(count) + 1);
  if (i >= count || header > payload.size()) return false;
  uint32_t begin, end;
  std::memcpy(&begin, payload.data() + 4 + 4 * i, 4);
  std::memcpy(&end, payload.data() + 8 + 4 * i, 4);
  if (begin > end || header + end > payload.size()) return false;
  *out = payload.substr(header + begin, end - begin);
  return true;
}

Result<std::string> SegmentReader::GetString(const TableMeta& table, const ColumnMeta& col, uint64_t row) const {
  if (col.type == ColumnType::kBlob) {
    auto block = ReadBlock(col, col.blocks[row / table.rows_per_block]);
    if (!block.ok()) return block.status();
    std::string_view v;
    if (!StringListEntry(**block, row % table.rows_per_block, &v)) return Corrupt(col, "malformed blob block");
    return std::string(v);
  }
  auto code = Get<uint32_t>(table, col, row);
  if (!code.ok()) return code.status();
  if (*code >= col.dict_size) return Corrupt(col, "dictionary code out of range");
  auto dict = ReadBlock(col, col.dict_blocks[*code / kDictEntriesPerBlock]);
  if (!dict.ok()) return dict.status();
  std::string_view v;
  if (!StringListEntry(**dict, *code % kDictEntriesPerBlock, &v)) return Corrupt(col, "malformed dictionary block");
  return std::string(v);
}

Result<std::vector<uint32_t>> SegmentReader::LookupHash(const std::string& index, uint64_t hash) const {
  std::vector<uint32_t> rows;
  const TableMeta* t = table(index);
  if (!t || t->row_count == 0) return rows;
  const ColumnMeta* hc = t->Find("hash");
  const ColumnMeta* rc = t->Find("row");
  if (!hc || !rc) return Status::Corruption("store file " + path_ + ": index " + index + " lacks its columns");
  // First block whose first hash is >= hash; equal hashes may begin in the block before it.
  auto it = std::lower_bound(hc->blocks.begin(), hc->blocks.end(), hash,
                             [](const BlockRef& b, uint64_t h) { return b.first_value < h; });
  size_t b = static_cast<size_t>(it - hc->blocks.begin());
  if (b > 0) --b;
  for (; b < hc->blocks.size(); ++b) {
    if (hc->blocks[b].first_value > hash) break;
    auto hb = ReadBlock(*hc, hc->blocks[b]);
    if (!hb.ok()) return hb.status();
    const auto* hv = reinterpret_cast<const uint64_t*>((*hb)->data());
    size_t n = (*hb)->size() / 8;
    const uint64_t* lo = std::lower_bound(hv, hv + n, hash);
    if (lo == hv + n) continue;
    if (*lo != hash) break;  // hashes ascend across blocks: no later row has it (the row block is not read)
    auto rb = ReadBlock(*rc, rc->blocks[b]);
    if (!rb.ok()) return rb.status();
    if ((*rb)->size() / 4 != n) return Corrupt(*rc, "index row block length differs from its hash block");
    const char* rv = (*rb)->data();
    for (const uint64_t* p = lo; p < hv + n && *p == hash; ++p) {
      uint32_t row;
      std::memcpy(&row, rv + 4 * (p - hv), 4);
      rows.push_back(row);
    }
    if (hv[n - 1] > hash) break;
  }
  return rows;
}

Status SegmentReader::VerifyFileChecksum(uint32_t expected) const {
  uint32_t crc = 0;
  std::string buf;
  for (uint64_t off = 0; off < size_; off += (1u << 20)) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(1u << 20, size_ - off));
    TP_RETURN_IF_ERROR(ReadAt(off, n, &buf));
    crc = Crc32cExtend(crc, buf.data(), n);
  }
  if (crc != expected) return Status::Corruption("store file " + path_ + ": file checksum mismatch");
  return Status::Ok();
}

}  // namespace tianping::store
