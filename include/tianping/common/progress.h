// Progress of a long job on stderr: "gen: 1,234,567 / 10,000,000 cases (12.3%) 45.6 k/s".
// Updates at most every 0.5 s: redrawn in place on a terminal, one line per update otherwise (logs, CI).
// Thread-safety: Add() and Finish() are thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace tianping {

class Progress {
 public:
  Progress(std::string job, std::string unit, uint64_t total);
  ~Progress();
  void Add(uint64_t n);
  // Prints the final line with the elapsed time.
  void Finish();

 private:
  void Print(bool final);
  std::string job_, unit_;
  uint64_t total_;
  std::atomic<uint64_t> done_{0};
  std::chrono::steady_clock::time_point start_, last_;
  std::mutex mu_;
  bool tty_, finished_ = false;
};

}  // namespace tianping
