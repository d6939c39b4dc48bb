// SPDX-License-Identifier: GPL-3.0-or-later
// Hashes, HMAC, PBKDF2, the CSPRNG and constant-time comparison.
#include "crypto/crypto_p.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <QtGlobal>

#include <climits>

namespace Crypto {

namespace Detail {

QString opensslReason()
{
    const unsigned long code = ERR_peek_last_error();
    if (code == 0)
        return {};
    const char *reason = ERR_reason_error_string(code);
    return reason ? QString::fromLatin1(reason) : QString();
}

void setError(QString *error, const QString &message, bool withOpenSslReason)
{
    if (!error)
        return;
    const QString reason = withOpenSslReason ? opensslReason() : QString();
    *error = reason.isEmpty() ? message : message + u" (OpenSSL: " + reason + u')';
}

const char *digestName(Hash hash)
{
    switch (hash) {
    case Hash::Sha256:
        return "SHA256";
    case Hash::Sha384:
        return "SHA384";
    case Hash::Sha512:
        return "SHA512";
    }
    return nullptr;
}

int coordinateSize(Curve curve)
{
    switch (curve) {
    case Curve::P256:
        return 32;
    case Curve::P384:
        return 48;
    case Curve::P521:
        return 66; // ceil(521 / 8)
    case Curve::None:
        break;
    }
    return 0;
}

} // namespace Detail

using namespace Detail;

namespace {

const EVP_MD *evpMd(Hash hash)
{
    switch (hash) {
    case Hash::Sha256:
        return EVP_sha256();
    case Hash::Sha384:
        return EVP_sha384();
    case Hash::Sha512:
        return EVP_sha512();
    }
    return nullptr;
}

// OpenSSL takes int lengths in the older entry points (PBKDF2).
bool fitsInt(const QByteArray &data)
{
    return data.size() <= INT_MAX;
}

// Some OpenSSL paths treat a null key pointer as "keep the previous key", so an
// empty input is always passed as a valid, zero-length buffer.
const unsigned char *nonNull(const QByteArray &data)
{
    static const unsigned char empty = 0;
    return data.isEmpty() ? &empty : bytes(data);
}

} // namespace

int hashSize(Hash hash)
{
    switch (hash) {
    case Hash::Sha256:
        return 32;
    case Hash::Sha384:
        return 48;
    case Hash::Sha512:
        return 64;
    }
    return 0;
}

QByteArray hmac(Hash hash, const QByteArray &key, const QByteArray &data)
{
    ErrorScope scope;
    const char *md = digestName(hash);
    if (!md)
        return {};
    Owned<EVP_MAC, EVP_MAC_free> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac)
        return {};
    Owned<EVP_MAC_CTX, EVP_MAC_CTX_free> ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx)
        return {};
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char *>(md), 0),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_MAC_init(ctx.get(), nonNull(key), size_t(key.size()), params) != 1)
        return {};
    if (EVP_MAC_update(ctx.get(), nonNull(data), size_t(data.size())) != 1)
        return {};
    QByteArray out(hashSize(hash), Qt::Uninitialized);
    size_t outLength = 0;
    if (EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLength,
                      size_t(out.size())) != 1 ||
        outLength != size_t(out.size())) {
        return {};
    }
    return out;
}

QByteArray digest(Hash hash, const QByteArray &data)
{
    ErrorScope scope;
    const EVP_MD *md = evpMd(hash);
    if (!md)
        return {};
    QByteArray out(hashSize(hash), Qt::Uninitialized);
    unsigned int outLength = 0;
    if (EVP_Digest(nonNull(data), size_t(data.size()),
                   reinterpret_cast<unsigned char *>(out.data()), &outLength, md, nullptr) != 1 ||
        outLength != unsigned(out.size())) {
        return {};
    }
    return out;
}

QByteArray pbkdf2(Hash hash, const QByteArray &password, const QByteArray &salt, int iterations,
                  int length)
{
    ErrorScope scope;
    const EVP_MD *md = evpMd(hash);
    if (!md || iterations < 1 || length < 1 || !fitsInt(password) || !fitsInt(salt))
        return {};
    QByteArray out(length, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()), nonNull(salt),
                          int(salt.size()), iterations, md, length,
                          reinterpret_cast<unsigned char *>(out.data())) != 1) {
        return {};
    }
    return out;
}

QByteArray randomBytes(int count)
{
    if (count <= 0)
        return {};
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1) {
        // Carrying on would hand out predictable nonces, salts and keys.
        qFatal("Crypto::randomBytes: the OpenSSL CSPRNG failed");
    }
    return out;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace Crypto
