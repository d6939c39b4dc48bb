// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The only place that talks to OpenSSL. Everything here is a thin, typed
// wrapper over OpenSSL 3's EVP API: no primitive is implemented by hand.

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace Crypto {

enum class Hash { Sha256, Sha384, Sha512 };
int hashSize(Hash hash); // bytes of output: 32, 48, 64

QByteArray hmac(Hash hash, const QByteArray &key, const QByteArray &data);
QByteArray digest(Hash hash, const QByteArray &data);
QByteArray pbkdf2(Hash hash, const QByteArray &password, const QByteArray &salt, int iterations,
                  int length);
// Cryptographically secure random bytes (RAND_bytes); aborts if the CSPRNG fails.
QByteArray randomBytes(int count);
// Compares in time that depends only on the lengths (CRYPTO_memcmp).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
// Frees the calling thread's OpenSSL state (its random generators, its error
// queue; TLS in QSslSocket creates both). OpenSSL frees it by itself only in
// the thread's last moments, after QThread::wait() has returned: a process
// that exits then runs OPENSSL_cleanup first and the state is lost (issue 10,
// item 12). A worker thread that used TLS or crypto calls this last.
void releaseThreadState();

enum class KeyType { Rsa, Ec, Ed25519 };
enum class Curve { None, P256, P384, P521 };

// A public or private asymmetric key (an EVP_PKEY). Cheap to copy (shared).
class Key
{
public:
    Key();
    ~Key();
    Key(const Key &);
    Key &operator=(const Key &);

    bool isNull() const;
    KeyType type() const;
    Curve curve() const;    // Ec only
    bool isPrivate() const;
    int bits() const;       // RSA modulus size, EC field size, 256 for Ed25519

    // PEM: SPKI "PUBLIC KEY", PKCS#1 "RSA PUBLIC KEY", "CERTIFICATE" (its public key),
    // PKCS#8 "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY". Returns a null key
    // and sets *error (a short English reason) when it cannot.
    static Key fromPem(const QByteArray &pem, QString *error = nullptr);
    // Raw big-endian components as JWK carries them (RFC 7518 §6, RFC 8037 §2).
    // d empty -> public key. Invalid points/sizes give a null key and *error.
    static Key fromRsa(const QByteArray &n, const QByteArray &e, const QByteArray &d = {},
                       QString *error = nullptr);
    static Key fromEc(Curve curve, const QByteArray &x, const QByteArray &y,
                      const QByteArray &d = {}, QString *error = nullptr);
    static Key fromEd25519(const QByteArray &x, const QByteArray &d = {},
                           QString *error = nullptr);
    // Fresh keys, for tests and the encoder.
    static Key generateRsa(int bits);
    static Key generateEc(Curve curve);
    static Key generateEd25519();

    QByteArray publicPem() const;  // SPKI
    QByteArray privatePem() const; // PKCS#8, empty for a public key

    struct Private;
private:
    std::shared_ptr<Private> d;
};

enum class SignatureScheme {
    RsaPkcs1, // RS256/384/512 (RSASSA-PKCS1-v1_5)
    RsaPss,   // PS256/384/512 (salt length = hash length, MGF1 with the same hash)
    Ecdsa,    // ES256/384/512, JOSE form: r||s, each padded to the curve size
    EdDsa,    // Ed25519 (hash ignored)
};

// Signs with a private key; empty result and *error on failure.
QByteArray sign(SignatureScheme scheme, Hash hash, const Key &key, const QByteArray &data,
                QString *error = nullptr);
// Verifies; false for any malformed signature (wrong length, DER instead of r||s,
// r or s zero or out of range), never an exception or a crash.
bool verify(SignatureScheme scheme, Hash hash, const Key &key, const QByteArray &data,
            const QByteArray &signature);

} // namespace Crypto
