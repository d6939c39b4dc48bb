// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/crypto.h"

#include <QString>

#include <optional>

namespace Authd {

// An instance's own Ed25519 signing key: the private half only in its data
// directory (signing-key.pem, 0600, written atomically), the public half
// published to the database for every instance to verify with.
struct SigningKey
{
    Crypto::Key key;
    QString kid;  // the RFC 7638 thumbprint of the public JWK
    QByteArray x; // the raw 32-byte public key (the JWK's "x")

    static SigningKey fromKey(const Crypto::Key &key);
    // Loads DIR/signing-key.pem, creating the directory (0700) and the key when missing.
    static std::optional<SigningKey> loadOrCreate(const QString &directory, QString *error);
    // Writes a fresh key over DIR/signing-key.pem (key rotation).
    static std::optional<SigningKey> replace(const QString &directory, QString *error);
    static QString fileIn(const QString &directory);
};

// Creates the data directory, private to its owner.
bool makePrivateDirectory(const QString &directory, QString *error);
// A secret file of an older data directory (salt-secret); empty when absent.
std::optional<QByteArray> readPrivateFile(const QString &path, QString *error);

// base64url without padding (RFC 7515 §2).
QString base64Url(const QByteArray &bytes);
// The raw 32-byte public key of an Ed25519 key, for its JWK "x".
QByteArray ed25519PublicBytes(const Crypto::Key &key);

} // namespace Authd
