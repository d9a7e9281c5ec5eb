// TEMPORARY stand-in for RenderDocument until branch docgen lands; removed on merge.
#include "document_writer.h"

namespace tianping::gen {

const std::vector<std::string>& DocumentErrorKinds() { static const std::vector<std::string> k; return k; }
const std::vector<std::string>& MismatchFields() { static const std::vector<std::string> k; return k; }

RenderedDocument RenderDocument(const Case& c, const Case* origin, const ReferenceData& ref, Rng& rng,
                                const DocumentPlan& plan) {
  RenderedDocument r;
  r.doc.doc_id = c.document_id;
  r.doc.case_id = c.case_id;
  r.doc.kind = "民事判决书";
  r.doc.title = c.court_name + "\n" + r.doc.kind;
  std::string t = r.doc.title + "\n" + c.case_number + "\n";
  for (const auto& p : c.parties) t += p.role + "：" + p.name + "\n";
  t += "经审理查明：……\n本院认为：……\n" + c.closure_method + "\n";
  r.doc.text = t;
  return r;
}

}  // namespace tianping::gen
