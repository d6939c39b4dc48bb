// SPDX-License-Identifier: GPL-3.0-or-later
// Crypto::Key: loading (PEM, raw JWK components), generation and PEM export.
#include "crypto/crypto_p.h"

#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <QByteArrayView>

namespace Crypto {

using namespace Detail;
using namespace Qt::StringLiterals;

namespace {

using BioPtr = Owned<BIO, BIO_free>;
using ParamBldPtr = Owned<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;

// Generous for any key or certificate, and keeps lengths within OpenSSL's int.
constexpr qsizetype MaxPemSize = 1 << 20;
// OPENSSL_RSA_MAX_MODULUS_BITS: OpenSSL refuses to use anything larger anyway.
constexpr int MaxRsaBits = 16384;
constexpr int Ed25519Size = 32;

// Big-endian unsigned bytes (JWK's Base64urlUInt, RFC 7518 §2) to a BIGNUM.
BnPtr toBn(const QByteArray &bigEndian, bool secret = false)
{
    BnPtr bn(secret ? BN_secure_new() : BN_new());
    if (!bn || !BN_bin2bn(bytes(bigEndian), int(bigEndian.size()), bn.get()))
        return {};
    return bn;
}

PkeyPtr fromData(const char *type, int selection, OSSL_PARAM_BLD *bld)
{
    Owned<OSSL_PARAM, OSSL_PARAM_free> params(OSSL_PARAM_BLD_to_param(bld));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return {};
    EVP_PKEY *pkey = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &pkey, selection, params.get()) != 1)
        return {};
    return PkeyPtr(pkey);
}

const char *groupName(Curve curve)
{
    switch (curve) {
    case Curve::P256:
        return "P-256";
    case Curve::P384:
        return "P-384";
    case Curve::P521:
        return "P-521";
    case Curve::None:
        break;
    }
    return nullptr;
}

Curve curveOf(const EVP_PKEY *pkey)
{
    char name[80] = {};
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name,
                                       &length) != 1) {
        return Curve::None; // explicit curve parameters, which JOSE does not allow
    }
    const QByteArrayView group(name, qsizetype(length));
    if (group == "prime256v1" || group == "P-256")
        return Curve::P256;
    if (group == "secp384r1" || group == "P-384")
        return Curve::P384;
    if (group == "secp521r1" || group == "P-521")
        return Curve::P521;
    return Curve::None;
}

// Point on the curve and in the prime-order subgroup; for a private key also
// 0 < d < n and d·G equal to the stored point.
bool ecKeyIsValid(EVP_PKEY *pkey, bool isPrivate)
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
    if (!ctx || EVP_PKEY_public_check(ctx.get()) != 1)
        return false;
    return !isPrivate ||
           (EVP_PKEY_private_check(ctx.get()) == 1 && EVP_PKEY_pairwise_check(ctx.get()) == 1);
}

// Cheap structural checks; OpenSSL's own RSA public check also insists on
// e >= 65537 and runs Miller-Rabin on n, which is stricter than JOSE needs.
QString rsaProblem(const EVP_PKEY *pkey)
{
    BIGNUM *rawN = nullptr;
    BIGNUM *rawE = nullptr;
    EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &rawN);
    EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &rawE);
    const BnPtr n(rawN);
    const BnPtr e(rawE);
    if (!n || !e)
        return u"RSA key without modulus or exponent"_s;
    if (BN_num_bits(n.get()) > MaxRsaBits)
        return u"RSA modulus larger than %1 bits"_s.arg(MaxRsaBits);
    if (!BN_is_odd(n.get()) || BN_is_one(n.get()))
        return u"invalid RSA modulus"_s;
    // e = 1 would make every "signature" equal to its own padded message.
    if (!BN_is_odd(e.get()) || BN_is_one(e.get()) || BN_cmp(e.get(), n.get()) >= 0)
        return u"invalid RSA public exponent"_s;
    return {};
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return length > 0 && data ? QByteArray(data, qsizetype(length)) : QByteArray();
}

// Encrypted PEM is not supported; without a callback OpenSSL would prompt on the terminal.
int refusePassword(char *, int, int, void *)
{
    return -1;
}

