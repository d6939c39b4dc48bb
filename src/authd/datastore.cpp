// SPDX-License-Identifier: GPL-3.0-or-later
#include "datastore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Authd {

namespace {

bool writePrivateFile(const QString &path, const QByteArray &data, QString *error)
{
    // QSaveFile writes a temporary file and renames it: never half a key.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

constexpr int saltSecretBytes = 32;
constexpr qint64 iterationCountsMaxAge = 60; // seconds: `user add` in another process shows soon

// A missing file is created; one that exists but cannot be read is an error,
// never silently replaced (that would void every token or change every fake salt).
std::optional<QByteArray> readPrivateFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return QByteArray();
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            u"cannot read %1: %2; fix its owner or mode, or move it away to start afresh"_s.arg(
                path, file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    if (data.isEmpty()) {
        *error =
            u"%1 is empty; restore it from a backup, or move it away to start afresh"_s.arg(path);
        return std::nullopt;
    }
    return data;
}

} // namespace

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray ed25519PublicBytes(const Crypto::Key &key)
{
    // An Ed25519 SubjectPublicKeyInfo is a fixed 12-byte prefix and the 32-byte key (RFC 8410 §4).
    QByteArray pem = key.publicPem();
    const QByteArray body = QByteArray::fromBase64(pem.replace("-----BEGIN PUBLIC KEY-----", "")
                                                       .replace("-----END PUBLIC KEY-----", "")
                                                       .trimmed());
    return body.size() == 44 ? body.right(32) : QByteArray();
}

DataStore::DataStore(const QString &directory)
    : m_directory(QDir(directory).absolutePath())
    , m_connection(u"authd-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

DataStore::~DataStore()
{
    m_selectUser.reset();
    m_updateLogin.reset();
    m_selectRevoked.reset();
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

bool DataStore::open(QString *error)
{
    if (!QDir().mkpath(m_directory)) {
        *error = u"cannot create the data directory %1"_s.arg(m_directory);
        return false;
    }
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    const QString keyPath = m_directory + u"/signing-key.pem"_s;
    const auto existingKey = readPrivateFile(keyPath, error);
    if (!existingKey)
        return false;
    QByteArray pem = *existingKey;
    if (pem.isEmpty()) {
        pem = Crypto::Key::generateEd25519().privatePem();
        if (!writePrivateFile(keyPath, pem, error))
            return false;
    }
    QString why;
    m_signingKey = Crypto::Key::fromPem(pem, &why);
    if (m_signingKey.isNull() || !m_signingKey.isPrivate()) {
        *error = u"the signing key %1 is unreadable: %2"_s.arg(keyPath, why);
        return false;
    }
    // kid: the RFC 7638 thumbprint of the public JWK.
    const QByteArray canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" +
                                 base64Url(ed25519PublicBytes(m_signingKey)).toLatin1() + "\"}";
    m_keyId = base64Url(Crypto::digest(Crypto::Hash::Sha256, canonical));

    const QString secretPath = m_directory + u"/salt-secret"_s;
    const auto existingSecret = readPrivateFile(secretPath, error);
    if (!existingSecret)
        return false;
    m_saltSecret = *existingSecret;
    if (m_saltSecret.isEmpty()) {
        m_saltSecret = Crypto::randomBytes(saltSecretBytes);
        if (!writePrivateFile(secretPath, m_saltSecret, error))
            return false;
    } else if (m_saltSecret.size() != saltSecretBytes) {
        *error = u"%1 is not a %2-byte secret; restore it, or move it away to start afresh"_s
                     .arg(secretPath)
                     .arg(saltSecretBytes);
        return false;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_directory + u"/users.sqlite"_s);
    if (!db.open()) {
        *error = u"cannot open the user database: %1"_s.arg(db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    const char *const schema[] = {
        "PRAGMA journal_mode=WAL",
        // WAL + NORMAL: a crash of the process never loses or corrupts a commit;
        // only a power cut can drop the newest ones (no fsync per login).
        "PRAGMA synchronous=NORMAL",
        "CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, verifier TEXT NOT NULL,"
        " disabled INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL, updated INTEGER NOT NULL,"
        " last_login INTEGER)",
        "CREATE TABLE IF NOT EXISTS revoked (jti TEXT PRIMARY KEY, expires INTEGER NOT NULL)",
    };
    for (const char *statement : schema)
        if (!q.exec(QString::fromLatin1(statement))) {
            *error = u"cannot prepare the user database: %1"_s.arg(q.lastError().text());
            return false;
        }
    pruneRevoked(QDateTime::currentSecsSinceEpoch());
    QFile::setPermissions(m_directory + u"/users.sqlite"_s,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_selectUser = std::make_unique<QSqlQuery>(db);
    m_updateLogin = std::make_unique<QSqlQuery>(db);
    m_selectRevoked = std::make_unique<QSqlQuery>(db);
    if (!m_selectUser->prepare(u"SELECT verifier, disabled FROM users WHERE name = ?"_s) ||
        !m_updateLogin->prepare(u"UPDATE users SET last_login = ? WHERE name = ?"_s) ||
        !m_selectRevoked->prepare(u"SELECT 1 FROM revoked WHERE jti = ?"_s)) {
        *error = u"cannot prepare the user database: %1"_s.arg(m_selectUser->lastError().text());
        return false;
    }
    return true;
}

std::optional<UserRecord> DataStore::user(const QString &name) const
{
    QSqlQuery &q = *m_selectUser;
    q.bindValue(0, name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const auto verifier = Scram::Verifier::parse(q.value(0).toString());
    const bool disabled = q.value(1).toBool();
    q.finish();
    if (!verifier)
        return std::nullopt;
    return UserRecord{name, *verifier, disabled};
}

QList<UserRecord> DataStore::users() const
{
    QList<UserRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.exec(u"SELECT name, verifier, disabled FROM users ORDER BY name"_s);
    while (q.next())
        out.append({q.value(0).toString(),
                    Scram::Verifier::parse(q.value(1).toString()).value_or(Scram::Verifier()),
                    q.value(2).toBool()});
    return out;
}

QStringList DataStore::userNames() const
{
    QStringList names;
    for (const UserRecord &u : users())
        names << u.name;
    return names;
}

bool DataStore::putUser(const QString &name, const Scram::Verifier &verifier, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    q.prepare(
        u"INSERT INTO users (name, verifier, created, updated) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(name) DO UPDATE SET verifier = excluded.verifier, updated = excluded.updated"_s);
    q.addBindValue(name);
    q.addBindValue(verifier.toString());
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool DataStore::setDisabled(const QString &name, bool disabled, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"UPDATE users SET disabled = ?, updated = ? WHERE name = ?"_s);
    q.addBindValue(disabled ? 1 : 0);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(name);
    if (!q.exec() || q.numRowsAffected() != 1) {
        *error = u"no user \"%1\""_s.arg(name);
        return false;
    }
    return true;
}

bool DataStore::removeUser(const QString &name, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"DELETE FROM users WHERE name = ?"_s);
    q.addBindValue(name);
    if (!q.exec() || q.numRowsAffected() != 1) {
        *error = u"no user \"%1\""_s.arg(name);
        return false;
    }
    return true;
}

void DataStore::recordLogin(const QString &name)
{
    QSqlQuery &q = *m_updateLogin;
    q.bindValue(0, QDateTime::currentSecsSinceEpoch());
    q.bindValue(1, name);
    q.exec();
    q.finish();
}

bool DataStore::isRevoked(const QString &jti) const
{
    QSqlQuery &q = *m_selectRevoked;
    q.bindValue(0, jti);
    // A database that cannot answer counts as "revoked": never let a token through on an error.
    const bool revoked = !q.exec() || q.next();
    q.finish();
    return revoked;
}

bool DataStore::revoke(const QString &jti, qint64 expires)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"INSERT OR IGNORE INTO revoked (jti, expires) VALUES (?, ?)"_s);
    q.addBindValue(jti);
    q.addBindValue(expires);
    return q.exec() && q.numRowsAffected() == 1;
}

void DataStore::pruneRevoked(qint64 now)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"DELETE FROM revoked WHERE expires < ?"_s);
    q.addBindValue(now);
    q.exec();
}

int DataStore::fakeIterations(const QString &name, int fallback) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (m_iterationCountsAt < 0 || now - m_iterationCountsAt > iterationCountsMaxAge) {
        m_iterationCounts.clear();
        QSqlQuery q(QSqlDatabase::database(m_connection));
        q.exec(u"SELECT verifier FROM users"_s);
        while (q.next())
            if (const auto v = Scram::Verifier::parse(q.value(0).toString()))
                m_iterationCounts.append(v->iterations);
        std::sort(m_iterationCounts.begin(), m_iterationCounts.end());
        m_iterationCountsAt = now;
    }
    if (m_iterationCounts.isEmpty())
        return fallback;
    const QByteArray pick =
        Crypto::hmac(Crypto::Hash::Sha256, m_saltSecret, "iterations:" + name.toUtf8());
    quint64 n = 0;
    for (int i = 0; i < 8; ++i)
        n = (n << 8) | uchar(pick[i]);
    return m_iterationCounts[qsizetype(n % quint64(m_iterationCounts.size()))];
}

} // namespace Authd
