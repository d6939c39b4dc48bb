// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys.h"

#include <optional>

namespace Jwt {

// One JWS algorithm (RFC 7518 §3.1, RFC 8037 §3.1) and what it needs.
struct Algorithm
{
    QString name;
    CandidateKey::Family family;
    Crypto::Hash hash;
    Crypto::SignatureScheme scheme;
    Crypto::Curve curve; // for ES*: the only curve allowed
};

std::optional<Algorithm> findAlgorithm(const QString &name);
const QList<Algorithm> &allAlgorithms();

// Empty when key may be used for alg, else why not (English).
QString keyMismatch(const Algorithm &alg, const CandidateKey &key);

} // namespace Jwt
