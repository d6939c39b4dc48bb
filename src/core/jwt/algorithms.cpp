// SPDX-License-Identifier: GPL-3.0-or-later
#include "algorithms.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Jwt {

namespace {

QString familyName(CandidateKey::Family family)
{
    switch (family) {
    case CandidateKey::Family::Hmac: return QCoreApplication::translate("Jwt", "a shared secret");
    case CandidateKey::Family::Rsa: return QCoreApplication::translate("Jwt", "an RSA key");
    case CandidateKey::Family::Ec: return QCoreApplication::translate("Jwt", "an EC key");
    case CandidateKey::Family::Ed25519: return QCoreApplication::translate("Jwt", "an Ed25519 key");
    }
    return {};
}

QString curveName(Crypto::Curve curve)
{
    switch (curve) {
    case Crypto::Curve::P256: return u"P-256"_s;
    case Crypto::Curve::P384: return u"P-384"_s;
    case Crypto::Curve::P521: return u"P-521"_s;
    case Crypto::Curve::None: break;
    }
    return u"?"_s;
}

} // namespace

const QList<Algorithm> &allAlgorithms()
{
    using F = CandidateKey::Family;
    using H = Crypto::Hash;
    using S = Crypto::SignatureScheme;
    using C = Crypto::Curve;
    static const QList<Algorithm> algorithms = {
        {u"HS256"_s, F::Hmac, H::Sha256, S::RsaPkcs1, C::None},
        {u"HS384"_s, F::Hmac, H::Sha384, S::RsaPkcs1, C::None},
        {u"HS512"_s, F::Hmac, H::Sha512, S::RsaPkcs1, C::None},
        {u"RS256"_s, F::Rsa, H::Sha256, S::RsaPkcs1, C::None},
        {u"RS384"_s, F::Rsa, H::Sha384, S::RsaPkcs1, C::None},
        {u"RS512"_s, F::Rsa, H::Sha512, S::RsaPkcs1, C::None},
        {u"PS256"_s, F::Rsa, H::Sha256, S::RsaPss, C::None},
        {u"PS384"_s, F::Rsa, H::Sha384, S::RsaPss, C::None},
        {u"PS512"_s, F::Rsa, H::Sha512, S::RsaPss, C::None},
        {u"ES256"_s, F::Ec, H::Sha256, S::Ecdsa, C::P256},
        {u"ES384"_s, F::Ec, H::Sha384, S::Ecdsa, C::P384},
        {u"ES512"_s, F::Ec, H::Sha512, S::Ecdsa, C::P521},
        {u"EdDSA"_s, F::Ed25519, H::Sha512, S::EdDsa, C::None},
    };
    return algorithms;
}

std::optional<Algorithm> findAlgorithm(const QString &name)
{
    for (const Algorithm &a : allAlgorithms())
        if (a.name == name) // case-sensitive (RFC 7515 §4.1.1)
            return a;
    return std::nullopt;
}

QString keyMismatch(const Algorithm &alg, const CandidateKey &key)
{
    // The key decides which algorithms are allowed (RFC 8725 §3.1): an RSA
    // public key used as an HMAC secret is the classic forgery.
    if (key.family != alg.family) {
        QString why = QCoreApplication::translate("Jwt", "%1 needs %2, but the key is %3").arg(alg.name, familyName(alg.family),
                                                           key.description);
        if (alg.family == CandidateKey::Family::Hmac)
            why += QCoreApplication::translate("Jwt", "; using a public key as an HMAC secret would let anyone forge tokens");
        return why;
    }
    if (alg.family == CandidateKey::Family::Ec && key.key.curve() != alg.curve)
        return QCoreApplication::translate("Jwt", "%1 needs a key on curve %2, but the key is on %3").arg(
            alg.name, curveName(alg.curve), curveName(key.key.curve()));
    if (!key.alg.isEmpty() && key.alg != alg.name)
        return QCoreApplication::translate("Jwt", "the JWK says \"alg\": \"%1\", but the token uses %2").arg(key.alg, alg.name);
    if (!key.use.isEmpty() && key.use != u"sig"_s)
        return QCoreApplication::translate("Jwt", "the JWK says \"use\": \"%1\", not \"sig\"").arg(key.use);
    return {};
}

} // namespace Jwt