enum class PemKind { Unknown, PublicKey, RsaPublicKey, Certificate, PrivateKey, Encrypted };

PemKind pemKind(QByteArrayView label)
{
    if (label == "PUBLIC KEY")
        return PemKind::PublicKey;
    if (label == "RSA PUBLIC KEY")
        return PemKind::RsaPublicKey;
    if (label == "CERTIFICATE")
        return PemKind::Certificate;
    if (label == "PRIVATE KEY" || label == "RSA PRIVATE KEY" || label == "EC PRIVATE KEY")
        return PemKind::PrivateKey;
    if (label == "ENCRYPTED PRIVATE KEY")
        return PemKind::Encrypted;
    return PemKind::Unknown;
}

PkeyPtr readPemBlock(PemKind kind, const QByteArray &block)
{
    BioPtr bio(BIO_new_mem_buf(block.constData(), int(block.size())));
    if (!bio)
        return {};
    switch (kind) {
    case PemKind::PublicKey:
        return PkeyPtr(PEM_read_bio_PUBKEY(bio.get(), nullptr, refusePassword, nullptr));
    case PemKind::RsaPublicKey: {
        // PKCS#1 RSAPublicKey: OpenSSL 3 calls this structure "type-specific".
        EVP_PKEY *pkey = nullptr;
        Owned<OSSL_DECODER_CTX, OSSL_DECODER_CTX_free> ctx(OSSL_DECODER_CTX_new_for_pkey(
            &pkey, "PEM", "type-specific", "RSA", EVP_PKEY_PUBLIC_KEY, nullptr, nullptr));
        if (!ctx || OSSL_DECODER_from_bio(ctx.get(), bio.get()) != 1) {
            EVP_PKEY_free(pkey);
            return {};
        }
        return PkeyPtr(pkey);
    }
    case PemKind::Certificate: {
        Owned<X509, X509_free> cert(PEM_read_bio_X509(bio.get(), nullptr, refusePassword, nullptr));
        return PkeyPtr(cert ? X509_get_pubkey(cert.get()) : nullptr);
    }
    case PemKind::PrivateKey:
        return PkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassword, nullptr));
    case PemKind::Unknown:
    case PemKind::Encrypted:
        break;
    }
    return {};
}

Key failed(QString *error, const QString &message, bool withOpenSslReason = false)
{
    setError(error, message, withOpenSslReason);
    return {};
}

} // namespace

Key Key::Private::adopt(PkeyPtr pkey, bool isPrivate, QString *error)
{
    if (!pkey)
        return failed(error, u"could not build the key"_s, true);
    auto d = std::make_shared<Private>();
    d->isPrivate = isPrivate;
    if (EVP_PKEY_is_a(pkey.get(), "RSA")) {
        d->type = KeyType::Rsa;
        if (const QString problem = rsaProblem(pkey.get()); !problem.isEmpty())
            return failed(error, problem);
    } else if (EVP_PKEY_is_a(pkey.get(), "EC")) {
        d->type = KeyType::Ec;
        d->curve = curveOf(pkey.get());
        if (d->curve == Curve::None)
            return failed(error, u"unsupported EC curve (P-256, P-384 and P-521 only)"_s);
        if (!ecKeyIsValid(pkey.get(), isPrivate))
            return failed(error, u"invalid EC key (point not on the curve or bad private key)"_s,
                          true);
    } else if (EVP_PKEY_is_a(pkey.get(), "ED25519")) {
        d->type = KeyType::Ed25519;
    } else {
        const char *name = EVP_PKEY_get0_type_name(pkey.get());
        return failed(error, u"unsupported key type %1 (RSA, EC and Ed25519 only)"_s.arg(
                                 QLatin1String(name ? name : "?")));
    }
    d->pkey = std::move(pkey);
    Key key;
    key.d = std::move(d);
    return key;
}

Key::Key() = default;
Key::~Key() = default;
Key::Key(const Key &) = default;
Key &Key::operator=(const Key &) = default;

bool Key::isNull() const
{
    return !d;
}

KeyType Key::type() const
{
    return d ? d->type : KeyType::Rsa;
}

Curve Key::curve() const
{
    return d ? d->curve : Curve::None;
}

