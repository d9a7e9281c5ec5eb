// Bitmap: an owning RAII wrapper around a CRoaring bitmap of row numbers (uint32). Row sets of the
// analytics engine (filters, flags, tags) are Bitmaps. Thread-safety: const methods may be called
// concurrently; mutation needs exclusive access.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <roaring/roaring.h>

namespace tianping::analytics {

class Bitmap {
 public:
  Bitmap() : r_(roaring_bitmap_create()) {}
  explicit Bitmap(roaring_bitmap_t* r) : r_(r) {}
  // Rows [0, n).
  static Bitmap Range(uint32_t n) {
    Bitmap b;
    if (n > 0) roaring_bitmap_add_range(b.r_, 0, n);
    return b;
  }
  static Bitmap FromSorted(const std::vector<uint32_t>& rows) {
    return Bitmap(roaring_bitmap_of_ptr(rows.size(), rows.data()));
  }
  // Rows i where mask[i] != 0, added in chunks (no full-length index vector).
  static Bitmap FromMask(const std::vector<uint8_t>& mask) {
    Bitmap b;
    uint32_t buf[4096];
    uint32_t k = 0;
    const uint32_t n = static_cast<uint32_t>(mask.size());
    for (uint32_t i = 0; i < n; ++i) {
      buf[k] = i;
      k += mask[i] != 0;
      if (k == 4096) { roaring_bitmap_add_many(b.r_, k, buf); k = 0; }
    }
    if (k) roaring_bitmap_add_many(b.r_, k, buf);
    roaring_bitmap_run_optimize(b.r_);
    return b;
  }
  ~Bitmap() { if (r_) roaring_bitmap_free(r_); }
  Bitmap(const Bitmap& o) : r_(roaring_bitmap_copy(o.r_)) {}
  Bitmap& operator=(const Bitmap& o) {
    if (this != &o) { Bitmap t(o); std::swap(r_, t.r_); }
    return *this;
  }
  Bitmap(Bitmap&& o) noexcept : r_(std::exchange(o.r_, nullptr)) {}
  Bitmap& operator=(Bitmap&& o) noexcept { std::swap(r_, o.r_); return *this; }

  void Add(uint32_t row) { roaring_bitmap_add(r_, row); }
  bool Contains(uint32_t row) const { return roaring_bitmap_contains(r_, row); }
  uint64_t Cardinality() const { return roaring_bitmap_get_cardinality(r_); }
  Bitmap And(const Bitmap& o) const { return Bitmap(roaring_bitmap_and(r_, o.r_)); }
  Bitmap Or(const Bitmap& o) const { return Bitmap(roaring_bitmap_or(r_, o.r_)); }
  Bitmap AndNot(const Bitmap& o) const { return Bitmap(roaring_bitmap_andnot(r_, o.r_)); }
  // Complement within [0, n).
  Bitmap Not(uint32_t n) const { return Bitmap(roaring_bitmap_flip(r_, 0, n)); }
  void Optimize() { roaring_bitmap_run_optimize(r_); }
  std::vector<uint32_t> ToVector() const {
    std::vector<uint32_t> v(Cardinality());
    roaring_bitmap_to_uint32_array(r_, v.data());
    return v;
  }
  // Calls f(row) for every row in increasing order, reading in batches.
  template <typename F>
  void ForEach(F&& f) const {
    roaring_uint32_iterator_t it;
    roaring_init_iterator(r_, &it);
    uint32_t buf[1024];
    for (;;) {
      uint32_t n = roaring_read_uint32_iterator(&it, buf, 1024);
      for (uint32_t i = 0; i < n; ++i) f(buf[i]);
      if (n < 1024) break;
    }
  }
  const roaring_bitmap_t* raw() const { return r_; }

 private:
  roaring_bitmap_t* r_;
};

}  // namespace tianping::analytics
