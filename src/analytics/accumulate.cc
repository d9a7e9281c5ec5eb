// Accumulation of terms: difference arrays per (group, period) so that range conditions (旧存, pending at
// the end) cost two additions per case; a fused pass per kind of period condition for count/sum terms.
#include "accumulate.h"

#include <algorithm>
#include <thread>
#include <unordered_set>

namespace tianping::analytics {
namespace {

// Period range [lo, hi) of row i for a term.
inline void RangeOf(const CaseFrame& f, const Periods& per, const Term& t, uint32_t i, int* lo, int* hi) {
  const int P = per.count();
  auto point = [&](int32_t d) {
    if (d == kNoDate) { *lo = *hi = 0; return; }
    int p = per.Index(d);
    if (p < 0 || p >= P) { *lo = *hi = 0; return; }
    *lo = p; *hi = p + 1;
  };
  switch (t.period) {
    case PeriodKind::kFiled: point(f.filed[i]); return;
    case PeriodKind::kClosed: point(f.closed[i]); return;
    case PeriodKind::kEffective: point(f.effective[i]); return;
    case PeriodKind::kRootFiled: point(f.root_filed[i]); return;
    case PeriodKind::kPendingStart:  // filed before the period starts, not closed before it starts
      *lo = std::max(0, per.Index(f.filed[i]) + 1);
      *hi = f.closed[i] == kNoDate ? P : std::min(P, per.Index(f.closed[i]) + 1);
      return;
    case PeriodKind::kPendingEnd:    // filed by the period's end, not closed by then
    case PeriodKind::kPendingOver:
      *lo = std::max(0, per.Index(f.filed[i]));
      *hi = f.closed[i] == kNoDate ? P : std::min(P, per.Index(f.closed[i]));
      if (t.period == PeriodKind::kPendingOver) {
        int32_t k = f.filed[i] - t.over_base;
        int first = k < 0 ? 0 : k >= static_cast<int32_t>(t.over_first.size()) ? P : t.over_first[k];
        *lo = std::max(*lo, first);
      }
      return;
    case PeriodKind::kNone: *lo = *hi = 0; return;
  }
}

// pending_over: the first period whose end is N months after the filing day, tabulated by filing day.
void PrepareOver(const Periods& per, Term* t) {
  if (t->period != PeriodKind::kPendingOver || !t->over_first.empty()) return;
  const int P = per.count();
  // A case filed before base is over N months old at every period end; one filed after the last period's
  // end never is (within the query).
  Date first_end = Date::FromDays(per.End(0));
  t->over_base = first_end.AddMonths(-t->months - 1).days();
  int32_t last = per.End(P - 1);
  for (int32_t d = t->over_base; d <= last; ++d)
    t->over_first.push_back(static_cast<int16_t>(per.FirstEndAfter(Date::FromDays(d).AddMonths(t->months).days())));
}

}  // namespace

void AccumulateTerm(const CaseFrame& f, const Periods& per, const std::vector<int32_t>& gid, int groups,
                const std::vector<uint8_t>& where, Term* t) {
  const int P = per.count();
  PrepareOver(per, t);
  const std::vector<int32_t>* via = t->via == "@parent" ? &f.parent : t->via == "@root" ? &f.root : nullptr;
  if (t->func == "sumsq_monthly") {  // Σ over the calendar months of a period of (count in the month)²
    const int M = per.MonthCount();
    std::vector<int64_t> cnt(static_cast<size_t>(groups) * M, 0);
    const std::vector<int32_t>& dates = t->period == PeriodKind::kClosed ? f.closed : f.filed;
    t->rows.ForEach([&](uint32_t i) {
      int32_t a = via ? (*via)[i] : static_cast<int32_t>(i);
      if (a < 0 || (!where.empty() && !where[a]) || gid[a] < 0 || dates[i] == kNoDate) return;
      int m = per.MonthIndex(dates[i]);
      if (m >= 0) ++cnt[static_cast<size_t>(gid[a]) * M + m];
    });
    t->acc.assign(static_cast<size_t>(groups) * P, 0);
    for (int g = 0; g < groups; ++g)
      for (int m = 0; m < M; ++m) {
        int64_t x = cnt[static_cast<size_t>(g) * M + m];
        t->acc[static_cast<size_t>(g) * P + per.PeriodOfMonth(m)] += x * x;
      }
    return;
  }
  if (t->func == "distinct") {
    // (cell, code) pairs bucketed by cell (counting sort), then distinct codes per cell with a stamp array.
    const size_t cells = static_cast<size_t>(groups) * P;
    std::vector<uint32_t> pair_cell, pair_code;
    uint32_t max_code = 0;
    t->rows.ForEach([&](uint32_t i) {
      int32_t a = via ? (*via)[i] : static_cast<int32_t>(i);
      if (a < 0 || (!where.empty() && !where[a]) || gid[a] < 0) return;
      int lo = 0, hi = 0;
      RangeOf(f, per, *t, i, &lo, &hi);
      for (int p = lo; p < hi; ++p) {
        pair_cell.push_back(static_cast<uint32_t>(static_cast<size_t>(gid[a]) * P + p));
        pair_code.push_back((*t->codes)[i]);
        max_code = std::max(max_code, (*t->codes)[i]);
      }
    });
    std::vector<uint32_t> start(cells + 1, 0), order(pair_cell.size());
    for (uint32_t c : pair_cell) ++start[c + 1];
    for (size_t c = 0; c < cells; ++c) start[c + 1] += start[c];
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (uint32_t k = 0; k < pair_cell.size(); ++k) order[fill[pair_cell[k]]++] = pair_code[k];
    std::vector<int64_t> stamp(static_cast<size_t>(max_code) + 1, -1);
    t->acc.assign(cells, 0);
    for (size_t c = 0; c < cells; ++c)
      for (uint32_t k = start[c]; k < start[c + 1]; ++k)
        if (stamp[order[k]] != static_cast<int64_t>(c)) { stamp[order[k]] = static_cast<int64_t>(c); ++t->acc[c]; }
    return;
  }
  std::vector<int64_t> diff(static_cast<size_t>(groups) * (P + 1), 0);
  const bool sum = t->func == "sum";
  t->rows.ForEach([&](uint32_t i) {
    int32_t a = via ? (*via)[i] : static_cast<int32_t>(i);
    if (a < 0 || (!where.empty() && !where[a]) || gid[a] < 0) return;
    int64_t v = sum ? (*t->values)[i] : 1;
    if (v == kNullInt) return;
    int lo = 0, hi = 0;
    RangeOf(f, per, *t, i, &lo, &hi);
    if (lo >= hi) return;
    int64_t* d = &diff[static_cast<size_t>(gid[a]) * (P + 1)];
    d[lo] += v;
    d[hi] -= v;
  });
  t->acc.assign(static_cast<size_t>(groups) * P, 0);
  for (int g = 0; g < groups; ++g) {
    int64_t run = 0;
    for (int p = 0; p < P; ++p) {
      run += diff[static_cast<size_t>(g) * (P + 1) + p];
      t->acc[static_cast<size_t>(g) * P + p] = run;
    }
  }
}



void AccumulateFused(const CaseFrame& f, const Periods& per, const std::vector<int32_t>& gid, int groups,
                     const std::vector<uint8_t>& where, const Bitmap& relevant, const std::vector<Term*>& terms,
                     int threads, std::vector<uint64_t>* scratch) {
  const int P = per.count();
  const int T = static_cast<int>(terms.size());
  const uint32_t n = f.rows;
  for (Term* t : terms) t->acc.assign(static_cast<size_t>(groups) * P, 0);
  if (T == 0 || n == 0) return;
  (void)scratch;
  for (int t = 0; t < T; ++t) PrepareOver(per, terms[t]);
  const size_t stride = static_cast<size_t>(P) + 1;
  // All terms share the kind; pending_over terms share pending_end's ranges and narrow them per term.
  Term k0;
  k0.period = terms[0]->period == PeriodKind::kPendingOver ? PeriodKind::kPendingEnd : terms[0]->period;
  // Per-term facts as plain arrays for the hot loop.
  struct Hot {
    const int32_t* via = nullptr;    // parent / root row numbers, or null for the row itself
    const int64_t* values = nullptr; // sum terms
    const int16_t* over = nullptr;   // pending_over table
    int32_t over_base = 0, over_size = 0;
  };
  std::vector<Hot> hot(T);
  for (int t = 0; t < T; ++t) {
    const Term& term = *terms[t];
    hot[t].via = term.via == "@parent" ? f.parent.data() : term.via == "@root" ? f.root.data() : nullptr;
    hot[t].values = term.func == "sum" ? term.values->data() : nullptr;
    if (term.period == PeriodKind::kPendingOver) {
      hot[t].over = term.over_first.data();
      hot[t].over_base = term.over_base;
      hot[t].over_size = static_cast<int32_t>(term.over_first.size());
    }
  }
  const uint8_t* where_ok = where.empty() ? nullptr : where.data();
  const int32_t* gids = gid.data();
  // Rows are processed in blocks of 64 Ki (one roaring container): bit t of local[row - block] says the row
  // is in term t; the block's mask stays in cache.
  constexpr uint32_t kBlock = 1u << 16;
  auto work = [&](uint32_t begin, uint32_t end, std::vector<int64_t>* diff) {
    diff->assign(static_cast<size_t>(T) * groups * stride, 0);
    // Row streams read from the bitmaps in batches (roaring_read_uint32_iterator), not one advance per row.
    struct Stream {
      roaring_uint32_iterator_t it;
      uint32_t buf[512];
      uint32_t n = 0, pos = 0;
      bool done = false;
      // Next row < limit, or false (the row stays for the next call).
      bool Next(uint32_t limit, uint32_t* row) {
        if (pos == n) {
          if (done) return false;
          n = roaring_read_uint32_iterator(&it, buf, 512);
          pos = 0;
          if (n == 0) { done = true; return false; }
        }
        if (buf[pos] >= limit) return false;
        *row = buf[pos++];
        return true;
      }
    };
    auto open = [begin](const Bitmap& b, Stream* st) {
      roaring_init_iterator(b.raw(), &st->it);
      if (st->it.has_value) roaring_move_uint32_iterator_equalorlarger(&st->it, begin);
      st->done = !st->it.has_value;
    };
    std::vector<Stream> its(T);
    for (int t = 0; t < T; ++t) open(terms[t]->rows, &its[t]);
    Stream rel;
    open(relevant, &rel);
    std::vector<uint64_t> local(kBlock, 0);
    for (uint32_t block = begin; block < end; block = block + kBlock < block ? end : block + kBlock) {
      const uint32_t block_end = static_cast<uint32_t>(std::min<uint64_t>(end, uint64_t{block} + kBlock));
      for (int t = 0; t < T; ++t) {
        const uint64_t bit = uint64_t{1} << t;
        for (uint32_t r; its[t].Next(block_end, &r);) local[r - block] |= bit;
      }
      for (uint32_t r; rel.Next(block_end, &r);) {
        uint64_t m = local[r - block];
        if (!m) continue;
        local[r - block] = 0;
        int lo = 0, hi = 0;
        RangeOf(f, per, k0, r, &lo, &hi);
        if (lo >= hi) continue;
        while (m) {
          int t = __builtin_ctzll(m);
          m &= m - 1;
          const Hot& h = hot[t];
          int32_t a = h.via ? h.via[r] : static_cast<int32_t>(r);
          if (a < 0 || (where_ok && !where_ok[a])) continue;
          int32_t g = gids[a];
          if (g < 0) continue;
          int64_t v = h.values ? h.values[r] : 1;
          if (v == kNullInt) continue;
          int l = lo;
          if (h.over) {
            int32_t d = f.filed[r] - h.over_base;
            l = std::max(l, d < 0 ? 0 : d >= h.over_size ? P : static_cast<int>(h.over[d]));
            if (l >= hi) continue;
          }
          int64_t* dd = &(*diff)[(static_cast<size_t>(t) * groups + g) * stride];
          dd[l] += v;
          dd[hi] -= v;
        }
      }
    }
  };
  threads = std::max(1, threads);
  std::vector<std::vector<int64_t>> diffs(threads);
  std::vector<std::thread> pool;
  for (int th = 1; th < threads; ++th)
    pool.emplace_back(work, static_cast<uint32_t>(static_cast<uint64_t>(n) * th / threads),
                      static_cast<uint32_t>(static_cast<uint64_t>(n) * (th + 1) / threads), &diffs[th]);
  work(0, static_cast<uint32_t>(static_cast<uint64_t>(n) / threads), &diffs[0]);
  for (auto& th : pool) th.join();
  for (int th = 1; th < threads; ++th)
    for (size_t i = 0; i < diffs[0].size(); ++i) diffs[0][i] += diffs[th][i];
  for (int t = 0; t < T; ++t) {
    Term& term = *terms[t];
    term.acc.assign(static_cast<size_t>(groups) * P, 0);
    for (int g = 0; g < groups; ++g) {
      const int64_t* d = &diffs[0][(static_cast<size_t>(t) * groups + g) * stride];
      int64_t run = 0;
      for (int p = 0; p < P; ++p) term.acc[static_cast<size_t>(g) * P + p] = run += d[p];
    }
  }
}

}  // namespace tianping::analytics