bool Key::isPrivate() const
{
    return d && d->isPrivate;
}

int Key::bits() const
{
    return d ? EVP_PKEY_get_bits(d->pkey.get()) : 0;
}

Key Key::fromPem(const QByteArray &pem, QString *error)
{
    ErrorScope scope;
    if (pem.size() > MaxPemSize)
        return failed(error, u"PEM input too large"_s);
    static constexpr QByteArrayView Begin("-----BEGIN ");
    static constexpr QByteArrayView Dashes("-----");
    // The first block we understand wins, so "EC PARAMETERS" before "EC PRIVATE
    // KEY" (openssl ecparam -genkey) or a certificate chain still load.
    QString skipped;
    for (qsizetype pos = pem.indexOf(Begin); pos >= 0; pos = pem.indexOf(Begin, pos)) {
        const qsizetype labelStart = pos + Begin.size();
        const qsizetype labelEnd = pem.indexOf(Dashes, labelStart);
        if (labelEnd < 0)
            break;
        const QByteArray label = pem.mid(labelStart, labelEnd - labelStart);
        if (label.size() > 64 || label.contains('\n')) {
            pos = labelStart; // not a real boundary line
            continue;
        }
        const QByteArray endLine = "-----END " + label + "-----";
        const qsizetype end = pem.indexOf(endLine, labelEnd);
        if (end < 0)
            return failed(error, u"unterminated PEM block \"%1\""_s.arg(QLatin1String(label)));
        const QByteArray block = pem.mid(pos, end + endLine.size() - pos);
        pos = end + endLine.size();

        const PemKind kind = pemKind(label);
        if (kind == PemKind::Unknown) {
            if (skipped.isEmpty())
                skipped = QLatin1String(label);
            continue;
        }
        if (kind == PemKind::Encrypted || block.contains("Proc-Type: 4,ENCRYPTED"))
            return failed(error, u"encrypted private keys are not supported"_s);
        PkeyPtr pkey = readPemBlock(kind, block);
        if (!pkey)
            return failed(error, u"malformed PEM \"%1\""_s.arg(QLatin1String(label)), true);
        return Private::adopt(std::move(pkey), kind == PemKind::PrivateKey, error);
    }
    return failed(error, skipped.isEmpty() ? u"no PEM block found"_s
                                           : u"unsupported PEM block \"%1\""_s.arg(skipped));
}

Key Key::fromRsa(const QByteArray &n, const QByteArray &e, const QByteArray &d, QString *error)
{
    ErrorScope scope;
    if (n.isEmpty() || e.isEmpty())
        return failed(error, u"RSA key needs n and e"_s);
    // One spare byte for a (non-minimal) leading zero.
    const qsizetype maxBytes = MaxRsaBits / 8 + 1;
    if (n.size() > maxBytes || e.size() > maxBytes || d.size() > maxBytes)
        return failed(error, u"RSA component too large"_s);
    const BnPtr bnN = toBn(n);
    const BnPtr bnE = toBn(e);
    const BnPtr bnD = d.isEmpty() ? BnPtr() : toBn(d, true);
    ParamBldPtr bld(OSSL_PARAM_BLD_new());
    if (!bnN || !bnE || (!d.isEmpty() && !bnD) || !bld)
        return failed(error, u"out of memory"_s);
    if (bnD && (BN_is_zero(bnD.get()) || BN_cmp(bnD.get(), bnN.get()) >= 0))
        return failed(error, u"invalid RSA private exponent"_s);
    if (OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()) != 1 ||
        (bnD && OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_D, bnD.get()) != 1)) {
        return failed(error, u"could not build the RSA key"_s, true);
    }
    PkeyPtr pkey = fromData("RSA", bnD ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, bld.get());
    return Private::adopt(std::move(pkey), bool(bnD), error);
}

