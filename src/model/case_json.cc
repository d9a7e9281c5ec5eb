#include "tianping/model/case_json.h"

#include <cmath>

#include <simdjson.h>

#include "tianping/common/json_writer.h"

namespace tianping {
namespace {

void Money(JsonWriter& w, std::string_view key, Fen v) {
  w.Key(key);
  if (v % 100 == 0) w.Int(v / 100); else w.Double(static_cast<double>(v) / 100.0, 2);
}

void Str(JsonWriter& w, std::string_view key, std::string_view v) {
  if (!v.empty()) w.Field(key, v);
}
void OptDate(JsonWriter& w, std::string_view key, const std::optional<Date>& d) {
  if (d) w.Field(key, d->ToString());
}

void AppendAgent(JsonWriter& w, const Agent& a) {
  w.BeginObject();
  w.Field("name", a.name);
  Str(w, "kind", a.kind);
  Str(w, "law_firm", a.law_firm);
  Str(w, "license_number", a.license_number);
  w.EndObject();
}

void AppendParty(JsonWriter& w, const Party& p) {
  w.BeginObject();
  w.Field("role", p.role);
  Str(w, "original_role", p.original_role);
  Str(w, "kind", p.kind);
  w.Field("name", p.name);
  Str(w, "id_number", p.id_number);
  Str(w, "credit_code", p.credit_code);
  Str(w, "gender", p.gender);
  OptDate(w, "birth_date", p.birth_date);
  Str(w, "ethnicity", p.ethnicity);
  Str(w, "phone", p.phone);
  Str(w, "address", p.address);
  Str(w, "legal_representative", p.legal_representative);
  Str(w, "occupation", p.occupation);
  if (p.is_minor) { w.Key("is_minor"); w.Bool(true); }
  if (!p.agents.empty()) {
    w.Key("agents");
    w.BeginArray();
    for (const auto& a : p.agents) AppendAgent(w, a);
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

Fen YuanToFen(double yuan) { return static_cast<Fen>(std::llround(yuan * 100.0)); }

void AppendCaseJson(const Case& c, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("case_id", c.case_id);
  w.Field("case_number", c.case_number);
  w.Field("court_code", c.court_code);
  Str(w, "court_name", c.court_name);
  w.Field("type_code", c.type_code);
  w.Field("category", c.category);
  Str(w, "cause_code", c.cause_code);
  Str(w, "cause_name", c.cause_name);
  if (!c.cause_path.empty()) {
    w.Key("cause_path");
    w.BeginArray();
    for (const auto& s : c.cause_path) w.String(s);
    w.EndArray();
  }
  Str(w, "procedure", c.procedure);
  OptDate(w, "received_date", c.received_date);
  w.Field("filed_date", c.filed_date.ToString());
  OptDate(w, "closed_date", c.closed_date);
  Str(w, "closure_method", c.closure_method);
  if (c.statutory_limit_days) w.FieldInt("statutory_limit_days", c.statutory_limit_days);
  if (c.extension_days) w.FieldInt("extension_days", c.extension_days);
  if (c.excluded_days) w.FieldInt("excluded_days", c.excluded_days);
  if (c.correction_requested) { w.Key("correction_requested"); w.Bool(true); }
  Str(w, "judge_id", c.judge_id);
  Str(w, "judge_name", c.judge_name);
  if (!c.panel.empty()) {
    w.Key("panel");
    w.BeginArray();
    for (const auto& s : c.panel) w.String(s);
    w.EndArray();
  }
  Str(w, "clerk", c.clerk);
  if (c.claim_amount) Money(w, "claim_amount", c.claim_amount);
  if (c.awarded_amount) Money(w, "awarded_amount", c.awarded_amount);
  if (c.has_payment_content) { w.Key("has_payment_content"); w.Bool(true); }
  if (c.derived_from) {
    w.Key("derived_from");
    w.BeginObject();
    w.Field("relation", c.derived_from->relation);
    w.Field("case_id", c.derived_from->case_id);
    w.Field("case_number", c.derived_from->case_number);
    w.EndObject();
  }
  w.Key("parties");
  w.BeginArray();
  for (const auto& p : c.parties) AppendParty(w, p);
  w.EndArray();
  if (c.execution) {
    w.Key("execution");
    w.BeginObject();
    Money(w, "applied_amount", c.execution->applied_amount);
    Money(w, "recovered_amount", c.execution->recovered_amount);
    if (c.execution->voluntary) { w.Key("voluntary"); w.Bool(true); }
    w.EndObject();
  }
  Str(w, "document_id", c.document_id);
  if (c.is_sealed) { w.Key("is_sealed"); w.Bool(true); }
  Str(w, "updated_at", c.updated_at);
  w.EndObject();
}

void AppendDocumentJson(const Document& d, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("doc_id", d.doc_id);
  w.Field("case_id", d.case_id);
  w.Field("kind", d.kind);
  w.Field("title", d.title);
  w.Field("text", d.text);
  w.EndObject();
}

// ---------------------------------------------------------------------------------------------------
// Parsing. Each Get* helper reports the full field path on a type error.

namespace {

namespace dom = simdjson::dom;

// A field's path, built only when an error names it ("parties[1]" + "birth_date"). `parent`, when set,
// is the path of the enclosing object; `index` >= 0 appends "[index]" (an element of an array field).
struct FieldPath {
  const FieldPath* parent = nullptr;
  std::string_view key;
  long index = -1;
  std::string str() const {
    std::string out = parent ? parent->str() + "." : std::string();
    out += key;
    if (index >= 0) {
      out += '[';
      out += std::to_string(index);
      out += ']';
    }
    return out;
  }
};

Status FieldError(const std::string& path, const char* what) {
  return Status::ParseError("field " + path + ": " + what);
}
Status FieldError(const FieldPath& path, const char* what) { return FieldError(path.str(), what); }

Status GetString(dom::element v, const FieldPath& path, std::string* out) {
  if (v.is_null()) { out->clear(); return Status::Ok(); }
  std::string_view s;
  if (v.get_string().get(s)) return FieldError(path, "expected a string");
  out->assign(s);
  return Status::Ok();
}

Status GetBool(dom::element v, const FieldPath& path, bool* out) {
  if (v.is_null()) { *out = false; return Status::Ok(); }
  if (v.get_bool().get(*out)) return FieldError(path, "expected true or false");
  return Status::Ok();
}

Status GetInt(dom::element v, const FieldPath& path, int* out) {
  if (v.is_null()) { *out = 0; return Status::Ok(); }
  int64_t i;
  if (v.get_int64().get(i) || i < INT32_MIN || i > INT32_MAX) return FieldError(path, "expected an integer");
  *out = static_cast<int>(i);
  return Status::Ok();
}

Status GetMoney(dom::element v, const FieldPath& path, Fen* out) {
  if (v.is_null()) { *out = 0; return Status::Ok(); }
  double d;
  if (v.is_int64()) { *out = v.get_int64().value_unsafe() * 100; return Status::Ok(); }
  if (v.get_double().get(d) || !std::isfinite(d) || std::fabs(d) > 9e15)
    return FieldError(path, "expected an amount in yuan");
  *out = YuanToFen(d);
  return Status::Ok();
}

Status GetDate(dom::element v, const FieldPath& path, std::optional<Date>* out) {
  if (v.is_null()) { out->reset(); return Status::Ok(); }
  std::string_view s;
  if (v.get_string().get(s)) return FieldError(path, "expected a date string YYYY-MM-DD");
  auto d = Date::Parse(s);
  if (!d) return FieldError(path, "expected a valid date YYYY-MM-DD");
  *out = *d;
  return Status::Ok();
}

Status GetStrings(dom::element v, const FieldPath& path, std::vector<std::string>* out) {
  if (v.is_null()) {
    out->clear();
    return Status::Ok();
  }
  dom::array arr;
  if (v.get_array().get(arr)) return FieldError(path, "expected an array of strings");
  size_t i = 0;
  for (dom::element e : arr) {
    std::string_view sv;
    if (e.get_string().get(sv)) {
      if (e.is_null()) sv = {};
      else return FieldError(FieldPath{path.parent, path.key, static_cast<long>(i)}, "expected a string");
    }
    if (i < out->size()) (*out)[i].assign(sv);  // reuses the element's buffer
    else out->emplace_back(sv);
    ++i;
  }
  out->resize(i);
  return Status::Ok();
}

// Parties and agents of the previously parsed case, kept with their string buffers so that parsing into
// a reused Case (ParseCaseJson(line, Case*)) allocates little. Moving one keeps its buffers.
struct SparePool {
  std::vector<Party> parties;
  std::vector<Agent> agents;
};
thread_local SparePool tl_spare;

void Clear(Agent* a) {
  a->name.clear();
  a->kind.clear();
  a->law_firm.clear();
  a->license_number.clear();
}

// Moves every agent into the pool.
void ReleaseAgents(std::vector<Agent>* agents) {
  for (Agent& a : *agents) tl_spare.agents.push_back(std::move(a));
  agents->clear();
}

void Clear(Party* p) {
  for (std::string* s : {&p->role, &p->original_role, &p->kind, &p->name, &p->id_number, &p->credit_code, &p->gender,
                         &p->ethnicity, &p->phone, &p->address, &p->legal_representative, &p->occupation}) {
    s->clear();
  }
  p->birth_date.reset();
  p->is_minor = false;
  ReleaseAgents(&p->agents);
}

// A cleared element from the pool (or a new one).
template <typename T>
T TakeSpare(std::vector<T>* pool) {
  if (pool->empty()) return T{};
  T v = std::move(pool->back());
  pool->pop_back();
  Clear(&v);
  return v;
}

// Resets every field of `c` to its default, keeping string buffers (its parties and agents go to the pool).
// A field added to Case, Party or Agent must be reset here too (CaseJson.ReusedCaseEqualsFresh checks).
void ClearCase(Case* c) {
  for (std::string* s : {&c->case_id, &c->case_number, &c->court_code, &c->court_name, &c->type_code, &c->category,
                         &c->cause_code, &c->cause_name, &c->procedure, &c->closure_method, &c->judge_id,
                         &c->judge_name, &c->clerk, &c->document_id, &c->updated_at}) {
    s->clear();
  }
  c->cause_path.clear();
  c->panel.clear();
  c->received_date.reset();
  c->filed_date = Date();
  c->closed_date.reset();
  c->statutory_limit_days = c->extension_days = c->excluded_days = 0;
  c->correction_requested = false;
  c->claim_amount = c->awarded_amount = 0;
  c->has_payment_content = false;
  c->derived_from.reset();
  for (Party& p : c->parties) {
    ReleaseAgents(&p.agents);
    tl_spare.parties.push_back(std::move(p));
  }
  c->parties.clear();
  c->execution.reset();
  c->is_sealed = false;
}

Status ParseAgent(dom::element v, const FieldPath& path, Agent* a) {
  dom::object obj;
  if (v.get_object().get(obj)) return FieldError(path, "expected an object");
  for (auto [key, val] : obj) {
    FieldPath p{&path, key};
    if (key == "name") TP_RETURN_IF_ERROR(GetString(val, p, &a->name));
    else if (key == "kind") TP_RETURN_IF_ERROR(GetString(val, p, &a->kind));
    else if (key == "law_firm") TP_RETURN_IF_ERROR(GetString(val, p, &a->law_firm));
    else if (key == "license_number") TP_RETURN_IF_ERROR(GetString(val, p, &a->license_number));
  }
  return Status::Ok();
}

Status ParseParty(dom::element v, const FieldPath& path, Party* pa) {
  dom::object obj;
  if (v.get_object().get(obj)) return FieldError(path, "expected an object");
  for (auto [key, val] : obj) {
    FieldPath p{&path, key};
    if (key == "role") TP_RETURN_IF_ERROR(GetString(val, p, &pa->role));
    else if (key == "original_role") TP_RETURN_IF_ERROR(GetString(val, p, &pa->original_role));
    else if (key == "kind") TP_RETURN_IF_ERROR(GetString(val, p, &pa->kind));
    else if (key == "name") TP_RETURN_IF_ERROR(GetString(val, p, &pa->name));
    else if (key == "id_number") TP_RETURN_IF_ERROR(GetString(val, p, &pa->id_number));
    else if (key == "credit_code") TP_RETURN_IF_ERROR(GetString(val, p, &pa->credit_code));
    else if (key == "gender") TP_RETURN_IF_ERROR(GetString(val, p, &pa->gender));
    else if (key == "birth_date") TP_RETURN_IF_ERROR(GetDate(val, p, &pa->birth_date));
    else if (key == "ethnicity") TP_RETURN_IF_ERROR(GetString(val, p, &pa->ethnicity));
    else if (key == "phone") TP_RETURN_IF_ERROR(GetString(val, p, &pa->phone));
    else if (key == "address") TP_RETURN_IF_ERROR(GetString(val, p, &pa->address));
    else if (key == "legal_representative") TP_RETURN_IF_ERROR(GetString(val, p, &pa->legal_representative));
    else if (key == "occupation") TP_RETURN_IF_ERROR(GetString(val, p, &pa->occupation));
    else if (key == "is_minor") TP_RETURN_IF_ERROR(GetBool(val, p, &pa->is_minor));
    else if (key == "agents") {
      dom::array arr;
      if (val.is_null()) continue;
      if (val.get_array().get(arr)) return FieldError(p, "expected an array");
      size_t i = 0;
      for (dom::element e : arr) {
        Agent& a = pa->agents.emplace_back(TakeSpare(&tl_spare.agents));
        TP_RETURN_IF_ERROR(ParseAgent(e, FieldPath{&path, key, static_cast<long>(i++)}, &a));
      }
    }
  }
  return Status::Ok();
}

Result<dom::object> ParseObject(std::string_view line, dom::parser& parser, simdjson::padded_string& buf) {
  (void)buf;
  dom::element root;
  if (auto err = parser.parse(line.data(), line.size(), /*realloc_if_needed=*/true).get(root)) {  // reuses its buffer
    return Status::ParseError(std::string("invalid JSON: ") + simdjson::error_message(err));
  }
  dom::object obj;
  if (root.get_object().get(obj)) return Status::ParseError("expected a JSON object");
  return obj;
}

thread_local dom::parser tl_parser;
thread_local simdjson::padded_string tl_buf;

}  // namespace

Result<Case> ParseCaseJson(std::string_view line) {
  Case c;
  TP_RETURN_IF_ERROR(ParseCaseJson(line, &c));
  return c;
}

Status ParseCaseJson(std::string_view line, Case* out) {
  ClearCase(out);
  Case& c = *out;
  auto obj = ParseObject(line, tl_parser, tl_buf);
  if (!obj.ok()) return obj.status();
  bool has_id = false, has_filed = false;
  for (auto [key, val] : *obj) {
    FieldPath p{nullptr, key};
    if (key == "case_id") { TP_RETURN_IF_ERROR(GetString(val, p, &c.case_id)); has_id = true; }
    else if (key == "case_number") TP_RETURN_IF_ERROR(GetString(val, p, &c.case_number));
    else if (key == "court_code") TP_RETURN_IF_ERROR(GetString(val, p, &c.court_code));
    else if (key == "court_name") TP_RETURN_IF_ERROR(GetString(val, p, &c.court_name));
    else if (key == "type_code") TP_RETURN_IF_ERROR(GetString(val, p, &c.type_code));
    else if (key == "category") TP_RETURN_IF_ERROR(GetString(val, p, &c.category));
    else if (key == "cause_code") TP_RETURN_IF_ERROR(GetString(val, p, &c.cause_code));
    else if (key == "cause_name") TP_RETURN_IF_ERROR(GetString(val, p, &c.cause_name));
    else if (key == "cause_path") TP_RETURN_IF_ERROR(GetStrings(val, p, &c.cause_path));
    else if (key == "procedure") TP_RETURN_IF_ERROR(GetString(val, p, &c.procedure));
    else if (key == "received_date") TP_RETURN_IF_ERROR(GetDate(val, p, &c.received_date));
    else if (key == "filed_date") {
      std::optional<Date> d;
      TP_RETURN_IF_ERROR(GetDate(val, p, &d));
      if (!d) return FieldError(p, "required");
      c.filed_date = *d;
      has_filed = true;
    }
    else if (key == "closed_date") TP_RETURN_IF_ERROR(GetDate(val, p, &c.closed_date));
    else if (key == "closure_method") TP_RETURN_IF_ERROR(GetString(val, p, &c.closure_method));
    else if (key == "statutory_limit_days") TP_RETURN_IF_ERROR(GetInt(val, p, &c.statutory_limit_days));
    else if (key == "extension_days") TP_RETURN_IF_ERROR(GetInt(val, p, &c.extension_days));
    else if (key == "excluded_days") TP_RETURN_IF_ERROR(GetInt(val, p, &c.excluded_days));
    else if (key == "correction_requested") TP_RETURN_IF_ERROR(GetBool(val, p, &c.correction_requested));
    else if (key == "judge_id") TP_RETURN_IF_ERROR(GetString(val, p, &c.judge_id));
    else if (key == "judge_name") TP_RETURN_IF_ERROR(GetString(val, p, &c.judge_name));
    else if (key == "panel") TP_RETURN_IF_ERROR(GetStrings(val, p, &c.panel));
    else if (key == "clerk") TP_RETURN_IF_ERROR(GetString(val, p, &c.clerk));
    else if (key == "claim_amount") TP_RETURN_IF_ERROR(GetMoney(val, p, &c.claim_amount));
    else if (key == "awarded_amount") TP_RETURN_IF_ERROR(GetMoney(val, p, &c.awarded_amount));
    else if (key == "has_payment_content") TP_RETURN_IF_ERROR(GetBool(val, p, &c.has_payment_content));
    else if (key == "derived_from") {
      if (val.is_null()) continue;
      dom::object link;
      if (val.get_object().get(link)) return FieldError(p, "expected an object");
      CaseLink l;
      for (auto [k2, v2] : link) {
        FieldPath p2{&p, k2};
        if (k2 == "relation") TP_RETURN_IF_ERROR(GetString(v2, p2, &l.relation));
        else if (k2 == "case_id") TP_RETURN_IF_ERROR(GetString(v2, p2, &l.case_id));
        else if (k2 == "case_number") TP_RETURN_IF_ERROR(GetString(v2, p2, &l.case_number));
      }
      c.derived_from = std::move(l);
    } else if (key == "parties") {
      dom::array arr;
      if (val.is_null()) continue;
      if (val.get_array().get(arr)) return FieldError(p, "expected an array");
      size_t i = 0;
      for (dom::element e : arr) {
        Party& party = c.parties.emplace_back(TakeSpare(&tl_spare.parties));
        TP_RETURN_IF_ERROR(ParseParty(e, FieldPath{nullptr, key, static_cast<long>(i++)}, &party));
      }
    } else if (key == "execution") {
      if (val.is_null()) continue;
      dom::object ex;
      if (val.get_object().get(ex)) return FieldError(p, "expected an object");
      ExecutionResult r;
      for (auto [k2, v2] : ex) {
        FieldPath p2{&p, k2};
        if (k2 == "applied_amount") TP_RETURN_IF_ERROR(GetMoney(v2, p2, &r.applied_amount));
        else if (k2 == "recovered_amount") TP_RETURN_IF_ERROR(GetMoney(v2, p2, &r.recovered_amount));
        else if (k2 == "voluntary") TP_RETURN_IF_ERROR(GetBool(v2, p2, &r.voluntary));
      }
      c.execution = r;
    }
    else if (key == "document_id") TP_RETURN_IF_ERROR(GetString(val, p, &c.document_id));
    else if (key == "is_sealed") TP_RETURN_IF_ERROR(GetBool(val, p, &c.is_sealed));
    else if (key == "updated_at") TP_RETURN_IF_ERROR(GetString(val, p, &c.updated_at));
  }
  if (!has_id || c.case_id.empty()) return FieldError("case_id", "required");
  if (!has_filed) return FieldError("filed_date", "required");
  return Status::Ok();
}

Result<Document> ParseDocumentJson(std::string_view line) {
  auto obj = ParseObject(line, tl_parser, tl_buf);
  if (!obj.ok()) return obj.status();
  Document d;
  for (auto [key, val] : *obj) {
    FieldPath p{nullptr, key};
    if (key == "doc_id") TP_RETURN_IF_ERROR(GetString(val, p, &d.doc_id));
    else if (key == "case_id") TP_RETURN_IF_ERROR(GetString(val, p, &d.case_id));
    else if (key == "kind") TP_RETURN_IF_ERROR(GetString(val, p, &d.kind));
    else if (key == "title") TP_RETURN_IF_ERROR(GetString(val, p, &d.title));
    else if (key == "text") TP_RETURN_IF_ERROR(GetString(val, p, &d.text));
  }
  if (d.doc_id.empty()) return FieldError("doc_id", "required");
  return d;
}

}  // namespace tianping
