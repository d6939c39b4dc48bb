// SPDX-License-Identifier: GPL-3.0-or-later
#include "issue.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Jwt {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Jwe: return u"jwe"_s;
    case ErrorKind::Segments: return u"segments"_s;
    case ErrorKind::Base64: return u"base64"_s;
    case ErrorKind::Json: return u"json"_s;
    case ErrorKind::Crit: return u"crit"_s;
    case ErrorKind::AlgNone: return u"alg_none"_s;
    case ErrorKind::UnsupportedAlg: return u"unsupported_alg"_s;
    case ErrorKind::Key: return u"key"_s;
    case ErrorKind::AlgMismatch: return u"alg_mismatch"_s;
    case ErrorKind::Signature: return u"signature"_s;
    case ErrorKind::Expired: return u"expired"_s;
    case ErrorKind::NotYetValid: return u"not_yet_valid"_s;
    case ErrorKind::Issuer: return u"issuer"_s;
    case ErrorKind::Audience: return u"audience"_s;
    case ErrorKind::TimeClaim: return u"time_claim"_s;
    }
    return {};
}

QString warningKindName(WarningKind kind)
{
    switch (kind) {
    case WarningKind::ShortSecret: return u"short_secret"_s;
    case WarningKind::WeakKey: return u"weak_key"_s;
    case WarningKind::NoExp: return u"no_exp"_s;
    case WarningKind::LongLifetime: return u"long_lifetime"_s;
    case WarningKind::IatInFuture: return u"iat_in_future"_s;
    case WarningKind::TimeInMilliseconds: return u"time_in_milliseconds"_s;
    case WarningKind::TimeNotNumber: return u"time_not_number"_s;
    case WarningKind::UntrustedHeaderKey: return u"untrusted_header_key"_s;
    }
    return {};
}

void sortByImportance(QList<Error> &errors)
{
    std::stable_sort(errors.begin(), errors.end(),
                     [](const Error &a, const Error &b) { return a.kind < b.kind; });
}

} // namespace Jwt
