// Appends JSON text to a std::string quickly, for JSONL output on hot paths (the generator, exports).
// nlohmann/json is used where convenience matters more than speed.
// Thread-safety: none; one writer per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tianping {

// Appends s as a JSON string literal (quotes included). UTF-8 passes through unchanged.
void AppendJsonString(std::string* out, std::string_view s);

// Builds one JSON object or array; commas are handled for you.
//   JsonWriter w(&line); w.BeginObject(); w.Key("a"); w.Int(1); w.EndObject();
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}
  void BeginObject() { Sep(); out_->push_back('{'); first_ = true; }
  void EndObject() { out_->push_back('}'); first_ = false; }
  void BeginArray() { Sep(); out_->push_back('['); first_ = true; }
  void EndArray() { out_->push_back(']'); first_ = false; }
  void Key(std::string_view k) { Sep(); AppendJsonString(out_, k); out_->push_back(':'); first_ = true; }
  void String(std::string_view v) { Sep(); AppendJsonString(out_, v); }
  void Int(int64_t v);
  // Money and rates: fixed decimals, trailing zeros trimmed (12.50 -> 12.5, 3.00 -> 3).
  void Double(double v, int decimals = 2);
  void Bool(bool v) { Sep(); out_->append(v ? "true" : "false"); }
  void Null() { Sep(); out_->append("null"); }
  // Field helpers.
  void Field(std::string_view k, std::string_view v) { Key(k); String(v); }
  void FieldInt(std::string_view k, int64_t v) { Key(k); Int(v); }

 private:
  void Sep() {
    if (!first_) out_->push_back(',');
    first_ = false;
  }
  std::string* out_;
  bool first_ = true;
};

}  // namespace tianping
