// SPDX-License-Identifier: GPL-3.0-or-later
// JWS signatures (RFC 7518 §3.3-3.5, RFC 8037 §3.1) over EVP_DigestSign/Verify.
#include "crypto/crypto_p.h"

#include <openssl/ec.h>
#include <openssl/rsa.h>

namespace Crypto {

using namespace Detail;
using namespace Qt::StringLiterals;

namespace {

using EcdsaSigPtr = Owned<ECDSA_SIG, ECDSA_SIG_free>;

constexpr qsizetype Ed25519SignatureSize = 64;

QByteArray failed(QString *error, const QString &message, bool withOpenSslReason = false)
{
    setError(error, message, withOpenSslReason);
    return {};
}

// RFC 7518 §3.4 ties each ES algorithm to one curve.
Curve curveFor(Hash hash)
{
    switch (hash) {
    case Hash::Sha256:
        return Curve::P256;
    case Hash::Sha384:
        return Curve::P384;
    case Hash::Sha512:
        return Curve::P521;
    }
    return Curve::None;
}

// Why key cannot be used for scheme with hash; empty when it can.
QString mismatch(SignatureScheme scheme, Hash hash, const Key &key)
{
    switch (scheme) {
    case SignatureScheme::RsaPkcs1:
    case SignatureScheme::RsaPss:
        if (!digestName(hash))
            return u"unknown hash"_s;
        if (key.type() != KeyType::Rsa)
            return u"RS and PS algorithms need an RSA key"_s;
        return {};
    case SignatureScheme::Ecdsa:
        if (!digestName(hash))
            return u"unknown hash"_s;
        if (key.type() != KeyType::Ec)
            return u"ES algorithms need an EC key"_s;
        if (key.curve() != curveFor(hash))
            return u"ES%1 needs a P-%2 key"_s.arg(hashSize(hash) * 8)
                .arg(hash == Hash::Sha512 ? 521 : hashSize(hash) * 8);
        return {};
    case SignatureScheme::EdDsa:
        if (key.type() != KeyType::Ed25519)
            return u"EdDSA needs an Ed25519 key"_s;
        return {};
    }
    return u"unknown signature scheme"_s;
}

bool initialise(EVP_MD_CTX *ctx, SignatureScheme scheme, Hash hash, EVP_PKEY *pkey, bool signing)
{
    // Ed25519 is PureEdDSA (RFC 8032 §5.1): it hashes internally and takes no digest.
    const char *md = scheme == SignatureScheme::EdDsa ? nullptr : digestName(hash);
    EVP_PKEY_CTX *pctx = nullptr; // owned by ctx
    const int ok = signing
                       ? EVP_DigestSignInit_ex(ctx, &pctx, md, nullptr, nullptr, pkey, nullptr)
                       : EVP_DigestVerifyInit_ex(ctx, &pctx, md, nullptr, nullptr, pkey, nullptr);
    if (ok != 1 || !pctx)
        return false;
    switch (scheme) {
    case SignatureScheme::RsaPkcs1:
        return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) > 0;
    case SignatureScheme::RsaPss:
        // RFC 7518 §3.5: MGF1 with the same hash and a salt as long as the hash.
        // On verification RSA_PSS_SALTLEN_DIGEST also rejects any other salt length.
        return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0 &&
               EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) > 0 &&
               EVP_PKEY_CTX_set_rsa_mgf1_md_name(pctx, md, nullptr) > 0;
    case SignatureScheme::Ecdsa:
    case SignatureScheme::EdDsa:
        break;
    }
    return true;
}

// OpenSSL's DER ECDSA-Sig-Value to JOSE's R || S, each left-padded to the
// coordinate size (RFC 7518 §3.4).
QByteArray derToJose(const QByteArray &der, int size)
{
    const unsigned char *in = bytes(der);
    const EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &in, long(der.size())));
    if (!sig)
        return {};
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray jose(2 * size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(jose.data());
    if (BN_bn2binpad(r, out, size) != size || BN_bn2binpad(s, out + size, size) != size)
        return {};
    return jose;
}

// The reverse, for verification. Empty for anything that is not exactly two
// coordinate-sized integers (DER input, truncation) or has r or s zero; OpenSSL
// then rejects r or s >= the group order.
QByteArray joseToDer(const QByteArray &jose, int size)
{
    if (size <= 0 || jose.size() != 2 * qsizetype(size))
        return {};
    BnPtr r(BN_bin2bn(bytes(jose), size, nullptr));
    BnPtr s(BN_bin2bn(bytes(jose) + size, size, nullptr));
    if (!r || !s || BN_is_zero(r.get()) || BN_is_zero(s.get()))
        return {};
    EcdsaSigPtr sig(ECDSA_SIG_new());
    if (!sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return {};
    (void)r.release(); // now owned by sig
    (void)s.release();
    const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != length)
        return {};
    return der;
}

} // namespace

QByteArray sign(SignatureScheme scheme, Hash hash, const Key &key, const QByteArray &data,
                QString *error)
{
    ErrorScope scope;
    EVP_PKEY *pkey = Key::Private::pkeyOf(key);
    if (!pkey)
        return failed(error, u"no key"_s);
    if (!key.isPrivate())
        return failed(error, u"signing needs a private key"_s);
    if (const QString why = mismatch(scheme, hash, key); !why.isEmpty())
        return failed(error, why);

    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || !initialise(ctx.get(), scheme, hash, pkey, true))
        return failed(error, u"could not set up signing"_s, true);
    // The largest signature the key can produce (for ECDSA, the largest DER form).
    const int maxSize = EVP_PKEY_get_size(pkey);
    if (maxSize <= 0)
        return failed(error, u"could not size the signature"_s, true);
    QByteArray signature(maxSize, Qt::Uninitialized);
    size_t length = size_t(maxSize);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       bytes(data), size_t(data.size())) != 1)
        return failed(error, u"signing failed"_s, true);
    signature.truncate(qsizetype(length));

    if (scheme == SignatureScheme::Ecdsa) {
        signature = derToJose(signature, coordinateSize(key.curve()));
        if (signature.isEmpty())
            return failed(error, u"could not encode the ECDSA signature"_s);
    }
    return signature;
}

bool verify(SignatureScheme scheme, Hash hash, const Key &key, const QByteArray &data,
            const QByteArray &signature)
{
    ErrorScope scope;
    EVP_PKEY *pkey = Key::Private::pkeyOf(key);
    if (!pkey || !mismatch(scheme, hash, key).isEmpty())
        return false;

    QByteArray encoded = signature;
    switch (scheme) {
    case SignatureScheme::RsaPkcs1:
    case SignatureScheme::RsaPss:
        // RFC 8017 §8.1.2/§8.2.2 step 1: exactly as long as the modulus.
        if (signature.size() != EVP_PKEY_get_size(pkey))
            return false;
        break;
    case SignatureScheme::Ecdsa:
        encoded = joseToDer(signature, coordinateSize(key.curve()));
        if (encoded.isEmpty())
            return false;
        break;
    case SignatureScheme::EdDsa:
        if (signature.size() != Ed25519SignatureSize)
            return false;
        break;
    }

    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || !initialise(ctx.get(), scheme, hash, pkey, false))
        return false;
    // 0 is "does not verify", negative a malformed input; only 1 is success.
    return EVP_DigestVerify(ctx.get(), bytes(encoded), size_t(encoded.size()), bytes(data),
                            size_t(data.size())) == 1;
}

} // namespace Crypto
