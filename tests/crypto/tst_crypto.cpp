// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/crypto.h"

#include <QTest>

#include <array>

using namespace Qt::StringLiterals;
using Crypto::Curve;
using Crypto::Hash;
using Crypto::Key;
using Crypto::KeyType;
using Crypto::SignatureScheme;

namespace {

QByteArray b64u(const char *text)
{
    return QByteArray::fromBase64(QByteArray(text),
                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray flipBit(QByteArray data, qsizetype byte = 0)
{
    data[byte] = char(data[byte] ^ 0x01);
    return data;
}

struct Algorithm
{
    SignatureScheme scheme;
    Hash hash;
};

// JWS "alg" names (RFC 7518 §3.1, RFC 8037 §3.1) to what the API takes.
Algorithm algorithm(const QString &name)
{
    const Hash hash = name.endsWith(u"384")   ? Hash::Sha384
                      : name.endsWith(u"512") ? Hash::Sha512
                                              : Hash::Sha256;
    if (name.startsWith(u"RS"))
        return {SignatureScheme::RsaPkcs1, hash};
    if (name.startsWith(u"PS"))
        return {SignatureScheme::RsaPss, hash};
    if (name.startsWith(u"ES"))
        return {SignatureScheme::Ecdsa, hash};
    return {SignatureScheme::EdDsa, hash};
}

// A minimal DER encoder, to hand verify() the form OpenSSL itself would emit.
QByteArray derLength(qsizetype length)
{
    if (length < 0x80)
        return QByteArray(1, char(length));
    if (length < 0x100)
        return QByteArray("\x81") + char(length);
    return QByteArray("\x82") + char(length >> 8) + char(length & 0xff);
}

QByteArray derInteger(QByteArray bigEndian)
{
    while (bigEndian.size() > 1 && bigEndian.at(0) == 0)
        bigEndian.remove(0, 1);
    if (quint8(bigEndian.at(0)) & 0x80)
        bigEndian.prepend('\0');
    return '\x02' + derLength(bigEndian.size()) + bigEndian;
}

QByteArray joseToDer(const QByteArray &jose)
{
    const qsizetype half = jose.size() / 2;
    const QByteArray body = derInteger(jose.left(half)) + derInteger(jose.mid(half));
    return '\x30' + derLength(body.size()) + body;
}

// Fixtures made once with the openssl 3.0 command line:
//   openssl genrsa -traditional 2048; openssl rsa -RSAPublicKey_out
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes
//       -subj /CN=tidings-test -days 36500; openssl ec (SEC 1 form of the same key)
constexpr char RsaPrivatePkcs1[] = R"(-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAtedQDhAntjTI0U59qvS/8wHNDLr4lXOYU/cR+Po1ZBilmGfR
rPQc8q1xKEA42dHpEEh/VCBqB4ne5GgDjkRKtWYoR3Ffcu9bBnN6+8SlNXHpHvgL
LOI8OAwzv4jyBqLEYhCeI9VYTz2CHlFTnt6qmC1xiis0pxOkYp2bcCydnnqFaj/9
ZEJixfPBZ2xEhWXMhIxHZGYePwN1Zm2ifyRP99SRJaX0gTOkP7s4NbgMbCUGFXSz
aK0xdNGEF70Ln1tYfTErOj6Nt+7U+u2kQcWuXiFISOop6RAt+nBqGw9y1lJVv/is
lVdtKcUpbhavKuUPLXgtFTJUfp3Uh8YZRPpf/QIDAQABAoIBAAMfuVa8fUoaRvad
P/g/IsrEFabp0RoT9aI/hH3/ogoZiEKBSe8L9DFQvDhCPhezjKqcbB9gPSHrArpu
dN0tHBFYc0miz05UgP4v3oVTX7j2v1eqT9rR+dHGl97qtalagz/h5C1eXRljR4hI
wkRgs5JQeXozesCBzFlrNn+rLHvLvGeCxUSSNN/IkgozEaZEupLJgZ9fxJPAd/lW
2MApL3Kv8T9REJdETH/tM0EK3KATonRlEFcGCVpruxZ8fS5EpA5BbTmv2ROqV5EI
opTMwczTau3ZZqvB8tL6WjJnNdisY6p63xvJbQsH2lyAzDvz2TuiqWotV5XrqAHu
CvhL65ECgYEA8mV3fiYg49YklFPW0dscoFcLoIlUaO59f4rBnLdLwaB4rCmyz0Hg
ueWxfj06R6y+NBAgQ8WXQw9AAizIpMFpvinLnhrh+Zp1lNdQHUEAuqznyiPAZwj1
+TYkEevchLnOtp+n/XLv0zrTz4TY9onrZI0/Zqfdy7YJgdJ7/qAA0sUCgYEAwBy9
ZvDqdt1IymngxQppvAoAY1Q2rkJMBZidGpdMiHTW2TYbbQwr9clx+SXXky0z+ijs
GEZP9cx48MChdOkhLk73IF+Z0UweyN4VB01YNLm0X7gjKRSA4hqTubRH6bPU3AAC
FBaRuBS5TumLzD8mqQmOoLTOY+BLGV67SRToS9kCgYBBqk82s2mRjz+VlyjI7QzS
OwKBWPKvAnypApP0uoshRzGpoho4n2YbtifhRQD2zcsxG3VCJtMVbZovfKZWS7cz
turcR/gTwE4+Jh4j7qod6B1a21iSERFhk9Mtr7GrmxJu0s2VkX96v6MFwr1r/Gzy
bnlQfAVP3F6y9qx0jC/s6QKBgBF1izEDzAspaSgcHzVJEPrp3ccpLB8CH26SxBRa
k7YDCFONO0jZxlT8DcOa0NCrVwHxHiPGoBWyk3stxn6dgUp4GrVyesQuqs2OgVK8
kLuZ9O6OCYP+PQhPagWCgNaYZUvpJEc3Fd8o4v5s8yuIwbazC6dHR0qEY87WcSbf
I41hAoGBANWUpd0J6kIWNQaJHnMughWk5L0SJl88nXRSXmeJKs+WszuzgtDGYi9z
Pz6jSNo0oUfbHU5qYZagUJHvXunqQFWPInV60kkePL7qNTgDByCjesTSeFIwp/Q4
XTTV1QKwPKhAmySNpDhCp0pLbBdPC066sssUt3soTD5lQSnumsj8
-----END RSA PRIVATE KEY-----
)";

constexpr char RsaPublicPkcs1[] = R"(-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEAtedQDhAntjTI0U59qvS/8wHNDLr4lXOYU/cR+Po1ZBilmGfRrPQc
8q1xKEA42dHpEEh/VCBqB4ne5GgDjkRKtWYoR3Ffcu9bBnN6+8SlNXHpHvgLLOI8
OAwzv4jyBqLEYhCeI9VYTz2CHlFTnt6qmC1xiis0pxOkYp2bcCydnnqFaj/9ZEJi
xfPBZ2xEhWXMhIxHZGYePwN1Zm2ifyRP99SRJaX0gTOkP7s4NbgMbCUGFXSzaK0x
dNGEF70Ln1tYfTErOj6Nt+7U+u2kQcWuXiFISOop6RAt+nBqGw9y1lJVv/islVdt
KcUpbhavKuUPLXgtFTJUfp3Uh8YZRPpf/QIDAQAB
-----END RSA PUBLIC KEY-----
)";

constexpr char EcCertificate[] = R"(-----BEGIN CERTIFICATE-----
MIIBhTCCASugAwIBAgIUQXVUtQfIP5FfRXN6cD+8R5l1XRYwCgYIKoZIzj0EAwIw
FzEVMBMGA1UEAwwMdGlkaW5ncy10ZXN0MCAXDTI2MTEyMzE4MzMwNFoYDzIxMjYx
MDMwMTgzMzA0WjAXMRUwEwYDVQQDDAx0aWRpbmdzLXRlc3QwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAATecBTNJvC5mYTTVU3j2BmhIc938ZwfhNcr01WP7sBqiGfJ
NSLpIn7ocucLGzn/NJRMjP8NB5jKaqc6or+snBKvo1MwUTAdBgNVHQ4EFgQUHc25
OPUOyKw4+m93rY/Rwbe6AxIwHwYDVR0jBBgwFoAUHc25OPUOyKw4+m93rY/Rwbe6
AxIwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiEAgHPs0HZTUYT6
kxcc+a4wSM4esWTc0ElplD5IucFgIzsCIGVYHPnAyzeVXBJp1iMWYO2TaDiQU/V7
Z0zHM9eo8usV
-----END CERTIFICATE-----
)";

