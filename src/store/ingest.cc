#include "tianping/store/ingest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <future>
#include <thread>

#include "store/batch.h"
#include "store/case_fingerprint.h"
#include "store/csv_input.h"
#include "store/store_writer.h"
#include "store/validate.h"
#include "store/worker_pool.h"
#include "tianping/common/progress.h"
#include "tianping/model/case_json.h"
#include "tianping/store/store.h"

namespace tianping {
namespace {

using store::Batch;
using store::SourcePos;

constexpr size_t kChunkBytes = 4u << 20;

struct Item {
  enum Kind { kCase, kDocument, kBad } kind = kBad;
  int64_t line = 0;
  uint32_t block = 0;              // kCase: index into ParsedChunk::blocks
  uint32_t local_row = 0;          // kCase: row in that block
  Document d;
  std::string partition;
  std::string field, reason;       // kBad
  std::string_view raw;            // the input line; points into the chunk, which outlives the item
};

struct Chunk {
  std::string text;              // whole lines
  int64_t first_line = 1;
  std::vector<int64_t> lines;    // when not empty: the line number of each line of text (CSV records)
  std::vector<std::pair<int64_t, std::string>> bad;  // CSV records malformed before JSON: line, reason
};

// "field parties[1].birth_date: expected YYYY-MM-DD" → ("parties[1].birth_date", "expected YYYY-MM-DD").
void SplitParseError(const std::string& msg, std::string* field, std::string* reason) {
  if (msg.rfind("field ", 0) == 0) {
    size_t colon = msg.find(": ", 6);
    if (colon != std::string::npos) {
      *field = msg.substr(6, colon - 6);
      *reason = msg.substr(colon + 2);
      return;
    }
  }
  *field = "";
  *reason = msg;
}

bool LooksLikeDocument(std::string_view line) {
  // memmem, not string_view::find: the latter stops at every '"' of the line.
  static constexpr std::string_view kKey = "\"doc_id\"";
  const void* hit = ::memmem(line.data(), line.size(), kKey.data(), kKey.size());
  if (!hit) return false;
  size_t at = static_cast<size_t>(static_cast<const char*>(hit) - line.data()) + kKey.size();
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  return at < line.size() && line[at] == ':';
}

// A chunk's rows, with its valid cases already in per-partition column builders (built on the parser
// thread; the batch keeps them as they are, so the thread that applies chunks only registers ids).
struct ParsedChunk {
  std::vector<Item> items;
  std::vector<std::pair<std::string, std::unique_ptr<store::CaseSegmentBuilder>>> blocks;  // partition, rows
};

ParsedChunk ParseChunk(const Chunk& chunk, const ReferenceData* ref) {
  ParsedChunk out;
  std::vector<Item>& items = out.items;
  auto block_for = [&](const std::string& partition) -> uint32_t {
    for (uint32_t i = 0; i < out.blocks.size(); ++i) {
      if (out.blocks[i].first == partition) return i;
    }
    out.blocks.emplace_back(partition, std::make_unique<store::CaseSegmentBuilder>());
    return static_cast<uint32_t>(out.blocks.size() - 1);
  };
  Case c;  // reused for every line: its string buffers are kept (ParseCaseJson(line, Case*))
  std::string_view text(chunk.text);
  int64_t line_no = chunk.first_line;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    int64_t this_line = chunk.lines.empty() ? line_no : chunk.lines[static_cast<size_t>(line_no - chunk.first_line)];
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    Item item;
    item.line = this_line;
    auto bad = [&](std::string field, std::string reason) {
      item.kind = Item::kBad;
      item.field = std::move(field);
      item.reason = std::move(reason);
      item.raw = line;
    };
    if (LooksLikeDocument(line)) {
      auto d = ParseDocumentJson(line);
      if (!d.ok()) {
        std::string f, r;
        SplitParseError(d.status().message(), &f, &r);
        bad(f, r);
      } else if (auto issue = store::ValidateDocument(*d)) {
        bad(issue->field, issue->reason);
      } else {
        item.kind = Item::kDocument;
        item.d = std::move(*d);
        item.raw = line;
      }
    } else {
      Status parsed = ParseCaseJson(line, &c);
      if (!parsed.ok()) {
        std::string f, r;
        SplitParseError(parsed.message(), &f, &r);
        bad(f, r);
      } else if (auto issue = store::ValidateCase(c, ref, &item.partition)) {
        bad(issue->field, issue->reason);
      } else {
        item.kind = Item::kCase;
        item.block = block_for(item.partition);
        item.local_row = out.blocks[item.block].second->Add(c, store::CaseFingerprint(c));
        item.raw = line;  // kept for a possible conflict quarantine
      }
    }
    items.push_back(std::move(item));
  }
  for (const auto& [line, reason] : chunk.bad) {
    Item item;
    item.line = line;
    item.reason = reason;
    items.push_back(std::move(item));
  }
  return out;
}

// Reads line-aligned chunks from a file descriptor.
class ChunkReader {
 public:
  ChunkReader(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  // False at end of input; *status set on a read error.
  bool Next(Chunk* chunk, Status* status, uint64_t* bytes) {
    size_t target = kChunkBytes;
    size_t cut = 0;
    while (true) {
      while (!eof_ && carry_.size() < target) {
        size_t old = carry_.size();
        carry_.resize(old + kChunkBytes);
        ssize_t n = ::read(fd_, carry_.data() + old, kChunkBytes);
        if (n < 0) {
          carry_.resize(old);
          if (errno == EINTR) continue;
          *status = Status::IoError("cannot read " + name_ + ": " + std::strerror(errno));
          return false;
        }
        carry_.resize(old + static_cast<size_t>(n));
        if (n == 0) eof_ = true;
      }
      if (eof_) {
        cut = carry_.size();
        break;
      }
      size_t nl = carry_.rfind('\n');
      if (nl != std::string::npos) {
        cut = nl + 1;
        break;
      }
      target += kChunkBytes;  // a line longer than a chunk: read on
    }
    if (cut == 0) return false;
    chunk->text.assign(carry_, 0, cut);
    carry_.erase(0, cut);
    chunk->first_line = next_line_;
    for (const char* p = chunk->text.data(), *end = p + chunk->text.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) != nullptr; ++p) {
      ++next_line_;
    }
    *bytes = cut;
    return true;
  }

