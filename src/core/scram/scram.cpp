// SPDX-License-Identifier: GPL-3.0-or-later
#include "scram.h"

#include "crypto/crypto.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace Scram {

namespace {

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64();
}

std::optional<QByteArray> unb64(const QByteArray &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || text.isEmpty())
        return std::nullopt;
    return *decoded;
}

QByteArray xorBytes(const QByteArray &a, const QByteArray &b)
{
    QByteArray out(a.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < a.size(); ++i)
        out[i] = char(a[i] ^ b[i]);
    return out;
}

// "a=1,b=2" -> attribute values in order; nullopt if any part is not "x=...".
std::optional<QList<std::pair<char, QByteArray>>> attributes(const QByteArray &message)
{
    QList<std::pair<char, QByteArray>> out;
    for (const QByteArray &part : message.split(',')) {
        if (part.size() < 2 || part[1] != '=' || !std::isalpha(uchar(part[0])))
            return std::nullopt;
        out.append({part[0], part.mid(2)});
    }
    return out;
}

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return Crypto::hmac(Crypto::Hash::Sha256, key, data);
}

bool validNonce(const QByteArray &nonce)
{
    // RFC 5802 §7: printable ASCII except ','.
    if (nonce.isEmpty())
        return false;
    for (const char c : nonce)
        if (c < 0x21 || c > 0x7e || c == ',')
            return false;
    return true;
}

} // namespace

Verifier Verifier::fromPassword(const QString &password, const QByteArray &salt, int iterations)
{
    // RFC 5802 §3: SaltedPassword = Hi(Normalize(password), salt, i).
    const QByteArray salted = Crypto::pbkdf2(Crypto::Hash::Sha256, prepare(password).value_or(password).toUtf8(),
                                             salt, iterations, 32);
    Verifier v;
    v.iterations = iterations;
    v.salt = salt;
    v.storedKey = Crypto::digest(Crypto::Hash::Sha256, hmac(salted, "Client Key"));
    v.serverKey = hmac(salted, "Server Key");
    return v;
}

std::optional<Verifier> Verifier::parse(const QString &text)
{
    // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
    const QStringList parts = text.split(u'$');
    if (parts.size() != 3 || parts[0] != u"SCRAM-SHA-256"_s)
        return std::nullopt;
    const QStringList first = parts[1].split(u':');
    const QStringList second = parts[2].split(u':');
    if (first.size() != 2 || second.size() != 2)
        return std::nullopt;
    bool ok = false;
    Verifier v;
    v.iterations = first[0].toInt(&ok);
    const auto salt = unb64(first[1].toLatin1());
    const auto stored = unb64(second[0].toLatin1());
    const auto server = unb64(second[1].toLatin1());
    if (!ok || v.iterations < 1 || !salt || !stored || !server || stored->size() != 32
        || server->size() != 32)
        return std::nullopt;
    v.salt = *salt;
    v.storedKey = *stored;
    v.serverKey = *server;
    return v;
}

QString Verifier::toString() const
{
    return u"SCRAM-SHA-256$%1:%2$%3:%4"_s.arg(iterations)
        .arg(QString::fromLatin1(b64(salt)), QString::fromLatin1(b64(storedKey)),
             QString::fromLatin1(b64(serverKey)));
}

std::optional<QString> prepare(const QString &text)
{
    const QString normalized = text.normalized(QString::NormalizationForm_KC);
    for (const QChar c : normalized)
        if (c.category() == QChar::Other_Control || c.unicode() == 0x7f)
            return std::nullopt;
    return normalized;
}

std::optional<QString> encodeName(const QString &name)
{
    const auto prepared = prepare(name);
    if (!prepared || prepared->isEmpty())
        return std::nullopt;
    QString out = *prepared;
    out.replace(u'=', u"=3D"_s);
    out.replace(u',', u"=2C"_s);
    return out;
}

std::optional<QString> decodeName(const QString &saslName)
{
    // '=' may only start "=3D" or "=2C" (RFC 5802 §5.1).
    QString out;
    for (qsizetype i = 0; i < saslName.size(); ++i) {
        if (saslName[i] != u'=') {
            out += saslName[i];
            continue;
        }
        const QStringView code = QStringView(saslName).mid(i + 1, 2);
        if (code == u"3D")
            out += u'=';
        else if (code == u"2C")
            out += u',';
        else
            return std::nullopt;
        i += 2;
    }
    return prepare(out);
}

QByteArray newNonce()
{
    return b64(Crypto::randomBytes(nonceBytes));
}

ClientExchange::ClientExchange(const QString &user, const QString &password, QByteArray nonce)
    : m_user(user)
    , m_password(password)
    , m_nonce(std::move(nonce))
{
}

QByteArray ClientExchange::clientFirst(QString *error)
{
    const auto name = encodeName(m_user);
    if (!name) {
        *error = u"the user name is empty or contains control characters"_s;
        return {};
    }
    m_clientFirstBare = "n=" + name->toUtf8() + ",r=" + m_nonce;
    return "n,," + m_clientFirstBare;
}