constexpr char EcPrivatePkcs8[] = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgD+1AGl+SGYX1arYS
amz9MQY/8Ra2utovMadJ8zDtp7ihRANCAATecBTNJvC5mYTTVU3j2BmhIc938Zwf
hNcr01WP7sBqiGfJNSLpIn7ocucLGzn/NJRMjP8NB5jKaqc6or+snBKv
-----END PRIVATE KEY-----
)";

constexpr char EcPrivateSec1[] = R"(-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIA/tQBpfkhmF9Wq2Emps/TEGP/EWtrraLzGnSfMw7ae4oAoGCCqGSM49
AwEHoUQDQgAE3nAUzSbwuZmE01VN49gZoSHPd/GcH4TXK9NVj+7AaohnyTUi6SJ+
6HLnCxs5/zSUTIz/DQeYymqnOqK/rJwSrw==
-----END EC PRIVATE KEY-----
)";

// RsaPrivatePkcs1's modulus and private exponent (openssl rsa -text), base64url.
constexpr char RsaN[] =
    "tedQDhAntjTI0U59qvS_8wHNDLr4lXOYU_cR-Po1ZBilmGfRrPQc8q1xKEA42dHpEEh_VCBqB4ne5GgDjkRKtWYoR3Ff"
    "cu9bBnN6-8SlNXHpHvgLLOI8OAwzv4jyBqLEYhCeI9VYTz2CHlFTnt6qmC1xiis0pxOkYp2bcCydnnqFaj_9ZEJixfPB"
    "Z2xEhWXMhIxHZGYePwN1Zm2ifyRP99SRJaX0gTOkP7s4NbgMbCUGFXSzaK0xdNGEF70Ln1tYfTErOj6Nt-7U-u2kQcWu"
    "XiFISOop6RAt-nBqGw9y1lJVv_islVdtKcUpbhavKuUPLXgtFTJUfp3Uh8YZRPpf_Q";
constexpr char RsaD[] =
    "Ax-5Vrx9ShpG9p0_-D8iysQVpunRGhP1oj-Eff-iChmIQoFJ7wv0MVC8OEI-F7OMqpxsH2A9IesCum503S0cEVhzSaLP"
    "TlSA_i_ehVNfuPa_V6pP2tH50caX3uq1qVqDP-HkLV5dGWNHiEjCRGCzklB5ejN6wIHMWWs2f6sse8u8Z4LFRJI038iS"
    "CjMRpkS6ksmBn1_Ek8B3-VbYwCkvcq_xP1EQl0RMf-0zQQrcoBOidGUQVwYJWmu7Fnx9LkSkDkFtOa_ZE6pXkQiilMzB"
    "zNNq7dlmq8Hy0vpaMmc12KxjqnrfG8ltCwfaXIDMO_PZO6Kpai1XleuoAe4K-EvrkQ";
