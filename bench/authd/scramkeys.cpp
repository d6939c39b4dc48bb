// SPDX-License-Identifier: GPL-3.0-or-later
#include "scramkeys.h"

#include "core/scram/scram.h"
#include "crypto/crypto.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace LoadGen {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return Crypto::hmac(Crypto::Hash::Sha256, key, data);
}

} // namespace

const ClientKeys &ScramKeyCache::keys(const QString &password, const QByteArray &salt,
                                      int iterations)
{
    const QByteArray id =
        QByteArray::number(iterations) + ':' + salt.toBase64() + ':' + password.toUtf8();
    auto it = m_keys.find(id);
    if (it != m_keys.end())
        return *it;
    // RFC 5802 §3: SaltedPassword = Hi(Normalize(password), salt, i).
    const QByteArray salted =
        Crypto::pbkdf2(Crypto::Hash::Sha256, Scram::prepare(password).value_or(password).toUtf8(),
                       salt, iterations, 32);
    ClientKeys keys;
    keys.clientKey = hmac(salted, "Client Key");
    keys.storedKey = Crypto::digest(Crypto::Hash::Sha256, keys.clientKey);
    keys.serverKey = hmac(salted, "Server Key");
    ++m_derivations;
    return *m_keys.insert(id, keys);
}

CachedScramLogin::CachedScramLogin(ScramKeyCache &cache, const QString &user,
                                   const QString &password)
    : m_cache(cache)
    , m_user(user)
    , m_password(password)
{}

QByteArray CachedScramLogin::clientFirst(const QByteArray &nonce)
{
    const auto name = Scram::encodeName(m_user);
    if (!name)
        return {};
    m_nonce = nonce.isEmpty() ? Scram::newNonce() : nonce;
    m_expectedServerSignature.clear();
    m_clientFirstBare = "n=" + name->toUtf8() + ",r=" + m_nonce;
    return "n,," + m_clientFirstBare;
}

std::optional<QByteArray> CachedScramLogin::clientFinal(const QByteArray &serverFirst,
                                                        QString *error)
{
    // r=<nonce>,s=<salt>,i=<iterations>, in that order (RFC 5802 §5.1).
    const QList<QByteArray> parts = serverFirst.split(',');
    if (parts.size() < 3 || !parts[0].startsWith("r=") || !parts[1].startsWith("s=") ||
        !parts[2].startsWith("i=")) {
        *error = u"the challenge is not a SCRAM server-first message"_s;
        return std::nullopt;
    }
    const QByteArray nonce = parts[0].mid(2);
    const auto salt =
        QByteArray::fromBase64Encoding(parts[1].mid(2), QByteArray::AbortOnBase64DecodingErrors);
    bool ok = false;
    const int iterations = parts[2].mid(2).toInt(&ok);
    if (!nonce.startsWith(m_nonce) || nonce.size() <= m_nonce.size() || !salt || !ok ||
        iterations < Scram::minIterations || iterations > Scram::maxIterations) {
        *error = u"the challenge has a foreign nonce, a bad salt or iteration count"_s;
        return std::nullopt;
    }
    const ClientKeys &keys = m_cache.keys(m_password, *salt, iterations);
    const QByteArray withoutProof = "c=biws,r=" + nonce; // biws = base64("n,,")
    const QByteArray authMessage = m_clientFirstBare + ',' + serverFirst + ',' + withoutProof;
    QByteArray proof = hmac(keys.storedKey, authMessage); // ClientSignature
    for (qsizetype i = 0; i < proof.size(); ++i)
        proof[i] = char(proof[i] ^ keys.clientKey[i]);
    m_expectedServerSignature = hmac(keys.serverKey, authMessage);
    return withoutProof + ",p=" + proof.toBase64();
}

bool CachedScramLogin::serverFinalValid(const QByteArray &serverFinal) const
{
    if (!serverFinal.startsWith("v=") || m_expectedServerSignature.isEmpty())
        return false;
    const auto signature =
        QByteArray::fromBase64Encoding(serverFinal.mid(2), QByteArray::AbortOnBase64DecodingErrors);
    return signature && Crypto::constantTimeEquals(*signature, m_expectedServerSignature);
}

} // namespace LoadGen
