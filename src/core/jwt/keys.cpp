// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Jwt {

namespace {

std::optional<QByteArray> base64Any(QString text)
{
    text.remove(QRegularExpression(u"\\s"_s));
    const bool url = text.contains(u'-') || text.contains(u'_');
    auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), (url ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding)
                             | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || text.isEmpty())
        return std::nullopt;
    return *decoded;
}

// JWK members are base64url without padding (RFC 7517 §2, RFC 7518 §6).
QByteArray member(const QJsonObject &jwk, const char *name)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        jwk.value(QLatin1String(name)).toString().toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? *decoded : QByteArray();
}

QString describe(const Crypto::Key &key)
{
    const QString kind = key.isPrivate() ? QCoreApplication::translate("Jwt", "private")
                                         : QCoreApplication::translate("Jwt", "public");
    switch (key.type()) {
    case Crypto::KeyType::Rsa: return QCoreApplication::translate("Jwt", "RSA %1-bit %2 key").arg(key.bits()).arg(kind);
    case Crypto::KeyType::Ec: {
        const char *curve = key.curve() == Crypto::Curve::P256 ? "P-256"
            : key.curve() == Crypto::Curve::P384               ? "P-384"
                                                               : "P-521";
        return QCoreApplication::translate("Jwt", "EC %1 %2 key").arg(QLatin1String(curve), kind);
    }
    case Crypto::KeyType::Ed25519: return QCoreApplication::translate("Jwt", "Ed25519 %1 key").arg(kind);
    }
    return {};
}

CandidateKey::Family familyOf(const Crypto::Key &key)
{
    switch (key.type()) {
    case Crypto::KeyType::Rsa: return CandidateKey::Family::Rsa;
    case Crypto::KeyType::Ec: return CandidateKey::Family::Ec;
    case Crypto::KeyType::Ed25519: return CandidateKey::Family::Ed25519;
    }
    return CandidateKey::Family::Rsa;
}

std::optional<CandidateKey> fromJwk(const QJsonObject &jwk, QString *error)
{
    CandidateKey c;
    c.kid = jwk.value(u"kid"_s).toString();
    c.alg = jwk.value(u"alg"_s).toString();
    c.use = jwk.value(u"use"_s).toString();
    const QString kty = jwk.value(u"kty"_s).toString();
    QString why;
    if (kty == u"oct"_s) {
        c.family = CandidateKey::Family::Hmac;
        c.secret = member(jwk, "k");
        if (c.secret.isEmpty()) {
            *error = QCoreApplication::translate("Jwt", "the oct JWK has no usable \"k\"");
            return std::nullopt;
        }
        c.description = QCoreApplication::translate("Jwt", "HMAC secret from a JWK (%1 bytes)").arg(c.secret.size());
        return c;
    }
    if (kty == u"RSA"_s) {
        c.key = Crypto::Key::fromRsa(member(jwk, "n"), member(jwk, "e"), member(jwk, "d"), &why);
    } else if (kty == u"EC"_s) {
        const QString crv = jwk.value(u"crv"_s).toString();
        const Crypto::Curve curve = crv == u"P-256"_s ? Crypto::Curve::P256
            : crv == u"P-384"_s                       ? Crypto::Curve::P384
            : crv == u"P-521"_s                       ? Crypto::Curve::P521
                                                      : Crypto::Curve::None;
        if (curve == Crypto::Curve::None) {
            *error = QCoreApplication::translate("Jwt", "unsupported EC curve \"%1\"").arg(crv);
            return std::nullopt;
        }
        c.key = Crypto::Key::fromEc(curve, member(jwk, "x"), member(jwk, "y"), member(jwk, "d"),
                                    &why);
    } else if (kty == u"OKP"_s) {
        if (jwk.value(u"crv"_s).toString() != u"Ed25519"_s) {
            *error = QCoreApplication::translate("Jwt", "unsupported OKP curve \"%1\"").arg(jwk.value(u"crv"_s).toString());
            return std::nullopt;
        }
        c.key = Crypto::Key::fromEd25519(member(jwk, "x"), member(jwk, "d"), &why);
    } else {
        *error = kty.isEmpty() ? QCoreApplication::translate("Jwt", "the JWK has no \"kty\"")
                               : QCoreApplication::translate("Jwt", "unsupported JWK key type \"%1\"").arg(kty);
        return std::nullopt;
    }
    if (c.key.isNull()) {
        *error = QCoreApplication::translate("Jwt", "the %1 JWK is not a valid key: %2").arg(kty, why);
        return std::nullopt;
    }
    c.family = familyOf(c.key);
    c.description = describe(c.key) + QCoreApplication::translate("Jwt", " from a JWK");
    return c;
}

