// Generate: phase A (BuildContext: serial plan), phase B (parallel skeleton → serial 案号 numbering),
// phase C (parallel rendering in chunk order, written in order). docs/generator.md ("Design").
#include "tianping/gen/generator.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "family.h"
#include "gen_context.h"
#include "id_registry.h"
#include "tianping/common/progress.h"
#include "truth_writer.h"

namespace tianping::gen {
namespace {

constexpr uint64_t kChunkFamilies = 2048;

template <typename Fn>
void ParallelFor(size_t n, int threads, Fn fn) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < std::min<int>(threads, static_cast<int>(n)); ++t)
    pool.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  for (auto& th : pool) th.join();
}

struct SkeletonChunk {
  std::vector<uint8_t> sizes;       // members per family
  std::vector<uint64_t> keys;       // (court, type, year) << 32 | filed day offset, per member
};

class Output {
 public:
  ~Output() { if (f_) std::fclose(f_); }
  Status Open(const std::string& path) {
    path_ = path;
    f_ = std::fopen(path.c_str(), "wb");
    if (!f_) return Status::IoError(path + ": cannot create");
    buf_.reset(new char[1 << 22]);
    std::setvbuf(f_, buf_.get(), _IOFBF, 1 << 22);
    return Status::Ok();
  }
  Status Write(const std::string& s) {
    if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) return Status::IoError(path_ + ": write failed");
    bytes_ += s.size();
    return Status::Ok();
  }
  Status Close() {
    int rc = std::fclose(f_);
    f_ = nullptr;
    return rc == 0 ? Status::Ok() : Status::IoError(path_ + ": close failed");
  }
  uint64_t bytes() const { return bytes_; }

 private:
  std::string path_;
  std::FILE* f_ = nullptr;
  std::unique_ptr<char[]> buf_;
  uint64_t bytes_ = 0;
};

}  // namespace