// openssl dgst -sha256 -sign RsaPrivatePkcs1 over RsaMessage (PKCS#1 v1.5 is deterministic).
constexpr char RsaMessage[] = "tidings pkcs1 vector";
constexpr char RsaRs256Signature[] =
    "C2Ufsl_gZ613K44UzyzL9NyNkWjBtP9ki4qU6pc3aCUNJQ9HxocbNsp33X5hcANSBCETRl5Whr6u8dUSBebKjhGna5Ai"
    "uZ9m_Q034TX59R3WErmKKpcdH-oIVN3B6TsgzpwRvStrpimi3bUjm7wOigeiZl8ZWlBPAlVuI8ipa_-YExnfJfaYWGH9"
    "qxEAfIOEo7ct0Oxxi5AWcxEntcCdvyLTxQKkpgnTcgMgGC1_06wnpdjWZIrLh2whz629kmckmzyrJ9KJRpl95No9frBl"
    "orLvLVyOtwIFkAX5s4bQiv7FDPe_UxLjrlCkJ_SDxtdH7t8nNIP872Ezw1njNeKFDg";

// openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_mgf1_md:sha256 over
// RsaMessage, with rsa_pss_saltlen:32 (what PS256 requires) and :20 (what it forbids).
constexpr char RsaPs256Salt32[] =
    "q47QWjVBhyMlh9deZ5I_i4XQqfZaryUK_Q-qfp6GDHAEFeLtr20WP0jW9q32XNDhdHRPvKq0sW2sDCcf5AXmvr6HkPmE"
    "fzo7akE9VBOV8ugfyy-JI_DEvj0U3nraSk8gmZ7FaxxLXevSCE6SsQeroOMyA6HrfZkFgL1SwdqEtG2pEnSKxGzPddqA"
    "_Jy8WNxFT8ETPg1SIt9GCP-IY6VBKQn9oHyLjA70SyWeRsBsSQzf_PX-MjG72PnKuSPOZQYR5RHrgdYFr00jI-IjkYsU"
    "ZQAKPo9kh48e3WPuqM3JXemmX26ojcAopGjRstHbVFIMxGwbf7CEhtvS5C5ydHup-w";
constexpr char RsaPs256Salt20[] =
    "jDS2n2MRtA9ePKKSXhnsAVxESU6Y5PA6Kb8IEW3EN5vzT-plIL-CnxoihEx5PsQApACzTssVHG69WSewQapGpMyVpRGG"
    "LZLFoKjysJLgt_j-0gXxULKUh3ebNtFvRAZLvnrRZ4szkGPiAi-IwemuhTA5a3OpZSrraybmGwx8q8sZ-fX6_M_n7rFB"
    "Vi7mGPu453Uwa0lHsmBI3LJtF5J3uB8lWY84WHs1Ueb2otwYkw3FwVBSNh2xcmEBlfBmeMjc8Dp2rwYtvoB711ewnqEm"
    "-2KKcr_bmWXDze8bLfz1AZ6Bv67JijElvbnY2FQeYKwvYi0waLLyB1uE1aJUqzdpAA";

// Other key types, to be refused: X25519 and secp256k1 SPKI.
constexpr char X25519Public[] = R"(-----BEGIN PUBLIC KEY-----
MCowBQYDK2VuAyEA1sen/orHzbZYgIRuLiw+hcfhFkuqJDVx4Z57lRt0cys=
-----END PUBLIC KEY-----
)";
constexpr char Secp256k1Public[] = R"(-----BEGIN PUBLIC KEY-----
MFYwEAYHKoZIzj0CAQYFK4EEAAoDQgAEr8gZXOSPS1OeiGGdefXmBP7beeSXnAJ9
IRQAMqPbAfwigUsppAKLepp2dj3/UPhpJv5GGKDGxzmyzV4w1C23WA==
-----END PUBLIC KEY-----
)";

// RFC 7515 Appendix A.3 (ES256) key, signing input and signature.
constexpr char Rfc7515X[] = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
constexpr char Rfc7515Y[] = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
constexpr char Rfc7515D[] = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI";
constexpr char Rfc7515Input[] = "eyJhbGciOiJFUzI1NiJ9."
                                "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcG"
                                "xlLmNvbS9pc19yb290Ijp0cnVlfQ";
constexpr char Rfc7515Signature[] =
    "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

// RFC 8037 Appendix A.1-A.4 (Ed25519).
constexpr char Rfc8037X[] = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
constexpr char Rfc8037D[] = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
constexpr char Rfc8037Input[] = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
constexpr char Rfc8037Signature[] =
    "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

} // namespace

class TestCrypto : public QObject
{
    Q_OBJECT

    // Two keys of each kind: the second is the "wrong key" for the first.
    std::array<Key, 2> m_rsa;
    std::array<Key, 2> m_p256;
    std::array<Key, 2> m_p384;
    std::array<Key, 2> m_p521;
    std::array<Key, 2> m_ed25519;

    const Key &keyFor(const QString &alg, int which) const
    {
        if (alg.startsWith(u"RS") || alg.startsWith(u"PS"))
            return m_rsa.at(which);
        if (alg == u"ES256")
            return m_p256.at(which);
        if (alg == u"ES384")
            return m_p384.at(which);
        if (alg == u"ES512")
            return m_p521.at(which);
        return m_ed25519.at(which);
    }

