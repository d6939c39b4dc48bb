// SPDX-License-Identifier: GPL-3.0-or-later
#include "signer.h"

#include "algorithms.h"
#include "inspector.h"
#include "json.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Jwt {

namespace {

QByteArray encode(const QString &json)
{
    return json.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

SignResult signToken(const QString &algName, const QString &headerJson,
                     const QString &payloadJson, const KeyInput &keyInput)
{
    const auto alg = findAlgorithm(algName);
    if (!alg)
        return {{}, algName.compare(u"none"_s, Qt::CaseInsensitive) == 0
                        ? QCoreApplication::translate("Jwt", "refusing to make an unsigned token (alg \"none\")")
                        : QCoreApplication::translate("Jwt", "unsupported algorithm \"%1\"; use one of %2").arg(
                              algName, supportedAlgorithms().join(u", "_s))};

    JsonValue header = JsonValue::object();
    if (!headerJson.trimmed().isEmpty()) {
        JsonParseResult parsed = parseJson(headerJson.toUtf8());
        if (!parsed.value || !parsed.value->isObject())
            return {{}, QCoreApplication::translate("Jwt", "the header is not a JSON object: %1").arg(
                            parsed.value ? QCoreApplication::translate("Jwt", "it is another JSON value") : parsed.error)};
        header = std::move(*parsed.value);
    }
    if (JsonValue *existing = const_cast<JsonValue *>(header.member(u"alg")))
        *existing = JsonValue::string(alg->name);
    else
        header.members.insert(header.members.begin(), {u"alg"_s, JsonValue::string(alg->name)});
    if (!header.member(u"typ"))
        header.add(u"typ"_s, JsonValue::string(u"JWT"_s));

    JsonParseResult payload = parseJson(payloadJson.toUtf8());
    if (!payload.value || !payload.value->isObject())
        return {{}, QCoreApplication::translate("Jwt", "the payload is not a JSON object: %1").arg(
                        payload.value ? QCoreApplication::translate("Jwt", "it is another JSON value") : payload.error)};

    const KeySet keys = readKeys(keyInput);
    if (!keys.error.isEmpty())
        return {{}, keys.error};
    if (keys.keys.isEmpty())
        return {{}, QCoreApplication::translate("Jwt", "no key given")};
    const CandidateKey &key = keys.keys.first();
    if (const QString why = keyMismatch(*alg, key); !why.isEmpty())
        return {{}, why};

    const QByteArray input = encode(toCompactJson(header)) + '.' + encode(toCompactJson(*payload.value));
    QByteArray signature;
    if (key.family == CandidateKey::Family::Hmac) {
        signature = Crypto::hmac(alg->hash, key.secret, input);
    } else {
        if (!key.key.isPrivate())
            return {{}, QCoreApplication::translate("Jwt", "signing needs a private key, but this is a %1").arg(key.description)};
        QString why;
        signature = Crypto::sign(alg->scheme, alg->hash, key.key, input, &why);
        if (signature.isEmpty())
            return {{}, QCoreApplication::translate("Jwt", "signing failed: %1").arg(why)};
    }
    return {QString::fromLatin1(input + '.'
                                + signature.toBase64(QByteArray::Base64UrlEncoding
                                                     | QByteArray::OmitTrailingEquals)),
            {}};
}

} // namespace Jwt
