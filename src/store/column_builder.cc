#include "store/column_builder.h"

#include "store/coding.h"
#include "store/hash64.h"

namespace tianping::store {

std::string_view ColumnBuilder::Intern(std::string_view s) {
  // Arena chunks start small (many builders hold few strings) and double up to 1 MiB.
  if (arena_.empty() || arena_.back().capacity - arena_.back().used < s.size()) {
    size_t next = arena_.empty() ? 256 : std::min<size_t>(arena_.back().capacity * 2, 1 << 20);
    size_t capacity = std::max(next, s.size());
    arena_.push_back(ArenaChunk{std::unique_ptr<char[]>(new char[capacity]), 0, capacity});
  }
  ArenaChunk& chunk = arena_.back();
  char* at = chunk.data.get() + chunk.used;
  if (!s.empty()) std::memcpy(at, s.data(), s.size());
  chunk.used += s.size();
  return std::string_view(at, s.size());
}

void ColumnBuilder::Rehash(size_t capacity) {
  std::vector<Slot> slots(capacity, Slot{0, 0});
  size_t mask = capacity - 1;
  for (const Slot& s : slots_) {
    if (!s.code_plus_one) continue;
    size_t i = s.hash & mask;
    while (slots[i].code_plus_one) i = (i + 1) & mask;
    slots[i] = s;
  }
  slots_ = std::move(slots);
}

void ColumnBuilder::AddBlob(std::string_view s) {
  blob_bytes_.append(s);
  blob_offsets_.push_back(blob_bytes_.size());
  ++size_;
}

uint32_t ColumnBuilder::CodeOf(std::string_view s) {
  if (last_code_ != UINT32_MAX && dict_values_[last_code_] == s) return last_code_;
  return CodeOfHashed(s, Hash64(s));
}

uint32_t ColumnBuilder::CodeOfHashed(std::string_view s, uint64_t h) {
  if (slots_.empty()) Rehash(16);
  size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].code_plus_one) {
    if (slots_[i].hash == h && dict_values_[slots_[i].code_plus_one - 1] == s) {
      return last_code_ = slots_[i].code_plus_one - 1;
    }
    i = (i + 1) & mask;
  }
  uint32_t code = static_cast<uint32_t>(dict_values_.size());
  dict_values_.push_back(Intern(s));
  dict_hashes_.push_back(h);
  slots_[i] = Slot{h, code + 1};
  if (dict_values_.size() * 2 > slots_.size()) Rehash(slots_.size() * 2);
  return last_code_ = code;
}

void ColumnBuilder::AddStrings(const std::vector<std::string_view>& values) {
  if (type_ != ColumnType::kBlob) {
    for (auto v : values) AddString(v);
    return;
  }
  size_t bytes = 0;
  for (auto v : values) bytes += v.size();
  blob_bytes_.reserve(blob_bytes_.size() + bytes);
  blob_offsets_.reserve(blob_offsets_.size() + values.size());
  for (auto v : values) AddBlob(v);
}

uint64_t ColumnBuilder::RowHash(size_t row) const {
  return type_ == ColumnType::kDict ? dict_hashes_[Get<uint32_t>(row)] : Hash64(GetString(row));
}

void ColumnBuilder::AppendColumn(const ColumnBuilder& other, uint32_t delta) {
  if (type_ == ColumnType::kBlob && other.type_ == ColumnType::kBlob) {
    const uint64_t base = blob_bytes_.size();
    blob_bytes_.append(other.blob_bytes_);
    blob_offsets_.reserve(blob_offsets_.size() + other.size());
    for (size_t r = 1; r <= other.size(); ++r) blob_offsets_.push_back(base + other.blob_offsets_[r]);
    size_ += other.size_;
    return;
  }
  if (type_ == ColumnType::kBlob || other.type_ == ColumnType::kBlob) {  // mixed string layouts
    for (size_t r = 0; r < other.size(); ++r) AddString(other.GetString(r));
    return;
  }
  if (type_ == ColumnType::kDict) {
    std::vector<uint32_t> remap(other.dict_values_.size());
    for (size_t c = 0; c < remap.size(); ++c) remap[c] = CodeOfHashed(other.dict_values_[c], other.dict_hashes_[c]);
    fixed_.reserve(fixed_.size() + other.size() * 4);
    for (size_t r = 0; r < other.size(); ++r) AddU32(remap[other.Get<uint32_t>(r)]);
    return;
  }
  if (type_ == ColumnType::kU32 && delta != 0) {
    fixed_.reserve(fixed_.size() + other.size() * 4);
    for (size_t r = 0; r < other.size(); ++r) AddU32(other.Get<uint32_t>(r) + delta);
    return;
  }
  fixed_.insert(fixed_.end(), other.fixed_.begin(), other.fixed_.end());
  size_ += other.size_;
}

std::string_view ColumnBuilder::GetString(size_t row) const {
  if (type_ == ColumnType::kBlob) {
    return std::string_view(blob_bytes_).substr(blob_offsets_[row], blob_offsets_[row + 1] - blob_offsets_[row]);
  }
  return dict_values_[Get<uint32_t>(row)];
}

void ColumnBuilder::Select(const std::vector<uint32_t>& rows) {
  if (type_ == ColumnType::kBlob) {
    std::string bytes;
    std::vector<uint64_t> offsets{0};
    for (uint32_t r : rows) {
      bytes.append(GetString(r));
      offsets.push_back(bytes.size());
    }
    blob_bytes_ = std::move(bytes);
    blob_offsets_ = std::move(offsets);
  } else {
    size_t w = FixedWidth(type_);
    std::vector<char> out(rows.size() * w);
    for (size_t i = 0; i < rows.size(); ++i) std::memcpy(out.data() + i * w, fixed_.data() + rows[i] * w, w);
    fixed_ = std::move(out);
  }
  size_ = rows.size();
}

std::string EncodeStringList(const std::vector<std::string_view>& values) {
  std::string out;
  size_t bytes = 0;
  for (auto v : values) bytes += v.size();
  out.reserve(4 + 4 * (values.size() + 1) + bytes);
  PutFixed<uint32_t>(&out, static_cast<uint32_t>(values.size()));
  uint32_t off = 0;
  PutFixed<uint32_t>(&out, 0);
  for (auto v : values) {
    off += static_cast<uint32_t>(v.size());
    PutFixed<uint32_t>(&out, off);
  }
  for (auto v : values) out.append(v);
  return out;
}

std::string ColumnBuilder::EncodeRows(size_t begin, size_t end) const {
  if (type_ == ColumnType::kBlob) {
    std::vector<std::string_view> values;
    values.reserve(end - begin);
    for (size_t r = begin; r < end; ++r) values.push_back(GetString(r));
    return EncodeStringList(values);
  }
  size_t w = FixedWidth(type_);
  return std::string(fixed_.data() + begin * w, (end - begin) * w);
}

std::string ColumnBuilder::EncodeDict(size_t begin, size_t end) const {
  std::vector<std::string_view> values(dict_values_.begin() + begin, dict_values_.begin() + end);
  return EncodeStringList(values);
}

}  // namespace tianping::store