    static void addAlgorithmRows(bool ecdsaOnly = false)
    {
        QTest::addColumn<QString>("alg");
        const QStringList algs =
            ecdsaOnly ? QStringList{u"ES256"_s, u"ES384"_s, u"ES512"_s}
                      : QStringList{u"RS256"_s, u"RS384"_s, u"RS512"_s, u"PS256"_s, u"PS384"_s,
                                    u"PS512"_s, u"ES256"_s, u"ES384"_s, u"ES512"_s, u"EdDSA"_s};
        for (const QString &alg : algs)
            QTest::newRow(qPrintable(alg)) << alg;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (int i = 0; i < 2; ++i) {
            m_rsa[i] = Key::generateRsa(2048);
            m_p256[i] = Key::generateEc(Curve::P256);
            m_p384[i] = Key::generateEc(Curve::P384);
            m_p521[i] = Key::generateEc(Curve::P521);
            m_ed25519[i] = Key::generateEd25519();
        }
        for (const auto *keys : {&m_rsa, &m_p256, &m_p384, &m_p521, &m_ed25519}) {
            for (const Key &key : *keys) {
                QVERIFY(!key.isNull());
                QVERIFY(key.isPrivate());
            }
        }
    }

    void hashSizes()
    {
        QCOMPARE(Crypto::hashSize(Hash::Sha256), 32);
        QCOMPARE(Crypto::hashSize(Hash::Sha384), 48);
        QCOMPARE(Crypto::hashSize(Hash::Sha512), 64);
    }

    void hmacRfc4231_data()
    {
        QTest::addColumn<Hash>("hash");
        QTest::addColumn<QByteArray>("expected");
        // RFC 4231 §4.3, test case 2.
        QTest::newRow("SHA-256") << Hash::Sha256
                                 << QByteArray(
                                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec"
                                        "58b964ec3843");
        QTest::newRow("SHA-384") << Hash::Sha384
                                 << QByteArray(
                                        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42e"
                                        "c3736322445e8e2240ca5e69e2c78b3239ecfab21649");
        QTest::newRow("SHA-512") << Hash::Sha512
                                 << QByteArray(
                                        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd61027"
                                        "0cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a3"
                                        "4d4a6b4b636e070a38bce737");
    }

    void hmacRfc4231()
    {
        QFETCH(Hash, hash);
        QFETCH(QByteArray, expected);
        const QByteArray mac = Crypto::hmac(hash, "Jefe", "what do ya want for nothing?");
        QCOMPARE(mac.toHex(), expected);
    }

