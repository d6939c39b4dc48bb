// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to tidings_crypto: shared between crypto.cpp, key.cpp and signature.cpp.
// Never include this outside src/crypto (it pulls in OpenSSL headers).

#include "crypto/crypto.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>

namespace Crypto {

namespace Detail {

// A unique_ptr that releases with the matching OpenSSL *_free function.
template<auto Free> struct Freer
{
    template<typename T> void operator()(T *object) const { Free(object); }
};
template<typename T, auto Free> using Owned = std::unique_ptr<T, Freer<Free>>;

using PkeyPtr = Owned<EVP_PKEY, EVP_PKEY_free>;
using PkeyCtxPtr = Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using MdCtxPtr = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using BnPtr = Owned<BIGNUM, BN_clear_free>; // clears: some hold private exponents

// OpenSSL reports failures on a thread-local queue that other users of the
// library (QSslSocket) also read. Every entry point drops whatever it pushed,
// so a rejected token can never surface later as a bogus TLS error.
class ErrorScope
{
public:
    ErrorScope() { ERR_set_mark(); }
    ~ErrorScope() { ERR_pop_to_mark(); }
    ErrorScope(const ErrorScope &) = delete;
    ErrorScope &operator=(const ErrorScope &) = delete;
};

// The newest OpenSSL reason on the queue, for error messages; may be empty.
QString opensslReason();
// Sets *error (if given) to message, with OpenSSL's reason appended when there is one.
void setError(QString *error, const QString &message, bool withOpenSslReason = false);

// OpenSSL's digest name, or nullptr for a value outside the enum.
const char *digestName(Hash hash);
// Bytes per coordinate/scalar of a curve: 32, 48, 66 (RFC 7518 §6.2.1.2); 0 for None.
int coordinateSize(Curve curve);

inline const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

} // namespace Detail

struct Key::Private
{
    Detail::PkeyPtr pkey;
    KeyType type = KeyType::Rsa;
    Curve curve = Curve::None;
    bool isPrivate = false;

    // A nested class may read Key::d, which gives signature.cpp its EVP_PKEY
    // without a public accessor in crypto.h.
    static EVP_PKEY *pkeyOf(const Key &key) { return key.d ? key.d->pkey.get() : nullptr; }
    // Takes ownership of pkey; checks that it is a type and curve we support.
    static Key adopt(Detail::PkeyPtr pkey, bool isPrivate, QString *error);
};

} // namespace Crypto
