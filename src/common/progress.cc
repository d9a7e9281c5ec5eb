#include "tianping/common/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace tianping {

Progress::Progress(std::string job, std::string unit, uint64_t total)
    : job_(std::move(job)), unit_(std::move(unit)), total_(total),
      start_(std::chrono::steady_clock::now()), last_(start_), tty_(isatty(STDERR_FILENO) != 0) {}

Progress::~Progress() { Finish(); }

void Progress::Add(uint64_t n) {
  done_.fetch_add(n, std::memory_order_relaxed);
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(500)) return;
  std::unique_lock lock(mu_, std::try_to_lock);
  if (!lock.owns_lock() || now - last_ < std::chrono::milliseconds(500)) return;
  last_ = now;
  Print(false);
}

void Progress::Finish() {
  std::lock_guard lock(mu_);
  if (finished_) return;
  finished_ = true;
  Print(true);
}

void Progress::Print(bool final) {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  uint64_t done = done_.load();
  double rate = secs > 0 ? done / secs : 0;
  char line[256];
  if (total_ > 0) {
    std::snprintf(line, sizeof line, "%s: %llu / %llu %s (%.1f%%) %.1f k/s %.1f s", job_.c_str(),
                  static_cast<unsigned long long>(done), static_cast<unsigned long long>(total_),
                  unit_.c_str(), 100.0 * done / total_, rate / 1000, secs);
  } else {
    std::snprintf(line, sizeof line, "%s: %llu %s %.1f k/s %.1f s", job_.c_str(),
                  static_cast<unsigned long long>(done), unit_.c_str(), rate / 1000, secs);
  }
  if (tty_) {
    std::fprintf(stderr, "\r%s\033[K%s", line, final ? "\n" : "");
  } else {
    std::fprintf(stderr, "%s%s\n", line, final ? " done" : "");
  }
  std::fflush(stderr);
}

}  // namespace tianping