    void hmacEmptyKeyAndData()
    {
        // An empty key is legal HMAC (key padded with zeros); value from openssl dgst -hmac ''.
        QCOMPARE(Crypto::hmac(Hash::Sha256, {}, {}).toHex(),
                 QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"));
    }

    void digestAbc_data()
    {
        QTest::addColumn<Hash>("hash");
        QTest::addColumn<QByteArray>("expected");
        // FIPS 180-2 Appendix B.1 / C.1 / D.1 ("abc").
        QTest::newRow("SHA-256") << Hash::Sha256
                                 << QByteArray(
                                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410"
                                        "ff61f20015ad");
        QTest::newRow("SHA-384") << Hash::Sha384
                                 << QByteArray(
                                        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b"
                                        "605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
        QTest::newRow("SHA-512") << Hash::Sha512
                                 << QByteArray(
                                        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9e"
                                        "eee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423"
                                        "643ce80e2a9ac94fa54ca49f");
    }

    void digestAbc()
    {
        QFETCH(Hash, hash);
        QFETCH(QByteArray, expected);
        QCOMPARE(Crypto::digest(hash, "abc").toHex(), expected);
    }

    void pbkdf2Rfc7914()
    {
        // RFC 7914 §11, first PBKDF2-HMAC-SHA256 vector.
        const QByteArray key = Crypto::pbkdf2(Hash::Sha256, "passwd", "salt", 1, 64);
        QCOMPARE(key.toHex(),
                 QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                            "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
    }

    void pbkdf2RejectsNonsense()
    {
        QVERIFY(Crypto::pbkdf2(Hash::Sha256, "p", "s", 0, 32).isEmpty());
        QVERIFY(Crypto::pbkdf2(Hash::Sha256, "p", "s", -5, 32).isEmpty());
        QVERIFY(Crypto::pbkdf2(Hash::Sha256, "p", "s", 1, 0).isEmpty());
        QVERIFY(Crypto::pbkdf2(Hash::Sha256, "p", "s", 1, -1).isEmpty());
        QCOMPARE(Crypto::pbkdf2(Hash::Sha512, {}, {}, 1, 64).size(), 64);
    }

    void constantTimeEquals()
    {
        QVERIFY(Crypto::constantTimeEquals("secret", "secret"));
        QVERIFY(Crypto::constantTimeEquals({}, {}));
        QVERIFY(!Crypto::constantTimeEquals("secret", "secreT"));
        QVERIFY(!Crypto::constantTimeEquals("secret", "secret!"));
        QVERIFY(!Crypto::constantTimeEquals("secret", {}));
    }

    void randomBytes()
    {
        const QByteArray a = Crypto::randomBytes(32);
        const QByteArray b = Crypto::randomBytes(32);
        QCOMPARE(a.size(), 32);
        QCOMPARE(b.size(), 32);
        QVERIFY(a != b);
        QCOMPARE(Crypto::randomBytes(1000).size(), 1000);
        QVERIFY(Crypto::randomBytes(0).isEmpty());
        QVERIFY(Crypto::randomBytes(-1).isEmpty());
    }

    void keyProperties()
    {
        QCOMPARE(m_rsa[0].type(), KeyType::Rsa);
        QCOMPARE(m_rsa[0].bits(), 2048);
        QCOMPARE(m_rsa[0].curve(), Curve::None);
        QCOMPARE(m_p256[0].type(), KeyType::Ec);
        QCOMPARE(m_p256[0].curve(), Curve::P256);
        QCOMPARE(m_p256[0].bits(), 256);
        QCOMPARE(m_p384[0].curve(), Curve::P384);
        QCOMPARE(m_p384[0].bits(), 384);
        QCOMPARE(m_p521[0].curve(), Curve::P521);
        QCOMPARE(m_p521[0].bits(), 521);
        QCOMPARE(m_ed25519[0].type(), KeyType::Ed25519);
        QCOMPARE(m_ed25519[0].bits(), 256);

        const Key null;
        QVERIFY(null.isNull());
        QVERIFY(!null.isPrivate());
        QCOMPARE(null.bits(), 0);
        QVERIFY(null.publicPem().isEmpty());
        QVERIFY(null.privatePem().isEmpty());
        QVERIFY(Key::generateEc(Curve::None).isNull());
        QVERIFY(Key::generateRsa(0).isNull());

        Key copy = m_p256[0];
        QVERIFY(!copy.isNull());
        QCOMPARE(copy.publicPem(), m_p256[0].publicPem());
        copy = null;
        QVERIFY(copy.isNull());
        QVERIFY(!m_p256[0].isNull());
    }

    void signVerify_data() { addAlgorithmRows(); }

    void signVerify()
    {
        QFETCH(QString, alg);
        const auto [scheme, hash] = algorithm(alg);
        const Key &key = keyFor(alg, 0);
        const QByteArray data = "header.payload";
        QString error;
        const QByteArray signature = Crypto::sign(scheme, hash, key, data, &error);
        QVERIFY2(!signature.isEmpty(), qPrintable(error));
        if (scheme == SignatureScheme::Ecdsa)
            QCOMPARE(signature.size(), 2 * ((key.bits() + 7) / 8)); // RFC 7518 §3.4
        if (scheme == SignatureScheme::EdDsa)
            QCOMPARE(signature.size(), 64);
        if (scheme == SignatureScheme::RsaPkcs1 || scheme == SignatureScheme::RsaPss)
            QCOMPARE(signature.size(), key.bits() / 8);

        QVERIFY(Crypto::verify(scheme, hash, key, data, signature));
        QVERIFY(!Crypto::verify(scheme, hash, key, data, flipBit(signature)));
        QVERIFY(!Crypto::verify(scheme, hash, key, data, flipBit(signature, signature.size() - 1)));
        QVERIFY(!Crypto::verify(scheme, hash, key, "header.payloaD", signature));
        QVERIFY(!Crypto::verify(scheme, hash, keyFor(alg, 1), data, signature));
        QVERIFY(!Crypto::verify(scheme, hash, Key(), data, signature));
        QVERIFY(!Crypto::verify(scheme, hash, key, data, {}));

        // The public half alone verifies.
        const Key publicKey = Key::fromPem(key.publicPem(), &error);
        QVERIFY2(!publicKey.isNull(), qPrintable(error));
        QVERIFY(Crypto::verify(scheme, hash, publicKey, data, signature));

        // Neither the other RSA padding nor another hash accepts the signature.
        if (scheme == SignatureScheme::RsaPkcs1)
            QVERIFY(!Crypto::verify(SignatureScheme::RsaPss, hash, key, data, signature));
        if (scheme == SignatureScheme::RsaPss)
            QVERIFY(!Crypto::verify(SignatureScheme::RsaPkcs1, hash, key, data, signature));
        if (scheme != SignatureScheme::EdDsa) {
            const Hash other = hash == Hash::Sha256 ? Hash::Sha384 : Hash::Sha256;
            QVERIFY(!Crypto::verify(scheme, other, key, data, signature));
        }
    }

    void ecdsaRejectsMalformed_data() { addAlgorithmRows(true); }

    void ecdsaRejectsMalformed()
    {
        QFETCH(QString, alg);
        const auto [scheme, hash] = algorithm(alg);
        const Key &key = keyFor(alg, 0);
        const QByteArray data = "header.payload";
        const QByteArray signature = Crypto::sign(scheme, hash, key, data);
        QVERIFY(Crypto::verify(scheme, hash, key, data, signature));
        const qsizetype half = signature.size() / 2;

        QVERIFY(!Crypto::verify(scheme, hash, key, data, joseToDer(signature)));
        QVERIFY(!Crypto::verify(scheme, hash, key, data, QByteArray(signature.size(), '\0')));
        QVERIFY(!Crypto::verify(scheme, hash, key, data, signature.chopped(1)));
        QVERIFY(!Crypto::verify(scheme, hash, key, data, signature.left(half)));
        QVERIFY(!Crypto::verify(scheme, hash, key, data, signature + '\0'));
        QVERIFY(!Crypto::verify(scheme, hash, key, data, '\0' + signature));
        QVERIFY(!Crypto::verify(scheme, hash, key, data,
                                QByteArray(half, '\0') + signature.mid(half))); // r = 0
        QVERIFY(!Crypto::verify(scheme, hash, key, data,
                                signature.left(half) + QByteArray(half, '\0'))); // s = 0
        // r and s above the group order.
        QVERIFY(!Crypto::verify(scheme, hash, key, data, QByteArray(signature.size(), '\xff')));
        // JOSE pins the curve to the hash (RFC 7518 §3.4).
        const Hash other = hash == Hash::Sha256 ? Hash::Sha384 : Hash::Sha256;
        QVERIFY(!Crypto::verify(scheme, other, key, data, signature));
    }

    void verifyRejectsRandomSignatures_data() { addAlgorithmRows(); }

    void verifyRejectsRandomSignatures()
    {
        QFETCH(QString, alg);
        const auto [scheme, hash] = algorithm(alg);
        const Key &key = keyFor(alg, 0);
        for (int length : {0, 1, 63, 64, 65, 96, 132, 255, 256, 257, 512, 4096}) {
            const QByteArray garbage = Crypto::randomBytes(length);
            QVERIFY(!Crypto::verify(scheme, hash, key, "data", garbage));
        }
    }

    void signRefusesUnsuitableKeys()
    {
        QString error;
        const Key publicOnly = Key::fromPem(m_p256[0].publicPem());
        QVERIFY(!publicOnly.isPrivate());
        QVERIFY(
            Crypto::sign(SignatureScheme::Ecdsa, Hash::Sha256, publicOnly, "x", &error).isEmpty());
        QVERIFY(!error.isEmpty());

        error.clear();
        QVERIFY(Crypto::sign(SignatureScheme::RsaPkcs1, Hash::Sha256, m_p256[0], "x", &error)
                    .isEmpty());
        QVERIFY(!error.isEmpty());

        error.clear();
        QVERIFY(
            Crypto::sign(SignatureScheme::Ecdsa, Hash::Sha384, m_p256[0], "x", &error).isEmpty());
        QVERIFY(!error.isEmpty());

        error.clear();
        QVERIFY(
            Crypto::sign(SignatureScheme::EdDsa, Hash::Sha256, m_rsa[0], "x", &error).isEmpty());
        QVERIFY(!error.isEmpty());

        error.clear();
        QVERIFY(Crypto::sign(SignatureScheme::Ecdsa, Hash::Sha256, Key(), "x", &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void pemRoundTrip_data() { addAlgorithmRows(); }

    void pemRoundTrip()
    {
        QFETCH(QString, alg);
        const auto [scheme, hash] = algorithm(alg);
        const Key &key = keyFor(alg, 0);
        QString error;

        const QByteArray publicPem = key.publicPem();
        QVERIFY(publicPem.startsWith("-----BEGIN PUBLIC KEY-----"));
        const Key publicKey = Key::fromPem(publicPem, &error);
        QVERIFY2(!publicKey.isNull(), qPrintable(error));
        QVERIFY(!publicKey.isPrivate());
        QCOMPARE(publicKey.type(), key.type());
        QCOMPARE(publicKey.curve(), key.curve());
        QCOMPARE(publicKey.bits(), key.bits());
        QVERIFY(publicKey.privatePem().isEmpty());
        QCOMPARE(publicKey.publicPem(), publicPem);

        const QByteArray privatePem = key.privatePem();
        QVERIFY(privatePem.startsWith("-----BEGIN PRIVATE KEY-----")); // PKCS#8
        const Key privateKey = Key::fromPem(privatePem, &error);
        QVERIFY2(!privateKey.isNull(), qPrintable(error));
        QVERIFY(privateKey.isPrivate());
        QCOMPARE(privateKey.publicPem(), publicPem);

        const QByteArray signature = Crypto::sign(scheme, hash, privateKey, "round trip", &error);
        QVERIFY2(!signature.isEmpty(), qPrintable(error));
        QVERIFY(Crypto::verify(scheme, hash, publicKey, "round trip", signature));
        QVERIFY(Crypto::verify(scheme, hash, key, "round trip", signature));
    }

    void pkcs1RsaKeys()
    {
        QString error;
        const Key privateKey = Key::fromPem(RsaPrivatePkcs1, &error);
        QVERIFY2(!privateKey.isNull(), qPrintable(error));
        QVERIFY(privateKey.isPrivate());
        QCOMPARE(privateKey.type(), KeyType::Rsa);
        QCOMPARE(privateKey.bits(), 2048);
        const Key publicKey = Key::fromPem(RsaPublicPkcs1, &error);
        QVERIFY2(!publicKey.isNull(), qPrintable(error));
        QVERIFY(!publicKey.isPrivate());
        QCOMPARE(publicKey.bits(), 2048);
        QCOMPARE(publicKey.publicPem(), privateKey.publicPem());

        // Byte-for-byte what openssl dgst produced.
        const QByteArray signature =
            Crypto::sign(SignatureScheme::RsaPkcs1, Hash::Sha256, privateKey, RsaMessage, &error);
        QCOMPARE(signature, b64u(RsaRs256Signature));
        QVERIFY(Crypto::verify(SignatureScheme::RsaPkcs1, Hash::Sha256, publicKey, RsaMessage,
                               signature));

        // PSS from another implementation, and RFC 7518 §3.5's fixed salt length.
        QVERIFY(Crypto::verify(SignatureScheme::RsaPss, Hash::Sha256, publicKey, RsaMessage,
                               b64u(RsaPs256Salt32)));
        QVERIFY(!Crypto::verify(SignatureScheme::RsaPss, Hash::Sha256, publicKey, RsaMessage,
                                b64u(RsaPs256Salt20)));

        const QByteArray pss =
            Crypto::sign(SignatureScheme::RsaPss, Hash::Sha512, privateKey, RsaMessage, &error);
        QVERIFY2(!pss.isEmpty(), qPrintable(error));
        QVERIFY(Crypto::verify(SignatureScheme::RsaPss, Hash::Sha512, publicKey, RsaMessage, pss));
    }

    void rsaFromComponents()
    {
        QString error;
        const QByteArray n = b64u(RsaN);
        const QByteArray e = b64u("AQAB");
        const Key publicKey = Key::fromRsa(n, e, {}, &error);
        QVERIFY2(!publicKey.isNull(), qPrintable(error));
        QVERIFY(!publicKey.isPrivate());
        QCOMPARE(publicKey.bits(), 2048);
        QCOMPARE(publicKey.publicPem(), Key::fromPem(RsaPublicPkcs1).publicPem());
        QVERIFY(Crypto::verify(SignatureScheme::RsaPkcs1, Hash::Sha256, publicKey, RsaMessage,
                               b64u(RsaRs256Signature)));

        // n, e and d only (no CRT factors) still signs.
        const Key privateKey = Key::fromRsa(n, e, b64u(RsaD), &error);
        QVERIFY2(!privateKey.isNull(), qPrintable(error));
        QVERIFY(privateKey.isPrivate());
        QCOMPARE(Crypto::sign(SignatureScheme::RsaPkcs1, Hash::Sha256, privateKey, RsaMessage),
                 b64u(RsaRs256Signature));

        // A leading zero octet (not minimal, but harmless) is tolerated.
        QVERIFY(!Key::fromRsa('\0' + n, e).isNull());
    }

    void rsaRejectsNonsense()
    {
        const QByteArray n = b64u(RsaN);
        const QByteArray e = b64u("AQAB");
        QString error;
        QVERIFY(Key::fromRsa({}, e, {}, &error).isNull());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(Key::fromRsa(n, {}, {}, &error).isNull());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(Key::fromRsa(flipBit(n, n.size() - 1), e, {}, &error).isNull()); // even modulus
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(Key::fromRsa(n, "\x01", {}, &error).isNull()); // e = 1
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(Key::fromRsa(n, "\x02", {}, &error).isNull()); // even e
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(Key::fromRsa(n, e, QByteArray(n.size(), '\xff'), &error).isNull()); // d >= n
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(Key::fromRsa(n, e, QByteArray(4, '\0'), &error).isNull()); // d = 0
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(Key::fromRsa(QByteArray(5000, '\x7f'), e, {}, &error).isNull());
        QVERIFY(!error.isEmpty());
    }

    void certificatePublicKey()
    {
        QString error;
        const Key certKey = Key::fromPem(EcCertificate, &error);
        QVERIFY2(!certKey.isNull(), qPrintable(error));
        QVERIFY(!certKey.isPrivate());
        QCOMPARE(certKey.type(), KeyType::Ec);
        QCOMPARE(certKey.curve(), Curve::P256);

        for (const char *pem : {EcPrivatePkcs8, EcPrivateSec1}) {
            const Key privateKey = Key::fromPem(pem, &error);
            QVERIFY2(!privateKey.isNull(), qPrintable(error));
            QVERIFY(privateKey.isPrivate());
            const QByteArray signature =
                Crypto::sign(SignatureScheme::Ecdsa, Hash::Sha256, privateKey, "cert", &error);
            QVERIFY2(!signature.isEmpty(), qPrintable(error));
            QVERIFY(
                Crypto::verify(SignatureScheme::Ecdsa, Hash::Sha256, certKey, "cert", signature));
        }

        // Blocks we do not read are skipped: a chain, or parameters before the key.
        const QByteArray withParameters =
            "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" +
            QByteArray(EcPrivateSec1);
        QVERIFY(Key::fromPem(withParameters, &error).isPrivate());
        const QByteArray chain = QByteArray(EcCertificate) + QByteArray(RsaPublicPkcs1);
        QCOMPARE(Key::fromPem(chain).type(), KeyType::Ec);
    }

    void ecdsaRfc7515()
    {
        QString error;
        const QByteArray x = b64u(Rfc7515X);
        const QByteArray y = b64u(Rfc7515Y);
        const Key publicKey = Key::fromEc(Curve::P256, x, y, {}, &error);
        QVERIFY2(!publicKey.isNull(), qPrintable(error));
        QVERIFY(!publicKey.isPrivate());
        QVERIFY(Crypto::verify(SignatureScheme::Ecdsa, Hash::Sha256, publicKey, Rfc7515Input,
                               b64u(Rfc7515Signature)));

        const Key privateKey = Key::fromEc(Curve::P256, x, y, b64u(Rfc7515D), &error);
        QVERIFY2(!privateKey.isNull(), qPrintable(error));
        QVERIFY(privateKey.isPrivate());
        QCOMPARE(privateKey.publicPem(), publicKey.publicPem());
        const QByteArray signature =
            Crypto::sign(SignatureScheme::Ecdsa, Hash::Sha256, privateKey, Rfc7515Input, &error);
        QVERIFY2(!signature.isEmpty(), qPrintable(error));
        QVERIFY(Crypto::verify(SignatureScheme::Ecdsa, Hash::Sha256, publicKey, Rfc7515Input,
                               signature));
    }

    void fromEcRejectsBadInput()
    {
        const QByteArray x = b64u(Rfc7515X);
        const QByteArray y = b64u(Rfc7515Y);
        const QByteArray d = b64u(Rfc7515D);
        QString error;
        auto rejected = [&error](const Key &key) {
            const bool ok = key.isNull() && !error.isEmpty();
            error.clear();
            return ok;
        };
        QVERIFY(rejected(Key::fromEc(Curve::P256, x, flipBit(y, 31), {}, &error))); // off curve
        QVERIFY(rejected(Key::fromEc(Curve::P256, x, flipBit(y, 31), d, &error)));
        QVERIFY(rejected(
            Key::fromEc(Curve::P256, QByteArray(32, '\0'), QByteArray(32, '\0'), {}, &error)));
        QVERIFY(rejected(Key::fromEc(Curve::P256, QByteArray(32, '\xff'), y, {}, &error)));
        QVERIFY(rejected(Key::fromEc(Curve::P256, x.mid(1), y, {}, &error)));        // 31 bytes
        QVERIFY(rejected(Key::fromEc(Curve::P256, '\0' + x, '\0' + y, {}, &error))); // 33 bytes
        QVERIFY(rejected(Key::fromEc(Curve::P384, x, y, {}, &error))); // wrong curve size
        QVERIFY(rejected(
            Key::fromEc(Curve::P521, QByteArray(65, '\1'), QByteArray(65, '\1'), {}, &error)));
        QVERIFY(rejected(Key::fromEc(Curve::None, x, y, {}, &error)));
        QVERIFY(rejected(Key::fromEc(Curve::P256, x, y, d.mid(1), &error)));             // short d
        QVERIFY(rejected(Key::fromEc(Curve::P256, x, y, QByteArray(32, '\0'), &error))); // d = 0
        QVERIFY(rejected(Key::fromEc(Curve::P256, x, y, QByteArray(32, '\xff'), &error))); // >= n
        QVERIFY(rejected(Key::fromEc(Curve::P256, x, y, flipBit(d, 31), &error))); // not x,y's d
        // Nor is a missing error pointer a problem.
        QVERIFY(Key::fromEc(Curve::P256, x, flipBit(y, 31)).isNull());
    }

    void ed25519Rfc8037()
    {
        QString error;
        const QByteArray x = b64u(Rfc8037X);
        const Key privateKey = Key::fromEd25519(x, b64u(Rfc8037D), &error);
        QVERIFY2(!privateKey.isNull(), qPrintable(error));
        QVERIFY(privateKey.isPrivate());
        QCOMPARE(privateKey.type(), KeyType::Ed25519);
        // Ed25519 is deterministic, so this is the RFC's exact signature (A.4).
        const QByteArray signature =
            Crypto::sign(SignatureScheme::EdDsa, Hash::Sha256, privateKey, Rfc8037Input, &error);
        QCOMPARE(signature, b64u(Rfc8037Signature));

        const Key publicKey = Key::fromEd25519(x, {}, &error);
        QVERIFY2(!publicKey.isNull(), qPrintable(error));
        QVERIFY(!publicKey.isPrivate());
        QVERIFY(Crypto::verify(SignatureScheme::EdDsa, Hash::Sha256, publicKey, Rfc8037Input,
                               signature));
        QVERIFY(!Crypto::verify(SignatureScheme::EdDsa, Hash::Sha256, publicKey, Rfc8037Input,
                                flipBit(signature, 40)));

        QVERIFY(Key::fromEd25519(x.mid(1), {}, &error).isNull());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(Key::fromEd25519(x, b64u(Rfc8037D).mid(1), &error).isNull());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(
            Key::fromEd25519(flipBit(x), b64u(Rfc8037D), &error).isNull()); // x does not match d
        QVERIFY(!error.isEmpty());
    }

    void fromPemRejectsGarbage_data()
    {
        QTest::addColumn<QByteArray>("pem");
        const QByteArray cert(EcCertificate);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("not a key at all");
        QTest::newRow("binary") << QByteArray("\x30\x82\x01\x0a\x02\x82\x01\x01\x00\xff", 10);
        QTest::newRow("empty body")
            << QByteArray("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n");
        QTest::newRow("short body")
            << QByteArray("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        QTest::newRow("bad base64")
            << QByteArray("-----BEGIN PUBLIC KEY-----\n!!!*\n-----END PUBLIC KEY-----\n");
        QTest::newRow("unterminated") << QByteArray("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2Vw\n");
        QTest::newRow("mismatched end")
            << QByteArray("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        QTest::newRow("truncated certificate")
            << cert.left(cert.size() / 2) + "\n-----END CERTIFICATE-----\n";
        QTest::newRow("unknown label")
            << QByteArray("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n");
        QTest::newRow("pkcs#8 encrypted")
            << QByteArray("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                          "-----END ENCRYPTED PRIVATE KEY-----\n");
        QTest::newRow("traditional encrypted")
            << QByteArray("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                          "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n"
                          "-----END RSA PRIVATE KEY-----\n");
        QByteArray relabelled = cert;
        relabelled.replace("CERTIFICATE", "RSA PUBLIC KEY");
        QTest::newRow("certificate labelled pkcs#1") << relabelled;
        QTest::newRow("x25519") << QByteArray(X25519Public);
        QTest::newRow("secp256k1") << QByteArray(Secp256k1Public);
        QTest::newRow("huge") << QByteArray(2 << 20, 'A');
    }

    void fromPemRejectsGarbage()
    {
        QFETCH(QByteArray, pem);
        QString error;
        const Key key = Key::fromPem(pem, &error);
        QVERIFY(key.isNull());
        QVERIFY(!error.isEmpty());
        QVERIFY(Key::fromPem(pem).isNull()); // no error pointer
    }

    void fromPemSurvivesMutations()
    {
        // Random damage to real DER must never crash. Beyond that: the undamaged source
        // parses, a truncated one is refused with a reason, and whatever key still results
        // from damaged bytes is of the source's type (never something else).
        const QList<QByteArray> sources = {EcCertificate, EcPrivatePkcs8, EcPrivateSec1,
                                           RsaPublicPkcs1, RsaPrivatePkcs1};
        int refused = 0;
        for (const QByteArray &pem : sources) {
            const qsizetype bodyStart = pem.indexOf('\n') + 1;
            const qsizetype bodyEnd = pem.indexOf("-----END");
            const QByteArray header = pem.left(bodyStart);
            const QByteArray footer = pem.mid(bodyEnd);
            const QByteArray der = QByteArray::fromBase64(pem.mid(bodyStart, bodyEnd - bodyStart));
            QVERIFY(!der.isEmpty());
            const Key original = Key::fromPem(pem);
            QVERIFY(!original.isNull());
            for (int round = 0; round < 200; ++round) {
                QByteArray damaged = der;
                const QByteArray noise = Crypto::randomBytes(8);
                for (int i = 0; i < 4; ++i) {
                    const qsizetype at = quint8(noise.at(i)) * damaged.size() / 256;
                    damaged[at] = noise.at(i + 4);
                }
                const bool truncated = round % 3 == 0;
                if (truncated)
                    damaged.truncate(quint8(noise.at(0)) * damaged.size() / 256);
                QString error;
                const Key key = Key::fromPem(header + damaged.toBase64() + '\n' + footer, &error);
                if (truncated) {
                    QVERIFY2(key.isNull(), "a truncated DER body gave a key");
                    QVERIFY(!error.isEmpty());
                }
                if (key.isNull()) {
                    ++refused;
                    QVERIFY(!error.isEmpty());
                    continue;
                }
                QCOMPARE(key.type(), original.type());
                if (key.isPrivate())
                    Crypto::sign(SignatureScheme::Ecdsa, Hash::Sha256, key, "x");
            }
        }
        QVERIFY(refused >= 5 * 67); // at least every truncated one
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
