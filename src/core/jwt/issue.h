// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Jwt {

// What can be wrong with a token, most important first: reports are sorted by
// this order, and the first error is the one a user sees in the banner.
enum class ErrorKind {
    Jwe,            // five segments: an encrypted token, which we do not decrypt
    Segments,       // not three '.'-separated segments
    Base64,         // a segment is not strict base64url (RFC 7515 §2)
    Json,           // header or payload is not a UTF-8 JSON object
    Crit,           // a "crit" extension we do not understand, or b64:false (RFC 7797)
    AlgNone,        // alg "none": never verified
    UnsupportedAlg, // missing or unknown alg
    Key,            // the verification key could not be read or selected
    AlgMismatch,    // the key does not allow the token's algorithm
    Signature,      // the signature does not verify
    Expired,
    NotYetValid,
    Issuer,
    Audience,
    TimeClaim,      // exp, nbf or iat is not a NumericDate (RFC 7519 §2, §4.1.4-6)
};

enum class WarningKind {
    ShortSecret,     // HMAC secret shorter than the hash output (RFC 7518 §3.2)
    WeakKey,         // RSA key under 2048 bits
    NoExp,
    LongLifetime,    // more than 24 hours
    IatInFuture,
    TimeInMilliseconds,
    TimeNotNumber,   // exp/nbf/iat given as a string or other non-number
    UntrustedHeaderKey, // jwk, jku, x5u, x5c: never trusted, never fetched
};

QString errorKindName(ErrorKind kind);     // "alg_mismatch"
QString warningKindName(WarningKind kind); // "short_secret"

struct Error
{
    ErrorKind kind;
    QString message;         // English; the GUI shows a translated one built from the same facts
    int segment = -1;        // 0 header, 1 payload, 2 signature; -1 none
    qsizetype position = -1; // character index in the token; -1 none
};

struct Warning
{
    WarningKind kind;
    QString message;
};

void sortByImportance(QList<Error> &errors);

} // namespace Jwt
