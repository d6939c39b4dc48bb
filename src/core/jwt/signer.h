// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys.h"

namespace Jwt {

struct SignResult
{
    QString token; // empty on failure
    QString error; // English reason
};

// Makes a compact JWS. headerJson may be empty ({"alg","typ":"JWT"} is used);
// otherwise its members are kept in order and "alg" is set to alg. The
// payload must be a JSON object; its text is kept exactly (order, digits).
// The key must be a private key or secret that alg allows.
SignResult signToken(const QString &alg, const QString &headerJson, const QString &payloadJson,
                     const KeyInput &key);

} // namespace Jwt