Result<GenStats> Generate(const GenOptions& options, const ReferenceData& ref) {
  auto t0 = std::chrono::steady_clock::now();
  if (options.cases == 0) return Status::InvalidArgument("--cases must be positive");
  if (options.out_dir.empty()) return Status::InvalidArgument("--out is required");
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return Status::IoError(options.out_dir + ": " + ec.message());
  auto built = BuildContext(options, ref);
  if (!built.ok()) return built.status();
  GenContext& ctx = *built;
  int threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());

  // Mean family size from a fixed sample of ordinary families (streams outside the real range).
  FamilyPlan fp;
  uint64_t sample = 0;
  for (uint64_t i = 0; i < 1000; ++i) {
    PlanFamily(ctx, (1ULL << 50) + i, &fp);
    sample += fp.members.size();
  }
  double mean = std::max(1.0, sample / 1000.0);
  PlaceScripts(&ctx, static_cast<uint64_t>(options.cases / mean) + 1);
  IdRegistry ids;  // planted people own their numbers first; then everyone in family order
  ids.ReservePlanned(&ctx);
  uint64_t scripts_end = ctx.scripts.empty() ? 0 : ctx.script_stride * ctx.scripts.size();

  // Phase B: skeletons, chunk by chunk, until there are enough cases.
  std::vector<SkeletonChunk> chunks;
  uint64_t total = 0;
  while (total < options.cases || chunks.size() * kChunkFamilies < scripts_end) {
    uint64_t need = options.cases > total ? options.cases - total : 0;
    size_t batch = std::max<size_t>(1, static_cast<size_t>(need / mean / kChunkFamilies * 1.02) + 1);
    size_t base = chunks.size();
    chunks.resize(base + batch);
    ParallelFor(batch, threads, [&](size_t k) {
      SkeletonChunk& sc = chunks[base + k];
      FamilyPlan plan;
      for (uint64_t f = (base + k) * kChunkFamilies, e = f + kChunkFamilies; f < e; ++f) {
        PlanFamily(ctx, f, &plan);
        sc.sizes.push_back(static_cast<uint8_t>(plan.members.size()));
        for (const auto& m : plan.members) {
          uint64_t key = (static_cast<uint64_t>(m.court) * 16 + static_cast<uint64_t>(m.type)) * 128 +
                         static_cast<uint64_t>(m.filed.year() - 1990);
          sc.keys.push_back(key << 32 | static_cast<uint32_t>(m.filed - ctx.start + 1000000));
        }
      }
    });
    for (size_t k = base; k < chunks.size(); ++k) total += chunks[k].keys.size();
  }
  // Truncate to exactly options.cases records and number every 案号 in filing order per court·type·year.
  const uint64_t n = options.cases;
  std::vector<uint32_t> seqs(n);
  {
    struct Entry { uint64_t key; uint64_t index; };
    std::vector<Entry> all;
    all.reserve(n);
    uint64_t g = 0;
    for (const auto& sc : chunks)
      for (uint64_t k : sc.keys) {
        if (g >= n) break;
        all.push_back({k, g++});
      }
    std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
      return a.key != b.key ? a.key < b.key : a.index < b.index;
    });
    uint64_t prev = ~0ULL;
    uint32_t seq = 0;
    for (const auto& e : all) {
      uint64_t group = e.key >> 32;
      seq = group == prev ? seq + 1 : 1;
      prev = group;
      seqs[e.index] = seq;
    }
  }

  // Phase C: render in chunk order.
  Output cases_out, docs_out;
  TP_RETURN_IF_ERROR(cases_out.Open(options.out_dir + "/cases.jsonl"));
  TP_RETURN_IF_ERROR(docs_out.Open(options.out_dir + "/documents.jsonl"));
  std::unique_ptr<Progress> progress;
  if (options.progress) progress = std::make_unique<Progress>("gen", "cases", n);
  std::vector<uint64_t> chunk_first(chunks.size() + 1, 0);
  for (size_t k = 0; k < chunks.size(); ++k) chunk_first[k + 1] = chunk_first[k] + chunks[k].keys.size();
  size_t used_chunks = 0;
  while (used_chunks < chunks.size() && chunk_first[used_chunks] < n) ++used_chunks;
  TruthAccumulator acc;
  GenStats stats;
  // Two sets of chunk outputs: workers fill one while a writer thread drains the other, in order.
  const size_t batch = static_cast<size_t>(threads) * 4;
  std::vector<ChunkOutput> outs[2] = {std::vector<ChunkOutput>(batch), std::vector<ChunkOutput>(batch)};
  std::thread writer;
  Status write_status;
  int set = 0;
  for (size_t b = 0; b < used_chunks; b += batch, set ^= 1) {
    size_t m = std::min(batch, used_chunks - b);
    std::vector<ChunkOutput>& cur = outs[set];
    auto render_chunk = [&](size_t ci, ChunkOutput& out) {
      out.Clear();
      FamilyPlan plan;
      uint64_t g = chunk_first[ci];
      for (size_t j = 0; j < chunks[ci].sizes.size() && g < n; ++j) {
        uint64_t family = ci * kChunkFamilies + j;
        PlanFamily(ctx, family, &plan);
        size_t keep = std::min<uint64_t>(plan.members.size(), n - g);
        RenderFamily(ctx, family, plan, keep, g, &seqs[g], &ids, &out);
        g += plan.members.size();
      }
    };
    ParallelFor(m, threads, [&](size_t k) { render_chunk(b + k, cur[k]); });
    // Serial, in chunk order (so the result does not depend on the thread count): claim every ID number;
    // a chunk that wrote a number now given to someone else is rendered again with the replacements.
    for (size_t k = 0; k < m; ++k)
      if (ids.ClaimChunk(cur[k].people)) render_chunk(b + k, cur[k]);
    if (writer.joinable()) writer.join();
    TP_RETURN_IF_ERROR(write_status);
    writer = std::thread([&, m, &cur = cur] {
      for (size_t k = 0; k < m && write_status.ok(); ++k) {
        Status st = cases_out.Write(cur[k].cases);
        if (st.ok()) st = docs_out.Write(cur[k].documents);
        if (!st.ok()) { write_status = st; break; }
        stats.cases += cur[k].case_count;
        stats.documents += cur[k].document_count;
        if (progress) progress->Add(cur[k].case_count);
        acc.Merge(std::move(cur[k]));
      }
    });
  }
  if (writer.joinable()) writer.join();
  TP_RETURN_IF_ERROR(write_status);
  if (progress) progress->Finish();
  TP_RETURN_IF_ERROR(cases_out.Close());
  TP_RETURN_IF_ERROR(docs_out.Close());
  stats.case_bytes = cases_out.bytes();
  stats.document_bytes = docs_out.bytes();
  stats.families = 0;
  uint64_t g = 0;
  for (size_t k = 0; k < used_chunks; ++k)
    for (uint8_t size : chunks[k].sizes) {
      if (g >= n) break;
      g += size;
      ++stats.families;
    }
  auto entities = WriteTruth(ctx, acc, stats.cases, options.out_dir + "/truth.json");
  if (!entities.ok()) return entities.status();
  stats.truth_entities = *entities;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace tianping::gen
