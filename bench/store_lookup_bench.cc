// store_lookup_bench DIR [SAMPLES]: resident memory after opening the store's current snapshot, then
// p50/p99 latency of the service look-ups on a random sample of stored cases:
//   case-id    FindCase(id) + ReadCase
//   case-no    FindCasesByNumber(案号) + ReadCase
//   chain      what `tianping case` does beyond that: derived_from up, FindDerivedFrom down, read each
//   party-id   FindParties(公民身份号码 or credit code) + ReadCase of every hit
//   party-fld  the same hits, ReadCaseFields of the parts a party profile uses (what ReadParty reads)
//   profile    GuardedStore::ReadParty of the same key as a national 重要 analyst (audit sink a no-op; a
//              key that fails the ID / credit code checksum is looked up as a name, as the service does)
// Each look-up kind runs over the whole sample twice; the first pass is reported as cold, the second as
// warm (block cache filled). Output: one line per measure, for docs/benchmarks.md.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "tianping/common/rng.h"
#include "tianping/security/guarded_store.h"
#include "tianping/store/store.h"

using namespace tianping;
using Clock = std::chrono::steady_clock;

namespace {

long RssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

double ThreadCpuUs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

// Wall-clock percentiles, and CPU-time percentiles of this thread (which exclude waiting for a core on
// a loaded machine).
void Report(const char* what, const char* pass, std::vector<double> us, std::vector<double> cpu) {
  std::sort(us.begin(), us.end());
  std::sort(cpu.begin(), cpu.end());
  auto pct = [](const std::vector<double>& v, double p) { return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))]; };
  std::printf("%-9s %-4s n=%zu wall p50=%.3f p99=%.3f max=%.3f ms | cpu p50=%.3f p99=%.3f ms\n", what, pass, us.size(),
              pct(us, 0.50) / 1000, pct(us, 0.99) / 1000, us.back() / 1000, pct(cpu, 0.50) / 1000, pct(cpu, 0.99) / 1000);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: store_lookup_bench DIR [SAMPLES]\n");
    return 2;
  }
  size_t samples = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 2000;
  long rss0 = RssKb();
  auto t0 = Clock::now();
  auto snap = StoreSnapshot::Open(argv[1]);
  if (!snap.ok()) {
    std::fprintf(stderr, "%s\n", snap.status().ToString().c_str());
    return 1;
  }
  double open_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  std::printf("open      snapshot %llu, %llu cases, %zu partitions: %.1f ms, RSS %ld KB (before open %ld KB)\n",
              static_cast<unsigned long long>((*snap)->info().id),
              static_cast<unsigned long long>((*snap)->info().case_count()), (*snap)->info().partitions.size(),
              open_ms, RssKb(), rss0);
  // Sample case refs uniformly: reservoir over the id scan.
  std::vector<CaseRef> refs;
  Rng rng(42);
  uint64_t seen = 0;
  Status s = (*snap)->ScanCases([&](CaseRef ref, std::string_view, uint64_t) {
    ++seen;
    if (refs.size() < samples) {
      refs.push_back(ref);
    } else {
      uint64_t j = static_cast<uint64_t>(rng.Range(0, static_cast<int64_t>(seen) - 1));
      if (j < samples) refs[j] = ref;
    }
  });
  if (!s.ok() || refs.empty()) {
    std::fprintf(stderr, "scan failed or empty store\n");
    return 1;
  }
  std::vector<Case> cases;
  for (CaseRef r : refs) cases.push_back(std::move((*snap)->ReadCase(r)).value());
  std::printf("sampled   %zu cases (RSS now %ld KB)\n", cases.size(), RssKb());
  // Reopen so the sampling pass does not warm the look-ups.
  snap = StoreSnapshot::Open(argv[1]);
  const StoreSnapshot& st = **snap;
  auto time = [&](const char* what, auto fn) {
    for (const char* pass : {"cold", "warm"}) {
      std::vector<double> us, cpu;
      for (const Case& c : cases) {
        auto a = Clock::now();
        double c0 = ThreadCpuUs();
        if (!fn(c)) {
          std::fprintf(stderr, "%s failed for %s\n", what, c.case_id.c_str());
          std::exit(1);
        }
        cpu.push_back(ThreadCpuUs() - c0);
        us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - a).count());
      }
      Report(what, pass, us, cpu);
    }
  };
  time("case-id", [&](const Case& c) {
    auto ref = st.FindCase(c.case_id);
    return ref.ok() && ref->has_value() && st.ReadCase(**ref).ok();
  });
  time("case-no", [&](const Case& c) {
    auto refs = st.FindCasesByNumber(c.case_number);
    return refs.ok() && !refs->empty() && st.ReadCase(refs->front()).ok();
  });
  time("chain", [&](const Case& c) {
    Case cur = c;
    for (int i = 0; i < 8 && cur.derived_from; ++i) {
      auto p = st.FindCase(cur.derived_from->case_id);
      if (!p.ok()) return false;
      if (!p->has_value()) break;
      cur = std::move(st.ReadCase(**p)).value();
    }
    std::vector<std::string> todo{cur.case_id};
    for (size_t i = 0; i < todo.size() && i < 64; ++i) {
      auto kids = st.FindDerivedFrom(todo[i]);
      if (!kids.ok()) return false;
      for (CaseRef k : *kids) {
        auto kc = st.ReadCase(k);
        if (!kc.ok()) return false;
        todo.push_back(kc->case_id);
      }
    }
    return true;
  });
  // FindParties of the last party's ID number (or credit code), then `read` of every hit; a party with
  // neither counts as done.
  auto party_lookup = [&](const Case& c, auto read) {
    const Party& p = c.parties.back();
    bool person = !p.id_number.empty();
    auto hits = st.FindParties(person ? PartyKey::kIdNumber : PartyKey::kCreditCode,
                               person ? p.id_number : p.credit_code);
    if (!hits.ok() || hits->empty()) return p.id_number.empty() && p.credit_code.empty();
    for (const PartyHit& h : *hits) {
      if (!read(h.case_ref)) return false;
    }
    return true;
  };
  time("party-id", [&](const Case& c) { return party_lookup(c, [&](CaseRef r) { return st.ReadCase(r).ok(); }); });
  time("party-fld", [&](const Case& c) {
    return party_lookup(c, [&](CaseRef r) {
      return st.ReadCaseFields(r, kCaseProfileFields | kPartyProfileFields).ok();
    });
  });
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
  if (!ref.ok()) {
    std::fprintf(stderr, "%s\n", ref.status().ToString().c_str());
    return 1;
  }
  security::AccessGuard guard(security::Catalog::Default(), *ref);
  security::Principal analyst{"bench", security::Role::kSpcAnalyst,
                                {security::CourtScope::Kind::kNation, ""}, security::Grade::kImportant, ""};
  security::GuardedStore profiles(st, guard, analyst, [](const std::string&, const std::string&, int64_t,
                                                         const std::string&) { return Status::Ok(); });
  time("profile", [&](const Case& c) {
    const Party& p = c.parties.back();
    if (p.id_number.empty() && p.credit_code.empty()) return true;  // as party-id: no key to look up
    return profiles.ReadParty(!p.id_number.empty() ? p.id_number : p.credit_code).ok();
  });
  std::printf("rss       after look-ups %ld KB\n", RssKb());
  return 0;
}