KeySet readJson(const QString &text)
{
    KeySet set;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!doc.isObject()) {
        set.error = parseError.error != QJsonParseError::NoError
            ? QCoreApplication::translate("Jwt", "the key is not valid JSON: %1 at offset %2").arg(parseError.errorString())
                  .arg(parseError.offset)
            : QCoreApplication::translate("Jwt", "a JWK or JWKS must be a JSON object");
        return set;
    }
    const QJsonObject object = doc.object();
    if (object.contains(u"keys"_s)) {
        set.isJwks = true;
        const QJsonArray keys = object.value(u"keys"_s).toArray();
        QStringList problems;
        for (const QJsonValue &value : keys) {
            QString why;
            if (auto c = fromJwk(value.toObject(), &why))
                set.keys.append(*c);
            else
                problems << why;
        }
        if (set.keys.isEmpty())
            set.error = keys.isEmpty() ? QCoreApplication::translate("Jwt", "the JWKS has no keys")
                                       : QCoreApplication::translate("Jwt", "no key in the JWKS is usable: %1").arg(problems.join(u"; "_s));
        return set;
    }
    QString why;
    if (auto c = fromJwk(object, &why))
        set.keys.append(*c);
    else
        set.error = why;
    return set;
}

} // namespace

std::optional<QByteArray> decodeSecret(const KeyInput &input)
{
    if (input.kind == KeyInput::Kind::SecretText)
        return input.text.toUtf8();
    if (input.kind == KeyInput::Kind::SecretBase64)
        return base64Any(input.text);
    return std::nullopt;
}

KeySet readKeys(const KeyInput &input)
{
    KeySet set;
    switch (input.kind) {
    case KeyInput::Kind::None:
        return set;
    case KeyInput::Kind::SecretText:
    case KeyInput::Kind::SecretBase64: {
        const auto secret = decodeSecret(input);
        if (!secret || secret->isEmpty()) {
            set.error = input.kind == KeyInput::Kind::SecretBase64 && !input.text.trimmed().isEmpty()
                ? QCoreApplication::translate("Jwt", "the secret is not valid base64 (standard or url-safe alphabet)")
                : QCoreApplication::translate("Jwt", "the secret is empty");
            return set;
        }
        CandidateKey c;
        c.secret = *secret;
        c.description = QCoreApplication::translate("Jwt", "HMAC secret (%1 bytes)").arg(secret->size());
        set.keys.append(c);
        return set;
    }
    case KeyInput::Kind::KeyText:
        break;
    }
    const QString text = input.text.trimmed();
    if (text.startsWith(u'{'))
        return readJson(text);
    if (text.startsWith(u"-----BEGIN"_s)) {
        QString why;
        const Crypto::Key key = Crypto::Key::fromPem(text.toLatin1(), &why);
        if (key.isNull()) {
            set.error = QCoreApplication::translate("Jwt", "the PEM key cannot be read: %1").arg(why);
            return set;
        }
        CandidateKey c;
        c.family = familyOf(key);
        c.key = key;
        c.description = describe(key);
        set.keys.append(c);
        return set;
    }
    set.error = text.isEmpty()
        ? QCoreApplication::translate("Jwt", "no key given")
        : QCoreApplication::translate("Jwt", "the key is neither PEM (-----BEGIN ...) nor a JWK or JWKS (JSON)");
    return set;
}

} // namespace Jwt