 private:
  int fd_;
  std::string name_;
  std::string carry_;
  bool eof_ = false;
  int64_t next_line_ = 1;
};

// Chunks of CSV records converted to JSON lines; the whole file is read first.
class CsvChunker {
 public:
  static Result<std::unique_ptr<CsvChunker>> Open(int fd, const std::string& name) {
    std::string text;
    char buf[1 << 16];
    while (true) {
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Status::IoError("cannot read " + name + ": " + std::strerror(errno));
      if (n == 0) break;
      text.append(buf, static_cast<size_t>(n));
    }
    auto records = store::CsvToJsonRecords(text, name);
    if (!records.ok()) return records.status();
    auto c = std::make_unique<CsvChunker>();
    c->records_ = std::move(*records);
    c->bytes_ = text.size();
    return c;
  }
  bool Next(Chunk* chunk, Status*, uint64_t* bytes) {
    constexpr size_t kRecords = 4096;
    if (next_ >= records_.size()) return false;
    size_t end = std::min(records_.size(), next_ + kRecords);
    chunk->first_line = 1;
    for (size_t i = next_; i < end; ++i) {
      const store::CsvRecord& r = records_[i];
      if (!r.error.empty()) {
        chunk->bad.emplace_back(r.line, r.error);
        continue;
      }
      chunk->text += r.json;
      chunk->text.push_back('\n');
      chunk->lines.push_back(r.line);
    }
    *bytes = bytes_ * (end - next_) / records_.size();
    next_ = end;
    return true;
  }

 private:
  std::vector<store::CsvRecord> records_;
  size_t next_ = 0;
  uint64_t bytes_ = 0;
};

bool IsCsv(const std::string& name, const std::string& format) {
  if (format == "csv") return true;
  if (format == "jsonl") return false;
  return name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0;
}

}  // namespace

