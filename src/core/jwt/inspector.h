// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys.h"
#include "token.h"

#include <optional>

namespace Jwt {

struct InspectOptions
{
    std::optional<qint64> now; // seconds since the epoch; the clock when empty
    qint64 leeway = 60;        // seconds of clock skew allowed for exp and nbf
    QString issuer;            // expected "iss", unchecked when empty
    QString audience;          // expected in "aud", unchecked when empty
};

// NoMatchingKey: keys were given but none is the one the token names (its kid): not checked either.
enum class SignatureVerdict { NotChecked, Valid, Invalid, NoMatchingKey };
enum class ClaimsVerdict { NotChecked, Valid, Expired, NotYetValid, Rejected };

// A NumericDate claim (RFC 7519 §2) read from the payload.
struct TimeClaim
{
    QString name;     // "exp", "nbf", "iat", "auth_time", ...
    qint64 unix = 0;
    bool inRange = true; // false when it cannot be shown as a date (years beyond 9999)
};

struct Report
{
    Token token;
    SignatureVerdict signature = SignatureVerdict::NotChecked;
    ClaimsVerdict claims = ClaimsVerdict::NotChecked;
    QList<Error> errors; // the token's and the checks', most important first
    QList<Warning> warnings;
    QList<TimeClaim> times;
    QString keyUsed;     // description of the key that verified, if any
    qint64 now = 0;

    bool decoded() const; // none of jwe, segments, base64, json
    // 0: decodes and every check that could run passed; 1: a check failed; 2: cannot decode.
    int exitCode() const;
};

Report inspect(QStringView input, const KeyInput &key, const InspectOptions &options = {});
Report inspect(Token token, const KeySet &keys, const InspectOptions &options = {});

// Names of the algorithms we verify and sign, in display order.
QStringList supportedAlgorithms();

} // namespace Jwt