Key Key::fromEc(Curve curve, const QByteArray &x, const QByteArray &y, const QByteArray &d,
                QString *error)
{
    ErrorScope scope;
    const int size = coordinateSize(curve);
    if (size == 0)
        return failed(error, u"unsupported EC curve"_s);
    // RFC 7518 §6.2.1.2/§6.2.1.3: x and y are the full coordinate size, never
    // shortened; §6.2.2.1: so is d.
    if (x.size() != size || y.size() != size)
        return failed(error, u"EC coordinates must be %1 bytes each"_s.arg(size));
    if (!d.isEmpty() && d.size() != size)
        return failed(error, u"EC private key must be %1 bytes"_s.arg(size));
    const QByteArray point = '\x04' + x + y; // SEC 1 uncompressed point
    const BnPtr bnD = d.isEmpty() ? BnPtr() : toBn(d, true);
    ParamBldPtr bld(OSSL_PARAM_BLD_new());
    if (!bld || (!d.isEmpty() && !bnD))
        return failed(error, u"out of memory"_s);
    if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, groupName(curve),
                                        0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         size_t(point.size())) != 1 ||
        (bnD && OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, bnD.get()) != 1)) {
        return failed(error, u"could not build the EC key"_s, true);
    }
    PkeyPtr pkey = fromData("EC", bnD ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, bld.get());
    if (!pkey)
        return failed(error, u"invalid EC key (point not on the curve?)"_s, true);
    return Private::adopt(std::move(pkey), bool(bnD), error);
}

Key Key::fromEd25519(const QByteArray &x, const QByteArray &d, QString *error)
{
    ErrorScope scope;
    // RFC 8037 §2: x is the 32-byte public key, d the 32-byte seed.
    if (x.size() != Ed25519Size)
        return failed(error, u"Ed25519 public key must be 32 bytes"_s);
    if (!d.isEmpty() && d.size() != Ed25519Size)
        return failed(error, u"Ed25519 private key must be 32 bytes"_s);
    ParamBldPtr bld(OSSL_PARAM_BLD_new());
    if (!bld)
        return failed(error, u"out of memory"_s);
    // With a private key OpenSSL derives the public half itself; it does not
    // check a supplied one, so we compare below instead of passing x.
    const bool isPrivate = !d.isEmpty();
    const char *name = isPrivate ? OSSL_PKEY_PARAM_PRIV_KEY : OSSL_PKEY_PARAM_PUB_KEY;
    const QByteArray &raw = isPrivate ? d : x;
    if (OSSL_PARAM_BLD_push_octet_string(bld.get(), name, raw.constData(), size_t(raw.size())) != 1)
        return failed(error, u"could not build the Ed25519 key"_s, true);
    PkeyPtr pkey =
        fromData("ED25519", isPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, bld.get());
    if (!pkey)
        return failed(error, u"invalid Ed25519 key"_s, true);
    if (isPrivate) {
        QByteArray derived(Ed25519Size, Qt::Uninitialized);
        size_t length = size_t(derived.size());
        if (EVP_PKEY_get_raw_public_key(
                pkey.get(), reinterpret_cast<unsigned char *>(derived.data()), &length) != 1 ||
            length != size_t(Ed25519Size) || !constantTimeEquals(derived, x)) {
            return failed(error, u"Ed25519 public key does not match the private key"_s);
        }
    }
    return Private::adopt(std::move(pkey), isPrivate, error);
}

Key Key::generateRsa(int bits)
{
    ErrorScope scope;
    if (bits <= 0 || bits > MaxRsaBits)
        return {};
    return Private::adopt(PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits))), true,
                          nullptr);
}

Key Key::generateEc(Curve curve)
{
    ErrorScope scope;
    const char *group = groupName(curve);
    if (!group)
        return {};
    return Private::adopt(PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", group)), true, nullptr);
}

Key Key::generateEd25519()
{
    ErrorScope scope;
    return Private::adopt(PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")), true, nullptr);
}

QByteArray Key::publicPem() const
{
    ErrorScope scope;
    if (!d)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), d->pkey.get()) != 1)
        return {};
    return bioContents(bio.get());
}

QByteArray Key::privatePem() const
{
    ErrorScope scope;
    if (!d || !d->isPrivate)
        return {};
    // Secure-heap BIO so the intermediate copy is wiped; PKCS#8, no encryption.
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), d->pkey.get(), nullptr, nullptr, 0, nullptr,
                                         nullptr) != 1) {
        return {};
    }
    return bioContents(bio.get());
}

} // namespace Crypto