Result<IngestReport> IngestFiles(const std::string& dir, const std::vector<std::string>& files,
                                 const IngestOptions& options) {
  if (files.empty() && options.remove_case_ids.empty() && options.remove_document_ids.empty() &&
      options.source_state.empty()) {
    return Status::InvalidArgument("no input files (nor removals or source state)");
  }
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  uint64_t total_bytes = 0;
  for (const auto& f : files) {
    struct stat st {};
    if (f != "-" && ::stat(f.c_str(), &st) != 0) return Status::NotFound("no such file " + f);
    if (f != "-") total_bytes += static_cast<uint64_t>(st.st_size);
  }
  auto writer = store::StoreWriter::Open(dir);
  if (!writer.ok()) return writer.status();
  auto base = (*writer)->current().id == 0 ? StoreSnapshot::Empty(dir) : nullptr;
  if (!base) {
    auto opened = StoreSnapshot::Open(dir, (*writer)->current().id);
    if (!opened.ok()) return opened.status();
    base = std::move(*opened);
  }
  Batch batch(writer->get(), base.get());
  batch.set_spill_cases(options.spill_cases);
  batch.set_spill_threads(threads);
  batch.RemoveCases(options.remove_case_ids);
  batch.RemoveDocuments(options.remove_document_ids);
  batch.SetSourceState(options.source_state);
  if (options.locate_row) batch.SetLocator(options.locate_row);
  store::WorkerPool pool(threads);
  IngestReport report;
  std::unique_ptr<Progress> progress;
  if (options.progress) progress = std::make_unique<Progress>("ingest", "KiB", total_bytes / 1024);

  for (const std::string& name : files) {
    uint32_t file_index = batch.AddFileName(name == "-" ? "<stdin>" : name);
    int fd = name == "-" ? STDIN_FILENO : ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::IoError("cannot open " + name + ": " + std::strerror(errno));
    ChunkReader reader(fd, name);
    std::unique_ptr<CsvChunker> csv;
    if (IsCsv(name, options.input_format)) {
      auto opened = CsvChunker::Open(fd, name);
      if (!opened.ok()) return opened.status();
      csv = std::move(*opened);
    }
    std::deque<std::pair<std::shared_ptr<Chunk>, std::future<ParsedChunk>>> inflight;
    Status read_status, spill_status;
    auto apply = [&](ParsedChunk parsed) {
      std::vector<std::pair<uint32_t, uint32_t>> placed;  // per block: partition, first row
      for (auto& [partition, block] : parsed.blocks) placed.push_back(batch.MergeBlock(partition, std::move(block)));
      parsed.blocks.clear();
      for (Item& it : parsed.items) {
        SourcePos pos{file_index, it.line};
        ++report.lines;
        switch (it.kind) {
          case Item::kCase:
            ++report.cases;
            batch.RegisterCase(placed[it.block].first, placed[it.block].second + it.local_row, pos, it.raw);
            break;
          case Item::kDocument:
            ++report.documents;
            batch.AddDocument(it.d, pos, it.raw);
            break;
          case Item::kBad:
            batch.Quarantine(pos, it.field, it.reason, it.raw);
            break;
        }
      }
      if (spill_status.ok()) spill_status = batch.MaybeSpill();
    };
    while (true) {
      auto chunk = std::make_shared<Chunk>();
      uint64_t bytes = 0;
      if (!(csv ? csv->Next(chunk.get(), &read_status, &bytes) : reader.Next(chunk.get(), &read_status, &bytes))) break;
      const ReferenceData* ref = options.ref;
      inflight.emplace_back(chunk, pool.Submit([chunk, ref] { return ParseChunk(*chunk, ref); }));
      if (progress) progress->Add(bytes / 1024);
      while (static_cast<int>(inflight.size()) > threads) {
        apply(inflight.front().second.get());
        inflight.pop_front();
      }
    }
    while (!inflight.empty()) {
      apply(inflight.front().second.get());
      inflight.pop_front();
    }
    if (fd != STDIN_FILENO) ::close(fd);
    TP_RETURN_IF_ERROR(read_status);
    TP_RETURN_IF_ERROR(spill_status);
  }
  if (progress) progress->Finish();
  std::string description = options.description;
  if (description.empty()) {
    description = "ingest";
    for (const auto& f : files) description += " " + f;
    if (!options.remove_case_ids.empty()) description += " remove " + std::to_string(options.remove_case_ids.size());
    if (!options.remove_document_ids.empty())
      description += " remove-documents " + std::to_string(options.remove_document_ids.size());
    if (!options.source_state.empty()) description += " source_state";
  }
  auto snap = batch.Commit(description, threads);
  if (!snap.ok()) return snap.status();
  report.snapshot = std::move(*snap);
  return report;
}

}  // namespace tianping
