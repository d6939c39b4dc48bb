// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// SCRAM-SHA-256 (RFC 5802, RFC 7677) as TAP/1 carries it: no channel binding,
// GS2 header "n,,". Sans-I/O: messages in, messages out.
namespace Scram {

constexpr int defaultIterations = 15000;
constexpr int minIterations = 4096;      // below: a downgrade (PROTOCOL.md)
constexpr int maxIterations = 10000000;  // above: a denial of service
constexpr int nonceBytes = 18;

// What the server stores instead of a password (RFC 5802 §3), in PostgreSQL's
// text form: SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>.
struct Verifier
{
    int iterations = 0;
    QByteArray salt;
    QByteArray storedKey;
    QByteArray serverKey;

    static Verifier fromPassword(const QString &password, const QByteArray &salt, int iterations);
    static std::optional<Verifier> parse(const QString &text);
    QString toString() const;
};

// SASLprep, as far as TAP/1 requires: NFKC, and no control characters.
std::optional<QString> prepare(const QString &text);
// RFC 5802 §5.1 saslname: "=" -> "=3D", "," -> "=2C"; nullopt for other bad input.
std::optional<QString> encodeName(const QString &name);
std::optional<QString> decodeName(const QString &saslName);
QByteArray newNonce(); // base64 of nonceBytes CSPRNG bytes

class ClientExchange
{
public:
    ClientExchange(const QString &user, const QString &password, QByteArray nonce = newNonce());

    // Empty with *error set if the user name cannot be sent.
    QByteArray clientFirst(QString *error);
    // The client-final message, or empty with *error (bad message, nonce,
    // iteration count outside minIterations..maxIterations).
    QByteArray handleServerFirst(const QByteArray &serverFirst, QString *error);
    // True when v= proves the server knows the verifier (constant-time).
    bool verifyServerFinal(const QByteArray &serverFinal, QString *error) const;
    int iterations() const { return m_iterations; }

private:
    QString m_user;
    QString m_password;
    QByteArray m_nonce;
    QByteArray m_clientFirstBare;
    QByteArray m_expectedServerSignature;
    int m_iterations = 0;
};

class ServerExchange
{
public:
    enum class Failure { None, BadMessage, NonceMismatch, InvalidProof };

    explicit ServerExchange(QByteArray nonce = newNonce());

    // Parses client-first; returns the user name (decoded) or nullopt.
    std::optional<QString> handleClientFirst(const QByteArray &clientFirst);
    // Given the user's verifier (or a fake one for unknown users), the server-first message.
    QByteArray serverFirst(const Verifier &verifier);
    // Checks client-final; on success returns server-final ("v=...").
    QByteArray handleClientFinal(const QByteArray &clientFinal, Failure *failure);

private:
    QByteArray m_nonce;
    QByteArray m_clientNonce;
    QByteArray m_clientFirstBare;
    QByteArray m_serverFirst;
    Verifier m_verifier;
};

} // namespace Scram
