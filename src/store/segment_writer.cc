#include "store/segment_writer.h"

#include <fcntl.h>
#include <unistd.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "store/coding.h"
#include "store/crc32c.h"

namespace tianping::store {

Result<std::unique_ptr<SegmentWriter>> SegmentWriter::Create(const std::string& path, int zstd_level,
                                                             uint32_t format_version) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError("cannot create " + path + ": " + std::strerror(errno));
  std::unique_ptr<SegmentWriter> w(new SegmentWriter(path, fd, zstd_level, format_version));
  TP_RETURN_IF_ERROR(w->Append(std::string_view(kSegmentMagic, sizeof kSegmentMagic)));
  return w;
}

SegmentWriter::~SegmentWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!finished_) ::unlink(path_.c_str());
}

Status SegmentWriter::Append(std::string_view bytes) {
  crc_ = Crc32cExtend(crc_, bytes.data(), bytes.size());
  offset_ += bytes.size();
  buffer_.append(bytes);
  if (buffer_.size() >= (4u << 20)) return Flush();
  return Status::Ok();
}

Status SegmentWriter::Flush() {
  size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError("cannot write " + path_ + ": " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  buffer_.clear();
  return Status::Ok();
}

Result<BlockRef> SegmentWriter::WriteBlock(const std::string& raw, bool first_value_fence) {
  BlockRef ref;
  ref.offset = offset_;
  ref.raw_size = static_cast<uint32_t>(raw.size());
  if (first_value_fence && raw.size() >= 8) std::memcpy(&ref.first_value, raw.data(), 8);
  if (level_ == kNoCompression) {
    ref.codec = Codec::kNone;
    ref.stored_size = static_cast<uint32_t>(raw.size());
    ref.crc32c = Crc32c(raw);
    TP_RETURN_IF_ERROR(Append(raw));
    return ref;
  }
  scratch_.resize(ZSTD_compressBound(raw.size()));
  // One compression context per thread: ZSTD_compress would allocate and free one per block.
  thread_local std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> cctx(ZSTD_createCCtx(), ZSTD_freeCCtx);
  size_t n = ZSTD_compressCCtx(cctx.get(), scratch_.data(), scratch_.size(), raw.data(), raw.size(), level_);
  if (ZSTD_isError(n)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(n));
  std::string_view stored;
  if (n < raw.size()) {
    ref.codec = Codec::kZstd;
    stored = std::string_view(scratch_.data(), n);
  } else {
    ref.codec = Codec::kNone;
    stored = raw;
  }
  ref.stored_size = static_cast<uint32_t>(stored.size());
  ref.crc32c = Crc32c(stored);
  TP_RETURN_IF_ERROR(Append(stored));
  return ref;
}

Status SegmentWriter::AddTable(const std::string& name, uint32_t rows_per_block,
                               const std::vector<const ColumnBuilder*>& columns) {
  TableMeta table;
  table.name = name;
  table.rows_per_block = rows_per_block;
  table.row_count = columns.empty() ? 0 : columns[0]->size();
  for (const ColumnBuilder* col : columns) {
    if (col->size() != table.row_count) {
      return Status::Internal("column " + col->name() + " of table " + name + " has a different length");
    }
    ColumnMeta meta;
    meta.name = col->name();
    meta.type = col->type();
    for (uint64_t begin = 0; begin < table.row_count; begin += rows_per_block) {
      uint64_t end = std::min<uint64_t>(table.row_count, begin + rows_per_block);
      auto ref = WriteBlock(col->EncodeRows(begin, end), col->type() == ColumnType::kU64);
      if (!ref.ok()) return ref.status();
      meta.blocks.push_back(*ref);
    }
    if (col->type() == ColumnType::kDict) {
      meta.dict_size = col->dict_size();
      for (uint64_t begin = 0; begin < meta.dict_size; begin += kDictEntriesPerBlock) {
        uint64_t end = std::min<uint64_t>(meta.dict_size, begin + kDictEntriesPerBlock);
        auto ref = WriteBlock(col->EncodeDict(begin, end), false);
        if (!ref.ok()) return ref.status();
        meta.dict_blocks.push_back(*ref);
      }
    }
    table.columns.push_back(std::move(meta));
  }
  tables_.push_back(std::move(table));
  return Status::Ok();
}

Result<FileInfo> SegmentWriter::Finish(bool sync) {
  std::string footer = EncodeFooter(tables_);
  std::string trailer;
  PutFixed<uint64_t>(&trailer, offset_);
  PutFixed<uint32_t>(&trailer, static_cast<uint32_t>(footer.size()));
  PutFixed<uint32_t>(&trailer, Crc32c(footer));
  PutFixed<uint32_t>(&trailer, version_);
  PutFixed<uint32_t>(&trailer, kTrailerMagic);
  TP_RETURN_IF_ERROR(Append(footer));
  TP_RETURN_IF_ERROR(Append(trailer));
  TP_RETURN_IF_ERROR(Flush());
  if (sync && ::fsync(fd_) != 0) return Status::IoError("cannot fsync " + path_ + ": " + std::strerror(errno));
  ::close(fd_);
  fd_ = -1;
  finished_ = true;
  return FileInfo{offset_, crc_};
}

}  // namespace tianping::store
