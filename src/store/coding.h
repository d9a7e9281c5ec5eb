// Little-endian fixed-width encoding for store footers and blocks (see docs/store-format.md).
// Thread-safety: Decoder is a value over borrowed bytes; one user at a time.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace tianping::store {

static_assert(std::endian::native == std::endian::little, "the store format is little-endian");

template <typename T>
inline void PutFixed(std::string* out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));  // little-endian hosts only (checked in store.cc)
  out->append(buf, sizeof(T));
}
inline void PutString(std::string* out, std::string_view s) {
  PutFixed<uint32_t>(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

// Reads what PutFixed/PutString wrote; any read past the end sets failed() and returns zeros.
class Decoder {
 public:
  explicit Decoder(std::string_view data) : data_(data) {}
  template <typename T>
  T Fixed() {
    T v{};
    if (pos_ + sizeof(T) > data_.size()) { failed_ = true; return v; }
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string String() {
    uint32_t n = Fixed<uint32_t>();
    if (failed_ || pos_ + n > data_.size()) { failed_ = true; return {}; }
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  bool failed() const { return failed_; }
  bool done() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace tianping::store
