// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/crypto.h"

#include <QList>
#include <QString>

namespace Jwt {

// What the user gave to verify with.
struct KeyInput
{
    enum class Kind {
        None,         // decode only
        SecretText,   // HMAC secret: the UTF-8 bytes of the text
        SecretBase64, // HMAC secret: base64, standard or url-safe alphabet, padding optional
        KeyText,      // PEM (public key, PKCS#1, certificate, private key), JWK or JWKS
    };
    Kind kind = Kind::None;
    QString text;
};

// One key that may verify the token, with the constraints its JWK puts on it.
struct CandidateKey
{
    enum class Family { Hmac, Rsa, Ec, Ed25519 };
    Family family = Family::Hmac;
    QByteArray secret; // Hmac
    Crypto::Key key;   // the others
    QString kid;
    QString alg;       // JWK "alg", empty if none
    QString use;       // JWK "use", empty if none
    QString description; // "RSA 2048-bit public key", "HMAC secret (32 bytes)"
};

struct KeySet
{
    QList<CandidateKey> keys;
    bool isJwks = false;
    QString error; // why the input could not be read (empty on success)
};

KeySet readKeys(const KeyInput &input);
// A secret as the user wrote it, or nullopt when the base64 is broken.
std::optional<QByteArray> decodeSecret(const KeyInput &input);

} // namespace Jwt
