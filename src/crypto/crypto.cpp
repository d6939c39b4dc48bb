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

namespace {

// Fetching "HMAC" and the digest by name takes locks and string compares on
// every call; a per-thread context with the digest already set is duplicated
// instead, which is several times faster for short tokens.
struct Prototypes
{
    EVP_MAC *mac = nullptr;
    EVP_MAC_CTX *ctx[3] = {};
    ~Prototypes() { release(); }
    void release()
    {
        for (EVP_MAC_CTX *&c : ctx) {
            EVP_MAC_CTX_free(c);
            c = nullptr;
        }
        EVP_MAC_free(mac);
        mac = nullptr;
    }
};
thread_local Prototypes t_prototypes;

EVP_MAC_CTX *hmacPrototype(Hash hash)
{
    Prototypes &prototypes = t_prototypes;
    if (!prototypes.mac)
        prototypes.mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    const int index = int(hash);
    if (!prototypes.ctx[index] && prototypes.mac) {
        EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(prototypes.mac);
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                             const_cast<char *>(digestName(hash)), 0),
            OSSL_PARAM_construct_end(),
        };
        if (ctx && EVP_MAC_CTX_set_params(ctx, params) == 1)
            prototypes.ctx[index] = ctx;
        else
            EVP_MAC_CTX_free(ctx);
    }
    return prototypes.ctx[index];
}

// Verifying many tokens with one secret is the common case: the keyed
// context of the last call on this thread is kept and only reset (EVP_MAC_init
// with a null key reuses the key, skipping the key schedule and the dup).
struct Keyed
{
    Hash hash = Hash::Sha256;
    QByteArray key;
    EVP_MAC_CTX *ctx = nullptr;
    ~Keyed() { clear(); }
    void clear()
    {
        EVP_MAC_CTX_free(ctx);
        ctx = nullptr;
        if (!key.isEmpty())
            OPENSSL_cleanse(key.data(), size_t(key.size()));
        key.clear();
    }
};
thread_local Keyed t_lastHmac;

} // namespace

QByteArray hmac(Hash hash, const QByteArray &key, const QByteArray &data)
{
    ErrorScope scope;
    Keyed &last = t_lastHmac;
    bool ready = false;
    // The cached key is compared in constant time: how long this takes must not tell a key's prefix.
    if (last.ctx && last.hash == hash && constantTimeEquals(last.key, key)) {
        ready = EVP_MAC_init(last.ctx, nullptr, 0, nullptr) == 1;
    } else {
        last.clear();
        EVP_MAC_CTX *prototype = hmacPrototype(hash);
        last.ctx = prototype ? EVP_MAC_CTX_dup(prototype) : nullptr;
        ready = last.ctx && EVP_MAC_init(last.ctx, nonNull(key), size_t(key.size()), nullptr) == 1;
        if (ready) {
            last.hash = hash;
            last.key = key;
            last.key.detach(); // our own copy, wiped when replaced
        }
    }
    if (!ready) {
        last.clear();
        return {};
    }
    if (EVP_MAC_update(last.ctx, nonNull(data), size_t(data.size())) != 1) {
        last.clear();
        return {};
    }
    QByteArray out(hashSize(hash), Qt::Uninitialized);
    size_t outLength = 0;
    if (EVP_MAC_final(last.ctx, reinterpret_cast<unsigned char *>(out.data()), &outLength,
                      size_t(out.size())) != 1 ||
        outLength != size_t(out.size())) {
        last.clear();
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

void releaseThreadState()
{
    // Our own per-thread contexts first: freeing them takes OpenSSL's locks too.
    t_lastHmac.clear();
    t_prototypes.release();
    OPENSSL_thread_stop(); // runs this thread's stop handlers now; anything used later is made anew
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace Crypto
