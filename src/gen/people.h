// Realistic synthetic people and organisations: Chinese names (surname frequencies + given-name
// characters), gender, ethnicity, birth dates with valid GB 11643 ID numbers for a region, mobile phones,
// street addresses inside a locality, company names with valid GB 32100 credit codes.
// Thread-safety: pure functions of the Rng passed in.
#pragma once

#include <string>
#include <string_view>

#include "tianping/common/date.h"
#include "tianping/common/rng.h"
#include "tianping/model/case.h"

namespace tianping::gen {

std::string RandomSurname(Rng& rng);
std::string RandomGivenName(Rng& rng, bool male);
std::string RandomFullName(Rng& rng, bool* male = nullptr);
std::string RandomPhone(Rng& rng);
// "北京市朝阳区" + road + number [+ building/room].
std::string RandomAddress(Rng& rng, std::string_view locality);
std::string RandomEthnicity(Rng& rng);

// A natural person living in `locality` with an ID number of `region6` (6-digit division code), adult at
// `on` (18–75 years old) unless `minor`.
Party RandomPerson(Rng& rng, std::string_view locality, std::string_view region6, Date on, bool minor = false);
// A company ("广州市XX贸易有限公司") registered in `region6`, with legal representative and credit code.
// `city` is the name prefix (e.g. "广州市").
Party RandomCompany(Rng& rng, std::string_view city, std::string_view locality, std::string_view region6);
// A valid unified social credit code of an enterprise registered in region6.
std::string RandomCreditCode(Rng& rng, std::string_view region6, char authority = '9', char type = '1');

}  // namespace tianping::gen