QByteArray ClientExchange::handleServerFirst(const QByteArray &serverFirst, QString *error)
{
    const auto attrs = attributes(serverFirst);
    if (!attrs || attrs->size() < 3 || (*attrs)[0].first != 'r' || (*attrs)[1].first != 's'
        || (*attrs)[2].first != 'i') {
        *error = u"the server's challenge is not a SCRAM server-first message"_s;
        return {};
    }
    const QByteArray nonce = (*attrs)[0].second;
    const auto salt = unb64((*attrs)[1].second);
    bool ok = false;
    const qlonglong iterations = (*attrs)[2].second.toLongLong(&ok);
    if (!nonce.startsWith(m_nonce) || nonce.size() <= m_nonce.size() || !validNonce(nonce)) {
        *error = u"the server changed our nonce: not a genuine SCRAM server"_s;
        return {};
    }
    if (!salt || !ok) {
        *error = u"the server's salt or iteration count is malformed"_s;
        return {};
    }
    if (iterations < minIterations || iterations > maxIterations) {
        *error = u"the server asks for %1 iterations; only %2 to %3 are accepted"_s.arg(iterations)
                     .arg(minIterations)
                     .arg(maxIterations);
        return {};
    }
    m_iterations = int(iterations);
    const auto password = prepare(m_password);
    if (!password) {
        *error = u"the password contains control characters"_s;
        return {};
    }
    const QByteArray salted = Crypto::pbkdf2(Crypto::Hash::Sha256, password->toUtf8(), *salt, m_iterations, 32);
    const QByteArray clientKey = hmac(salted, "Client Key");
    const QByteArray storedKey = Crypto::digest(Crypto::Hash::Sha256, clientKey);
    const QByteArray withoutProof = "c=biws,r=" + nonce; // biws = base64("n,,")
    const QByteArray authMessage = m_clientFirstBare + ',' + serverFirst + ',' + withoutProof;
    const QByteArray proof = xorBytes(clientKey, hmac(storedKey, authMessage));
    m_expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
    return withoutProof + ",p=" + b64(proof);
}

bool ClientExchange::verifyServerFinal(const QByteArray &serverFinal, QString *error) const
{
    if (!serverFinal.startsWith("v=")) {
        *error = u"the server's final message has no signature"_s;
        return false;
    }
    const auto signature = unb64(serverFinal.mid(2));
    if (!signature || m_expectedServerSignature.isEmpty()
        || !Crypto::constantTimeEquals(*signature, m_expectedServerSignature)) {
        *error = u"the server could not prove that it knows your password's verifier: it may be an impostor"_s;
        return false;
    }
    return true;
}

ServerExchange::ServerExchange(QByteArray nonce)
    : m_nonce(std::move(nonce))
{
}

std::optional<QString> ServerExchange::handleClientFirst(const QByteArray &clientFirst)
{
    // gs2-header "n,," (no channel binding, no authzid), then n=<name>,r=<nonce>.
    if (!clientFirst.startsWith("n,,"))
        return std::nullopt;
    const QByteArray bare = clientFirst.mid(3);
    const auto attrs = attributes(bare);
    if (!attrs || attrs->size() < 2 || (*attrs)[0].first != 'n' || (*attrs)[1].first != 'r'
        || !validNonce((*attrs)[1].second))
        return std::nullopt;
    const auto name = decodeName(QString::fromUtf8((*attrs)[0].second));
    if (!name || name->isEmpty())
        return std::nullopt;
    m_clientFirstBare = bare;
    m_clientNonce = (*attrs)[1].second;
    return name;
}

QByteArray ServerExchange::serverFirst(const Verifier &verifier)
{
    m_verifier = verifier;
    m_serverFirst = "r=" + m_clientNonce + m_nonce + ",s=" + b64(verifier.salt) + ",i="
        + QByteArray::number(verifier.iterations);
    return m_serverFirst;
}

QByteArray ServerExchange::handleClientFinal(const QByteArray &clientFinal, Failure *failure)
{
    *failure = Failure::BadMessage;
    const qsizetype proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0 || m_serverFirst.isEmpty())
        return {};
    const QByteArray withoutProof = clientFinal.left(proofAt);
    const auto attrs = attributes(withoutProof);
    const auto proof = unb64(clientFinal.mid(proofAt + 3));
    if (!attrs || attrs->size() < 2 || (*attrs)[0].first != 'c' || (*attrs)[1].first != 'r' || !proof)
        return {};
    if ((*attrs)[0].second != "biws")
        return {}; // channel binding is not offered
    if (!Crypto::constantTimeEquals((*attrs)[1].second, m_clientNonce + m_nonce)) {
        *failure = Failure::NonceMismatch;
        return {};
    }
    const QByteArray authMessage = m_clientFirstBare + ',' + m_serverFirst + ',' + withoutProof;
    const QByteArray signature = hmac(m_verifier.storedKey, authMessage);
    // RFC 5802 §3: ClientKey = ClientProof XOR ClientSignature; H(ClientKey) must be StoredKey.
    bool valid = proof->size() == signature.size();
    const QByteArray clientKey = xorBytes(valid ? *proof : signature, signature);
    valid = Crypto::constantTimeEquals(Crypto::digest(Crypto::Hash::Sha256, clientKey), m_verifier.storedKey)
        && valid;
    if (!valid) {
        *failure = Failure::InvalidProof;
        return {};
    }
    *failure = Failure::None;
    return "v=" + b64(hmac(m_verifier.serverKey, authMessage));
}

} // namespace Scram
